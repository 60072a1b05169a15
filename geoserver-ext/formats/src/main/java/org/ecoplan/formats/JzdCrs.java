package org.ecoplan.formats;

import java.util.Map;
import java.util.Optional;

/**
 * The EPSG code of a 界址点坐标 file, from its [属性描述] (坐标系, 几度分带, 带号) and, when 带号 is
 * empty, from the zone prefix of the first easting. Only CGCS2000 is accepted: Xi'an 1980 and
 * Beijing 1954 have no published transformation to CGCS2000, and guessing one would move every
 * boundary point by tens of metres without a trace.
 */
final class JzdCrs {
    private JzdCrs() {}

    /** A key of the header with the line it was on. */
    record Entry(String value, long line) {}

    /**
     * @param header     the [属性描述] entries
     * @param firstEast  the first point's Y (easting) value, or null when the file has no point
     * @param headerLine the line of [属性描述], for errors about missing keys
     */
    static String resolve(Map<String, Entry> header, Double firstEast, String name, long headerLine) {
        Entry system = header.get("坐标系");
        if (system == null || system.value().isBlank()) {
            throw new FormatException(name + ":" + headerLine, "[属性描述] has no 坐标系 (coordinate system)");
        }
        String s = system.value().replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        String where = name + ":" + system.line();
        if (s.contains("西安") || s.contains("1980") || s.contains("XIAN") || s.contains("北京") || s.contains("1954")
                || s.contains("BEIJING")) {
            throw new FormatException(where, "坐标系 " + system.value()
                    + " is not supported (no published transformation to CGCS2000); convert to CGCS2000");
        }
        if (!s.contains("2000")) {
            throw new FormatException(where, "坐标系 '" + system.value() + "' is not known; expected 2000国家大地坐标系");
        }
        Integer prefix = firstEast != null && firstEast >= 1_000_000 ? (int) Math.floor(firstEast / 1_000_000) : null;
        Integer zone = number(header.get("带号"), name);
        if (zone != null && prefix != null && !zone.equals(prefix)) {
            throw new FormatException(name + ":" + header.get("带号").line(), "带号 " + zone
                    + " disagrees with the zone prefix " + prefix + " of the eastings");
        }
        if (zone == null) zone = prefix;
        if (zone == null) {
            throw new FormatException(where, "no 带号 (zone) and the eastings carry no zone prefix; set 带号");
        }
        Integer width = number(header.get("几度分带"), name);
        if (width == null) width = zone >= 25 ? 3 : 6; // 3° zones of China are 25–45, 6° zones 13–23
        Optional<Integer> code = switch (width) {
            case 3 -> CgcsGaussKruger.threeDegree(zone, prefix != null);
            case 6 -> CgcsGaussKruger.sixDegree(zone, prefix != null);
            default -> throw new FormatException(name + ":" + header.get("几度分带").line(),
                    "几度分带 must be 3 or 6, not " + width);
        };
        int z = zone;
        int w = width;
        return "EPSG:" + code.orElseThrow(() -> new FormatException(where,
                "no CGCS2000 " + w + "° Gauss-Krüger zone " + z + " covers China"));
    }

    private static Integer number(Entry e, String name) {
        if (e == null) return null;
        String digits = e.value().replaceAll("[^0-9]", "");
        if (digits.isEmpty()) return null;
        if (digits.length() > 3) throw new FormatException(name + ":" + e.line(), "'" + e.value() + "' is not a zone");
        return Integer.valueOf(digits);
    }
}
