#!/usr/bin/env bash
# Repeats, from a `dotnet test` console log, what failed: build errors, and each failed test with its message and the
# top of its stack (at most 40 lines each), then one line per failed test as the very last lines.
set -euo pipefail
log="$1"
echo
echo "==================== Wat mislukte (herhaald uit de uitvoer hierboven) ===================="
grep -E ': error [A-Z]+[0-9]+' "$log" | sort -u | head -n 40 || true
awk '
  /^[[:space:]]+Failed [^ ]/ { n = 0; p = 1 }
  /^[[:space:]]+(Passed|Skipped) [^ ]/ || /^\[xUnit\.net/ || /^Test Run / || /^Total tests/ { p = 0 }
  p && n < 40 { print; n++ }
' "$log"
echo "---- mislukte tests ----"
grep -E '^[[:space:]]+Failed [^ ]' "$log" | sed -E 's/^[[:space:]]+//' || echo "(geen testnamen gevonden: zie de bouw- of starterfouten hierboven)"
