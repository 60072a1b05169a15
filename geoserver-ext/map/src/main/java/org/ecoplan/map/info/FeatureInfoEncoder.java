package org.ecoplan.map.info;

import java.util.List;
import org.ecoplan.ows.ResponseEncoder;

/**
 * A format of feature info (WMS INFO_FORMAT, 06-042 clause 7.4.3.5; WMTS InfoFormat, 07-057r7
 * clause 7.3.2), registered as a {@link ResponseEncoder}. A requested name matches with its MIME
 * parameters ignored (charset and the like), except a GML subtype, which selects the GML version.
 */
public abstract class FeatureInfoEncoder implements ResponseEncoder<FeatureInfo> {
    private final List<String> names;
    private final String contentType;
    private final String extension;

    /**
     * @param names       the MIME type advertised first, then aliases
     * @param contentType the Content-Type of the answer
     * @param extension   the resource extension of the WMTS RESTful binding, or null when not offered there
     */
    protected FeatureInfoEncoder(List<String> names, String contentType, String extension) {
        this.names = List.copyOf(names);
        this.contentType = contentType;
        this.extension = extension;
    }

    @Override
    public final Class<FeatureInfo> type() { return FeatureInfo.class; }

    @Override
    public final List<String> names() { return names; }

    @Override
    public String contentType(String requested) { return contentType; }

    @Override
    public final String extension() { return extension; }

    /** WMTS offers the formats of its RESTful binding only (its response schema knows no GML of ours). */
    @Override
    public boolean offeredIn(String service, String version) {
        return !service.equals("WMTS") || extension != null;
    }

    @Override
    public boolean matches(String requested) {
        if (ResponseEncoder.super.matches(requested)) return true;
        String v = ResponseEncoder.normalize(requested);
        int semi = v.indexOf(';');
        return semi > 0 && !v.contains("subtype") && ResponseEncoder.super.matches(v.substring(0, semi));
    }
}
