package org.ecoplan.wms;

import java.util.List;
import java.util.Locale;
import org.ecoplan.catalog.Localized;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.map.MapCore;
import org.ecoplan.ows.KvpMap;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.OwsService;
import org.ecoplan.ows.ServiceContext;
import org.ecoplan.ows.ServiceException;
import org.ecoplan.ows.encode.AppNamespace;
import org.ecoplan.ows.filter.SecureXmlParser;
import org.ecoplan.render.MapRenderer;
import org.ecoplan.render.style.StyleLibrary;

/**
 * The Web Map Service, versions 1.3.0 (OGC 06-042) and 1.1.1 (OGC 01-068r3): GetCapabilities,
 * GetMap, GetFeatureInfo, GetLegendGraphic and DescribeLayer (SLD) and the vendor request GetMetadata (the page
 * MetadataURL points at). Picks the version (clause 6.2.4 negotiation for GetCapabilities; for
 * the other requests VERSION, the pre-1.1 WMTVER, or — when a client omits both — 1.1.1 if it
 * sent SRS and 1.3.0 otherwise) and renders exceptions in that version's format.
 */
public final class WmsService implements OwsService {
    static final int LAYER_LIMIT = 50;
    static final Localized TITLE = new Localized("阳高县生态修复规划", "Yanggao County ecological restoration plan");

    private final ServiceContext context;
    private final StyleLibrary styles;
    private final LayerExtents extents;
    private final GetCapabilities capabilities;
    private final GetMap getMap;
    private final GetFeatureInfo featureInfo;
    private final GetLegendGraphic legendGraphic;
    private final DescribeLayer describeLayer;

    public WmsService(ServiceContext context) {
        this.context = context;
        MapCore core = MapCore.of(context);
        this.styles = core.styles();
        this.extents = new LayerExtents(context);
        LegendGraphics legends = new LegendGraphics();
        CapabilitiesWriter.ServiceInfo info = new CapabilitiesWriter.ServiceInfo(TITLE.both(),
                "阳高县（山西省大同市）生态保护修复规划的公开图层：总体布局、修复分区、重点工程与规划目标。\n\n"
                        + "Public map layers of the ecological protection and restoration plan of Yanggao County "
                        + "(Datong, Shanxi): overall layout, restoration zones, key projects and targets.",
                List.of("WMS", "阳高县", "生态修复", "国土空间生态修复规划", "Yanggao", "ecological restoration"), LAYER_LIMIT,
                ServiceContact.fromEnvironment());
        this.capabilities = new GetCapabilities(context, new CapabilitiesWriter(context.catalog(),
                new CapabilitiesLayerWriter(extents, styles, legends, TITLE), info));
        this.getMap = new GetMap(context, new MapLayerResolver(context.catalog(), styles, LAYER_LIMIT),
                core.renders(), new MapRenderer());
        this.featureInfo = new GetFeatureInfo(context, core.featureHits());
        this.legendGraphic = new GetLegendGraphic(context.catalog(), styles, legends);
        this.describeLayer = new DescribeLayer(context.catalog(), AppNamespace.YANGGAO);
    }

    @Override
    public String name() { return "WMS"; }

    @Override
    public List<String> versions() { return List.of("1.3.0", "1.1.1"); }

    /** sld:GetMap, the XML encoding of GetMap (SLD 1.1), posted to /ows without SERVICE. */
    @Override
    public boolean acceptsXmlNamespace(String namespaceUri) { return GetMapXmlReader.SLD_NS.equals(namespaceUri); }

    @Override
    public OwsResponse handle(OwsRequest request) {
        KvpMap p = request.params();
        if (request.hasXmlBody() && p.value("REQUEST") == null) {
            p = GetMapXmlReader.read(new SecureXmlParser().parse(request.body(), "request"));
        }
        String op = operation(p);
        String url = serviceUrl(request);
        if (op.equals("GetCapabilities")) {
            String v = p.value("VERSION");
            return capabilities.run(p, WmsVersion.negotiate(v == null || v.isBlank() ? p.value("WMTVER") : v), url);
        }
        WmsVersion version = version(p, op);
        return switch (op) {
            case "GetMap" -> getMap.run(new GetMapKvpReader(context.settings()).read(p, version));
            case "GetFeatureInfo" -> featureInfo.run(new GetFeatureInfoKvpReader(context.settings()).read(p, version));
            case "GetLegendGraphic" -> legendGraphic.run(new GetLegendGraphicKvpReader().read(p));
            case "DescribeLayer" -> describeLayer.run(p, version, wfsUrl(request));
            case "GetMetadata" -> metadata(p);
            default -> throw new ServiceException(WmsExceptionCode.OPERATION_NOT_SUPPORTED, "REQUEST",
                    "Request '" + op + "' is not offered; this WMS answers GetCapabilities, GetMap, GetFeatureInfo,"
                            + " GetLegendGraphic and DescribeLayer");
        };
    }

