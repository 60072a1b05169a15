package org.ecoplan.render.style;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;

/**
 * Parses the four vector symbolizers of SLD 1.0.0 clause 11 / SE 1.1 clause 11 with their Fill,
 * Stroke, Graphic, Font, Halo and LabelPlacement, applying the defaults the specifications give.
 */
final class SymbolizerParser {
    static final Set<String> MARKS = Set.of("square", "circle", "triangle", "star", "cross", "x",
            "shape://horline", "shape://vertline", "shape://slash", "shape://backslash", "shape://times",
            "shape://dot", "shape://plus");
    private static final Set<String> FILL_PARAMS = Set.of("fill", "fill-opacity");
    private static final Set<String> STROKE_PARAMS = Set.of("stroke", "stroke-width", "stroke-opacity",
            "stroke-linejoin",
            "stroke-linecap", "stroke-dasharray", "stroke-dashoffset");
    /** The largest graphic a style may ask for, in pixels: a symbol, not a map. */
    static final int MAX_GRAPHIC_SIZE = 512;
    private static final Set<String> FONT_PARAMS = Set.of("font-family", "font-size", "font-style", "font-weight");
    private static final Set<String> COMMON = Set.of("Name", "Description", "Geometry", "VendorOption");
    private static final Set<String> POLYGON = with(COMMON, "Fill", "Stroke", "Displacement", "PerpendicularOffset");
    private static final Set<String> LINE = with(COMMON, "Stroke", "PerpendicularOffset");
    private static final Set<String> POINT = with(COMMON, "Graphic");
    private static final Set<String> TEXT = with(COMMON, "Label", "Font", "LabelPlacement", "Halo", "Fill", "Priority",
            "Graphic");
    private static final Set<String> FILL = Set.of("CssParameter", "SvgParameter", "GraphicFill");
    private static final Set<String> STROKE = Set.of("CssParameter", "SvgParameter", "GraphicFill", "GraphicStroke");
    private static final Set<String> GRAPHIC = Set.of("Mark", "ExternalGraphic", "Opacity", "Size", "Rotation",
            "AnchorPoint", "Displacement");
    private static final Set<String> MARK = Set.of("WellKnownName", "Fill", "Stroke", "OnlineResource", "InlineContent",
            "Format", "MarkIndex");
    private final ExternalGraphicLoader graphics;

    SymbolizerParser(ExternalGraphicLoader graphics) {
        this.graphics = graphics;
    }

    private static Set<String> with(Set<String> base, String... more) {
        Set<String> s = new java.util.HashSet<>(base);
        s.addAll(List.of(more));
        return Set.copyOf(s);
    }

    Symbolizer parse(Element e) {
        String kind = Elements.local(e);
        Set<String> allowed = switch (kind) {
            case "PolygonSymbolizer" -> POLYGON;
            case "LineSymbolizer" -> LINE;
            case "PointSymbolizer" -> POINT;
            case "TextSymbolizer" -> TEXT;
            default -> null;
        };
        if (allowed != null) Elements.checkChildren(e, allowed);
        String geom = geometry(e);
        return switch (Elements.local(e)) {
            case "PolygonSymbolizer" -> new PolygonSymbolizer(geom,
                    Elements.child(e, "Fill") == null ? null : fill(Elements.child(e, "Fill"), Fill.DEFAULT.color()),
                    Elements.child(e, "Stroke") == null ? null : stroke(Elements.child(e, "Stroke")));
            case "LineSymbolizer" -> new LineSymbolizer(geom,
                    Elements.child(e, "Stroke") == null ? Stroke.DEFAULT : stroke(Elements.child(e, "Stroke")),
                    Elements.number(e, "PerpendicularOffset", 0));
            case "PointSymbolizer" -> new PointSymbolizer(geom,
                    Elements.child(e, "Graphic") == null ? defaultGraphic() : graphic(Elements.child(e, "Graphic")));
            case "TextSymbolizer" -> text(e, geom);
            default -> throw Elements.error(e,
                    Elements.local(e) + " is not supported (Polygon, Line, Point and Text symbolizers are)");
        };
    }

