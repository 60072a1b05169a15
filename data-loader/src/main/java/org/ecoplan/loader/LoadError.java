package org.ecoplan.loader;

/**
 * One problem that stops a load, located as precisely as the input allows.
 *
 * @param file    the file at fault, relative to the workspace ("data/zones.geojson"), with ":line[:column]"
 *                when known
 * @param feature the feature at fault ("feature 3 (id 'z3')"), or null for file-level problems
 * @param field   the property at fault ("zone_type", "geometry"), or null
 * @param message what is wrong, with the offending value
 */
public record LoadError(String file, String feature, String field, String message) {
    /** The report line: {@code file: feature N (id 'x'), field 'f': message}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file).append(": ");
        if (feature != null) sb.append(feature);
        if (field != null) sb.append(feature != null ? ", " : "").append("field '").append(field).append('\'');
        if (feature != null || field != null) sb.append(": ");
        return sb.append(message).toString();
    }
}
