package org.ecoplan.ogcapi;

import java.util.List;
import org.ecoplan.ows.HttpEndpoint;
import org.ecoplan.ows.HttpEndpointProvider;
import org.ecoplan.ows.ServiceContext;

/** Registers the OGC API – Features endpoint with the server ({@link java.util.ServiceLoader}). */
public final class OgcApiEndpointProvider implements HttpEndpointProvider {
    @Override
    public List<HttpEndpoint> create(ServiceContext context) {
        return List.of(new OgcApiEndpoint(context));
    }
}
