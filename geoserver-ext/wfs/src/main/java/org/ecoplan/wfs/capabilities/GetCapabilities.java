package org.ecoplan.wfs.capabilities;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ServiceException;
import org.ecoplan.wfs.WfsContext;
import org.ecoplan.wfs.WfsVersion;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The GetCapabilities operation (WFS 2.0 clause 8, OWS 1.1 clause 7) with version negotiation:
 * ACCEPTVERSIONS picks the highest version listed that is served (none: VersionNegotiationFailed);
 * the legacy VERSION parameter picks that version when served, else the highest one below it.
 */
public final class GetCapabilities {
    private final WfsContext wfs;

    public GetCapabilities(WfsContext wfs) {
        this.wfs = wfs;
    }

    public OwsResponse kvp(OwsRequest r) {
        WfsVersion v = negotiate(r.params().value("ACCEPTVERSIONS"), r.params().value("VERSION"));
        checkUpdateSequence(r.params().value("UPDATESEQUENCE"));
        Set<String> sections = sections(r.params().value("SECTIONS"));
        return respond(v, sections, r.endpointUrl(""));
    }

    public OwsResponse xml(Element root, OwsRequest r) {
        StringBuilder accept = new StringBuilder();
        Set<String> sections = null;
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e)) continue;
            if ("AcceptVersions".equals(e.getLocalName())) {
                for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c instanceof Element v && "Version".equals(v.getLocalName())) {
                        accept.append(accept.length() > 0 ? "," : "").append(v.getTextContent().trim());
                    }
                }
            } else if ("Sections".equals(e.getLocalName())) {
                sections = new HashSet<>();
                for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c instanceof Element s) sections.add(s.getTextContent().trim().toUpperCase(Locale.ROOT));
                }
            }
        }
        String version = root.getAttribute("version");
        WfsVersion v = negotiate(accept.length() > 0 ? accept.toString() : null, version.isEmpty() ? null : version);
        checkUpdateSequence(root.getAttribute("updateSequence").isEmpty() ? null : root.getAttribute("updateSequence"));
        return respond(v, sections, r.endpointUrl(""));
    }

    /**
     * AcceptVersions (OWS 1.1 clause 7.3.2) when given, else the WMS-style negotiation of a VERSION
     * some clients still send; "2.0" is taken as 2.0.0. A VERSION that is no version number is ignored,
     * since GetCapabilities does not define it.
     */
    static WfsVersion negotiate(String acceptVersions, String version) {
        if (acceptVersions != null && !acceptVersions.isBlank()) {
            StringBuilder listed = new StringBuilder();
            for (String s : acceptVersions.split(",")) {
                listed.append(listed.length() > 0 ? "," : "").append(WfsVersion.of(s).map(WfsVersion::text).orElse(s));
            }
            return WfsVersion.of(WfsVersion.NEGOTIATION.accept(listed.toString())).orElseThrow();
        }
        String asked = WfsVersion.of(version).map(WfsVersion::text).orElse(version);
        try {
            return WfsVersion.of(WfsVersion.NEGOTIATION.negotiate(asked, "version")).orElseThrow();
        } catch (ServiceException notAVersion) {
            return WfsVersion.V200;
        }
    }

    /** OWS 1.1 clause 7.3.4: a client's sequence newer than ours is InvalidUpdateSequence. */
    private void checkUpdateSequence(String clientSequence) {
        if (clientSequence == null || clientSequence.isBlank()) return;
        String ours = wfs.context().updateSequence();
        try {
            if (Long.parseLong(clientSequence.trim()) > Long.parseLong(ours)) {
                throw new ServiceException(ServiceException.INVALID_UPDATE_SEQUENCE, "updateSequence",
                        "updateSequence " + clientSequence + " is newer than the server's " + ours);
            }
        } catch (NumberFormatException e) {
            // non-numeric sequences cannot be ordered; answer with the full document
        }
    }

    private static Set<String> sections(String value) {
        if (value == null || value.isBlank()) return null;
        Set<String> s = new HashSet<>();
        for (String p : value.split(",")) s.add(p.trim().toUpperCase(Locale.ROOT));
        Set<String> known = Set.of("SERVICEIDENTIFICATION", "SERVICEPROVIDER", "OPERATIONSMETADATA", "FEATURETYPELIST",
                "FILTER_CAPABILITIES", "ALL");
        for (String p : s) {
            if (!known.contains(p)) {
                throw new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, "Sections",
                        "Unknown section '" + p + "' (known: " + Arrays.toString(known.toArray()) + ")");
            }
        }
        return s;
    }

    private OwsResponse respond(WfsVersion v, Set<String> sections, String baseUrl) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            switch (v) {
                case V200 -> new Capabilities20Writer(wfs, sections).write(out, baseUrl);
                case V110 -> new Capabilities11Writer(wfs).write(out, baseUrl);
                case V100 -> new Capabilities10Writer(wfs).write(out, baseUrl);
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException("capabilities encoding failed", e);
        }
        return OwsResponse.bytes(200, "application/xml; charset=UTF-8", out.toByteArray());
    }
}
