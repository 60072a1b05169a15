package org.ecoplan.wms.legend;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import org.ecoplan.render.LegendRenderer;
import org.ecoplan.render.style.Style;
import org.ecoplan.render.style.StyleLibrary;

/**
 * Legend images of styles, drawn by {@link LegendRenderer}, and their sizes for the capabilities
 * LegendURL width/height (remembered per parsed style, which {@link StyleLibrary} keeps until the
 * file changes).
 */
public final class LegendGraphics {
    public static final int DEFAULT_ICON = 20;

    private final LegendRenderer renderer = new LegendRenderer();
    private final Map<Style, Dimension> sizes = Collections.synchronizedMap(new IdentityHashMap<>());

    public BufferedImage legend(Style style, String rule, double scaleDenominator, int iconWidth, int iconHeight,
            boolean transparent) {
        return renderer.legend(style, rule, scaleDenominator, iconWidth, iconHeight, transparent);
    }

    /** The size of the default legend (20×20 icons, all rules). */
    public Dimension size(Style style) {
        return sizes.computeIfAbsent(style, s -> {
            BufferedImage img = renderer.legend(s, null, DEFAULT_ICON, DEFAULT_ICON, true);
            return new Dimension(img.getWidth(), img.getHeight());
        });
    }
}
