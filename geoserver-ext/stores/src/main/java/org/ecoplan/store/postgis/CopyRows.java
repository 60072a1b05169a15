package org.ecoplan.store.postgis;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import org.postgresql.copy.CopyIn;

/**
 * Rows of PostgreSQL's COPY text format (PostgreSQL documentation, COPY, "Text Format"): columns
 * separated by tabs, rows ended by newlines, {@code \N} for NULL, and backslash, tab, newline and
 * carriage return in values escaped with a backslash. Buffered and sent to the server in chunks.
 */
final class CopyRows {
    private static final int CHUNK = 64 * 1024;

    private final CopyIn copy;
    private final StringBuilder row = new StringBuilder(256);
    private final java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream(CHUNK + 4096);

    CopyRows(CopyIn copy) {
        this.copy = copy;
    }

    /** A value as text: null, a number, a boolean, a date or a string (escaped). */
    void value(Object v) {
        if (v == null) row.append("\\N");
        else if (v instanceof Boolean b) row.append(b ? 't' : 'f');
        else if (v instanceof Long || v instanceof Integer) row.append(v);
        else if (v instanceof Double d) row.append(d.isNaN() ? "NaN" : d.toString());
        else if (v instanceof LocalDate d) row.append(d);
        else escaped(v.toString());
    }

    /** Text known to need no escaping (digits, hex). */
    void field(String plain) { row.append(plain); }

    void tab() { row.append('\t'); }

    void endRow() throws SQLException {
        row.append('\n');
        byte[] b = row.toString().getBytes(StandardCharsets.UTF_8);
        row.setLength(0);
        buffer.write(b, 0, b.length);
        if (buffer.size() >= CHUNK) flush();
    }

    void flush() throws SQLException {
        if (buffer.size() == 0) return;
        copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
        buffer.reset();
    }

    private void escaped(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> row.append("\\\\");
                case '\t' -> row.append("\\t");
                case '\n' -> row.append("\\n");
                case '\r' -> row.append("\\r");
                default -> row.append(ch);
            }
        }
    }
}
