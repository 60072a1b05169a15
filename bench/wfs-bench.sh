#!/usr/bin/env bash
# WFS benchmark: this service vs QGIS Server 3.22 (Debian qgis-server) and MapServer 8 (Debian
# cgi-mapserver), each peer under FastCGI with 2 worker processes (spawn-fcgi) behind lighttpd;
# same machine, same run, same GeoPackage (synthetic data from bench/wfs/make-data.py, loaded
# with the project's data-loader).
# Workloads, each at 2 and 8 connections with wrk -t2 on 127.0.0.1 after a warm-up (every server
# first runs every workload once for WARMUP, then again before each measurement):
#   points   GetFeature of all 2,000 points of bench_points as GeoJSON
#   polygons GetFeature BBOX selecting 5,000 of the 200,000 squares of bench_polygons as GeoJSON
# Every server must first return a GeoJSON FeatureCollection with the expected features (same ids)
# for both workloads, or nothing is measured. Prints req/s, p50/p99, errors (non-200 or non-JSON
# answers, socket errors), ratio to the best peer, peak RSS, and this service's RSS as results grow.
# QGIS Server 3.22 implements WFS 1.0.0/1.1.0 only: it is asked in WFS 1.1.0, the others in 2.0.0.
# PROTOCOL=ogcapi asks the same two workloads over OGC API – Features instead: this service's
# /bench/ogcapi, MapServer 8's /bench/ogcapi (its MAPS key) and QGIS Server's /wfs3, each an items request with bbox
# (CRS84) and a limit that holds the whole answer.
#   DURATION (20s) seconds per measurement;  WARMUP (5s);  ECO_HEAP (1g) -Xmx of this service
#   SERVERS ("eco ms qgis") which servers to run: eco = this service, ms = MapServer, qgis = QGIS Server
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
. bench/lib.sh
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
ECO_HEAP=${ECO_HEAP:-1g}
SERVERS=${SERVERS:-eco ms qgis}
PROTOCOL=${PROTOCOL:-wfs}
case "$PROTOCOL" in wfs|ogcapi) ;; *) echo "PROTOCOL must be wfs or ogcapi" >&2; exit 2;; esac
has() { case " $SERVERS " in *" $1 "*) return 0;; esac; return 1; }
OUT=$ROOT/bench/results/$PROTOCOL-$(date +%Y%m%d-%H%M%S)
DATA=$ROOT/bench/results/wfs-data
W=$ROOT/bench/wfs
mkdir -p "$OUT" "$DATA"

need=()
for p in qgis-server cgi-mapserver lighttpd spawn-fcgi wrk curl; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
QGIS_FCGI=/usr/lib/cgi-bin/qgis_mapserv.fcgi
MAPSERV=/usr/lib/cgi-bin/mapserv
for f in "$QGIS_FCGI" "$MAPSERV"; do [ -x "$f" ] || { echo "missing $f"; exit 1; }; done

[ -s geoserver-ext/server/target/ecoplan-server.jar ] && [ -s data-loader/target/ecoplan-data-loader.jar ] || mvn -B -q -DskipTests package

