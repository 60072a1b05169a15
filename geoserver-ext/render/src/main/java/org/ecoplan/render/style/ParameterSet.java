package org.ecoplan.render.style;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * The CssParameter (SLD 1.0) / SvgParameter (SE 1.1) children of a Fill, Stroke or Font, by name,
 * with typed accessors that report bad values at their line.
 */
final class ParameterSet {
    private final Map<String, Element> byName = new LinkedHashMap<>();
    private final Map<String, List<String>> all = new LinkedHashMap<>();

    /**
     * @param known the parameter names this container supports; any other name is an error
     *              (a misspelt "stroke-wdith" would otherwise be ignored silently)
     */
    ParameterSet(Element container, java.util.Set<String> known) {
        for (Element c : Elements.children(container)) {
            String n = Elements.local(c);
            if (!n.equals("CssParameter") && !n.equals("SvgParameter")) continue;
            String name = c.getAttribute("name").trim();
            if (name.isEmpty()) throw Elements.error(c, n + " without a name attribute");
            if (!known.contains(name)) {
                throw Elements.error(c, "unknown " + n + " '" + name + "' in " + Elements.local(container)
                        + " (known: " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
            }
            byName.put(name, c);
            all.computeIfAbsent(name, k -> new ArrayList<>()).add(Elements.value(c));
        }
    }

    String string(String name, String fallback) {
        Element e = byName.get(name);
        return e == null ? fallback : Elements.value(e);
    }

    List<String> strings(String name) {
        return all.getOrDefault(name, List.of());
    }

    double number(String name, double fallback) {
        Element e = byName.get(name);
        return e == null ? fallback : Elements.number(e);
    }

    double opacity(String name) {
        double v = number(name, 1.0);
        if (v < 0 || v > 1) throw Elements.error(byName.get(name), name + " must be between 0 and 1, got " + v);
        return v;
    }

    Color color(String name, Color fallback) {
        Element e = byName.get(name);
        if (e == null) return fallback;
        String v = Elements.value(e);
        if (v.matches("#[0-9A-Fa-f]{6}")) return new Color(Integer.parseInt(v.substring(1), 16));
        if (v.matches("#[0-9A-Fa-f]{3}")) {
            int r = Character.digit(v.charAt(1), 16);
            int g = Character.digit(v.charAt(2), 16);
            int b = Character.digit(v.charAt(3), 16);
            return new Color(r * 17, g * 17, b * 17);
        }
        throw Elements.error(e, name + " must be a colour #RRGGBB, got '" + v + "'");
    }

    float[] dashArray(String name) {
        Element e = byName.get(name);
        if (e == null) return null;
        String v = Elements.value(e);
        if (v.isBlank()) return null;
        String[] parts = v.trim().split("[\\s,]+");
        float[] out = new float[parts.length];
        float sum = 0;
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Float.parseFloat(parts[i]);
            } catch (NumberFormatException ex) {
                throw Elements.error(e, name + " must be numbers separated by spaces, got '" + v + "'");
            }
            if (out[i] < 0 || !Float.isFinite(out[i]))
                throw Elements.error(e, name + " values must be >= 0, got '" + v + "'");
            sum += out[i];
        }
        if (sum <= 0) throw Elements.error(e, name + " must not be all zero");
        return out;
    }

    String oneOf(String name, String fallback, String... allowed) {
        String v = string(name, fallback);
        for (String a : allowed) if (a.equalsIgnoreCase(v)) return a;
        throw Elements.error(byName.get(name),
                name + " must be one of " + String.join(", ", allowed) + ", got '" + v + "'");
    }
}
