package org.ecoplan.ogcapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ecoplan.formats.FeatureFileReader;
import org.ecoplan.formats.FeatureFiles;
import org.ecoplan.formats.FormatException;
import org.ecoplan.formats.FormatRecord;
import org.ecoplan.formats.JzdOptions;
import org.ecoplan.formats.ShapefileOptions;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A site sent as a file (界址点坐标 text, zipped Shapefile, KML), read with the loader's own
 * readers ({@link FeatureFiles}) from a private temporary copy that is deleted afterwards. Every
 * parcel of the file is part of the site.
 */
final class SiteFile {
    /**
     * A site file's uncompressed parts are capped well below a request body's worth of vertices
     * (4 MiB of .shp is 250 000 points, more than {@link SiteInput#MAX_VERTICES}): a site is not a
     * dataset, and a small zip must not expand into a large heap.
     */
    static final long MAX_UNCOMPRESSED_BYTES = 4L * 1024 * 1024;
    static final int MAX_PARTS = 10_000;

    /**
     * The file's parts as one geometry (east/north), the CRS it declares, the raw CRS text it
     * carries (a .prj) even where that names no known CRS, and what the report should say.
     */
    record Read(Geometry geometry, Optional<String> crs, Optional<String> crsText, List<String> notes) {}

    private SiteFile() {}

    static Read read(byte[] bytes, String format) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("ecoplan-site-", switch (format) {
                case "shapefile" -> ".zip";
                case "kml" -> ".kml";
                default -> ".txt";
            });
            Files.write(tmp, bytes);
            String name = "site " + format;
            try (FeatureFileReader r = switch (format) {
                case "jzd" -> FeatureFiles.jzd(tmp, name, new JzdOptions(null));
                case "shapefile" -> FeatureFiles.shapefile(tmp, name, new ShapefileOptions(null, null,
                        MAX_UNCOMPRESSED_BYTES));
                case "kml" -> FeatureFiles.kml(tmp, name);
                default -> throw new IllegalArgumentException(format);
            }) {
                List<Geometry> parts = new ArrayList<>();
                List<String> notes = new ArrayList<>();
                while (r.hasNext()) {
                    FormatRecord rec = r.next();
                    for (FormatRecord.Problem p : rec.problems()) {
                        String where = "part " + rec.index() + (rec.line() > 0 ? " (line " + rec.line() + ")" : "");
                        // a wrong 界址点数 or 地块面积 is the file's bookkeeping, not the site: said, not refused
                        if (p.field() != null && !p.field().equals("geometry") && rec.geometry() != null) {
                            notes.add("the " + format + " file, " + where + ", " + p.field() + ": " + p.message());
                            continue;
                        }
                        throw Problem.badRequest("site", "The " + format + " site, " + where
                                + (p.field() == null ? "" : ", " + p.field()) + ": " + p.message());
                    }
                    if (rec.geometry() != null && !rec.geometry().isEmpty()) parts.add(rec.geometry());
                    if (parts.size() > MAX_PARTS) {
                        throw Problem.badRequest("site",
                                "The " + format + " site has more than " + MAX_PARTS + " parts");
                    }
                }
                if (parts.isEmpty()) throw Problem.badRequest("site", "The " + format + " site holds no geometry");
                Geometry all = new GeometryFactory().buildGeometry(parts);
                return new Read(all, r.crs(), r.crsText(), notes);
            }
        } catch (FormatException e) {
            String where = e.location();
            String name = "site " + format;
            if (where != null && where.startsWith(name + ":")) where = "line " + where.substring(name.length() + 1);
            else if (where != null && where.startsWith(name)) where = where.substring(name.length()).strip();
            throw Problem.badRequest("site", "The " + format + " site cannot be read: " + e.reason()
                    + (where == null || where.isEmpty() ? "" : " (" + where + ")"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temporary file the operating system's cleaner removes later; the answer stands
                }
            }
        }
    }
}
