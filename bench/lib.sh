# Shared pieces of the benchmark scripts (source it from bench/*.sh, working directory = repository root).

# free_port -> an unused TCP port on 127.0.0.1
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# start_mapserver DIR GPKG PORT: MapServer 8 (Debian cgi-mapserver) under FastCGI with 2 worker
# processes behind lighttpd on 127.0.0.1:PORT, serving bench/mapserver/plan.map.in over GPKG at /mapserv?
# Writes DIR/spawn.pid (workers) and DIR/lighttpd.pid; stop it with stop_mapserver DIR.
start_mapserver() {
  local dir=$1 gpkg=$2 port=$3
  mkdir -p "$dir"
  echo "wqy /usr/share/fonts/truetype/wqy/wqy-microhei.ttc" >"$dir/fonts.txt"
  sed -e "s#@GPKG@#$gpkg#g" -e "s#@FONTSET@#$dir/fonts.txt#" -e "s#@PORT@#$port#" bench/mapserver/plan.map.in >"$dir/plan.map"
  sed -e "s#@DIR@#$dir#g" -e "s#@PORT@#$port#" bench/mapserver/lighttpd.conf.in >"$dir/lighttpd.conf"
  printf 'CONFIG\n  ENV\n    MS_MAPFILE "%s"\n  END\nEND\n' "$dir/plan.map" >"$dir/mapserver.conf"
  MAPSERVER_CONFIG_FILE=$dir/mapserver.conf MS_MAPFILE=$dir/plan.map \
    spawn-fcgi -s "$dir/mapserv.sock" -F 2 -P "$dir/spawn.pid" -- /usr/lib/cgi-bin/mapserv >/dev/null
  lighttpd -f "$dir/lighttpd.conf"
}

# stop_mapserver DIR: stops the processes start_mapserver DIR started (by their pid files only);
# FastCGI mapserv ignores SIGTERM, so what is still there after a moment is killed
stop_mapserver() {
  local dir=$1 p pids=()
  [ -s "$dir/lighttpd.pid" ] && pids+=("$(cat "$dir/lighttpd.pid")")
  if [ -s "$dir/spawn.pid" ]; then for p in $(cat "$dir/spawn.pid"); do pids+=("$p"); done; fi
  [ ${#pids[@]} -gt 0 ] || return 0
  kill "${pids[@]}" 2>/dev/null || true
  sleep 1
  kill -9 "${pids[@]}" 2>/dev/null || true
}

# wait_http URL [SECONDS]: waits until URL answers 2xx
wait_http() {
  local i
  for i in $(seq "${2:-60}"); do curl -fs "$1" >/dev/null && return 0; sleep 1; done
  echo "no answer from $1" >&2; return 1
}

# wrk_run PORT URLFILE OUTFILE CONNS DURATION WARMUP: wrk -t2 through bench/urls.lua, after a warm-up
wrk_run() {
  URLS=$2 wrk -t2 -c"$4" -d"$6" -s bench/urls.lua "http://127.0.0.1:$1" >/dev/null
  URLS=$2 wrk -t2 -c"$4" -d"$5" --timeout 30s -s bench/urls.lua "http://127.0.0.1:$1" >"$3"
}

# make_parcels N DIR: the load and scale benchmarks' source, DIR/parcels.gpkg with N synthetic parcels
# (bench/load/make-data.py, then ogr2ogr), made once per N
make_parcels() {
  local n=$1 data=$2
  mkdir -p "$data"
  if [ -f "$data/parcels.gpkg" ] && [ "$(cat "$data/n" 2>/dev/null)" = "$n" ]; then return 0; fi
  echo "making $n parcels ..." >&2
  rm -f "$data/parcels.gpkg"
  /usr/bin/python3 bench/load/make-data.py "$n" "$data/parcels.csv"
  ogr2ogr -f GPKG "$data/parcels.gpkg" "$data/parcels.csv" -nln parcels -a_srs EPSG:4490 -nlt POLYGON \
    -oo GEOM_POSSIBLE_NAMES=wkt -oo KEEP_GEOM_COLUMNS=NO -oo AUTODETECT_TYPE=YES -gt 100000
  rm -f "$data/parcels.csv"
  echo "$n" >"$data/n"
}

# stop_started PID_OR_PIDFILE...: stops the processes a benchmark started, by pid or by the pids in a
# pid file (spawn-fcgi writes one per worker), never by name; FastCGI mapserv ignores SIGTERM, so what
# is still there after 2 s is killed
stop_started() {
  local a pids=()
  for a in "$@"; do
    if [ -f "$a" ]; then [ -s "$a" ] && pids+=($(cat "$a")); elif [[ $a =~ ^[0-9]+$ ]]; then pids+=("$a"); fi
  done
  [ ${#pids[@]} -gt 0 ] || return 0
  kill "${pids[@]}" 2>/dev/null || true
  sleep 2
  kill -9 "${pids[@]}" 2>/dev/null || true
}
