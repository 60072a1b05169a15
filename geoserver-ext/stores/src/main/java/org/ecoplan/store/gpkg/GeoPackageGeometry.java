package org.ecoplan.store.gpkg;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.ecoplan.catalog.store.StoreException;
import org.ecoplan.store.sql.WkbDecoding;
import org.ecoplan.store.sql.WkbEncoding;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory;
import org.locationtech.jts.io.ParseException;

/**
 * The GeoPackage geometry encoding (OGC 12-128r18, clause 2.1.3, GeoPackageBinary): the "GP" header
 * with version 0, flags, srs_id and an x/y envelope, followed by ISO WKB. Written little-endian
 * with an envelope for non-empty geometries, so readers and the R-tree triggers need not parse
 * the WKB to get the extent.
 */
public final class GeoPackageGeometry {
    private static final int HEADER = 8;
    private static final int FLAG_LITTLE_ENDIAN = 0x01;
    private static final int FLAG_ENVELOPE_XY = 0x02;
    private static final int FLAG_EMPTY = 0x10;

    private GeoPackageGeometry() {}

    /**
     * The geometry as a GeoPackageBinary blob: 2D ISO WKB, little-endian, written straight into an
     * array of the exact size (the loader encodes a million of these; growing a stream per geometry
     * cost a fifth of its time).
     */
    public static byte[] encode(Geometry g, int srsId) {
        boolean empty = g.isEmpty();
        ByteBuffer b = ByteBuffer.allocate(HEADER + (empty ? 0 : 32) + WkbEncoding.size(g))
                .order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'G').put((byte) 'P').put((byte) 0);
        b.put((byte) (FLAG_LITTLE_ENDIAN | (empty ? FLAG_EMPTY : FLAG_ENVELOPE_XY)));
        b.putInt(srsId);
        if (!empty) {
            Envelope e = g.getEnvelopeInternal();
            b.putDouble(e.getMinX()).putDouble(e.getMaxX()).putDouble(e.getMinY()).putDouble(e.getMaxY());
        }
        WkbEncoding.write(b, g, 0);
        return b.array();
    }

    /**
     * Geometries read from a file keep their coordinates in one packed array per sequence, not
     * an object per coordinate: reads are the hot path of every service, and nothing downstream
     * edits coordinates in place.
     */
    private static final GeometryFactory READ_FACTORY = new GeometryFactory(
            PackedCoordinateSequenceFactory.DOUBLE_FACTORY);

    public static Geometry decode(byte[] blob) {
        int start = wkbOffset(blob);
        try {
            return WkbDecoding.decode(blob, start, READ_FACTORY);
        } catch (ParseException e) {
            throw new StoreException("invalid GeoPackage geometry: " + e.getMessage(), e);
        }
    }

    /** Whether the header flags the geometry as empty. */
    public static boolean isEmpty(byte[] blob) {
        wkbOffset(blob);
        return (blob[3] & FLAG_EMPTY) != 0;
    }

    /** The envelope from the header if present, else computed from the WKB; null if empty. */
    public static Envelope envelope(byte[] blob) {
        int indicator = envelopeIndicator(blob);
        if (isEmpty(blob)) return null;
        if (indicator == 0) {
            Geometry g = decode(blob);
            return g.isEmpty() ? null : g.getEnvelopeInternal();
        }
        ByteBuffer b = ByteBuffer.wrap(blob)
                .order((blob[3] & FLAG_LITTLE_ENDIAN) != 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        return new Envelope(b.getDouble(HEADER), b.getDouble(HEADER + 8), b.getDouble(HEADER + 16),
                b.getDouble(HEADER + 24));
    }

    private static int envelopeIndicator(byte[] blob) {
        if (blob == null || blob.length < HEADER || blob[0] != 'G' || blob[1] != 'P') {
            throw new StoreException("not a GeoPackage geometry blob (no 'GP' header)");
        }
        return (blob[3] >> 1) & 0x07;
    }

    private static int wkbOffset(byte[] blob) {
        int size = switch (envelopeIndicator(blob)) {
            case 0 -> 0;
            case 1 -> 32;
            case 2, 3 -> 48;
            case 4 -> 64;
            default -> throw new StoreException("invalid GeoPackage envelope indicator in geometry header");
        };
        if (blob.length < HEADER + size) throw new StoreException("truncated GeoPackage geometry blob");
        return HEADER + size;
    }
}
