package org.ecoplan.ogcapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ecoplan.catalog.crs.AxisOrders;
import org.ecoplan.catalog.crs.Crs;
import org.ecoplan.catalog.crs.CrsName;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.catalog.crs.GeometryTransformer;
import org.ecoplan.ows.ServiceException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Reads the {@code site} input of the plan check (OGC 18-062r2 clause 7.11.2, inputs by value)
 * into a {@link Site}: a GeoJSON geometry, Feature or FeatureCollection (RFC 7946), WKT, a
 * 界址点坐标 text, or a qualified value ({@code value}, {@code mediaType}, {@code encoding}) holding
 * any of those, a zipped Shapefile or KML. Coordinates of GeoJSON and WKT are in the {@code crs}
 * input, in that CRS's axis order as OGC API – Features Part 2 reads coordinates (CRS84, the
 * default, is longitude first; EPSG:4490 and the Gauss-Krüger zones are north first); files
 * declare their own CRS. A site by reference ({@code href}) is refused: the server fetches nothing.
 */
final class SiteInput {
    static final String WKT = "application/wkt";
    static final String JZD = "text/x-jzd";
    static final String ZIPPED_SHAPEFILE = "application/zip";
    static final String KML = "application/vnd.google-earth.kml+xml";
    static final String GEOJSON = "application/geo+json";
    /** Enough for any parcel or construction site; a site is not a dataset. */
    static final int MAX_VERTICES = 100_000;

    private static final GeometryFactory GF = new GeometryFactory();

    private SiteInput() {}

    /**
     * @param site the {@code site} input
     * @param crs  the {@code crs} input, or null
     */
    static Site read(JsonNode site, String crs) {
        if (site == null || site.isMissingNode() || site.isNull()) throw bad("site", "The input 'site' is required");
        Optional<CrsName> named = Optional.empty();
        if (crs != null) {
            named = CrsRegistry.parse(crs);
            if (named.isEmpty()) throw bad("crs", "Unknown CRS '" + Problem.abbreviate(crs) + "'");
        }
        if (site.isObject() && site.has("href")) {
            throw bad("site", "A site by reference (href) is not accepted: send the site by value");
        }
        if (site.isObject() && site.has("value")) return qualified(site, named);
        if (site.isObject()) return coordinates(geoJson(site), "geojson", named);
        if (site.isTextual()) {
            String text = site.asText();
            return looksLikeJzd(text)
                    ? file(text.getBytes(StandardCharsets.UTF_8), "jzd", named)
                    : coordinates(wkt(text), "wkt", named);
        }
        throw bad("site", "The input 'site' must be GeoJSON, WKT, a 界址点坐标 text or a qualified value");
    }

    /** A site as a point, for the plain GET of the check ({@code point=x,y} in the CRS's axis order). */
    static Site point(String point, String crs) {
        String[] p = point.split(",");
        if (p.length != 2) throw bad("point", "point must be two numbers, x,y");
        double a;
        double b;
        try {
            a = Double.parseDouble(p[0].trim());
            b = Double.parseDouble(p[1].trim());
        } catch (NumberFormatException e) {
            throw bad("point", "point must be two numbers, not '" + Problem.abbreviate(point) + "'");
        }
        if (!Double.isFinite(a) || !Double.isFinite(b)) throw bad("point", "point must be two finite numbers");
        Optional<CrsName> named = Optional.empty();
        if (crs != null) {
            named = CrsRegistry.parse(crs);
            if (named.isEmpty()) throw bad("crs", "Unknown CRS '" + Problem.abbreviate(crs) + "'");
        }
        return coordinates(GF.createPoint(new org.locationtech.jts.geom.Coordinate(a, b)), "point", named);
    }

