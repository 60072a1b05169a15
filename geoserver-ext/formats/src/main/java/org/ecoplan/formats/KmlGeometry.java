package org.ecoplan.formats;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;

/**
 * Reads one KML 2.2 geometry element (OGC 07-147r2 §10) at the cursor: Point, LineString,
 * LinearRing, Polygon (outerBoundaryIs / innerBoundaryIs) and MultiGeometry, with
 * {@code <coordinates>} as whitespace-separated "lon,lat[,alt]" tuples (§16.9). The element is
 * first read whole into a small tree, so the cursor always ends on its end tag, readable or not.
 * A MultiGeometry of one kind becomes the matching multi type, of mixed kinds a
 * GeometryCollection.
 */
final class KmlGeometry {
    /** A geometry, or why there is none. */
    record Result(Geometry geometry, String problem) {}

    /** An element of the geometry: local name, children, and its text when it has no children. */
    private record Node(String name, List<Node> children, String text) {
        List<Node> all(String n) {
            return children.stream().filter(c -> c.name.equals(n)).toList();
        }
    }

    private static final GeometryFactory GF = new GeometryFactory();
    private static final int MAX_DEPTH = 32;

    private KmlGeometry() {}

    /** Reads the geometry element the cursor is on (a START_ELEMENT). */
    static Result read(XMLStreamReader xml) throws XMLStreamException {
        Node n = node(xml, 0);
        try {
            return new Result(geometry(n), null);
        } catch (IllegalArgumentException e) {
            return new Result(null, e.getMessage());
        }
    }

    private static Node node(XMLStreamReader xml, int depth) throws XMLStreamException {
        if (depth > MAX_DEPTH) throw new XMLStreamException("geometry nested too deeply", xml.getLocation());
        String name = xml.getLocalName();
        List<Node> children = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (true) {
            int ev = xml.next();
            switch (ev) {
                case XMLStreamConstants.START_ELEMENT -> children.add(node(xml, depth + 1));
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    text.append(xml.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    return new Node(name, children, text.toString());
                }
                default -> {
                    // comments and processing instructions carry no geometry
                }
            }
        }
    }

    private static Geometry geometry(Node n) {
        return switch (n.name()) {
            case "Point" -> {
                Coordinate[] cs = coordinates(n);
                if (cs.length != 1) throw new IllegalArgumentException("a Point needs exactly one coordinate");
                yield GF.createPoint(cs[0]);
            }
            case "LineString" -> {
                Coordinate[] cs = coordinates(n);
                if (cs.length < 2) throw new IllegalArgumentException("a LineString needs at least 2 coordinates");
                yield GF.createLineString(cs);
            }
            case "LinearRing" -> GF.createPolygon(ring(n));
            case "Polygon" -> polygon(n);
            case "MultiGeometry" -> {
                List<Geometry> parts = new ArrayList<>();
                for (Node c : n.children()) parts.add(geometry(c));
                if (parts.isEmpty()) throw new IllegalArgumentException("an empty MultiGeometry");
                yield GF.buildGeometry(parts);
            }
            default -> throw new IllegalArgumentException("unsupported geometry <" + n.name() + ">");
        };
    }

    private static Geometry polygon(Node n) {
        List<Node> outer = n.all("outerBoundaryIs");
        if (outer.size() != 1 || outer.get(0).all("LinearRing").size() != 1) {
            throw new IllegalArgumentException("a Polygon needs one outerBoundaryIs with one LinearRing");
        }
        LinearRing shell = ring(outer.get(0).all("LinearRing").get(0));
        List<LinearRing> holes = new ArrayList<>();
        for (Node inner : n.all("innerBoundaryIs")) for (Node r : inner.all("LinearRing")) holes.add(ring(r));
        return GF.createPolygon(shell, holes.toArray(LinearRing[]::new));
    }

    private static Coordinate[] coordinates(Node n) {
        List<Node> c = n.all("coordinates");
        if (c.size() != 1) throw new IllegalArgumentException("<" + n.name() + "> needs one <coordinates>");
        List<Coordinate> out = new ArrayList<>();
        for (String tuple : c.get(0).text().strip().split("\\s+")) {
            if (tuple.isEmpty()) continue;
            String[] v = tuple.split(",");
            if (v.length < 2 || v.length > 3) {
                throw new IllegalArgumentException("coordinate tuple '" + tuple + "' is not lon,lat[,alt]");
            }
            try {
                double lon = Double.parseDouble(v[0]);
                double lat = Double.parseDouble(v[1]);
                out.add(v.length == 3 ? new Coordinate(lon, lat, Double.parseDouble(v[2])) : new Coordinate(lon, lat));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("coordinate tuple '" + tuple + "' is not numeric");
            }
        }
        return out.toArray(Coordinate[]::new);
    }

    private static LinearRing ring(Node n) {
        Coordinate[] cs = coordinates(n);
        if (cs.length > 0 && !cs[0].equals2D(cs[cs.length - 1])) {
            Coordinate[] closed = new Coordinate[cs.length + 1];
            System.arraycopy(cs, 0, closed, 0, cs.length);
            closed[cs.length] = cs[0].copy();
            cs = closed;
        }
        if (cs.length < 4) throw new IllegalArgumentException("a LinearRing needs at least 3 distinct coordinates");
        return GF.createLinearRing(cs);
    }
}
