package org.ecoplan.catalog.crs;

import org.locationtech.proj4j.CoordinateReferenceSystem;

/**
 * A coordinate reference system the engine can serve.
 *
 * @param id             canonical short name: "EPSG:4490", or "CRS:84"
 * @param epsg           EPSG code; CRS:84 is 4326 with its own axis order
 * @param geographic     whether coordinates are degrees of longitude/latitude
 * @param authorityOrder axis order the defining authority gives (EPSG's for EPSG codes, x/y for CRS:84)
 * @param proj           proj4j definition used for transformations
 */
public record Crs(String id, int epsg, boolean geographic, AxisOrder authorityOrder, CoordinateReferenceSystem proj) {

    public boolean isCrs84() { return "CRS:84".equals(id); }

    /** "urn:ogc:def:crs:EPSG::4490" (or the OGC CRS84 URN), the form WFS 2.0 advertises. */
    public String urn() {
        return isCrs84() ? "urn:ogc:def:crs:OGC:1.3:CRS84" : "urn:ogc:def:crs:EPSG::" + epsg;
    }

    /** "http://www.opengis.net/def/crs/EPSG/0/4490", the OGC API / GML 3.2 URI form. */
    public String uri() {
        return isCrs84()
                ? "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
                : "http://www.opengis.net/def/crs/EPSG/0/" + epsg;
    }

    @Override
    public boolean equals(Object o) { return o instanceof Crs c && c.id.equals(id); }
    @Override
    public int hashCode() { return id.hashCode(); }
    @Override
    public String toString() { return id; }
}
