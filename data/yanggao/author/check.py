#!/usr/bin/env python3
"""Self-check of the Yanggao plan data against its layer configurations.

Usage:  /usr/bin/python3 data/yanggao/author/check.py [WORKSPACE]   (default: this repository;
        exit status 1 on failure)

Checks: YAML attributes == GeoJSON/CSV properties (derived ones absent or null), value types,
required values and code lists; geometry types and validity; 1e-5 degree rounding; every feature
within the county (≤ 50 m, EPSG:4547); zones cover the county with gap + overlap < 0.1 %; each
project's zone_code is the zone containing its representative point; all 17 project types and
6 programmes present; unique codes. Prints the numbers.
"""
import csv
import glob
import json
import os
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
REPO = os.path.normpath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", ".."))

import yaml                                               # noqa: E402
from shapely import ops                                   # noqa: E402
from shapely.geometry import Point, shape                 # noqa: E402

from geo import to_m                                      # noqa: E402

PY_TYPES = {"string": (str,), "integer": (int,), "double": (int, float), "boolean": (bool,)}
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL", msg)


def read_layer_configs():
    out = {}
    # the plan's layers live in its workspace directory; workspace.yaml describes the workspace itself
    for path in sorted(glob.glob(os.path.join(REPO, "layers", "yanggao", "*.yaml"))):
        if os.path.basename(path) == "workspace.yaml":
            continue
        with open(path, encoding="utf-8") as f:
            cfg = yaml.safe_load(f)
        out[cfg["id"]] = cfg
    return out


def read_rows(cfg):
    path = os.path.join(REPO, cfg["source"]["file"])
    if cfg["source"]["format"] == "csv":
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        types = {a["name"]: a["type"] for a in cfg["attributes"]}
        out = []
        for r in rows:
            p = {}
            for k, v in r.items():
                if v == "":
                    p[k] = None
                elif types.get(k) == "integer":
                    p[k] = int(v)
                else:
                    p[k] = v
            out.append((p, None))
        return out
    with open(path, encoding="utf-8") as f:
        fc = json.load(f)
    return [(ft["properties"], ft["geometry"]) for ft in fc["features"]]


def check_attributes(lid, cfg, rows):
    attrs = {a["name"]: a for a in cfg["attributes"]}
    stored = {n for n, a in attrs.items() if not a.get("derive")}
    for i, (p, _) in enumerate(rows):
        keys = set(p)
        extra = keys - set(attrs)
        missing = stored - keys
        derived_filled = [n for n in keys & (set(attrs) - stored) if p[n] is not None]
        if extra or missing or derived_filled:
            fail(f"{lid}[{i}] properties: extra {sorted(extra)} missing {sorted(missing)} derived filled {derived_filled}")
        for n, a in attrs.items():
            v = p.get(n)
            if v is None:
                if a.get("required"):
                    fail(f"{lid}[{i}].{n} is required but empty")
                continue
            if a["type"] != "boolean" and isinstance(v, bool) or not isinstance(v, PY_TYPES[a["type"]]):
                fail(f"{lid}[{i}].{n}={v!r} is not {a['type']}")
            if a.get("codes") and v not in a["codes"]:
                fail(f"{lid}[{i}].{n}={v!r} not in code list {a['codes']}")
    for r in cfg.get("rules", []):
        if r["rule"] == "unique":
            vals = [p.get(r["attribute"]) for p, _ in rows]
            if len(vals) != len(set(vals)):
                fail(f"{lid}: {r['attribute']} not unique")


def coords(o):
    if isinstance(o[0], (int, float)):
        yield o
    else:
        for c in o:
            yield from coords(c)


