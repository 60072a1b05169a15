package org.ecoplan.wms;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ecoplan.catalog.Catalog;
import org.ecoplan.render.style.Style;
import org.ecoplan.render.style.StyleParser;
import org.ecoplan.render.style.StyledLayerDescriptor;
import org.ecoplan.ows.ServiceException;

/**
 * The parsed catalog styles ({@code styles/<id>.sld}), parsed once and kept until the file's
 * modification time changes, so no request pays for parsing.
 */
public final class StyleLibrary {
    private record Entry(FileTime modified, Style style) {}

    private final Catalog catalog;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    public StyleLibrary(Catalog catalog) { this.catalog = catalog; }

    /** The default style of the SLD document of a style id. */
    public Style style(String styleId) {
        Path file = catalog.styleFile(styleId);
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new ServiceException(ServiceException.NO_APPLICABLE_CODE, null,
                    "Style '" + styleId + "' has no readable style file", 500);
        }
        Entry e = cache.get(styleId);
        if (e != null && e.modified.equals(modified)) return e.style;
        Style parsed = parse(styleId, file);
        cache.put(styleId, new Entry(modified, parsed));
        return parsed;
    }

    private static Style parse(String styleId, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            StyledLayerDescriptor sld = StyleParser.parse(in, file.toUri().toString());
            return sld.defaultStyle();
        } catch (IOException | RuntimeException e) {
            // the catalog check validated every style at start-up; this is a file edited since
            throw new ServiceException(ServiceException.NO_APPLICABLE_CODE, null,
                    "Style '" + styleId + "' cannot be read: " + e.getMessage(), 500);
        }
    }
}
