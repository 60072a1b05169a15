package org.ecoplan.wfs.format;

import java.util.ArrayList;
import java.util.List;
import org.ecoplan.ows.ResponseEncoder;
import org.ecoplan.ows.ResponseEncoders;
import org.ecoplan.ows.ServiceException;
import org.ecoplan.wfs.WfsVersion;

/** The GetFeature output formats among the registered response encoders, and the choice of one for a request. */
public final class FeatureCollectionFormats {
    private final List<FeatureCollectionFormat> formats = new ArrayList<>();

    public FeatureCollectionFormats(ResponseEncoders encoders) {
        for (ResponseEncoder<FeatureCollectionResult> e : encoders.all(FeatureCollectionResult.class)) {
            if (e instanceof FeatureCollectionFormat f) formats.add(f);
        }
    }

    /** The advertised names of the formats offered in a version, default first. */
    public List<String> advertised(WfsVersion version) {
        List<String> out = new ArrayList<>();
        FeatureCollectionFormat def = defaultFor(version);
        out.add(def.names().get(0));
        for (FeatureCollectionFormat f : formats) {
            if (f != def && f.offeredIn(version)) out.add(f.names().get(0));
        }
        return out;
    }

    FeatureCollectionFormat defaultFor(WfsVersion version) {
        String name = switch (version) {
            case V200 -> "application/gml+xml; version=3.2";
            case V110 -> "text/xml; subtype=gml/3.1.1";
            case V100 -> "GML2";
        };
        return find(name);
    }

    /** The format for an outputFormat value (null or empty: the version's default). */
    public FeatureCollectionFormat choose(String outputFormat, WfsVersion version) {
        if (outputFormat == null || outputFormat.isBlank()) return defaultFor(version);
        // "text/xml" alone is the GML of the version asked for
        if (ResponseEncoder.normalize(outputFormat).equals("text/xml")) return defaultFor(version);
        FeatureCollectionFormat f = find(outputFormat);
        if (f == null) {
            throw new ServiceException(ServiceException.INVALID_PARAMETER_VALUE, "outputFormat",
                    "Unsupported outputFormat '" + outputFormat + "'; supported: " + advertised(version));
        }
        return f;
    }

    private FeatureCollectionFormat find(String name) {
        for (FeatureCollectionFormat f : formats) if (f.matches(name)) return f;
        return null;
    }
}
