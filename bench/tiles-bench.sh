#!/usr/bin/env bash
# Tile benchmark (issue 6), one run, one table:
#  (a) cached tiles: the layer group plan_zones (county_boundary, restoration_zones, rivers,
#      townships: the layers of bench/wms-bench.sh) seeded with SeedCommand, then wrk -t2 -c8 on
#      127.0.0.1 against /tiles/plan_zones/WebMercatorQuad/{z}/{x}/{y}.png for every county tile at
#      zooms 10-14 (1562 tiles) -> req/s, p50/p99. Targets: >= 10,000 req/s, p99 < 5 ms.
#  (b) uncached tiles vs MapServer: the same tiles with the tile cache switched off
#      (ECOPLAN_TILE_CACHE=off, ECOPLAN_TILE_MEMORY_MB=0: every request renders its 4x4 metatile),
#      against MapServer 8 (FastCGI, 2 workers) answering the same tiles as WMS GetMap 256x256
#      (bench/wms-urls.py, the tiles workload of bench/wms-bench.sh). Target: ratio >= 1.5.
#  (c) seeding the county (its bounding box) at zooms 0-14 in WebMercatorQuad: wall time and tiles.
#   DURATION (20s) seconds per measurement;  WARMUP (10s: the JVM compiles its hot code first);  CONNS (8)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
. bench/lib.sh
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-10s}
CONNS=${CONNS:-8}
GROUP=plan_zones
LAYERS=county_boundary,restoration_zones,rivers,townships
BBOX=113.47986,39.83077,114.04066,40.51673
OUT=$ROOT/bench/results/tiles-$(date +%Y%m%d-%H%M%S)
mkdir -p "$OUT"

need=()
for p in cgi-mapserver lighttpd spawn-fcgi wrk fonts-wqy-microhei; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null; fi
[ -s geoserver-ext/server/target/ecoplan-server.jar ] || mvn -B -q -DskipTests package
JAR=geoserver-ext/server/target/ecoplan-server.jar
GPKG=$OUT/plan.gpkg
java -jar data-loader/target/ecoplan-data-loader.jar load --data-dir . --workspace yanggao --store "gpkg:$GPKG" >/dev/null
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores" | tee "$OUT/load.txt"

ECO_PID=""; MS=$OUT/mapserver
cleanup() {
  [ -n "$ECO_PID" ] && kill "$ECO_PID" 2>/dev/null || true
  stop_mapserver "$MS"
}
trap cleanup EXIT
start_eco() { # PORT CACHE MEMORY_MB
  PORT=$1 HOST=127.0.0.1 PLAN_STORE_URL="gpkg:$GPKG" ECOPLAN_DATA_DIR=$ROOT ECOPLAN_TILE_CACHE=$2 ECOPLAN_TILE_MEMORY_MB=$3 \
    java -Xmx1g -jar "$JAR" >>"$OUT/ecoplan.log" 2>&1 &
  ECO_PID=$!
  wait_http "http://127.0.0.1:$1/health"
}

mkdir -p "$OUT/eco" "$OUT/ms"
/usr/bin/python3 bench/tiles/tile-urls.py "$GROUP" "$OUT/eco/tiles.txt"
/usr/bin/python3 bench/wms-urls.py "/mapserv?" "$LAYERS" "$OUT/ms"

# (c) seed the county to zoom 14 (this also fills the cache that (a) reads)
CACHE=$OUT/tilecache
t0=$(date +%s.%N)
PLAN_STORE_URL="gpkg:$GPKG" ECOPLAN_TILE_CACHE=$CACHE java -Xmx1g -cp "$JAR" org.ecoplan.server.SeedCommand \
  seed --layer "$GROUP" --set WebMercatorQuad --zoom 0-14 --bbox "$BBOX" --data-dir "$ROOT" >"$OUT/seed.log" 2>&1
