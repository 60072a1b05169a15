package org.ecoplan.loader.source;

import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature as a source file holds it, before any check: raw property values (String, Long,
 * Double, Boolean, or a List/Map for JSON structures) and the geometry in the source CRS.
 *
 * @param index      1-based position in the source; becomes the fid
 * @param id         the source's own identifier (GeoJSON "id"), or null
 * @param line       line of the feature in a text file, or 0
 * @param properties property values by source name, in source order
 * @param geometry   the geometry (east/north), or null when absent or unreadable
 * @param problems   what the reader could not read, by field
 */
public record SourceRecord(long index, String id, long line, Map<String, Object> properties, Geometry geometry,
        List<Problem> problems) {
    /** A part of a record the reader could not read. */
    public record Problem(String field, String message) {}

    public SourceRecord {
        problems = List.copyOf(problems);
    }
}
