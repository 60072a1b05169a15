package org.ecoplan.ows.encode;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.crs.Crs;

/**
 * Streams features as a GeoJSON FeatureCollection (RFC 7946), one feature at a time from the
 * cursors, with the WFS 2.0 / OGC API members numberMatched, numberReturned, timeStamp and
 * paging links.
 *
 * <p>Coordinates are written x/y (longitude/latitude for geographic CRSs) whatever the request's
 * axis-order convention, as RFC 7946 clause 3.1.1 requires. For a CRS other than WGS 84 the
 * coordinates are written as they are and a GeoJSON 2008 style {@code "crs"} member names it,
 * which GDAL and OpenLayers read.
 */
public final class GeoJsonEncoder {
    /** The RFC 7946 media type. WFS requests usually name it "application/json". */
    public static final String MEDIA_TYPE = "application/geo+json";

    // shortest round-trip digits (Schubfach), several times faster than Double.toString on Java 17
    private static final JsonFactory JSON = JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            // a stream that fails half-way must stay broken off, not be closed into valid, shorter JSON,
            // and the response must stay open, so the server can still answer with a report or cut it
            .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT).disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();
    private static final SerializedString TYPE = new SerializedString("type");
    private static final SerializedString FEATURE = new SerializedString("Feature");
    private static final SerializedString ID = new SerializedString("id");
    private static final SerializedString GEOMETRY = new SerializedString("geometry");
    private static final SerializedString PROPERTIES = new SerializedString("properties");

    private final CoordinatePrecision precision;

    /** An encoder with the precision chosen per CRS (see {@link CoordinatePrecision#forCrs}). */
    public GeoJsonEncoder() {
        this(null);
    }

    /** @param precision fixed precision, or null to choose it per CRS */
    public GeoJsonEncoder(CoordinatePrecision precision) {
        this.precision = precision;
    }

    /** Writes one FeatureCollection holding the features of every stream, in order. */
    public void writeCollection(OutputStream out, CollectionMetadata meta, List<FeatureStream> streams)
            throws IOException {
        List<Link> links = new java.util.ArrayList<>();
        if (meta.previous() != null) links.add(new Link(meta.previous(), "prev", MEDIA_TYPE));
        if (meta.next() != null) links.add(new Link(meta.next(), "next", MEDIA_TYPE));
        write(out, meta, streams, links, true);
    }

    /**
     * Writes an OGC API – Features items document (OGC 17-069r4 clause 7.15.2–7.15.8): the
     * collection with all its links and no GeoJSON 2008 {@code crs} member, since OGC API names the
     * CRS in the Content-Crs header (OGC 18-058r1 clause 6.2).
     */
    public void writeItems(OutputStream out, CollectionMetadata meta, List<FeatureStream> streams, List<Link> links)
            throws IOException {
        write(out, meta, streams, links, false);
    }

    private void write(OutputStream out, CollectionMetadata meta, List<FeatureStream> streams, List<Link> links,
            boolean crsMember) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            if (crsMember) writeCrs(g, meta.crs());
            if (meta.numberMatched() >= 0) g.writeNumberField("numberMatched", meta.numberMatched());
            if (meta.numberReturned() >= 0) g.writeNumberField("numberReturned", meta.numberReturned());
            g.writeStringField("timeStamp", meta.timeStamp().truncatedTo(ChronoUnit.SECONDS).toString());
            if (!links.isEmpty()) {
                g.writeArrayFieldStart("links");
                for (Link l : links) link(g, l);
                g.writeEndArray();
            }
            g.writeArrayFieldStart("features");
            GeoJsonGeometryWriter geometries = new GeoJsonGeometryWriter(precisionFor(meta.crs()));
            for (FeatureStream s : streams) {
                Iterator<Feature> it = s.features();
                List<String> names = s.attributeNames();
                // property names encoded once per collection, not once per feature
                SerializedString[] keys = names.stream().map(SerializedString::new).toArray(SerializedString[]::new);
                while (it.hasNext()) writeFeature(g, it.next(), names, keys, s.writesGeometry(), geometries);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** Writes a single OGC API item with its links and no {@code crs} member (see {@link #writeItems}). */
    public void writeItem(OutputStream out, Feature feature, FeatureStream shape, Crs crs, List<Link> links)
            throws IOException {
        writeSingle(out, feature, shape, crs, links);
    }

    /** Writes a single Feature object (no collection), e.g. for GetFeatureById or an OGC API item. */
    public void writeFeature(OutputStream out, Feature feature, FeatureStream shape, Crs crs) throws IOException {
        writeSingle(out, feature, shape, crs, null);
    }

    /** One Feature: with OGC API links (and no crs member), or, without links, with the crs member. */
    private void writeSingle(OutputStream out, Feature feature, FeatureStream shape, Crs crs, List<Link> links)
            throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            List<String> names = shape.attributeNames();
            writeFeatureMembers(g, feature, names,
                    names.stream().map(SerializedString::new).toArray(SerializedString[]::new),
                    shape.writesGeometry(), new GeoJsonGeometryWriter(precisionFor(crs)));
            if (links == null) {
                writeCrs(g, crs);
            } else {
                g.writeArrayFieldStart("links");
                for (Link l : links) link(g, l);
                g.writeEndArray();
            }
            g.writeEndObject();
        }
    }

    private CoordinatePrecision precisionFor(Crs crs) {
        return precision != null ? precision : CoordinatePrecision.forCrs(crs);
    }

    private static void link(JsonGenerator g, Link l) throws IOException {
        g.writeStartObject();
        g.writeStringField("href", l.href());
        g.writeStringField("rel", l.rel());
        if (l.type() != null) g.writeStringField("type", l.type());
        if (l.title() != null) g.writeStringField("title", l.title());
        g.writeEndObject();
    }

    private static void writeCrs(JsonGenerator g, Crs crs) throws IOException {
        // WGS 84 (in either axis convention) is GeoJSON's own CRS: say nothing
        if (crs == null || crs.epsg() == 4326) return;
        g.writeObjectFieldStart("crs");
        g.writeStringField("type", "name");
        g.writeObjectFieldStart("properties");
        g.writeStringField("name", crs.urn());
        g.writeEndObject();
        g.writeEndObject();
    }

    private void writeFeature(JsonGenerator g, Feature f, List<String> names, SerializedString[] keys,
            boolean withGeometry, GeoJsonGeometryWriter geometries) throws IOException {
        g.writeStartObject();
        writeFeatureMembers(g, f, names, keys, withGeometry, geometries);
        g.writeEndObject();
    }

    private static void writeFeatureMembers(JsonGenerator g, Feature f, List<String> names, SerializedString[] keys,
            boolean withGeometry, GeoJsonGeometryWriter geometries) throws IOException {
        g.writeFieldName(TYPE);
        g.writeString(FEATURE);
        g.writeFieldName(ID);
        g.writeString(f.id());
        g.writeFieldName(GEOMETRY);
        geometries.write(g, withGeometry ? f.geometry() : null);
        g.writeFieldName(PROPERTIES);
        g.writeStartObject();
        for (int i = 0; i < keys.length; i++) {
            g.writeFieldName(keys[i]);
            writeValue(g, f.get(names.get(i)));
        }
        g.writeEndObject();
    }

    /** A JSON value for an attribute value of any {@link org.ecoplan.catalog.AttributeType}. */
    public static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isFinite(d)) g.writeNumber(d);
            else g.writeNull(); // JSON has no NaN / Infinity
        } else if (v instanceof Number n) {
            g.writeNumber(n.toString());
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof LocalDate d) {
            g.writeString(d.toString());
        } else {
            g.writeString(v.toString());
        }
    }
}
