package org.ecoplan.vectortiles;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The few Protocol Buffers wire-format primitives an MVT needs (protobuf encoding: varint,
 * 64-bit and length-delimited fields, packed repeated uint32).
 */
final class ProtoWriter {
    private static final int VARINT = 0;
    private static final int FIXED64 = 1;
    private static final int LENGTH_DELIMITED = 2;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    ProtoWriter varintField(int field, long value) {
        tag(field, VARINT);
        varint(value);
        return this;
    }

    ProtoWriter doubleField(int field, double value) {
        tag(field, FIXED64);
        long bits = Double.doubleToLongBits(value);
        for (int i = 0; i < 8; i++) out.write((int) (bits >>> (8 * i)) & 0xff);
        return this;
    }

    ProtoWriter stringField(int field, String value) {
        return bytesField(field, value.getBytes(StandardCharsets.UTF_8));
    }

    ProtoWriter bytesField(int field, byte[] value) {
        tag(field, LENGTH_DELIMITED);
        varint(value.length);
        out.writeBytes(value);
        return this;
    }

    /** A packed repeated uint32 field; nothing is written for an empty list. */
    ProtoWriter packedField(int field, int[] values, int count) {
        if (count == 0) return this;
        ProtoWriter body = new ProtoWriter();
        for (int i = 0; i < count; i++) body.varint(values[i] & 0xffffffffL);
        return bytesField(field, body.toByteArray());
    }

    byte[] toByteArray() { return out.toByteArray(); }

    private void tag(int field, int wireType) { varint(((long) field << 3) | wireType); }

    private void varint(long value) {
        long v = value;
        while ((v & ~0x7fL) != 0) {
            out.write((int) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
