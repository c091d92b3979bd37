#!/bin/sh
# Creates Grafana's login grafana_ro, a member of monitor_grafana: the role that may read the views in schema grafana
# and nothing else (the grants themselves are in sql/migrations/0003_grafana.sql). The postgres image runs this once,
# as the superuser, when the data volume is still empty, so before the Monitor first migrates. Safe to run again.
# The password comes from the environment (GRAFANA_PG_PASSWORD, see .env.example), never from a file in the repo.
set -eu
: "${GRAFANA_PG_PASSWORD:?GRAFANA_PG_PASSWORD is niet gezet}"

psql -v ON_ERROR_STOP=1 --no-psqlrc --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-postgres}" \
     -v password="$GRAFANA_PG_PASSWORD" <<'SQL'
SELECT 'CREATE ROLE monitor_grafana NOLOGIN'
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'monitor_grafana') \gexec
SELECT 'CREATE ROLE grafana_ro LOGIN'
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'grafana_ro') \gexec
ALTER ROLE grafana_ro WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT PASSWORD :'password';
GRANT monitor_grafana TO grafana_ro;
-- Guards on top of the grants: no accidental writes in a session, no runaway panel query, few connections.
ALTER ROLE grafana_ro SET default_transaction_read_only = on;
ALTER ROLE grafana_ro SET statement_timeout = '30s';
ALTER ROLE grafana_ro CONNECTION LIMIT 20;
SQL
