package org.ecoplan.map.info;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The formats feature info is answered in, for WMS GetFeatureInfo INFO_FORMAT (06-042 clause
 * 7.4.3.5) and WMTS GetFeatureInfo InfoFormat (07-057r7 clause 7.3.2) alike.
 *
 * @param contentType the Content-Type of the answer
 * @param extension   the resource extension in the WMTS RESTful binding, or null when not offered there
 */
public enum FeatureInfoFormat {
    TEXT("text/plain", "text/plain; charset=UTF-8", "txt", List.of("text/plain")), HTML("text/html",
            "text/html; charset=UTF-8", "html", List.of("text/html")), JSON("application/json", "application/json",
                    "json",
                    List.of("application/json", "application/geo+json", "json", "geojson")), GML2(
                            "application/vnd.ogc.gml", "application/vnd.ogc.gml", null,
                            List.of("application/vnd.ogc.gml", "gml2", "text/xml;subtype=gml/2.1.2")), GML3(
                                    "application/vnd.ogc.gml/3.1.1", "application/vnd.ogc.gml/3.1.1", null,
                                    List.of("application/vnd.ogc.gml/3.1.1", "text/xml", "gml3",
                                            "text/xml;subtype=gml/3.1.1"));

    /** What WMS offers, in its capabilities order. */
    public static final List<FeatureInfoFormat> WMS = List.of(TEXT, HTML, JSON, GML2, GML3);
    /** What WMTS offers (its GetFeatureInfo response schema knows no GML of ours). */
    public static final List<FeatureInfoFormat> WMTS = List.of(JSON, HTML, TEXT);

    private final String mime;
    private final String contentType;
    private final String extension;
    private final List<String> names;

    FeatureInfoFormat(String mime, String contentType, String extension, List<String> names) {
        this.mime = mime;
        this.contentType = contentType;
        this.extension = extension;
        this.names = names;
    }

    /** The MIME type advertised in capabilities. */
    public String mime() { return mime; }

    public String contentType() { return contentType; }

    public String extension() { return extension; }

    public boolean isGml() { return this == GML2 || this == GML3; }

    /** The format an INFO_FORMAT / InfoFormat value names (parameters such as charset ignored, except GML's subtype). */
    public static Optional<FeatureInfoFormat> find(String value) {
        if (value == null) return Optional.empty();
        String v = value.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        for (FeatureInfoFormat f : values()) if (f.names.contains(v)) return Optional.of(f);
        int semi = v.indexOf(';');
        if (semi > 0 && !v.contains("subtype")) return find(v.substring(0, semi));
        return Optional.empty();
    }

    /** The format of a WMTS REST resource extension. */
    public static Optional<FeatureInfoFormat> byExtension(String ext) {
        for (FeatureInfoFormat f : WMTS) if (f.extension.equalsIgnoreCase(ext)) return Optional.of(f);
        return Optional.empty();
    }
}
