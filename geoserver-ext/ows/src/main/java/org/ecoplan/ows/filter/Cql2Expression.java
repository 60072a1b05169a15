package org.ecoplan.ows.filter;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * A CQL2 expression (OGC 21-065r2) as both encodings read it, before it is checked against a
 * feature type: CQL2 text and CQL2 JSON parse into this one tree, which {@link Cql2ToFilter}
 * turns into the catalog's filter model.
 */
public sealed interface Cql2Expression {
    /** A property reference ({@code name} or {@code {"property": "name"}}). */
    record Property(String name) implements Cql2Expression {}

    /** A string, number, boolean or date / timestamp literal (dates as {@link java.time.LocalDate}). */
    record Literal(Object value) implements Cql2Expression {}

    /** A spatial literal, east/north in the filter CRS: a WKT / GeoJSON geometry or a BBOX. */
    record Spatial(Geometry geometry) implements Cql2Expression {}

    /** A list of literals (the right side of IN). */
    record Array(List<Cql2Expression> items) implements Cql2Expression {}

    /** An operator or function with its arguments; {@code op} in lower case ("and", "=", "s_intersects", "casei"). */
    record Call(String op, List<Cql2Expression> args) implements Cql2Expression {}
}
