package org.ecoplan.loader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ecoplan.catalog.store.StoreException;

/**
 * Makes a store URL usable from wherever the loader runs: a relative GeoPackage path
 * ({@code gpkg:var/plan.gpkg}) is resolved against a base directory and its parent directories are
 * created; other URLs (PostGIS JDBC) pass unchanged.
 */
public final class StoreUrl {
    private static final String GPKG = "gpkg:";

    private StoreUrl() {}

    public static String resolve(String url, Path base) {
        if (!url.startsWith(GPKG)) return url;
        String path = url.substring(GPKG.length());
        if (path.isBlank()) throw new StoreException("store URL '" + url + "' names no file");
        Path file = base.resolve(path).toAbsolutePath().normalize();
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new StoreException("cannot create the directory of " + file + ": " + e.getMessage(), e);
        }
        return GPKG + file;
    }
}