t1=$(date +%s.%N)
SEED_S=$(echo "$t1 - $t0" | bc)
# the tiles the seeder asked for (its last line); metatiles also write their neighbours outside the bbox
SEED_TILES=$(sed -n 's/^done: \([0-9]*\) tiles.*/\1/p' "$OUT/seed.log" | tail -1)
SEED_FILES=$(find "$CACHE" -name '*.png' | wc -l)

# (a) cached tiles
P=$(free_port)
start_eco "$P" "$CACHE" 256
ct=$(curl -s -o "$OUT/eco-cached.png" -w '%{content_type}' "http://127.0.0.1:$P$(sed -n 700p "$OUT/eco/tiles.txt")")
case "$ct" in image/png*) ;; *) echo "ecoplan cached tile: not an image ($ct)"; exit 1;; esac
wrk_run "$P" "$OUT/eco/tiles.txt" "$OUT/eco-cached.txt" "$CONNS" "$DURATION" "$WARMUP"
kill "$ECO_PID"; wait "$ECO_PID" 2>/dev/null || true; ECO_PID=""

# (b) uncached tiles vs MapServer WMS tiles, same run
P=$(free_port); P_MS=$(free_port)
start_eco "$P" off 0
start_mapserver "$MS" "$GPKG" "$P_MS"
wait_http "http://127.0.0.1:$P_MS$(head -1 "$OUT/ms/tiles.txt")"
wrk_run "$P" "$OUT/eco/tiles.txt" "$OUT/eco-uncached.txt" "$CONNS" "$DURATION" "$WARMUP"
wrk_run "$P_MS" "$OUT/ms/tiles.txt" "$OUT/ms-tiles.txt" "$CONNS" "$DURATION" "$WARMUP"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/load.txt"

/usr/bin/python3 - "$OUT" "$SEED_S" "$SEED_TILES" "$CONNS" "$SEED_FILES" <<'PY'
import re, sys, pathlib
out, seed_s, seed_tiles, conns, files = pathlib.Path(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
def parse(name):
    t = (out / name).read_text()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
    p50 = float(re.search(r"P50_MS ([\d.]+)", t).group(1)); p99 = float(re.search(r"P99_MS ([\d.]+)", t).group(1))
    bad = int(re.search(r"BAD_RESPONSES (\d+)", t).group(1))
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", t)
    bad += sum(int(x) for x in sock.groups()) if sock else 0
    return rps, p50, p99, bad
a, b, m = parse("eco-cached.txt"), parse("eco-uncached.txt"), parse("ms-tiles.txt")
print(f"{'measurement':<44}{'conns':>6}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}  target")
print(f"{'(a) ecoplan /tiles cached (seeded)':<44}{conns:>6}{a[0]:>10.1f}{a[1]:>9.2f}{a[2]:>9.2f}{a[3]:>8}  >=10000 req/s, p99<5 ms: "
      f"{'met' if a[0] >= 10000 and a[2] < 5 else 'NOT met'}")
print(f"{'(b) ecoplan /tiles uncached (cache off)':<44}{conns:>6}{b[0]:>10.1f}{b[1]:>9.2f}{b[2]:>9.2f}{b[3]:>8}  ratio {b[0]/m[0]:.2f} "
      f"(>=1.5: {'met' if b[0] / m[0] >= 1.5 else 'NOT met'})")
print(f"{'    MapServer WMS 256px tiles (FastCGI x2)':<44}{conns:>6}{m[0]:>10.1f}{m[1]:>9.2f}{m[2]:>9.2f}{m[3]:>8}")
print(f"{'(c) seed county z0-14 WebMercatorQuad':<44}{'':>6}{seed_tiles / seed_s:>10.1f}{'':>9}{'':>9}{'':>8}  {seed_tiles} tiles in {seed_s:.1f} s ({files} files with metatile neighbours)")
PY
cat "$OUT/load.txt"
echo "raw results: $OUT"
