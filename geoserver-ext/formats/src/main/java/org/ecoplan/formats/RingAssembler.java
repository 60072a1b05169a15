package org.ecoplan.formats;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * Builds a Polygon or MultiPolygon from a flat list of rings, as formats that store rings without
 * saying which shell a hole belongs to need: the Shapefile's Polygon (shells clockwise, holes
 * counter-clockwise, in any order) and the 界址点坐标 parcel (rings numbered, holes not marked).
 * Each hole goes to the smallest shell that contains it; a hole that no shell contains becomes a
 * shell of its own, which is what the data most likely meant.
 */
final class RingAssembler {
    private final GeometryFactory factory;

    RingAssembler(GeometryFactory factory) { this.factory = factory; }

    /** Shells are the clockwise rings (ESRI Shapefile Technical Description, "Polygon"). */
    Geometry byOrientation(List<LinearRing> rings) {
        List<LinearRing> shells = new ArrayList<>();
        List<LinearRing> holes = new ArrayList<>();
        for (LinearRing r : rings) {
            // JTS signs clockwise area positive; a degenerate ring of zero area cannot be a hole
            if (Area.ofRingSigned(r.getCoordinates()) >= 0) shells.add(r);
            else holes.add(r);
        }
        if (shells.isEmpty()) return assemble(holes, List.of());
        return assemble(shells, holes);
    }

    /** The first ring is a shell; every other ring is a hole of a shell it lies in, or a further shell. */
    Geometry byContainment(List<LinearRing> rings) {
        List<LinearRing> shells = new ArrayList<>(List.of(rings.get(0)));
        List<LinearRing> holes = new ArrayList<>();
        for (LinearRing r : rings.subList(1, rings.size())) {
            if (containing(shells, r) != null) holes.add(r);
            else shells.add(r);
        }
        return assemble(shells, holes);
    }

    private Geometry assemble(List<LinearRing> shells, List<LinearRing> holes) {
        List<List<LinearRing>> holesOf = new ArrayList<>();
        List<LinearRing> allShells = new ArrayList<>(shells);
        for (int i = 0; i < shells.size(); i++) holesOf.add(new ArrayList<>());
        for (LinearRing h : holes) {
            LinearRing shell = containing(shells, h);
            if (shell == null) {
                allShells.add(h);
                holesOf.add(new ArrayList<>());
            } else {
                holesOf.get(shells.indexOf(shell)).add(h);
            }
        }
        Polygon[] polygons = new Polygon[allShells.size()];
        for (int i = 0; i < polygons.length; i++) {
            polygons[i] = factory.createPolygon(allShells.get(i), holesOf.get(i).toArray(LinearRing[]::new));
        }
        return polygons.length == 1 ? polygons[0] : factory.createMultiPolygon(polygons);
    }

    /** The smallest shell that has the ring inside it, or null. */
    private static LinearRing containing(List<LinearRing> shells, LinearRing ring) {
        LinearRing best = null;
        double bestArea = Double.POSITIVE_INFINITY;
        for (LinearRing s : shells) {
            if (s == ring || !s.getEnvelopeInternal().covers(ring.getEnvelopeInternal())) continue;
            if (!inside(ring, s.getCoordinates())) continue;
            double a = Math.abs(Area.ofRingSigned(s.getCoordinates()));
            if (a < bestArea) {
                best = s;
                bestArea = a;
            }
        }
        return best;
    }

    /** Whether the ring lies inside the shell: its first vertex not on the shell's boundary is interior. */
    private static boolean inside(LinearRing ring, Coordinate[] shell) {
        for (Coordinate c : ring.getCoordinates()) {
            int where = PointLocation.locateInRing(c, shell);
            if (where != Location.BOUNDARY) return where == Location.INTERIOR;
        }
        return true; // every vertex on the boundary: as good as inside
    }
}
