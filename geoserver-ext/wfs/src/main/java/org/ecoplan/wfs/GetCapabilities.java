package org.ecoplan.wfs;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ServiceException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The GetCapabilities operation (WFS 2.0 clause 8, OWS 1.1 clause 7) with version negotiation:
 * ACCEPTVERSIONS picks the highest version listed that is served (none: VersionNegotiationFailed);
 * the legacy VERSION parameter picks that version when served, else the highest one below it.
 */
final class GetCapabilities {
    private final WfsContext wfs;

    GetCapabilities(WfsContext wfs) {
        this.wfs = wfs;
    }

    OwsResponse kvp(OwsRequest r) {
        WfsVersion v = negotiate(r.params().value("ACCEPTVERSIONS"), r.params().value("VERSION"));
        checkUpdateSequence(r.params().value("UPDATESEQUENCE"));
        Set<String> sections = sections(r.params().value("SECTIONS"));
        return respond(v, sections, r.baseUrl());
    }

    OwsResponse xml(Element root, OwsRequest r) {
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
        return respond(v, sections, r.baseUrl());
    }

    static WfsVersion negotiate(String acceptVersions, String version) {
        if (acceptVersions != null && !acceptVersions.isBlank()) {
            WfsVersion best = null;
            for (String s : acceptVersions.split(",")) {
                WfsVersion v = WfsVersion.of(s).orElse(null);
                if (v != null && (best == null || v.ordinal() < best.ordinal())) best = v;
            }
            if (best == null) {
                throw new ServiceException(ServiceException.VERSION_NEGOTIATION_FAILED, "AcceptVersions",
                        "None of the versions " + acceptVersions + " is served (2.0.0, 1.1.0, 1.0.0)");
            }
            return best;
        }
        if (version != null && !version.isBlank()) {
            WfsVersion exact = WfsVersion.of(version).orElse(null);
            if (exact != null) return exact;
            for (WfsVersion v : WfsVersion.values()) if (compare(v.text(), version) < 0) return v;
            return WfsVersion.V100;
        }
        return WfsVersion.V200;
    }

    private static int compare(String a, String b) {
        int[] x = parts(a);
        int[] y = parts(b);
        for (int i = 0; i < 3; i++) if (x[i] != y[i]) return Integer.compare(x[i], y[i]);
        return 0;
    }

    private static int[] parts(String v) {
        int[] p = new int[3];
        String[] s = v.trim().split("\\.");
        for (int i = 0; i < Math.min(3, s.length); i++) {
            try {
                p[i] = Integer.parseInt(s[i]);
            } catch (NumberFormatException e) {
                p[i] = 0;
            }
        }
        return p;
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
