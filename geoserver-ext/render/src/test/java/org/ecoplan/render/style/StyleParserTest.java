package org.ecoplan.render.style;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.query.ComparisonOperator;
import org.ecoplan.catalog.query.Filter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StyleParserTest {
    static Path resource(String name) {
        try {
            return Path.of(StyleParserTest.class.getResource("/styles/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static StyledLayerDescriptor parseResource(String name) throws Exception {
        Path p = resource(name);
        try (InputStream in = Files.newInputStream(p)) {
            return StyleParser.parse(in, p.toString());
        }
    }

    private static StyledLayerDescriptor parse(String xml) {
        return StyleParser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), null);
    }

    private static String wrap(String ruleBody) {
        return "<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\" xmlns:ogc=\"http://www.opengis.net/ogc\">\n"
                + "<NamedLayer><Name>x</Name><UserStyle><Name>s</Name><FeatureTypeStyle><Rule>\n"
                + ruleBody + "\n</Rule></FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>";
    }

    @Test
    void sld10PolygonsWithFiltersHatchElseAndScale() throws Exception {
        StyledLayerDescriptor sld = parseResource("polygons.sld");
        Style s = sld.defaultStyle();
        assertEquals("zone_default", s.name());
        assertEquals("修复分区", s.title());
        assertTrue(s.isDefault());
        assertEquals(3, s.featureTypeStyles().size());
        List<Rule> rules = s.rules();
        assertEquals(5, rules.size());
        Rule core = rules.get(0);
        assertEquals("生态保护红线", core.title());
        assertEquals(new Filter.Comparison("kind", ComparisonOperator.EQUAL, "core", true), core.filter());
        PolygonSymbolizer ps = assertInstanceOf(PolygonSymbolizer.class, core.symbolizers().get(0));
        assertEquals(new Color(0x2E7D32), ps.fill().color());
        assertEquals(new Color(0x1B5E20), ps.stroke().color());

        Rule restore = rules.get(1);
        PolygonSymbolizer hatch = (PolygonSymbolizer) restore.symbolizers().get(1);
        Mark m = assertInstanceOf(Mark.class, hatch.fill().graphicFill().symbols().get(0));
        assertEquals("shape://slash", m.wellKnownName());
        assertEquals(10, hatch.fill().graphicFill().size());
        assertEquals(2.0, m.stroke().width());
        assertEquals(List.of(6f, 3f), List.of(hatch.stroke().dashArray()[0], hatch.stroke().dashArray()[1]));

        Rule other = rules.get(2);
        assertTrue(other.elseFilter());
        assertEquals(0.5, ((PolygonSymbolizer) other.symbolizers().get(0)).fill().opacity());

        Rule detail = rules.get(3);
        assertEquals(50000, detail.maxScaleDenominator());
        assertTrue(detail.appliesAt(49999));
        assertFalse(detail.appliesAt(50000));
        LineSymbolizer ls = (LineSymbolizer) detail.symbolizers().get(0);
        assertEquals("round", ls.stroke().lineJoin());
        assertEquals("round", ls.stroke().lineCap());

        TextSymbolizer ts = (TextSymbolizer) rules.get(4).symbolizers().get(0);
        assertEquals(new Expression.PropertyName("name"), ts.label());
        assertEquals(14, ts.font().size());
        assertTrue(ts.font().bold());
        assertEquals(List.of("WenQuanYi Micro Hei"), ts.font().families());
        assertEquals(new PointPlacement(0.5, 0.5, 0, 0, 0), ts.placement());
        assertEquals(2, ts.halo().radius());
        assertEquals(Color.WHITE, ts.halo().fill().color());
    }

    @Test
    void se11LinesWithDescriptionsConcatenatedLabelAndLinePlacement() throws Exception {
        Style s = parseResource("lines.se.sld").defaultStyle();
        assertEquals("river_default", s.name());
        assertEquals("河流", s.title());
        assertEquals("Rivers, wider for higher rank", s.abstractText());
        Rule major = s.rules().get(0);
        assertEquals("主要河流", major.title());
        assertEquals(new Filter.Comparison("rank", ComparisonOperator.GREATER_OR_EQUAL, "5", true), major.filter());
        LineSymbolizer ls = (LineSymbolizer) major.symbolizers().get(0);
        assertEquals(5, ls.stroke().width());
        assertEquals(new Color(0x1565C0), ls.stroke().color());
        TextSymbolizer ts = (TextSymbolizer) major.symbolizers().get(1);
        assertInstanceOf(LinePlacement.class, ts.placement());
        assertEquals(Color.WHITE, ts.halo().fill().color());
        Feature f = new Feature("river.1", Map.of("name", "桑干河", "rank", 6L), null);
        assertEquals("桑干河（6级）", ts.label().evaluate(f));
        Rule minor = s.rules().get(1);
        assertTrue(minor.elseFilter());
        assertEquals(1000, minor.minScaleDenominator());
        assertFalse(minor.appliesAt(999));
        assertEquals(0.8, ((LineSymbolizer) minor.symbolizers().get(0)).stroke().opacity());
    }

    @Test
    void pointsWithMarksExternalGraphicsAndPriority() throws Exception {
        Style s = parseResource("points.sld").defaultStyle();
        PointSymbolizer big = (PointSymbolizer) s.rules().get(0).symbolizers().get(0);
        ExternalGraphic eg = assertInstanceOf(ExternalGraphic.class, big.graphic().symbols().get(0));
        assertEquals(8, eg.image().getWidth());
        assertEquals(0xFFFF0000, eg.image().getRGB(3, 3));
        PointSymbolizer small = (PointSymbolizer) s.rules().get(1).symbolizers().get(0);
        Mark circle = (Mark) small.graphic().symbols().get(0);
        assertEquals("circle", circle.wellKnownName());
        assertEquals(new Color(0xFF6F00), circle.fill().color());
        ExternalGraphic inline = (ExternalGraphic) ((PointSymbolizer) s.rules().get(2).symbolizers().get(0)).graphic()
                .symbols().get(0);
        assertEquals(0xFF0000FF, inline.image().getRGB(1, 1));
        TextSymbolizer ts = (TextSymbolizer) s.rules().get(3).symbolizers().get(0);
        assertEquals(new Expression.PropertyName("rank"), ts.priority());
        assertEquals("工程 东坪", ts.label().evaluate(new Feature("site.1", Map.of("name", "东坪"), null)));
        assertEquals(new PointPlacement(0, 0.5, 8, 0, 0), ts.placement());
    }

    @Test
    void bareUserStyleAndSe11FeatureTypeStyleRootsAreAccepted() {
        StyledLayerDescriptor sld = parse("<se:FeatureTypeStyle xmlns:se=\"http://www.opengis.net/se\"><se:Rule>"
                + "<se:PointSymbolizer/></se:Rule></se:FeatureTypeStyle>");
        PointSymbolizer p = (PointSymbolizer) sld.defaultStyle().rules().get(0).symbolizers().get(0);
        assertEquals("square", ((Mark) p.graphic().symbols().get(0)).wellKnownName());
    }

    @Test
    void vendorElementsAreIgnoredButUnknownSldElementsAreErrorsWithLines() {
        StyledLayerDescriptor ok = parse(wrap("<VendorOption xmlns=\"urn:vendor\" name=\"x\">1</VendorOption>"
                + "<LineSymbolizer><Stroke/></LineSymbolizer>"));
        assertNotNull(ok.defaultStyle());
        StyleException e = assertThrows(StyleException.class, () -> parse(wrap("<PolygonSymbolzer/>")));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("PolygonSymbolzer"), e.getMessage());
    }

    @Test
    void badValuesAreReportedWithTheirLine() {
        StyleException colour = assertThrows(StyleException.class, () -> parse(wrap(
                "<PolygonSymbolizer><Fill>\n<CssParameter name=\"fill\">green</CssParameter></Fill></PolygonSymbolizer>")));
        assertEquals(4, colour.line());
        assertTrue(colour.getMessage().contains("green"));
        assertThrows(StyleException.class, () -> parse(wrap(
                "<LineSymbolizer><Stroke><CssParameter name=\"stroke-width\">wide</CssParameter></Stroke></LineSymbolizer>")));
        assertThrows(StyleException.class, () -> parse(wrap(
                "<PointSymbolizer><Graphic><Mark><WellKnownName>hexagon</WellKnownName></Mark></Graphic></PointSymbolizer>")));
        assertThrows(StyleException.class, () -> parse(wrap(
                "<ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>a</ogc:PropertyName></ogc:PropertyIsEqualTo></ogc:Filter>")));
        assertThrows(StyleException.class, () -> parse(
                wrap("<MinScaleDenominator>10</MinScaleDenominator><MaxScaleDenominator>5</MaxScaleDenominator>")));
        assertThrows(StyleException.class, () -> parse(wrap("<TextSymbolizer/>")));
        StyleException typo = assertThrows(StyleException.class, () -> parse(wrap(
                "<LineSymbolizer><Stroke><CssParameter name=\"stroke-wdith\">2</CssParameter></Stroke></LineSymbolizer>")));
        assertTrue(typo.getMessage().contains("stroke-wdith"), typo.getMessage());
        StyleException child = assertThrows(StyleException.class,
                () -> parse(wrap("<LineSymbolizer><Strok/></LineSymbolizer>")));
        assertTrue(child.getMessage().contains("Strok"), child.getMessage());
    }

    @Test
    void graphicsAreBoundedInSizeAndDecodedPixels() throws Exception {
        StyleException size = assertThrows(StyleException.class, () -> parse(wrap(
                "<PointSymbolizer><Graphic><Mark><WellKnownName>circle</WellKnownName></Mark>"
                        + "<Size>50000</Size></Graphic></PointSymbolizer>")));
        assertTrue(size.getMessage().contains("at most " + SymbolizerParser.MAX_GRAPHIC_SIZE), size.getMessage());
        // a few kilobytes of PNG that declare 4000 × 4000 pixels: refused from the header, never decoded
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(4000, 4000,
                java.awt.image.BufferedImage.TYPE_BYTE_BINARY), "png", png);
        String href = "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png.toByteArray());
        StyleException pixels = assertThrows(StyleException.class, () -> parse(wrap(
                "<PointSymbolizer><Graphic><ExternalGraphic><OnlineResource xmlns:xlink=\"http://www.w3.org/1999/xlink\""
                        + " xlink:type=\"simple\" xlink:href=\"" + href + "\"/><Format>image/png</Format>"
                        + "</ExternalGraphic></Graphic></PointSymbolizer>")));
        assertTrue(pixels.getMessage().contains("4000×4000"), pixels.getMessage());
    }

    @Test
    void malformedXmlIsAStyleExceptionWithLine() {
        StyleException e = assertThrows(StyleException.class,
                () -> parse("<StyledLayerDescriptor>\n<NamedLayer>\n</StyledLayerDescriptor>"));
        assertEquals(3, e.line());
        assertThrows(StyleException.class, () -> parse(""));
        assertThrows(StyleException.class, () -> parse("<html/>"));
    }

    @Test
    void doctypeAndExternalEntitiesAreRefusedWithoutReadingTheEntity(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE s [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + wrap("<Name>&x;</Name>");
        StyleException e = assertThrows(StyleException.class, () -> parse(xxe));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        assertFalse(e.getMessage().contains("TOP-SECRET"));
        String billion = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]><l>&b;</l>";
        assertThrows(StyleException.class, () -> parse(billion));
    }

    @Test
    void oversizedDocumentsAreRefused() {
        StringBuilder sb = new StringBuilder(wrap("<!--"));
        sb.setLength(0);
        sb.append("<StyledLayerDescriptor xmlns=\"http://www.opengis.net/sld\"><!--");
        while (sb.length() < 6 * 1024 * 1024) sb.append("0123456789abcdef".repeat(64));
        sb.append("--></StyledLayerDescriptor>");
        StyleException e = assertThrows(StyleException.class, () -> parse(sb.toString()));
        assertTrue(e.getMessage().contains("larger than"), e.getMessage());
    }

    @Test
    void remoteAndEscapingGraphicsAreRefused(@TempDir Path dir) throws Exception {
        String remote = wrap("<PointSymbolizer><Graphic><ExternalGraphic xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
                + "<OnlineResource xlink:href=\"http://example.invalid/a.png\"/><Format>image/png</Format></ExternalGraphic></Graphic></PointSymbolizer>");
        StyleException e = assertThrows(StyleException.class, () -> parse(remote));
        assertTrue(e.getMessage().contains("remote"), e.getMessage());
        Path style = dir.resolve("styles").resolve("s.sld");
        Files.createDirectories(style.getParent());
        Files.copy(resource("red.png"), dir.resolve("outside.png"));
        String escaping = wrap(
                "<PointSymbolizer><Graphic><ExternalGraphic xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
                        + "<OnlineResource xlink:href=\"../outside.png\"/><Format>image/png</Format></ExternalGraphic></Graphic></PointSymbolizer>");
        Files.writeString(style, escaping);
        try (InputStream in = Files.newInputStream(style)) {
            StyleException out = assertThrows(StyleException.class, () -> StyleParser.parse(in, style.toString()));
            assertTrue(out.getMessage().contains("outside"), out.getMessage());
        }
    }

    @Test
    void namedStyleReferencesHaveNoRules() {
        StyledLayerDescriptor sld = parse(
                "<StyledLayerDescriptor xmlns=\"http://www.opengis.net/sld\"><NamedLayer><Name>zone</Name>"
                        + "<NamedStyle><Name>zone_alt</Name></NamedStyle></NamedLayer></StyledLayerDescriptor>");
        assertEquals("zone_alt", sld.defaultStyle().name());
        assertTrue(sld.defaultStyle().rules().isEmpty());
        assertNull(sld.defaultStyle().title());
    }
}
