package org.ecoplan.wms;

import java.io.OutputStream;
import java.util.List;
import org.ecoplan.catalog.Catalog;

/**
 * Writes the service metadata document: WMS 1.3.0 {@code WMS_Capabilities} (06-042 clause 7.2.4,
 * Annex E.1 schema) or WMS 1.1.1 {@code WMT_MS_Capabilities} (01-068r3 clause 7.1.2, without the
 * DOCTYPE). The Service and Capability/Request parts are here; the layer tree is written by
 * {@link CapabilitiesLayerWriter}. GetLegendGraphic and DescribeLayer are advertised as the SLD 1.1
 * {@code sld:} extended operations in 1.3.0 and as plain requests in 1.1.1.
 */
public final class CapabilitiesWriter {
    public static final String WMS_NS = "http://www.opengis.net/wms";
    public static final String SLD_NS = "http://www.opengis.net/sld";
    static final List<String> MAP_FORMATS = List.of("image/png", "image/png; mode=8bit", "image/jpeg", "image/gif");
    static final List<String> INFO_FORMATS = List.of("text/plain", "text/html", "application/json",
            "application/vnd.ogc.gml", "text/xml");

    private final Catalog catalog;
    private final CapabilitiesLayerWriter layers;
    private final ServiceInfo info;

    /** The service-level texts of the Service section, ContactInformation included. */
    public record ServiceInfo(String title, String abstractText, List<String> keywords, int layerLimit,
            ServiceContact contact) {}

    public CapabilitiesWriter(Catalog catalog, CapabilitiesLayerWriter layers, ServiceInfo info) {
        this.catalog = catalog;
        this.layers = layers;
        this.info = info;
    }

    /**
     * @param serviceUrl the WMS endpoint as the client reached it, ending in "?" ("http://h:p/wms?")
     */
    public void write(OutputStream out, WmsVersion version, String serviceUrl, String updateSequence,
            int maxWidth, int maxHeight) {
        boolean v13 = version == WmsVersion.V_1_3_0;
        try (XmlOut x = new XmlOut(out, v13 ? WMS_NS : null)) {
            x.start(v13 ? "WMS_Capabilities" : "WMT_MS_Capabilities");
            if (v13) {
                x.namespace(null, WMS_NS).namespace("sld", SLD_NS).namespace("xsi", XmlOut.XSI);
                x.attr("xsi", XmlOut.XSI, "schemaLocation",
                        WMS_NS + " http://schemas.opengis.net/wms/1.3.0/capabilities_1_3_0.xsd "
                                + SLD_NS + " http://schemas.opengis.net/sld/1.1.0/sld_capabilities.xsd");
            }
            if (v13) x.namespace("xlink", XmlOut.XLINK);
            else x.xlinkOnEachLink();
            x.attr("version", version.text()).attr("updateSequence", updateSequence);
            service(x, v13, serviceUrl, maxWidth, maxHeight);
            x.start("Capability");
            request(x, v13, serviceUrl);
            x.start("Exception");
            for (String f : ExceptionFormat.advertised(version)) x.element("Format", f);
            x.end();
            if (v13) {
                x.start("sld", SLD_NS, "UserDefinedSymbolization").attr("SupportSLD", "1").attr("UserLayer", "0")
                        .attr("UserStyle", "1").attr("RemoteWFS", "0").attr("InlineFeature", "0").attr("RemoteWCS", "0")
                        .end();
            } else {
                x.start("UserDefinedSymbolization").attr("SupportSLD", "1").attr("UserLayer", "0")
                        .attr("UserStyle", "1").attr("RemoteWFS", "0").end();
            }
            layers.write(x, version, serviceUrl, catalog);
            x.end();
            x.end();
        }
    }

    private void service(XmlOut x, boolean v13, String serviceUrl, int maxWidth, int maxHeight) {
        x.start("Service");
        x.element("Name", v13 ? "WMS" : "OGC:WMS");
        x.element("Title", info.title());
        x.element("Abstract", info.abstractText());
        x.start("KeywordList");
        for (String k : info.keywords()) x.element("Keyword", k);
        x.end();
        x.onlineResource(serviceUrl);
        info.contact().write(x);
        x.element("Fees", "none");
        x.element("AccessConstraints", "none");
        if (v13) {
            x.element("LayerLimit", Integer.toString(info.layerLimit()));
            x.element("MaxWidth", Integer.toString(maxWidth));
            x.element("MaxHeight", Integer.toString(maxHeight));
        }
        x.end();
    }

    private static void request(XmlOut x, boolean v13, String url) {
        x.start("Request");
        operation(x, "GetCapabilities", List.of(v13 ? "text/xml" : "application/vnd.ogc.wms_xml"), url);
        operation(x, "GetMap", MAP_FORMATS, url);
        operation(x, "GetFeatureInfo", INFO_FORMATS, url);
        if (v13) {
            x.start("sld", SLD_NS, "DescribeLayer");
            formatsAndDcp(x, List.of("text/xml"), url);
            x.end();
            x.start("sld", SLD_NS, "GetLegendGraphic");
            formatsAndDcp(x, List.of("image/png", "image/jpeg", "image/gif"), url);
            x.end();
        } else {
            // the 1.1.1 DTD's order: GetFeatureInfo?, DescribeLayer?, GetLegendGraphic?
            operation(x, "DescribeLayer", List.of("application/vnd.ogc.wms_xml"), url);
            operation(x, "GetLegendGraphic", List.of("image/png", "image/jpeg", "image/gif"), url);
        }
        x.end();
    }

    private static void operation(XmlOut x, String name, List<String> formats, String url) {
        x.start(name);
        formatsAndDcp(x, formats, url);
        x.end();
    }

    private static void formatsAndDcp(XmlOut x, List<String> formats, String url) {
        for (String f : formats) x.element("Format", f);
        x.start("DCPType").start("HTTP").start("Get").onlineResource(url).end().end().end();
    }
}
