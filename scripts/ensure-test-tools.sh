#!/usr/bin/env bash
# Installs what the tests need besides PostgreSQL: Debian's aiosmtpd, the real SMTP server the mail tests run on loopback.
# Debian's package is for /usr/bin/python3; another python3 earlier on PATH (pyenv) does not see it, and the tests know that.
set -euo pipefail
have_aiosmtpd() {
  for py in "${MONITOR_TEST_PYTHON:-}" /usr/bin/python3 python3; do
    [ -n "$py" ] && command -v "$py" >/dev/null 2>&1 && "$py" -c 'import aiosmtpd' >/dev/null 2>&1 && return 0
  done
  return 1
}
if have_aiosmtpd; then exit 0; fi
echo "aiosmtpd (SMTP-testserver) ontbreekt; installeren met apt-get..." >&2
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq python3-aiosmtpd >/dev/null
have_aiosmtpd || { echo "python3-aiosmtpd installeren is mislukt." >&2; exit 1; }
