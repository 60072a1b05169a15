package org.ecoplan.formats;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decodes a small text file strictly: a byte sequence the charset does not define is an error
 * with its line, never a silent U+FFFD. "Auto" is strict UTF-8 when the bytes are valid UTF-8,
 * else GB 18030 — every byte sequence a GBK or GB 2312 file holds is valid GB 18030, and text that
 * happens to be valid in both is, in practice, UTF-8.
 */
final class TextDecoding {
    private TextDecoding() {}

    static final Charset GB18030 = Charset.forName("GB18030");

    /** The decoded text, without a byte-order mark. */
    static String decode(byte[] bytes, String encoding, String name) {
        if (encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("auto")) {
            Optional<String> utf8 = tryDecode(bytes, StandardCharsets.UTF_8, name, false);
            return utf8.orElseGet(() -> tryDecode(bytes, GB18030, name, true).orElseThrow());
        }
        Charset cs = DbfEncoding.charset(encoding)
                .orElseThrow(() -> new FormatException(name, "unknown encoding '" + encoding + "'"));
        return tryDecode(bytes, cs, name, true).orElseThrow();
    }

    private static Optional<String> tryDecode(byte[] bytes, Charset cs, String name, boolean fail) {
        CharsetDecoder d = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L, bytes.length * 2L + 16));
        CoderResult r = d.decode(in, out, true);
        if (!r.isError()) r = d.flush(out);
        if (r.isError()) {
            if (!fail) return Optional.empty();
            int at = in.position();
            long line = 1;
            for (int i = 0; i < at; i++) if (bytes[i] == '\n') line++;
            throw new FormatException(name + ":" + line, String.format("byte 0x%02X is not valid %s; set the encoding",
                    bytes[at] & 0xFF, cs.name()));
        }
        out.flip();
        String s = out.toString();
        return Optional.of(s.startsWith("\uFEFF") ? s.substring(1) : s);
    }
}
