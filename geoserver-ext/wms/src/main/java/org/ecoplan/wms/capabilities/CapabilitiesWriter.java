package org.ecoplan.wms.capabilities;

import java.io.OutputStream;
import java.util.List;
import org.ecoplan.catalog.CatalogView;
import org.ecoplan.catalog.config.ContactInfo;
import org.ecoplan.catalog.config.ServiceMetadata;
import org.ecoplan.ows.encode.XmlDocument;
import org.ecoplan.wms.ExceptionFormat;
import org.ecoplan.wms.WmsVersion;

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

    private final CapabilitiesLayerWriter layers;
    private final int layerLimit;
    private final List<String> mapFormats;
    private final List<String> infoFormats;

    /**
     * @param mapFormats  the GetMap formats offered, as advertised
     * @param infoFormats the GetFeatureInfo formats offered, as advertised
     */
    public CapabilitiesWriter(CapabilitiesLayerWriter layers, int layerLimit, List<String> mapFormats,
            List<String> infoFormats) {
        this.layers = layers;
        this.layerLimit = layerLimit;
        this.mapFormats = List.copyOf(mapFormats);
        this.infoFormats = List.copyOf(infoFormats);
    }

    /**
     * @param view       what the endpoint publishes, with its identity
     * @param serviceUrl the WMS endpoint as the client reached it, ending in "?" ("http://h:p/wms?")
     */
    public void write(OutputStream out, CatalogView view, WmsVersion version, String serviceUrl,
            String updateSequence, int maxWidth, int maxHeight) {
        boolean v13 = version == WmsVersion.V_1_3_0;
        try (XmlDocument x = new XmlDocument(out, v13 ? WMS_NS : null)) {
            x.start(v13 ? "WMS_Capabilities" : "WMT_MS_Capabilities");
            if (v13) {
                x.namespace(null, WMS_NS).namespace("sld", SLD_NS).namespace("xsi", XmlDocument.XSI);
                x.attr("xsi", XmlDocument.XSI, "schemaLocation",
                        WMS_NS + " http://schemas.opengis.net/wms/1.3.0/capabilities_1_3_0.xsd "
                                + SLD_NS + " http://schemas.opengis.net/sld/1.1.0/sld_capabilities.xsd");
            }
            if (v13) x.namespace("xlink", XmlDocument.XLINK);
            else x.xlinkOnEachLink();
            x.attr("version", version.text()).attr("updateSequence", updateSequence);
            service(x, v13, view.service("wms"), serviceUrl, maxWidth, maxHeight);
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
            layers.write(x, version, serviceUrl, view);
            x.end();
            x.end();
        }
    }

    private void service(XmlDocument x, boolean v13, ServiceMetadata m, String serviceUrl, int maxWidth,
            int maxHeight) {
        x.start("Service");
        x.element("Name", v13 ? "WMS" : "OGC:WMS");
        x.element("Title", m.title().both());
        String zh = m.abstractText().zh();
        String en = m.abstractText().en();
        x.element("Abstract", zh.isEmpty() ? en : en.isEmpty() ? zh : zh + "\n\n" + en);
        x.start("KeywordList");
        x.element("Keyword", "WMS");
        for (String k : m.keywords()) if (!k.equals("WMS")) x.element("Keyword", k);
        x.end();
        x.link("OnlineResource", serviceUrl);
        contact(x, m.contact());
        x.element("Fees", m.fees() == null ? "none" : m.fees());
        x.element("AccessConstraints", m.accessConstraints() == null ? "none" : m.accessConstraints());
        if (v13) {
            x.element("LayerLimit", Integer.toString(layerLimit));
            x.element("MaxWidth", Integer.toString(maxWidth));
            x.element("MaxHeight", Integer.toString(maxHeight));
        }
        x.end();
    }

    /**
     * ContactInformation in schema order (WMS 1.3.0 clause 7.2.4.3). The schema requires person and
     * organisation together, and every part of an address: a part the configuration leaves empty
     * leaves its element out rather than inventing a value.
     */
    private static void contact(XmlDocument x, ContactInfo c) {
        if (c == null || (c.person() == null && c.organization() == null && c.position() == null
                && c.address() == null && c.phone() == null && c.email() == null))
            return;
        x.start("ContactInformation");
        if (c.person() != null && c.organization() != null) {
            x.start("ContactPersonPrimary").element("ContactPerson", c.person())
                    .element("ContactOrganization", c.organization()).end();
        }
        if (c.position() != null) x.element("ContactPosition", c.position());
        if (c.address() != null) {
            x.start("ContactAddress").element("AddressType", c.addressType() == null ? "postal" : c.addressType())
                    .element("Address", c.address()).element("City", nz(c.city()))
                    .element("StateOrProvince", nz(c.province())).element("PostCode", nz(c.postCode()))
                    .element("Country", nz(c.country())).end();
        }
        if (c.phone() != null) x.element("ContactVoiceTelephone", c.phone());
        if (c.email() != null) x.element("ContactElectronicMailAddress", c.email());
        x.end();
    }

    private static String nz(String s) { return s == null ? "" : s; }

    private void request(XmlDocument x, boolean v13, String url) {
        x.start("Request");
        operation(x, "GetCapabilities", List.of(v13 ? "text/xml" : "application/vnd.ogc.wms_xml"), url);
        operation(x, "GetMap", mapFormats, url);
        operation(x, "GetFeatureInfo", infoFormats, url);
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

    private static void operation(XmlDocument x, String name, List<String> formats, String url) {
        x.start(name);
        formatsAndDcp(x, formats, url);
        x.end();
    }

    private static void formatsAndDcp(XmlDocument x, List<String> formats, String url) {
        for (String f : formats) x.element("Format", f);
        x.start("DCPType").start("HTTP").start("Get").link("OnlineResource", url).end().end().end();
    }
}
