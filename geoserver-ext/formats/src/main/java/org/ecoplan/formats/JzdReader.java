package org.ecoplan.formats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;

/**
 * Reads a 界址点坐标 text file, the coordinate exchange format of 国土资源部 建设用地勘测定界 / 报盘
 * (坐标交换格式): a [属性描述] section of key=value lines (坐标系, 几度分带, 带号, …), then a
 * [地块坐标] section in which each parcel is a header line
 * {@code 界址点数,地块面积,地块编号,地块名称,图形属性,图幅号,地块用途,地类编码,@} followed by
 * point lines {@code 点号,圈号,X,Y}. X is the northing and Y the easting, as Chinese surveying
 * writes them; they are swapped here so x is east. A ring closes where its first point number
 * repeats; 圈号 1 is the outer ring, further rings are holes when inside it, else further parts.
 * These files are small (one land parcel delivery), so the whole text is decoded at open: the CRS
 * must be known before the first parcel, and may come from the first easting's zone prefix.
 */
final class JzdReader extends RecordStream {
    private static final GeometryFactory GF = new GeometryFactory();

    private final String name;
    private final String[] lines;
    private final String crs;
    private int next; // 0-based index of the next line to read
    private long index;

    JzdReader(Path file, String name, JzdOptions options) {
        this.name = name;
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new FormatException(name, "file not found");
        } catch (IOException e) {
            throw new FormatException(name, "cannot read: " + e.getMessage(), e);
        }
        this.lines = TextDecoding.decode(bytes, options == null ? null : options.encoding(), name).split("\r?\n|\r",
                -1);
        Map<String, JzdCrs.Entry> header = new HashMap<>();
        long headerLine = 0;
        int coordinates = -1;
        for (int i = 0; i < lines.length && coordinates < 0; i++) {
            String section = section(lines[i]);
            if (section == null) {
                int eq = Math.max(lines[i].indexOf('='), lines[i].indexOf('＝'));
                if (headerLine > 0 && eq > 0) {
                    header.put(lines[i].substring(0, eq).strip(),
                            new JzdCrs.Entry(lines[i].substring(eq + 1).strip(), i + 1));
                }
            } else if (section.equals("属性描述")) {
                headerLine = i + 1;
            } else if (section.equals("地块坐标")) {
                coordinates = i;
            }
        }
        if (lines.length == 1 && lines[0].isBlank()) throw new FormatException(name, "file is empty");
        if (headerLine == 0) throw new FormatException(name + ":1", "no [属性描述] section: not a 界址点坐标 file");
        if (coordinates < 0) throw new FormatException(name, "no [地块坐标] section: the file holds no parcels");
        this.next = coordinates + 1;
        this.crs = JzdCrs.resolve(header, firstEasting(coordinates + 1), name, headerLine);
    }

    /** The section name of a "[名]" or "【名】" line, else null. */
    private static String section(String line) {
        String t = line.strip();
        if (t.length() > 2 && ((t.startsWith("[") && t.endsWith("]")) || (t.startsWith("【") && t.endsWith("】")))) {
            return t.substring(1, t.length() - 1).strip();
        }
        return null;
    }

    private Double firstEasting(int from) {
        for (int i = from; i < lines.length; i++) {
            String[] f = fields(lines[i]);
            if (f.length >= 4 && !isHeader(f)) {
                try {
                    return Double.valueOf(f[3]);
                } catch (NumberFormatException e) {
                    return null; // reported with its line when the parcel is read
                }
            }
        }
        return null;
    }

    private static String[] fields(String line) {
        String t = line.strip();
        if (t.isEmpty()) return new String[0];
        String[] f = t.split("[,，]", -1);
        for (int i = 0; i < f.length; i++) f[i] = f[i].strip();
        return f;
    }

    private static boolean isHeader(String[] f) {
        return f.length > 0 && f[f.length - 1].equals("@");
    }

    @Override
    public Optional<String> crs() { return Optional.of(crs); }

    @Override
    protected FormatRecord advance() {
        return parcel();
    }

    /** Reads the next parcel: its header line and the point lines up to the next header, section or end. */
    private FormatRecord parcel() {
        int headerAt = -1;
        String[] header = null;
        while (next < lines.length) {
            String[] f = fields(lines[next]);
            if (f.length == 0) {
                next++;
                continue;
            }
            if (section(lines[next]) != null) return null;
            if (!isHeader(f)) {
                throw new FormatException(name + ":" + (next + 1), f.length >= 4 && f.length <= 5
                        ? "point line before any parcel header (a header line ends with ',@')"
                        : "expected a parcel header ending with ',@' or a point line 点号,圈号,X,Y");
            }
            headerAt = next++;
            header = f;
            break;
        }
        if (header == null) return null;
        List<Ring> rings = new ArrayList<>();
        int points = 0;
        while (next < lines.length) {
            String[] f = fields(lines[next]);
            if (f.length == 0) {
                next++;
                continue;
            }
            if (isHeader(f) || section(lines[next]) != null) break;
            addPoint(rings, f, next + 1);
            points++;
            next++;
        }
        return record(header, headerAt + 1, rings, points);
    }

    /** One ring as read: its 圈号, first point number, coordinates and where it started. */
    private static final class Ring {
        final String number;
        final String firstPoint;
        final long line;
        final List<Coordinate> coordinates = new ArrayList<>();
        boolean closed;

        Ring(String number, String firstPoint, long line) {
            this.number = number;
            this.firstPoint = firstPoint;
            this.line = line;
        }
    }

    private void addPoint(List<Ring> rings, String[] f, long line) {
        if (f.length < 4 || f.length > 5) {
            throw new FormatException(name + ":" + line, "expected a point line 点号,圈号,X,Y, found " + f.length
                    + " fields" + (f.length > 5 ? " (a parcel header line must end with ',@')" : ""));
        }
        double north = number(f[2], "X (northing)", line);
        double east = number(f[3], "Y (easting)", line);
        String ring = f[1];
        if (ring.isEmpty()) throw new FormatException(name + ":" + line, "圈号 (ring number) is empty");
        Ring current = rings.isEmpty() ? null : rings.get(rings.size() - 1);
        if (current == null || current.closed || !current.number.equals(ring)) {
            current = new Ring(ring, f[0], line);
            rings.add(current);
        }
        current.coordinates.add(new Coordinate(east, north));
        if (current.coordinates.size() > 1 && f[0].equals(current.firstPoint)) current.closed = true;
    }

    private double number(String text, String what, long line) {
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v)) return v;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new FormatException(name + ":" + line, what + " '" + text + "' is not a number");
    }

    private FormatRecord record(String[] h, long line, List<Ring> rings, int points) {
        List<FormatRecord.Problem> problems = new ArrayList<>();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("地块编号", field(h, 2));
        p.put("地块名称", field(h, 3));
        p.put("地块面积", area(field(h, 1), problems));
        p.put("图形属性", field(h, 4));
        p.put("图幅号", field(h, 5));
        p.put("地块用途", field(h, 6));
        p.put("地类编码", field(h, 7));
        String stated = field(h, 0);
        if (stated == null || !stated.matches("\\d{1,9}")) {
            problems.add(new FormatRecord.Problem("界址点数", "'" + stated + "' is not a point count (line " + line + ")"));
        } else if (Integer.parseInt(stated) != points) {
            problems.add(new FormatRecord.Problem("界址点数", "states " + stated + " points, the parcel has " + points
                    + " point lines (line " + line + ")"));
        }
        Geometry g = null;
        if (rings.isEmpty()) {
            problems.add(new FormatRecord.Problem("geometry", "parcel has no point lines (line " + line + ")"));
        } else {
            g = geometry(String.valueOf(p.get("图形属性")), rings, problems);
        }
        return new FormatRecord(++index, line, p, g, problems);
    }

    private static String field(String[] h, int i) {
        // the last field is the "@" terminator, not data
        return i < h.length - 1 && !h[i].isEmpty() ? h[i] : null;
    }

    private static Double area(String text, List<FormatRecord.Problem> problems) {
        if (text == null) return null;
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            problems.add(new FormatRecord.Problem("地块面积", "'" + text + "' is not a number (hectares)"));
            return null;
        }
    }

    private Geometry geometry(String kind, List<Ring> rings, List<FormatRecord.Problem> problems) {
        if (kind.equals("点")) {
            List<Coordinate> all = new ArrayList<>();
            for (Ring r : rings) all.addAll(r.coordinates);
            return all.size() == 1
                    ? GF.createPoint(all.get(0))
                    : GF.createMultiPointFromCoords(
                            all.toArray(Coordinate[]::new));
        }
        if (kind.equals("线")) {
            List<LineString> lines = new ArrayList<>();
            for (Ring r : rings) {
                if (r.coordinates.size() < 2) {
                    problems.add(new FormatRecord.Problem("geometry", "line 圈号 " + r.number + " at line " + r.line
                            + " has fewer than 2 points"));
                    return null;
                }
                lines.add(GF.createLineString(r.coordinates.toArray(Coordinate[]::new)));
            }
            return lines.size() == 1 ? lines.get(0) : GF.createMultiLineString(lines.toArray(LineString[]::new));
        }
        List<LinearRing> linear = new ArrayList<>();
        for (Ring r : rings) {
            List<Coordinate> cs = new ArrayList<>(r.coordinates);
            if (!cs.get(0).equals2D(cs.get(cs.size() - 1))) cs.add(cs.get(0).copy());
            if (cs.size() < 4) {
                problems.add(new FormatRecord.Problem("geometry", "ring 圈号 " + r.number + " at " + name + ":" + r.line
                        + " has " + r.coordinates.size() + " points; a ring needs at least 3 distinct points"));
                return null;
            }
            linear.add(GF.createLinearRing(cs.toArray(Coordinate[]::new)));
        }
        return new RingAssembler(GF).byContainment(linear);
    }

    @Override
    public void close() {}
}
