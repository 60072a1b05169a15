package org.ecoplan.store.postgis;

import org.ecoplan.catalog.store.DataStore;
import org.ecoplan.catalog.store.DataStoreFactory;

/** Opens "jdbc:postgresql://host:port/db?user=..&amp;currentSchema=.." URLs (schema defaults to public). */
public final class PostGisStoreFactory implements DataStoreFactory {
    @Override
    public boolean canOpen(String url) {
        return url != null && url.startsWith(PostGisUrl.PREFIX);
    }

    @Override
    public DataStore open(String url) {
        return new PostGisStore(url);
    }
}
