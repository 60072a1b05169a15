#!/usr/bin/python3
"""Request paths of the large-data benchmark (bench/scale-bench.sh) for one server, per workload.

The parcels of bench/load/make-data.py lie one per cell of a 1000-column grid over the county's
extent, each well inside its cell; a box whose edges run along cell edges selects exactly the
parcels of the cells it covers, whatever the server's intersection test. Boxes are placed at
random (fixed seed) so no answer can be served from a cache. Writes OUT/<workload>.txt:
  dense    WMS 1.1.1 GetMap 1024x768 PNG, EPSG:4490, 57 x 35 cells (1,995 parcels) per map
  county   WMS 1.1.1 GetMap 1024x768 PNG, EPSG:4490, the whole grid (every parcel)
  tiles    WMS 1.1.1 GetMap 256x256 PNG, EPSG:3857, web-mercator zoom 15 tiles over the grid
  wfs      WFS GetFeature GeoJSON, 100 x 50 cells (5,000 parcels)
  ogcapi   OGC API – Features items GeoJSON, the same boxes
Usage: urls.py SERVER N OUT   (SERVER: eco | ms | qgis)
"""
import math
import random
import sys
from pathlib import Path

WEST, EAST, SOUTH, NORTH = 113.48, 114.04, 39.83, 40.52
COLS = 1000


def main():
    who, n, out = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    out.mkdir(parents=True, exist_ok=True)
    rows = (n + COLS - 1) // COLS
    dx, dy = (EAST - WEST) / COLS, (NORTH - SOUTH) / rows
    rnd = random.Random(15)

    def box(cols, nrows):
        c0 = rnd.randrange(0, COLS - cols)
        r0 = rnd.randrange(0, rows - nrows)
        return WEST + c0 * dx, SOUTH + r0 * dy, WEST + (c0 + cols) * dx, SOUTH + (r0 + nrows) * dy

    base = {"eco": "/bulk/wms?", "ms": "/mapserv?", "qgis": "/qgis?"}[who]
    layer = {"eco": "bulk:parcels", "ms": "parcels", "qgis": "parcels"}[who]
    wms = base + "SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=" + layer + "&STYLES=&FORMAT=image/png"
    f = lambda v: f"{v:.7f}"
    with open(out / "dense.txt", "w") as o:
        for _ in range(200):
            x0, y0, x1, y1 = box(57, 35)
            o.write(f"{wms}&SRS=EPSG:4490&BBOX={f(x0)},{f(y0)},{f(x1)},{f(y1)}&WIDTH=1024&HEIGHT=768\n")
    with open(out / "county.txt", "w") as o:
        o.write(f"{wms}&SRS=EPSG:4490&BBOX={WEST},{SOUTH},{EAST},{NORTH}&WIDTH=1024&HEIGHT=768\n")
    with open(out / "tiles.txt", "w") as o:
        z = 15
        merc = lambda lon, lat: (lon * 20037508.342789244 / 180,
                                 math.log(math.tan((90 + lat) * math.pi / 360)) * 6378137.0)
        size = 2 * 20037508.342789244 / 2 ** z
        x0, y0 = merc(WEST, SOUTH)
        x1, y1 = merc(EAST, NORTH)
        tx0, tx1 = int((x0 + 20037508.342789244) // size), int((x1 + 20037508.342789244) // size)
        ty0, ty1 = int((y0 + 20037508.342789244) // size), int((y1 + 20037508.342789244) // size)
        for _ in range(500):
            tx, ty = rnd.randint(tx0, tx1 - 1), rnd.randint(ty0, ty1 - 1)
            mx, my = tx * size - 20037508.342789244, ty * size - 20037508.342789244
            o.write(f"{wms}&SRS=EPSG:3857&BBOX={mx:.3f},{my:.3f},{mx + size:.3f},{my + size:.3f}&WIDTH=256&HEIGHT=256\n")
    boxes = [box(100, 50) for _ in range(200)]
    with open(out / "wfs.txt", "w") as o:
        for x0, y0, x1, y1 in boxes:
            if who == "qgis":  # QGIS Server 3.22 speaks WFS 1.1.0, lon/lat box
                o.write(f"/qgis?SERVICE=WFS&VERSION=1.1.0&REQUEST=GetFeature&TYPENAME=parcels"
                        f"&OUTPUTFORMAT=application/vnd.geo%2Bjson&BBOX={f(x0)},{f(y0)},{f(x1)},{f(y1)}\n")
            else:  # WFS 2.0.0, EPSG:4490 box in its own axis order (latitude first)
                path = "/bulk/wfs?" if who == "eco" else "/mapserv?"
                fmt = "application/json" if who == "eco" else "geojson"
                o.write(f"{path}SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES={layer}&OUTPUTFORMAT={fmt}"
                        f"&BBOX={f(y0)},{f(x0)},{f(y1)},{f(x1)},urn:ogc:def:crs:EPSG::4490\n")
    with open(out / "ogcapi.txt", "w") as o:
        items = {"eco": "/bulk/ogcapi/collections/parcels/items?f=json&",
                 "ms": "/mapserv/scale/ogcapi/collections/parcels/items?f=json&",
                 "qgis": "/qgis/wfs3/collections/parcels/items.geojson?"}[who]
        for x0, y0, x1, y1 in boxes:
            o.write(f"{items}limit=5000&bbox={f(x0)},{f(y0)},{f(x1)},{f(y1)}\n")


if __name__ == "__main__":
    main()
