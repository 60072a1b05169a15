package org.ecoplan.formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The parts of a Shapefile inside a zip delivery (PKWARE APPNOTE), read straight from the
 * archive: nothing is extracted, so an entry name cannot write anywhere (no "zip slip"), and
 * every entry is read through a {@link CappedInputStream}. Entry names with ".." segments or an
 * absolute path are refused all the same: no honest delivery has them. Entry names are UTF-8
 * when the archive says so, otherwise tried as UTF-8 and then GB 18030 (zips made on Chinese
 * Windows name files in the ANSI code page).
 */
final class ZipShapefileParts implements ShapefileParts {
    private final String name;
    private final ZipFile zip;
    private final long cap;
    private final Map<String, ZipEntry> parts = new HashMap<>();

    ZipShapefileParts(Path file, String name, String layer, long cap) {
        this.name = name;
        this.cap = cap;
        if (!Files.isRegularFile(file)) throw new FormatException(name, "file not found");
        this.zip = openZip(file, name);
        try {
            List<ZipEntry> shps = new ArrayList<>();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            List<ZipEntry> all = new ArrayList<>();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (unsafe(e.getName())) {
                    throw new FormatException(name, "zip entry '" + e.getName()
                            + "' has an absolute path or '..' in it; such an archive is refused");
                }
                if (e.isDirectory()) continue;
                all.add(e);
                if (e.getName().toLowerCase(Locale.ROOT).endsWith(".shp")) shps.add(e);
            }
            ZipEntry shp = choose(shps, layer);
            String stem = shp.getName().substring(0, shp.getName().length() - 4);
            for (ZipEntry e : all) {
                String n = e.getName();
                int dot = n.lastIndexOf('.');
                if (dot == stem.length() && n.regionMatches(true, 0, stem, 0, stem.length())) {
                    parts.putIfAbsent(n.substring(dot + 1).toLowerCase(Locale.ROOT), e);
                }
            }
            parts.put("shp", shp);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static ZipFile openZip(Path file, String name) {
        try {
            return new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException | IllegalArgumentException utf8) {
            try {
                return new ZipFile(file.toFile(), Charset.forName("GB18030"));
            } catch (ZipException | IllegalArgumentException e) {
                throw new FormatException(name, "not a readable zip file: " + utf8.getMessage(), utf8);
            } catch (IOException e) {
                throw new FormatException(name, "cannot read: " + e.getMessage(), e);
            }
        } catch (IOException e) {
            throw new FormatException(name, "cannot read: " + e.getMessage(), e);
        }
    }

    private static boolean unsafe(String entry) {
        String n = entry.replace('\\', '/');
        if (n.startsWith("/") || (n.length() > 1 && n.charAt(1) == ':')) return true;
        for (String segment : n.split("/")) if (segment.equals("..")) return true;
        return false;
    }

    private ZipEntry choose(List<ZipEntry> shps, String layer) {
        List<String> names = shps.stream().map(ZipEntry::getName).toList();
        if (layer != null) {
            for (ZipEntry e : shps) {
                String n = e.getName();
                String base = n.substring(n.lastIndexOf('/') + 1, n.length() - 4);
                if (base.equalsIgnoreCase(layer) || n.equalsIgnoreCase(layer)) return e;
            }
            throw new FormatException(name, "no Shapefile '" + layer + "' in the zip (Shapefiles: " + names + ")");
        }
        if (shps.isEmpty()) throw new FormatException(name, "the zip holds no .shp file");
        if (shps.size() > 1) {
            throw new FormatException(name, "the zip holds " + shps.size() + " Shapefiles " + names
                    + "; set option layer to the base name of the one to read");
        }
        return shps.get(0);
    }

    @Override
    public String name(String extension) {
        ZipEntry e = parts.get(extension);
        String entry = e != null
                ? e.getName()
                : parts.get("shp").getName().substring(0, parts.get("shp").getName().length() - 3) + extension;
        return name + "!/" + entry;
    }

    @Override
    public boolean has(String extension) { return parts.containsKey(extension); }

    @Override
    public InputStream open(String extension) throws IOException {
        ZipEntry e = parts.get(extension);
        if (e.getSize() > cap) throw CappedInputStream.tooLarge(name(extension), cap);
        return new CappedInputStream(zip.getInputStream(e), cap, name(extension));
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException ignored) {
            // read-only: a failed close loses nothing
        }
    }
}
