package org.ecoplan.formats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature read from a file, before any check against a schema.
 *
 * @param index      1-based position of the feature in the file (for a Shapefile, the record number)
 * @param line       line of the feature in a text file, or 0
 * @param properties values by field name in file order: String, Long, Double, Boolean,
 *                   {@link java.time.LocalDate} or null
 * @param geometry   the geometry, x = east and y = north in the file's CRS, or null
 * @param problems   what could not be read, by field
 */
public record FormatRecord(long index, long line, Map<String, Object> properties, Geometry geometry,
        List<Problem> problems) {
    /** A part of a record that could not be read; field is null for the record as a whole. */
    public record Problem(String field, String message) {}

    public FormatRecord {
        // LinkedHashMap keeps file order and, unlike Map.copyOf, null values
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        problems = List.copyOf(problems);
    }
}
