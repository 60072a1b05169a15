package org.ecoplan.ows;

/** Creates a service for a runtime context; services register through {@link java.util.ServiceLoader}. */
public interface OwsServiceProvider {
    OwsService create(ServiceContext context);
}
