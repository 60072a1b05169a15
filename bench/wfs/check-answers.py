#!/usr/bin/python3
"""Checks, before the WFS benchmark measures anything, that every server answered both workloads
with HTTP 200, a JSON content type and a GeoJSON FeatureCollection (RFC 7946) holding exactly the
expected features: the expected count, the expected geometry type, and the same feature ids
(property "id") as every other server. Exits 1 with a message naming what is wrong.
Usage: check-answers.py OUT_DIR POINTS_COUNT BBOX_COUNT SERVER...  (reads OUT_DIR/<server>-<workload>.json/.head)
"""
import json
import sys
from pathlib import Path

GEOMETRY = {"points": "Point", "polygons": "Polygon"}


def check(out, who, workload, expected):
    status, size, ctype = (out / f"{who}-{workload}.head").read_text().strip().split(maxsplit=2)
    body = out / f"{who}-{workload}.json"
    if status != "200" or "json" not in ctype:
        raise SystemExit(f"{who} {workload}: HTTP {status} {ctype}, not a JSON answer:\n"
                         + body.read_text(errors="replace")[:800])
    try:
        doc = json.loads(body.read_text(encoding="utf-8"))
    except ValueError as e:
        raise SystemExit(f"{who} {workload}: not valid JSON ({e})")
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection" or not isinstance(doc.get("features"), list):
        raise SystemExit(f"{who} {workload}: not a GeoJSON FeatureCollection")
    features = doc["features"]
    if len(features) != expected:
        raise SystemExit(f"{who} {workload}: {len(features)} features, expected {expected}")
    kinds = {(f.get("geometry") or {}).get("type") for f in features}
    if kinds != {GEOMETRY[workload]}:
        raise SystemExit(f"{who} {workload}: geometry types {kinds}, expected {GEOMETRY[workload]}")
    ids = {int(f["properties"]["id"]) for f in features}
    if len(ids) != expected:
        raise SystemExit(f"{who} {workload}: {len(ids)} distinct ids for {expected} features")
    return ids, int(size)


def main():
    out, n_points, n_bbox = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    servers = sys.argv[4:]
    for workload, expected in (("points", n_points), ("polygons", n_bbox)):
        answers = {who: check(out, who, workload, expected) for who in servers}
        first = answers[servers[0]][0]
        for who in servers[1:]:
            if answers[who][0] != first:
                raise SystemExit(f"{workload}: {who} returns other features than {servers[0]} "
                                 f"({len(answers[who][0] - first)} ids differ)")
        sizes = ", ".join(f"{who} {answers[who][1] / 1024:.0f} KiB" for who in servers)
        print(f"checked {workload}: {expected} features, same ids from every server ({sizes})")


if __name__ == "__main__":
    main()
