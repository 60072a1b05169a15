package org.ecoplan.ows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseEncodersTest {
    /** A format of plain strings, offered by one service only. */
    private record Upper(String service) implements ResponseEncoder<String> {
        @Override
        public Class<String> type() { return String.class; }

        @Override
        public List<String> names() { return List.of("text/x-upper", "upper"); }

        @Override
        public String extension() { return "up"; }

        @Override
        public boolean offeredIn(String s, String version) { return s.equals(service); }

        @Override
        public void write(String result, OutputStream out) throws IOException {
            out.write(result.toUpperCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        }
    }

    private record Count() implements ResponseEncoder<Integer> {
        @Override
        public Class<Integer> type() { return Integer.class; }

        @Override
        public List<String> names() { return List.of("text/x-count"); }

        @Override
        public void write(Integer result, OutputStream out) throws IOException {
            out.write(String.valueOf(result).getBytes(StandardCharsets.UTF_8));
        }
    }

    private final ResponseEncoders encoders = new ResponseEncoders(List.of(new Upper("WMS"), new Count()));

    @Test
    void findsByTypeNameServiceAndExtension() throws IOException {
        ResponseEncoder<String> upper = encoders.find(String.class, " Text/X-Upper ", "WMS", "1.3.0").orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        upper.write("abc", out);
        assertEquals("ABC", out.toString(StandardCharsets.UTF_8));
        assertEquals("text/x-upper", upper.contentType("upper"));
        assertTrue(encoders.find(String.class, "upper", "WMTS", "1.0.0").isEmpty(), "not offered by WMTS");
        assertTrue(encoders.find(Integer.class, "upper", "WMS", "1.3.0").isEmpty(), "another result type");
        assertEquals(1, encoders.all(Integer.class).size());
        assertTrue(encoders.byExtension(String.class, "UP", "WMS", "1.3.0").isPresent());
    }

    @Test
    void normalizeIgnoresBlanksQuotesPlusAndCase() {
        assertEquals("application/gml+xml;version=3.2".replace("+", ""),
                ResponseEncoder.normalize("application/gml xml; version=\"3.2\""));
    }
}
