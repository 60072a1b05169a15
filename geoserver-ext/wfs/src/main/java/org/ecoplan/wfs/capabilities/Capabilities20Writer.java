package org.ecoplan.wfs.capabilities;

import java.io.OutputStream;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import org.ecoplan.catalog.crs.Crs;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.ows.encode.XmlDocument;
import org.ecoplan.wfs.FeatureTypeSummary;
import org.ecoplan.wfs.WfsContext;
import org.ecoplan.wfs.WfsVersion;

/**
 * The WFS 2.0 capabilities document (09-025r2 clause 8.3): OWS 1.1 service identification,
 * provider and operations metadata with every Table 13 conformance constraint stated honestly,
 * the feature type list and the FES 2.0 filter capabilities.
 */
final class Capabilities20Writer {
    /** WFS 2.0 Table 13 constraints and whether this service implements them. */
    private static final String[][] CONSTRAINTS = {
            {"ImplementsBasicWFS", "TRUE"}, {"ImplementsTransactionalWFS", "FALSE"}, {"ImplementsLockingWFS", "FALSE"},
            {"KVPEncoding", "TRUE"}, {"XMLEncoding", "TRUE"}, {"SOAPEncoding", "FALSE"},
            {"ImplementsInheritance", "FALSE"}, {"ImplementsRemoteResolve", "FALSE"},
            {"ImplementsResultPaging", "TRUE"},
            {"ImplementsStandardJoins", "FALSE"}, {"ImplementsSpatialJoins", "FALSE"},
            {"ImplementsTemporalJoins", "FALSE"},
            {"ImplementsFeatureVersioning", "FALSE"}, {"ManageStoredQueries", "FALSE"},
    };

    private final WfsContext wfs;
    private final Set<String> sections;

    /** @param sections upper-case section names to include, or null for all */
    Capabilities20Writer(WfsContext wfs, Set<String> sections) {
        this.wfs = wfs;
        this.sections = sections;
    }

    private boolean wants(String section) {
        return sections == null || sections.contains("ALL")
                || sections.contains(section.toUpperCase(java.util.Locale.ROOT));
    }

    void write(OutputStream out, String baseUrl) throws XMLStreamException {
        try (XmlDocument x = new XmlDocument(out)) {
            x.root("wfs", "WFS_Capabilities", WfsVersion.V200.namespace(), "ows", XmlDocument.OWS11, "fes",
                    XmlDocument.FES,
                    "xlink", XmlDocument.XLINK, "gml", "http://www.opengis.net/gml/3.2", "xsi", XmlDocument.XSI);
            x.namespaces(wfs.namespaces());
            x.attr("version", "2.0.0").attr("updateSequence", wfs.context().updateSequence());
            x.attr("xsi", "schemaLocation", WfsVersion.V200.namespace() + " " + WfsVersion.V200.schemaLocation());
            if (wants("ServiceIdentification")) ServiceSection.identification20(x, wfs.view().service("wfs"));
            if (wants("ServiceProvider")) ServiceSection.provider(x, wfs.view().service("wfs"), baseUrl + "/");
            if (wants("OperationsMetadata")) operations(x, baseUrl);
            if (wants("FeatureTypeList")) featureTypes(x);
            if (wants("Filter_Capabilities")) FilterCapabilities.writeFes20(x);
            x.end();
        }
    }

