package org.ecoplan.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ecoplan.catalog.Catalog;
import org.ecoplan.catalog.FeatureType;
import org.ecoplan.catalog.config.CatalogCheck;
import org.ecoplan.catalog.config.ConfigError;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.config.Location;
import org.ecoplan.catalog.query.QueryException;
import org.ecoplan.catalog.query.xml.FilterBinder;
import org.ecoplan.render.style.Rule;
import org.ecoplan.render.style.Style;
import org.ecoplan.render.style.StyleException;
import org.ecoplan.render.style.StyleParser;
import org.ecoplan.render.style.StyledLayerDescriptor;

/**
 * The start-up check of every style a layer references (house rule 5: configuration is validated
 * at start-up, all errors at once): the file exists and parses, and every property its rule
 * filters, labels and priorities use is an attribute of the layer's feature type.
 */
public final class StyleCheck implements CatalogCheck {
    @Override
    public List<ConfigError> check(Catalog catalog) {
        List<ConfigError> errors = new ArrayList<>();
        for (LayerConfig layer : catalog.layers()) {
            if (layer.styles() == null) continue;
            for (String styleId : layer.styles().all()) {
                if (styleId == null) continue;
                Path file = catalog.styleFile(layer.workspace(), styleId);
                StyledLayerDescriptor sld = parse(file, layer, errors);
                if (sld != null) checkProperties(sld, file, layer, errors);
            }
        }
        return errors;
    }

    private static StyledLayerDescriptor parse(Path file, LayerConfig layer, List<ConfigError> errors) {
        if (!Files.isRegularFile(file)) {
            errors.add(new ConfigError(layer.location(),
                    "layer '" + layer.id() + "' uses style file " + file + ", which does not exist"));
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return StyleParser.parse(in, file.toString());
        } catch (StyleException e) {
            errors.add(new ConfigError(new Location(file, Math.max(1, e.line())), e.getMessage()));
        } catch (IOException e) {
            errors.add(new ConfigError(new Location(file, 1), "cannot read style: " + e.getMessage()));
        }
        return null;
    }

    private static void checkProperties(StyledLayerDescriptor sld, Path file, LayerConfig layer,
            List<ConfigError> errors) {
        FeatureType type = layer.featureType();
        if (type == null) return;
        for (var l : sld.layers()) {
            for (Style s : l.styles()) {
                for (Problem p : problems(s, type)) {
                    errors.add(new ConfigError(new Location(file, Math.max(1, p.line())),
                            p.message() + " (layer " + layer.id() + ")"));
                }
            }
        }
    }

    /** A style problem found against a feature type: the rule's line (0 if unknown) and a message. */
    public record Problem(int line, String message) {}

    /**
     * The properties a style uses that the feature type lacks, and rule literals that are not
     * values of their property's type; empty when the style fits. Also for styles sent with a
     * request (WMS SLD_BODY), before rendering them.
     */
    public static List<Problem> problems(Style style, FeatureType type) {
        List<Problem> out = new ArrayList<>();
        for (Rule r : style.rules()) {
            String where = "rule '" + (r.name() == null ? r.label() : r.name()) + "'";
            try {
                FilterBinder.bind(r.filter(), type);
            } catch (QueryException e) {
                out.add(new Problem(r.line(), where + ": " + e.getMessage()));
            }
            Set<String> used = new LinkedHashSet<>();
            StyleProperties.symbolizerProperties(r, used);
            for (String p : used) {
                if (!type.hasProperty(p)) {
                    out.add(new Problem(r.line(),
                            where + ": unknown attribute '" + p + "' (feature type " + type.name() + ")"));
                }
            }
        }
        return out;
    }
}
