#!/usr/bin/env bash
# The data-loader beside ogr2ogr (GDAL, Debian gdal-bin), same source, same database, same run:
# N synthetic parcels (default 1,000,000 polygons of 10-20 vertices, bench/load/make-data.py) read
# from one GeoPackage and written (a) into PostGIS — each into a schema of its own in one database,
# ogr2ogr with COPY (PG_USE_COPY=YES) in one transaction (-gt unlimited) and a GiST index — and
# (b) into a new GeoPackage with its R-tree. The loader also checks every feature (types, required
# values, geometry validity) before writing, records a content version and ANALYZEs; ogr2ogr
# copies. Each tool runs RUNS times (default 2), alternating; the table gives the best time, the
# ratio ogr2ogr/loader (>= 1: the loader is no slower) and the peak RSS.
# Settings: N, RUNS, LOADER_HEAP (256m), PG (libpq host/port/user, default 127.0.0.1:5432 postgres).
# Results: bench/results/load-<time>/report.txt (git ignores bench/results).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-1000000}
RUNS=${RUNS:-2}
HEAP=${LOADER_HEAP:-256m}
PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
DB=ecoplan_load_bench
data=bench/results/load-data
out=bench/results/load-$(date +%Y%m%d-%H%M%S)
mkdir -p "$data" "$out"
jar=data-loader/target/ecoplan-data-loader.jar
[ -f "$jar" ] || { echo "build first: mvn -B -q install -DskipTests" >&2; exit 1; }
command -v ogr2ogr >/dev/null || { echo "ogr2ogr missing (Debian gdal-bin)" >&2; exit 1; }

. bench/lib.sh
make_parcels "$N" "$data"

psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
psql -q -d $DB -c "CREATE EXTENSION postgis"
pg_url="jdbc:postgresql://$PGHOST:$PGPORT/$DB?user=$PGUSER"

# timed CMD...: runs it under /usr/bin/time, appends "seconds peak_kib" to $out/times.<label>
timed() {
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$out/t.tmp" "$@" >"$out/$label.log" 2>&1 || { cat "$out/$label.log" >&2; exit 1; }
  cat "$out/t.tmp" >>"$out/times.$label"
}
count_pg() { psql -Atq -d $DB -c "SELECT count(*) FROM $1.parcels"; }
count_gpkg() { ogrinfo -ro -so "$1" parcels | sed -n 's/^Feature Count: //p'; }

for run in $(seq "$RUNS"); do
  # alternate which tool goes first: the second may find warmer caches
  order="loader ogr2ogr"; [ $((run % 2)) = 0 ] && order="ogr2ogr loader"
  for tool in $order; do
    if [ "$tool" = loader ]; then
      psql -q -d $DB -c "DROP SCHEMA IF EXISTS eco CASCADE"
      timed loader-postgis java -Xmx$HEAP -jar "$jar" load --data-dir bench/load/workspace --store "$pg_url&currentSchema=eco"
      [ "$(count_pg eco)" = "$N" ] || { echo "loader: wrong count in PostGIS" >&2; exit 1; }
      rm -f "$out/eco.gpkg"
      timed loader-gpkg java -Xmx$HEAP -jar "$jar" load --data-dir bench/load/workspace --store "gpkg:$out/eco.gpkg"
      [ "$(count_gpkg "$out/eco.gpkg")" = "$N" ] || { echo "loader: wrong count in GeoPackage" >&2; exit 1; }
    else
      psql -q -d $DB -c "DROP SCHEMA IF EXISTS ogr CASCADE" -c "CREATE SCHEMA ogr"
      timed ogr2ogr-postgis env PG_USE_COPY=YES ogr2ogr -f PostgreSQL "PG:host=$PGHOST port=$PGPORT dbname=$DB user=$PGUSER" \
        "$data/parcels.gpkg" parcels -lco SCHEMA=ogr -lco SPATIAL_INDEX=GIST -gt unlimited
      [ "$(count_pg ogr)" = "$N" ] || { echo "ogr2ogr: wrong count in PostGIS" >&2; exit 1; }
      rm -f "$out/ogr.gpkg"
      timed ogr2ogr-gpkg ogr2ogr -f GPKG "$out/ogr.gpkg" "$data/parcels.gpkg" parcels -gt unlimited
      [ "$(count_gpkg "$out/ogr.gpkg")" = "$N" ] || { echo "ogr2ogr: wrong count in GeoPackage" >&2; exit 1; }
    fi
  done
done

best() { sort -n "$out/times.$1" | head -1; }
{
  echo "Load of $N polygons (10-20 vertices, 5 attributes) from one GeoPackage, best of $RUNS; $(nproc) cores"
  printf '%-10s %14s %14s %8s %16s %16s\n' target "loader s" "ogr2ogr s" ratio "loader RSS MiB" "ogr2ogr RSS MiB"
  for target in postgis gpkg; do
    read -r ls lm <<<"$(best loader-$target)"
    read -r os om <<<"$(best ogr2ogr-$target)"
    printf '%-10s %14.1f %14.1f %7.2fx %16d %16d\n' "$target" "$ls" "$os" "$(awk -v a="$os" -v b="$ls" 'BEGIN { print a / b }')" \
      $((lm / 1024)) $((om / 1024))
  done
  echo "ratio = ogr2ogr time / loader time (>= 1: the loader is no slower); loader heap -Xmx$HEAP"
} | tee "$out/report.txt"
psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
