package org.ecoplan.wms.describelayer;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.ecoplan.catalog.CatalogView;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.ows.KvpMap;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ServiceException;
import org.ecoplan.ows.encode.XmlDocument;
import org.ecoplan.wms.NameList;
import org.ecoplan.wms.WmsExceptionCode;
import org.ecoplan.wms.WmsVersion;

/**
 * The DescribeLayer operation: for each named layer, the WFS that serves its features and the
 * feature type names there, so a client can go from a map layer to its data. WMS 1.3.0 answers
 * in the SLD 1.1 form ({@code sld:DescribeLayerResponse}, OGC 05-078r4 clause 11), WMS 1.1.1 in
 * the SLD 1.0 form ({@code WMS_DescribeLayerResponse}, OGC 02-070 clause 6.6). A layer group is
 * described by the feature types of its layers, in drawing order.
 */
public final class DescribeLayer {
    static final String SLD_NS = "http://www.opengis.net/sld";
    static final String SE_NS = "http://www.opengis.net/se";

    public DescribeLayer() {}

    /** One requested layer and the feature types behind it. */
    private record Description(String name, List<String> typeNames) {}

    /**
     * @param view   what the endpoint publishes (its WFS publishes the same feature types)
     * @param wfsUrl the WFS endpoint beside this WMS
     */
    public OwsResponse run(CatalogView view, KvpMap p, WmsVersion version, String wfsUrl) {
        String layers = p.require("LAYERS");
        List<Description> described = new ArrayList<>();
        for (String name : NameList.parse(layers)) described.add(describe(view, name));
        if (described.isEmpty()) {
            throw new ServiceException(ServiceException.MISSING_PARAMETER_VALUE, "LAYERS", "LAYERS names no layer");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (version == WmsVersion.V_1_3_0) {
            write13(out, described, wfsUrl, view);
            return OwsResponse.bytes(200, "text/xml", out.toByteArray());
        }
        write111(out, described, wfsUrl);
        return OwsResponse.bytes(200, "application/vnd.ogc.wms_xml", out.toByteArray());
    }

    private Description describe(CatalogView view, String name) {
        List<LayerConfig> members = view.expand(name);
        List<String> types = new ArrayList<>();
        for (LayerConfig l : members) {
            String qualified = l.qualifiedName();
            if (l.featureType().hasGeometry() && !types.contains(qualified)) types.add(qualified);
        }
        if (types.isEmpty()) {
            throw new ServiceException(WmsExceptionCode.LAYER_NOT_DEFINED, "LAYERS", "No layer named '" + name + "'");
        }
        return new Description(name, types);
    }

    private void write13(ByteArrayOutputStream out, List<Description> described, String wfsUrl, CatalogView view) {
        try (XmlDocument x = new XmlDocument(out, SLD_NS)) {
            x.start("DescribeLayerResponse").namespace(null, SLD_NS).namespace("se", SE_NS)
                    .namespace("xlink", XmlDocument.XLINK)
                    .namespace("xsi", XmlDocument.XSI)
                    .attr("xsi", XmlDocument.XSI, "schemaLocation",
                            SLD_NS + " http://schemas.opengis.net/sld/1.1.0/DescribeLayer.xsd");
            for (var w : view.workspace().map(List::of).orElse(view.catalog().workspaces())) {
                x.namespace(w.prefix(), w.namespaceUri());
            }
            x.element("Version", "1.1.0");
            for (Description d : described) {
                x.start("LayerDescription");
                x.element("owsType", "wfs");
                x.start("se", SE_NS, "OnlineResource").attr("xlink", XmlDocument.XLINK, "type", "simple")
                        .attr("xlink", XmlDocument.XLINK, "href", wfsUrl).end();
                for (String t : d.typeNames()) {
                    x.start("TypeName").start("se", SE_NS, "FeatureTypeName").text(t).end().end();
                }
                x.end();
            }
            x.end();
        }
    }

    private void write111(ByteArrayOutputStream out, List<Description> described, String wfsUrl) {
        try (XmlDocument x = new XmlDocument(out, null)) {
            x.start("WMS_DescribeLayerResponse").attr("version", "1.1.1");
            for (Description d : described) {
                x.start("LayerDescription").attr("name", d.name()).attr("wfs", wfsUrl).attr("owsURL", wfsUrl)
                        .attr("owsType", "WFS");
                for (String t : d.typeNames()) x.start("Query").attr("typeName", t).end();
                x.end();
            }
            x.end();
        }
    }
}