    private static String geometry(Element e) {
        Element g = Elements.child(e, "Geometry");
        if (g == null) return null;
        Element p = Elements.child(g, "PropertyName");
        if (p == null) p = Elements.child(g, "ValueReference");
        if (p == null) throw Elements.error(g, "Geometry must hold a PropertyName");
        String name = p.getTextContent().trim();
        return name.contains(":") ? name.substring(name.indexOf(':') + 1) : name;
    }

    Fill fill(Element e, Color defaultColor) {
        Elements.checkChildren(e, FILL);
        ParameterSet p = new ParameterSet(e, FILL_PARAMS);
        Element gf = Elements.child(e, "GraphicFill");
        Graphic pattern = null;
        if (gf != null) {
            Element g = Elements.child(gf, "Graphic");
            if (g == null) throw Elements.error(gf, "GraphicFill must hold a Graphic");
            pattern = graphic(g);
        }
        return new Fill(p.color("fill", defaultColor), p.opacity("fill-opacity"), pattern);
    }

    Stroke stroke(Element e) {
        Elements.checkChildren(e, STROKE);
        ParameterSet p = new ParameterSet(e, STROKE_PARAMS);
        if (Elements.child(e, "GraphicFill") != null || Elements.child(e, "GraphicStroke") != null) {
            throw Elements.error(e, "GraphicFill / GraphicStroke in a Stroke is not supported");
        }
        double width = p.number("stroke-width", 1.0);
        if (width < 0) throw Elements.error(e, "stroke-width must be >= 0, got " + width);
        return new Stroke(p.color("stroke", Color.BLACK), p.opacity("stroke-opacity"), width,
                p.dashArray("stroke-dasharray"), p.number("stroke-dashoffset", 0),
                p.oneOf("stroke-linejoin", "mitre", "mitre", "miter", "round", "bevel").replace("miter", "mitre"),
                p.oneOf("stroke-linecap", "butt", "butt", "round", "square"));
    }

    private static Graphic defaultGraphic() {
        return new Graphic(List.of(new Mark("square", Fill.DEFAULT, Stroke.DEFAULT)), 1, 6, 0, 0.5, 0.5, 0, 0);
    }

    Graphic graphic(Element e) {
        Elements.checkChildren(e, GRAPHIC);
        List<GraphicSymbol> symbols = new ArrayList<>();
        for (Element c : Elements.children(e)) {
            String n = Elements.local(c);
            if (n.equals("Mark")) symbols.add(mark(c));
            else if (n.equals("ExternalGraphic")) symbols.add(graphics.load(c));
        }
        if (symbols.isEmpty()) symbols.add(new Mark("square", Fill.DEFAULT, Stroke.DEFAULT));
        double size = Elements.number(e, "Size", Double.NaN);
        if (!Double.isNaN(size) && (size <= 0 || size > MAX_GRAPHIC_SIZE)) {
            throw Elements.error(Elements.child(e, "Size"),
                    "Size must be > 0 and at most " + MAX_GRAPHIC_SIZE + " pixels, got " + size);
        }
        double opacity = Elements.number(e, "Opacity", 1.0);
        double[] anchor = pair(Elements.child(e, "AnchorPoint"), "AnchorPoint", 0.5, 0.5);
        double[] disp = pair(Elements.child(e, "Displacement"), "Displacement", 0, 0);
        return new Graphic(symbols, opacity, size, Elements.number(e, "Rotation", 0), anchor[0], anchor[1], disp[0],
                disp[1]);
    }

    private Mark mark(Element e) {
        Elements.checkChildren(e, MARK);
        String wkn = Elements.text(e, "WellKnownName");
        wkn = wkn == null || wkn.isEmpty() ? "square" : wkn.toLowerCase(Locale.ROOT);
        if (!MARKS.contains(wkn)) {
            throw Elements.error(e,
                    "unknown WellKnownName '" + wkn + "' (known: square, circle, triangle, star, cross, x, "
                            + "shape://horline, vertline, slash, backslash, times, dot, plus)");
        }
        Element f = Elements.child(e, "Fill");
        Element s = Elements.child(e, "Stroke");
        // SLD 1.0 11.3.2: a mark without Fill is grey-filled, without Stroke black-stroked
        Fill fill = f == null ? (wkn.startsWith("shape://") ? null : Fill.DEFAULT) : fill(f, Fill.DEFAULT.color());
        Stroke stroke = s == null ? Stroke.DEFAULT : stroke(s);
        return new Mark(wkn, fill, stroke);
    }

