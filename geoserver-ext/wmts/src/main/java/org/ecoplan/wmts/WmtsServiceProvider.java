package org.ecoplan.wmts;

import org.ecoplan.map.MapCore;
import org.ecoplan.ows.OwsService;
import org.ecoplan.ows.OwsServiceProvider;
import org.ecoplan.ows.ServiceContext;

/** Registers the WMTS KVP service with the dispatcher (META-INF/services). */
public final class WmtsServiceProvider implements OwsServiceProvider {
    @Override
    public OwsService create(ServiceContext context) {
        return new WmtsService(context, MapCore.of(context));
    }
}
