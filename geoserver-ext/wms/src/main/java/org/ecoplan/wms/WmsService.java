package org.ecoplan.wms;

import java.util.List;
import org.ecoplan.catalog.CatalogView;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.map.MapCore;
import org.ecoplan.map.info.FeatureInfo;
import org.ecoplan.ows.KvpMap;
import org.ecoplan.ows.Operation;
import org.ecoplan.ows.Operations;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.OwsService;
import org.ecoplan.ows.ResponseEncoders;
import org.ecoplan.ows.ServerSettings;
import org.ecoplan.ows.ServiceContext;
import org.ecoplan.ows.ServiceException;
import org.ecoplan.ows.filter.SecureXmlParser;
import org.ecoplan.render.MapRenderer;
import org.ecoplan.render.style.StyleLibrary;
import org.ecoplan.wms.capabilities.CapabilitiesLayerWriter;
import org.ecoplan.wms.capabilities.CapabilitiesWriter;
import org.ecoplan.wms.capabilities.GetCapabilities;
import org.ecoplan.wms.capabilities.LayerMetadataPage;
import org.ecoplan.wms.describelayer.DescribeLayer;
import org.ecoplan.wms.featureinfo.GetFeatureInfo;
import org.ecoplan.wms.featureinfo.GetFeatureInfoKvpReader;
import org.ecoplan.wms.getmap.GetMap;
import org.ecoplan.wms.getmap.GetMapKvpReader;
import org.ecoplan.wms.getmap.GetMapXmlReader;
import org.ecoplan.wms.getmap.MapLayerResolver;
import org.ecoplan.wms.legend.GetLegendGraphic;
import org.ecoplan.wms.legend.GetLegendGraphicKvpReader;
import org.ecoplan.wms.legend.LegendGraphics;

/**
 * The Web Map Service, versions 1.3.0 (OGC 06-042) and 1.1.1 (OGC 01-068r3): GetCapabilities,
 * GetMap, GetFeatureInfo, GetLegendGraphic and DescribeLayer (SLD) and the vendor request GetMetadata (the page
 * MetadataURL points at). Picks the version (clause 6.2.4 negotiation for GetCapabilities; for
 * the other requests VERSION, the pre-1.1 WMTVER, or — when a client omits both — 1.1.1 if it
 * sent SRS and 1.3.0 otherwise) and renders exceptions in that version's format.
 */
public final class WmsService implements OwsService {
    static final int LAYER_LIMIT = 50;

    private final ServiceContext context;
    private final LayerExtents extents;
    private final GetCapabilities capabilities;
    private final GetMap getMap;
    private final GetFeatureInfo featureInfo;
    private final GetLegendGraphic legendGraphic;
    private final DescribeLayer describeLayer;
    private final Operations operations;