    private OwsResponse metadata(KvpMap p) {
        String id = p.require("LAYER");
        var group = context.catalog().group(id);
        if (group.isPresent()) {
            List<LayerConfig> members = context.catalog().expand(id).stream().filter(l -> l.featureType().hasGeometry())
                    .toList();
            return LayerMetadataPage.group(group.get(), members, extents.union(members));
        }
        LayerConfig l = context.catalog().layer(id).filter(x -> x.featureType().hasGeometry())
                .orElseThrow(() -> new ServiceException(WmsExceptionCode.LAYER_NOT_DEFINED, "LAYER",
                        "No layer named '" + id + "'"));
        return LayerMetadataPage.response(l, extents.of(l));
    }

    /** The REQUEST value in its canonical spelling (WMS 1.0 names included). */
    static String operation(KvpMap p) {
        String r = p.value("REQUEST");
        if (r == null || r.isBlank()) {
            throw new ServiceException(ServiceException.MISSING_PARAMETER_VALUE, "REQUEST",
                    "Missing parameter REQUEST");
        }
        return switch (r.trim().toLowerCase(Locale.ROOT)) {
            case "getcapabilities", "capabilities" -> "GetCapabilities";
            case "getmap", "map" -> "GetMap";
            case "getfeatureinfo", "feature_info" -> "GetFeatureInfo";
            case "getlegendgraphic" -> "GetLegendGraphic";
            case "describelayer" -> "DescribeLayer";
            case "getmetadata" -> "GetMetadata";
            default -> r.trim();
        };
    }

    /**
     * The version of a request other than GetCapabilities. VERSION is mandatory in 1.3.0 (clause
     * 6.9.2, Table 8); a request without it that uses the 1.1.1 SRS parameter (or the WMS 1.0
     * WMTVER) is taken as 1.1.1, as older clients send it; legend and metadata requests default to 1.3.0.
     */
    static WmsVersion version(KvpMap p, String op) {
        String v = p.value("VERSION");
        if (v == null || v.isBlank()) v = p.value("WMTVER");
        if (v != null && !v.isBlank()) {
            WmsVersion exact = WmsVersion.exact(v);
            return exact != null ? exact : WmsVersion.negotiate(v);
        }
        if (p.has("SRS") && !p.has("CRS")) return WmsVersion.V_1_1_1;
        if (op.equals("GetMap") || op.equals("GetFeatureInfo")) {
            throw new ServiceException(ServiceException.MISSING_PARAMETER_VALUE, "VERSION",
                    "Missing parameter VERSION");
        }
        return WmsVersion.V_1_3_0;
    }

    /** The version to report an exception in; never fails. */
    static WmsVersion versionForReport(KvpMap p) {
        try {
            String op = p.value("REQUEST");
            if (op != null && op.equalsIgnoreCase("GetCapabilities")) {
                String v = p.value("VERSION");
                return WmsVersion.negotiate(v == null || v.isBlank() ? p.value("WMTVER") : v);
            }
            return version(p, "");
        } catch (ServiceException e) {
            return WmsVersion.V_1_3_0;
        }
    }

    static String serviceUrl(OwsRequest request) {
        return baseUrl(request) + "/wms?";
    }

    /** The WFS endpoint of the same server, where DescribeLayer sends clients for the features. */
    static String wfsUrl(OwsRequest request) {
        return baseUrl(request) + "/wfs?";
    }

    private static String baseUrl(OwsRequest request) {
        String base = request.baseUrl() == null ? "" : request.baseUrl();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    @Override
    public OwsResponse exception(ServiceException e, OwsRequest request) {
        KvpMap p = request.params();
        WmsVersion version = versionForReport(p);
        ExceptionFormat format = ExceptionFormat.of(p.value("EXCEPTIONS"));
        String op = p.value("REQUEST");
        boolean imageRequest = op != null && (op.equalsIgnoreCase("GetMap") || op.equalsIgnoreCase("map"));
        if (format != ExceptionFormat.XML && imageRequest) {
            OwsResponse image = ExceptionImage.response(e, p, format, context.settings());
            if (image != null) return image;
        }
        return ServiceExceptionReport.response(e, version);
    }
}
