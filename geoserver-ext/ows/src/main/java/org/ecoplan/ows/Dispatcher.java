package org.ecoplan.ows;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The OWS dispatcher: picks the service from the SERVICE parameter, the endpoint path
 * ({@code /wms}, {@code /wfs}) or the namespace of a POST body's root element, and hands it the
 * request. Failures are thrown to the server's error boundary, which logs them once and asks
 * {@link #exception} for the report in the format of the service the request was for.
 */
public final class Dispatcher {
    private final List<OwsService> services;

    public Dispatcher(List<OwsService> services) {
        this.services = List.copyOf(services);
    }

    public List<OwsService> services() { return services; }

    public Optional<OwsService> service(String name) {
        return services.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }

    public OwsResponse dispatch(OwsRequest request) { return choose(request).handle(request); }

    /**
     * The exception report of a failed request, in the format of the service it was for (version
     * and EXCEPTIONS included); an OWS 1.1 report when the request names no service this server has.
     */
    public OwsResponse exception(ServiceException e, OwsRequest request) {
        OwsService service;
        try {
            service = choose(request);
        } catch (ServiceException unknownService) {
            return fallback(e);
        }
        return service.exception(e, request);
    }

    private OwsService choose(OwsRequest request) {
        String name = request.params().value("SERVICE");
        if (name == null || name.isBlank()) {
            String p = request.path().toLowerCase(Locale.ROOT);
            for (OwsService s : services) {
                if (p.endsWith("/" + s.name().toLowerCase(Locale.ROOT))) name = s.name();
            }
        }
        if ((name == null || name.isBlank()) && request.hasXmlBody()) {
            String ns = rootNamespace(request.body());
            for (OwsService s : services) if (ns != null && s.acceptsXmlNamespace(ns)) return s;
            if (name == null) {
                throw new ServiceException(ServiceException.OPERATION_PARSING_FAILED, null,
                        "The POST body is not a request of a known service (root namespace " + ns + ")");
            }
        }
        if (name == null || name.isBlank()) {
            throw new ServiceException(ServiceException.MISSING_PARAMETER_VALUE, "service",
                    "Missing parameter SERVICE");
        }
        final String wanted = name;
        return service(wanted).orElseThrow(() -> new ServiceException(ServiceException.INVALID_PARAMETER_VALUE,
                "service", "No service named '" + wanted + "' (this server has " +
                        services.stream().map(OwsService::name).toList() + ")"));
    }

    /** The namespace of the root element, read with DTDs and external entities off. */
    static String rootNamespace(byte[] body) {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(body));
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT) return r.getNamespaceURI();
            }
        } catch (XMLStreamException e) {
            throw new ServiceException(ServiceException.OPERATION_PARSING_FAILED, null,
                    "The POST body is not well-formed XML: " + e.getMessage());
        }
        return null;
    }

    private static OwsResponse fallback(ServiceException e) {
        return OwsExceptionReport.response(e, OwsExceptionReport.OWS_11, "2.0.0");
    }
}
