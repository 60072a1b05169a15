#!/usr/bin/env bash
# Large-data benchmark: N synthetic parcels (default 1,000,000 polygons of 10-20 vertices,
# bench/load/make-data.py) loaded once into PostGIS by the project's data-loader, then served by this
# service, MapServer 8 (Debian cgi-mapserver) and QGIS Server 3.22 (Debian qgis-server) reading the
# same table in the same run; peers under FastCGI with 2 worker processes (spawn-fcgi) behind
# lighttpd, MapServer keeping its connection (CLOSE_CONNECTION=DEFER), every server drawing the same
# fill and outline. This service runs with its tile cache off (every map is drawn) and -Xmx$ECO_HEAP.
# Workloads (bench/scale/urls.py; boxes at random over the grid, the same for every server), each at 2
# and 8 connections with wrk -t2 on 127.0.0.1 after a warm-up:
#   dense   WMS GetMap 1024x768 PNG with ~2,000 parcels in view    county  the whole county (every parcel; 2 conns)
#   tiles   WMS GetMap 256x256 PNG, EPSG:3857 zoom-15 tiles         wfs     WFS GetFeature BBOX of 5,000 parcels, GeoJSON
#   ogcapi  OGC API – Features items bbox of 5,000 parcels, GeoJSON (QGIS: /wfs3)
# Every server gets the same warm-up on each workload before it is measured (WARMUP at 8 connections):
# long enough for this service's JIT compiler to finish with the workload's code, as it would have in
# service; the peers, compiled ahead of time, are unchanged by it.
# Before anything is measured every server must answer a first map with a PNG and the first box with
# exactly 5,000 features. Prints req/s (errors), the ratio to the best peer, p99 and peak RSS.
#   N (1000000)  DURATION (20s)  WARMUP (30s)  COUNTY_DURATION (60s)  ECO_HEAP (384m)  SERVERS ("eco ms qgis")
#   WORKLOADS ("dense tiles wfs ogcapi county")
#   PGHOST/PGPORT/PGUSER (127.0.0.1, 5432, postgres); the database ecoplan_scale is made and kept.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
. bench/lib.sh
N=${N:-1000000}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-30s}
ECO_HEAP=${ECO_HEAP:-384m}
SERVERS=${SERVERS:-eco ms qgis}
WORKLOADS=${WORKLOADS:-dense tiles wfs ogcapi county}
COUNTY_DURATION=${COUNTY_DURATION:-60s}
PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
DB=ecoplan_scale
SCHEMA=bulk
has() { case " $SERVERS " in *" $1 "*) return 0;; esac; return 1; }
OUT=$ROOT/bench/results/scale-$(date +%Y%m%d-%H%M%S)
DATA=$ROOT/bench/results/load-data
S=$ROOT/bench/scale
mkdir -p "$OUT"

need=()
for p in qgis-server cgi-mapserver lighttpd spawn-fcgi wrk curl gdal-bin; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
[ -s geoserver-ext/server/target/ecoplan-server.jar ] && [ -s data-loader/target/ecoplan-data-loader.jar ] || mvn -B -q -DskipTests package

# --- data: made and loaded once per N (the loader records the content version; same input, same table)
make_parcels "$N" "$DATA"
if ! psql -Atq -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
  psql -q -d postgres -c "CREATE DATABASE $DB"
  psql -q -d $DB -c "CREATE EXTENSION postgis"
fi
PG_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB?user=$PGUSER&currentSchema=$SCHEMA"
if [ "$(psql -Atq -d $DB -c "SELECT count(*) FROM $SCHEMA.parcels" 2>/dev/null || echo 0)" != "$N" ]; then
  echo "loading $N parcels into PostGIS" >&2
  java -Xmx256m -jar data-loader/target/ecoplan-data-loader.jar load --data-dir bench/load/workspace --store "$PG_URL" \
    >"$OUT/load.log" 2>&1 || { tail -20 "$OUT/load.log"; exit 1; }
fi

P_ECO=$(free_port); P_MS=$(free_port); P_QG=$(free_port)
MS=$OUT/mapserver; QG=$OUT/qgis
mkdir -p "$MS" "$QG/home"
ECO_PID=
cleanup() { stop_started "$ECO_PID" "$MS/lighttpd.pid" "$QG/lighttpd.pid" "$MS/spawn.pid" "$QG/spawn.pid"; }
trap cleanup EXIT

if has eco; then
  cp geoserver-ext/server/target/ecoplan-server.jar "$OUT/ecoplan-server.jar"
  PORT=$P_ECO HOST=127.0.0.1 ECOPLAN_DATA_DIR=$ROOT/bench/load/workspace BULK_STORE_URL="$PG_URL" \
    ECOPLAN_TILE_CACHE=off ECOPLAN_MAX_FEATURES=20000 \
    java -Xmx"$ECO_HEAP" -jar "$OUT/ecoplan-server.jar" >"$OUT/ecoplan.log" 2>&1 &
  ECO_PID=$!
