package org.ecoplan.render.style;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ecoplan.catalog.Catalog;
import org.ecoplan.catalog.config.LayerConfig;

/**
 * The catalog's styles ({@code styles/<workspace>/<id>.sld}, else the shared {@code styles/<id>.sld})
 * parsed once and kept until the file's
 * modification time changes, so no map or tile request pays for parsing and an edited style is
 * picked up on the next request. Shared by every service that draws (WMS, tiles).
 */
public final class StyleLibrary {
    private record Entry(FileTime modified, Style style) {}

    private final Catalog catalog;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    public StyleLibrary(Catalog catalog) { this.catalog = catalog; }

    /** The default style of a style of a layer's workspace. */
    public Style style(LayerConfig layer, String styleId) {
        return style(layer.workspace(), styleId);
    }

    /**
     * The default style of the SLD document of a style of a workspace.
     *
     * @throws UncheckedIOException when the file cannot be read
     * @throws StyleException when the file no longer parses (it did at start-up: it was edited since)
     */
    public Style style(String workspace, String styleId) {
        Path file = catalog.styleFile(workspace, styleId);
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException("style '" + styleId + "' has no readable style file " + file, e);
        }
        String key = workspace + ":" + styleId;
        Entry e = cache.get(key);
        if (e != null && e.modified.equals(modified)) return e.style;
        Style parsed;
        try (InputStream in = Files.newInputStream(file)) {
            parsed = StyleParser.parse(in, file.toUri().toString()).defaultStyle();
        } catch (IOException x) {
            throw new UncheckedIOException("style '" + styleId + "' cannot be read", x);
        }
        cache.put(key, new Entry(modified, parsed));
        return parsed;
    }
}
