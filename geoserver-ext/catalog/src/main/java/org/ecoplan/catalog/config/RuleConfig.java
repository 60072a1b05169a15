package org.ecoplan.catalog.config;

import java.util.Map;

/**
 * A data rule the loader checks before writing a layer.
 * <ul>
 * <li>{@code coverage}: the layer's polygons cover layer {@code of} with gap + overlap below
 *     {@code tolerance} (a fraction of its area);</li>
 * <li>{@code within}: every feature lies inside layer {@code of}, up to {@code tolerance} metres;</li>
 * <li>{@code matches}: attribute {@code attribute} equals attribute {@code ofAttribute} of the
 *     feature of layer {@code of} that contains the feature's interior point;</li>
 * <li>{@code unique}: attribute {@code attribute} has no repeated value.</li>
 * </ul>
 */
public record RuleConfig(String rule, Map<String, Object> params, Location location) {
    public static final java.util.Set<String> KNOWN = java.util.Set.of("coverage", "within", "matches", "unique");

    public String param(String key) {
        Object v = params.get(key);
        return v == null ? null : v.toString();
    }

    public double number(String key, double fallback) {
        Object v = params.get(key);
        if (v instanceof Number n) return n.doubleValue();
        return v == null ? fallback : Double.parseDouble(v.toString());
    }
}
