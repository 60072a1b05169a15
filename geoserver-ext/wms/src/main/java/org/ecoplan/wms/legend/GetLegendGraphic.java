package org.ecoplan.wms.legend;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.ecoplan.catalog.CatalogView;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.map.image.ImageEncoder;
import org.ecoplan.ows.OwsResponse;
import org.ecoplan.ows.ServiceException;
import org.ecoplan.render.style.Style;
import org.ecoplan.render.style.StyleLibrary;
import org.ecoplan.wms.WmsExceptionCode;

/** The GetLegendGraphic operation: the legend image of a layer's style (Chinese rule titles). */
public final class GetLegendGraphic {
    private final StyleLibrary styles;
    private final LegendGraphics legends;

    public GetLegendGraphic(StyleLibrary styles, LegendGraphics legends) {
        this.styles = styles;
        this.legends = legends;
    }

    /** @param view what the endpoint publishes, whose names LAYER uses */
    public OwsResponse run(CatalogView view, GetLegendGraphicRequest r) {
        LayerConfig layer = view.layer(r.layer()).filter(l -> l.featureType().hasGeometry())
                .orElseThrow(() -> new ServiceException(WmsExceptionCode.LAYER_NOT_DEFINED, "LAYER",
                        "No layer named '" + r.layer() + "'"));
        List<String> ids = layer.styleIds();
        if (ids.isEmpty())
            throw new ServiceException(WmsExceptionCode.STYLE_NOT_DEFINED, "STYLE",
                    "Layer '" + layer.id() + "' has no style");
        String styleId = r.style() == null ? ids.get(0) : r.style();
        if (!ids.contains(styleId)) {
            throw new ServiceException(WmsExceptionCode.STYLE_NOT_DEFINED, "STYLE",
                    "Layer '" + layer.id() + "' has no style '" + styleId + "'; its styles are " + ids);
        }
        Style style = styles.style(layer, styleId);
        BufferedImage image;
        try {
            image = legends.legend(style, r.rule(), r.scaleDenominator(), r.width(), r.height(),
                    r.transparent() && r.format().supportsTransparency());
        } catch (IllegalArgumentException e) {
            throw new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, r.rule() != null ? "RULE" : "WIDTH",
                    e.getMessage());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageEncoder.write(image, r.format(), Color.WHITE, out);
        } catch (IOException e) {
            throw new ServiceException(ServiceException.NO_APPLICABLE_CODE, null,
                    "Cannot encode the legend: " + e.getMessage(), 500);
        }
        return OwsResponse.bytes(200, r.format().mime(), out.toByteArray());
    }
}
