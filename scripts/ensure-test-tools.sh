#!/usr/bin/env bash
# Installs what the tests need besides PostgreSQL: Debian's aiosmtpd, the real SMTP server the mail tests run on loopback,
# and Debian's docker-compose (1.29), which checks docker-compose.yml without a Docker engine.
# Debian's aiosmtpd is for /usr/bin/python3; another python3 earlier on PATH (pyenv) does not see it, and the tests know that.
# aiosmtpd is required. docker-compose is not: its tests are skipped (and say so) where it is missing, so a slow or
# unreachable package mirror costs at most MONITOR_APT_TIMEOUT seconds (default 300) and a warning, never the run. Only
# the downloads run under that limit (stopping them is harmless); dpkg then installs from the cache and is never cut off.
# Without recommends: docker-compose recommends docker.io, a Docker engine, which the tests neither need nor should get.
set -euo pipefail
have_aiosmtpd() {
  for py in "${MONITOR_TEST_PYTHON:-}" /usr/bin/python3 python3; do
    [ -n "$py" ] && command -v "$py" >/dev/null 2>&1 && "$py" -c 'import aiosmtpd' >/dev/null 2>&1 && return 0
  done
  return 1
}
have_compose() { command -v docker-compose >/dev/null 2>&1; }
if have_aiosmtpd && have_compose; then exit 0; fi

SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
limit="${MONITOR_APT_TIMEOUT:-300}"
updated=""
# apt_update [timeout SECONDS]: once per run; the optional prefix limits it for what may be skipped.
apt_update() { [ -n "$updated" ] || { $SUDO "$@" apt-get update -qq && updated=1; }; }

if ! have_aiosmtpd; then
  echo "aiosmtpd (SMTP-testserver) ontbreekt; installeren met apt-get..." >&2
  apt_update
  $SUDO apt-get install -y -qq python3-aiosmtpd >/dev/null
  have_aiosmtpd || { echo "python3-aiosmtpd installeren is mislukt." >&2; exit 1; }
fi

if ! have_compose; then
  echo "docker-compose (controleert docker-compose.yml) ontbreekt; installeren met apt-get..." >&2
  if apt_update timeout "$limit" \
     && $SUDO timeout "$limit" apt-get install -y -qq --no-install-recommends --download-only docker-compose >/dev/null \
     && $SUDO apt-get install -y -qq --no-install-recommends --no-download docker-compose >/dev/null \
     && have_compose; then :
  else
    echo "Waarschuwing: docker-compose installeren lukte niet (binnen ${limit} s); de tests van docker-compose.yml met docker-compose worden overgeslagen." >&2
  fi
fi
