package org.ecoplan.wfs.format;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.ecoplan.catalog.Feature;
import org.ecoplan.ows.encode.FeatureStream;
import org.ecoplan.ows.encode.GeoJsonEncoder;

/** GeoJSON (RFC 7946) output, coordinates x/y whatever the srsName form. */
public final class GeoJsonFormat implements FeatureCollectionFormat {
    private final GeoJsonEncoder encoder = new GeoJsonEncoder();

    @Override
    public List<String> names() {
        return List.of("application/json", "application/geo+json", "json", "geojson");
    }

    @Override
    public String contentType() { return "application/json; charset=UTF-8"; }

    @Override
    public void write(FeatureCollectionResult r, OutputStream out) throws IOException {
        encoder.writeCollection(out, r.meta(), r.streams());
    }

    @Override
    public void writeFeature(OutputStream out, Feature feature, FeatureStream shape, FeatureCollectionResult r)
            throws IOException {
        encoder.writeFeature(out, feature, shape, r.meta().crs());
    }
}
