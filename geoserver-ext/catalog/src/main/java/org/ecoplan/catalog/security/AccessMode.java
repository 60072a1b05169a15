package org.ecoplan.catalog.security;

import java.util.Optional;

/** The permissions of a data rule, GeoServer's {@code layers.properties} letters: r, w, a. */
public enum AccessMode {
    READ("r"),
    WRITE("w"),
    ADMIN("a");

    private final String letter;

    AccessMode(String letter) { this.letter = letter; }

    public String letter() { return letter; }

    public static Optional<AccessMode> of(String letter) {
        for (AccessMode m : values()) if (m.letter.equals(letter)) return Optional.of(m);
        return Optional.empty();
    }
}
