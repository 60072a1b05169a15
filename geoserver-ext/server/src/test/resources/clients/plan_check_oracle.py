"""Independent overlap areas for the plan-check test: shapely (GEOS) and pyproj (PROJ) from
Debian, not the server's JTS and proj4j. Reads {"site": GeoJSON geometry (CRS84),
"features": GeoJSON FeatureCollection (CRS84), "epsg": n} on stdin; prints {"site": m2,
"overlaps": {feature id: m2}} with each geometry projected vertex by vertex to EPSG:n and
intersected there."""
import json
import sys

from pyproj import Transformer
from shapely.geometry import mapping, shape
from shapely.ops import transform

data = json.load(sys.stdin)
to_plane = Transformer.from_crs("OGC:CRS84", "EPSG:%d" % data["epsg"], always_xy=True).transform
site = transform(to_plane, shape(data["site"]))
out = {"site": site.area, "overlaps": {}}
for f in data["features"]["features"]:
    g = transform(to_plane, shape(f["geometry"]))
    a = g.intersection(site).area
    if a > 0:
        out["overlaps"][f["id"]] = a
json.dump(out, sys.stdout)
