package org.ecoplan.loader.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.ecoplan.loader.SourceException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Streams the features of a GeoJSON FeatureCollection (RFC 7946 section 3.3): the parser walks the
 * top-level object and reads one feature tree at a time, so large files are not held in memory.
 * Geometries are decoded by JTS' GeoJSON reader. A legacy "crs" member (GeoJSON 2008), if
 * present, is reported by {@link #declaredCrs()} so the loader can check it agrees with the
 * layer configuration. Parse errors carry line and column.
 */
public final class GeoJsonSourceReader implements SourceReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String name;
    private final JsonParser parser;
    private final GeoJsonReader geometryReader = new GeoJsonReader();
    private String crs;
    private boolean inFeatures;
    private boolean sawFeatures;
    private boolean done;
    private SourceRecord pending;
    private long index;

    /** Opens the file; {@link TextFileCheck} must have passed. */
    public GeoJsonSourceReader(Path file, String name) {
        this.name = name;
        try {
            this.parser = MAPPER.getFactory().createParser(file.toFile());
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw fail("expected a GeoJSON FeatureCollection object at the top level");
            }
        } catch (IOException e) {
            throw translate(e);
        }
    }

    @Override
    public boolean hasNext() {
        if (pending != null) return true;
        if (done) return false;
        try {
            pending = advance();
        } catch (IOException e) {
            throw translate(e);
        }
        return pending != null;
    }

    @Override
    public SourceRecord next() {
        if (!hasNext()) throw new NoSuchElementException();
        SourceRecord r = pending;
        pending = null;
        return r;
    }

    @Override
    public Optional<String> declaredCrs() { return Optional.ofNullable(crs); }

    private SourceRecord advance() throws IOException {
        while (true) {
            if (inFeatures) {
                JsonToken t = parser.nextToken();
                if (t == JsonToken.END_ARRAY) {
                    inFeatures = false;
                    continue;
                }
                if (t == null) throw fail("truncated JSON: the file ends inside the 'features' array");
                long line = parser.currentLocation().getLineNr();
                JsonNode feature = parser.readValueAsTree();
                return toRecord(++index, line, feature);
            }
            JsonToken t = parser.nextToken();
            if (t == JsonToken.END_OBJECT) {
                done = true;
                if (!sawFeatures) throw fail("not a GeoJSON FeatureCollection: no 'features' member");
                if (parser.nextToken() != null) throw fail("unexpected content after the FeatureCollection");
                return null;
            }
            if (t == null) throw fail("truncated JSON: unexpected end of file");
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "type" -> {
                    if (!"FeatureCollection".equals(parser.getValueAsString())) {
                        throw fail("expected \"type\": \"FeatureCollection\", found " + parser.getText());
                    }
                }
                case "features" -> {
                    if (value != JsonToken.START_ARRAY) throw fail("'features' must be an array");
                    inFeatures = true;
                    sawFeatures = true;
                }
                case "crs" -> crs = crsName(parser.readValueAsTree());
                default -> parser.skipChildren();
            }
        }
    }

    private static String crsName(JsonNode crs) {
        JsonNode n = crs == null ? null : crs.path("properties").path("name");
        return n == null || !n.isTextual() ? String.valueOf(crs) : n.asText();
    }

    private SourceRecord toRecord(long index, long line, JsonNode f) {
        List<SourceRecord.Problem> problems = new ArrayList<>();
        if (!f.isObject() || !"Feature".equals(f.path("type").asText())) {
            problems.add(new SourceRecord.Problem(null, "not a GeoJSON Feature (\"type\": \"Feature\" expected)"));
        }
        String id = f.hasNonNull("id") ? f.get("id").asText() : null;
        Map<String, Object> props = new LinkedHashMap<>();
        JsonNode p = f.path("properties");
        if (p.isObject()) {
            p.fields().forEachRemaining(e -> props.put(e.getKey(), value(e.getValue())));
        } else if (!p.isNull() && !p.isMissingNode()) {
            problems.add(new SourceRecord.Problem("properties", "'properties' must be an object or null"));
        }
        Geometry g = null;
        JsonNode gn = f.path("geometry");
        if (!gn.isNull() && !gn.isMissingNode()) {
            try {
                g = geometryReader.read(gn.toString());
            } catch (ParseException | RuntimeException e) {
                problems.add(new SourceRecord.Problem("geometry", "unreadable GeoJSON geometry: " + e.getMessage()));
            }
        }
        return new SourceRecord(index, id, line, props, g, problems);
    }

    private static Object value(JsonNode v) {
        if (v.isNull()) return null;
        if (v.isTextual()) return v.asText();
        if (v.isBoolean()) return v.asBoolean();
        if (v.isIntegralNumber() && v.canConvertToLong()) return v.asLong();
        if (v.isNumber()) return v.asDouble();
        return MAPPER.convertValue(v, Object.class);
    }

    private SourceException fail(String message) {
        JsonLocation l = parser.currentLocation();
        return new SourceException(name + ":" + l.getLineNr() + ":" + l.getColumnNr(), message);
    }

    private SourceException translate(IOException e) {
        if (e instanceof JsonProcessingException j && j.getLocation() != null) {
            JsonLocation l = j.getLocation();
            String what = e instanceof JsonEOFException
                    ? "truncated JSON: unexpected end of file"
                    : "invalid JSON: " + j.getOriginalMessage();
            return new SourceException(name + ":" + l.getLineNr() + ":" + l.getColumnNr(), what);
        }
        return new SourceException(name, "cannot read: " + e.getMessage(), e);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // nothing was written; a failed close of a read-only file loses nothing
        }
    }
}
