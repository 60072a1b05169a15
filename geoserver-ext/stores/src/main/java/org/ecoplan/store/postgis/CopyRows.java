package org.ecoplan.store.postgis;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import org.postgresql.copy.CopyIn;

/**
 * Rows of PostgreSQL's COPY text format (PostgreSQL documentation, COPY, "Text Format"): columns
 * separated by tabs, rows ended by newlines, {@code \N} for NULL, and backslash, tab, newline and
 * carriage return in values escaped with a backslash. Encoded straight into a byte buffer and sent
 * to the server in chunks: a million rows must not cost a million intermediate strings.
 */
final class CopyRows {
    private static final int CHUNK = 64 * 1024;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private final CopyIn copy;
    private byte[] buf = new byte[CHUNK * 2];
    private int len;

    CopyRows(CopyIn copy) {
        this.copy = copy;
    }

    /** A value as text: null, a number, a boolean, a date or a string (escaped). */
    void value(Object v) {
        if (v == null) ascii("\\N");
        else if (v instanceof Boolean b) ascii(b ? "t" : "f");
        else if (v instanceof Long || v instanceof Integer) ascii(v.toString());
        else if (v instanceof Double d) ascii(d.isNaN() ? "NaN" : d.toString());
        else if (v instanceof LocalDate d) ascii(d.toString());
        else escaped(v.toString());
    }

    /** A number as text. */
    void number(long n) { ascii(Long.toString(n)); }

    /** Bytes as upper-case hexadecimal, the text form PostGIS reads (E)WKB in. */
    void hex(byte[] bytes) {
        room(bytes.length * 2);
        for (byte b : bytes) {
            buf[len++] = HEX[(b >> 4) & 0xF];
            buf[len++] = HEX[b & 0xF];
        }
    }

    void tab() { put((byte) '\t'); }

    void endRow() throws SQLException {
        put((byte) '\n');
        if (len >= CHUNK) flush();
    }

    void flush() throws SQLException {
        if (len == 0) return;
        copy.writeToCopy(buf, 0, len);
        len = 0;
    }

    private void ascii(String s) {
        room(s.length());
        for (int i = 0; i < s.length(); i++) buf[len++] = (byte) s.charAt(i);
    }

    private void escaped(String s) {
        room(s.length() * 4);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < 0x80) {
                switch (ch) {
                    case '\\' -> { buf[len++] = '\\'; buf[len++] = '\\'; }
                    case '\t' -> { buf[len++] = '\\'; buf[len++] = 't'; }
                    case '\n' -> { buf[len++] = '\\'; buf[len++] = 'n'; }
                    case '\r' -> { buf[len++] = '\\'; buf[len++] = 'r'; }
                    default -> buf[len++] = (byte) ch;
                }
            } else {
                // the rest of the string through the JDK's encoder (surrogate pairs included)
                byte[] rest = s.substring(i).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
                        .replace("\r", "\\r").getBytes(StandardCharsets.UTF_8);
                room(rest.length);
                System.arraycopy(rest, 0, buf, len, rest.length);
                len += rest.length;
                return;
            }
        }
    }

    private void put(byte b) {
        room(1);
        buf[len++] = b;
    }

    private void room(int n) {
        if (len + n > buf.length) buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
    }
}
