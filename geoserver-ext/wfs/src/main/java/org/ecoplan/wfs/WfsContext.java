package org.ecoplan.wfs;

import java.util.List;
import org.ecoplan.ows.ServiceContext;
import org.ecoplan.ows.encode.AppNamespace;

/** What every WFS operation shares: the server context, the application namespace and the output formats. */
final class WfsContext {
    private final ServiceContext context;
    private final AppNamespace ns;
    private final FeatureCollectionFormats formats = new FeatureCollectionFormats();

    WfsContext(ServiceContext context, AppNamespace ns) {
        this.context = context;
        this.ns = ns;
    }

    ServiceContext context() { return context; }

    AppNamespace ns() { return ns; }

    FeatureCollectionFormats formats() { return formats; }

    /** A fresh name resolver (prefix bindings are per request). */
    FeatureTypeNames names() {
        return new FeatureTypeNames(context.catalog(), ns);
    }

    List<FeatureTypeSummary> featureTypes() { return FeatureTypeSummary.of(context, names()); }
}
