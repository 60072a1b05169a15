package org.ecoplan.wfs.format;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.List;
import org.ecoplan.catalog.Feature;
import org.ecoplan.ows.encode.CsvEncoder;
import org.ecoplan.ows.encode.FeatureStream;

/** CSV output: FID, attributes and the geometry as WKT. */
public final class CsvFormat implements FeatureCollectionFormat {
    private final CsvEncoder encoder = new CsvEncoder();

    @Override
    public List<String> names() { return List.of("text/csv", "csv"); }

    @Override
    public String contentType() { return "text/csv; charset=UTF-8"; }

    @Override
    public void write(FeatureCollectionResult r, OutputStream out) throws IOException {
        encoder.writeCollection(out, r.meta(), r.streams());
    }

    @Override
    public void writeFeature(OutputStream out, Feature feature, FeatureStream shape, FeatureCollectionResult r)
            throws IOException {
        FeatureStream one = new FeatureStream(shape.type(), shape.properties(), shape.geometry(),
                List.of(feature).iterator());
        encoder.writeCollection(out, r.meta(), Collections.singletonList(one));
    }
}
