package org.ecoplan.wmts;

import java.util.List;
import org.ecoplan.map.MapCore;
import org.ecoplan.ows.HttpEndpoint;
import org.ecoplan.ows.HttpEndpointProvider;
import org.ecoplan.ows.ServiceContext;

/** Registers the WMTS RESTful and XYZ tile endpoints with the server (META-INF/services). */
public final class TileEndpointProvider implements HttpEndpointProvider {
    @Override
    public List<HttpEndpoint> create(ServiceContext context) {
        MapCore core = MapCore.of(context);
        return List.of(new WmtsRestEndpoint(context, core), new XyzTileEndpoint(context, core.tiles()));
    }
}
