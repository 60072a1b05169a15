package org.ecoplan.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.TexturePaint;
import java.awt.image.BufferedImage;
import java.util.List;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.render.style.Fill;
import org.ecoplan.render.style.Graphic;
import org.ecoplan.render.style.Mark;
import org.ecoplan.render.style.Stroke;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Envelope;

class GraphicPainterTest {
    private static final Stroke RED = new Stroke(Color.RED, 1, 1, null, 0, "mitre", "butt");

    private static Graphic graphic(String wkn, double size) {
        return new Graphic(List.of(new Mark(wkn, new Fill(Color.BLUE, 1, null), RED)), 1, size, 0, 0.5, 0.5, 0, 0);
    }

    private static int coloured(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++)
            for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) >>> 24) > 0) n++;
        return n;
    }

    @ParameterizedTest
    @ValueSource(strings = {"square", "circle", "triangle", "star", "cross", "x", "shape://horline", "shape://vertline",
            "shape://slash", "shape://backslash", "shape://times", "shape://dot", "shape://plus"})
    void everyWellKnownMarkDrawsAsPointAndAsPattern(String wkn) {
        BufferedImage img = new BufferedImage(40, 40, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        GraphicPainter.paint(g, graphic(wkn, 16), 20, 20);
        g.dispose();
        assertTrue(coloured(img) > 3, wkn + " drew nothing");
        MapViewport v = new MapViewport(new Envelope(0, 40, 0, 40), 40, 40, CrsRegistry.CGCS2000_GK_114E);
        TexturePaint p = GraphicPainter.pattern(graphic(wkn, 8), v);
        assertEquals(8, p.getImage().getWidth());
        assertTrue(coloured(p.getImage()) > 0, wkn + " pattern tile is empty");
    }

    @Test
    void hatchLinesAreStrokedNotFilledAndSitWhereTheNameSays() {
        BufferedImage hor = GraphicPainter
                .pattern(graphic("shape://horline", 10), new MapViewport(new Envelope(0, 10, 0, 10), 10, 10, null))
                .getImage();
        assertTrue(new Color(hor.getRGB(2, 5), true).getRed() > 100, "horizontal line through the middle row");
        assertEquals(0, hor.getRGB(2, 0) >>> 24, "nothing on the top row");
        assertEquals(0, new Color(hor.getRGB(2, 5), true).getBlue(), "hatches are never filled");
        BufferedImage vert = GraphicPainter
                .pattern(graphic("shape://vertline", 10), new MapViewport(new Envelope(0, 10, 0, 10), 10, 10, null))
                .getImage();
        assertTrue(new Color(vert.getRGB(5, 2), true).getRed() > 100);
        assertEquals(0, vert.getRGB(0, 2) >>> 24);
    }

    @Test
    void anchorAndDisplacementMoveTheGraphic() {
        BufferedImage img = new BufferedImage(40, 40, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        // anchor at the bottom-left corner, displaced 5 px right and 5 px up: the square spans x 25..35, y 5..15
        Graphic gr = new Graphic(List.of(new Mark("square", new Fill(Color.BLUE, 1, null), null)), 1, 10, 0, 0, 0, 5,
                5);
        GraphicPainter.paint(g, gr, 20, 20);
        g.dispose();
        assertEquals(Color.BLUE.getRGB(), img.getRGB(30, 10));
        assertEquals(0, img.getRGB(20, 20) >>> 24);
    }
}
