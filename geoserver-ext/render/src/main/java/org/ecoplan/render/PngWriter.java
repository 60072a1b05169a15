package org.ecoplan.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;

/**
 * Encodes a rendered map as a truecolour PNG (W3C PNG Specification, 2nd edition / ISO/IEC
 * 15948): colour type 6 (RGBA, 8 bits) for images with alpha, 2 (RGB) otherwise, one IDAT chunk,
 * no interlace, every row with filter type None. Reads the packed int pixels directly, because the
 * general-purpose ImageIO writer copies the raster row by row, and compresses them with a
 * {@link PngDeflater}, which finds a map's repeated pixels faster than zlib. The compressed data is
 * gathered in a {@link BlockOutputStream} rather than one doubling array, so a large map allocates no
 * large array twice. Premultiplied pixels are converted back to straight alpha, as PNG requires (PNG
 * clause 12.8 "Alpha channel creation").
 *
 * <p>Only images with a packed int layout ({@code TYPE_INT_ARGB}, {@code TYPE_INT_ARGB_PRE},
 * {@code TYPE_INT_RGB}) are accepted; {@link #supports(BufferedImage)} tells callers when to use
 * another writer.
 */
public final class PngWriter {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private PngWriter() {}

    /** Whether {@link #write} can encode the image. */
    public static boolean supports(BufferedImage image) {
        int t = image.getType();
        return (t == BufferedImage.TYPE_INT_ARGB || t == BufferedImage.TYPE_INT_ARGB_PRE
                || t == BufferedImage.TYPE_INT_RGB)
                && image.getRaster().getDataBuffer() instanceof DataBufferInt
                && image.getRaster().getSampleModel() instanceof SinglePixelPackedSampleModel;
    }

    /**
     * Writes the image as PNG.
     *
     * @throws IllegalArgumentException when the image does not have a packed int layout
     */
    public static void write(BufferedImage image, OutputStream out) throws IOException {
        if (!supports(image))
            throw new IllegalArgumentException("PngWriter needs a packed int image, not type " + image.getType());
        int w = image.getWidth();
        int h = image.getHeight();
        boolean alpha = image.getType() != BufferedImage.TYPE_INT_RGB;
        boolean premultiplied = image.getType() == BufferedImage.TYPE_INT_ARGB_PRE;
        int bpp = alpha ? 4 : 3;

        byte[] header = new byte[13];
        putInt(header, 0, w);
        putInt(header, 4, h);
        header[8] = 8; // bit depth
        header[9] = (byte) (alpha ? 6 : 2); // colour type
        // compression 0 (deflate), filter method 0 (adaptive), interlace 0 (none): zeros already
        out.write(SIGNATURE);
        chunk(out, "IHDR", header, header.length);
        BlockOutputStream data = idat(image, w, h, bpp, premultiplied);
        chunk(out, "IDAT", data);
        chunk(out, "IEND", new byte[0], 0);
    }

    private static BlockOutputStream idat(BufferedImage image, int w, int h, int bpp, boolean premultiplied)
            throws IOException {
        WritableRaster raster = image.getRaster();
        SinglePixelPackedSampleModel sm = (SinglePixelPackedSampleModel) raster.getSampleModel();
        DataBufferInt buffer = (DataBufferInt) raster.getDataBuffer();
        int[] data = buffer.getData();
        int stride = sm.getScanlineStride();
        int origin = buffer.getOffset()
                + sm.getOffset(-raster.getSampleModelTranslateX(), -raster.getSampleModelTranslateY());

        int[] row = new int[w];
        int[] above = new int[w];
        BlockOutputStream compressed = new BlockOutputStream();
        PngDeflater deflater = new PngDeflater(compressed, w, bpp);
        for (int y = 0; y < h; y++) {
            System.arraycopy(data, origin + y * stride, row, 0, w);
            if (premultiplied) unpremultiply(row);
            deflater.row(row, y == 0 ? null : above);
            int[] t = above;
            above = row;
            row = t;
        }
        deflater.finish();
        return compressed;
    }

    /** 255 / a in 16.16 fixed point, to undo premultiplication without a division per channel. */
    private static final int[] UNPREMULTIPLY = new int[256];

    static {
        for (int a = 1; a < 256; a++) UNPREMULTIPLY[a] = (255 * 65536 + a / 2) / a;
    }

    /** Converts translucent pixels to straight alpha; opaque and clear pixels are the same in both. */
    private static void unpremultiply(int[] row) {
        for (int x = 0; x < row.length; x++) {
            int p = row[x];
            int a = p >>> 24;
            if (a == 255 || a == 0) continue;
            int f = UNPREMULTIPLY[a];
            int r = Math.min(255, (((p >> 16) & 0xFF) * f + 32768) >> 16);
            int g = Math.min(255, (((p >> 8) & 0xFF) * f + 32768) >> 16);
            int b = Math.min(255, ((p & 0xFF) * f + 32768) >> 16);
            row[x] = (a << 24) | (r << 16) | (g << 8) | b;
        }
    }

    private static void chunk(OutputStream out, String type, byte[] data, int n) throws IOException {
        byte[] head = new byte[8];
        putInt(head, 0, n);
        for (int i = 0; i < 4; i++) head[4 + i] = (byte) type.charAt(i);
        CRC32 crc = new CRC32();
        crc.update(head, 4, 4);
        crc.update(data, 0, n);
        out.write(head);
        out.write(data, 0, n);
        byte[] tail = new byte[4];
        putInt(tail, 0, (int) crc.getValue());
        out.write(tail);
    }

    private static void chunk(OutputStream out, String type, BlockOutputStream data) throws IOException {
        byte[] head = new byte[8];
        putInt(head, 0, (int) data.size());
        for (int i = 0; i < 4; i++) head[4 + i] = (byte) type.charAt(i);
        CRC32 crc = new CRC32();
        crc.update(head, 4, 4);
        out.write(head);
        data.writeTo(out, crc);
        byte[] tail = new byte[4];
        putInt(tail, 0, (int) crc.getValue());
        out.write(tail);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
