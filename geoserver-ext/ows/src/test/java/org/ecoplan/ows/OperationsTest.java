package org.ecoplan.ows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OperationsTest {
    private static final Operation.KvpHandler NONE = (r, v) -> OwsResponse.bytes(200, "text/plain", new byte[0]);

    private final Operations table = new Operations(List.of(Operation.kvp("GetMap", NONE).withAliases("map"),
            Operation.kvp("GetCapabilities", NONE).withAliases("capabilities"),
            Operation.kvp("ListStoredQueries", NONE).onlyIn("2.0.0")));

    @Test
    void findsByNameOrAliasIgnoringCase() {
        assertEquals("GetMap", table.find("getmap").orElseThrow().name());
        assertEquals("GetMap", table.find(" MAP ").orElseThrow().name());
        assertEquals("GetCapabilities", table.find("capabilities").orElseThrow().name());
        assertTrue(table.find("GetTile").isEmpty());
        assertTrue(table.find(null).isEmpty());
    }

    @Test
    void namesPerVersion() {
        assertEquals(List.of("GetMap", "GetCapabilities", "ListStoredQueries"), table.names());
        assertEquals(List.of("GetMap", "GetCapabilities"), table.names("1.1.0"));
        assertEquals(3, table.names("2.0.0").size());
    }
}
