package org.ecoplan.store.gpkg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.ecoplan.catalog.store.StoreException;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;

class GeoPackageGeometryTest {
    private static final GeometryFactory GF = new GeometryFactory();

    @Test
    void headerHasMagicVersionFlagsSrsAndEnvelope() throws Exception {
        Geometry g = new WKTReader().read("MULTIPOLYGON (((113.6 40, 113.64 40, 113.64 40.04, 113.6 40)))");
        byte[] blob = GeoPackageGeometry.encode(g, 4490);
        assertEquals('G', blob[0]);
        assertEquals('P', blob[1]);
        assertEquals(0, blob[2], "version 1 of the encoding is written as 0");
        assertEquals(0x03, blob[3], "little endian, x/y envelope, not empty, standard type");
        ByteBuffer b = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(4490, b.getInt(4));
        assertEquals(113.6, b.getDouble(8));
        assertEquals(113.64, b.getDouble(16));
        assertEquals(40.0, b.getDouble(24));
        assertEquals(40.04, b.getDouble(32));
        assertEquals(1, blob[40], "the WKB starts after the 40-byte header, little endian");
        assertTrue(GeoPackageGeometry.decode(blob).equalsExact(g));
        assertEquals(new Envelope(113.6, 113.64, 40.0, 40.04), GeoPackageGeometry.envelope(blob));
        assertFalse(GeoPackageGeometry.isEmpty(blob));
    }

    @Test
    void emptyGeometryHasNoEnvelopeAndTheEmptyFlag() {
        byte[] blob = GeoPackageGeometry.encode(GF.createPolygon(), 4490);
        assertEquals(0x11, blob[3]);
        assertTrue(GeoPackageGeometry.isEmpty(blob));
        assertNull(GeoPackageGeometry.envelope(blob));
        assertTrue(GeoPackageGeometry.decode(blob).isEmpty());
    }

    @Test
    void theWkbIsWhatJtsWritesAndReadsBack() throws Exception {
        org.locationtech.jts.io.WKTReader wkt = new org.locationtech.jts.io.WKTReader();
        String[] samples = {"POINT (113.5 40.1)", "POINT EMPTY", "POINT Z (1 2 3)", "LINESTRING (0 0, 1 1, 2 0)",
                "LINESTRING EMPTY", "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 3, 3 3, 2 2))", "POLYGON EMPTY",
                "POLYGON Z ((0 0 5, 1 0 5, 1 1 5, 0 0 5))", "MULTIPOINT ((1 2), (3 4))", "MULTIPOINT EMPTY",
                "MULTILINESTRING ((0 0, 1 1), (2 2, 3 3, 4 5))",
                "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5), (5.2 5.1, 5.8 5.1, 5.8 5.7, 5.2 5.1)))",
                "MULTIPOLYGON EMPTY",
                "GEOMETRYCOLLECTION (POINT (1 1), LINESTRING (0 0, 1 1), GEOMETRYCOLLECTION (POINT (2 2)))",
                "GEOMETRYCOLLECTION EMPTY"};
        for (String text : samples) {
            org.locationtech.jts.geom.Geometry g = wkt.read(text);
            byte[] blob = GeoPackageGeometry.encode(g, 4490);
            byte[] jts = new org.locationtech.jts.io.WKBWriter(2, org.locationtech.jts.io.ByteOrderValues.LITTLE_ENDIAN)
                    .write(g);
            int offset = g.isEmpty() ? 8 : 40;
            assertEquals(offset + jts.length, blob.length, text);
            assertArrayEquals(jts, java.util.Arrays.copyOfRange(blob, offset, blob.length), text);
            // and the PostGIS extended form, SRID on the outermost geometry only, as JTS writes it
            org.locationtech.jts.geom.Geometry withSrid = g.copy();
            withSrid.setSRID(4547);
            assertArrayEquals(
                    new org.locationtech.jts.io.WKBWriter(2, org.locationtech.jts.io.ByteOrderValues.LITTLE_ENDIAN,
                            true).write(withSrid),
                    org.ecoplan.store.sql.WkbEncoding.encode(g, 4547), "EWKB " + text);
            org.locationtech.jts.geom.Geometry back = GeoPackageGeometry.decode(blob);
            assertEquals(g.getGeometryType(), back.getGeometryType(), text);
            if (!g.isEmpty())
                assertTrue(back.equalsExact(wkt.read(new org.locationtech.jts.io.WKTWriter(2).write(g))), text);
        }
    }

    @Test
    void garbageIsAStoreException() {
        assertThrows(StoreException.class, () -> GeoPackageGeometry.decode(new byte[]{1, 2, 3}));
        assertThrows(StoreException.class, () -> GeoPackageGeometry.decode(new byte[]{'G', 'P', 0, 0x0F, 0, 0, 0, 0}));
        assertThrows(StoreException.class,
                () -> GeoPackageGeometry.decode(new byte[]{'G', 'P', 0, 0x03, 0, 0, 0, 0, 1}));
    }
}
