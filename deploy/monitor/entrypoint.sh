#!/bin/sh
# The monitor container: bring the warehouse schema up to date (each migration once; safe to repeat), then serve.
# MONITOR_DB (from docker-compose.yml) says which PostgreSQL; without it the Monitor would start an embedded one.
set -eu
: "${MONITOR_DB:?MONITOR_DB is niet gezet}"
/app/monitor db migrate
exec /app/monitor serve --urls "${MONITOR_URLS:-http://0.0.0.0:5080}"