# --- data: regenerated only when the generator or the layer declarations change
GPKG=$DATA/bench.gpkg
STAMP=$(cat "$W/make-data.py" "$W"/workspace/layers/bench/*.yaml | md5sum | cut -c1-12)
if [ ! -s "$GPKG" ] || [ "$(cat "$DATA/stamp" 2>/dev/null)" != "$STAMP" ]; then
  echo "generating and loading the benchmark data (about 2 minutes)"
  rm -f "$GPKG" "$DATA/stamp"
  /usr/bin/python3 "$W/make-data.py" "$DATA" >"$DATA/bbox.txt"
  java -Xmx1g -jar data-loader/target/ecoplan-data-loader.jar load --data-dir "$W/workspace" --store "gpkg:$GPKG" \
    >"$DATA/load.log" 2>&1 || { tail -20 "$DATA/load.log"; exit 1; }
  echo "$STAMP" >"$DATA/stamp"
fi
read -r _ BBOX < <(grep '^BBOX ' "$DATA/bbox.txt")
read -r _ BBOX_COUNT < <(grep '^BBOX_COUNT ' "$DATA/bbox.txt")
IFS=, read -r X0 Y0 X1 Y1 <<<"$BBOX"
LATLON_BBOX="$Y0,$X0,$Y1,$X1"   # urn:ogc:def:crs:EPSG::4326 has latitude first

P_ECO=$(free_port); P_MS=$(free_port); P_QG=$(free_port)
MS=$OUT/mapserver; QG=$OUT/qgis
mkdir -p "$MS" "$QG/home"
ECO_PID=
cleanup() { stop_started "$ECO_PID" "$MS/lighttpd.pid" "$QG/lighttpd.pid" "$MS/spawn.pid" "$QG/spawn.pid"; }
trap cleanup EXIT

# --- this service
if has eco; then
  # a copy, so a rebuild of the module during the run cannot pull the classes from under the JVM
  cp geoserver-ext/server/target/ecoplan-server.jar "$OUT/ecoplan-server.jar"
  PORT=$P_ECO HOST=127.0.0.1 ECOPLAN_DATA_DIR=$W/workspace BENCH_STORE_URL="gpkg:$GPKG" ECOPLAN_MAX_FEATURES=20000 \
    java -Xmx"$ECO_HEAP" -jar "$OUT/ecoplan-server.jar" >"$OUT/ecoplan.log" 2>&1 &
  ECO_PID=$!
fi
# --- MapServer 8 under FastCGI; its own config file allows only the benchmark mapfile
if has ms; then
  sed -e "s#@GPKG@#$GPKG#g" -e "s#@PORT@#$P_MS#" "$W/mapserver/bench.map.in" >"$MS/bench.map"
  sed -e "s#@DIR@#$MS#g" "$W/mapserver/mapserver.conf.in" >"$MS/mapserver.conf"
  sed -e "s#@DIR@#$MS#g" -e "s#@PORT@#$P_MS#" -e "s#@PATH@#/mapserv#" "$W/lighttpd.conf.in" >"$MS/lighttpd.conf"
  env MAPSERVER_CONFIG_FILE="$MS/mapserver.conf" \
    spawn-fcgi -s "$MS/fcgi.sock" -F 2 -P "$MS/spawn.pid" -- "$MAPSERV" >/dev/null
  lighttpd -f "$MS/lighttpd.conf"
fi
# --- QGIS Server 3.22 under FastCGI, offscreen (no X server needed), with a project made from the template
if has qgis; then
  sed -e "s#@GPKG@#$GPKG#g" "$W/qgis/bench.qgs.in" >"$QG/bench.qgs"
  sed -e "s#@DIR@#$QG#g" -e "s#@PORT@#$P_QG#" -e "s#@PATH@#/qgis#" "$W/lighttpd.conf.in" >"$QG/lighttpd.conf"
  env HOME="$QG/home" QGIS_PROJECT_FILE="$QG/bench.qgs" QT_QPA_PLATFORM=offscreen QGIS_SERVER_LOG_LEVEL=2 \
    QGIS_SERVER_LOG_FILE="$QG/qgis-server.log" \
    spawn-fcgi -s "$QG/fcgi.sock" -F 2 -P "$QG/spawn.pid" -- "$QGIS_FCGI" >/dev/null
  lighttpd -f "$QG/lighttpd.conf"
fi
if has eco; then
  for _ in $(seq 60); do curl -fs "http://127.0.0.1:$P_ECO/health" >/dev/null && break; sleep 1; done
fi

# --- the workloads, in each server's spelling (one request path per line). BBOX: WFS 2.0 with the
# urn CRS is latitude first (MapServer and this service); QGIS Server's WFS 1.1.0 reads lon/lat.
mkdir -p "$OUT/eco" "$OUT/ms" "$OUT/qgis"
ECO_Q="/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&OUTPUTFORMAT=application/json"
MS_Q="/mapserv?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&OUTPUTFORMAT=geojson"
QG_Q="/qgis?SERVICE=WFS&VERSION=1.1.0&REQUEST=GetFeature&OUTPUTFORMAT=application/vnd.geo%2Bjson"
URN=urn:ogc:def:crs:EPSG::4326
if [ "$PROTOCOL" = wfs ]; then
  echo "$ECO_Q&TYPENAMES=bench_points" >"$OUT/eco/points.txt"
  echo "$ECO_Q&TYPENAMES=bench_polygons&BBOX=$LATLON_BBOX,$URN" >"$OUT/eco/polygons.txt"
  echo "$MS_Q&TYPENAMES=bench_points" >"$OUT/ms/points.txt"
  echo "$MS_Q&TYPENAMES=bench_polygons&BBOX=$LATLON_BBOX,$URN" >"$OUT/ms/polygons.txt"
  echo "$QG_Q&TYPENAME=bench_points" >"$OUT/qgis/points.txt"
  echo "$QG_Q&TYPENAME=bench_polygons&BBOX=$BBOX" >"$OUT/qgis/polygons.txt"
else
  # OGC API – Features items: bbox in CRS84 (lon/lat) everywhere; a limit above each answer's size
  LIMIT=$((BBOX_COUNT > 2000 ? BBOX_COUNT : 2000))
  echo "/bench/ogcapi/collections/bench_points/items?f=json&limit=2000" >"$OUT/eco/points.txt"
  echo "/bench/ogcapi/collections/bench_polygons/items?f=json&bbox=$BBOX&limit=$LIMIT" >"$OUT/eco/polygons.txt"
  echo "/mapserv/bench/ogcapi/collections/bench_points/items?f=json&limit=2000" >"$OUT/ms/points.txt"
  echo "/mapserv/bench/ogcapi/collections/bench_polygons/items?f=json&bbox=$BBOX&limit=$LIMIT" >"$OUT/ms/polygons.txt"
  echo "/qgis/wfs3/collections/bench_points/items.geojson?limit=2000" >"$OUT/qgis/points.txt"
  echo "/qgis/wfs3/collections/bench_polygons/items.geojson?bbox=$BBOX&limit=$LIMIT" >"$OUT/qgis/polygons.txt"
fi
port_of() { case $1 in eco) echo "$P_ECO";; ms) echo "$P_MS";; qgis) echo "$P_QG";; esac; }

# every server must answer both workloads with the same features before anything is measured
for w in points polygons; do
  for who in $SERVERS; do
    curl -s -o "$OUT/$who-$w.json" -w '%{http_code} %{size_download} %{content_type}\n' \
      "http://127.0.0.1:$(port_of "$who")$(head -1 "$OUT/$who/$w.txt")" >"$OUT/$who-$w.head"
  done
done
/usr/bin/python3 "$W/check-answers.py" "$OUT" 2000 "$BBOX_COUNT" $SERVERS || exit 1

rss_kb() { # sum of the given /proc status field (VmHWM peak, VmRSS current) over pids
  local field=$1 t=0 p v; shift
  for p in "$@"; do v=$(awk -v f="$field:" '$1==f{print $2}' /proc/"$p"/status 2>/dev/null); t=$((t + ${v:-0})); done
  echo $t
}
pids_of() { # spawn-fcgi's pid file has no final newline
  case $1 in
    eco) echo "$ECO_PID";;
    ms) echo "$(cat "$MS/spawn.pid") $(cat "$MS/lighttpd.pid")";;
    qgis) echo "$(cat "$QG/spawn.pid") $(cat "$QG/lighttpd.pid")";;
  esac
}

run() { # who workload conns
  local who=$1 w=$2 c=$3 port
  port=$(port_of "$who")
  URLS=$OUT/$who/$w.txt wrk -t2 -c"$c" -d"$WARMUP" --timeout 60s -s "$W/wfs.lua" "http://127.0.0.1:$port" >/dev/null
  URLS=$OUT/$who/$w.txt wrk -t2 -c"$c" -d"$DURATION" --timeout 60s -s "$W/wfs.lua" "http://127.0.0.1:$port" >"$OUT/$who-$w-$c.txt"
}
has eco && echo "eco idle $(rss_kb VmRSS "$ECO_PID")" >"$OUT/eco-rss.txt"
# every server is warmed on every workload before the first measurement: a JVM compiles its hot
# code during the first seconds, and the first row measured would otherwise pay for that alone
for w in points polygons; do
  for who in $SERVERS; do
    URLS=$OUT/$who/$w.txt wrk -t2 -c8 -d"$WARMUP" --timeout 60s -s "$W/wfs.lua" "http://127.0.0.1:$(port_of "$who")" >/dev/null
  done
done
cut -d" " -f1-3 /proc/loadavg >"$OUT/loadavg-before.txt"  # other work on the machine skews every number
for w in points polygons; do
  for c in 2 8; do
    for who in $SERVERS; do run "$who" $w $c; done
  done
  has eco && echo "eco $w $(rss_kb VmRSS "$ECO_PID")" >>"$OUT/eco-rss.txt"
done
BIG_COUNT=0
if has eco; then
  # results 4x larger: the BBOX doubled each way (20,000 squares), 8 connections
  BIG_BBOX=$(/usr/bin/python3 -c "x0,y0,x1,y1=$BBOX; print(f'{y0:.6f},{x0:.6f},{2*y1-y0:.6f},{2*x1-x0:.6f}')")
  if [ "$PROTOCOL" = wfs ]; then
    echo "$ECO_Q&TYPENAMES=bench_polygons&BBOX=$BIG_BBOX,$URN" >"$OUT/eco/big.txt"
  else
    BIG_LONLAT=$(/usr/bin/python3 -c "x0,y0,x1,y1=$BBOX; print(f'{x0:.6f},{y0:.6f},{2*x1-x0:.6f},{2*y1-y0:.6f}')")
    echo "/bench/ogcapi/collections/bench_polygons/items?f=json&bbox=$BIG_LONLAT&limit=20000" >"$OUT/eco/big.txt"
  fi
  curl -s "http://127.0.0.1:$P_ECO$(cat "$OUT/eco/big.txt")" >"$OUT/eco-big.json"
  BIG_COUNT=$(/usr/bin/python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['features']))" "$OUT/eco-big.json")
  run eco big 8
  echo "eco big $(rss_kb VmRSS "$ECO_PID")" >>"$OUT/eco-rss.txt"
fi

cut -d" " -f1-3 /proc/loadavg >"$OUT/loadavg-after.txt"
HWM=()
for who in $SERVERS; do HWM+=("$who=$(rss_kb VmHWM $(pids_of "$who"))"); done
/usr/bin/python3 "$W/report.py" "$OUT" "$BBOX_COUNT" "$BIG_COUNT" "${HWM[@]}" | tee "$OUT/report.txt"
echo "raw results: $OUT"
