package org.ecoplan.server;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.ecoplan.catalog.AttributeType;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.GeometryType;
import org.ecoplan.formats.FeatureFileReader;
import org.ecoplan.formats.FeatureFiles;
import org.ecoplan.formats.FormatException;
import org.ecoplan.formats.FormatRecord;
import org.ecoplan.formats.ShapefileOptions;
import org.ecoplan.ows.ServiceException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * A zipped Shapefile uploaded to a datastore ({@code PUT .../datastores/{ds}/file.shp}), read with
 * the loader's reader: its one layer's name (the .shp's), geometry type, CRS (from the .prj, which
 * it must have), attributes (from the .dbf, in the {@code charset} given or the one the files
 * declare) and features, every one checked. Anything unreadable is a 400 naming the file, record
 * and field; nothing is written before all of it has been read.
 *
 * @param name     the layer id: the .shp's base name
 * @param type     MultiPolygon, MultiLineString, Point or MultiPoint
 * @param crs      "EPSG:nnnn" from the .prj
 * @param fields   attribute name → type, in .dbf order
 * @param features the features, geometry promoted to {@code type}
 */
record ShapefilePublication(String name, GeometryType type, String crs, Map<String, AttributeType> fields,
        List<Feature> features) {
    /**
     * An uploaded Shapefile expands to at most this much per file: it is read whole into memory before
     * anything is written (all or nothing), so the cap bounds the heap an upload can take.
     */
    static final long MAX_UNCOMPRESSED_BYTES = 64L * 1024 * 1024;
    private static final GeometryFactory GF = new GeometryFactory();

    static ShapefilePublication read(Path zip, String charset) {
        String name = shpName(zip);
        Map<String, AttributeType> fields = new LinkedHashMap<>();
        List<FormatRecord> records = new ArrayList<>();
        String crs;
        try (FeatureFileReader r = FeatureFiles.shapefile(zip, name + ".shp",
                new ShapefileOptions(charset, null, MAX_UNCOMPRESSED_BYTES))) {
            if (r.crs().isEmpty()) {
                throw bad(r.crsText().isPresent()
                        ? "The .prj of " + name + " names a CRS this server does not recognise (CGCS2000, its "
                                + "Gauss-Krüger zones, WGS 84, Web Mercator or an EPSG code): convert the data first"
                        : "The Shapefile " + name
                                + " has no .prj: include it in the zip, so its coordinates have a CRS");
            }
            crs = r.crs().get();
            while (r.hasNext()) {
                FormatRecord rec = r.next();
                if (!rec.problems().isEmpty()) {
                    FormatRecord.Problem p = rec.problems().get(0);
                    throw bad(name + ".shp, record " + rec.index() + (p.field() == null ? "" : ", field " + p.field())
                            + ": " + p.message());
                }
                records.add(rec);
                for (var e : rec.properties().entrySet()) {
                    AttributeType t = typeOf(e.getValue());
                    AttributeType was = fields.get(e.getKey());
                    if (was == null || (was == AttributeType.INTEGER && t == AttributeType.DOUBLE)) {
                        fields.put(e.getKey(), t == null ? (was == null ? AttributeType.STRING : was) : t);
                    }
                }
            }
        } catch (FormatException e) {
            throw bad("The upload cannot be read: " + e.reason()
                    + (e.location() == null ? "" : " (" + e.location() + ")"));
        }
        for (String f : fields.keySet()) {
            if (!f.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw bad("Field '" + f + "' of " + name + ".dbf is not an ASCII name (letters, digits, _); rename it");
            }
        }
        if (records.isEmpty()) throw bad("The Shapefile " + name + " holds no features");
        GeometryType type = geometryType(records, name);
        List<Feature> features = new ArrayList<>();
        for (FormatRecord rec : records) {
            Geometry g = promote(rec.geometry(), type);
            if (g != null) {
                TopologyValidationError invalid = new IsValidOp(g).getValidationError();
                if (invalid != null) {
                    throw bad(name + ".shp, record " + rec.index() + ": invalid geometry: " + invalid.getMessage()
                            + " at " + invalid.getCoordinate().x + " " + invalid.getCoordinate().y);
                }
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (String f : fields.keySet()) values.put(f, value(rec.properties().get(f), fields.get(f)));
            features.add(new Feature(name + "." + rec.index(), values, g));
        }
        return new ShapefilePublication(name, type, crs, fields, features);
    }

    /** The one .shp of the zip, by name only (the reader itself opens the entries). */
    private static String shpName(Path zip) {
        List<String> shp = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> en = z.entries(); en.hasMoreElements();) {
                String n = en.nextElement().getName();
                if (n.toLowerCase(Locale.ROOT).endsWith(".shp")) shp.add(n.substring(n.lastIndexOf('/') + 1));
            }
        } catch (IOException e) {
            throw bad("The upload is not a zip file: " + e.getMessage());
        }
        if (shp.size() != 1) throw bad("The zip must hold one Shapefile; it holds " + shp.size() + " " + shp);
        String base = shp.get(0).substring(0, shp.get(0).length() - 4);
        if (!base.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            throw bad("The Shapefile's name '" + base + "' becomes the layer's: use ASCII letters, digits and _");
        }
        return base;
    }

    private static AttributeType typeOf(Object v) {
        if (v == null) return null;
        if (v instanceof Long || v instanceof Integer) return AttributeType.INTEGER;
        if (v instanceof Double || v instanceof Float) return AttributeType.DOUBLE;
        if (v instanceof Boolean) return AttributeType.BOOLEAN;
        if (v instanceof LocalDate) return AttributeType.DATE;
        return AttributeType.STRING;
    }

    private static Object value(Object v, AttributeType t) {
        if (v == null) return null;
        if (t == AttributeType.DOUBLE && v instanceof Number n) return n.doubleValue();
        if (t == AttributeType.STRING) return String.valueOf(v);
        return v;
    }

    private static GeometryType geometryType(List<FormatRecord> records, String name) {
        boolean polygon = false;
        boolean line = false;
        boolean point = false;
        boolean multiPoint = false;
        for (FormatRecord r : records) {
            Geometry g = r.geometry();
            if (g == null || g.isEmpty()) continue;
            switch (g.getDimension()) {
                case 2 -> polygon = true;
                case 1 -> line = true;
                default -> {
                    point = true;
                    multiPoint |= !(g instanceof Point);
                }
            }
        }
        if ((polygon ? 1 : 0) + (line ? 1 : 0) + (point ? 1 : 0) != 1) {
            throw bad("The Shapefile " + name + " mixes geometry kinds or has none");
        }
        return polygon
                ? GeometryType.MULTIPOLYGON
                : line
                        ? GeometryType.MULTILINESTRING
                        : multiPoint ? GeometryType.MULTIPOINT : GeometryType.POINT;
    }

    private static Geometry promote(Geometry g, GeometryType type) {
        if (g == null || g.isEmpty()) return null;
        return switch (type) {
            case MULTIPOLYGON -> g instanceof Polygon p ? GF.createMultiPolygon(new Polygon[]{p}) : g;
            case MULTILINESTRING -> g instanceof LineString l ? GF.createMultiLineString(new LineString[]{l}) : g;
            case MULTIPOINT -> g instanceof Point p ? GF.createMultiPoint(new Point[]{p}) : g;
            default -> g;
        };
    }

    private static ServiceException bad(String message) {
        return new ServiceException("BadRequest", null, message, 400);
    }
}
