package org.ecoplan.server.cite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CiteSummaryTest {

    @Test
    void readsTheLastSummaryLine() {
        CiteSummary s = CiteSummary.parse(List.of("[run-ets] running", "wms13: 1 passed, 2 failed, 3 skipped",
                "failures:", "  wms13: 140 passed, 7 failed, 12 skipped  ", "[run-ets] elapsed 20s"));
        assertEquals(new CiteSummary("wms13", 140, 7, 12), s);
        assertEquals("wms13: 140 passed, 7 failed, 12 skipped", s.toString());
    }

    @Test
    void readsSuiteCodesWithDigitsAndDashes() {
        assertEquals(new CiteSummary("ogcapi-features10", 0, 0, 0),
                CiteSummary.parse(List.of("ogcapi-features10: 0 passed, 0 failed, 0 skipped")));
    }

    @Test
    void outputWithoutSummaryIsAnError() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> CiteSummary.parse(List.of("suite JVM exited non-zero", "wfs20: some passed")));
        assertTrue(e.getMessage().contains("no line"), e.getMessage());
    }
}
