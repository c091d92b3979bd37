#!/bin/sh
# The monitor container. The first argument says what it does:
#   serve (the default)  bring the warehouse schema up to date, then run the service (Hangfire, /hangfire, /health)
#   migrate              only bring the schema up to date (each migration once; safe to repeat)
#   demo                 the compose profile "demo": load the sample feeds of the image exactly as `./monitor demo`
#                        does (its manifest, so new sample feeds come along), compute, evaluate the alerts and send
#                        them and the digests; then stop, while the serve container runs the schedules
#   anything else        passed to the monitor as it is: `docker compose run --rm monitor feeds list`
# Which PostgreSQL: MONITOR_Warehouse__Host/Port/Database/Username/Password (docker-compose.yml), or MONITOR_DB.
# Without either the Monitor would start an embedded PostgreSQL inside the container, which is never what is meant here.
# MONITOR_BIN and MONITOR_SAMPLES exist for the test that runs this script outside Docker (EntrypointScriptTests).
set -eu
monitor="${MONITOR_BIN:-/app/monitor}"
samples="${MONITOR_SAMPLES:-/app/samples/feeds}"

if [ -z "${MONITOR_Warehouse__Host:-}" ] && [ -z "${MONITOR_DB:-}" ]; then
  echo "Fout: geen magazijn ingesteld (MONITOR_Warehouse__Host of MONITOR_DB)." >&2
  exit 1
fi

mode="${1:-serve}"
[ "$#" -gt 0 ] && shift
case "$mode" in
  serve)
    "$monitor" db migrate
    exec "$monitor" serve --urls "${MONITOR_URLS:-http://0.0.0.0:5080}" "$@"
    ;;
  migrate)
    exec "$monitor" db migrate "$@"
    ;;
  demo)
    "$monitor" db migrate
    exec "$monitor" demo --samples "$samples" "$@"
    ;;
  *)
    exec "$monitor" "$mode" "$@"
    ;;
esac
