package org.ecoplan.catalog.store;

import java.util.ServiceLoader;

/** Finds the {@link DataStoreFactory} for a store URL among the registered backends. */
public final class DataStores {
    private DataStores() {}

    public static DataStore open(String url) {
        for (DataStoreFactory f : ServiceLoader.load(DataStoreFactory.class)) {
            if (f.canOpen(url)) return f.open(url);
        }
        throw new StoreException("no store backend for URL '" + url + "' (known: gpkg:<file>, jdbc:postgresql://...)");
    }
}
