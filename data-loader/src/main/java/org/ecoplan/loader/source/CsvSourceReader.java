package org.ecoplan.loader.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ecoplan.loader.SourceException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Streams the rows of a UTF-8 CSV file with a header row (RFC 4180) as features. The geometry
 * comes from a WKT column (option {@code wkt}), from two number columns (options {@code lon} and
 * {@code lat}, in that east/north order whatever the CRS's axis order), or is absent for tables.
 * Geometry columns are not properties; empty cells are null. Option {@code delimiter} sets a
 * one-character delimiter (default ",").
 */
public final class CsvSourceReader implements SourceReader {
    private static final GeometryFactory GF = new GeometryFactory();

    private final String name;
    private final CSVParser parser;
    private final Iterator<CSVRecord> rows;
    private final List<String> header;
    private final String wkt;
    private final String lon;
    private final String lat;
    private long index;

    public CsvSourceReader(Path file, String name, Map<String, String> options) {
        this.name = name;
        this.wkt = options.get("wkt");
        this.lon = options.get("lon");
        this.lat = options.get("lat");
        if ((lon == null) != (lat == null)) throw new SourceException(name, "csv options 'lon' and 'lat' go together");
        if (wkt != null && lon != null)
            throw new SourceException(name, "csv options: give either 'wkt' or 'lon'+'lat', not both");
        String delimiter = options.getOrDefault("delimiter", ",");
        if (delimiter.length() != 1)
            throw new SourceException(name, "csv option 'delimiter' must be one character, not '" + delimiter + "'");
        try {
            BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            in.mark(1);
            if (in.read() != '\uFEFF') in.reset(); // a byte-order mark is not part of the first column name
            this.parser = CSVFormat.RFC4180.builder().setDelimiter(delimiter.charAt(0)).setHeader()
                    .setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get()
                    .parse(in);
        } catch (IOException e) {
            throw new SourceException(name, "cannot read: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new SourceException(name + ":1", "bad CSV header: " + e.getMessage());
        }
        this.header = parser.getHeaderNames();
        for (String column : new String[]{wkt, lon, lat}) {
            if (column != null && !header.contains(column)) {
                throw new SourceException(name + ":1",
                        "geometry column '" + column + "' is not in the header " + header);
            }
        }
        this.rows = parser.iterator();
    }

    /** Whether this source has a geometry column at all (a layer with geometry needs one). */
    public boolean hasGeometryColumns() {
        return wkt != null || lon != null;
    }

    @Override
    public boolean hasNext() {
        try {
            return rows.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new SourceException(name + ":" + parser.getCurrentLineNumber(), "malformed CSV: " + e.getMessage());
        }
    }

    @Override
    public SourceRecord next() {
        if (!hasNext()) throw new NoSuchElementException();
        CSVRecord row = rows.next();
        List<SourceRecord.Problem> problems = new ArrayList<>();
        if (!row.isConsistent()) {
            problems.add(new SourceRecord.Problem(null,
                    "row has " + row.size() + " values, the header has " + header.size()));
        }
        Map<String, Object> props = new LinkedHashMap<>();
        for (String column : header) {
            if (column.equals(wkt) || column.equals(lon) || column.equals(lat)) continue;
            String v = row.isSet(column) ? row.get(column) : null;
            props.put(column, v == null || v.isEmpty() ? null : v);
        }
        Geometry g = null;
        if (wkt != null) g = readWkt(row, problems);
        else if (lon != null) g = readPoint(row, problems);
        // rows are features from the second line on; row.getRecordNumber() counts data rows only
        return new SourceRecord(++index, null, row.getRecordNumber() + 1, props, g, problems);
    }

    private Geometry readWkt(CSVRecord row, List<SourceRecord.Problem> problems) {
        String text = row.isSet(wkt) ? row.get(wkt) : "";
        if (text.isBlank()) return null;
        try {
            return new WKTReader(GF).read(text);
        } catch (ParseException e) {
            problems.add(new SourceRecord.Problem(wkt, "unreadable WKT '" + abbreviate(text) + "': " + e.getMessage()));
            return null;
        }
    }

    private Geometry readPoint(CSVRecord row, List<SourceRecord.Problem> problems) {
        String x = row.isSet(lon) ? row.get(lon) : "";
        String y = row.isSet(lat) ? row.get(lat) : "";
        if (x.isBlank() && y.isBlank()) return null;
        Double ex = number(lon, x, problems);
        Double ny = number(lat, y, problems);
        return ex == null || ny == null ? null : GF.createPoint(new Coordinate(ex, ny));
    }

    private static Double number(String column, String text, List<SourceRecord.Problem> problems) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            problems.add(new SourceRecord.Problem(column, "'" + abbreviate(text) + "' is not a number"));
            return null;
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // read-only; nothing to lose
        }
    }
}
