package org.ecoplan.ows;

import java.util.List;

/** Creates endpoints for a runtime context; registered through {@link java.util.ServiceLoader}. */
public interface HttpEndpointProvider {
    List<HttpEndpoint> create(ServiceContext context);
}