def check_geometries(lid, cfg, rows, county_m):
    want = cfg["geometry"]["type"]
    worst = 0.0
    for i, (p, g) in enumerate(rows):
        if g["type"] != want:
            fail(f"{lid}[{i}] geometry {g['type']} != declared {want}")
        for c in coords(g["coordinates"]):
            if any(abs(v * 1e5 - round(v * 1e5)) > 1e-6 for v in c[:2]) or len(c) != 2:
                fail(f"{lid}[{i}] coordinate {c} not rounded to 1e-5 degrees (or not 2-D)")
                break
        s = shape(g)
        if s.is_empty or not s.is_valid:
            fail(f"{lid}[{i}] geometry empty or invalid")
            continue
        sm = to_m(s)
        outside = sm.difference(county_m)
        if not outside.is_empty:
            d = max(county_m.distance(Point(c)) for c in _all_xy(outside))
            worst = max(worst, d)
    ok = worst <= 50.0
    if not ok:
        fail(f"{lid}: a feature lies {worst:.1f} m outside the county (limit 50 m)")
    return worst


def _all_xy(g):
    if hasattr(g, "geoms"):
        for part in g.geoms:
            yield from _all_xy(part)
    elif g.geom_type == "Polygon":
        yield from g.exterior.coords
    else:
        yield from g.coords


def main():
    cfgs = read_layer_configs()
    data = {lid: read_rows(cfg) for lid, cfg in cfgs.items()}
    county = shape(data["county_boundary"][0][1])
    county_m = to_m(county)
    county_km2 = county_m.area / 1e6
    print(f"county area (EPSG:4547): {county_km2:.1f} km² (plan text 1598.3 km²)")

    print("\nlayer                 features  within county (max metres outside)")
    for lid, cfg in cfgs.items():
        rows = data[lid]
        check_attributes(lid, cfg, rows)
        if cfg["geometry"].get("type") == "none":
            print(f"  {lid:20s} {len(rows):4d}      (table)")
            continue
        worst = check_geometries(lid, cfg, rows, county_m)
        print(f"  {lid:20s} {len(rows):4d}      {worst:6.2f} m")

    zones = {p["zone_code"]: shape(g) for p, g in data["restoration_zones"]}
    zm = {k: to_m(v) for k, v in zones.items()}
    union = ops.unary_union(list(zm.values()))
    gap = county_m.difference(union).area
    overlap = sum(z.area for z in zm.values()) - union.area
    outside = union.difference(county_m).area
    print("\nrestoration zones: " + ", ".join(f"{k} {v.area / 1e6:.1f} km²" for k, v in sorted(zm.items())))
    print(f"coverage: gap {gap / 1e6:.6f} km² ({100 * gap / county_m.area:.5f} %), overlap {overlap / 1e6:.6f} km² "
          f"({100 * overlap / county_m.area:.5f} %), outside county {outside / 1e6:.6f} km²")
    if sorted(zones) != ["Z1", "Z2", "Z3", "Z4", "Z5"]:
        fail(f"zones: expected Z1..Z5, found {sorted(zones)}")
    if (gap + overlap) / county_m.area >= 0.001:
        fail("zones: gap + overlap >= 0.1 % of the county")

    types, programmes, n, matched = set(), set(), 0, 0
    for lid in ("project_areas", "project_lines", "project_sites"):
        for p, g in data[lid]:
            n += 1
            s = shape(g)
            rp = s.representative_point()
            hits = [k for k, z in zones.items() if z.contains(rp)]
            if hits == [p["zone_code"]]:
                matched += 1
            else:
                fail(f"{lid} {p['project_code']}: zone_code {p['zone_code']} but interior point in {hits}")
            if p["zone_code"] in zones and not zones[p["zone_code"]].contains(s):
                fail(f"{lid} {p['project_code']}: not entirely inside zone {p['zone_code']}")
            types.add(p["project_type"])
            programmes.add(p["programme"])
    all_types = cfgs["project_areas"]["attributes"][3]["codes"]
    all_prog = cfgs["project_areas"]["attributes"][1]["codes"]
    print(f"\nprojects: {n} features, zone_code matches interior point: {matched}/{n}")
    print(f"project types present: {len(types)}/{len(all_types)}  missing {sorted(set(all_types) - types)}")
    print(f"programmes present: {len(programmes)}/{len(all_prog)}  missing {sorted(set(all_prog) - programmes)}")
    if set(all_types) - types or set(all_prog) - programmes:
        fail("not every project type / programme is present")

    print("\nRESULT:", "OK" if not failures else f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
