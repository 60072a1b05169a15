package org.ecoplan.vectortiles;

import java.util.List;
import org.ecoplan.map.MapCore;
import org.ecoplan.ows.HttpEndpoint;
import org.ecoplan.ows.HttpEndpointProvider;
import org.ecoplan.ows.ServiceContext;

/**
 * Registers {@link VectorTileEndpoint} at {@code /vtiles}. The memory cache size comes from
 * ECOPLAN_VTILE_MEMORY_MB (default 32).
 */
public final class VectorTileEndpointProvider implements HttpEndpointProvider {
    @Override
    public List<HttpEndpoint> create(ServiceContext context) {
        long mb = 32;
        String v = System.getenv("ECOPLAN_VTILE_MEMORY_MB");
        if (v != null && !v.isBlank()) {
            try {
                mb = Math.max(1, Long.parseLong(v.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "ECOPLAN_VTILE_MEMORY_MB must be a whole number of megabytes, not '" + v + "'");
            }
        }
        return List.of(new VectorTileEndpoint(context, MapCore.of(context).tiles(), mb * 1024 * 1024));
    }
}
