#!/usr/bin/python3
"""Prints the table of the large-data benchmark from the wrk outputs in OUT_DIR
(<server>-<workload>-<conns>.txt): req/s, p50/p99 latency, errors (answers counted bad by the Lua
scripts plus socket errors), the ratio of this service to the best peer, and peak RSS per server.
Usage: report.py OUT_DIR N SERVER=PEAK_RSS_KB...   (SERVER: eco, ms, qgis)
"""
import re
import sys
from pathlib import Path

NAMES = {"eco": "ecoplan", "ms": "MapServer", "qgis": "QGIS"}
WORKLOADS = (("dense", "WMS 1024x768, ~2,000 parcels"), ("county", "WMS 1024x768, whole county"),
             ("tiles", "WMS 256x256 z15 tiles"), ("wfs", "WFS BBOX, 5,000 parcels"),
             ("ogcapi", "OGC API bbox, 5,000 parcels"))


def parse(p):
    if not p.exists():
        return None
    t = p.read_text()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
    p50 = float(re.search(r"P50_MS ([\d.]+)", t).group(1))
    p99 = float(re.search(r"P99_MS ([\d.]+)", t).group(1))
    bad = int(re.search(r"BAD_RESPONSES (\d+)", t).group(1))
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", t)
    bad += sum(int(x) for x in sock.groups()) if sock else 0
    return rps, p50, p99, bad


def main():
    out, n = Path(sys.argv[1]), int(sys.argv[2])
    hwm = {k: int(v) for k, v in (a.split("=") for a in sys.argv[3:])}
    servers = [s for s in NAMES if s in hwm]
    print(f"{n:,} parcels in PostGIS; req/s (errors); ratio = ecoplan / best peer")
    print(f"| workload | conns | " + " | ".join(NAMES[s] for s in servers) + " | ratio | p99 ms (" + " / ".join(
        NAMES[s] for s in servers) + ") |")
    print("|---|---|" + "---|" * len(servers) + "---|---|")
    for w, label in WORKLOADS:
        for c in (2, 8):
            r = {who: parse(out / f"{who}-{w}-{c}.txt") for who in servers}
            if all(v is None for v in r.values()):
                continue
            peers = [r[p][0] for p in ("ms", "qgis") if p in r and r[p] is not None]
            best = max(peers, default=0)
            eco = r.get("eco")
            ratio = f"{eco[0] / best:.2f}" if eco and best > 0 else "-"
            cells = " | ".join("-" if r[s] is None else f"{r[s][0]:.1f} ({r[s][3]})" for s in servers)
            p99 = " / ".join("-" if r[s] is None else f"{r[s][2]:.0f}" for s in servers)
            print(f"| {label} | {c} | {cells} | {ratio} | {p99} |")
    print("peak RSS MiB: " + ", ".join(f"{NAMES[s]} {hwm[s] // 1024}" for s in servers))


if __name__ == "__main__":
    main()
