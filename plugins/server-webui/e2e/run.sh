#!/usr/bin/env bash
# The web UI's end-to-end test: starts the built distribution's `segue serve` on a free port with a
# fresh data folder, seeds a user and synthesised tracks, and drives the UI in Debian's Chromium.
# Needs: the distribution built (./mvnw install -DskipTests, or after ./mvnw verify), node >= 20.19
# with npm, and /usr/bin/chromium (apt-get install -y chromium). Screenshots: target/e2e-screenshots/.
set -euo pipefail
module=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$module/../.." && pwd)

segue=""
for candidate in "$root"/distribution/target/segue-*/bin/segue; do
  [ -x "$candidate" ] && segue=$candidate
done
if [ -z "$segue" ]; then
  echo "e2e: no distribution/target/segue-*/bin/segue; build it first: ./mvnw -B install -DskipTests" >&2
  exit 2
fi
chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  # A developer without Chromium still gets a green build; CI (SEGUE_REQUIRE_PEERS=1) installs it
  # and fails here if it is missing.
  if [ "${SEGUE_REQUIRE_PEERS:-}" = 1 ]; then
    echo "e2e: $chromium is missing; install it: apt-get update && apt-get install -y chromium" >&2
    exit 2
  fi
  echo "e2e: skipped: $chromium is not installed (apt-get install -y chromium)" >&2
  exit 0
fi
cd "$module"
[ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund --loglevel=error
exec node e2e/e2e.mjs --segue "$segue" --chromium "$chromium" "$@"
