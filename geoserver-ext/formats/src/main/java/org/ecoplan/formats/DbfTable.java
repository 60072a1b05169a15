package org.ecoplan.formats;

import com.linuxense.javadbf.DBFDataType;
import com.linuxense.javadbf.DBFException;
import com.linuxense.javadbf.DBFField;
import com.linuxense.javadbf.DBFReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Streams the rows of a Shapefile's dBASE III table (.dbf) through javadbf, typed as the field
 * descriptors say: C → trimmed String, N/F → Long without decimals else Double, L → Boolean,
 * D → LocalDate; blank values are null. Deleted rows are returned flagged, not skipped, so
 * row n stays aligned with shape n of the main file. Text that does not decode in the chosen
 * {@link DbfEncoding} (javadbf substitutes U+FFFD) fails with the record, the field and how the
 * encoding was chosen.
 */
final class DbfTable implements AutoCloseable {
    /** One table row: whether it is marked deleted, and its values in field order. */
    record Row(boolean deleted, Map<String, Object> values) {}

    /** Byte 29 of the dBASE header: the language driver id. */
    private static final int LANGUAGE_DRIVER = 29;

    private final String name;
    private final DbfEncoding encoding;
    private final DBFReader reader;
    private final String[] fields;
    private final DBFField[] descriptors;
    private long record;

    DbfTable(InputStream raw, String name, String explicitEncoding, String cpg, String cpgName) {
        this.name = name;
        BufferedInputStream in = new BufferedInputStream(raw, 64 * 1024);
        try {
            in.mark(32);
            byte[] head = in.readNBytes(32);
            in.reset();
            if (head.length < 32) throw new FormatException(name, "truncated: shorter than the 32-byte dBASE header");
            this.encoding = DbfEncoding.resolve(explicitEncoding, cpg, head[LANGUAGE_DRIVER] & 0xFF, cpgName, name);
            this.reader = new TypedDbfReader(in, encoding);
        } catch (IOException | DBFException e) {
            close(in);
            throw new FormatException(name, "not a readable dBASE table: " + e.getMessage(), e);
        }
        // javadbf puts a synthetic "deleted" field first when it shows deleted rows
        int n = reader.getFieldCount() - 1;
        this.fields = new String[n];
        this.descriptors = new DBFField[n];
        for (int i = 0; i < n; i++) {
            descriptors[i] = reader.getField(i + 1);
            fields[i] = descriptors[i].getName();
            if (fields[i].indexOf('\uFFFD') >= 0) {
                throw new FormatException(name, "field name " + (i + 1) + " does not decode as "
                        + encoding.charset().name() + " (" + encoding.source() + ")" + advice());
            }
        }
    }

    /** Records the header announces, deleted ones included. */
    long size() { return reader.getRecordCount(); }

    /** The next row, or null after the last. */
    Row next() {
        Object[] raw;
        try {
            raw = reader.nextRecord();
        } catch (DBFException e) {
            throw new FormatException(name + "#" + (record + 1), "unreadable record: " + e.getMessage(), e);
        }
        if (raw == null) return null;
        record++;
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i++) values.put(fields[i], value(raw[i + 1], descriptors[i], fields[i]));
        return new Row(Boolean.TRUE.equals(raw[0]), values);
    }

    private Object value(Object v, DBFField f, String field) {
        if (v == null) return null;
        if (v instanceof String s) {
            if (s.indexOf('\uFFFD') >= 0) {
                throw new FormatException(name + "#" + record, "field '" + field + "': text does not decode as "
                        + encoding.charset().name() + " (" + encoding.source() + ")" + advice());
            }
            String t = s.strip();
            return t.isEmpty() ? null : t;
        }
        if (v instanceof Number n) return number(n, f);
        if (v instanceof Date d) return d.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        if (v instanceof byte[] b) return new String(b, StandardCharsets.ISO_8859_1);
        return v;
    }

    private static Object number(Number n, DBFField f) {
        BigDecimal d = n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
        boolean integral = f.getDecimalCount() == 0 && d.stripTrailingZeros().scale() <= 0;
        if (integral && d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) return d.longValueExact();
        return d.doubleValue();
    }

    private String advice() {
        if (encoding.guessed()) return "; set the encoding (GBK or GB18030 for most Chinese data)";
        return "; is the encoding right? set it explicitly";
    }

    @Override
    public void close() {
        if (reader != null) reader.close();
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // read-only: a failed close loses nothing
        }
    }

    /**
     * javadbf's reader with dates read as dBASE defines them (YYYYMMDD, blank or zeros for none):
     * javadbf turns "00000000" into a date in year 2.
     */
    private static final class TypedDbfReader extends DBFReader {
        TypedDbfReader(InputStream in, DbfEncoding encoding) {
            super(in, encoding.charset(), true);
        }

        @Override
        protected Object getFieldValue(DBFField field) throws IOException {
            if (field.getType() != DBFDataType.DATE) return super.getFieldValue(field);
            byte[] b = new byte[field.getLength()];
            dataInputStream.readFully(b);
            String s = new String(b, StandardCharsets.US_ASCII).strip();
            if (s.length() != 8 || !s.chars().allMatch(Character::isDigit) || s.equals("00000000")) return null;
            try {
                return LocalDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)),
                        Integer.parseInt(s.substring(6)));
            } catch (DateTimeException e) {
                return null;
            }
        }
    }
}
