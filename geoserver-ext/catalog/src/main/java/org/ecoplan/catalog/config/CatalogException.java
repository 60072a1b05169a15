package org.ecoplan.catalog.config;

import java.util.List;
import java.util.stream.Collectors;

/** An invalid catalog: carries every error found, so one start-up reports them all. */
public class CatalogException extends RuntimeException {
    private final List<ConfigError> errors;

    public CatalogException(List<ConfigError> errors) {
        super(errors.size() + " configuration error(s):\n"
                + errors.stream().map(e -> "  " + e).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<ConfigError> errors() { return errors; }
}
