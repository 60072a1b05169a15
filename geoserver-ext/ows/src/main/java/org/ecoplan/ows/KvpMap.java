package org.ecoplan.ows;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The key-value-pair parameters of a request (OWS Common 1.1 clause 11.5: parameter names are
 * case-insensitive, values are not). Keys are held upper-case; a repeated key keeps its first value.
 */
public final class KvpMap {
    private final Map<String, String> values;

    public KvpMap(Map<String, String> raw) {
        Map<String, String> m = new LinkedHashMap<>();
        raw.forEach((k, v) -> m.putIfAbsent(k.toUpperCase(Locale.ROOT), v));
        this.values = Collections.unmodifiableMap(m);
    }

    public static KvpMap empty() { return new KvpMap(Map.of()); }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name.toUpperCase(Locale.ROOT)));
    }

    /** The value, or null when absent. Empty values are returned as empty strings. */
    public String value(String name) {
        return values.get(name.toUpperCase(Locale.ROOT));
    }

    public boolean has(String name) { return values.containsKey(name.toUpperCase(Locale.ROOT)); }

    /** The value of a mandatory parameter; absent or empty is MissingParameterValue with the name as locator. */
    public String require(String name) {
        String v = value(name);
        if (v == null || v.isBlank()) {
            throw new ServiceException(ServiceException.MISSING_PARAMETER_VALUE, name,
                    "Missing parameter " + name);
        }
        return v;
    }

    public Map<String, String> asMap() { return values; }
}
