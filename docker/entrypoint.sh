#!/bin/sh
# Load the plan data into the configured store (idempotent: the same input gives the same store),
# then run the server. Same commands as bin/serve.
set -eu
java -jar /app/ecoplan-data-loader.jar load --data-dir /app
exec java ${JAVA_OPTS:-} -jar /app/ecoplan-server.jar
