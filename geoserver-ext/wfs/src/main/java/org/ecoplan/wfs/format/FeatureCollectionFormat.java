package org.ecoplan.wfs.format;

import java.io.IOException;
import java.io.OutputStream;
import org.ecoplan.catalog.Feature;
import org.ecoplan.ows.ResponseEncoder;
import org.ecoplan.ows.encode.FeatureStream;
import org.ecoplan.wfs.WfsVersion;

/**
 * A GetFeature output format (WFS 2.0 clause 11.2.4 outputFormat): a {@link ResponseEncoder} of
 * feature collections, registered with {@link java.util.ServiceLoader} under
 * {@code org.ecoplan.ows.ResponseEncoder} like every other format, so adding one touches nothing else.
 */
public interface FeatureCollectionFormat extends ResponseEncoder<FeatureCollectionResult> {
    @Override
    default Class<FeatureCollectionResult> type() { return FeatureCollectionResult.class; }

    /** The Content-Type of the response. */
    String contentType();

    @Override
    default String contentType(String requested) { return contentType(); }

    /** Whether the format is offered for a WFS version (in its capabilities and requests). */
    default boolean offeredIn(WfsVersion version) {
        return true;
    }

    @Override
    default boolean offeredIn(String service, String version) {
        return service.equals("WFS") && WfsVersion.of(version).map(this::offeredIn).orElse(false);
    }

    /** Writes a single feature as a standalone document (GetFeatureById stored query). */
    void writeFeature(OutputStream out, Feature feature, FeatureStream shape, FeatureCollectionResult context)
            throws IOException;
}
