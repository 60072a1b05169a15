package org.ecoplan.loader.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Properties;
import org.ecoplan.loader.SourceException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * Streams one feature table of another GeoPackage file (OGC 12-128r18), opened read-only. The
 * table is option {@code table}, or the only feature table of the file. Geometry blobs are the
 * GeoPackage binary format (clause 2.1.3: "GP" header, optional envelope, then ISO WKB); the
 * integer primary key and the geometry column are not properties. Rows come in primary-key order,
 * so fids follow the source.
 */
public final class GeoPackageSourceReader implements SourceReader {
    private final String name;
    private final Connection connection;
    private final Statement statement;
    private final ResultSet rows;
    private final List<String> columns = new ArrayList<>();
    private final String geometryColumn;
    private final String crs;
    private final GeometryFactory gf = new GeometryFactory();
    private Boolean pending;
    private long index;

    public GeoPackageSourceReader(Path file, String name, Map<String, String> options) {
        this.name = name;
        if (!Files.isRegularFile(file)) throw new SourceException(name, "file not found");
        try {
            if (Files.size(file) == 0) throw new SourceException(name, "file is empty");
            Properties p = new Properties();
            p.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY: never touch a source
            this.connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), p);
            String table = table(options.get("table"));
            String[] geom = geometryColumn(table);
            this.geometryColumn = geom[0];
            this.crs = geom[1];
            String pk = null;
            try (PreparedStatement s = connection.prepareStatement("SELECT name, pk FROM pragma_table_info(?)")) {
                s.setString(1, table);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        String c = r.getString(1);
                        if (r.getInt(2) == 1) pk = c;
                        else if (!c.equals(geometryColumn)) columns.add(c);
                    }
                }
            }
            StringBuilder sql = new StringBuilder("SELECT ");
            for (String c : columns) sql.append(quote(c)).append(", ");
            sql.append(geometryColumn == null ? "NULL" : quote(geometryColumn)).append(" FROM ").append(quote(table));
            if (pk != null) sql.append(" ORDER BY ").append(quote(pk));
            this.statement = connection.createStatement();
            this.rows = statement.executeQuery(sql.toString());
        } catch (SQLException e) {
            throw new SourceException(name, "not a readable GeoPackage: " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new SourceException(name, "cannot read: " + e.getMessage(), e);
        }
    }

    private String table(String wanted) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery(
                        "SELECT table_name FROM gpkg_contents WHERE data_type IN ('features', 'attributes') ORDER BY table_name")) {
            while (r.next()) tables.add(r.getString(1));
        }
        if (wanted != null) {
            if (!tables.contains(wanted))
                throw new SourceException(name, "no table '" + wanted + "' in the GeoPackage (tables: " + tables + ")");
            return wanted;
        }
        if (tables.size() != 1)
            throw new SourceException(name,
                    "the GeoPackage has tables " + tables + ": name one with source option 'table'");
        return tables.get(0);
    }

    private String[] geometryColumn(String table) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT g.column_name, r.organization, r.organization_coordsys_id FROM gpkg_geometry_columns g "
                        + "LEFT JOIN gpkg_spatial_ref_sys r ON r.srs_id = g.srs_id WHERE g.table_name = ?")) {
            s.setString(1, table);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) return new String[]{null, null};
                String org = r.getString(2);
                String crs = org == null || r.getInt(3) <= 0
                        ? null
                        : org.toUpperCase(java.util.Locale.ROOT) + ":" + r.getInt(3);
                return new String[]{r.getString(1), crs};
            }
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public Optional<String> declaredCrs() { return Optional.ofNullable(crs); }

    @Override
    public boolean hasNext() {
        if (pending == null) {
            try {
                pending = rows.next();
            } catch (SQLException e) {
                throw new SourceException(name, "cannot read row " + (index + 1) + ": " + e.getMessage(), e);
            }
        }
        return pending;
    }

    @Override
    public SourceRecord next() {
        if (!hasNext()) throw new NoSuchElementException();
        pending = null;
        index++;
        List<SourceRecord.Problem> problems = new ArrayList<>();
        Map<String, Object> props = new LinkedHashMap<>();
        try {
            for (int i = 0; i < columns.size(); i++) {
                Object v = rows.getObject(i + 1);
                if (v instanceof Integer n) v = n.longValue();
                else if (v instanceof Float f) v = f.doubleValue();
                props.put(columns.get(i), v);
            }
            byte[] blob = geometryColumn == null ? null : rows.getBytes(columns.size() + 1);
            Geometry g = null;
            if (blob != null) {
                try {
                    g = decode(blob);
                } catch (ParseException | RuntimeException e) {
                    problems.add(new SourceRecord.Problem(geometryColumn,
                            "unreadable GeoPackage geometry: " + e.getMessage()));
                }
            }
            return new SourceRecord(index, null, 0, props, g, problems);
        } catch (SQLException e) {
            throw new SourceException(name, "cannot read row " + index + ": " + e.getMessage(), e);
        }
    }

    /** Decodes a GeoPackage geometry blob (clause 2.1.3.1.1). */
    private Geometry decode(byte[] blob) throws ParseException {
        if (blob.length < 8 || blob[0] != 'G' || blob[1] != 'P')
            throw new ParseException("not a GeoPackage geometry blob (no 'GP' magic)");
        int flags = blob[3];
        int envelope = (flags >> 1) & 0x7;
        int envelopeBytes = switch (envelope) {
            case 0 -> 0;
            case 1 -> 32;
            case 2, 3 -> 48;
            case 4 -> 64;
            default -> throw new ParseException("invalid envelope indicator " + envelope);
        };
        if ((flags & 0x10) != 0) return gf.createGeometryCollection();
        int offset = 8 + envelopeBytes;
        if (blob.length <= offset) throw new ParseException("geometry blob shorter than its header");
        return new WKBReader(gf).read(java.util.Arrays.copyOfRange(blob, offset, blob.length));
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // read-only connection; closing it cannot lose data
        }
    }
}
