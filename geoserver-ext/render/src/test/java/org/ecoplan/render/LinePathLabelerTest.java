package org.ecoplan.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.font.LineMetrics;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinePathLabelerTest {
    private static final String TEXT = "桑干河";
    private static final java.awt.Font FONT = Fonts.forText(List.of(), false, false, 12f, TEXT);
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private static LabelEngine.Placed place(double... line) {
        GlyphVector gv = FONT.createGlyphVector(FRC, TEXT);
        LineMetrics lm = FONT.getLineMetrics(TEXT, FRC);
        return LinePathLabeler.place(gv, lm, line, 0, 1);
    }

    @Test
    void labelIsCentredOnTheLineAndReadsLeftToRightWhateverTheLineDirection() {
        LabelEngine.Placed forward = place(0, 50, 200, 50);
        LabelEngine.Placed backward = place(200, 50, 0, 50);
        assertNotNull(forward);
        assertNotNull(backward);
        List<Rectangle2D> boxes = backward.boxes();
        assertEquals(3, boxes.size());
        assertTrue(boxes.get(0).getMinX() < boxes.get(1).getMinX() && boxes.get(1).getMinX() < boxes.get(2).getMinX(),
                "glyphs run left to right");
        double centre = (boxes.get(0).getMinX() + boxes.get(2).getMaxX()) / 2;
        assertEquals(100, centre, 1.5);
        Rectangle2D outline = forward.outline().getBounds2D();
        assertTrue(outline.getMinY() < 50 && outline.getMaxY() > 50, "text straddles the line: " + outline);
        assertEquals(forward.outline().getBounds2D(), backward.outline().getBounds2D());
    }

    @Test
    void glyphsFollowASlopedLine() {
        LabelEngine.Placed p = place(0, 0, 200, 200);
        assertNotNull(p);
        List<Rectangle2D> boxes = p.boxes();
        assertTrue(boxes.get(2).getCenterY() - boxes.get(0).getCenterY() > 15,
                "later glyphs sit lower on a descending line");
    }

    @Test
    void tooShortOrTooSharplyBentLinesGetNoLabel() {
        assertNull(place(0, 50, 20, 50), "line shorter than the text");
        // the line turns 90 degrees at its middle, where the text sits
        assertNull(place(0, 50, 100, 50, 100, 150), "a right angle under the middle of the text");
        assertNull(place(5, 5), "a single point");
    }
}
