"""The schematic plan geometry (zones, belts, mountains, barrier, key areas), built from the real
county boundary, the real Sanggan line, the Inner Mongolia border segments and the estimated
mountain / seat positions in the shared base data. Every constant here is a drawing decision of
the project, not a plan figure."""
import json
import os

from shapely import ops
from shapely.geometry import MultiPolygon, Polygon, shape

from geo import area_km2, buffer_m, ellipse, polygonal

# The western lobe (采凉山, 长城乡, west 王官屯镇) is cut off along this schematic divide.
NW_DIVIDE = [(113.40, 40.60), (113.655, 40.60), (113.655, 40.37), (113.645, 40.30),
             (113.635, 40.18), (113.40, 40.18)]
# The 天镇县 side of the north-east corner joins the northern zone rather than the basin.
NE_CORNER = [(113.90, 40.41), (114.10, 40.41), (114.10, 40.60), (113.90, 40.60)]
NORTH_BUFFER_M = 7000      # 北部水源涵养与防风固沙修复区: inward from the Inner Mongolia border
BARRIER_BUFFER_M = 6000    # 一屏障: inward from the Inner Mongolia border
SANGGAN_ZONE_M = 2000      # 桑干河湿地水生态修复区: half-width of the corridor
SANGGAN_BELT_M = 1200      # 生态景观带 of the Sanggan: half-width
SLIVER_KM2 = 1.0           # zone parts smaller than this are handed to the neighbour


def _load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


class Base:
    """The real features read from /work/shared/data."""

    def __init__(self, shared):
        self.shared = shared
        b = _load(os.path.join(shared, "yanggao-boundary.geojson"))["features"][0]
        self.county_props = b["properties"]
        self.county = shape(b["geometry"])
        r = _load(os.path.join(shared, "rivers.geojson"))["features"][0]
        self.river_props = r["properties"]
        self.river_full = shape(r["geometry"])
        self.river = self.county.intersection(self.river_full)
        segs = _load(os.path.join(shared, "yanggao-border-segments.geojson"))["features"]
        self.im_border = ops.unary_union([shape(s["geometry"]) for s in segs
                                          if s["properties"]["neighbour"] in ("丰镇市", "兴和县")])
        self.places = {}
        for p in _load(os.path.join(shared, "places.geojson"))["features"]:
            self.places[p["properties"]["name"]] = p

    def xy(self, name_prefix):
        for name, p in self.places.items():
            if name.startswith(name_prefix):
                return tuple(p["geometry"]["coordinates"])
        raise KeyError(name_prefix)


def _south_of_river(base):
    """County parts south of the Sanggan line (the 六棱山 lobe)."""
    pieces = ops.split(base.county, base.river_full)
    south = [p for p in pieces.geoms if p.representative_point().y < 39.96]
    return ops.unary_union(south)


def _absorb_slivers(zones):
    """Give every zone part below SLIVER_KM2 to the zone it shares the longest edge with."""
    codes = list(zones)
    for code in codes:
        keep = []
        for part in polygonal(zones[code]).geoms:
            if area_km2(part) >= SLIVER_KM2:
                keep.append(part)
                continue
            best, best_len = None, 0.0
            for other in codes:
                if other == code:
                    continue
                shared = part.boundary.intersection(zones[other].boundary).length
                if shared > best_len:
                    best, best_len = other, shared
            if best is None:
                if area_km2(part) > 1e-6:   # a real island no zone touches: keep it
                    keep.append(part)
            else:
                zones[best] = zones[best].union(part)
        zones[code] = MultiPolygon(keep) if keep else MultiPolygon()
    return zones


def restoration_zones(base):
    """Z1..Z5 as an exact partition of the county (before rounding)."""
    county = base.county
    z1 = county.intersection(Polygon(NW_DIVIDE))
    z4 = county.intersection(buffer_m(base.river_full, SANGGAN_ZONE_M))
    z5 = _south_of_river(base).difference(z4)
    north = buffer_m(base.im_border, NORTH_BUFFER_M).union(Polygon(NE_CORNER))
    z3 = county.intersection(north).difference(z1)
    z2 = county.difference(ops.unary_union([z1, z3, z4, z5]))
    zones = {"Z1": z1, "Z2": z2, "Z3": z3, "Z4": z4, "Z5": z5}
    zones = {k: polygonal(v) for k, v in zones.items()}
    return _absorb_slivers(zones)


def mountains(base):
    """Conservation areas (生态保育片区) of the four mountains, ellipses around the estimates."""
    spec = [
        ("M1", "六棱山", base.xy("六棱山"), 7000, 4500, 0),
        ("M2", "大泉山", base.xy("大泉山"), 3500, 2800, 20),
        ("M3", "采凉山", base.xy("采凉山"), 5500, 4500, 30),
        ("M4", "云门山", base.xy("云门山"), 4500, 2600, 15),
    ]
    out = []
    for code, name, (lon, lat), rx, ry, rot in spec:
        out.append((code, name, polygonal(base.county.intersection(ellipse(lon, lat, rx, ry, rot)))))
    return out


def barrier(base):
    return polygonal(base.county.intersection(buffer_m(base.im_border, BARRIER_BUFFER_M)))


def baideng_area(base):
    """General area (no course) around 大白登镇, seat of the Jin 白登县 named after the 白登河."""
    lon, lat = base.xy("大白登镇")
    return polygonal(base.county.intersection(ellipse(lon, lat, 4000, 4000)))


def sanggan_belt(base):
    return polygonal(base.county.intersection(buffer_m(base.river_full, SANGGAN_BELT_M)))
