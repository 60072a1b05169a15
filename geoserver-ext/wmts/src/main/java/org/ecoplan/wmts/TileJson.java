package org.ecoplan.wmts;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ecoplan.ows.ServiceContext;
import org.locationtech.jts.geom.Envelope;

/**
 * A TileJSON 3.0.0 document for a layer's tiles in one tile matrix set: the tile URL template,
 * the zoom range in which the layer has tiles, its bounds (WGS 84 lon/lat) and centre, and the
 * attribution of its data. Zoom numbers are the TileMatrix identifiers of the set.
 */
public final class TileJson {
    private static final JsonFactory JSON = new JsonFactory();

    private TileJson() {}

    public static byte[] write(ServiceContext context, TileEngine engine, TileLayer layer, String style,
            TileMatrixSet set,
            TileFormat format, String baseUrl) {
        Map<String, TileRange> limits = engine.limits(layer, set);
        List<Integer> zooms = new ArrayList<>();
        for (String id : limits.keySet()) zooms.add(Integer.parseInt(id));
        int minZoom = zooms.isEmpty() ? Integer.parseInt(set.matrices().get(0).identifier()) : zooms.get(0);
        int maxZoom = zooms.isEmpty() ? minZoom : zooms.get(zooms.size() - 1);
        Envelope b = LayerLimits.wgs84(context, layer);
        String styleQuery = style.equals(layer.styles().get(0)) ? "" : "?style=" + WmtsCapabilitiesWriter.enc(style);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("tilejson", "3.0.0");
            g.writeStringField("name", layer.title().both());
            g.writeStringField("description", layer.abstractText() == null ? "" : layer.abstractText().both());
            g.writeStringField("attribution", layer.attribution());
            g.writeStringField("scheme", "xyz");
            g.writeArrayFieldStart("tiles");
            g.writeString(baseUrl + XyzTileEndpoint.PREFIX + "/" + WmtsCapabilitiesWriter.enc(layer.id()) + "/"
                    + set.identifier()
                    + "/{z}/{x}/{y}." + format.extension() + styleQuery);
            g.writeEndArray();
            g.writeNumberField("minzoom", minZoom);
            g.writeNumberField("maxzoom", maxZoom);
            if (b != null && !b.isNull()) {
                g.writeArrayFieldStart("bounds");
                for (double v : new double[]{b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY()})
                    g.writeNumber(round(v));
                g.writeEndArray();
                g.writeArrayFieldStart("center");
                g.writeNumber(round(b.centre().x));
                g.writeNumber(round(b.centre().y));
                g.writeNumber(Math.min(maxZoom, Math.max(minZoom, minZoom + 2)));
                g.writeEndArray();
            }
            g.writeStringField("crs", set.supportedCrs());
            g.writeStringField("tileMatrixSet", set.identifier());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static double round(double v) { return Math.round(v * 1e6) / 1e6; }
}
