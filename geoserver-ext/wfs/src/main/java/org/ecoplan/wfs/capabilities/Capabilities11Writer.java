package org.ecoplan.wfs.capabilities;

import java.io.OutputStream;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.ecoplan.catalog.crs.Crs;
import org.ecoplan.ows.encode.XmlDocument;
import org.ecoplan.wfs.FeatureTypeSummary;
import org.ecoplan.wfs.WfsContext;
import org.ecoplan.wfs.WfsVersion;

/**
 * The WFS 1.1.0 capabilities document (OGC 04-094 clause 13): OWS 1.0 sections, the feature type
 * list with DefaultSRS / OtherSRS (URN forms) and OGC Filter 1.1 capabilities.
 */
final class Capabilities11Writer {
    private final WfsContext wfs;

    Capabilities11Writer(WfsContext wfs) {
        this.wfs = wfs;
    }

    void write(OutputStream out, String baseUrl) throws XMLStreamException {
        String url = baseUrl + "/wfs";
        try (XmlDocument x = new XmlDocument(out)) {
            x.root("wfs", "WFS_Capabilities", WfsVersion.V110.namespace(), "ows", XmlDocument.OWS10, "ogc",
                    XmlDocument.OGC,
                    "gml", "http://www.opengis.net/gml", "xlink", XmlDocument.XLINK, "xsi", XmlDocument.XSI);
            x.namespaces(wfs.namespaces());
            x.attr("version", "1.1.0").attr("updateSequence", wfs.context().updateSequence());
            x.attr("xsi", "schemaLocation", WfsVersion.V110.namespace() + " " + WfsVersion.V110.schemaLocation());
            ServiceSection.identification11(x, wfs.view().service("wfs"));
            ServiceSection.provider(x, wfs.view().service("wfs"), null);
            x.start("ows", "OperationsMetadata");
            for (String op : List.of("GetCapabilities", "DescribeFeatureType", "GetFeature")) {
                x.start("ows", "Operation").attr("name", op).start("ows", "DCP").start("ows", "HTTP");
                x.start("ows", "Get").attr("xlink", "href", url).end();
                x.start("ows", "Post").attr("xlink", "href", url).end();
                x.end().end();
                if (op.equals("GetFeature")) {
                    parameter(x, "outputFormat", wfs.formats().advertised(WfsVersion.V110));
                    parameter(x, "resultType", List.of("results", "hits"));
                } else if (op.equals("DescribeFeatureType")) {
                    parameter(x, "outputFormat", List.of("text/xml; subtype=gml/3.1.1"));
                } else {
                    parameter(x, "AcceptVersions", List.of("2.0.0", "1.1.0", "1.0.0"));
                }
                x.end();
            }
            x.end();
            x.start("wfs", "FeatureTypeList");
            x.start("wfs", "Operations").element("wfs", "Operation", "Query").end();
            for (FeatureTypeSummary t : wfs.featureTypes()) {
                x.start("wfs", "FeatureType");
                x.element("wfs", "Name", t.name());
                x.element("wfs", "Title", t.layer().title().both());
                x.element("wfs", "Abstract", t.abstractText("zh") + " " + t.abstractText("en"));
                if (!t.layer().keywords().isEmpty()) {
                    x.start("ows", "Keywords");
                    for (String k : t.layer().keywords()) x.element("ows", "Keyword", k);
                    x.end();
                }
                if (t.nativeCrs() == null) {
                    x.empty("wfs", "NoSRS");
                } else {
                    x.element("wfs", "DefaultSRS", t.nativeCrs().urn());
                    for (Crs c : t.otherCrs()) x.element("wfs", "OtherSRS", c.urn());
                }
                Coordinates.wgs84BoundingBox(x, t.wgs84());
                x.end();
            }
            x.end();
            FilterCapabilities.writeOgc11(x);
            x.end();
        }
    }

    private static void parameter(XmlDocument x, String name, List<String> values) throws XMLStreamException {
        x.start("ows", "Parameter").attr("name", name);
        for (String v : values) x.element("ows", "Value", v);
        x.end();
    }
}
