package org.ecoplan.wmts;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ecoplan.catalog.Catalog;
import org.ecoplan.ows.ServiceException;
import org.ecoplan.render.style.Style;
import org.ecoplan.render.style.StyleParser;

/**
 * The parsed catalog styles used for tiles, keyed by the SHA-256 of the SLD file's content: a
 * style is parsed once per content, and an edited file is parsed again on the first tile rendered
 * after the edit (rendering only happens on a cache miss, so hashing the file here costs nothing
 * on cached tiles). The same approach as the WMS module's style library, which cannot be shared
 * because this module must not depend on the WMS module.
 */
public final class TileStyles {
    private final Catalog catalog;
    private final Map<String, Style> byHash = new ConcurrentHashMap<>();

    public TileStyles(Catalog catalog) { this.catalog = catalog; }

    /** The default style of the SLD document {@code styles/<styleId>.sld}. */
    public Style style(String styleId) {
        Path file = catalog.styleFile(styleId);
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ServiceException(ServiceException.NO_APPLICABLE_CODE, null, "Style '" + styleId + "' has no readable style file", 500);
        }
        String hash = ContentVersions.sha256(content);
        return byHash.computeIfAbsent(hash, h -> parse(styleId, file, content));
    }

    private static Style parse(String styleId, Path file, byte[] content) {
        try {
            return StyleParser.parse(new ByteArrayInputStream(content), file.toUri().toString()).defaultStyle();
        } catch (RuntimeException e) {
            throw new ServiceException(ServiceException.NO_APPLICABLE_CODE, null,
                    "Style '" + styleId + "' cannot be read: " + e.getMessage(), 500);
        }
    }
}
