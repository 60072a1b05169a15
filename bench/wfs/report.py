#!/usr/bin/python3
"""Prints the table of the WFS benchmark from the wrk outputs in OUT_DIR (<server>-<workload>-<conns>.txt,
written with bench/wfs/wfs.lua): req/s, p50/p99 latency, errors (answers counted bad by the Lua
script plus socket errors), ratio to the best peer, peak RSS per server, and this service's RSS as
results grow (OUT_DIR/eco-rss.txt).
Usage: report.py OUT_DIR BBOX_COUNT BIG_COUNT SERVER=PEAK_RSS_KB...   (SERVER: eco, ms, qgis)
"""
import re
import sys
from pathlib import Path

NAMES = {"eco": "ecoplan", "ms": "MapServer", "qgis": "QGIS"}
PEERS = ("ms", "qgis")


def parse(p):
    t = p.read_text()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
    p50 = float(re.search(r"P50_MS ([\d.]+)", t).group(1))
    p99 = float(re.search(r"P99_MS ([\d.]+)", t).group(1))
    bad = int(re.search(r"BAD_RESPONSES (\d+)", t).group(1))
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", t)
    bad += sum(int(x) for x in sock.groups()) if sock else 0
    n = int(re.search(r"(\d+) requests in", t).group(1))
    return rps, p50, p99, bad, n


def main():
    out, bbox_count, big_count = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    hwm = {k: int(v) for k, v in (a.split("=") for a in sys.argv[4:])}
    servers = [s for s in NAMES if s in hwm]
    workloads = (("points", "2,000 points (all)"), ("polygons", f"BBOX {bbox_count} of 200k"))
    print(f"{'workload':<22}{'conns':>6}{'server':>11}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}{'requests':>9}{'ratio':>7}")
    for w, label in workloads:
        for c in (2, 8):
            r = {who: parse(out / f"{who}-{w}-{c}.txt") for who in servers}
            best = max((r[p][0] for p in PEERS if p in r), default=0)
            for i, who in enumerate(servers):
                rps, p50, p99, bad, n = r[who]
                ratio = f"{rps / best:7.2f}" if best > 0 else f"{'-':>7}"
                print(f"{label if i == 0 else '':<22}{c:>6}{NAMES[who]:>11}{rps:>9.1f}{p50:>9.1f}{p99:>9.1f}{bad:>8}{n:>9}{ratio}")
    print("ratio = req/s / the best peer's req/s (MapServer or QGIS, whichever is faster for that row group)")
    print("peak RSS (VmHWM): " + ", ".join(f"{NAMES[k]} {hwm[k] / 1024:.0f} MiB" for k in servers)
          + "  (a peer = its 2 FastCGI workers + lighttpd)")
    rss_file = out / "eco-rss.txt"
    if rss_file.exists():
        steps = {row[1]: int(row[2]) for row in (l.split() for l in rss_file.read_text().splitlines()) if len(row) == 3}
        mib = lambda k: f"{steps[k] / 1024:.0f} MiB" if k in steps else "-"
        print(f"memory flat check, ecoplan RSS (VmRSS): idle {mib('idle')}, after the 2,000-point runs {mib('points')}, "
              f"after the {bbox_count}-polygon runs {mib('polygons')}, after {big_count}-polygon answers at 8 conns {mib('big')}")
    load = [out / f"loadavg-{when}.txt" for when in ("before", "after")]
    if all(f.exists() for f in load):
        print(f"load average (1/5/15 min) before the runs: {load[0].read_text().strip()}, after: {load[1].read_text().strip()}"
              " -- anything well above 0 means other work shared the CPUs")
    big = out / "eco-big-8.txt"
    if big.exists():
        rps, p50, p99, bad, n = parse(big)
        print(f"ecoplan, {big_count}-polygon answers at 8 conns: {rps:.1f} req/s, p50 {p50:.1f} ms, p99 {p99:.1f} ms, errors {bad}")


if __name__ == "__main__":
    main()
