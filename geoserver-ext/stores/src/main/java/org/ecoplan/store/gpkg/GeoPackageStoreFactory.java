package org.ecoplan.store.gpkg;

import java.nio.file.Path;
import org.ecoplan.catalog.store.DataStore;
import org.ecoplan.catalog.store.DataStoreFactory;
import org.ecoplan.catalog.store.StoreException;

/** Opens "gpkg:&lt;path&gt;" URLs; a relative path is taken as given (against the working directory). */
public final class GeoPackageStoreFactory implements DataStoreFactory {
    public static final String PREFIX = "gpkg:";

    @Override
    public boolean canOpen(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DataStore open(String url) {
        String path = url.substring(PREFIX.length());
        if (path.isBlank()) throw new StoreException("GeoPackage URL '" + url + "' has no file path");
        return new GeoPackageStore(Path.of(path));
    }
}