    private static Site qualified(JsonNode q, Optional<CrsName> named) {
        String type = q.path("mediaType").asText("").toLowerCase(Locale.ROOT).trim();
        JsonNode value = q.get("value");
        String encoding = q.path("encoding").asText("").toLowerCase(Locale.ROOT);
        String base = type.contains(";") ? type.substring(0, type.indexOf(';')).trim() : type;
        if (base.isEmpty() || base.equals(GEOJSON) || base.equals("application/json")) {
            if (value.isObject()) return coordinates(geoJson(value), "geojson", named);
            if (value.isTextual() && base.isEmpty()) return read(value, named.map(CrsName::text).orElse(null));
            if (value.isTextual()) return coordinates(geoJson(parseJson(value.asText())), "geojson", named);
        }
        if (!value.isTextual()) throw bad("site", "The value of a site of type " + base + " must be a string");
        String text = value.asText();
        return switch (base) {
            case WKT, "text/plain" -> coordinates(wkt(text), "wkt", named);
            case JZD -> file(decoded(text, encoding), "jzd", named);
            case KML, "application/xml", "text/xml" -> file(decoded(text, encoding), "kml", named);
            case ZIPPED_SHAPEFILE, "application/x-zipped-shp" -> {
                if (!encoding.equals("base64")) {
                    throw bad("site", "A zipped Shapefile is binary: send it with \"encoding\": \"base64\"");
                }
                yield file(decoded(text, encoding), "shapefile", named);
            }
            default -> throw bad("site", "Unsupported site media type '" + Problem.abbreviate(base) + "'; use "
                    + String.join(", ", GEOJSON, WKT, JZD, ZIPPED_SHAPEFILE, KML));
        };
    }

    private static byte[] decoded(String text, String encoding) {
        if (encoding.isEmpty() || encoding.equals("utf-8") || encoding.equals("utf8")) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (!encoding.equals("base64"))
            throw bad("site", "Unsupported encoding '" + Problem.abbreviate(encoding)
                    + "'; use base64 or none");
        try {
            return Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw bad("site", "The site's base64 value does not decode: " + e.getMessage());
        }
    }

    private static Site file(byte[] bytes, String format, Optional<CrsName> named) {
        SiteFile.Read read = SiteFile.read(bytes, format);
        Crs crs;
        List<String> notes = new ArrayList<>(read.notes());
        if (read.crs().isPresent()) {
            Crs declared = CrsRegistry.decode(read.crs().get()).orElseThrow(
                    () -> bad("site",
                            "The " + format + " file declares CRS " + read.crs().get() + ", which is unknown"));
            if (named.isPresent() && !GeometryTransformer.isIdentity(named.get().crs(), declared)) {
                throw bad("crs", "The input 'crs' (" + named.get().text() + ") differs from the CRS the " + format
                        + " file declares (" + read.crs().get() + ")");
            }
            crs = declared;
            notes.add("CRS " + read.crs().get() + " as the " + format + " file declares it");
        } else if (named.isPresent()) {
            crs = named.get().crs();
            if (read.crsText().isPresent()) {
                notes.add("the file's .prj names a CRS the server does not recognise; its coordinates were read as "
                        + named.get().text() + ", as the input 'crs' says");
            }
        } else if (read.crsText().isPresent()) {
            throw bad("crs", "The " + format + " file's .prj names a CRS the server does not recognise (CGCS2000, its "
                    + "Gauss-Krüger zones, WGS 84, Web Mercator and EPSG codes are): give the input 'crs' if you know "
                    + "the coordinates' CRS, or convert the file to CGCS2000");
        } else {
            throw bad("crs",
                    "The " + format + " file declares no CRS (a Shapefile without .prj): give the input 'crs'");
        }
        // files are east/north (Shapefile, KML) or read into east/north by the reader (界址点 X/Y)
        return finish(read.geometry(), format, crs.id(), crs, notes);
    }

    private static Site coordinates(Geometry g, String format, Optional<CrsName> named) {
        Crs crs = named.map(CrsName::crs).orElse(CrsRegistry.CRS84_CRS);
        Geometry eastNorth = AxisOrders.northFirst(crs) ? AxisOrders.swapped(g) : g;
        return finish(eastNorth, format, named.map(CrsName::text).orElse("CRS:84"), crs, new ArrayList<>());
    }

