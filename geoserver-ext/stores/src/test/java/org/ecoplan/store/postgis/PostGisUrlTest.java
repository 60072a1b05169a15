package org.ecoplan.store.postgis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ecoplan.catalog.store.StoreException;
import org.junit.jupiter.api.Test;

class PostGisUrlTest {
    @Test
    void schemaDefaultsToPublicAndCredentialsAreHidden() {
        PostGisUrl u = PostGisUrl.parse("jdbc:postgresql://db:5432/eco?user=me&password=secret&currentSchema=plan");
        assertEquals("plan", u.schema());
        assertEquals("jdbc:postgresql://db:5432/eco?currentSchema=plan", u.withoutCredentials());
        assertEquals("public", PostGisUrl.parse("jdbc:postgresql://db/eco").schema());
    }

    @Test
    void unsafeSchemaNamesAreRejected() {
        assertThrows(StoreException.class, () -> PostGisUrl.parse("jdbc:postgresql://db/eco?currentSchema=a%22;drop"));
        assertThrows(StoreException.class, () -> PostGisUrl.parse("mysql://db/eco"));
    }
}
