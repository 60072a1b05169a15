package org.ecoplan.wmts;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.ecoplan.catalog.CatalogView;
import org.ecoplan.catalog.Localized;
import org.ecoplan.catalog.config.ContactInfo;
import org.ecoplan.catalog.config.ServiceMetadata;
import org.ecoplan.map.image.ImageFormat;
import org.ecoplan.map.info.FeatureInfo;
import org.ecoplan.map.tiles.LayerLimits;
import org.ecoplan.map.tiles.TileEngine;
import org.ecoplan.map.tiles.TileLayer;
import org.ecoplan.map.tiles.TileMatrix;
import org.ecoplan.map.tiles.TileMatrixSet;
import org.ecoplan.map.tiles.TileMatrixSets;
import org.ecoplan.map.tiles.TileRange;
import org.ecoplan.ows.ResponseEncoder;
import org.ecoplan.ows.ResponseEncoders;
import org.ecoplan.ows.ServiceContext;
import org.ecoplan.ows.encode.XmlDocument;
import org.locationtech.jts.geom.Envelope;

/**
 * Writes the WMTS 1.0.0 ServiceMetadata document (OGC 07-057r7 clause 7.1, schema
 * wmtsGetCapabilities_response.xsd): service identification and provider, the KVP and RESTful
 * operations, one Layer per tiled catalog layer and layer group (zh/en titles, WGS84BoundingBox,
 * styles with a LegendURL to WMS GetLegendGraphic, formats, info formats, TileMatrixSetLinks with
 * limits, ResourceURL templates), and the TileMatrixSets.
 */
public final class WmtsCapabilitiesWriter {
    static final String WMTS = "http://www.opengis.net/wmts/1.0";
    static final String OWS = "http://www.opengis.net/ows/1.1";
    static final String XLINK = "http://www.w3.org/1999/xlink";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String XML = "http://www.w3.org/XML/1998/namespace";

    private final ServiceContext context;
    private final TileEngine engine;
    private final CatalogView view;
    private final List<ResponseEncoder<FeatureInfo>> infoFormats;
    private XmlDocument w;

    /** @param view what the endpoint publishes, with its identity */
    public WmtsCapabilitiesWriter(ServiceContext context, TileEngine engine, CatalogView view) {
        this.context = context;
        this.engine = engine;
        this.view = view;
        this.infoFormats = ResponseEncoders.of(context).offered(FeatureInfo.class, "WMTS", WmtsService.VERSION);
    }

