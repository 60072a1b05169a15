package org.ecoplan.server.cite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestNgFailuresTest {

    @Test
    void listsFailedTestsButNotFailedConfigurationMethods(@TempDir Path dir) throws Exception {
        Path run = Files.createDirectories(dir.resolve("testng/0b7e"));
        Files.writeString(run.resolve("testng-results.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <testng-results skipped="1" failed="2" total="5" passed="2">
                  <suite name="wfs20-1.25"><test name="Basic WFS"><classes>
                    <class name="org.opengis.cite.iso19142.paging.PagingTests">
                      <test-method status="FAIL" name="getFeatureWithHitsOnly"/>
                      <test-method status="PASS" name="getFeatureWithSmallPageSize"/>
                      <test-method is-config="true" status="FAIL" name="setUp"/>
                    </class>
                    <class name="org.opengis.cite.iso19142.basic.GetPropertyValueTests">
                      <test-method status="FAIL" name="getProperty_gmlId"/>
                      <test-method status="SKIP" name="getProperty_emptyValueRef"/>
                      <test-method status="PASS" name="getPropertyValue_get"/>
                    </class>
                  </classes></test></suite>
                </testng-results>
                """);
        assertEquals(List.of("PagingTests.getFeatureWithHitsOnly", "GetPropertyValueTests.getProperty_gmlId"),
                TestNgFailures.read(dir));
    }

    @Test
    void aRunWithoutResultsIsAnError(@TempDir Path dir) {
        assertThrows(IllegalStateException.class, () -> TestNgFailures.read(dir));
    }
}
