package org.ecoplan.wfs;

import java.util.List;
import java.util.Locale;
import org.ecoplan.catalog.query.QueryException;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.OwsService;
import org.ecoplan.ows.ServiceContext;
import org.ecoplan.ows.ServiceException;
import org.ecoplan.ows.encode.AppNamespace;
import org.w3c.dom.Element;

/**
 * The Web Feature Service, versions 2.0.0 (OGC 09-025r2), 1.1.0 and 1.0.0: picks the operation
 * from REQUEST (KVP) or the root element (XML POST), negotiates the version and renders errors as
 * the exception report of that version.
 */
public final class WfsService implements OwsService {
    private static final List<String> UNSUPPORTED = List.of("Transaction", "LockFeature", "GetFeatureWithLock",
            "CreateStoredQuery", "DropStoredQuery", "GetGmlObject");

    private final WfsContext wfs;

    public WfsService(ServiceContext context) {
        this.wfs = new WfsContext(context, AppNamespace.YANGGAO);
    }

    /** The shared state of the operations (package-private, for tests of the readers). */
    WfsContext context() {
        return wfs;
    }

    @Override
    public String name() { return "WFS"; }

    @Override
    public List<String> versions() { return List.of("2.0.0", "1.1.0", "1.0.0"); }

    @Override
    public boolean acceptsXmlNamespace(String ns) {
        return WfsVersion.V200.namespace().equals(ns) || WfsVersion.V110.namespace().equals(ns);
    }

    @Override
    public OwsResponse handle(OwsRequest request) {
        try {
            return request.hasXmlBody() && !isForm(request) ? xml(request) : kvp(request);
        } catch (QueryException e) {
            throw new ServiceException(e.code() != null ? e.code() : ServiceException.INVALID_PARAMETER_VALUE,
                    e.locator(), e.getMessage());
        }
    }

    private static boolean isForm(OwsRequest r) {
        String ct = r.contentType();
        return ct != null && ct.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private OwsResponse kvp(OwsRequest r) {
        String service = r.params().value("SERVICE");
        if (service != null && !service.isBlank() && !service.equalsIgnoreCase("WFS")) {
            throw WfsExceptions.invalid("service", "This endpoint serves SERVICE=WFS, not '" + service + "'");
        }
        String op = r.params().require("REQUEST");
        if (op.equalsIgnoreCase("GetCapabilities")) {
            if (service == null || service.isBlank()) throw WfsExceptions.missing("service");
            return new GetCapabilities(wfs).kvp(r);
        }
        WfsVersion version = requestVersion(r.params().value("VERSION"));
        return switch (canonical(op)) {
            case "DescribeFeatureType" ->
                new DescribeFeatureType(wfs).handle(DescribeFeatureTypeRequest.fromKvp(r, version, wfs), r);
            case "GetFeature" -> new GetFeature(wfs).handle(GetFeatureKvpReader.read(r, version, wfs), r);
            case "GetPropertyValue" ->
                new GetPropertyValue(wfs).handle(GetFeatureKvpReader.readPropertyValue(r, version, wfs), r);
            case "ListStoredQueries" -> StoredQueries.list(wfs, r.baseUrl());
            case "DescribeStoredQueries" -> StoredQueries.describe(wfs, r.params().value("STOREDQUERY_ID"));
            default -> throw notSupported(op);
        };
    }

    private OwsResponse xml(OwsRequest r) {
        Element root = new org.ecoplan.ows.filter.SecureXmlParser(wfs.context().settings().maxRequestBytes())
                .parse(r.body(), null);
        String op = root.getLocalName();
        if ("GetCapabilities".equals(op)) return new GetCapabilities(wfs).xml(root, r);
        WfsVersion version = requestVersion(
                root.getAttribute("version").isEmpty() ? null : root.getAttribute("version"));
        return switch (op) {
            case "DescribeFeatureType" ->
                new DescribeFeatureType(wfs).handle(DescribeFeatureTypeRequest.fromXml(root, version, wfs), r);
            case "GetFeature" -> new GetFeature(wfs).handle(GetFeatureXmlReader.read(root, version, wfs), r);
            case "GetPropertyValue" ->
                new GetPropertyValue(wfs).handle(GetFeatureXmlReader.readPropertyValue(root, version, wfs), r);
            case "ListStoredQueries" -> StoredQueries.list(wfs, r.baseUrl());
            case "DescribeStoredQueries" -> StoredQueries.describe(wfs, StoredQueries.idsFromXml(root));
            default -> throw notSupported(op);
        };
    }

    private static String canonical(String op) {
        for (String known : List.of("DescribeFeatureType", "GetFeature", "GetPropertyValue", "ListStoredQueries",
                "DescribeStoredQueries")) {
            if (known.equalsIgnoreCase(op)) return known;
        }
        return op;
    }

    private static ServiceException notSupported(String op) {
        for (String u : UNSUPPORTED) {
            if (u.equalsIgnoreCase(op)) {
                return new ServiceException(ServiceException.OPERATION_NOT_SUPPORTED, u,
                        u + " is not supported: this is a read-only (Basic) WFS");
            }
        }
        return new ServiceException(ServiceException.OPERATION_NOT_SUPPORTED, op, "Unknown WFS operation '" + op
                + "' (supported: GetCapabilities, DescribeFeatureType, GetFeature, GetPropertyValue, "
                + "ListStoredQueries, DescribeStoredQueries)");
    }

    /** The version of a non-GetCapabilities request; absent means the highest (clients that omit it expect that). */
    static WfsVersion requestVersion(String text) {
        if (text == null || text.isBlank()) return WfsVersion.V200;
        return WfsVersion.of(text).orElseThrow(() -> new ServiceException(ServiceException.INVALID_PARAMETER_VALUE,
                "version", "Unsupported version '" + text + "' (supported: 2.0.0, 1.1.0, 1.0.0)"));
    }

    @Override
    public OwsResponse exception(ServiceException e, OwsRequest request) {
        return WfsExceptions.render(e, versionForReport(request));
    }

    /** The version whose report format an error is rendered in; never fails. */
    private static WfsVersion versionForReport(OwsRequest r) {
        String v = r.params().value("VERSION");
        if (v == null && r.params().value("ACCEPTVERSIONS") != null) {
            v = r.params().value("ACCEPTVERSIONS").split(",")[0];
        }
        if (v == null && r.hasXmlBody()) v = RootVersion.sniff(r.body());
        return WfsVersion.of(v).orElse(WfsVersion.V200);
    }
}
