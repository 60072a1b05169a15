#!/usr/bin/python3
"""Synthetic, deterministic parcels for the load benchmark (bench/load-bench.sh).

Writes N parcels (default 1,000,000) as a UTF-8 CSV with a WKT column to OUT (default
bench/results/load-data/parcels.csv, which git ignores): simple polygons of 10 to 20 vertices
(a jittered circle, so every ring is valid and does not cross itself) in a 1000-column grid over
the county's extent, EPSG:4490 lon/lat rounded to 1e-7 degrees, with a code, a land class, a
township, a year and an area estimate. The same N gives the same file.
Usage: make-data.py [N] [OUT]
"""
import math
import random
import sys
from pathlib import Path

WEST, EAST, SOUTH, NORTH = 113.48, 114.04, 39.83, 40.52
COLS = 1000
CLASSES = ["林地", "草地", "耕地", "湿地", "建设用地", "裸地"]
TOWNS = ["龙泉镇", "罗文皂镇", "大白登镇", "王官屯镇", "古城镇", "东小村镇", "狮子屯乡", "长城乡", "鳌石乡", "友宰镇", "下深井乡"]


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("bench/results/load-data/parcels.csv")
    out.parent.mkdir(parents=True, exist_ok=True)
    rows = (n + COLS - 1) // COLS
    dx, dy = (EAST - WEST) / COLS, (NORTH - SOUTH) / rows
    rnd = random.Random(20261204)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("code,land_class,township,year,area_est,wkt\n")
        for i in range(n):
            cx = WEST + (i % COLS + 0.5) * dx
            cy = SOUTH + (i // COLS + 0.5) * dy
            k = rnd.randint(10, 20)
            pts = []
            for j in range(k):
                a = 2 * math.pi * j / k
                r = 0.4 * rnd.uniform(0.7, 1.0)
                pts.append(f"{cx + r * dx * math.cos(a):.7f} {cy + r * dy * math.sin(a):.7f}")
            pts.append(pts[0])
            f.write(f"P{i:07d},{CLASSES[i % len(CLASSES)]},{TOWNS[i % len(TOWNS)]},{2021 + i % 15},"
                    f"{rnd.uniform(100, 5000):.1f},\"POLYGON(({','.join(pts)}))\"\n")


if __name__ == "__main__":
    main()