    private static Site finish(Geometry g, String format, String crsText, Crs crs, List<String> notes) {
        if (g == null || g.isEmpty()) throw bad("site", "The site is empty");
        if (g.getNumPoints() > MAX_VERTICES) {
            throw bad("site", "The site has " + g.getNumPoints() + " vertices; the limit is " + MAX_VERTICES);
        }
        if (!(g instanceof Polygonal) && !(g instanceof Puntal)) {
            if (g instanceof org.locationtech.jts.geom.GeometryCollection c && onlyPolygons(c)) {
                g = GF.buildGeometry(parts(c));
            } else {
                throw bad("site", "A site must be a polygon or a point, not a " + g.getGeometryType());
            }
        }
        for (org.locationtech.jts.geom.Coordinate c : g.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y))
                throw bad("site", "The site has a non-finite coordinate");
        }
        Geometry lonLat;
        try {
            lonLat = new GeometryTransformer(crs, CrsRegistry.CGCS2000).transform(g);
        } catch (RuntimeException e) {
            throw bad("site", "The site's coordinates cannot be transformed from " + crsText + " to CGCS2000");
        }
        for (org.locationtech.jts.geom.Coordinate c : lonLat.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y) || Math.abs(c.x) > 180 || Math.abs(c.y) > 90) {
                throw bad("site", "The site's coordinates are not on the earth in " + crsText
                        + (crs.isCrs84()
                                ? " (longitude first)"
                                : AxisOrders.northFirst(crs)
                                        ? " (its axis order is north / latitude first)"
                                        : ""));
            }
        }
        if (lonLat.getNumGeometries() > 1 && lonLat instanceof Polygonal) {
            // parcels of one delivery often share an edge: each must be valid, together they are one site
            for (int i = 0; i < lonLat.getNumGeometries(); i++) valid(lonLat.getGeometryN(i), "part " + (i + 1) + ": ");
            int parts = lonLat.getNumGeometries();
            lonLat = UnaryUnionOp.union(lonLat);
            notes.add(parts + " parts merged into one site");
        }
        valid(lonLat, "");
        if (lonLat instanceof Point p) notes.add("the site is a point: only what contains it is listed, with no areas");
        return new Site(lonLat, format, crsText, notes);
    }

    private static void valid(Geometry g, String part) {
        TopologyValidationError error = new IsValidOp(g).getValidationError();
        if (error != null) {
            throw bad("site", "The site's geometry is not valid: " + part + error.getMessage() + " near "
                    + error.getCoordinate().x + " " + error.getCoordinate().y + " (CGCS2000 longitude latitude)");
        }
    }

    private static boolean onlyPolygons(org.locationtech.jts.geom.GeometryCollection c) {
        for (int i = 0; i < c.getNumGeometries(); i++) if (!(c.getGeometryN(i) instanceof Polygonal)) return false;
        return c.getNumGeometries() > 0;
    }

    private static List<Geometry> parts(Geometry g) {
        List<Geometry> out = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry p = g.getGeometryN(i);
            if (p instanceof org.locationtech.jts.geom.MultiPolygon m) out.addAll(parts(m));
            else out.add(p);
        }
        return out;
    }

    private static Geometry geoJson(JsonNode node) {
        String type = node.path("type").asText("");
        try {
            return switch (type) {
                case "Feature" -> {
                    JsonNode g = node.get("geometry");
                    if (g == null || g.isNull()) throw bad("site", "The site Feature has no geometry");
                    yield new GeoJsonReader().read(g.toString());
                }
                case "FeatureCollection" -> {
                    JsonNode features = node.path("features");
                    if (!features.isArray() || features.isEmpty()) {
                        throw bad("site", "The site FeatureCollection has no features");
                    }
                    List<Geometry> parts = new ArrayList<>();
                    for (JsonNode f : features) parts.add(geoJson(f));
                    Geometry all = GF.buildGeometry(parts(GF.buildGeometry(parts)));
                    yield all;
                }
                case "Point", "MultiPoint", "Polygon", "MultiPolygon", "LineString", "MultiLineString",
                        "GeometryCollection" ->
                    new GeoJsonReader().read(node.toString());
                default -> throw bad("site", "Not a GeoJSON geometry, Feature or FeatureCollection (type '"
                        + Problem.abbreviate(type) + "')");
            };
        } catch (ParseException | RuntimeException e) {
            if (e instanceof ServiceException s) throw s;
            throw bad("site", "Unreadable GeoJSON site: " + e.getMessage());
        }
    }

    private static JsonNode parseJson(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw bad("site", "The site's value is not JSON: " + e.getMessage());
        }
    }

    private static Geometry wkt(String text) {
        try {
            return new WKTReader(GF).read(text);
        } catch (ParseException | RuntimeException e) {
            throw bad("site", "Unreadable WKT site: " + Problem.abbreviate(String.valueOf(e.getMessage())));
        }
    }

    /** A 界址点坐标 text starts with its [属性描述] or [地块坐标] section. */
    static boolean looksLikeJzd(String text) {
        String t = text.strip();
        if (t.startsWith("\uFEFF")) t = t.substring(1);
        return t.startsWith("[属性描述]") || t.startsWith("[地块坐标]") || t.startsWith("【属性描述】")
                || t.startsWith("【地块坐标】");
    }

    private static ServiceException bad(String input, String message) {
        return Problem.badRequest(input, message);
    }
}
