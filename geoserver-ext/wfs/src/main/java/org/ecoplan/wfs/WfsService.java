package org.ecoplan.wfs;

import java.util.List;
import java.util.Locale;
import org.ecoplan.catalog.query.QueryException;
import org.ecoplan.ows.Operation;
import org.ecoplan.ows.Operations;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.OwsService;
import org.ecoplan.ows.ResponseEncoders;
import org.ecoplan.ows.ServiceContext;
import org.ecoplan.ows.ServiceException;
import org.ecoplan.wfs.capabilities.GetCapabilities;
import org.ecoplan.wfs.describe.DescribeFeatureType;
import org.ecoplan.wfs.describe.DescribeFeatureTypeRequest;
import org.ecoplan.wfs.format.FeatureCollectionFormats;
import org.ecoplan.wfs.query.GetFeature;
import org.ecoplan.wfs.query.GetFeatureKvpReader;
import org.ecoplan.wfs.query.GetFeatureXmlReader;
import org.ecoplan.wfs.query.GetPropertyValue;
import org.ecoplan.wfs.query.StoredQueries;
import org.w3c.dom.Element;

/**
 * The Web Feature Service, versions 2.0.0 (OGC 09-025r2), 1.1.0 and 1.0.0: picks the operation
 * from REQUEST (KVP) or the root element (XML POST), negotiates the version and renders errors as
 * the exception report of that version.
 */
public final class WfsService implements OwsService {
    private static final List<String> UNSUPPORTED = List.of("Transaction", "LockFeature", "GetFeatureWithLock",
            "CreateStoredQuery", "DropStoredQuery", "GetGmlObject");

    private final ServiceContext context;
    private final FeatureCollectionFormats formats;

    public WfsService(ServiceContext context) {
        this.context = context;
        this.formats = new FeatureCollectionFormats(ResponseEncoders.of(context));
    }

    /** The state the operations of one request share (package-private, for tests of the readers). */
    WfsContext context(OwsRequest request) {
        return new WfsContext(context, request, formats);
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
        WfsContext wfs = context(request);
        try {
            return request.hasXmlBody() && !isForm(request) ? xml(wfs, request) : kvp(wfs, request);
        } catch (QueryException e) {
            throw new ServiceException(e.code() != null ? e.code() : ServiceException.INVALID_PARAMETER_VALUE,
                    e.locator(), e.getMessage());
        }
    }

    private static boolean isForm(OwsRequest r) {
        String ct = r.contentType();
        return ct != null && ct.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private OwsResponse kvp(WfsContext wfs, OwsRequest r) {
        String service = r.params().value("SERVICE");
        if (service != null && !service.isBlank() && !service.equalsIgnoreCase("WFS")) {
            throw WfsExceptions.invalid("service", "This endpoint serves SERVICE=WFS, not '" + service + "'");
        }
        String name = r.params().require("REQUEST");
        Operation op = operations(wfs).find(name).orElseThrow(() -> notSupported(name));
        if (op.name().equals("GetCapabilities")) {
            if (service == null || service.isBlank()) throw WfsExceptions.missing("service");
            return op.kvp().handle(r, null); // GetCapabilities negotiates its version itself
        }
        return op.kvp().handle(r, offered(op, requestVersion(r.params().value("VERSION"))));
    }

    /** The version text, when the operation is offered in that version; OperationNotSupported otherwise. */
    private static String offered(Operation op, WfsVersion version) {
        if (!op.offeredIn(version.text())) {
            throw new ServiceException(ServiceException.OPERATION_NOT_SUPPORTED, op.name(),
                    op.name() + " is a WFS " + String.join(", ", op.versions()) + " operation, not of WFS "
                            + version.text());
        }
        return version.text();
    }

    private OwsResponse xml(WfsContext wfs, OwsRequest r) {
        Element root = new org.ecoplan.ows.filter.SecureXmlParser(wfs.context().settings().maxRequestBytes())
                .parse(r.body(), null);
        String name = root.getLocalName();
        // XML element names are case-sensitive: an XML request must spell the operation exactly
        Operation op = operations(wfs).find(name).filter(o -> o.name().equals(name))
                .orElseThrow(() -> notSupported(name));
        String version = root.getAttribute("version").isEmpty() ? null : root.getAttribute("version");
        return op.xml().handle(root, r,
                op.name().equals("GetCapabilities") ? null : offered(op, requestVersion(version)));
    }

    /**
     * The operations of WFS 2.0 clause 7 this read-only (Basic) service offers, each with its KVP
     * and XML readers.
     */
    static Operations operations(WfsContext wfs) {
        return new Operations(List.of(
                Operation.both("GetCapabilities", (r, v) -> new GetCapabilities(wfs).kvp(r),
                        (root, r, v) -> new GetCapabilities(wfs).xml(root, r)),
                Operation.both("DescribeFeatureType",
                        (r, v) -> new DescribeFeatureType(wfs)
                                .handle(DescribeFeatureTypeRequest.fromKvp(r, version(v), wfs), r),
                        (root, r, v) -> new DescribeFeatureType(wfs)
                                .handle(DescribeFeatureTypeRequest.fromXml(root, version(v), wfs), r)),
                Operation.both("GetFeature",
                        (r, v) -> new GetFeature(wfs).handle(GetFeatureKvpReader.read(r, version(v), wfs), r),
                        (root, r, v) -> new GetFeature(wfs).handle(GetFeatureXmlReader.read(root, version(v), wfs), r)),
                // GetPropertyValue and stored queries are WFS 2.0 operations (09-025r2 clauses 10, 14)
                Operation.both("GetPropertyValue",
                        (r, v) -> new GetPropertyValue(wfs)
                                .handle(GetFeatureKvpReader.readPropertyValue(r, version(v), wfs), r),
                        (root, r, v) -> new GetPropertyValue(wfs)
                                .handle(GetFeatureXmlReader.readPropertyValue(root, version(v), wfs), r))
                        .onlyIn("2.0.0"),
                Operation.both("ListStoredQueries", (r, v) -> StoredQueries.list(wfs),
                        (root, r, v) -> StoredQueries.list(wfs)).onlyIn("2.0.0"),
                Operation.both("DescribeStoredQueries",
                        (r, v) -> StoredQueries.describe(wfs, r.params().value("STOREDQUERY_ID")),
                        (root, r, v) -> StoredQueries.describe(wfs, StoredQueries.idsFromXml(root)))
                        .onlyIn("2.0.0")));
    }

    private static WfsVersion version(String text) {
        return WfsVersion.of(text).orElseThrow();
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
                "version", "Unsupported version '" + text + "' (supported: "
                        + String.join(", ", WfsVersion.NEGOTIATION.supported()) + ")"));
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
