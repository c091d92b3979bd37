#!/usr/bin/env bash
# Installs the PostgreSQL server binaries when this machine has none. The Monitor starts its own private cluster
# from them (embedded warehouse, test fixtures); it never uses or changes a system cluster.
set -euo pipefail
have_pg() {
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null && return 0
  [ -n "${MONITOR_PG_BIN:-}" ] && [ -x "$MONITOR_PG_BIN/initdb" ] && return 0
  command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1
}
if have_pg; then exit 0; fi
echo "PostgreSQL-serverprogramma's ontbreken; installeren met apt-get..." >&2
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq postgresql >/dev/null
have_pg || { echo "PostgreSQL installeren is mislukt." >&2; exit 1; }