    private static double[] pair(Element e, String what, double dx, double dy) {
        if (e == null) return new double[]{dx, dy};
        Element x = Elements.child(e, what + "X");
        Element y = Elements.child(e, what + "Y");
        return new double[]{x == null ? dx : Elements.number(x), y == null ? dy : Elements.number(y)};
    }

    private TextSymbolizer text(Element e, String geom) {
        Element labelEl = Elements.child(e, "Label");
        if (labelEl == null) throw Elements.error(e, "TextSymbolizer needs a Label");
        Expression label = label(labelEl);
        Element fontEl = Elements.child(e, "Font");
        Font font = fontEl == null ? Font.DEFAULT : font(fontEl);
        LabelPlacement placement = null;
        Element lp = Elements.child(e, "LabelPlacement");
        if (lp != null) {
            Element pp = Elements.child(lp, "PointPlacement");
            Element line = Elements.child(lp, "LinePlacement");
            if (pp != null) {
                double[] anchor = pair(Elements.child(pp, "AnchorPoint"), "AnchorPoint", 0, 0.5);
                double[] disp = pair(Elements.child(pp, "Displacement"), "Displacement", 0, 0);
                placement = new PointPlacement(anchor[0], anchor[1], disp[0], disp[1],
                        Elements.number(pp, "Rotation", 0));
            } else if (line != null) {
                placement = new LinePlacement(Elements.number(line, "PerpendicularOffset", 0));
            }
        }
        Halo halo = null;
        Element h = Elements.child(e, "Halo");
        if (h != null) {
            Element hf = Elements.child(h, "Fill");
            halo = new Halo(Elements.number(h, "Radius", 1.0),
                    hf == null ? new Fill(Color.WHITE, 1, null) : fill(hf, Color.WHITE));
        }
        Element f = Elements.child(e, "Fill");
        Fill fill = f == null ? Fill.BLACK : fill(f, Color.BLACK);
        Element pr = Elements.child(e, "Priority");
        Expression priority = pr == null ? null : label(pr);
        return new TextSymbolizer(geom, label, font, placement, halo, fill, priority);
    }

    private Font font(Element e) {
        ParameterSet p = new ParameterSet(e, FONT_PARAMS);
        double size = p.number("font-size", 10);
        if (size <= 0 || size > 500) throw Elements.error(e, "font-size must be between 0 and 500 pixels, got " + size);
        String style = p.oneOf("font-style", "normal", "normal", "italic", "oblique");
        String weight = p.oneOf("font-weight", "normal", "normal", "bold");
        return new Font(p.strings("font-family"), size, weight.equals("bold"), !style.equals("normal"));
    }

    /** Mixed content: text, PropertyName and Literal children, concatenated (SLD 1.0 clause 11.4.2). */
    static Expression label(Element e) {
        List<Expression> parts = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Text t) {
                String s = t.getData();
                // indentation around child elements is layout, not label text
                if (!(s.isBlank() && s.contains("\n")) && !s.isEmpty()) parts.add(new Expression.Literal(s));
            } else if (n instanceof Element c) {
                String name = Elements.local(c);
                if (name.equals("PropertyName") || name.equals("ValueReference")) {
                    String p = c.getTextContent().trim();
                    if (p.contains(":")) p = p.substring(p.indexOf(':') + 1);
                    if (!p.matches("[A-Za-z_][A-Za-z0-9_]*"))
                        throw Elements.error(c, "property name '" + p + "' is not a plain attribute name");
                    parts.add(new Expression.PropertyName(p));
                } else if (name.equals("Literal")) {
                    parts.add(new Expression.Literal(c.getTextContent()));
                } else {
                    throw Elements.error(c, name + " is not supported in " + Elements.local(e)
                            + " (PropertyName, Literal and text are)");
                }
            }
        }
        if (parts.isEmpty()) throw Elements.error(e, Elements.local(e) + " is empty");
        if (parts.size() == 1) {
            Expression only = parts.get(0);
            return only instanceof Expression.Literal l ? new Expression.Literal(l.value().trim()) : only;
        }
        return new Expression.Concatenate(parts);
    }
}
