package org.ecoplan.wfs;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.ecoplan.catalog.Feature;
import org.ecoplan.ows.encode.FeatureStream;

/**
 * A GetFeature output format (WFS 2.0 clause 11.2.4 outputFormat). One implementation per format,
 * registered with {@link java.util.ServiceLoader} under this interface's name: adding a format
 * touches nothing else.
 */
public interface FeatureCollectionFormat {
    /** The outputFormat values this format answers to; the first one is advertised. */
    List<String> names();

    /** The Content-Type of the response. */
    String contentType();

    /** Whether the format is offered for a WFS version (in its capabilities and requests). */
    default boolean offeredIn(WfsVersion version) {
        return true;
    }

    /** Writes a whole collection, streaming the features. */
    void write(OutputStream out, FeatureCollectionResult result) throws IOException;

    /** Writes a single feature as a standalone document (GetFeatureById stored query). */
    void writeFeature(OutputStream out, Feature feature, FeatureStream shape, FeatureCollectionResult context)
            throws IOException;

    /**
     * Whether an outputFormat value names this format. Comparison ignores case, blanks, quotes and
     * '+' (an unencoded '+' in a query string arrives as a blank).
     */
    default boolean matches(String outputFormat) {
        String wanted = normalize(outputFormat);
        for (String n : names()) if (normalize(n).equals(wanted)) return true;
        return false;
    }

    static String normalize(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[\\s+\"']", "");
    }
}
