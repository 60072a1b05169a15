"""Geometry helpers for the Yanggao plan authoring script: metric buffers in EPSG:4547
(CGCS2000 / 3-degree Gauss-Kruger CM 114E), fixed 1e-5 degree rounding, type normalisation."""

from pyproj import Transformer
from shapely import affinity, ops
from shapely.geometry import (GeometryCollection, LineString, MultiLineString,
                              MultiPolygon, Point, Polygon, mapping)
from shapely.geometry.polygon import orient

_TO_M = Transformer.from_crs("EPSG:4490", "EPSG:4547", always_xy=True).transform
_TO_DEG = Transformer.from_crs("EPSG:4547", "EPSG:4490", always_xy=True).transform
DIGITS = 5


def to_m(g):
    return ops.transform(_TO_M, g)


def to_deg(g):
    return ops.transform(_TO_DEG, g)


def buffer_m(g, metres, resolution=16):
    """Buffer a lon/lat geometry by a distance in metres (computed in EPSG:4547)."""
    return to_deg(to_m(g).buffer(metres, resolution))


def ellipse(lon, lat, rx_m, ry_m, rotate_deg=0.0):
    """An ellipse in metres around a lon/lat centre, returned in lon/lat."""
    c = to_m(Point(lon, lat))
    e = affinity.scale(c.buffer(1.0, 32), rx_m, ry_m)
    e = affinity.rotate(e, rotate_deg, origin=c)
    return to_deg(e)


def area_km2(g):
    return to_m(g).area / 1e6


def length_km(g):
    return to_m(g).length / 1e3


def polygonal(g):
    """Only the polygon parts of a geometry, as a MultiPolygon (empty if none)."""
    if g.is_empty:
        return MultiPolygon()
    if isinstance(g, Polygon):
        return MultiPolygon([g])
    if isinstance(g, MultiPolygon):
        return g
    if isinstance(g, GeometryCollection):
        parts = []
        for p in g.geoms:
            parts.extend(polygonal(p).geoms)
        return MultiPolygon(parts)
    return MultiPolygon()


def lineal(g):
    if g.is_empty:
        return MultiLineString()
    if isinstance(g, LineString):
        return MultiLineString([g])
    if isinstance(g, MultiLineString):
        return ops.linemerge(g) if len(g.geoms) > 1 else g
    if isinstance(g, GeometryCollection):
        parts = []
        for p in g.geoms:
            parts.extend(lineal(p).geoms)
        return MultiLineString(parts)
    return MultiLineString()


def _round_xy(x, y, z=None):
    if isinstance(x, float):
        return round(x, DIGITS), round(y, DIGITS)
    return [round(v, DIGITS) for v in x], [round(v, DIGITS) for v in y]


def rounded(g):
    """Round to 1e-5 degrees; repair polygons that rounding made invalid; drop empty parts."""
    r = ops.transform(_round_xy, g)
    for _ in range(5):
        if r.is_valid:
            break
        r = ops.transform(_round_xy, r.buffer(0))
    if not r.is_valid:
        raise ValueError("geometry still invalid after rounding")
    if isinstance(g, (Polygon, MultiPolygon)):
        r = MultiPolygon([orient(p, 1.0) for p in polygonal(r).geoms if p.area > 0])
    elif isinstance(g, (LineString, MultiLineString)):
        r = lineal(r)
        r = MultiLineString([l for l in r.geoms if l.length > 0])
    return r


def geojson_geometry(g):
    """RFC 7946 geometry dict with lists (not tuples) of rounded coordinates."""
    def lists(o):
        if isinstance(o, (list, tuple)):
            if o and isinstance(o[0], (int, float)):
                return [round(float(v), DIGITS) for v in o[:2]]
            return [lists(v) for v in o]
        return o
    m = mapping(g)
    return {"type": m["type"], "coordinates": lists(m["coordinates"])}
