package org.ecoplan.catalog.config;

import java.util.List;
import org.ecoplan.catalog.Catalog;

/**
 * An extra start-up check on a structurally valid catalog, contributed by a module that knows
 * more (the renderer parses every style and checks the properties its rules use).
 */
@FunctionalInterface
public interface CatalogCheck {
    List<ConfigError> check(Catalog catalog);
}
