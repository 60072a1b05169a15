package org.ecoplan.catalog.query;

import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The filter model every protocol parses into (OGC Filter Encoding 2.0 / 1.1, CQL, OGC API
 * query parameters) and every store translates into bound SQL parameters.
 *
 * <p>Property names are plain schema names, checked against the feature type before a store sees
 * them. Literal geometries and boxes are in the layer's native CRS, east/north order: the protocol
 * layer transforms and swaps axes before building the filter.
 */
public sealed interface Filter {

    /** Matches every feature. */
    record Include() implements Filter {}

    /** Matches no feature. */
    record Exclude() implements Filter {}

    /**
     * The most operands one And or Or (a CQL IN list included) may have: every store must be able to
     * evaluate it, and SQLite refuses expressions deeper than 1000 (a long OR chain is that deep).
     */
    int MAX_OPERANDS = 500;
    /** The most identifiers one ResourceId may list. */
    int MAX_IDS = 1000;

    record And(List<Filter> children) implements Filter {
        public And {
            children = List.copyOf(Limits.operands(children, "And"));
        }
    }

    record Or(List<Filter> children) implements Filter {
        public Or {
            children = List.copyOf(Limits.operands(children, "Or"));
        }
    }

    record Not(Filter child) implements Filter {}

    /** property OP literal; the literal is already converted to the attribute's Java type. */
    record Comparison(String property, ComparisonOperator op, Object value, boolean matchCase) implements Filter {}

    /**
     * property LIKE pattern, with the pattern's own wild card, single character and escape
     * characters (FES 2.0 PropertyIsLike).
     */
    record Like(String property, String pattern, char wildCard, char singleChar, char escape, boolean matchCase)
            implements
                Filter {}

    record IsNull(String property) implements Filter {}

    record Between(String property, Object lower, Object upper) implements Filter {}

    /** The envelope-intersects test (FES BBOX), index-backed in every store. */
    record BBox(Envelope envelope) implements Filter {}

    /**
     * A spatial predicate between the feature geometry and a literal geometry; distance (in the
     * units of the native CRS) only for DWITHIN and BEYOND.
     */
    record Spatial(SpatialOperator op, Geometry geometry, double distance) implements Filter {}

    /** Feature identifiers ("layer.fid"). */
    record ResourceId(List<String> ids) implements Filter {
        public ResourceId {
            if (ids.size() > MAX_IDS) {
                throw new QueryException("A filter lists " + ids.size() + " feature ids; the limit is " + MAX_IDS,
                        "resourceId");
            }
            ids = List.copyOf(ids);
        }
    }

    /** The size checks of the records above. */
    final class Limits {
        private Limits() {}

        static <T> List<T> operands(List<T> children, String what) {
            if (children.size() > MAX_OPERANDS) {
                throw new QueryException("A filter " + what + " (or IN list) has " + children.size()
                        + " operands; the limit is " + MAX_OPERANDS, "filter");
            }
            return children;
        }
    }

    Filter INCLUDE = new Include();
    Filter EXCLUDE = new Exclude();

    static Filter and(Filter a, Filter b) {
        if (a instanceof Include) return b;
        if (b instanceof Include) return a;
        return new And(List.of(a, b));
    }
}