    public WmsService(ServiceContext context) {
        this.context = context;
        MapCore core = MapCore.of(context);
        StyleLibrary styles = core.styles();
        ResponseEncoders encoders = ResponseEncoders.of(context);
        MapFormats mapFormats = new MapFormats(encoders);
        // SLD_BODY is code a client sends: an operator may switch it off
        boolean sldBody = !"false".equalsIgnoreCase(ServerSettings.setting("ECOPLAN_SLD_BODY", "true"));
        this.extents = new LayerExtents(context);
        LegendGraphics legends = new LegendGraphics();
        this.capabilities = new GetCapabilities(context,
                new CapabilitiesWriter(new CapabilitiesLayerWriter(extents, styles, legends), LAYER_LIMIT,
                        mapFormats.advertised(),
                        encoders.offered(FeatureInfo.class, "WMS", WmsVersion.V_1_3_0.text()).stream()
                                .map(f -> f.names().get(0)).toList()));
        this.getMap = new GetMap(context, new MapLayerResolver(styles, LAYER_LIMIT), core.renders(), new MapRenderer());
        this.featureInfo = new GetFeatureInfo(core.featureHits());
        this.legendGraphic = new GetLegendGraphic(styles, legends);
        this.describeLayer = new DescribeLayer();
        this.operations = new Operations(List.of(
                Operation.kvp("GetCapabilities", (r, v) -> capabilities.run(context.view(r), r.params(),
                        WmsVersion.exact(v), r.endpointUrl("/wms?"))).withAliases("capabilities"),
                Operation.kvp("GetMap", (r, v) -> getMap.run(context.view(r),
                        new GetMapKvpReader(context.settings(), context.view(r).allCrs(), mapFormats, sldBody)
                                .read(r.params(), WmsVersion.exact(v)),
                        !"HEAD".equals(r.method()))).withAliases("map"),
                Operation.kvp("GetFeatureInfo", (r, v) -> featureInfo.run(context.view(r),
                        new GetFeatureInfoKvpReader(context.settings(), context.view(r).allCrs(), encoders).read(
                                r.params(),
                                WmsVersion.exact(v))))
                        .withAliases("feature_info"),
                Operation.kvp("GetLegendGraphic", (r, v) -> legendGraphic.run(context.view(r),
                        new GetLegendGraphicKvpReader(mapFormats).read(r.params()))),
                Operation.kvp("DescribeLayer", (r, v) -> describeLayer.run(context.view(r), r.params(),
                        WmsVersion.exact(v), r.endpointUrl("/wfs?"))),
                Operation.kvp("GetMetadata", (r, v) -> metadata(context.view(r), r.params()))));
    }

    /** The operations of this WMS (capabilities list them; the vendor GetMetadata is not listed). */
    Operations operations() {
        return operations;
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
        OwsRequest r = request;
        if (request.hasXmlBody() && request.params().value("REQUEST") == null) {
            r = request.withParams(GetMapXmlReader.read(new SecureXmlParser().parse(request.body(), "request")));
        }
        KvpMap p = r.params();
        Operation op = operation(p);
        return op.kvp().handle(r, version(p, op.name()).text());
    }

    private OwsResponse metadata(CatalogView view, KvpMap p) {
        String id = p.require("LAYER");
        var group = view.group(id);
        if (group.isPresent()) {
            List<LayerConfig> members = view.catalog().expand(group.get()).stream()
                    .filter(l -> l.featureType().hasGeometry()).toList();
            return LayerMetadataPage.group(group.get(), members, extents.union(members));
        }
        LayerConfig l = view.layer(id).filter(x -> x.featureType().hasGeometry())
                .orElseThrow(() -> new ServiceException(WmsExceptionCode.LAYER_NOT_DEFINED, "LAYER",
                        "No layer named '" + id + "'"));
        return LayerMetadataPage.response(l, extents.of(l));
    }

    /** The operation a REQUEST names (WMS 1.0 names included). */
    private Operation operation(KvpMap p) {
        String r = p.value("REQUEST");
        if (r == null || r.isBlank()) {
            throw new ServiceException(ServiceException.MISSING_PARAMETER_VALUE, "REQUEST",
                    "Missing parameter REQUEST");
        }
        return operations.find(r).orElseThrow(() -> new ServiceException(WmsExceptionCode.OPERATION_NOT_SUPPORTED,
                "REQUEST", "Request '" + r.trim() + "' is not offered; this WMS answers "
                        + String.join(", ", operations.names())));
    }

    /**
     * The version of a request other than GetCapabilities. VERSION is mandatory in 1.3.0 (clause
     * 6.9.2, Table 8); a request without it that uses the 1.1.1 SRS parameter (or the WMS 1.0
     * WMTVER) is taken as 1.1.1, as older clients send it; legend and metadata requests default to 1.3.0.
     */
    static WmsVersion version(KvpMap p, String op) {
        if (op.equals("GetCapabilities")) {
            String v = p.value("VERSION");
            return WmsVersion.negotiate(v == null || v.isBlank() ? p.value("WMTVER") : v);
        }
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
            boolean capabilities = op != null
                    && (op.equalsIgnoreCase("GetCapabilities") || op.equalsIgnoreCase("capabilities"));
            return version(p, capabilities ? "GetCapabilities" : "");
        } catch (ServiceException e) {
            return WmsVersion.V_1_3_0;
        }
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