    /**
     * The document for clients that reached the endpoint at {@code baseUrl} (the server's base URL,
     * then the workspace segment of a virtual service).
     */
    public byte[] write(String baseUrl) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (XmlDocument doc = new XmlDocument(out, WMTS)) {
            w = doc;
            w.start("Capabilities").namespace(null, WMTS).namespace("ows", OWS).namespace("xlink", XLINK)
                    .namespace("xsi", XSI);
            w.attr("xsi", XSI, "schemaLocation",
                    WMTS + " http://schemas.opengis.net/wmts/1.0/wmtsGetCapabilities_response.xsd");
            w.attr("version", "1.0.0").attr("updateSequence", context.updateSequence());
            serviceIdentification();
            serviceProvider();
            operations(baseUrl + "/wmts?");
            w.start("Contents");
            for (TileLayer l : TileLayer.all(view)) layer(l, baseUrl);
            for (TileMatrixSet s : TileMatrixSets.all()) matrixSet(s);
            w.end();
            w.start("ServiceMetadataURL")
                    .attr("xlink", XLINK, "href", baseUrl + "/wmts/rest/1.0.0/WMTSCapabilities.xml")
                    .end();
            w.end();
        }
        return out.toByteArray();
    }

    private void serviceIdentification() {
        ServiceMetadata m = view.service("wmts");
        w.start("ows", OWS, "ServiceIdentification");
        text(OWS, "Title", m.title().both());
        String zh = m.abstractText().zh();
        String en = m.abstractText().en();
        text(OWS, "Abstract", zh.isEmpty() ? en : en.isEmpty() ? zh : zh + " " + en);
        w.start("ows", OWS, "Keywords");
        text(OWS, "Keyword", "WMTS");
        for (String k : m.keywords()) if (!k.equals("WMTS")) text(OWS, "Keyword", k);
        w.end();
        text(OWS, "ServiceType", "OGC WMTS");
        text(OWS, "ServiceTypeVersion", "1.0.0");
        text(OWS, "Fees", m.fees() == null ? "none" : m.fees());
        text(OWS, "AccessConstraints", m.accessConstraints() == null ? "none" : m.accessConstraints());
        w.end();
    }

    /** OWS 1.1 ServiceProvider: the configured organisation and contact; parts left empty are not written. */
    private void serviceProvider() {
        ServiceMetadata m = view.service("wmts");
        ContactInfo c = m.contact();
        w.start("ows", OWS, "ServiceProvider");
        text(OWS, "ProviderName", c.organization() != null ? c.organization() : m.title().both());
        w.start("ows", OWS, "ServiceContact");
        if (c.person() != null) text(OWS, "IndividualName", c.person());
        if (c.position() != null) text(OWS, "PositionName", c.position());
        if (c.phone() != null || c.address() != null || c.email() != null) {
            w.start("ows", OWS, "ContactInfo");
            if (c.phone() != null) {
                w.start("ows", OWS, "Phone");
                text(OWS, "Voice", c.phone());
                w.end();
            }
            if (c.address() != null || c.email() != null) {
                w.start("ows", OWS, "Address");
                if (c.address() != null) text(OWS, "DeliveryPoint", c.address());
                if (c.address() != null && c.city() != null) text(OWS, "City", c.city());
                if (c.address() != null && c.province() != null) text(OWS, "AdministrativeArea", c.province());
                if (c.address() != null && c.postCode() != null) text(OWS, "PostalCode", c.postCode());
                if (c.address() != null && c.country() != null) text(OWS, "Country", c.country());
                if (c.email() != null) text(OWS, "ElectronicMailAddress", c.email());
                w.end();
            }
            w.end();
        }
        w.end();
        w.end();
    }

    private void operations(String kvpUrl) {
        w.start("ows", OWS, "OperationsMetadata");
        for (String op : List.of("GetCapabilities", "GetTile", "GetFeatureInfo")) {
            w.start("ows", OWS, "Operation");
            w.attr("name", op);
            w.start("ows", OWS, "DCP");
            w.start("ows", OWS, "HTTP");
            w.start("ows", OWS, "Get");
            w.attr("xlink", XLINK, "href", kvpUrl);
            w.start("ows", OWS, "Constraint");
            w.attr("name", "GetEncoding");
            w.start("ows", OWS, "AllowedValues");
            text(OWS, "Value", "KVP");
            w.end();
            w.end();
            w.end();
            w.end();
            w.end();
            w.end();
        }
        w.end();
    }

    private void layer(TileLayer l, String baseUrl) {
        w.start("Layer");
        localized("Title", l.title());
        localized("Abstract", l.abstractText());
        if (!l.keywords().isEmpty()) {
            w.start("ows", OWS, "Keywords");
            for (String k : l.keywords()) text(OWS, "Keyword", k);
            w.end();
        }
        Envelope b = LayerLimits.wgs84(context, l);
        if (b != null && !b.isNull()) {
            w.start("ows", OWS, "WGS84BoundingBox");
            w.attr("crs", "urn:ogc:def:crs:OGC:2:84");
            text(OWS, "LowerCorner", TileMatrixSet.number(b.getMinX()) + " " + TileMatrixSet.number(b.getMinY()));
            text(OWS, "UpperCorner", TileMatrixSet.number(b.getMaxX()) + " " + TileMatrixSet.number(b.getMaxY()));
            w.end();
        }
        text(OWS, "Identifier", l.name());
        for (int i = 0; i < l.styles().size(); i++) {
            String s = l.styles().get(i);
            w.start("Style");
            if (i == 0) w.attr("isDefault", "true");
            text(OWS, "Title", s);
            text(OWS, "Identifier", s);
            if (!l.group()) {
                w.start("LegendURL");
                w.attr("format", "image/png");
                w.attr("xlink", XLINK, "href",
                        baseUrl + "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER="
                                + enc(l.name()) + "&STYLE=" + enc(s));
                w.end();
            }
            w.end();
        }
        for (ImageFormat f : ImageFormat.TILE_FORMATS) text(WMTS, "Format", f.mime());
        boolean queryable = l.members().stream().anyMatch(m -> m.queryable());
        if (queryable) for (ResponseEncoder<FeatureInfo> f : infoFormats) text(WMTS, "InfoFormat", f.names().get(0));
        for (TileMatrixSet s : TileMatrixSets.all()) link(l, s);
        String rest = baseUrl + "/wmts/rest/" + enc(l.name())
                + "/{Style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}";
        for (ImageFormat f : ImageFormat.TILE_FORMATS) resourceUrl(f.mime(), "tile", rest + "." + f.extension());
        if (queryable)
            for (ResponseEncoder<FeatureInfo> f : infoFormats)
                resourceUrl(f.names().get(0), "FeatureInfo", rest + "/{J}/{I}." + f.extension());
        w.end();
    }

    private void link(TileLayer l, TileMatrixSet s) {
        w.start("TileMatrixSetLink");
        text(WMTS, "TileMatrixSet", s.identifier());
        Map<String, TileRange> limits = engine.limits(l, s);
        if (!limits.isEmpty()) {
            w.start("TileMatrixSetLimits");
            for (TileRange r : limits.values()) {
                w.start("TileMatrixLimits");
                text(WMTS, "TileMatrix", r.matrix());
                text(WMTS, "MinTileRow", Long.toString(r.minRow()));
                text(WMTS, "MaxTileRow", Long.toString(r.maxRow()));
                text(WMTS, "MinTileCol", Long.toString(r.minCol()));
                text(WMTS, "MaxTileCol", Long.toString(r.maxCol()));
                w.end();
            }
            w.end();
        }
        w.end();
    }

    private void resourceUrl(String format, String type, String template) {
        w.start("ResourceURL");
        w.attr("format", format);
        w.attr("resourceType", type);
        w.attr("template", template);
        w.end();
    }

    private void matrixSet(TileMatrixSet s) {
        w.start("TileMatrixSet");
        text(OWS, "Title", s.title());
        text(OWS, "Identifier", s.identifier());
        Envelope e = s.extent();
        w.start("ows", OWS, "BoundingBox");
        w.attr("crs", s.supportedCrs());
        text(OWS, "LowerCorner", s.corner(e.getMinX(), e.getMinY()));
        text(OWS, "UpperCorner", s.corner(e.getMaxX(), e.getMaxY()));
        w.end();
        text(OWS, "SupportedCRS", s.supportedCrs());
        if (s.wellKnownScaleSet() != null) text(WMTS, "WellKnownScaleSet", s.wellKnownScaleSet());
        for (TileMatrix m : s.matrices()) {
            w.start("TileMatrix");
            text(OWS, "Identifier", m.identifier());
            text(WMTS, "ScaleDenominator", Double.toString(m.scaleDenominator()));
            text(WMTS, "TopLeftCorner", s.topLeftCorner());
            text(WMTS, "TileWidth", Integer.toString(TileMatrixSet.TILE_SIZE));
            text(WMTS, "TileHeight", Integer.toString(TileMatrixSet.TILE_SIZE));
            text(WMTS, "MatrixWidth", Long.toString(m.matrixWidth()));
            text(WMTS, "MatrixHeight", Long.toString(m.matrixHeight()));
            w.end();
        }
        w.end();
    }

    private void localized(String element, Localized text) {
        if (text == null) return;
        if (text.zh() != null && !text.zh().isBlank()) langText(element, "zh", text.zh());
        if (text.en() != null && !text.en().isBlank()) langText(element, "en", text.en());
    }

    private void langText(String element, String lang, String value) {
        w.start("ows", OWS, element);
        w.attr("xml", XML, "lang", lang);
        w.text(value);
        w.end();
    }

    private void text(String ns, String element, String value) {
        if (ns.equals(WMTS)) w.start(element);
        else w.start("ows", ns, element);
        w.text(value == null ? "" : value);
        w.end();
    }

    static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }
}
