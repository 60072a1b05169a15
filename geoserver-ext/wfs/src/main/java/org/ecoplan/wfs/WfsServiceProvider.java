package org.ecoplan.wfs;

import org.ecoplan.ows.OwsService;
import org.ecoplan.ows.OwsServiceProvider;
import org.ecoplan.ows.ServiceContext;

/** Registers the WFS with the dispatcher (META-INF/services/org.ecoplan.ows.OwsServiceProvider). */
public final class WfsServiceProvider implements OwsServiceProvider {
    @Override
    public OwsService create(ServiceContext context) {
        return new WfsService(context);
    }
}
