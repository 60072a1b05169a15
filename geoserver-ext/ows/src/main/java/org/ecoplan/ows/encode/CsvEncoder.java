package org.ecoplan.ows.encode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import org.ecoplan.catalog.Feature;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTWriter;

/**
 * Streams features as CSV (RFC 4180: comma separated, CRLF line ends, fields with comma, quote or
 * line break quoted, quotes doubled), UTF-8 with a byte order mark so spreadsheet programs read
 * the Chinese text. Columns: FID, the attributes, then the geometry as WKT (x/y order) in the
 * output CRS. Each feature type starts with its own header row; types are separated by an
 * empty line.
 */
public final class CsvEncoder {
    public static final String MEDIA_TYPE = "text/csv";

    public void writeCollection(OutputStream out, CollectionMetadata meta, List<FeatureStream> streams)
            throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write('\uFEFF');
        WKTWriter wkt = new WKTWriter();
        CoordinatePrecision precision = CoordinatePrecision.forCrs(meta.crs());
        boolean first = true;
        for (FeatureStream s : streams) {
            if (!first) w.write("\r\n");
            first = false;
            List<String> names = s.attributeNames();
            boolean geometry = s.writesGeometry();
            StringBuilder header = new StringBuilder("FID");
            for (String n : names) header.append(',').append(field(n));
            if (geometry) header.append(',').append(field(s.type().geometry().name()));
            w.write(header.append("\r\n").toString());
            Iterator<Feature> it = s.features();
            while (it.hasNext()) {
                Feature f = it.next();
                StringBuilder row = new StringBuilder(field(f.id()));
                for (String n : names) row.append(',').append(field(ValueText.of(f.get(n))));
                if (geometry)
                    row.append(',')
                            .append(f.geometry() == null ? "" : field(wkt.write(rounded(f.geometry(), precision))));
                w.write(row.append("\r\n").toString());
            }
        }
        w.flush();
    }

    /** A copy with coordinates rounded to the precision (WKTWriter prints every digit it has). */
    private static Geometry rounded(Geometry g, CoordinatePrecision p) {
        Geometry copy = g.copy();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                seq.setOrdinate(i, 0, p.round(seq.getX(i)));
                seq.setOrdinate(i, 1, p.round(seq.getY(i)));
            }

            @Override
            public boolean isDone() { return false; }

            @Override
            public boolean isGeometryChanged() { return true; }
        });
        return copy;
    }

    /** One RFC 4180 field; null is the empty field. */
    static String field(String v) {
        if (v == null) return "";
        boolean quote = false;
        for (int i = 0; i < v.length() && !quote; i++) {
            char c = v.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
}
