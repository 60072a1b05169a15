package org.ecoplan.formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.BufferUnderflowException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Reads a Shapefile as features: shape n of the main file (.shp, {@link ShpMainFile}) with row n
 * of the dBASE table (.dbf, {@link DbfTable}), as the ESRI Shapefile Technical Description (July
 * 1998) pairs them. Rows marked deleted are skipped with their shape. The .shx index is only
 * used to check the record count up front (the main file is read sequentially, so a missing
 * .shx is fine); the .prj names the CRS through {@link PrjCrs}.
 */
final class ShapefileReader extends RecordStream {
    private final ShapefileParts parts;
    private final ShpMainFile shp;
    private final DbfTable dbf;
    private final ShapeDecoder decoder = new ShapeDecoder(new GeometryFactory());
    private final String crs;
    private final String crsText;
    private final long size;
    private long record;

    ShapefileReader(ShapefileParts parts, ShapefileOptions options) {
        this.parts = parts;
        ShpMainFile main = null;
        DbfTable table = null;
        try {
            if (!parts.has("dbf")) {
                throw new FormatException(parts.name("shp"), "no .dbf next to it (" + parts.name("dbf")
                        + "): a Shapefile needs its attribute table");
            }
            main = new ShpMainFile(open("shp"), parts.name("shp"));
            table = new DbfTable(open("dbf"), parts.name("dbf"), options.encoding(), parts.text("cpg"),
                    parts.name("cpg"));
            if (parts.has("shx")) {
                long indexed = ShpMainFile.indexCount(open("shx"), parts.name("shx"));
                if (indexed != table.size()) {
                    throw new FormatException(parts.name("shp"), "the .shx lists " + indexed
                            + " records but the .dbf has " + table.size() + "; the files do not belong together");
                }
            }
            this.crsText = parts.text("prj");
            this.crs = crsText == null ? null : PrjCrs.epsg(crsText).orElse(null);
        } catch (RuntimeException e) {
            if (main != null) main.close();
            if (table != null) table.close();
            parts.close();
            throw e;
        }
        this.shp = main;
        this.dbf = table;
        this.size = table.size();
    }

    private InputStream open(String extension) {
        try {
            return parts.open(extension);
        } catch (IOException e) {
            throw new FormatException(parts.name(extension), "cannot read: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> crs() { return Optional.ofNullable(crs); }

    @Override
    public Optional<String> crsText() { return Optional.ofNullable(crsText); }

    @Override
    public OptionalLong size() { return OptionalLong.of(size); }

    @Override
    protected FormatRecord advance() {
        while (true) {
            long n = record + 1;
            byte[] content = shp.next(n);
            DbfTable.Row row = dbf.next();
            if (content == null && row == null) return null;
            if (content == null) {
                throw new FormatException(parts.name("shp"), "has " + record + " records but the .dbf has more ("
                        + size + "); the files do not belong together or the .shp is truncated");
            }
            if (row == null) {
                throw new FormatException(parts.name("dbf"), "has " + record + " records but the .shp has more;"
                        + " the files do not belong together or the .dbf is truncated");
            }
            record = n;
            if (row.deleted()) continue;
            List<FormatRecord.Problem> problems = new ArrayList<>();
            ShapeDecoder.Decoded shape;
            try {
                shape = decoder.decode(content);
            } catch (BufferUnderflowException | IllegalArgumentException e) {
                throw new FormatException(parts.name("shp") + "#" + n,
                        "the record's content is shorter than its point and part counts say (damaged file)");
            }
            if (shape.problem() != null) problems.add(new FormatRecord.Problem("geometry", shape.problem()));
            return new FormatRecord(n, 0, row.values(), shape.geometry(), problems);
        }
    }

    @Override
    public void close() {
        shp.close();
        dbf.close();
        parts.close();
    }
}
