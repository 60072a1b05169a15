package org.ecoplan.catalog.crs;

/**
 * A CRS as a request named it. The form matters: WFS and the OGC "axis order" policy treat
 * {@code EPSG:4326} (legacy, x/y) differently from {@code urn:ogc:def:crs:EPSG::4326} and
 * {@code http://www.opengis.net/def/crs/EPSG/0/4326} (authority order).
 */
public record CrsName(Crs crs, Form form, String text) {
    /** How the CRS was written. */
    public enum Form {
        SHORT,
        URN,
        HTTP_URI,
        CRS84
    }
}
