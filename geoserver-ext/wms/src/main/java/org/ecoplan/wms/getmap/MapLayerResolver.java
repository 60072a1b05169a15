package org.ecoplan.wms.getmap;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ecoplan.catalog.CatalogView;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.config.LayerGroupConfig;
import org.ecoplan.ows.ServiceException;
import org.ecoplan.render.style.Style;
import org.ecoplan.render.style.StyleException;
import org.ecoplan.render.style.StyleLibrary;
import org.ecoplan.render.style.StyleParser;
import org.ecoplan.render.style.StyledLayer;
import org.ecoplan.render.style.StyledLayerDescriptor;
import org.ecoplan.wms.WmsExceptionCode;

/**
 * Turns LAYERS, STYLES and SLD_BODY into the list of layers to draw, bottom to top, each with its
 * style (WMS 1.3.0 clauses 7.3.3.3 and 7.3.3.4; SLD 1.0 clause 6.3 for SLD_BODY). A layer group
 * stands for its member layers with their default styles. With SLD_BODY and no LAYERS, the SLD's
 * NamedLayers are drawn; with both, an SLD layer of the same name supplies that layer's style.
 */
public final class MapLayerResolver {
    private final StyleLibrary styles;
    private final int layerLimit;

    public MapLayerResolver(StyleLibrary styles, int layerLimit) {
        this.styles = styles;
        this.layerLimit = layerLimit;
    }

    /** @param view what the endpoint publishes, whose names LAYERS uses */
    public List<StyledMapLayer> resolve(CatalogView view, GetMapRequest r) {
        StyledLayerDescriptor sld = r.sldBody() == null ? null : parseSld(r.sldBody());
        List<StyledMapLayer> out = new ArrayList<>();
        if (r.layers().isEmpty()) {
            // an SLD that names the layers is held to the same limit as LAYERS
            if (sld.layers().size() > layerLimit) {
                throw new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, "SLD_BODY",
                        "The SLD names " + sld.layers().size() + " layers; the limit is " + layerLimit);
            }
            for (StyledLayer sl : sld.layers()) {
                if (sl.name() == null || sl.name().isBlank()) {
                    throw new ServiceException(WmsExceptionCode.LAYER_NOT_DEFINED, "SLD_BODY",
                            "An SLD layer has no Name");
                }
                add(view, out, sl.name(), Optional.of(sl), null, "SLD_BODY");
            }
        } else {
            if (r.layers().size() > layerLimit) {
                throw new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, "LAYERS",
                        "LAYERS names " + r.layers().size() + " layers; the limit is " + layerLimit);
            }
            for (int i = 0; i < r.layers().size(); i++) {
                String name = r.layers().get(i);
                Optional<StyledLayer> fromSld = sld == null
                        ? Optional.empty()
                        : sld.layers().stream().filter(l -> name.equals(l.name())).findFirst();
                String styleName = r.styles().isEmpty() ? "" : r.styles().get(i);
                add(view, out, name, fromSld, styleName, "LAYERS");
            }
        }
        return out;
    }

    private void add(CatalogView view, List<StyledMapLayer> out, String name, Optional<StyledLayer> sldLayer,
            String styleName,
            String locator) {
        Optional<LayerConfig> layer = view.layer(name).filter(l -> l.featureType().hasGeometry());
        if (layer.isPresent()) {
            LayerConfig l = layer.get();
            Style style = sldLayer.isPresent() ? fromSld(l, sldLayer.get()) : named(l, styleName);
            out.add(new StyledMapLayer(l, style));
            return;
        }
        Optional<LayerGroupConfig> group = view.group(name);
        if (group.isPresent()) {
            if (styleName != null && !styleName.isEmpty()) {
                throw new ServiceException(WmsExceptionCode.STYLE_NOT_DEFINED, "STYLES",
                        "Layer group '" + name + "' has only its default style; STYLES must be empty for it, not '"
                                + styleName + "'");
            }
            for (LayerConfig member : view.catalog().expand(group.get())) {
                if (member.featureType().hasGeometry()) out.add(new StyledMapLayer(member, named(member, "")));
            }
            return;
        }
        throw new ServiceException(WmsExceptionCode.LAYER_NOT_DEFINED, locator, "No layer named '" + name + "'");
    }

    /** A catalog style of the layer by name; empty is the default style. */
    private Style named(LayerConfig l, String styleName) {
        List<String> ids = l.styleIds();
        if (ids.isEmpty()) {
            throw new ServiceException(WmsExceptionCode.STYLE_NOT_DEFINED, "STYLES",
                    "Layer '" + l.id() + "' has no style");
        }
        if (styleName == null || styleName.isEmpty() || styleName.equalsIgnoreCase("default"))
            return styles.style(l, ids.get(0));
        if (!ids.contains(styleName)) {
            throw new ServiceException(WmsExceptionCode.STYLE_NOT_DEFINED, "STYLES",
                    "Layer '" + l.id() + "' has no style '" + styleName + "'; its styles are " + ids);
        }
        return styles.style(l, styleName);
    }

    private Style fromSld(LayerConfig l, StyledLayer sl) {
        Style chosen = null;
        for (Style s : sl.styles()) {
            if (s.featureTypeStyles().isEmpty()) continue;
            if (chosen == null || s.isDefault()) chosen = s;
            if (s.isDefault()) break;
        }
        if (chosen != null) {
            // a request style may name properties the layer lacks: refuse it here, as the catalog does at start-up
            var problems = org.ecoplan.render.StyleCheck.problems(chosen, l.featureType());
            if (!problems.isEmpty()) {
                throw new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, "SLD_BODY",
                        "SLD_BODY does not fit layer " + l.id() + ": " + problems.get(0).message());
            }
            return chosen;
        }
        // only NamedStyle references (or nothing): pick the named catalog style
        String ref = sl.styles().isEmpty() ? "" : sl.styles().get(0).name();
        return named(l, ref == null ? "" : ref);
    }

    private static StyledLayerDescriptor parseSld(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try {
            return StyleParser.parse(new ByteArrayInputStream(bytes), null);
        } catch (StyleException e) {
            throw new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, "SLD_BODY",
                    "SLD_BODY is not a usable style: " + e.getMessage());
        }
    }
}