fi
if has ms; then
  sed -e "s#@PGCONN@#host=$PGHOST port=$PGPORT dbname=$DB user=$PGUSER#" -e "s#@SCHEMA@#$SCHEMA#" -e "s#@PORT@#$P_MS#" \
    "$S/mapserver/scale.map.in" >"$MS/scale.map"
  sed -e "s#@DIR@#$MS#g" "$S/mapserver/mapserver.conf.in" >"$MS/mapserver.conf"
  sed -e "s#@DIR@#$MS#g" -e "s#@PORT@#$P_MS#" -e "s#@PATH@#/mapserv#" bench/wfs/lighttpd.conf.in >"$MS/lighttpd.conf"
  env MAPSERVER_CONFIG_FILE="$MS/mapserver.conf" spawn-fcgi -s "$MS/fcgi.sock" -F 2 -P "$MS/spawn.pid" -- \
    /usr/lib/cgi-bin/mapserv >/dev/null
  lighttpd -f "$MS/lighttpd.conf"
fi
if has qgis; then
  HOME="$QG/home" /usr/bin/python3 "$S/qgis/make-project.py" "$QG/scale.qgs" \
    "PG:dbname='$DB' host=$PGHOST port=$PGPORT user='$PGUSER'" "$SCHEMA" >"$QG/make-project.log" 2>&1 \
    || { cat "$QG/make-project.log"; exit 1; }
  sed -e "s#@DIR@#$QG#g" -e "s#@PORT@#$P_QG#" -e "s#@PATH@#/qgis#" bench/wfs/lighttpd.conf.in >"$QG/lighttpd.conf"
  env HOME="$QG/home" QGIS_PROJECT_FILE="$QG/scale.qgs" QT_QPA_PLATFORM=offscreen QGIS_SERVER_LOG_LEVEL=2 \
    QGIS_SERVER_LOG_FILE="$QG/qgis-server.log" \
    spawn-fcgi -s "$QG/fcgi.sock" -F 2 -P "$QG/spawn.pid" -- /usr/lib/cgi-bin/qgis_mapserv.fcgi >/dev/null
  lighttpd -f "$QG/lighttpd.conf"
fi
has eco && wait_http "http://127.0.0.1:$P_ECO/health" 120
port_of() { case $1 in eco) echo "$P_ECO";; ms) echo "$P_MS";; qgis) echo "$P_QG";; esac; }
for who in $SERVERS; do /usr/bin/python3 "$S/urls.py" "$who" "$N" "$OUT/$who"; done

# every server answers the first map with a PNG and the first box with exactly 5,000 parcels
for who in $SERVERS; do
  base="http://127.0.0.1:$(port_of "$who")"
  ct=$(curl -s -o "$OUT/$who-dense.png" -w '%{content_type}' "$base$(head -1 "$OUT/$who/dense.txt")")
  [[ $ct == image/png* ]] || { echo "$who: the first map is not a PNG ($ct)"; head -c 600 "$OUT/$who-dense.png"; exit 1; }
  for w in wfs ogcapi; do
    curl -s -o "$OUT/$who-$w.json" "$base$(head -1 "$OUT/$who/$w.txt")"
    got=$(/usr/bin/python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['features']))" "$OUT/$who-$w.json" \
      2>/dev/null || echo "not GeoJSON")
    [ "$got" = 5000 ] || { echo "$who $w: $got features, not 5000"; head -c 600 "$OUT/$who-$w.json"; exit 1; }
  done
done

rss_kb() { local t=0 p v; for p in "$@"; do v=$(awk '$1=="VmHWM:"{print $2}' /proc/"$p"/status 2>/dev/null); t=$((t + ${v:-0})); done; echo $t; }
pids_of() {
  case $1 in
    eco) echo "$ECO_PID";;
    ms) echo "$(cat "$MS/spawn.pid") $(cat "$MS/lighttpd.pid")";;
    qgis) echo "$(cat "$QG/spawn.pid") $(cat "$QG/lighttpd.pid")";;
  esac
}
expect_of() { case $1 in dense|county|tiles) echo image/;; *) echo json;; esac; }
run() { # who workload conns duration
  URLS=$OUT/$1/$2.txt EXPECT=$(expect_of "$2") wrk -t2 -c"$3" -d"$4" --timeout 120s -s bench/urls.lua "http://127.0.0.1:$(port_of "$1")" \
    >"$OUT/$1-$2-$3.txt"
}
cut -d" " -f1-3 /proc/loadavg >"$OUT/loadavg-before.txt"
for w in $WORKLOADS; do
  if [ "$w" = county ]; then
    # maps of every parcel take seconds each: warmed by one map per server, measured at 2 connections
    # for COUNTY_DURATION; a warm-up by wrk would leave renders running into the measurement
    for who in $SERVERS; do curl -s -o /dev/null --max-time 300 "http://127.0.0.1:$(port_of "$who")$(head -1 "$OUT/$who/county.txt")"; done
    for who in $SERVERS; do run "$who" county 2 "$COUNTY_DURATION"; done
    continue
  fi
  for who in $SERVERS; do run "$who" $w 8 "$WARMUP"; done   # warm-up, overwritten below
  for c in 2 8; do
    for who in $SERVERS; do run "$who" $w $c "$DURATION"; done
  done
done
cut -d" " -f1-3 /proc/loadavg >"$OUT/loadavg-after.txt"
HWM=()
for who in $SERVERS; do HWM+=("$who=$(rss_kb $(pids_of "$who"))"); done
/usr/bin/python3 "$S/report.py" "$OUT" "$N" "${HWM[@]}" | tee "$OUT/report.txt"
echo "load average before/after: $(cat "$OUT/loadavg-before.txt") / $(cat "$OUT/loadavg-after.txt")" | tee -a "$OUT/report.txt"
echo "raw results: $OUT"
