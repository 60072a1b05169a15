package org.ecoplan.catalog.store;

/**
 * Opens a {@link DataStore} from a URL ("gpkg:path/file.gpkg", "jdbc:postgresql://..."). Backends
 * register with {@link java.util.ServiceLoader}.
 */
public interface DataStoreFactory {
    boolean canOpen(String url);

    DataStore open(String url);
}
