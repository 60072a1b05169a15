package org.ecoplan.wmts;

import java.util.Locale;
import java.util.Optional;

/** The InfoFormats of WMTS GetFeatureInfo (OGC 07-057r7 clause 7.3) and their REST extensions. */
public enum FeatureInfoFormat {
    GEOJSON("application/json", "json"), HTML("text/html", "html"), TEXT("text/plain", "txt");

    private final String mime;
    private final String extension;

    FeatureInfoFormat(String mime, String extension) {
        this.mime = mime;
        this.extension = extension;
    }

    public String mime() { return mime; }

    public String extension() { return extension; }

    public static Optional<FeatureInfoFormat> byMime(String text) {
        if (text == null) return Optional.empty();
        String t = text.trim().toLowerCase(Locale.ROOT);
        int semi = t.indexOf(';');
        if (semi >= 0) t = t.substring(0, semi).trim();
        if (t.equals("application/geo+json")) return Optional.of(GEOJSON);
        for (FeatureInfoFormat f : values()) if (f.mime.equals(t)) return Optional.of(f);
        return Optional.empty();
    }

    public static Optional<FeatureInfoFormat> byExtension(String ext) {
        for (FeatureInfoFormat f : values()) if (f.extension.equalsIgnoreCase(ext)) return Optional.of(f);
        return Optional.empty();
    }
}
