package org.ecoplan.ows.encode;

/**
 * The GML versions features are encoded in: 3.2.1 (OGC 07-036, WFS 2.0 default), 3.1.1
 * (OGC 03-105r1, WFS 1.1 default) and 2.1.2 (OGC 02-069, WFS 1.0).
 */
public enum GmlVersion {
    GML32("http://www.opengis.net/gml/3.2", "http://schemas.opengis.net/gml/3.2.1/gml.xsd",
            "application/gml+xml; version=3.2"),
    GML311("http://www.opengis.net/gml",
            "http://schemas.opengis.net/gml/3.1.1/base/gml.xsd",
            "text/xml; subtype=gml/3.1.1"),
    GML2("http://www.opengis.net/gml",
            "http://schemas.opengis.net/gml/2.1.2/feature.xsd",
            "text/xml; subtype=gml/2.1.2");

    private final String namespace;
    private final String schemaLocation;
    private final String mediaType;

    GmlVersion(String namespace, String schemaLocation, String mediaType) {
        this.namespace = namespace;
        this.schemaLocation = schemaLocation;
        this.mediaType = mediaType;
    }

    public String namespace() { return namespace; }

    /** The canonical location of the GML schema, for xsd:import and xsi:schemaLocation. */
    public String schemaLocation() {
        return schemaLocation;
    }

    /** The output format name WFS uses for this version. */
    public String mediaType() { return mediaType; }

    /** Whether every GML object must carry a gml:id (GML 3.2 AbstractGMLType). */
    public boolean idsRequired() {
        return this == GML32;
    }
}
