#!/usr/bin/python3
"""Writes the request paths of the tile benchmark: every WebMercatorQuad tile over the county at
zooms 10-14 (the tiles of bench/wms-urls.py, in the same order) as XYZ paths of this service.

usage: tile-urls.py LAYER OUTFILE
"""
import math, sys

layer, out = sys.argv[1], sys.argv[2]
W, S, E, N = 113.47986, 39.83077, 114.04066, 40.51673  # the county, as in bench/wms-urls.py

def tile(lon, lat, z):
    n = 2 ** z
    x = int((lon + 180) / 360 * n)
    y = int((1 - math.log(math.tan(math.radians(lat)) + 1 / math.cos(math.radians(lat))) / math.pi) / 2 * n)
    return x, y

with open(out, "w") as f:
    for z in range(10, 15):
        x0, y0 = tile(W, N, z)
        x1, y1 = tile(E, S, z)
        for x in range(x0, x1 + 1):
            for y in range(y0, y1 + 1):
                f.write(f"/tiles/{layer}/WebMercatorQuad/{z}/{x}/{y}.png\n")
