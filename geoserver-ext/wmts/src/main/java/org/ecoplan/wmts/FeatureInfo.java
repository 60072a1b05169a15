package org.ecoplan.wmts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.ecoplan.catalog.AttributeDescriptor;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.crs.AxisOrder;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.catalog.crs.GeometryTransformer;
import org.ecoplan.catalog.query.FeatureQuery;
import org.ecoplan.catalog.query.Filter;
import org.ecoplan.catalog.store.FeatureCursor;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ServiceContext;
import org.ecoplan.ows.ServiceException;
import org.ecoplan.ows.encode.CollectionMetadata;
import org.ecoplan.ows.encode.FeatureStream;
import org.ecoplan.ows.encode.GeoJsonEncoder;
import org.ecoplan.ows.encode.ValueText;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * The GetFeatureInfo operation (OGC 07-057r7 clause 7.3): the features of the queryable layers of a
 * tile within {@link #TOLERANCE_PIXELS} pixels of pixel (I, J) of the tile, at most
 * {@link #MAX_FEATURES} per layer, as GeoJSON (CRS84 coordinates), HTML or plain text with the
 * attributes' Chinese and English names.
 */
public final class FeatureInfo {
    static final double TOLERANCE_PIXELS = 3;
    static final int MAX_FEATURES = 10;

    private record Hits(LayerConfig layer, List<Feature> features) {}

    private final ServiceContext context;

    public FeatureInfo(ServiceContext context) { this.context = context; }

    public OwsResponse run(TileRequest tile, long i, long j, FeatureInfoFormat format) {
        if (i < 0 || j < 0 || i >= TileMatrixSet.TILE_SIZE || j >= TileMatrixSet.TILE_SIZE) {
            throw new ServiceException("PointIJOutOfRange", i < 0 || i >= TileMatrixSet.TILE_SIZE ? "I" : "J",
                    "Pixel (I " + i + ", J " + j + ") is outside the " + TileMatrixSet.TILE_SIZE + " pixel tile", 400);
        }
        if (!tile.matrix().contains(tile.col(), tile.row())) {
            throw new ServiceException("TileOutOfRange", "TileRow",
                    "The tile is outside TileMatrix " + tile.matrix().identifier(), 400);
        }
        Envelope env = tile.set().tileEnvelope(tile.matrix(), tile.col(), tile.row());
        double res = tile.matrix().resolution();
        Coordinate at = new Coordinate(env.getMinX() + (i + 0.5) * res, env.getMaxY() - (j + 0.5) * res);
        double tolerance = TOLERANCE_PIXELS * res;
        Envelope search = new Envelope(at);
        search.expandBy(tolerance);
        Point point = new GeometryFactory().createPoint(at);
        List<Hits> hits = new ArrayList<>();
        for (LayerConfig l : tile.layer().members()) {
            if (!l.queryable()) continue;
            Envelope nativeSearch = new GeometryTransformer(tile.set().crs(), l.featureType().geometry().crs())
                    .transform(search);
            FeatureQuery q = FeatureQuery.of(new Filter.BBox(nativeSearch)).withTargetCrs(tile.set().crs());
            List<Feature> found = new ArrayList<>();
            try (FeatureCursor c = context.featureSource(l).features(q)) {
                while (c.hasNext() && found.size() < MAX_FEATURES) {
                    Feature f = c.next();
                    Geometry g = f.geometry();
                    if (g != null && g.distance(point) <= tolerance) found.add(f);
                }
            }
            hits.add(new Hits(l, found));
        }
        byte[] body;
        try {
            body = switch (format) {
                case GEOJSON -> geoJson(hits, tile);
                case HTML -> html(hits);
                case TEXT -> text(hits);
            };
        } catch (IOException e) {
            throw new ServiceException(ServiceException.NO_APPLICABLE_CODE, null,
                    "Cannot encode the feature info: " + e.getMessage(), 500);
        }
        String type = format == FeatureInfoFormat.GEOJSON ? format.mime() : format.mime() + "; charset=UTF-8";
        return OwsResponse.bytes(200, type, body);
    }

    private static byte[] geoJson(List<Hits> hits, TileRequest tile) throws IOException {
        GeometryTransformer toCrs84 = new GeometryTransformer(tile.set().crs(), CrsRegistry.CRS84_CRS);
        List<FeatureStream> streams = new ArrayList<>();
        for (Hits h : hits) {
            List<Feature> lonLat = new ArrayList<>();
            for (Feature f : h.features)
                lonLat.add(new Feature(f.id(), f.attributes(), toCrs84.transform(f.geometry())));
            streams.add(FeatureStream.all(h.layer.featureType(), lonLat.iterator()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new GeoJsonEncoder().writeCollection(out,
                CollectionMetadata.of(CrsRegistry.CRS84_CRS, "CRS:84", AxisOrder.EAST_NORTH), streams);
        return out.toByteArray();
    }

    private static byte[] html(List<Hits> hits) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            w.write("<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"UTF-8\"><title>要素信息 / Feature info</title></head><body>\n");
            for (Hits h : hits) {
                if (h.features.isEmpty()) continue;
                w.write("<h2>" + esc(h.layer.title().both()) + "</h2>\n");
                for (Feature f : h.features) {
                    w.write("<table class=\"feature\" data-layer=\"" + esc(h.layer.id()) + "\" data-id=\"" + esc(f.id())
                            + "\">\n");
                    for (AttributeDescriptor a : h.layer.featureType().attributes()) {
                        w.write("<tr><th title=\"" + esc(a.name()) + "\">" + esc(label(a)) + "</th><td>"
                                + esc(ValueText.of(f.get(a.name()))) + "</td></tr>\n");
                    }
                    w.write("</table>\n");
                }
            }
            w.write("</body></html>\n");
        }
        return out.toByteArray();
    }

    private static byte[] text(List<Hits> hits) {
        StringBuilder b = new StringBuilder();
        for (Hits h : hits) {
            b.append("Layer '").append(h.layer.id()).append("' (").append(h.layer.title().both()).append("): ")
                    .append(h.features.size()).append(" feature(s)\n");
            for (Feature f : h.features) {
                b.append("  ").append(f.id()).append('\n');
                for (AttributeDescriptor a : h.layer.featureType().attributes()) {
                    b.append("    ").append(label(a)).append(" = ").append(ValueText.of(f.get(a.name()))).append('\n');
                }
            }
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String label(AttributeDescriptor a) {
        return a.alias() == null || a.alias().both().isBlank() ? a.name() : a.alias().both();
    }

    private static String esc(String s) {
        if (s == null) return "";
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
