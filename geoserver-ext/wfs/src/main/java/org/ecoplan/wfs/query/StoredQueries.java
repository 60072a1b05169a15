package org.ecoplan.wfs.query;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.encode.XmlDocument;
import org.ecoplan.wfs.WfsContext;
import org.ecoplan.wfs.WfsExceptions;
import org.ecoplan.wfs.WfsVersion;
import org.w3c.dom.Element;

/**
 * ListStoredQueries and DescribeStoredQueries (WFS 2.0 clauses 14.3 / 14.4) for the one stored
 * query this service has, the mandatory GetFeatureById (clause 7.9.3.6). Stored queries cannot be
 * created or dropped (ManageStoredQueries FALSE).
 */
public final class StoredQueries {
    private StoredQueries() {}

    public static OwsResponse list(WfsContext wfs) {
        return xml(x -> {
            x.root("wfs", "ListStoredQueriesResponse", WfsVersion.V200.namespace(), "xsi", XmlDocument.XSI);
            x.namespaces(wfs.namespaces());
            x.attr("xsi", "schemaLocation", WfsVersion.V200.namespace() + " " + WfsVersion.V200.schemaLocation());
            x.start("wfs", "StoredQuery").attr("id", GetFeatureKvpReader.GET_FEATURE_BY_ID);
            x.element("wfs", "Title", "Get feature by identifier / 按标识获取要素");
            for (var l : wfs.view().layers())
                x.element("wfs", "ReturnFeatureType", wfs.names().qualified(l));
            x.end();
            x.end();
        });
    }

    public static OwsResponse describe(WfsContext wfs, String ids) {
        if (ids != null && !ids.isBlank()) {
            for (String id : ids.split(",")) {
                if (!id.trim().equals(GetFeatureKvpReader.GET_FEATURE_BY_ID)) {
                    throw WfsExceptions.invalid("STOREDQUERY_ID", "Unknown stored query '" + id.trim() + "'");
                }
            }
        }
        return xml(x -> {
            x.root("wfs", "DescribeStoredQueriesResponse", WfsVersion.V200.namespace(), "xs", XmlDocument.XSD,
                    "xsi", XmlDocument.XSI);
            x.namespaces(wfs.namespaces());
            x.attr("xsi", "schemaLocation", WfsVersion.V200.namespace() + " " + WfsVersion.V200.schemaLocation());
            x.start("wfs", "StoredQueryDescription").attr("id", GetFeatureKvpReader.GET_FEATURE_BY_ID);
            x.element("wfs", "Title", "Get feature by identifier / 按标识获取要素");
            x.element("wfs", "Abstract",
                    "Returns the single feature whose gml:id is the value of ID, or NotFound (404).");
            x.start("wfs", "Parameter").attr("name", "ID").attr("type", "xs:string").end();
            List<String> types = new ArrayList<>();
            for (var l : wfs.view().layers()) types.add(wfs.names().qualified(l));
            x.start("wfs", "QueryExpressionText").attr("returnFeatureTypes", String.join(" ", types))
                    .attr("language", "urn:ogc:def:queryLanguage:OGC-WFS::WFSQueryExpression")
                    .attr("isPrivate", "true").end();
            x.end();
            x.end();
        });
    }

    public static String idsFromXml(Element root) {
        List<String> ids = new ArrayList<>();
        for (Element c : GetFeatureXmlReader.children(root)) {
            if ("StoredQueryId".equals(c.getLocalName())) ids.add(c.getTextContent().trim());
        }
        return ids.isEmpty() ? null : String.join(",", ids);
    }

    private interface Body {
        void write(XmlDocument x) throws XMLStreamException;
    }

    private static OwsResponse xml(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XmlDocument x = new XmlDocument(out)) {
            body.write(x);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("encoding failed", e);
        }
        return OwsResponse.bytes(200, "application/xml; charset=UTF-8", out.toByteArray());
    }
}
