package org.ecoplan.wfs.capabilities;

import java.io.OutputStream;
import javax.xml.stream.XMLStreamException;
import org.ecoplan.ows.encode.CoordinatePrecision;
import org.ecoplan.ows.encode.XmlDocument;
import org.ecoplan.wfs.FeatureTypeSummary;
import org.ecoplan.wfs.WfsContext;
import org.ecoplan.wfs.WfsVersion;

/**
 * The WFS 1.0.0 capabilities document (OGC 02-058 clause 13): Service, Capability/Request with
 * the three basic operations, the feature type list with SRS in the EPSG:n form and
 * LatLongBoundingBox, and OGC Filter 1.0 capabilities.
 */
final class Capabilities10Writer {
    private static final CoordinatePrecision DEGREES = new CoordinatePrecision(8);

    private final WfsContext wfs;

    Capabilities10Writer(WfsContext wfs) {
        this.wfs = wfs;
    }

    void write(OutputStream out, String baseUrl) throws XMLStreamException {
        String url = baseUrl + "/wfs";
        try (XmlDocument x = new XmlDocument(out)) {
            x.root("wfs", "WFS_Capabilities", WfsVersion.V100.namespace(), "ogc", XmlDocument.OGC, "xsi",
                    XmlDocument.XSI);
            x.namespaces(wfs.namespaces());
            x.attr("version", "1.0.0").attr("updateSequence", wfs.context().updateSequence());
            x.attr("xsi", "schemaLocation", WfsVersion.V100.namespace()
                    + " http://schemas.opengis.net/wfs/1.0.0/WFS-capabilities.xsd");
            ServiceSection.service10(x, wfs.view().service("wfs"), url);
            x.start("wfs", "Capability").start("wfs", "Request");
            x.start("wfs", "GetCapabilities");
            dcp(x, url);
            x.end();
            x.start("wfs", "DescribeFeatureType");
            x.start("wfs", "SchemaDescriptionLanguage").empty("wfs", "XMLSCHEMA").end();
            dcp(x, url);
            x.end();
            x.start("wfs", "GetFeature");
            x.start("wfs", "ResultFormat").empty("wfs", "GML2").end();
            dcp(x, url);
            x.end();
            x.end().end();
            x.start("wfs", "FeatureTypeList");
            x.start("wfs", "Operations").empty("wfs", "Query").end();
            for (FeatureTypeSummary t : wfs.featureTypes()) {
                x.start("wfs", "FeatureType");
                x.element("wfs", "Name", t.name());
                x.element("wfs", "Title", t.layer().title().both());
                x.element("wfs", "Abstract", t.abstractText("zh") + " " + t.abstractText("en"));
                if (!t.layer().keywords().isEmpty())
                    x.element("wfs", "Keywords", String.join(", ", t.layer().keywords()));
                // WFS 1.0 requires an SRS even for tables without geometry; theirs is moot
                x.element("wfs", "SRS", t.nativeCrs() == null ? "EPSG:4490" : t.nativeCrs().id());
                var b = t.wgs84();
                x.start("wfs", "LatLongBoundingBox")
                        .attr("minx", DEGREES.format(b == null ? -180 : b.getMinX()))
                        .attr("miny", DEGREES.format(b == null ? -90 : b.getMinY()))
                        .attr("maxx", DEGREES.format(b == null ? 180 : b.getMaxX()))
                        .attr("maxy", DEGREES.format(b == null ? 90 : b.getMaxY())).end();
                x.end();
            }
            x.end();
            FilterCapabilities.writeOgc10(x);
            x.end();
        }
    }

    private static void dcp(XmlDocument x, String url) throws XMLStreamException {
        x.start("wfs", "DCPType").start("wfs", "HTTP").start("wfs", "Get").attr("onlineResource", url).end().end()
                .end();
        x.start("wfs", "DCPType").start("wfs", "HTTP").start("wfs", "Post").attr("onlineResource", url).end().end()
                .end();
    }
}
