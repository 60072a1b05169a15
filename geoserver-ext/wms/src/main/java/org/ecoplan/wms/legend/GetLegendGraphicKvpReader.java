package org.ecoplan.wms.legend;

import org.ecoplan.map.image.ImageFormat;
import org.ecoplan.ows.KvpMap;
import org.ecoplan.ows.ServiceException;
import org.ecoplan.wms.ExceptionFormat;
import org.ecoplan.wms.MapFormats;
import org.ecoplan.wms.MapParameters;

/**
 * Reads GetLegendGraphic KVP: LAYER (mandatory), STYLE, RULE, FORMAT (default image/png),
 * WIDTH and HEIGHT of the icons (default 20, at most 512), TRANSPARENT, EXCEPTIONS, and SCALE
 * (a scale denominator: only the rules that apply at it are shown).
 */
public final class GetLegendGraphicKvpReader {
    static final int MAX_ICON = 512;

    private final MapFormats formats;

    public GetLegendGraphicKvpReader(MapFormats formats) {
        this.formats = formats;
    }

    public GetLegendGraphicRequest read(KvpMap params) {
        String layer = params.require("LAYER");
        String style = blankToNull(params.value("STYLE"));
        String rule = blankToNull(params.value("RULE"));
        String f = params.value("FORMAT");
        ImageFormat format = f == null || f.isBlank() ? ImageFormat.PNG : formats.require(f, "FORMAT");
        int width = params.has("WIDTH") ? MapParameters.size(params, "WIDTH", MAX_ICON) : LegendGraphics.DEFAULT_ICON;
        int height = params.has("HEIGHT")
                ? MapParameters.size(params, "HEIGHT", MAX_ICON)
                : LegendGraphics.DEFAULT_ICON;
        String scale = params.value("SCALE");
        double scaleDenominator = Double.NaN;
        if (scale != null && !scale.isBlank()) {
            try {
                scaleDenominator = Double.parseDouble(scale.trim());
                if (!(scaleDenominator > 0) || Double.isInfinite(scaleDenominator)) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                throw new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, "SCALE",
                        "SCALE must be a positive number, not '" + scale + "'");
            }
        }
        return new GetLegendGraphicRequest(layer, style, rule, scaleDenominator, format, width, height,
                MapParameters.transparent(params), ExceptionFormat.of(params.value("EXCEPTIONS")));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
