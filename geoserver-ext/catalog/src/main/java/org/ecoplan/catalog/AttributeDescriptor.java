package org.ecoplan.catalog;

import java.util.List;

/**
 * One non-geometric property of a feature type: name, value type, alias and the checks the
 * data-loader applies to it.
 *
 * @param name     ASCII property name, used as column name and in every protocol
 * @param type     value type
 * @param required whether a value must be present (null / empty string rejected by the loader)
 * @param alias    human-readable name in zh and en (GetFeatureInfo HTML, viewer popups)
 * @param codes    allowed values (a code list), empty when any value is allowed
 * @param derive   a value the loader computes instead of reading it ("area_km2", "length_km",
 *                 both in EPSG:4547), or null
 */
public record AttributeDescriptor(String name, AttributeType type, boolean required, Localized alias,
        List<String> codes, String derive) {
    public AttributeDescriptor {
        codes = codes == null ? List.of() : List.copyOf(codes);
        alias = alias == null ? new Localized(name, name) : alias;
    }

    public static AttributeDescriptor of(String name, AttributeType type) {
        return new AttributeDescriptor(name, type, false, null, List.of(), null);
    }
}
