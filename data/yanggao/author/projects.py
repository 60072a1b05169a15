"""The three project layers of 项目安排 (areas, lines, sites). Every feature is a generic,
clearly schematic example of one of the plan's 17 project types, drawn strictly inside one
restoration zone so that the zone containing its interior point is unambiguous."""
from shapely.geometry import MultiLineString, Point

import plan_text as T
from geo import buffer_m, ellipse, lineal, polygonal

INSET_M = 150          # features stay this far inside their zone
# The plan sets its periods (近期 2021—2025, 中远期 2026—2035) but puts no project in either:
# the phase of every project is 未明确 (not stated), and no phase years are given.
PHASE_NOT_STATED = "未明确"
# The key area whose theme each project type belongs to (forest, water, mines).
TYPE_KEY_AREA = {"T01": "KA1", "T02": "KA1", "T03": "KA2", "T04": "KA2", "T05": "KA2", "T06": "KA2",
                 "T14": "KA2", "T15": "KA1", "T16": "KA3", "T17": "KA3"}
CGCS = "Lon/lat; CGCS2000 (EPSG:4490) equals WGS 84 here to within centimetres."


def _props(code, type_code, zone, key_area, how):
    programme, programme_zh, type_zh = T.TYPE_PROGRAMME[type_code]
    return {
        "project_code": code, "programme": programme, "programme_zh": programme_zh,
        "project_type": type_code, "project_type_zh": type_zh,
        # named by type and code only: a place name would suggest a designation the plan does not make
        "name_zh": f"{type_zh}示例 {code}（示意）", "zone_code": zone,
        "key_area": key_area, "phase": PHASE_NOT_STATED, "status": "规划",
        "measures": T.measures_text(type_code),
        "schematic": True, "confidence": "very low",
        "provenance": ("Illustrative example of a plan project type; the plan gives no project list, sites, "
                       "amounts or dates. Geometry drawn by the project as " + how + ", kept inside zone "
                       + zone + ". The plan states no phase for any project (phase 未明确); status 规划 (planned) because the "
                       "plan states none; measures are the 生态修复对策 bullets the project judged applicable. "
                       + CGCS),
    }


def _key_area(type_code, geom, kas):
    """The key area whose theme matches the project type, if the feature's interior point lies in it."""
    k = TYPE_KEY_AREA.get(type_code)
    return k if k is not None and kas[k].contains(geom.representative_point()) else None


def build(base, zones, kas):
    inner = {z: polygonal(buffer_m(g, -INSET_M)) for z, g in zones.items()}
    xy = base.xy
    seat = xy("龙泉镇")

    def area(z, shape):
        return polygonal(inner[z].intersection(shape))

    def line(z, shape):
        return lineal(inner[z].intersection(shape))

    areas = [
        ("A01", "T01", "Z5",
         area("Z5", ellipse(*xy("六棱山"), 6000, 4000)), "an ellipse on the estimated 六棱山"),
        ("A02", "T01", "Z3",
         area("Z3", ellipse(*xy("云门山"), 4000, 2400, 15)), "an ellipse on the estimated 云门山"),
        ("A03", "T02", "Z3",
         area("Z3", ellipse(113.86, 40.465, 5000, 2500, 20)), "an ellipse in the northern hills near the border"),
        ("A04", "T03", "Z5",
         area("Z5", ellipse(113.93, 39.92, 2500, 1800)), "an ellipse on the northern foot of the estimated 六棱山"),
        ("A05", "T08", "Z2",
         area("Z2", ellipse(*seat, 2200, 2200)), "a 2.2 km disc around the county seat"),
        ("A06", "T10", "Z2",
         area("Z2", ellipse(113.88, 40.27, 4500, 3500)), "an ellipse in the central basin farmland near 狮子屯乡"),
        ("A07", "T11", "Z2",
         area("Z2", ellipse(113.83, 40.34, 3500, 2500)), "an ellipse in the basin east of the county seat"),
        ("A08", "T12", "Z2",
         area("Z2", ellipse(113.675, 40.255, 3500, 3000)), "an ellipse around the estimated seat of 下深井乡"),
        ("A09", "T13", "Z2",
         area("Z2", ellipse(*xy("古城镇"), 2500, 2500)), "a 2.5 km disc around the estimated seat of 古城镇"),
        ("A10", "T14", "Z4",
         area("Z4", buffer_m(base.river_full, 1000)), "a 1 km buffer of the real 桑干河 line"),
        ("A11", "T15", "Z2",
         area("Z2", ellipse(*xy("大泉山"), 2800, 2200)), "an ellipse on the estimated 大泉山"),
        ("A12", "T16", "Z1",
         area("Z1", ellipse(*xy("采凉山"), 4000, 3000, 30)), "an ellipse on the estimated 采凉山 (lead–zinc)"),
    ]
    ring = ellipse(*seat, 1800, 1800).exterior
    lines = [
        ("L01", "T04", "Z4",
         line("Z4", base.river_full), "the real 桑干河 line"),
        ("L02", "T06", "Z4",
         line("Z4", buffer_m(base.river_full, 500).boundary), "both banks, 500 m either side of the real 桑干河 line"),
        ("L03", "T05", "Z5",
         line("Z5", MultiLineString([[(113.875, 39.885), (113.88, 39.91), (113.885, 39.94)],
                                     [(113.92, 39.895), (113.925, 39.915), (113.935, 39.945)],
                                     [(113.85, 39.90), (113.86, 39.925), (113.865, 39.945)]])),
         "three short gullies drawn down the northern slope of the estimated 六棱山 towards the 桑干河"),
        ("L04", "T05", "Z3",
         line("Z3", MultiLineString([[(113.71, 40.445), (113.715, 40.43), (113.72, 40.41)],
                                     [(113.80, 40.48), (113.805, 40.46), (113.81, 40.44)]])),
         "two short gullies drawn down from the border hills near 守口堡"),
        ("L05", "T07", "Z2",
         line("Z2", MultiLineString([list(ring.coords), [(113.745, 40.344), (113.76, 40.30), (113.775, 40.262)]])),
         "a 1.8 km ring around the county seat and a link towards 大白登镇"),
    ]
    sites = [
        ("S01", "T09", "Z2", Point(113.752, 40.352),
         "a point in the county town (estimated seat ±500 m)"),
        ("S02", "T09", "Z2", Point(113.727, 40.368),
         "a point in the county town (estimated seat ±500 m)"),
        ("S03", "T17", "Z1", Point(113.545, 40.285),
         "a point on the estimated 采凉山 massif"),
        ("S04", "T17", "Z1", Point(113.585, 40.25),
         "a point on the estimated 采凉山 massif"),
    ]
    out = {}
    for layer, rows in (("project_areas", areas), ("project_lines", lines), ("project_sites", sites)):
        feats = []
        for code, t, zone, geom, how in rows:
            if geom.is_empty:
                raise ValueError(f"{code}: empty geometry after clipping to {zone}")
            if not inner[zone].contains(geom.representative_point()):
                raise ValueError(f"{code}: not inside zone {zone}")
            feats.append((_props(code, t, zone, _key_area(t, geom, kas), how), geom))
        out[layer] = feats
    return out
