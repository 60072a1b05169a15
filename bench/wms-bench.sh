#!/usr/bin/env bash
# WMS benchmark: this service vs MapServer 8 (Debian cgi-mapserver under FastCGI, 2 worker
# processes, lighttpd + spawn-fcgi), same machine, same run, same GeoPackage, equivalent styles.
# Workloads: 256x256 PNG tiles in EPSG:3857 over the county at zooms 10-14, and 1024x768 PNG of the
# whole county in EPSG:4490; each at 2 and 8 connections with wrk on 127.0.0.1.
# Prints one table: req/s, p50/p99 latency, errors, peak RSS, and the ratio to MapServer.
#   DURATION (20s)  seconds per measurement;  WARMUP (5s)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
OUT=$ROOT/bench/results/wms-$(date +%Y%m%d-%H%M%S)
mkdir -p "$OUT"
LAYERS=county_boundary,restoration_zones,rivers,townships

need=()
for p in cgi-mapserver lighttpd spawn-fcgi wrk fonts-wqy-microhei; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null; fi

[ -s geoserver-ext/server/target/ecoplan-server.jar ] || mvn -B -q -DskipTests package
GPKG=$OUT/plan.gpkg
java -jar data-loader/target/ecoplan-data-loader.jar load --data-dir . --workspace yanggao --store "gpkg:$GPKG" >/dev/null

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
P_ECO=$(free_port); P_MS=$(free_port)

# --- this service
PORT=$P_ECO HOST=127.0.0.1 PLAN_STORE_URL="gpkg:$GPKG" ECOPLAN_DATA_DIR=$ROOT \
  java -Xmx2g -jar "${ECO_JAR:-geoserver-ext/server/target/ecoplan-server.jar}" >"$OUT/ecoplan.log" 2>&1 &
ECO_PID=$!
# --- MapServer under FastCGI
MS=$OUT/mapserver
mkdir -p "$MS"
echo "wqy /usr/share/fonts/truetype/wqy/wqy-microhei.ttc" >"$MS/fonts.txt"
sed -e "s#@GPKG@#$GPKG#g" -e "s#@FONTSET@#$MS/fonts.txt#" -e "s#@PORT@#$P_MS#" bench/mapserver/plan.map.in >"$MS/plan.map"
sed -e "s#@DIR@#$MS#g" -e "s#@PORT@#$P_MS#" bench/mapserver/lighttpd.conf.in >"$MS/lighttpd.conf"
cat >"$MS/mapserver.conf" <<CONF
CONFIG
  ENV
    MS_MAPFILE "$MS/plan.map"
  END
END
CONF
MAPSERVER_CONFIG_FILE=$MS/mapserver.conf MS_MAPFILE=$MS/plan.map \
  spawn-fcgi -s "$MS/mapserv.sock" -F 2 -P "$MS/spawn.pid" -- /usr/lib/cgi-bin/mapserv >/dev/null
lighttpd -f "$MS/lighttpd.conf"
cleanup() {
  kill "$ECO_PID" 2>/dev/null || true
  [ -s "$MS/lighttpd.pid" ] && kill "$(cat "$MS/lighttpd.pid")" 2>/dev/null || true
  # only the workers this script spawned (their pids are in spawn.pid); they ignore SIGTERM
  if [ -s "$MS/spawn.pid" ]; then
    kill $(cat "$MS/spawn.pid") 2>/dev/null || true
    sleep 2
    kill -9 $(cat "$MS/spawn.pid") 2>/dev/null || true
  fi
}
trap cleanup EXIT
for _ in $(seq 60); do curl -fs "http://127.0.0.1:$P_ECO/health" >/dev/null && break; sleep 1; done

mkdir -p "$OUT/eco" "$OUT/ms"
/usr/bin/python3 bench/wms-urls.py "/wms?" "$LAYERS" "$OUT/eco"
/usr/bin/python3 bench/wms-urls.py "/mapserv?" "$LAYERS" "$OUT/ms"
# both must answer images before anything is measured
for who in eco ms; do
  port=$P_ECO; [ $who = ms ] && port=$P_MS
  for f in tiles county; do
    # keep one answer of each, to compare the two servers' pictures by eye
    ct=$(curl -s -o "$OUT/$who-$f.png" -w '%{content_type}' "http://127.0.0.1:$port$(head -1 "$OUT/$who/$f.txt")")
    case "$ct" in image/png*) ;; *) echo "$who $f: not an image ($ct)"; curl -s "http://127.0.0.1:$port$(head -1 "$OUT/$who/$f.txt")" | head -c 600; exit 1;; esac
  done
done

peak_rss_kb() { # sum of VmHWM of the given pids
  local t=0 p v
  for p in "$@"; do v=$(awk '/VmHWM/{print $2}' /proc/$p/status 2>/dev/null || echo 0); t=$((t + ${v:-0})); done
  echo $t
}
ms_pids() { tr '\n' ' ' <"$MS/spawn.pid"; cat "$MS/lighttpd.pid"; }

run() { # who workload conns
  local who=$1 w=$2 c=$3 port=$P_ECO
  [ $who = ms ] && port=$P_MS
  URLS=$OUT/$who/$w.txt wrk -t2 -c"$c" -d"$WARMUP" -s bench/urls.lua "http://127.0.0.1:$port" >/dev/null
  URLS=$OUT/$who/$w.txt wrk -t2 -c"$c" -d"$DURATION" --timeout 30s -s bench/urls.lua "http://127.0.0.1:$port" >"$OUT/$who-$w-$c.txt"
}
for w in tiles county; do
  for c in 2 8; do
    run eco $w $c
    run ms $w $c
  done
done
ECO_RSS=$(peak_rss_kb $ECO_PID)
MS_RSS=$(peak_rss_kb $(ms_pids))

/usr/bin/python3 - "$OUT" "$ECO_RSS" "$MS_RSS" <<'PY'
import re, sys, pathlib
out, eco_rss, ms_rss = pathlib.Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
def parse(p):
    t = p.read_text()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
    p50 = float(re.search(r"P50_MS ([\d.]+)", t).group(1)); p99 = float(re.search(r"P99_MS ([\d.]+)", t).group(1))
    bad = int(re.search(r"BAD_RESPONSES (\d+)", t).group(1))
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", t)
    bad += sum(int(x) for x in sock.groups()) if sock else 0
    return rps, p50, p99, bad
print(f"{'workload':<22}{'conns':>6}{'server':>11}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}{'ratio':>8}")
for w, label in (("tiles", "256px tiles EPSG:3857"), ("county", "1024x768 EPSG:4490")):
    for c in (2, 8):
        e = parse(out / f"eco-{w}-{c}.txt"); m = parse(out / f"ms-{w}-{c}.txt")
        print(f"{label:<22}{c:>6}{'ecoplan':>11}{e[0]:>10.1f}{e[1]:>9.1f}{e[2]:>9.1f}{e[3]:>8}{e[0]/m[0]:>8.2f}")
        print(f"{'':<22}{c:>6}{'MapServer':>11}{m[0]:>10.1f}{m[1]:>9.1f}{m[2]:>9.1f}{m[3]:>8}{1:>8.2f}")
print(f"peak RSS: ecoplan {eco_rss/1024:.0f} MiB, MapServer (2 FastCGI workers + lighttpd) {ms_rss/1024:.0f} MiB")
PY
echo "raw results: $OUT"