    private void operations(XmlDocument x, String baseUrl) throws XMLStreamException {
        String url = baseUrl + "/wfs";
        x.start("ows", "OperationsMetadata");
        operation(x, url, "GetCapabilities");
        parameter(x, "AcceptVersions", List.of("2.0.0", "1.1.0", "1.0.0"));
        parameter(x, "AcceptFormats", List.of("text/xml"));
        parameter(x, "Sections", List.of("ServiceIdentification", "ServiceProvider", "OperationsMetadata",
                "FeatureTypeList", "Filter_Capabilities", "All"));
        x.end();
        operation(x, url, "DescribeFeatureType");
        parameter(x, "outputFormat", List.of("application/gml+xml; version=3.2"));
        x.end();
        operation(x, url, "GetFeature");
        parameter(x, "outputFormat", wfs.formats().advertised(WfsVersion.V200));
        parameter(x, "resultType", List.of("results", "hits"));
        // features hold no references, so resolving is trivially local (WFS 2.0 clause 7.6.4)
        parameter(x, "resolve", List.of("none", "local"));
        x.end();
        operation(x, url, "GetPropertyValue");
        parameter(x, "outputFormat", List.of("application/gml+xml; version=3.2"));
        parameter(x, "resultType", List.of("results", "hits"));
        parameter(x, "resolve", List.of("none", "local"));
        x.end();
        operation(x, url, "ListStoredQueries").end();
        operation(x, url, "DescribeStoredQueries").end();
        parameter(x, "version", List.of("2.0.0", "1.1.0", "1.0.0"));
        for (String[] c : CONSTRAINTS) constraint(x, c[0], c[1]);
        constraint(x, "ImplementsSimpleWFS", "TRUE");
        constraint(x, "CountDefault", Integer.toString(wfs.context().settings().maxFeatures()));
        constraint(x, "PagingIsTransactionSafe", "FALSE");
        x.start("ows", "Constraint").attr("name", "QueryExpressions");
        x.start("ows", "AllowedValues").element("ows", "Value", "wfs:Query").element("ows", "Value", "wfs:StoredQuery")
                .end();
        x.end();
        x.end();
    }

    private static XmlDocument operation(XmlDocument x, String url, String name) throws XMLStreamException {
        x.start("ows", "Operation").attr("name", name);
        x.start("ows", "DCP").start("ows", "HTTP");
        x.start("ows", "Get").attr("xlink", "href", url).end();
        x.start("ows", "Post").attr("xlink", "href", url).end();
        x.end().end();
        return x;
    }

    private static void parameter(XmlDocument x, String name, List<String> values) throws XMLStreamException {
        x.start("ows", "Parameter").attr("name", name).start("ows", "AllowedValues");
        for (String v : values) x.element("ows", "Value", v);
        x.end().end();
    }

    static void constraint(XmlDocument x, String name, String value) throws XMLStreamException {
        x.start("ows", "Constraint").attr("name", name).empty("ows", "NoValues").element("ows", "DefaultValue", value)
                .end();
    }

    private void featureTypes(XmlDocument x) throws XMLStreamException {
        x.start("wfs", "FeatureTypeList");
        for (FeatureTypeSummary t : wfs.featureTypes()) {
            x.start("wfs", "FeatureType");
            x.element("wfs", "Name", t.name());
            x.start("wfs", "Title").attr("xml:lang", "zh").text(t.layer().title().in("zh")).end();
            x.start("wfs", "Title").attr("xml:lang", "en").text(t.layer().title().in("en")).end();
            x.start("wfs", "Abstract").attr("xml:lang", "zh").text(t.abstractText("zh")).end();
            x.start("wfs", "Abstract").attr("xml:lang", "en").text(t.abstractText("en")).end();
            if (!t.layer().keywords().isEmpty()) {
                x.start("ows", "Keywords");
                for (String k : t.layer().keywords()) x.element("ows", "Keyword", k);
                x.end();
            }
            if (t.nativeCrs() == null) {
                // a table without geometry: wfs:NoCRS would be exact, but clients (the CITE suite among
                // them) expect every type to have a DefaultCRS, so the service default CRS is named
                x.element("wfs", "DefaultCRS", CrsRegistry.CGCS2000.urn());
            } else {
                x.element("wfs", "DefaultCRS", t.nativeCrs().urn());
                for (Crs c : t.otherCrs()) x.element("wfs", "OtherCRS", c.urn());
            }
            Coordinates.wgs84BoundingBox(x, t.wgs84());
            x.end();
        }
        x.end();
    }
}
