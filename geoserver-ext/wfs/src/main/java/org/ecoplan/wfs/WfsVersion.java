package org.ecoplan.wfs;

import java.util.List;
import java.util.Optional;
import org.ecoplan.ows.VersionNegotiation;
import org.ecoplan.ows.encode.GmlVersion;

/**
 * The WFS versions served, with what differs between them: namespace, default GML version and
 * the name of the type-name parameter (WFS 2.0 09-025r2, WFS 1.1 04-094, WFS 1.0 02-058).
 */
public enum WfsVersion {
    V200("2.0.0", "http://www.opengis.net/wfs/2.0", "http://schemas.opengis.net/wfs/2.0/wfs.xsd",
            GmlVersion.GML32),
    V110("1.1.0", "http://www.opengis.net/wfs",
            "http://schemas.opengis.net/wfs/1.1.0/wfs.xsd", GmlVersion.GML311),
    V100("1.0.0",
            "http://www.opengis.net/wfs", "http://schemas.opengis.net/wfs/1.0.0/WFS-basic.xsd",
            GmlVersion.GML2);

    /** The versions served, highest first, and their negotiation. */
    public static final VersionNegotiation NEGOTIATION = new VersionNegotiation(List.of("2.0.0", "1.1.0", "1.0.0"));

    private final String text;
    private final String namespace;
    private final String schemaLocation;
    private final GmlVersion gml;

    WfsVersion(String text, String namespace, String schemaLocation, GmlVersion gml) {
        this.text = text;
        this.namespace = namespace;
        this.schemaLocation = schemaLocation;
        this.gml = gml;
    }

    public String text() { return text; }

    public String namespace() { return namespace; }

    public String schemaLocation() { return schemaLocation; }

    /** The GML version of GetFeature responses when the request names no output format. */
    public GmlVersion defaultGml() {
        return gml;
    }

    /** "TYPENAMES" in 2.0, "TYPENAME" before. */
    public String typeNameParameter() {
        return this == V200 ? "TYPENAMES" : "TYPENAME";
    }

    /** "COUNT" in 2.0, "MAXFEATURES" before. */
    public String countParameter() {
        return this == V200 ? "COUNT" : "MAXFEATURES";
    }

    /** The version with this exact text ("2.0.0"); "2.0" is accepted for 2.0.0 as clients send it. */
    public static Optional<WfsVersion> of(String text) {
        if (text == null) return Optional.empty();
        String t = text.trim();
        if (t.equals("2.0")) return Optional.of(V200);
        for (WfsVersion v : values()) if (v.text.equals(t)) return Optional.of(v);
        return Optional.empty();
    }
}
