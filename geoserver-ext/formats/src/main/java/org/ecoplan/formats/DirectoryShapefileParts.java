package org.ecoplan.formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The parts of a Shapefile next to its .shp in a directory; extensions match in any letter case (A.SHP, a.dbf). */
final class DirectoryShapefileParts implements ShapefileParts {
    private final String name;
    private final Map<String, Path> parts = new HashMap<>();

    DirectoryShapefileParts(Path shp, String name) {
        this.name = name;
        if (!Files.isRegularFile(shp)) throw new FormatException(name, "file not found");
        String file = shp.getFileName().toString();
        String base = file.substring(0, file.lastIndexOf('.'));
        Path dir = shp.toAbsolutePath().getParent();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(dir)) {
            for (Path p : siblings) {
                String f = p.getFileName().toString();
                int dot = f.lastIndexOf('.');
                if (dot == base.length() && f.regionMatches(true, 0, base, 0, base.length())
                        && Files.isRegularFile(p)) {
                    String ext = f.substring(dot + 1).toLowerCase(Locale.ROOT);
                    // an exact-case base name wins over another spelling of it
                    if (!parts.containsKey(ext) || f.startsWith(base)) parts.put(ext, p);
                }
            }
        } catch (IOException e) {
            throw new FormatException(name, "cannot list the directory: " + e.getMessage(), e);
        }
        parts.put("shp", shp);
    }

    @Override
    public String name(String extension) {
        if (extension.equals("shp")) return name;
        int dot = name.lastIndexOf('.');
        String stem = dot > name.lastIndexOf('/') && dot > 0 ? name.substring(0, dot) : name;
        return stem + "." + extension;
    }

    @Override
    public boolean has(String extension) { return parts.containsKey(extension); }

    @Override
    public InputStream open(String extension) throws IOException {
        return Files.newInputStream(parts.get(extension));
    }

    @Override
    public void close() {}
}
