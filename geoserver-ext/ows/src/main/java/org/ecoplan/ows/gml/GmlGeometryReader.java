package org.ecoplan.ows.gml;

import static org.ecoplan.ows.gml.GmlDom.attribute;
import static org.ecoplan.ows.gml.GmlDom.children;
import static org.ecoplan.ows.gml.GmlDom.local;

import java.util.ArrayList;
import java.util.List;
import org.ecoplan.catalog.crs.AxisConvention;
import org.ecoplan.catalog.crs.AxisOrder;
import org.ecoplan.catalog.crs.AxisOrders;
import org.ecoplan.catalog.crs.CrsName;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.catalog.query.QueryException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.w3c.dom.Element;

/**
 * Reads a GML geometry element into JTS: GML 2.1.2 (coordinates, coord, outerBoundaryIs /
 * innerBoundaryIs, Box, MultiPoint / MultiLineString / MultiPolygon), GML 3.1.1 and 3.2.1 (pos,
 * posList with srsDimension, exterior / interior, Envelope, Curve / LineStringSegment, Surface /
 * PolygonPatch, MultiCurve, MultiSurface, MultiGeometry). Elements are matched by local name, so
 * the GML 2/3.1.1 namespace and the GML 3.2 namespace both work.
 *
 * <p>The srsName of the outermost geometry applies to its members (GML 3.2.1 clause 10.1.3.1);
 * without one the reader's default CRS is used. Axis order is decided by {@link AxisOrders} for
 * the CRS name and the protocol's convention, and the result is always east/north.
 */
public final class GmlGeometryReader {
    private static final int MAX_DEPTH = 16;

    private final CrsName defaultCrs;
    private final AxisConvention convention;
    private final GeometryFactory factory = new GeometryFactory();

    /** How a geometry element is read: the CRS in force, its axis order and srsDimension. */
    private record Context(CrsName crs, AxisOrder order, int dimension, int depth) {}

    /**
     * @param defaultCrs the CRS of geometries without srsName (the caller's default, e.g. the
     *                   feature type's native CRS in the form the protocol advertises)
     * @param convention how axis order follows the CRS name (WFS 2.0: {@link AxisConvention#BY_FORM})
     */
    public GmlGeometryReader(CrsName defaultCrs, AxisConvention convention) {
        if (defaultCrs == null) throw new IllegalArgumentException("defaultCrs is required");
        this.defaultCrs = defaultCrs;
        this.convention = convention;
    }

    /** Whether an element is a geometry (or envelope) this reader understands. */
    public static boolean isGeometry(Element e) {
        return switch (local(e)) {
            case "Point", "LineString", "LinearRing", "Polygon", "Curve", "Surface", "MultiPoint", "MultiLineString",
                    "MultiCurve", "MultiPolygon", "MultiSurface", "MultiGeometry", "Envelope", "Box" ->
                true;
            default -> false;
        };
    }

    /**
     * Reads a geometry element.
     *
     * @throws QueryException for an unknown element, an unknown srsName, bad coordinates or an
     *                        invalid ring, naming the element
     */
    public GmlGeometry read(Element e) {
        CrsName crs = srsName(e, defaultCrs);
        Context ctx = new Context(crs, AxisOrders.of(crs, convention), dimension(e, 2), 0);
        Geometry g;
        try {
            g = geometry(e, ctx);
        } catch (IllegalArgumentException ex) {
            // JTS rejects unclosed rings, rings with fewer than four points, lines of one point
            throw new QueryException("invalid GML " + local(e) + ": " + ex.getMessage(), local(e));
        }
        g.setSRID(crs.crs().epsg());
        return new GmlGeometry(g, crs);
    }

    private Geometry geometry(Element e, Context parent) {
        if (parent.depth() > MAX_DEPTH) throw new QueryException("GML geometry nested too deeply", local(e));
        Context ctx = context(e, parent);
        String name = local(e);
        return switch (name) {
            case "Point" -> point(e, ctx);
            case "LineString" -> factory.createLineString(line(e, ctx, 2));
            case "LinearRing" -> ring(e, ctx);
            case "Curve" -> curve(e, ctx);
            case "Polygon", "PolygonPatch", "Rectangle" -> polygon(e, ctx);
            case "Surface" -> surface(e, ctx);
            case "Envelope", "Box" -> envelope(e, ctx);
            case "MultiPoint" -> factory.createMultiPoint(members(e, ctx, "pointMember", "pointMembers")
                    .stream().map(g -> cast(g, Point.class, "MultiPoint")).toArray(Point[]::new));
            case "MultiLineString", "MultiCurve" -> factory.createMultiLineString(
                    members(e, ctx, "lineStringMember", "curveMember", "curveMembers").stream()
                            .map(g -> cast(g, LineString.class, name)).toArray(LineString[]::new));
            case "MultiPolygon", "MultiSurface" -> factory.createMultiPolygon(polygons(
                    members(e, ctx, "polygonMember", "surfaceMember", "surfaceMembers"), name));
            case "MultiGeometry" -> factory.createGeometryCollection(
                    members(e, ctx, "geometryMember", "geometryMembers").toArray(Geometry[]::new));
            default -> throw new QueryException("unsupported GML geometry element '" + name + "'", name);
        };
    }

