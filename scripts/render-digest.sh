#!/usr/bin/env bash
# Renders the Noord-Brabant (PV30) and Flevoland (PV24) weekly digests (and Noord-Brabant's for its toezichthouder) and the college digest of one gemeente to PNG in
# docs/, with headless Chromium (Debian's `chromium`, installed when missing), from the warehouse ./monitor uses
# (run ./monitor demo first). What a reader sees first at 1280 px is what the README shows.
#   scripts/render-digest.sh [GEMEENTE]        default GM0855 (Tilburg); NOW=2026-12-03 renders another date
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
gemeente="${1:-GM0855}"
height="${HEIGHT:-2200}"

if ! command -v chromium >/dev/null 2>&1; then
  echo "chromium ontbreekt: installeren met apt-get." >&2
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi
fi

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
now=()
[ -n "${NOW:-}" ] && now=(--now "$NOW")
"$here/monitor" digest --provincie PV30 PV24 --out "$out" "${now[@]}"
"$here/monitor" digest --gemeente "$gemeente" --out "$out" "${now[@]}"

mkdir -p "$here/docs"
shot() { # html-file png-name
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size="1280,$height" --screenshot="$here/docs/$2" "file://$1" >/dev/null 2>&1
  echo "docs/$2"
}
for p in PV30 PV24; do shot "$(ls "$out"/weekoverzicht-"$p"-*.html | head -1)" "weekoverzicht-$p.png"; done
# As the toezichthouder of Noord-Brabant gets it: the same digest with the toezicht section after the headline.
shot "$(ls "$out"/weekoverzicht-toezicht-PV30-*.html | head -1)" "weekoverzicht-toezicht-PV30.png"
shot "$(ls "$out"/collegeoverzicht-"$gemeente"-*.html | head -1)" "collegeoverzicht-$gemeente.png"
