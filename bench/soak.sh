#!/usr/bin/env bash
# Soak: this service under a mixed load for SOAK (10m) — dense WMS maps, z15 tiles, WFS and OGC API
# boxes of 5,000 parcels over the 1,000,000 parcels of bench/scale-bench.sh (PostGIS database
# ecoplan_scale, which that script makes; run it first) — at 8 connections (wrk -t2, 127.0.0.1),
# sampling every 30 s the process's RSS and the JVM's used heap (from /metrics). Prints the samples,
# the errors (answers other than 200, socket errors) and the change from the first full minute to the
# last: a leak shows as growth that does not level off.
#   SOAK (10m)  ECO_HEAP (384m)  PGHOST/PGPORT/PGUSER (127.0.0.1, 5432, postgres)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
. bench/lib.sh
SOAK=${SOAK:-10m}
ECO_HEAP=${ECO_HEAP:-384m}
PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
N=$(cat bench/results/load-data/n 2>/dev/null || true)
[ -n "$N" ] && psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -Atq -d ecoplan_scale -c "SELECT 1 FROM bulk.parcels LIMIT 1" \
  >/dev/null 2>&1 || { echo "run bench/scale-bench.sh first (it loads the parcels)" >&2; exit 1; }
OUT=$ROOT/bench/results/soak-$(date +%Y%m%d-%H%M%S)
mkdir -p "$OUT"
cp geoserver-ext/server/target/ecoplan-server.jar "$OUT/ecoplan-server.jar"
PORT=$(free_port)
PORT=$PORT HOST=127.0.0.1 ECOPLAN_DATA_DIR=$ROOT/bench/load/workspace ECOPLAN_TILE_CACHE=off ECOPLAN_MAX_FEATURES=20000 \
  BULK_STORE_URL="jdbc:postgresql://$PGHOST:$PGPORT/ecoplan_scale?user=$PGUSER&currentSchema=bulk" \
  java -Xmx"$ECO_HEAP" -jar "$OUT/ecoplan-server.jar" >"$OUT/ecoplan.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
wait_http "http://127.0.0.1:$PORT/health" 120
/usr/bin/python3 bench/scale/urls.py eco "$N" "$OUT/urls"
# the mix: 4 maps, 8 tiles, 2 WFS and 2 OGC API answers in every 16 requests
/usr/bin/python3 - "$OUT/urls" >"$OUT/mixed.txt" <<'PY'
import sys
from pathlib import Path
d = Path(sys.argv[1])
r = {w: (d / f"{w}.txt").read_text().split("\n")[:-1] for w in ("dense", "tiles", "wfs", "ogcapi")}
for i in range(200):
    for w, k in (("dense", 4), ("tiles", 8), ("wfs", 2), ("ogcapi", 2)):
        for j in range(k):
            print(r[w][(i * k + j) % len(r[w])])
PY
sample() {
  local rss heap
  rss=$(awk '$1=="VmRSS:"{print $2}' /proc/$PID/status)
  # the value is the last field: the id label ("G1 Eden Space") holds spaces
  heap=$(curl -s "http://127.0.0.1:$PORT/metrics" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s += $NF} END {printf "%d", s / 1048576}')
  echo "$(date +%s) $((rss / 1024)) $heap" >>"$OUT/samples.txt"
}
sample
URLS=$OUT/mixed.txt EXPECT= wrk -t2 -c8 -d"$SOAK" --timeout 60s -s bench/urls.lua "http://127.0.0.1:$PORT" >"$OUT/wrk.txt" &
WRK=$!
while kill -0 $WRK 2>/dev/null; do sleep 30; kill -0 $WRK 2>/dev/null && sample; done
wait $WRK
sample
/usr/bin/python3 - "$OUT" <<'PY' | tee "$OUT/report.txt"
import re, sys
from pathlib import Path
out = Path(sys.argv[1])
s = [tuple(int(x) for x in l.split()) for l in (out / "samples.txt").read_text().split("\n") if l]
t0 = s[0][0]
w = (out / "wrk.txt").read_text()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", w).group(1))
n = int(re.search(r"(\d+) requests in", w).group(1))
bad = int(re.search(r"BAD_RESPONSES (\d+)", w).group(1))
sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", w)
bad += sum(int(x) for x in sock.groups()) if sock else 0
print(f"soak: {n} requests, {rps:.1f} req/s, {bad} errors")
print("  s   RSS MiB  heap MiB")
for t, rss, heap in s:
    print(f"{t - t0:4d} {rss:8d} {heap:9d}")
early = [x for x in s if 60 <= x[0] - t0 <= 120]
late = s[-3:-1] if len(s) > 3 else s[-1:]
if early:
    print(f"RSS minute 1-2: {max(x[1] for x in early)} MiB, last samples: {max(x[1] for x in late)} MiB; "
          f"max {max(x[1] for x in s)} MiB")
PY
