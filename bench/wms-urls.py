#!/usr/bin/python3
"""Writes the request paths of the two WMS benchmark workloads for one server.

tiles:  256x256 PNG GetMap tiles in EPSG:3857, every XYZ tile over the county at zooms 10-14
county: 1024x768 PNG GetMap of the whole county in EPSG:4490 (WMS 1.3.0, lat/lon axis order)
usage: wms-urls.py PREFIX LAYERS OUTDIR   (PREFIX e.g. /wms? or /mapserv?map=/x/plan.map&)
"""
import math, sys

prefix, layers, out = sys.argv[1], sys.argv[2], sys.argv[3]
W, S, E, N = 113.47986, 39.83077, 114.04066, 40.51673
R = 6378137.0
ORIGIN = math.pi * R

def tile_range(z):
    def xy(lon, lat):
        n = 2 ** z
        x = int((lon + 180) / 360 * n)
        y = int((1 - math.log(math.tan(math.radians(lat)) + 1 / math.cos(math.radians(lat))) / math.pi) / 2 * n)
        return x, y
    x0, y0 = xy(W, N)
    x1, y1 = xy(E, S)
    return x0, x1, y0, y1

common = "SERVICE=WMS&REQUEST=GetMap&STYLES=&FORMAT=image/png&TRANSPARENT=TRUE&LAYERS=" + layers
with open(out + "/tiles.txt", "w") as f:
    for z in range(10, 15):
        x0, x1, y0, y1 = tile_range(z)
        size = 2 * ORIGIN / 2 ** z
        for x in range(x0, x1 + 1):
            for y in range(y0, y1 + 1):
                minx = -ORIGIN + x * size
                maxy = ORIGIN - y * size
                f.write(f"{prefix}{common}&VERSION=1.1.1&SRS=EPSG:3857&WIDTH=256&HEIGHT=256"
                        f"&BBOX={minx:.3f},{maxy - size:.3f},{minx + size:.3f},{maxy:.3f}\n")
with open(out + "/county.txt", "w") as f:
    # a few slightly different views so no server can answer from a response cache
    for k in range(8):
        d = 0.002 * k
        f.write(f"{prefix}{common}&VERSION=1.3.0&CRS=EPSG:4490&WIDTH=1024&HEIGHT=768"
                f"&BBOX={S - 0.02 + d:.5f},{W - 0.2 + d:.5f},{N + 0.02 + d:.5f},{E + 0.2 + d:.5f}\n")
