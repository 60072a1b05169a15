package org.ecoplan.catalog.crs;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.proj.LongLatProjection;

/**
 * Decodes CRS names in every form the OGC protocols use ("EPSG:4490", "urn:ogc:def:crs:EPSG::4490",
 * "urn:x-ogc:def:crs:EPSG:4490", "http://www.opengis.net/def/crs/EPSG/0/4490",
 * "http://www.opengis.net/gml/srs/epsg.xml#4490", "CRS:84", OGC CRS84 URN/URI) into {@link Crs},
 * backed by the EPSG database shipped with proj4j-epsg. Thread-safe; definitions are cached.
 */
public final class CrsRegistry {
    private static final CRSFactory FACTORY = new CRSFactory();
    private static final ConcurrentHashMap<Integer, Optional<Crs>> CACHE = new ConcurrentHashMap<>();
    private static final Pattern SHORT = Pattern.compile("(?i)EPSG:(\\d+)");
    private static final Pattern URN = Pattern.compile("(?i)urn:(?:x-)?ogc:def:crs:EPSG:(?:[\\d.]*:)?(\\d+)");
    private static final Pattern HTTP = Pattern.compile("(?i)https?://www\\.opengis\\.net/def/crs/EPSG/[^/]+/(\\d+)");
    private static final Pattern GML_SRS = Pattern
            .compile("(?i)https?://www\\.opengis\\.net/gml/srs/epsg\\.xml#(\\d+)");
    private static final Pattern CRS84 = Pattern.compile(
            "(?i)CRS:84|urn:ogc:def:crs:OGC:(?:1\\.3)?:CRS84|https?://www\\.opengis\\.net/def/crs/OGC/1\\.3/CRS84|OGC:CRS84");

    public static final Crs EPSG_4326 = require("EPSG:4326");
    public static final Crs CGCS2000 = require("EPSG:4490");
    public static final Crs WEB_MERCATOR = require("EPSG:3857");
    public static final Crs CRS84_CRS = require("CRS:84");
    public static final Crs CGCS2000_GK_114E = require("EPSG:4547");

    private CrsRegistry() {}

    /** Decodes a CRS name; empty if the form is unknown or proj4j has no definition for the code. */
    public static Optional<CrsName> parse(String text) {
        if (text == null) return Optional.empty();
        String t = text.trim();
        if (CRS84.matcher(t).matches()) {
            return crs84().map(c -> new CrsName(c, CrsName.Form.CRS84, t));
        }
        Matcher m;
        if ((m = SHORT.matcher(t)).matches()) return byCode(m.group(1)).map(c -> new CrsName(c, CrsName.Form.SHORT, t));
        if ((m = URN.matcher(t)).matches()) return byCode(m.group(1)).map(c -> new CrsName(c, CrsName.Form.URN, t));
        if ((m = HTTP.matcher(t)).matches())
            return byCode(m.group(1)).map(c -> new CrsName(c, CrsName.Form.HTTP_URI, t));
        // the GML 2 form is x/y by convention, like the short form
        if ((m = GML_SRS.matcher(t)).matches())
            return byCode(m.group(1)).map(c -> new CrsName(c, CrsName.Form.SHORT, t));
        return Optional.empty();
    }

    /** Decodes a CRS name into its CRS, ignoring the form. */
    public static Optional<Crs> decode(String text) {
        return parse(text).map(CrsName::crs);
    }

    /** Like {@link #decode} but for names that must exist (configuration constants). */
    public static Crs require(String text) {
        return decode(text).orElseThrow(() -> new IllegalArgumentException("unknown CRS " + text));
    }

    public static Optional<Crs> byEpsg(int code) {
        return CACHE.computeIfAbsent(code, CrsRegistry::create);
    }

    private static Optional<Crs> byCode(String digits) {
        try {
            return byEpsg(Integer.parseInt(digits));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Crs> crs84() {
        return byEpsg(4326).map(c -> new Crs("CRS:84", 4326, true, AxisOrder.EAST_NORTH, c.proj()));
    }

    private static Optional<Crs> create(int code) {
        CoordinateReferenceSystem proj;
        try {
            proj = FACTORY.createFromName("EPSG:" + code);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (proj == null) return Optional.empty();
        boolean geographic = proj.getProjection() instanceof LongLatProjection;
        return Optional.of(new Crs("EPSG:" + code, code, geographic,
                AxisOrders.authorityOrder(code, geographic, false), proj));
    }

    /** Upper-case short id, for messages and capabilities ("EPSG:4490"). */
    public static String shortId(String text) {
        return text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    }
}
