package org.ecoplan.ows;

import java.util.List;

/**
 * One OGC service (WMS, WFS, ...): the dispatcher hands it every request whose SERVICE parameter
 * (or POST root element) names it, and asks it to render its own exception reports.
 */
public interface OwsService {
    /** "WMS", "WFS", ... */
    String name();

    /** Supported versions, highest first. */
    List<String> versions();

    /** Answers a KVP (GET or form POST) or XML (POST) request. */
    OwsResponse handle(OwsRequest request);

    /**
     * Whether this service takes a POST body whose root element has this namespace URI (used when
     * the body, not the query string, names the service).
     */
    default boolean acceptsXmlNamespace(String namespaceUri) { return false; }

    /** Renders an exception in this service's format for the version and format the request asked for. */
    OwsResponse exception(ServiceException e, OwsRequest request);
}
