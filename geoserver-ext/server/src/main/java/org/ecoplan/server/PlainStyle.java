package org.ecoplan.server;

import org.ecoplan.catalog.GeometryType;

/**
 * The style an uploaded layer gets until someone gives it one (SLD 1.0): a neutral outline and fill
 * for areas, a line for lines, a circle for points, in one colour that claims no meaning.
 */
final class PlainStyle {
    private PlainStyle() {}

    static String sld(String layer, GeometryType type) {
        String symbolizer = switch (type) {
            case POLYGON, MULTIPOLYGON -> "<PolygonSymbolizer><Fill><CssParameter name=\"fill\">#7A8FA6</CssParameter>"
                    + "<CssParameter name=\"fill-opacity\">0.5</CssParameter></Fill><Stroke><CssParameter name=\"stroke\">"
                    + "#34495E</CssParameter><CssParameter name=\"stroke-width\">1</CssParameter></Stroke></PolygonSymbolizer>";
            case LINESTRING, MULTILINESTRING -> "<LineSymbolizer><Stroke><CssParameter name=\"stroke\">#34495E"
                    + "</CssParameter><CssParameter name=\"stroke-width\">1.5</CssParameter></Stroke></LineSymbolizer>";
            default -> "<PointSymbolizer><Graphic><Mark><WellKnownName>circle</WellKnownName><Fill><CssParameter "
                    + "name=\"fill\">#7A8FA6</CssParameter></Fill><Stroke><CssParameter name=\"stroke\">#34495E"
                    + "</CssParameter></Stroke></Mark><Size>8</Size></Graphic></PointSymbolizer>";
        };
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- the plain style of an uploaded layer -->\n"
                + "<StyledLayerDescriptor xmlns=\"http://www.opengis.net/sld\" xmlns:ogc=\"http://www.opengis.net/ogc\" "
                + "version=\"1.0.0\">\n  <NamedLayer><Name>" + layer + "</Name><UserStyle><Name>" + layer
                + "</Name><FeatureTypeStyle><Rule>" + symbolizer
                + "</Rule></FeatureTypeStyle></UserStyle></NamedLayer>\n"
                + "</StyledLayerDescriptor>\n";
    }
}
