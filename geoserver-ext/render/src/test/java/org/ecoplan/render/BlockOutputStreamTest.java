package org.ecoplan.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class BlockOutputStreamTest {
    /** Around every block boundary, in single bytes and in runs, the bytes come back as written. */
    @Test
    void bytesComeBackExactlyAcrossBlockBoundaries() throws Exception {
        Random random = new Random(11);
        for (int n : new int[]{0, 1, 4095, 4096, 4097, 12_288, 65_536, 200_000, 400_001}) {
            byte[] data = new byte[n];
            random.nextBytes(data);
            BlockOutputStream out = new BlockOutputStream();
            int at = 0;
            while (at < n) {
                if (random.nextInt(4) == 0) {
                    out.write(data[at++]);
                } else {
                    int len = Math.min(n - at, random.nextInt(70_000));
                    out.write(data, at, len);
                    at += len;
                }
            }
            assertEquals(n, out.size());
            assertArrayEquals(data, out.toByteArray(), "size " + n);
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            CRC32 crc = new CRC32();
            out.writeTo(copy, crc);
            assertArrayEquals(data, copy.toByteArray(), "written out, size " + n);
            CRC32 expected = new CRC32();
            expected.update(data);
            assertEquals(expected.getValue(), crc.getValue(), "checksum, size " + n);
        }
    }
}
