package org.ecoplan.wfs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NamespacesParameterTest {
    @Test
    void bindingsOfBothVersions() {
        assertEquals(Map.of("a", "http://a", "b", "http://b"),
                NamespacesParameter.parse("xmlns(a,http://a),xmlns(b, http://b )"));
        assertEquals(Map.of("eco", "http://e"), NamespacesParameter.parse("xmlns(eco=http://e)"));
        assertEquals(Map.of(), NamespacesParameter.parse("xmlns(nothing)"));
    }

    @Test
    void theReportedInputIsReadInOnePass() {
        // 'xmlns(a,' and blanks without ')': the former regex took cubic time (n=1200: 4.4 s; an 8 KB GET
        // about 15 minutes); read in one pass this is immediate, and repeated openings too
        assertEquals(Map.of(), NamespacesParameter.parse("xmlns(a," + " ".repeat(200_000)));
        assertEquals(Map.of(), NamespacesParameter.parse("xmlns(a".repeat(50_000)));
    }
}
