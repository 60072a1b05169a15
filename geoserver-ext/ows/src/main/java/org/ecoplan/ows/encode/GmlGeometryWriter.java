package org.ecoplan.ows.encode;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.ecoplan.catalog.crs.AxisOrder;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes JTS geometries as GML: for 3.2.1 and 3.1.1 the Simple Features profile elements
 * (gml:Point/pos, gml:LineString/posList, gml:Polygon/exterior/interior/LinearRing,
 * gml:MultiPoint, gml:MultiCurve, gml:MultiSurface); for GML 2.1.2 gml:coordinates with
 * outerBoundaryIs / innerBoundaryIs and gml:MultiPolygon / MultiLineString.
 *
 * <p>Coordinates are written in the axis order the request's CRS name asks for (decided by
 * {@link org.ecoplan.catalog.crs.AxisOrders} before this writer is made); internally they are
 * always east/north. One instance serves one response (it keeps a scratch buffer).
 */
public final class GmlGeometryWriter {
    private final GmlVersion version;
    private final AxisOrder axisOrder;
    private final CoordinatePrecision precision;
    private final char[] digits = new char[CoordinatePrecision.MAX_CHARS];
    private final String gml;

    public GmlGeometryWriter(GmlVersion version, AxisOrder axisOrder, CoordinatePrecision precision) {
        this.version = version;
        this.axisOrder = axisOrder;
        this.precision = precision;
        this.gml = version.namespace();
    }

    /**
     * Writes the geometry element.
     *
     * @param srsName the srsName attribute of the outermost element, or null
     * @param id      gml:id of the outermost element (members get id + "." + n); required for GML 3.2
     */
    public void write(XMLStreamWriter w, Geometry g, String srsName, String id) throws XMLStreamException {
        if (g instanceof Point p) {
            start(w, "Point", srsName, id);
            if (version == GmlVersion.GML2) coordinates(w, p.getCoordinateSequence());
            else pos(w, p.getCoordinateSequence());
            w.writeEndElement();
        } else if (g instanceof LineString l) {
            start(w, "LineString", srsName, id);
            positions(w, l.getCoordinateSequence());
            w.writeEndElement();
        } else if (g instanceof Polygon p) {
            polygon(w, p, srsName, id);
        } else if (g instanceof MultiPoint) {
            multi(w, g, "MultiPoint", "pointMember", srsName, id);
        } else if (g instanceof MultiLineString) {
            multi(w, g, version == GmlVersion.GML2 ? "MultiLineString" : "MultiCurve",
                    version == GmlVersion.GML2 ? "lineStringMember" : "curveMember", srsName, id);
        } else if (g instanceof MultiPolygon) {
            multi(w, g, version == GmlVersion.GML2 ? "MultiPolygon" : "MultiSurface",
                    version == GmlVersion.GML2 ? "polygonMember" : "surfaceMember", srsName, id);
        } else {
            multi(w, g, "MultiGeometry", "geometryMember", srsName, id);
        }
    }

    private void start(XMLStreamWriter w, String element, String srsName, String id) throws XMLStreamException {
        w.writeStartElement("gml", element, gml);
        if (id != null && version != GmlVersion.GML2) w.writeAttribute("gml", gml, "id", id);
        if (srsName != null) w.writeAttribute("srsName", srsName);
    }

    private void multi(XMLStreamWriter w, Geometry g, String element, String member, String srsName, String id)
            throws XMLStreamException {
        start(w, element, srsName, id);
        for (int i = 0; i < g.getNumGeometries(); i++) {
            w.writeStartElement("gml", member, gml);
            write(w, g.getGeometryN(i), null, id == null ? null : id + "." + (i + 1));
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private void polygon(XMLStreamWriter w, Polygon p, String srsName, String id) throws XMLStreamException {
        start(w, "Polygon", srsName, id);
        boolean gml2 = version == GmlVersion.GML2;
        ring(w, gml2 ? "outerBoundaryIs" : "exterior", p.getExteriorRing().getCoordinateSequence());
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            ring(w, gml2 ? "innerBoundaryIs" : "interior", p.getInteriorRingN(i).getCoordinateSequence());
        }
        w.writeEndElement();
    }

    private void ring(XMLStreamWriter w, String role, CoordinateSequence seq) throws XMLStreamException {
        w.writeStartElement("gml", role, gml);
        w.writeStartElement("gml", "LinearRing", gml);
        positions(w, seq);
        w.writeEndElement();
        w.writeEndElement();
    }

    private void positions(XMLStreamWriter w, CoordinateSequence seq) throws XMLStreamException {
        if (version == GmlVersion.GML2) {
            coordinates(w, seq);
            return;
        }
        w.writeStartElement("gml", "posList", gml);
        w.writeAttribute("srsDimension", "2");
        StringBuilder sb = new StringBuilder(seq.size() * 24);
        for (int i = 0; i < seq.size(); i++) {
            if (i > 0) sb.append(' ');
            appendPosition(sb, seq, i, ' ');
        }
        w.writeCharacters(sb.toString());
        w.writeEndElement();
    }

    private void pos(XMLStreamWriter w, CoordinateSequence seq) throws XMLStreamException {
        w.writeStartElement("gml", "pos", gml);
        StringBuilder sb = new StringBuilder(32);
        if (seq.size() > 0) appendPosition(sb, seq, 0, ' ');
        w.writeCharacters(sb.toString());
        w.writeEndElement();
    }

    private void coordinates(XMLStreamWriter w, CoordinateSequence seq) throws XMLStreamException {
        w.writeStartElement("gml", "coordinates", gml);
        w.writeAttribute("decimal", ".");
        w.writeAttribute("cs", ",");
        w.writeAttribute("ts", " ");
        StringBuilder sb = new StringBuilder(seq.size() * 24);
        for (int i = 0; i < seq.size(); i++) {
            if (i > 0) sb.append(' ');
            appendPosition(sb, seq, i, ',');
        }
        w.writeCharacters(sb.toString());
        w.writeEndElement();
    }

    private void appendPosition(StringBuilder sb, CoordinateSequence seq, int i, char separator) {
        double first = axisOrder == AxisOrder.NORTH_EAST ? seq.getY(i) : seq.getX(i);
        double second = axisOrder == AxisOrder.NORTH_EAST ? seq.getX(i) : seq.getY(i);
        append(sb, first);
        sb.append(separator);
        append(sb, second);
    }

    private void append(StringBuilder sb, double v) {
        int n = precision.write(v, digits, 0);
        if (n >= 0) sb.append(digits, 0, n);
        else sb.append(precision.format(v));
    }
}
