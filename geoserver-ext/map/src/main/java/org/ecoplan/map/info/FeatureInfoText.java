package org.ecoplan.map.info;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ecoplan.catalog.AttributeDescriptor;
import org.ecoplan.catalog.Feature;
import org.ecoplan.ows.encode.ValueText;

/** GetFeatureInfo as text/plain: per layer, per feature, one "name = value" line per attribute. */
public final class FeatureInfoText extends FeatureInfoEncoder {
    public FeatureInfoText() {
        super(List.of("text/plain"), "text/plain; charset=UTF-8", "txt");
    }

    @Override
    public void write(FeatureInfo result, OutputStream out) throws IOException {
        write(result.hits(), out);
    }

    static void write(List<LayerHits> hits, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        int total = hits.stream().mapToInt(h -> h.features().size()).sum();
        if (total == 0) w.write("no features were found\n");
        for (LayerHits h : hits) {
            if (h.features().isEmpty()) continue;
            w.write("Results for layer '" + h.layer().id() + "' (" + h.layer().title().both() + "):\n");
            for (Feature f : h.features()) {
                w.write("--------------------------------------------\n");
                w.write("id = " + f.id() + "\n");
                for (AttributeDescriptor a : h.layer().featureType().attributes()) {
                    Object v = f.get(a.name());
                    w.write(a.name() + " = " + (v == null ? "" : oneLine(ValueText.of(v))) + "\n");
                }
            }
            w.write("--------------------------------------------\n");
        }
        w.flush();
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }
}
