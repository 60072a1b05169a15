package org.ecoplan.wfs.capabilities;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.ecoplan.catalog.config.ContactInfo;
import org.ecoplan.catalog.config.ServiceMetadata;
import org.ecoplan.ows.encode.XmlDocument;
import org.ecoplan.wfs.WfsVersion;

/**
 * The identification parts of WFS capabilities, from the endpoint's configured identity: OWS
 * Common ServiceIdentification and ServiceProvider (WFS 2.0 with a title and abstract per
 * language, WFS 1.1 with one each) and the WFS 1.0 Service element. Contact parts the
 * configuration leaves empty are not written.
 */
final class ServiceSection {
    private ServiceSection() {}

    /** OWS 1.1 ServiceIdentification (WFS 2.0 clause 8.3.2): zh and en titles and abstracts. */
    static void identification20(XmlDocument x, ServiceMetadata m) throws XMLStreamException {
        x.start("ows", "ServiceIdentification");
        x.start("ows", "Title").attr("xml:lang", "zh").text(m.title().in("zh")).end();
        x.start("ows", "Title").attr("xml:lang", "en").text(m.title().in("en")).end();
        x.start("ows", "Abstract").attr("xml:lang", "zh").text(m.abstractText().in("zh")).end();
        x.start("ows", "Abstract").attr("xml:lang", "en").text(m.abstractText().in("en")).end();
        keywords(x, m);
        x.start("ows", "ServiceType").attr("codeSpace", "OGC").text("WFS").end();
        for (WfsVersion v : WfsVersion.values()) x.element("ows", "ServiceTypeVersion", v.text());
        x.element("ows", "Fees", orNone(m.fees()));
        x.element("ows", "AccessConstraints", orNone(m.accessConstraints()));
        x.end();
    }

    /** OWS 1.0 ServiceIdentification (WFS 1.1 clause 13.3.2). */
    static void identification11(XmlDocument x, ServiceMetadata m) throws XMLStreamException {
        x.start("ows", "ServiceIdentification");
        x.element("ows", "Title", m.title().both());
        x.element("ows", "Abstract", both(m));
        keywords(x, m);
        x.element("ows", "ServiceType", "WFS").element("ows", "ServiceTypeVersion", "1.1.0");
        x.element("ows", "Fees", orNone(m.fees())).element("ows", "AccessConstraints", orNone(m.accessConstraints()));
        x.end();
    }

    /** OWS ServiceProvider (OWS Common 1.1 clause 7.4.5): the organisation and its contact. */
    static void provider(XmlDocument x, ServiceMetadata m, String site) throws XMLStreamException {
        ContactInfo c = m.contact();
        x.start("ows", "ServiceProvider");
        x.element("ows", "ProviderName", c.organization() != null ? c.organization() : m.title().both());
        if (site != null) x.start("ows", "ProviderSite").attr("xlink", "href", site).end();
        x.start("ows", "ServiceContact");
        if (c.person() != null) x.element("ows", "IndividualName", c.person());
        if (c.position() != null) x.element("ows", "PositionName", c.position());
        if (c.phone() != null || c.address() != null || c.email() != null) {
            x.start("ows", "ContactInfo");
            if (c.phone() != null) x.start("ows", "Phone").element("ows", "Voice", c.phone()).end();
            if (c.address() != null || c.email() != null) {
                x.start("ows", "Address");
                if (c.address() != null) {
                    x.element("ows", "DeliveryPoint", c.address());
                    if (c.city() != null) x.element("ows", "City", c.city());
                    if (c.province() != null) x.element("ows", "AdministrativeArea", c.province());
                    if (c.postCode() != null) x.element("ows", "PostalCode", c.postCode());
                    if (c.country() != null) x.element("ows", "Country", c.country());
                }
                if (c.email() != null) x.element("ows", "ElectronicMailAddress", c.email());
                x.end();
            }
            x.end();
        }
        x.end();
        x.end();
    }

    /** The WFS 1.0 Service element (02-058 clause 8.2.2). */
    static void service10(XmlDocument x, ServiceMetadata m, String url) throws XMLStreamException {
        x.start("wfs", "Service");
        x.element("wfs", "Name", "WFS");
        x.element("wfs", "Title", m.title().both());
        x.element("wfs", "Abstract", both(m));
        x.element("wfs", "Keywords", String.join(", ", keywordList(m)));
        x.element("wfs", "OnlineResource", url);
        x.element("wfs", "Fees", orNone(m.fees())).element("wfs", "AccessConstraints", orNone(m.accessConstraints()));
        x.end();
    }

    private static void keywords(XmlDocument x, ServiceMetadata m) throws XMLStreamException {
        x.start("ows", "Keywords");
        for (String k : keywordList(m)) x.element("ows", "Keyword", k);
        x.end();
    }

    /** The service type, then the configured keywords. */
    private static List<String> keywordList(ServiceMetadata m) {
        List<String> out = new ArrayList<>(List.of("WFS"));
        for (String k : m.keywords()) if (!out.contains(k)) out.add(k);
        return out;
    }

    private static String both(ServiceMetadata m) {
        String zh = m.abstractText().zh();
        String en = m.abstractText().en();
        return zh.isEmpty() ? en : en.isEmpty() ? zh : zh + " " + en;
    }

    private static String orNone(String s) { return s == null ? "NONE" : s; }
}
