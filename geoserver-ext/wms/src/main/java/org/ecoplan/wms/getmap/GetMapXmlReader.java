package org.ecoplan.wms.getmap;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ecoplan.catalog.query.xml.DomElements;
import org.ecoplan.ows.KvpMap;
import org.ecoplan.ows.ServiceException;
import org.ecoplan.ows.filter.ElementText;
import org.ecoplan.wms.WmsExceptionCode;
import org.w3c.dom.Element;

/**
 * The XML encoding of GetMap, {@code sld:GetMap} (SLD 1.1, OGC 05-078r4 clause 8.2, GetMap.xsd;
 * WMS 1.3.0), read into the KVP parameters it stands for, so that it is answered exactly as the
 * same KVP request: its StyledLayerDescriptor becomes SLD_BODY (whose NamedLayers are the layers
 * drawn), CRS and BoundingBox (ows:LowerCorner / UpperCorner, in the CRS's axis order as BBOX
 * is) become CRS and BBOX, Output becomes WIDTH, HEIGHT, FORMAT, TRANSPARENT and BGCOLOR.
 */
public final class GetMapXmlReader {
    public static final String SLD_NS = "http://www.opengis.net/sld";

    private GetMapXmlReader() {}

    public static KvpMap read(Element root) {
        if (!"GetMap".equals(root.getLocalName()) || !SLD_NS.equals(root.getNamespaceURI())) {
            throw new ServiceException(WmsExceptionCode.OPERATION_NOT_SUPPORTED, "request",
                    "This WMS reads sld:GetMap (SLD 1.1) as XML; use KVP for other requests");
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("SERVICE", "WMS");
        p.put("REQUEST", "GetMap");
        p.put("VERSION", root.hasAttribute("version") ? root.getAttribute("version") : "1.3.0");
        p.put("SLD_BODY", ElementText.of(require(root, "StyledLayerDescriptor")));
        p.put("CRS", require(root, "CRS").getTextContent().trim());
        Element box = require(root, "BoundingBox");
        String lower = require(box, "LowerCorner").getTextContent().trim();
        String upper = require(box, "UpperCorner").getTextContent().trim();
        p.put("BBOX", String.join(",", lower.split("\\s+")) + "," + String.join(",", upper.split("\\s+")));
        Element output = require(root, "Output");
        Element size = require(output, "Size");
        p.put("WIDTH", require(size, "Width").getTextContent().trim());
        p.put("HEIGHT", require(size, "Height").getTextContent().trim());
        p.put("FORMAT", require(output, "Format").getTextContent().trim());
        optional(output, "Transparent", p, "TRANSPARENT");
        optional(output, "BGcolor", p, "BGCOLOR");
        optional(root, "Exceptions", p, "EXCEPTIONS");
        optional(root, "Time", p, "TIME");
        return new KvpMap(p);
    }

    private static void optional(Element parent, String child, Map<String, String> p, String key) {
        Element e = child(parent, child);
        if (e != null) p.put(key, e.getTextContent().trim());
    }

    private static Element require(Element parent, String name) {
        Element e = child(parent, name);
        if (e == null) {
            throw new ServiceException(ServiceException.MISSING_PARAMETER_VALUE, name,
                    "GetMap XML lacks " + name + " in " + parent.getLocalName());
        }
        return e;
    }

    private static Element child(Element parent, String name) {
        return DomElements.children(parent).stream().filter(e -> name.equals(DomElements.local(e))).findFirst()
                .orElse(null);
    }
}
