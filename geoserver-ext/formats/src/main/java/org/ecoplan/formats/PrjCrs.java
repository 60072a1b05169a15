package org.ecoplan.formats;

import java.util.Locale;
import java.util.Optional;

/**
 * Names the CRS of a Shapefile's .prj as an EPSG code. A .prj holds WKT 1 (OGC 01-009), usually
 * in ESRI's dialect, often without an AUTHORITY: so beyond an explicit EPSG authority on the
 * top-level CRS, the CRSs Chinese deliveries use are recognised by their definition — CGCS2000
 * (EPSG:4490) and its Gauss-Krüger zones (EPSG:4491–4554, see {@link CgcsGaussKruger}), WGS 84
 * (EPSG:4326) and Web Mercator (EPSG:3857). Anything else is not guessed at.
 */
public final class PrjCrs {
    private PrjCrs() {}

    /** Maps .prj WKT (ESRI or OGC WKT1) to "EPSG:nnnn"; empty if not recognised. */
    public static Optional<String> epsg(String wkt) {
        if (wkt == null || wkt.isBlank()) return Optional.empty();
        WktNode root;
        try {
            root = WktNode.parse(wkt.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Optional<String> authority = root.child("AUTHORITY").filter(a -> a.text(0).orElse("").equalsIgnoreCase("EPSG"))
                .flatMap(a -> a.text(1)).filter(code -> code.matches("\\d{1,6}"));
        if (authority.isPresent()) return authority.map(code -> "EPSG:" + code);
        return switch (root.keyword().toUpperCase(Locale.ROOT)) {
            case "GEOGCS" -> geographic(root).map(PrjCrs::code);
            case "PROJCS" -> projected(root).map(PrjCrs::code);
            default -> Optional.empty();
        };
    }

    private static String code(int epsg) {
        return "EPSG:" + epsg;
    }

    private static Optional<Integer> geographic(WktNode geogcs) {
        Datum d = datum(geogcs);
        if (d == Datum.CGCS2000) return Optional.of(CgcsGaussKruger.GEOGRAPHIC);
        if (d == Datum.WGS84) return Optional.of(4326);
        return Optional.empty();
    }

    private static Optional<Integer> projected(WktNode projcs) {
        String name = squash(projcs.text(0).orElse(""));
        String method = squash(projcs.child("PROJECTION").flatMap(p -> p.text(0)).orElse(""));
        Optional<WktNode> geogcs = projcs.child("GEOGCS");
        Datum datum = geogcs.map(PrjCrs::datum).orElse(Datum.OTHER);
        if (method.contains("MERCATORAUXILIARYSPHERE") || method.contains("POPULARVISUALISATION")
                || name.contains("WEBMERCATOR") || name.contains("PSEUDOMERCATOR")) {
            return datum == Datum.WGS84 ? Optional.of(3857) : Optional.empty();
        }
        if (datum != Datum.CGCS2000) return Optional.empty();
        if (!method.equals("TRANSVERSEMERCATOR") && !method.equals("GAUSSKRUGER")) return Optional.empty();
        if (!metres(projcs)) return Optional.empty();
        Double cm = parameter(projcs, "CENTRALMERIDIAN");
        Double fe = parameter(projcs, "FALSEEASTING");
        if (cm == null || fe == null || !is(parameter(projcs, "SCALEFACTOR"), 1)
                || !is(parameter(projcs, "LATITUDEOFORIGIN"), 0) || !is(parameter(projcs, "FALSENORTHING"), 0)) {
            return Optional.empty();
        }
        boolean six = name.contains("6DEGREE");
        return CgcsGaussKruger.of(cm, fe, six);
    }

    /** A parameter's value by squashed name, null when absent or not a number. */
    private static Double parameter(WktNode projcs, String squashedName) {
        for (WktNode p : projcs.children("PARAMETER")) {
            if (squash(p.text(0).orElse("")).equals(squashedName)) return number(p.text(1).orElse(null));
        }
        return null;
    }

    /** Absent parameters take their WKT default, 0 or 1 as the case may be. */
    private static boolean is(Double value, double expected) {
        return value == null || Math.abs(value - expected) < 1e-12;
    }

    private static boolean metres(WktNode projcs) {
        Optional<WktNode> unit = projcs.child("UNIT");
        if (unit.isEmpty()) return true;
        Double factor = number(unit.get().text(1).orElse(null));
        return factor != null && Math.abs(factor - 1) < 1e-12;
    }

    private static Double number(String s) {
        if (s == null) return null;
        try {
            return Double.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private enum Datum {
        CGCS2000,
        WGS84,
        OTHER
    }

    private static Datum datum(WktNode geogcs) {
        String d = squash(geogcs.child("DATUM").flatMap(n -> n.text(0)).orElse(""));
        String g = squash(geogcs.text(0).orElse(""));
        for (String s : new String[]{d, g}) {
            if (s.contains("CHINA2000") || s.contains("CGCS2000") || s.contains("CHINAGEODETICCOORDINATESYSTEM2000"))
                return Datum.CGCS2000;
            if (s.contains("WGS1984") || s.equals("WGS84") || s.startsWith("DWGS84") || s.equals("GCSWGS84"))
                return Datum.WGS84;
            if (!s.isEmpty()) return Datum.OTHER;
        }
        return Datum.OTHER;
    }

    /** Upper case letters and digits only: "D_China_2000", "China 2000" and "CHINA2000" compare equal. */
    static String squash(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128 && Character.isLetterOrDigit(c)) sb.append(Character.toUpperCase(c));
        }
        return sb.toString();
    }
}
