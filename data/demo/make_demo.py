#!/usr/bin/env python3
"""Writes the synthetic demo workspace's sources: a fictitious hexagonal county split into two zones,
and three project points. Nothing here is real geography; it exists to show a second workspace
served beside a real plan by configuration alone. Run with Debian's python3 (shapely)."""
import json
import math
from pathlib import Path

from shapely.geometry import Point, Polygon, box

CX, CY, R = 110.15, 35.10, 0.12
NOTE = "示例数据，非真实地理 / synthetic demo data, not real geography"
HERE = Path(__file__).parent


def rounded(coords):
    return [[round(x, 6), round(y, 6)] for x, y in coords]


def collection(features):
    return {"type": "FeatureCollection", "name": "demo",
            "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4490"}}, "features": features}


def write(name, features):
    text = json.dumps(collection(features), ensure_ascii=False, indent=1)
    (HERE / name).write_text(text + "\n", encoding="utf-8")


ring = [(CX + R * math.cos(math.radians(a)), CY + 0.8 * R * math.sin(math.radians(a))) for a in range(0, 360, 60)]
county = Polygon(rounded(ring))
halves = {"D1": county.intersection(box(100, 30, CX, 40)), "D2": county.intersection(box(CX, 30, 120, 40))}
write("county_boundary.geojson", [{"type": "Feature", "id": "1",
      "properties": {"name_zh": "示例县（虚构）", "name_en": "Demo County (fictitious)", "note": NOTE},
      "geometry": {"type": "MultiPolygon", "coordinates": [[rounded(county.exterior.coords)]]}}])
names = {"D1": ("西部示例分区", "West demo zone"), "D2": ("东部示例分区", "East demo zone")}
write("restoration_zones.geojson", [{"type": "Feature", "id": code,
      "properties": {"zone_code": code, "name_zh": names[code][0], "name_en": names[code][1], "note": NOTE},
      "geometry": {"type": "MultiPolygon", "coordinates": [[rounded(g.exterior.coords)]]}}
                                    for code, g in halves.items()])
sites = [("P1", "示例项目甲", "Demo project A", 110.08, 35.10, "D1"),
         ("P2", "示例项目乙", "Demo project B", 110.20, 35.13, "D2"),
         ("P3", "示例项目丙", "Demo project C", 110.22, 35.06, "D2")]
for s in sites:
    assert halves[s[5]].contains(Point(s[3], s[4])), s
write("project_sites.geojson", [{"type": "Feature", "id": s[0],
      "properties": {"name_zh": s[1], "name_en": s[2], "zone_code": s[5], "note": NOTE},
      "geometry": {"type": "Point", "coordinates": [s[3], s[4]]}} for s in sites])
