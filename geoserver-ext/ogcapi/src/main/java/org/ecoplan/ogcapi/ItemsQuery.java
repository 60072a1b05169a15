package org.ecoplan.ogcapi;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ecoplan.catalog.AttributeDescriptor;
import org.ecoplan.catalog.AttributeType;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.config.PlanPeriod;
import org.ecoplan.catalog.crs.Crs;
import org.ecoplan.catalog.query.ComparisonOperator;
import org.ecoplan.catalog.query.Filter;
import org.ecoplan.catalog.query.QueryException;
import org.ecoplan.catalog.query.SpatialOperator;
import org.ecoplan.ows.KvpMap;
import org.ecoplan.ows.filter.Cql2Expression;
import org.ecoplan.ows.filter.Cql2JsonParser;
import org.ecoplan.ows.filter.Cql2TextParser;
import org.ecoplan.ows.filter.Cql2ToFilter;
import org.ecoplan.ows.filter.NativeSpatialFilters;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The query parameters of {@code GET /collections/{id}/items} (OGC 17-069r4 clause 7.15.2–7.15.5,
 * OGC 18-058r1 clause 6.2–6.3), validated: {@code limit} (1 …; above the maximum the maximum
 * applies, as /req/core/fc-limit-response-1 asks), {@code offset} (this server's paging),
 * {@code bbox} with {@code bbox-crs}, {@code crs}, {@code datetime}, one equality filter per
 * queryable property, and a CQL2 {@code filter} (OGC 19-079r2). Any other parameter is a 400 (/req/core/query-param-unknown).
 */
record ItemsQuery(int limit, long offset, Filter filter, Crs crs, Map<String, String> echo) {
    static final int DEFAULT_LIMIT = 10;
    static final Set<String> FIXED = Set.of("F", "LIMIT", "OFFSET", "BBOX", "BBOX-CRS", "CRS", "DATETIME", "FILTER",
            "FILTER-LANG", "FILTER-CRS");

    static ItemsQuery parse(KvpMap params, FeatureType type, CollectionCrs crsList, int maxLimit, PlanPeriod period) {
        Map<String, String> raw = params.asMap();
        for (String name : raw.keySet()) {
            if (!FIXED.contains(name) && queryable(type, name).isEmpty()) {
                throw Problem.badRequest(name.toLowerCase(Locale.ROOT), "Unknown query parameter '"
                        + Problem.abbreviate(name.toLowerCase(Locale.ROOT))
                        + "'; the API definition lists those known");
            }
        }
        int limit = (int) Math.min(maxLimit, integer(params.value("limit"), "limit", 1, DEFAULT_LIMIT));
        long offset = integer(params.value("offset"), "offset", 0, 0);
        Crs crs = params.value("crs") == null ? crsList.offered().get(0) : crsList.require("crs", params.value("crs"));
        List<Filter> parts = new ArrayList<>();
        if (params.value("bbox") != null) {
            Crs bboxCrs = params.value("bbox-crs") == null
                    ? crsList.offered().get(0)
                    : crsList.require("bbox-crs", params.value("bbox-crs"));
            parts.add(bbox(params.value("bbox"), bboxCrs, type));
        } else if (params.value("bbox-crs") != null) {
            crsList.require("bbox-crs", params.value("bbox-crs"));
        }
        if (params.value("datetime") != null) datetime(params.value("datetime"), type, period).ifPresent(parts::add);
        Filter cql2 = filter(params, type, crsList);
        if (cql2 != null) parts.add(cql2);
        for (Map.Entry<String, String> e : raw.entrySet()) {
            if (FIXED.contains(e.getKey())) continue;
            AttributeDescriptor a = queryable(type, e.getKey()).orElseThrow();
            parts.add(new Filter.Comparison(a.name(), ComparisonOperator.EQUAL, value(a, e.getValue()), true));
        }
        Filter filter = parts.isEmpty()
                ? new Filter.Include()
                : parts.size() == 1 ? parts.get(0) : new Filter.And(parts);
        return new ItemsQuery(limit, offset, filter, crs, raw);
    }

    /**
     * {@code filter} in {@code filter-lang} (cql2-text, the default, or cql2-json) with spatial
     * literals in {@code filter-crs} (CRS84 by default): OGC 19-079r2 clause 7 and 8.
     */
    static Filter filter(KvpMap params, FeatureType type, CollectionCrs crsList) {
        String lang = params.value("filter-lang");
        if (lang != null && !lang.equals("cql2-text") && !lang.equals("cql2-json")) {
            throw Problem.badRequest("filter-lang", "filter-lang must be cql2-text or cql2-json, not '"
                    + Problem.abbreviate(lang) + "'");
        }
        Crs filterCrs = params.value("filter-crs") == null
                ? crsList.offered().get(0)
                : crsList.require("filter-crs", params.value("filter-crs"));
        String text = params.value("filter");
        if (text == null) return null;
        Cql2Expression e = "cql2-json".equals(lang)
                ? Cql2JsonParser.parse(text, "filter")
                : Cql2TextParser.parse(text, "filter");
        return new Cql2ToFilter(type, filterCrs, "filter").translate(e);
    }

    /** The properties that may be filtered on: every attribute (the geometry is filtered with bbox). */
    static Optional<AttributeDescriptor> queryable(FeatureType type, String upperName) {
        return type.attributes().stream().filter(a -> a.name().toUpperCase(Locale.ROOT).equals(upperName)).findFirst();
    }

    private static long integer(String v, String name, long min, long fallback) {
        if (v == null) return fallback;
        try {
            long n = Long.parseLong(v.trim());
            if (n < min) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw Problem.badRequest(name, name + " must be a whole number >= " + min + ", not '"
                    + Problem.abbreviate(v) + "'");
        }
    }

    /** {@code minx,miny,maxx,maxy} (or six values) in the axis order of {@code crs}. */
    static Filter bbox(String value, Crs crs, FeatureType type) {
        String[] parts = value.split(",", -1);
        if (parts.length != 4 && parts.length != 6) {
            throw Problem.badRequest("bbox", "bbox takes 4 or 6 numbers, not " + parts.length);
        }
        double[] v = new double[parts.length];
        for (int i = 0; i < v.length; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw Problem.badRequest("bbox", "bbox value " + (i + 1) + " is not a number: '"
                        + Problem.abbreviate(parts[i]) + "'");
            }
            if (!Double.isFinite(v[i]) || Math.abs(v[i]) > 1e10) {
                throw Problem.badRequest("bbox", "bbox value " + (i + 1) + " is out of range");
            }
        }
        int d = v.length / 2;
        double x1 = v[0];
        double y1 = v[1];
        double x2 = v[d];
        double y2 = v[d + 1];
        if (CollectionCrs.northFirst(crs)) {
            double t = x1;
            x1 = y1;
            y1 = t;
            t = x2;
            x2 = y2;
            y2 = t;
        }
        if (y1 > y2) throw Problem.badRequest("bbox", "the lower corner is north of the upper corner");
        if (crs.geographic() && (Math.abs(x1) > 180 || Math.abs(x2) > 180 || Math.abs(y1) > 90 || Math.abs(y2) > 90)) {
            throw Problem.badRequest("bbox", "longitudes lie within ±180 and latitudes within ±90 degrees");
        }
        if (!type.hasGeometry()) return new Filter.Exclude();
        try {
            if (x1 > x2) {
                if (!crs.geographic()) throw Problem.badRequest("bbox", "the lower corner is east of the upper corner");
                // a box across the antimeridian (clause 7.15.3): its two halves
                return new Filter.Or(List.of(intersects(new Envelope(x1, 180, y1, y2), crs, type),
                        intersects(new Envelope(-180, x2, y1, y2), crs, type)));
            }
            return intersects(new Envelope(x1, x2, y1, y2), crs, type);
        } catch (QueryException e) {
            throw Problem.badRequest("bbox", e.getMessage());
        }
    }

    /**
     * Features whose geometry intersects the box (/req/core/fc-bbox-response), not only their
     * envelope: the envelope test selects through the spatial index, the geometry test decides.
     */
    private static Filter intersects(Envelope box, Crs crs, FeatureType type) {
        NativeSpatialFilters spatial = new NativeSpatialFilters(type);
        return new Filter.And(List.of(spatial.bbox(box, crs), spatial.spatial(SpatialOperator.INTERSECTS,
                new GeometryFactory().toGeometry(box), crs)));
    }

    /**
     * {@code datetime}: an instant or an interval ({@code start/end}, either end open as {@code ..}
     * or empty), RFC 3339, read as UTC dates. It filters on the collection's first date property;
     * a collection without one carries the plan period as its temporal extent, and then every
     * feature matches an interval that meets the period and none matches one that does not; a
     * collection with neither has no temporal information and is not filtered.
     */
    static Optional<Filter> datetime(String value, FeatureType type, PlanPeriod period) {
        String v = value.trim();
        LocalDate start;
        LocalDate end;
        int slash = v.indexOf('/');
        if (slash < 0) {
            start = date(v, false);
            end = start;
        } else {
            start = date(v.substring(0, slash), true);
            end = date(v.substring(slash + 1), true);
            if (start == null && end == null)
                throw Problem.badRequest("datetime", "both ends of the interval are open");
            if (start != null && end != null && start.isAfter(end)) {
                throw Problem.badRequest("datetime", "the interval ends before it starts");
            }
        }
        Optional<AttributeDescriptor> date = type.attributes().stream().filter(a -> a.type() == AttributeType.DATE)
                .findFirst();
        if (date.isEmpty()) {
            if (period == null) return Optional.empty();
            boolean meets = (start == null || !start.isAfter(LocalDate.of(period.endYear(), 12, 31)))
                    && (end == null || !end.isBefore(LocalDate.of(period.startYear(), 1, 1)));
            return Optional.of(meets ? new Filter.Include() : new Filter.Exclude());
        }
        String p = date.get().name();
        List<Filter> parts = new ArrayList<>();
        if (start != null) parts.add(new Filter.Comparison(p, ComparisonOperator.GREATER_OR_EQUAL, start, true));
        if (end != null) parts.add(new Filter.Comparison(p, ComparisonOperator.LESS_OR_EQUAL, end, true));
        return Optional.of(parts.size() == 1 ? parts.get(0) : new Filter.And(parts));
    }

    private static LocalDate date(String s, boolean openAllowed) {
        String t = s.trim();
        if (openAllowed && (t.isEmpty() || t.equals(".."))) return null;
        try {
            if (t.length() == 10) return LocalDate.parse(t);
            return OffsetDateTime.parse(t).atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("datetime", "not an RFC 3339 date-time or interval: '" + Problem.abbreviate(s)
                    + "'");
        }
    }

    private static Object value(AttributeDescriptor a, String v) {
        try {
            return switch (a.type()) {
                case STRING -> v;
                case INTEGER -> Long.parseLong(v.trim());
                case DOUBLE -> Double.parseDouble(v.trim());
                case BOOLEAN -> switch (v.trim().toLowerCase(Locale.ROOT)) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException();
                };
                case DATE -> LocalDate.parse(v.trim());
            };
        } catch (RuntimeException e) {
            throw Problem.badRequest(a.name(), "'" + Problem.abbreviate(v) + "' is not a " + a.type().name()
                    .toLowerCase(Locale.ROOT) + " value for " + a.name());
        }
    }
}
