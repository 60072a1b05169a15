package org.ecoplan.map.tiles;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;

/**
 * A TileJSON 3.0.0 document, for raster tiles (XYZ) and vector tiles alike: the tile URL template,
 * the zoom range in which the layer has tiles, its bounds and centre in longitude/latitude, the
 * attribution of its data and, for vector tiles, {@code vector_layers} with each layer's fields.
 * Zoom numbers are the matrix identifiers of the tile matrix set; since TileJSON assumes Web
 * Mercator, the set is named in the members {@code tileMatrixSet} and {@code crs}.
 */
public final class TileJson {
    private static final JsonFactory JSON = new JsonFactory();

    /** One MVT layer of a vector tileset: its name, description and field types (Number, String, Boolean). */
    public record VectorLayer(String id, String description, Map<String, String> fields) {}

    /**
     * @param bounds       longitude/latitude bounds, or null when the layer has no data
     * @param vectorLayers the MVT layers, or empty for raster tiles
     */
    public record Document(String name, String description, String attribution, String tiles, TileMatrixSet set,
            int minZoom, int maxZoom, Envelope bounds, List<VectorLayer> vectorLayers) {}

    private TileJson() {}

    public static byte[] write(Document d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("tilejson", "3.0.0");
            g.writeStringField("name", d.name());
            g.writeStringField("description", d.description() == null ? "" : d.description());
            if (d.attribution() != null && !d.attribution().isBlank())
                g.writeStringField("attribution", d.attribution());
            g.writeStringField("scheme", "xyz");
            g.writeArrayFieldStart("tiles");
            g.writeString(d.tiles());
            g.writeEndArray();
            g.writeNumberField("minzoom", d.minZoom());
            g.writeNumberField("maxzoom", d.maxZoom());
            Envelope b = d.bounds();
            if (b != null && !b.isNull()) {
                g.writeArrayFieldStart("bounds");
                for (double v : new double[]{b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY()})
                    g.writeNumber(round(v));
                g.writeEndArray();
                g.writeArrayFieldStart("center");
                g.writeNumber(round(b.centre().x));
                g.writeNumber(round(b.centre().y));
                g.writeNumber(Math.min(d.maxZoom(), Math.max(d.minZoom(), d.minZoom() + 2)));
                g.writeEndArray();
            }
            if (!d.vectorLayers().isEmpty()) {
                g.writeArrayFieldStart("vector_layers");
                for (VectorLayer l : d.vectorLayers()) {
                    g.writeStartObject();
                    g.writeStringField("id", l.id());
                    g.writeStringField("description", l.description());
                    g.writeNumberField("minzoom", d.minZoom());
                    g.writeNumberField("maxzoom", d.maxZoom());
                    g.writeObjectFieldStart("fields");
                    for (Map.Entry<String, String> f : l.fields().entrySet())
                        g.writeStringField(f.getKey(), f.getValue());
                    g.writeEndObject();
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeStringField("crs", d.set().supportedCrs());
            g.writeStringField("tileMatrixSet", d.set().identifier());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static double round(double v) { return Math.round(v * 1e6) / 1e6; }
}
