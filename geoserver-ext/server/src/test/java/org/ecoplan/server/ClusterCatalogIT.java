package org.ecoplan.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ecoplan.ows.ServiceException;
import org.junit.jupiter.api.Test;

/**
 * The cluster catalog in PostgreSQL: the first replica seeds it, the next gets its files; a change is
 * published only over the version it was made on (a replica that has not applied another's change
 * yet cannot undo it); names that would leave the catalog's directories are refused whichever way
 * they come.
 */
class ClusterCatalogIT {
    private static final String DB = System.getenv().getOrDefault("ECOPLAN_TEST_PG",
            "jdbc:postgresql://127.0.0.1:5432/ecoplan_test?user=postgres");

    private static Map<String, byte[]> files(String style) {
        return Map.of("layers/ws/a.yaml", "id: a\n".getBytes(StandardCharsets.UTF_8), "styles/ws/a.sld",
                style.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aChangeIsPublishedOnlyOverTheVersionItWasMadeOn() throws Exception {
        String schema = "cc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (ClusterCatalog first = new ClusterCatalog(DB, schema, "first");
                ClusterCatalog second = new ClusterCatalog(DB, schema, "second")) {
            assertEquals(1, first.join(files("<a/>")).version());
            ClusterCatalog.Snapshot joined = second.join(files("<other/>"));
            assertEquals(1, joined.version());
            assertArrayEquals("<a/>".getBytes(StandardCharsets.UTF_8), joined.files().get("styles/ws/a.sld"),
                    "the second replica gets the cluster's files, not its own");

            assertEquals(2, first.publish(files("<b/>"), 1));
            // the second replica, still on version 1, would write its stale files over version 2
            ServiceException stale = assertThrows(ServiceException.class, () -> second.publish(files("<c/>"), 1));
            assertEquals(409, stale.httpStatus());
            assertArrayEquals("<b/>".getBytes(StandardCharsets.UTF_8), second.read().files().get("styles/ws/a.sld"));
            assertEquals(3, second.publish(files("<c/>"), 2));
        } finally {
            try (Connection c = DriverManager.getConnection(DB)) {
                c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    @Test
    void anUnreachableClusterDatabaseIsAStoreThatIsDownNotAFault() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        // nothing listens there: a change cannot be published, and the server answers that as 503 + Retry-After
        try (ClusterCatalog down = new ClusterCatalog("jdbc:postgresql://127.0.0.1:" + port + "/x?user=postgres",
                "cc_down", "down")) {
            assertThrows(org.ecoplan.catalog.store.StoreUnavailableException.class,
                    () -> down.publish(files("<a/>"), 1));
            assertThrows(org.ecoplan.catalog.store.StoreUnavailableException.class, () -> down.join(files("<a/>")));
        }
    }

    @Test
    void namesOutsideTheCatalogAreRefused() {
        CatalogFiles.checkNames(List.of("layers/ws/a.yaml", "styles/a.sld", "security/users.yaml"));
        for (String bad : List.of("layers/../security/users.yaml", "layers/ws/../../x", "data/x.geojson",
                "layers//a.yaml", "layers/ws/", "styles/./a.sld", "layers/a\\b.yaml", "security/a\nb", "../etc")) {
            assertThrows(IllegalArgumentException.class, () -> CatalogFiles.checkNames(List.of(bad)), bad);
        }
    }
}
