package org.ecoplan.wfs;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.encode.GmlVersion;

/** The DescribeFeatureType operation (WFS 2.0 clause 9): the XML Schema of the named types. */
final class DescribeFeatureType {
    private final WfsContext wfs;

    DescribeFeatureType(WfsContext wfs) {
        this.wfs = wfs;
    }

    OwsResponse handle(DescribeFeatureTypeRequest req, OwsRequest http) {
        List<FeatureType> types = new ArrayList<>();
        List<LayerConfig> layers = req.types().isEmpty() ? wfs.context().catalog().layers() : req.types();
        for (LayerConfig l : layers) if (!types.contains(l.featureType())) types.add(l.featureType());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new ApplicationSchemaWriter(wfs.ns(), req.gml()).write(out, types);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("schema encoding failed", e);
        }
        String contentType = switch (req.gml()) {
            case GML32 -> "application/gml+xml; version=3.2";
            case GML311 -> "text/xml; subtype=gml/3.1.1";
            case GML2 -> "text/xml";
        };
        return OwsResponse.bytes(200, contentType + "; charset=UTF-8", out.toByteArray());
    }

    /** The DescribeFeatureType URL for types, as GetFeature responses put it in xsi:schemaLocation. */
    static String url(String baseUrl, WfsVersion version, GmlVersion gml, List<String> qualifiedNames) {
        String names = String.join(",", qualifiedNames);
        String format = switch (gml) {
            case GML32 -> "application/gml%2Bxml;%20version=3.2";
            case GML311 -> "text/xml;%20subtype=gml/3.1.1";
            case GML2 -> "XMLSCHEMA";
        };
        return baseUrl + "/wfs?service=WFS&version=" + version.text() + "&request=DescribeFeatureType&"
                + (version == WfsVersion.V200 ? "typeNames=" : "typeName=") + names + "&outputFormat=" + format;
    }
}
