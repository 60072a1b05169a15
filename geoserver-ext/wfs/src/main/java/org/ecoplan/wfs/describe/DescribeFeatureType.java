package org.ecoplan.wfs.describe;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.encode.AppNamespace;
import org.ecoplan.ows.encode.GmlVersion;
import org.ecoplan.wfs.WfsContext;
import org.ecoplan.wfs.WfsVersion;

/**
 * The DescribeFeatureType operation (WFS 2.0 clause 9): the XML Schema of the named types (all
 * the endpoint publishes when none are named); for types of several workspaces, a schema that
 * imports each namespace's own description.
 */
public final class DescribeFeatureType {
    private final WfsContext wfs;

    public DescribeFeatureType(WfsContext wfs) {
        this.wfs = wfs;
    }

    public OwsResponse handle(DescribeFeatureTypeRequest req, OwsRequest http) {
        List<LayerConfig> layers = req.types().isEmpty() ? wfs.view().layers() : req.types();
        Map<AppNamespace, List<LayerConfig>> byNamespace = new LinkedHashMap<>();
        for (LayerConfig l : layers) {
            List<LayerConfig> ls = byNamespace.computeIfAbsent(wfs.namespace(l), k -> new ArrayList<>());
            if (!ls.contains(l)) ls.add(l);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (byNamespace.size() <= 1) {
                AppNamespace ns = byNamespace.isEmpty()
                        ? wfs.namespaces().get(0)
                        : byNamespace.keySet().iterator().next();
                List<FeatureType> types = layers.stream().map(LayerConfig::featureType).distinct().toList();
                new ApplicationSchemaWriter(ns, req.gml()).write(out, types);
            } else {
                Map<AppNamespace, String> urls = new LinkedHashMap<>();
                byNamespace.forEach((ns, ls) -> urls.put(ns, url(wfs.serviceUrl(), req.version(), req.gml(),
                        ls.stream().map(LayerConfig::qualifiedName).toList())));
                ApplicationSchemaWriter.writeImports(out, urls);
            }
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
    public static String url(String serviceUrl, WfsVersion version, GmlVersion gml, List<String> qualifiedNames) {
        String names = String.join(",", qualifiedNames);
        String format = switch (gml) {
            case GML32 -> "application/gml%2Bxml;%20version=3.2";
            case GML311 -> "text/xml;%20subtype=gml/3.1.1";
            case GML2 -> "XMLSCHEMA";
        };
        return serviceUrl + "?service=WFS&version=" + version.text() + "&request=DescribeFeatureType&"
                + (version == WfsVersion.V200 ? "typeNames=" : "typeName=") + names + "&outputFormat=" + format;
    }
}
