package org.ecoplan.server;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ecoplan.map.tiles.TileMatrix;
import org.ecoplan.map.tiles.TileMatrixSet;
import org.ecoplan.map.tiles.TileMatrixSets;

/**
 * GeoServer's URL layout, so a web map or a script written against a GeoServer instance works
 * unchanged: {@code /geoserver/...} answers as the plain path ({@code /geoserver/ows},
 * {@code /geoserver/{ws}/wms}), GeoWebCache's WMTS at {@code /geoserver/gwc/service/wmts} is
 * {@code /wmts}, its TMS 1.0.0 tiles ({@code .../tms/1.0.0/{layer}@{gridset}@{format}/{z}/{x}/{y}.{ext}},
 * rows counted from the bottom) are the XYZ tiles with the row turned over, and the OGC API at
 * {@code /geoserver/ogc/features/v1} is {@code /ogcapi}. Each under a workspace segment too.
 */
final class GeoServerPaths {
    private static final String PREFIX = "/geoserver";
    private static final Pattern TMS = Pattern
            .compile(
                    "/gwc/service/tms/1\\.0\\.0/([^/@]+)@([^/@]+)@([a-z0-9]+)/(\\d{1,2})/(\\d{1,9})/(\\d{1,9})\\.([a-z0-9]+)");

    private GeoServerPaths() {}

    /** The plain path a GeoServer path stands for; any other path unchanged. */
    static String plain(String path) {
        if (!path.equals(PREFIX) && !path.startsWith(PREFIX + "/")) return path;
        String rest = path.substring(PREFIX.length());
        if (rest.isEmpty()) return "/";
        // an optional workspace segment before the service part, as GeoServer's virtual services have
        String workspace = "";
        int second = rest.indexOf('/', 1);
        if (second > 0 && !rest.startsWith("/gwc/") && !rest.startsWith("/ogc/")) {
            String head = rest.substring(0, second);
            String tail = rest.substring(second);
            if (tail.startsWith("/gwc/") || tail.startsWith("/ogc/")) {
                workspace = head;
                rest = tail;
            }
        }
        return workspace + service(rest);
    }

    private static String service(String rest) {
        if (rest.equals("/gwc/service/wmts") || rest.startsWith("/gwc/service/wmts/")) {
            return "/wmts" + rest.substring("/gwc/service/wmts".length());
        }
        if (rest.equals("/ogc/features/v1") || rest.startsWith("/ogc/features/v1/")) {
            return "/ogcapi" + rest.substring("/ogc/features/v1".length());
        }
        Matcher m = TMS.matcher(rest);
        if (m.matches()) return tms(m).orElse(rest);
        return rest;
    }

    /** A TMS tile as the XYZ tile with the row counted from the top; empty for an unknown grid or level. */
    private static Optional<String> tms(Matcher m) {
        String gridset = m.group(2);
        // GeoWebCache's default geographic gridset is the 2 x 1 world grid of WorldCRS84Quad
        Optional<TileMatrixSet> set = gridset.equals("EPSG:4326")
                ? Optional.of(TileMatrixSets.WORLD_CRS84_QUAD)
                : TileMatrixSets.find(gridset);
        if (set.isEmpty()) return Optional.empty();
        Optional<TileMatrix> matrix = set.get().matrix(m.group(4));
        if (matrix.isEmpty()) return Optional.empty();
        long row = matrix.get().matrixHeight() - 1 - Long.parseLong(m.group(6));
        if (row < 0) return Optional.empty();
        return Optional.of("/tiles/" + m.group(1) + "/" + set.get().identifier() + "/" + m.group(4) + "/" + m.group(5)
                + "/" + row + "." + m.group(7));
    }
}
