#!/usr/bin/env python3
"""Writes the Yanggao plan layers (GeoJSON, EPSG:4490 lon/lat) and tables (CSV) into data/yanggao/.

Usage:  /usr/bin/python3 data/yanggao/author/author.py [SHARED_DATA_DIR]
SHARED_DATA_DIR defaults to ../shared/data relative to the repository root. Output is
deterministic: fixed feature order, coordinates rounded to 1e-5 degrees, sorted nothing at random.
Needs python3-shapely (1.8+) and python3-pyproj.
"""
import csv
import io
import json
import os
import sys

sys.dont_write_bytecode = True  # keep the repository free of __pycache__
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)


import features                                                 # noqa: E402
from geo import geojson_geometry, rounded                       # noqa: E402
from layout import Base                                         # noqa: E402

REPO = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
OUT = os.path.normpath(os.path.join(HERE, ".."))


def typographic(value):
    """English prose uses the typographic apostrophe (U+2019): clients that build XPath string
    literals from feature values (the OGC CITE WFS suite among them) break on ASCII quotes."""
    return value.replace("'", "\u2019") if isinstance(value, str) else value


def write_geojson(layer_id, rows):
    """rows: list of (properties dict, shapely geometry). Polygons become MultiPolygon, lines
    MultiLineString, points Point."""
    feats = []
    for props, geom in rows:
        if geom.geom_type in ("Point",):
            g = {"type": "Point", "coordinates": [round(geom.x, 5), round(geom.y, 5)]}
        else:
            g = geojson_geometry(rounded(geom))
        props = {k: typographic(v) for k, v in props.items()}
        feats.append({"type": "Feature", "properties": props, "geometry": g})
    buf = io.StringIO()
    buf.write('{"type": "FeatureCollection", "name": "%s", "features": [\n' % layer_id)
    buf.write(",\n".join(json.dumps(f, ensure_ascii=False, separators=(", ", ": ")) for f in feats))
    buf.write("\n]}\n")
    path = os.path.join(OUT, layer_id + ".geojson")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(buf.getvalue())
    return path, len(feats)


def write_csv(name, header, rows):
    path = os.path.join(OUT, name + ".csv")
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(header)
        for r in rows:
            w.writerow(["" if v is None else typographic(v) for v in r])
    return path, len(rows)


def main(argv):
    shared = argv[1] if len(argv) > 1 else os.path.join(REPO, "..", "shared", "data")
    shared = os.path.normpath(shared)
    if not os.path.isfile(os.path.join(shared, "yanggao-boundary.geojson")):
        sys.exit(f"author.py: no yanggao-boundary.geojson in {shared} (pass the shared data dir)")
    base = Base(shared)
    layers = features.build_all(base)
    for layer_id, rows in layers.items():
        path, n = write_geojson(layer_id, rows)
        print(f"{os.path.relpath(path, REPO)}: {n} features")
    path, n = write_csv("plan_targets", *features.targets_table())
    print(f"{os.path.relpath(path, REPO)}: {n} rows")
    path, n = write_csv("plan_measures", *features.measures_table())
    print(f"{os.path.relpath(path, REPO)}: {n} rows")
    for layer_id in features.SECTION_LAYERS:
        path, n = write_csv(layer_id, *features.sections_table(layer_id))
        print(f"{os.path.relpath(path, REPO)}: {n} rows")


if __name__ == "__main__":
    main(sys.argv)
