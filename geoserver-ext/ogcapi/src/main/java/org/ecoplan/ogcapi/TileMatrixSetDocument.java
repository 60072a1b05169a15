package org.ecoplan.ogcapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecoplan.catalog.crs.AxisOrder;
import org.ecoplan.map.tiles.TileMatrix;
import org.ecoplan.map.tiles.TileMatrixSet;

/**
 * A tile matrix set in the JSON encoding of OGC Two Dimensional Tile Matrix Set 2.0 (OGC 17-083r4
 * clause 7 / 8.2): identifier, CRS, axis order, and each tile matrix with its scale, cell size,
 * corner of origin (in the CRS's axis order) and size, as OGC API – Tiles serves it at
 * {@code /tileMatrixSets/{id}} (OGC 20-057 clause 7.2).
 */
final class TileMatrixSetDocument {
    private static final String OGC_TMS = "http://www.opengis.net/def/tilematrixset/OGC/1.0/";

    private TileMatrixSetDocument() {}

    /** The registered URI of the set, or null for one of this server's own (CGCS2000Quad). */
    static String uri(TileMatrixSet set) {
        return switch (set.identifier()) {
            case "WebMercatorQuad", "WorldCRS84Quad" -> OGC_TMS + set.identifier();
            default -> null;
        };
    }

    /** urn:ogc:def:wkss:OGC:1.0:GoogleMapsCompatible as the URI 17-083r4 asks for. */
    static String wkssUri(String urn) {
        String prefix = "urn:ogc:def:wkss:OGC:1.0:";
        return urn.startsWith(prefix)
                ? "http://www.opengis.net/def/wkss/OGC/1.0/" + urn.substring(prefix.length())
                : urn;
    }

    static Map<String, Object> summary(TileMatrixSet set, String api) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", set.identifier());
        m.put("title", set.title());
        if (uri(set) != null) m.put("uri", uri(set));
        m.put("crs", set.crs().uri());
        m.put("links", List.of(CollectionDocument.link(api + "/tileMatrixSets/" + set.identifier() + "?f=json",
                "self", "application/json", set.title())));
        return m;
    }

    static Map<String, Object> of(TileMatrixSet set) {
        boolean northFirst = set.crs().authorityOrder() == AxisOrder.NORTH_EAST && !set.crs().isCrs84();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", set.identifier());
        m.put("title", set.title());
        if (uri(set) != null) m.put("uri", uri(set));
        m.put("crs", set.crs().uri());
        m.put("orderedAxes", set.crs().geographic()
                ? (northFirst ? List.of("Lat", "Lon") : List.of("Lon", "Lat"))
                : (northFirst ? List.of("N", "E") : List.of("E", "N")));
        if (set.wellKnownScaleSet() != null) m.put("wellKnownScaleSet", wkssUri(set.wellKnownScaleSet()));
        List<Map<String, Object>> matrices = new ArrayList<>();
        for (TileMatrix tm : set.matrices()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", tm.identifier());
            x.put("scaleDenominator", tm.scaleDenominator());
            x.put("cellSize", tm.resolution());
            x.put("cornerOfOrigin", "topLeft");
            x.put("pointOfOrigin", northFirst
                    ? List.of(set.originY(), set.originX())
                    : List.of(set.originX(), set.originY()));
            x.put("tileWidth", TileMatrixSet.TILE_SIZE);
            x.put("tileHeight", TileMatrixSet.TILE_SIZE);
            x.put("matrixWidth", tm.matrixWidth());
            x.put("matrixHeight", tm.matrixHeight());
            matrices.add(x);
        }
        m.put("tileMatrices", matrices);
        return m;
    }
}
