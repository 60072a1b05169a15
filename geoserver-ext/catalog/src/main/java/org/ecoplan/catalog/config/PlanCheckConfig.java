package org.ecoplan.catalog.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which layers of a workspace the plan check for a site (OGC API – Processes process
 * {@code plan-check}) overlays, read from the workspace's {@code planCheck:}: the boundary that
 * tells "in the county" from "outside", and for each checked layer its role in the plan and the
 * attributes whose values the report quotes. The layers' own titles, aliases and metadata
 * (schematic, confidence) travel with the report, so a reader sees what is plan text and what was
 * drawn by the project.
 *
 * @param boundary the layer whose area is the plan's territory (the county)
 * @param layers   the layers the site is checked against, in report order
 * @param map      the layers drawn under the site on the report's map, bottom first
 */
public record PlanCheckConfig(String boundary, List<Entry> layers, List<String> map, Location location) {
    public PlanCheckConfig {
        layers = List.copyOf(layers);
        map = List.copyOf(map);
    }

    /** What a checked layer is in the plan; the report groups what the site touches by it. */
    public enum Role {
        ZONES("zones"),
        KEY_AREAS("keyAreas"),
        PROJECTS("projects"),
        PROBLEMS("problems"),
        PATTERN("pattern");

        private final String key;

        Role(String key) { this.key = key; }

        /** The name in configuration and in the report ("zones", "keyAreas", ...). */
        public String key() {
            return key;
        }

        public static Optional<Role> of(String key) {
            for (Role r : values()) if (r.key.equals(key)) return Optional.of(r);
            return Optional.empty();
        }

        @Override
        public String toString() { return key.toLowerCase(Locale.ROOT); }
    }

    /** One checked layer: its id, its role, and the attributes the report quotes for each feature it touches. */
    public record Entry(String layer, Role role, List<String> report, Location location) {
        public Entry {
            report = List.copyOf(report);
        }
    }
}
