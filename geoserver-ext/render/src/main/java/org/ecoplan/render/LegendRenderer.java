package org.ecoplan.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.ecoplan.catalog.Feature;
import org.ecoplan.render.style.LineSymbolizer;
import org.ecoplan.render.style.PointSymbolizer;
import org.ecoplan.render.style.PolygonSymbolizer;
import org.ecoplan.render.style.Rule;
import org.ecoplan.render.style.Style;
import org.ecoplan.render.style.Symbolizer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Draws legends (WMS 1.3.0 Annex / SLD 1.1 GetLegendGraphic): one icon per rule, the rule's
 * title (Chinese in this project) beside it, rules top to bottom in style order. Icons show each
 * symbolizer of the rule on a sample polygon, line or point that fills the icon box.
 */
public final class LegendRenderer {
    private static final int PAD = 2;
    private static final int GAP = 6;
    private static final float TITLE_SIZE = 12f;
    private static final GeometryFactory GF = new GeometryFactory();

    /**
     * The legend of a style, or of its one rule named {@code ruleName}.
     *
     * @param width  icon width in pixels (GetLegendGraphic WIDTH)
     * @param height icon height in pixels (GetLegendGraphic HEIGHT)
     * @throws IllegalArgumentException when the rule name is unknown or the icon size is out of range
     */
    public BufferedImage legend(Style style, String ruleName, int width, int height, boolean transparent) {
        return legend(style, ruleName, Double.NaN, width, height, transparent);
    }

    /**
     * The legend of the rules that apply at a scale (GetLegendGraphic SCALE, SLD 1.1 / OGC 05-078r4
     * clause 10.2: only the rules whose scale range holds the scale denominator are shown).
     *
     * @param scaleDenominator the map scale denominator, or NaN for every rule
     */
    public BufferedImage legend(Style style, String ruleName, double scaleDenominator, int width, int height,
            boolean transparent) {
        if (width < 1 || height < 1 || width > 512 || height > 512) {
            throw new IllegalArgumentException("legend icon size must be 1..512 pixels, got " + width + "x" + height);
        }
        List<Rule> rules = style.rules();
        if (ruleName != null) {
            rules = rules.stream().filter(r -> ruleName.equals(r.name())).toList();
            if (rules.isEmpty())
                throw new IllegalArgumentException("style '" + style.name() + "' has no rule named '" + ruleName + "'");
        }
        if (!Double.isNaN(scaleDenominator)) rules = rules.stream().filter(r -> r.appliesAt(scaleDenominator)).toList();
        java.awt.Font font = Fonts.forText(List.of(), false, false, TITLE_SIZE, "国土空间");
        FontRenderContext frc = new FontRenderContext(null, true, true);
        LineMetrics lm = font.getLineMetrics("国土空间", frc);
        int textHeight = (int) Math.ceil(lm.getAscent() + lm.getDescent());
        int rowHeight = Math.max(height, textHeight) + PAD;
        int textWidth = 0;
        for (Rule r : rules) {
            textWidth = Math.max(textWidth, (int) Math.ceil(font.getStringBounds(r.label(), frc).getWidth()));
        }
        int imageWidth = PAD * 2 + width + (textWidth > 0 ? GAP + textWidth : 0);
        int imageHeight = Math.max(1, PAD + rules.size() * rowHeight);
        BufferedImage image = new BufferedImage(imageWidth, imageHeight, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            MapRenderer.applyQualityHints(g);
            if (!transparent) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, imageWidth, imageHeight);
            }
            int y = PAD;
            for (Rule r : rules) {
                int iconY = y + (rowHeight - PAD - height) / 2;
                g.drawImage(icon(r, width, height), PAD, iconY, null);
                if (!r.label().isEmpty()) {
                    g.setFont(font);
                    g.setColor(Color.BLACK);
                    float baseline = y + (rowHeight - PAD - textHeight) / 2f + lm.getAscent();
                    g.drawString(r.label(), PAD + width + GAP, baseline);
                }
                y += rowHeight;
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The icon of one rule, {@code width} x {@code height}, transparent around the symbols. */
    public BufferedImage icon(Rule rule, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            MapRenderer.applyQualityHints(g);
            // world = pixels (y up), so the sample shapes are written in pixel units
            MapViewport viewport = new MapViewport(new Envelope(0, width, 0, height), width, height, null);
            SymbolizerPainter painter = new SymbolizerPainter(g, viewport, null, 0);
            for (Symbolizer s : rule.symbolizers()) {
                Geometry sample = sample(s, width, height);
                if (sample != null) painter.paint(s, new Feature("legend", Map.of(), sample));
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static Geometry sample(Symbolizer s, int w, int h) {
        if (s instanceof PolygonSymbolizer) {
            double inset = 1;
            return GF.createPolygon(new Coordinate[]{new Coordinate(inset, inset), new Coordinate(w - inset, inset),
                    new Coordinate(w - inset, h - inset), new Coordinate(inset, h - inset),
                    new Coordinate(inset, inset)});
        }
        if (s instanceof LineSymbolizer) {
            return GF.createLineString(new Coordinate[]{new Coordinate(1, 1), new Coordinate(w * 0.4, h * 0.7),
                    new Coordinate(w * 0.6, h * 0.3), new Coordinate(w - 1, h - 1)});
        }
        if (s instanceof PointSymbolizer) return GF.createPoint(new Coordinate(w / 2.0, h / 2.0));
        return null;
    }
}
