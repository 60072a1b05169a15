package org.ecoplan.viewer;

import java.util.List;
import org.ecoplan.ows.HttpEndpoint;
import org.ecoplan.ows.HttpEndpointProvider;
import org.ecoplan.ows.ServiceContext;

/** Registers the viewer at {@code /viewer}; the 天地图 key comes from TIANDITU_KEY (system property or environment). */
public final class ViewerEndpointProvider implements HttpEndpointProvider {
    @Override
    public List<HttpEndpoint> create(ServiceContext context) {
        String key = System.getProperty("TIANDITU_KEY", System.getenv("TIANDITU_KEY"));
        return List.of(new ViewerEndpoint(context, key));
    }
}
