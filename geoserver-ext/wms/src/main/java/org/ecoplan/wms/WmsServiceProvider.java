package org.ecoplan.wms;

import org.ecoplan.ows.OwsService;
import org.ecoplan.ows.OwsServiceProvider;
import org.ecoplan.ows.ServiceContext;

/** Registers the {@link WmsService} with the dispatcher (java.util.ServiceLoader). */
public final class WmsServiceProvider implements OwsServiceProvider {
    @Override
    public OwsService create(ServiceContext context) {
        return new WmsService(context);
    }
}
