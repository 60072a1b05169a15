#!/usr/bin/python3
"""Prints the table of the large-data benchmark from the wrk outputs in OUT_DIR
(<server>-<workload>-<conns>.txt): req/s, p50/p99 latency, errors (answers counted bad by the Lua
scripts plus socket errors), the ratio of this service to the best peer, and peak RSS per server.
Usage: report.py OUT_DIR N SERVER=PEAK_RSS_KB...   (SERVER: eco, ms, qgis)
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "wfs"))
import report as wfs_report  # noqa: E402

NAMES = {"eco": "ecoplan", "ms": "MapServer", "qgis": "QGIS"}
WORKLOADS = (("dense", "WMS 1024x768, ~2,000 parcels"), ("county", "WMS 1024x768, whole county"),
             ("tiles", "WMS 256x256 z15 tiles"), ("wfs", "WFS BBOX, 5,000 parcels"),
             ("ogcapi", "OGC API bbox, 5,000 parcels"))


def parse(p):
    """The wrk figures of one measurement (bench/wfs/report.py reads them), or None when it was not run."""
    if not p.exists():
        return None
    rps, p50, p99, bad, _ = wfs_report.parse(p)
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