    /** A member with its own srsName must name the same CRS; its form may change the axis order. */
    private Context context(Element e, Context parent) {
        CrsName crs = parent.crs();
        if (!attribute(e, "srsName").isEmpty()) {
            CrsName own = srsName(e, parent.crs());
            if (own.crs().epsg() != crs.crs().epsg() || own.crs().isCrs84() != crs.crs().isCrs84()) {
                throw new QueryException("GML " + local(e) + " has srsName " + own.text() + " inside a geometry in "
                        + crs.text() + "; one geometry must use one CRS", local(e));
            }
            crs = own;
        }
        AxisOrder order = crs == parent.crs() ? parent.order() : AxisOrders.of(crs, convention);
        return new Context(crs, order, dimension(e, parent.dimension()), parent.depth() + 1);
    }

    private static CrsName srsName(Element e, CrsName fallback) {
        String srs = attribute(e, "srsName");
        if (srs.isEmpty()) return fallback;
        return CrsRegistry.parse(srs).orElseThrow(() -> new QueryException(
                "unknown srsName '" + GmlCoordinates.abbreviate(srs) + "' on GML " + local(e), "srsName"));
    }

    private static int dimension(Element e, int fallback) {
        String d = attribute(e, "srsDimension").isEmpty() ? attribute(e, "dimension") : attribute(e, "srsDimension");
        if (d.isBlank()) return fallback;
        try {
            int n = Integer.parseInt(d.trim());
            if (n < 2 || n > 4) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException ex) {
            throw new QueryException("srsDimension '" + d + "' on GML " + local(e) + " must be 2, 3 or 4",
                    "srsDimension");
        }
    }

    private Point point(Element e, Context ctx) {
        Coordinate[] c = positions(e, ctx);
        if (c.length != 1) throw new QueryException("GML Point needs exactly one position, found " + c.length, "Point");
        return factory.createPoint(c[0]);
    }

    /** The positions of a Point, LineString, LinearRing or LineStringSegment, in any encoding. */
    private Coordinate[] positions(Element e, Context ctx) {
        String where = local(e);
        List<Coordinate> out = new ArrayList<>();
        for (Element c : children(e)) {
            Context cc = context(c, ctx);
            switch (local(c)) {
                case "pos" -> out.add(GmlCoordinates.pos(c.getTextContent(), cc.order(), where));
                case "posList" ->
                    out.addAll(GmlCoordinates.posList(c.getTextContent(), cc.dimension(), cc.order(), where));
                case "coordinates" ->
                    out.addAll(GmlCoordinates.coordinates(c.getTextContent(), c.getAttribute("decimal"),
                            c.getAttribute("cs"), c.getAttribute("ts"), cc.order(), where));
                case "coord" -> out.add(coord(c, cc.order(), where));
                case "pointProperty", "pointRep" -> {
                    List<Element> p = children(c);
                    if (p.size() != 1)
                        throw new QueryException(where + ": " + local(c) + " must hold one Point", where);
                    out.add(point(p.get(0), context(p.get(0), cc)).getCoordinate());
                }
                case "Point" -> out.add(point(c, cc).getCoordinate());
                default -> { /* gml:name, gml:description and the like carry no positions */ }
            }
        }
        return out.toArray(Coordinate[]::new);
    }

    private static Coordinate coord(Element c, AxisOrder order, String where) {
        String x = null;
        String y = null;
        for (Element o : children(c)) {
            if (local(o).equals("X")) x = o.getTextContent();
            else if (local(o).equals("Y")) y = o.getTextContent();
        }
        if (x == null || y == null) throw new QueryException(where + ": gml:coord needs X and Y", where);
        return GmlCoordinates.coordinate(GmlCoordinates.number(x, where), GmlCoordinates.number(y, where), order);
    }

    private Coordinate[] line(Element e, Context ctx, int minimum) {
        Coordinate[] c = positions(e, ctx);
        if (c.length < minimum) {
            throw new QueryException("GML " + local(e) + " needs at least " + minimum + " positions, found " + c.length,
                    local(e));
        }
        return c;
    }

    private LinearRing ring(Element e, Context ctx) {
        if (local(e).equals("Ring")) {
            // a Ring of curve members: join the members' positions into one closed line
            List<Coordinate> all = new ArrayList<>();
            for (Geometry g : members(e, ctx, "curveMember")) append(all, g.getCoordinates());
            return factory.createLinearRing(all.toArray(Coordinate[]::new));
        }
        if (!local(e).equals("LinearRing"))
            throw new QueryException("expected a LinearRing, found " + local(e), local(e));
        return factory.createLinearRing(line(e, ctx, 4));
    }

