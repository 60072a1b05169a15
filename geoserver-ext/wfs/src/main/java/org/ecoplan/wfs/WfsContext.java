package org.ecoplan.wfs;

import java.util.ArrayList;
import java.util.List;
import org.ecoplan.catalog.CatalogView;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.config.WorkspaceConfig;
import org.ecoplan.ows.OwsRequest;
import org.ecoplan.ows.ServiceContext;
import org.ecoplan.ows.encode.AppNamespace;
import org.ecoplan.wfs.format.FeatureCollectionFormats;

/**
 * What every WFS operation of one request shares: the server context, what the endpoint the
 * request reached publishes (one workspace, or all), the namespaces of those feature types, the
 * endpoint's URL and the output formats.
 */
public final class WfsContext {
    private final ServiceContext context;
    private final CatalogView view;
    private final String serviceUrl;
    private final FeatureCollectionFormats formats;

    WfsContext(ServiceContext context, OwsRequest request, FeatureCollectionFormats formats) {
        this.context = context;
        this.view = context.view(request);
        this.serviceUrl = request.endpointUrl("/wfs");
        this.formats = formats;
    }

    public ServiceContext context() { return context; }

    public CatalogView view() { return view; }

    /** The WFS endpoint the request reached, without query ("http://host/plan/wfs"). */
    public String serviceUrl() {
        return serviceUrl;
    }

    public FeatureCollectionFormats formats() { return formats; }

    /** A fresh name resolver (prefix bindings are per request). */
    public FeatureTypeNames names() {
        return new FeatureTypeNames(view);
    }

    /** The namespace a layer's feature type is published in: its workspace's. */
    public AppNamespace namespace(LayerConfig layer) {
        return AppNamespace.of(view.catalog().workspaceOf(layer.workspace()));
    }

    /** The namespaces of every feature type this endpoint publishes. */
    public List<AppNamespace> namespaces() {
        List<AppNamespace> out = new ArrayList<>();
        for (WorkspaceConfig w : view.workspace().map(List::of).orElse(view.catalog().workspaces())) {
            out.add(AppNamespace.of(w));
        }
        return out;
    }

    public List<FeatureTypeSummary> featureTypes() { return FeatureTypeSummary.of(context, this); }
}
