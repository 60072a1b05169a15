package org.ecoplan.store.postgis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import org.ecoplan.catalog.AttributeType;
import org.ecoplan.catalog.store.StoreException;
import org.junit.jupiter.api.Test;
import org.postgresql.copy.CopyIn;

/** The binary COPY encoding byte for byte (PostgreSQL documentation, COPY, "Binary Format"). */
class CopyRowsTest {
    /** A CopyIn that only keeps what is written to it. */
    private static CopyIn capture(ByteArrayOutputStream out) {
        return (CopyIn) java.lang.reflect.Proxy.newProxyInstance(CopyIn.class.getClassLoader(),
                new Class<?>[]{CopyIn.class}, (proxy, method, args) -> {
                    if (method.getName().equals("writeToCopy") && args.length == 3 && args[0] instanceof byte[] b) {
                        out.write(b, (Integer) args[1], (Integer) args[2]);
                    }
                    return null;
                });
    }

    @Test
    void headerRowAndTrailer() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CopyRows rows = new CopyRows(capture(out));
        rows.startRow(7);
        rows.int8(1);
        rows.value(AttributeType.STRING, "林");
        rows.value(AttributeType.DOUBLE, 1.5);
        rows.value(AttributeType.BOOLEAN, true);
        rows.value(AttributeType.DATE, LocalDate.of(1999, 12, 31));
        rows.value(AttributeType.INTEGER, null);
        rows.bytes(new byte[]{9});
        rows.endRow();
        rows.finish();
        byte[] expected = {
                'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 7,
                0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 1,
                0, 0, 0, 3, (byte) 0xE6, (byte) 0x9E, (byte) 0x97,
                0, 0, 0, 8, 0x3F, (byte) 0xF8, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 1, 1,
                0, 0, 0, 4, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                0, 0, 0, 1, 9,
                (byte) 0xFF, (byte) 0xFF};
        assertArrayEquals(expected, out.toByteArray());
    }

    @Test
    void aDateBeyondAnyPostgresDateIsAStoreException() {
        CopyRows rows = new CopyRows(capture(new ByteArrayOutputStream()));
        rows.startRow(1);
        assertThrows(StoreException.class, () -> rows.value(AttributeType.DATE, LocalDate.MAX));
    }
}
