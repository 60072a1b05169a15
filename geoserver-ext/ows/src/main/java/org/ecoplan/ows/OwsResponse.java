package org.ecoplan.ows;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response to write: status, content type, extra headers and a streaming body. */
public record OwsResponse(int status, String contentType, Map<String, String> headers, ResponseBody body) {
    public OwsResponse {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static OwsResponse ok(String contentType, ResponseBody body) {
        return new OwsResponse(200, contentType, Map.of(), body);
    }

    public static OwsResponse bytes(int status, String contentType, byte[] data) {
        return new OwsResponse(status, contentType, Map.of(), new Bytes(data));
    }

    /** A body already complete in memory: written in one call, so the server needs no buffer for it. */
    public record Bytes(byte[] data) implements ResponseBody {
        @Override
        public void writeTo(java.io.OutputStream out) throws java.io.IOException { out.write(data); }
    }

    public static OwsResponse text(int status, String contentType, String text) {
        return bytes(status, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The same response with a header set; a null value sets none. */
    public OwsResponse withHeader(String name, String value) {
        if (value == null) return this;
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new OwsResponse(status, contentType, h, body);
    }
}
