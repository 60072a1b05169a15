package org.ecoplan.wmts;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.ecoplan.testkit.OgcSchemas;

/**
 * Validates WMTS capabilities against the WMTS 1.0.0 schema of the ogc-schemas jar, with one
 * correction: that copy types MinTileRow/MaxTileRow/MinTileCol/MaxTileCol as positiveInteger, which
 * forbids row and column 0 although OGC 07-057r7 Table 9 counts them from 0; the schema the OGC
 * publishes now types them nonNegativeInteger, and so does this validation.
 */
public final class WmtsSchema {
    public static final String URL = "http://schemas.opengis.net/wmts/1.0/wmtsGetCapabilities_response.xsd";

    private WmtsSchema() {}

    public static List<String> validate(byte[] xml) throws Exception {
        String xsd;
        try (InputStream in = OgcSchemas.open(URL, Map.of())) {
            xsd = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String e : List.of("MinTileRow", "MaxTileRow", "MinTileCol", "MaxTileCol")) {
            xsd = xsd.replace("<element name=\"" + e + "\" type=\"positiveInteger\">",
                    "<element name=\"" + e + "\" type=\"nonNegativeInteger\">");
        }
        return OgcSchemas.validate(xml, List.of(URL), Map.of(URL, xsd.getBytes(StandardCharsets.UTF_8)));
    }
}
