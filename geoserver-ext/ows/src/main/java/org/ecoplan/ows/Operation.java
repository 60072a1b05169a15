package org.ecoplan.ows;

import java.util.List;
import java.util.Locale;
import org.w3c.dom.Element;

/**
 * One operation of a service as its capabilities name it (OWS Common 1.1, 06-121r3 clause 7.4.6
 * OperationsMetadata): its name, the older spellings a REQUEST may still use (WMS 1.0 "map",
 * "capabilities"), the versions it is offered in, and how a KVP and an XML request of it are read
 * and answered. A service is a table of these ({@link Operations}).
 *
 * @param versions the versions offering the operation; empty means every version of the service
 * @param xml      null when the operation has no XML encoding
 */
public record Operation(String name, List<String> aliases, List<String> versions, KvpHandler kvp, XmlHandler xml) {

    /** Reads a KVP request (GET or form POST) of the operation in a version and answers it. */
    @FunctionalInterface
    public interface KvpHandler {
        OwsResponse handle(OwsRequest request, String version);
    }

    /** Reads the root element of an XML (POST) request of the operation in a version and answers it. */
    @FunctionalInterface
    public interface XmlHandler {
        OwsResponse handle(Element root, OwsRequest request, String version);
    }

    public Operation {
        aliases = List.copyOf(aliases);
        versions = List.copyOf(versions);
    }

    /** An operation offered in every version, KVP only. */
    public static Operation kvp(String name, KvpHandler kvp) {
        return new Operation(name, List.of(), List.of(), kvp, null);
    }

    /** An operation offered in every version, in KVP and XML. */
    public static Operation both(String name, KvpHandler kvp, XmlHandler xml) {
        return new Operation(name, List.of(), List.of(), kvp, xml);
    }

    public Operation withAliases(String... names) {
        return new Operation(name, List.of(names), versions, kvp, xml);
    }

    public Operation onlyIn(String... offeredVersions) {
        return new Operation(name, aliases, List.of(offeredVersions), kvp, xml);
    }

    /** Whether a REQUEST value (or a root element name) names this operation; case is ignored. */
    public boolean answersTo(String requested) {
        if (requested == null) return false;
        String r = requested.trim().toLowerCase(Locale.ROOT);
        if (r.equals(name.toLowerCase(Locale.ROOT))) return true;
        for (String a : aliases) if (r.equals(a.toLowerCase(Locale.ROOT))) return true;
        return false;
    }

    public boolean offeredIn(String version) {
        return versions.isEmpty() || versions.contains(version);
    }
}