    private LineString curve(Element e, Context ctx) {
        List<Coordinate> all = new ArrayList<>();
        for (Element segments : children(e)) {
            if (!local(segments).equals("segments")) continue;
            for (Element s : children(segments)) {
                if (!local(s).equals("LineStringSegment")) {
                    throw new QueryException("only LineStringSegment curve segments are supported, found " + local(s),
                            local(s));
                }
                append(all, line(s, context(s, ctx), 2));
            }
        }
        if (all.size() < 2) throw new QueryException("GML Curve needs segments with at least two positions", "Curve");
        return factory.createLineString(all.toArray(Coordinate[]::new));
    }

    /** Appends a segment, dropping its first position when it repeats the previous segment's last. */
    private static void append(List<Coordinate> all, Coordinate[] segment) {
        for (int i = 0; i < segment.length; i++) {
            if (i == 0 && !all.isEmpty() && all.get(all.size() - 1).equals2D(segment[0])) continue;
            all.add(segment[i]);
        }
    }

    private Polygon polygon(Element e, Context ctx) {
        LinearRing shell = null;
        List<LinearRing> holes = new ArrayList<>();
        for (Element b : children(e)) {
            String n = local(b);
            boolean outer = n.equals("exterior") || n.equals("outerBoundaryIs");
            boolean inner = n.equals("interior") || n.equals("innerBoundaryIs");
            if (!outer && !inner) continue;
            List<Element> r = children(b);
            if (r.size() != 1) throw new QueryException("GML " + n + " must hold one ring", n);
            LinearRing ring = ring(r.get(0), context(r.get(0), ctx));
            if (outer) {
                if (shell != null) throw new QueryException("GML " + local(e) + " has two exterior rings", local(e));
                shell = ring;
            } else {
                holes.add(ring);
            }
        }
        if (shell == null) throw new QueryException("GML " + local(e) + " has no exterior ring", local(e));
        return factory.createPolygon(shell, holes.toArray(LinearRing[]::new));
    }

    private Geometry surface(Element e, Context ctx) {
        List<Polygon> parts = new ArrayList<>();
        for (Element patches : children(e)) {
            if (!local(patches).equals("patches") && !local(patches).equals("polygonPatches")) continue;
            for (Element p : children(patches)) parts.add(polygon(p, context(p, ctx)));
        }
        if (parts.isEmpty()) throw new QueryException("GML Surface has no PolygonPatch", "Surface");
        return parts.size() == 1 ? parts.get(0) : factory.createMultiPolygon(parts.toArray(Polygon[]::new));
    }

    /** gml:Envelope (lowerCorner / upperCorner, or two pos) and GML 2 gml:Box, as a polygon. */
    private Geometry envelope(Element e, Context ctx) {
        List<Coordinate> corners = new ArrayList<>();
        for (Element c : children(e)) {
            String n = local(c);
            if (n.equals("lowerCorner") || n.equals("upperCorner") || n.equals("pos")) {
                corners.add(GmlCoordinates.pos(c.getTextContent(), ctx.order(), local(e)));
            }
        }
        if (corners.isEmpty()) corners.addAll(List.of(positions(e, ctx)));
        if (corners.size() != 2)
            throw new QueryException("GML " + local(e) + " needs two corners, found " + corners.size(), local(e));
        Envelope env = new Envelope(corners.get(0), corners.get(1));
        return factory.toGeometry(env);
    }

    private List<Geometry> members(Element e, Context ctx, String... memberNames) {
        List<Geometry> out = new ArrayList<>();
        for (Element m : children(e)) {
            if (!List.of(memberNames).contains(local(m))) continue;
            for (Element g : children(m)) out.add(geometry(g, ctx));
        }
        return out;
    }

    private Polygon[] polygons(List<Geometry> members, String where) {
        List<Polygon> out = new ArrayList<>();
        for (Geometry g : members) {
            if (g instanceof Polygon p) out.add(p);
            else if (g.getGeometryType().equals("MultiPolygon")) {
                for (int i = 0; i < g.getNumGeometries(); i++) out.add((Polygon) g.getGeometryN(i));
            } else
                throw new QueryException(
                        "GML " + where + " member must be a polygon or surface, found " + g.getGeometryType(), where);
        }
        return out.toArray(Polygon[]::new);
    }

    private static <T extends Geometry> T cast(Geometry g, Class<T> type, String where) {
        if (!type.isInstance(g)) {
            throw new QueryException(
                    "GML " + where + " member must be a " + type.getSimpleName() + ", found " + g.getGeometryType(),
                    where);
        }
        return type.cast(g);
    }
}
