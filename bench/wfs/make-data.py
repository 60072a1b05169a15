#!/usr/bin/python3
"""Synthetic, deterministic data for the WFS benchmark (bench/wfs-bench.sh).

Writes two UTF-8 CSV files with a header row into OUT_DIR (default bench/results/wfs-data,
which git ignores):
  bench_points.csv    2,000 points (lon/lat columns) scattered over the county's extent
  bench_polygons.csv  200,000 small squares (WKT column) in a 400 x 500 grid over the same extent
Coordinates are EPSG:4326 lon/lat rounded to 1e-6 degrees, so no server has to reproject for
GeoJSON (RFC 7946). The grid is regular, and every square leaves a gap to its neighbours, so a
BBOX whose edges fall in the gaps selects exactly the same squares in every server whatever its
intersection test (envelope or exact geometry). bbox_for() prints such a box for N x M cells.
Usage: make-data.py [OUT_DIR]
"""
import csv
import random
import sys
from pathlib import Path

WEST, EAST, SOUTH, NORTH = 113.48, 114.04, 39.83, 40.52
COLS, ROWS = 400, 500                       # 200,000 cells
DX, DY = (EAST - WEST) / COLS, (NORTH - SOUTH) / ROWS
FILL = 0.8                                  # square side as a fraction of the cell: gaps between squares
CATEGORIES = ["林地", "草地", "耕地", "湿地", "建设用地", "裸地"]
TOWNS = ["龙泉镇", "罗文皂镇", "大白登镇", "王官屯镇", "古城镇", "东小村镇", "狮子屯乡", "长城乡", "鳌石乡", "友宰镇", "下深井乡"]
# the BBOX workload: 50 columns x 100 rows of cells = 5,000 squares
BBOX_COL0, BBOX_ROW0, BBOX_COLS, BBOX_ROWS = 150, 200, 50, 100


def square(col, row):
    x0 = WEST + col * DX + DX * (1 - FILL) / 2
    y0 = SOUTH + row * DY + DY * (1 - FILL) / 2
    x1, y1 = x0 + DX * FILL, y0 + DY * FILL
    r = lambda v: f"{v:.6f}"
    return f"POLYGON(({r(x0)} {r(y0)},{r(x1)} {r(y0)},{r(x1)} {r(y1)},{r(x0)} {r(y1)},{r(x0)} {r(y0)}))"


def bbox_for(col0, row0, ncols, nrows):
    """A lon/lat box whose edges run through the middle of the gaps around the given cells."""
    return (WEST + col0 * DX, SOUTH + row0 * DY, WEST + (col0 + ncols) * DX, SOUTH + (row0 + nrows) * DY)


def write_points(path, rnd):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "value", "category", "lon", "lat"])
        for i in range(1, 2001):
            lon = round(rnd.uniform(WEST, EAST), 6)
            lat = round(rnd.uniform(SOUTH, NORTH), 6)
            name = f"{TOWNS[i % len(TOWNS)]}监测点{i:04d}"
            w.writerow([i, name, f"{rnd.uniform(0, 1000):.3f}", CATEGORIES[i % len(CATEGORIES)], f"{lon:.6f}", f"{lat:.6f}"])


def write_polygons(path, rnd):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "code", "name", "value", "category", "wkt"])
        i = 0
        for row in range(ROWS):
            for col in range(COLS):
                i += 1
                w.writerow([i, f"P{row:03d}-{col:03d}", f"{TOWNS[(row // 50 + col // 40) % len(TOWNS)]}图斑{i:06d}",
                            f"{rnd.uniform(0, 100):.2f}", CATEGORIES[(row * 7 + col) % len(CATEGORIES)], square(col, row)])


def main():
    root = Path(__file__).resolve().parents[2]
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else root / "bench" / "results" / "wfs-data"
    out.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(20211235)
    write_points(out / "bench_points.csv", rnd)
    write_polygons(out / "bench_polygons.csv", rnd)
    print("BBOX %.6f,%.6f,%.6f,%.6f" % bbox_for(BBOX_COL0, BBOX_ROW0, BBOX_COLS, BBOX_ROWS))
    print("BBOX_COUNT %d" % (BBOX_COLS * BBOX_ROWS))


if __name__ == "__main__":
    main()
