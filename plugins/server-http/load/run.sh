#!/bin/sh
# Load benchmark of the REST api: starts `segue serve` on loopback, makes a user, uploads the demo
# library (five tracks Segue synthesises), then runs wrk (Debian package `wrk`) with 1,000
# concurrent connections against search and recommendations and prints requests/s, p99 latency
# and errors for each.
#
#   plugins/server-http/load/run.sh [SEGUE_HOME] [SECONDS]
#
# SEGUE_HOME defaults to the built distribution (distribution/target/segue-*); it is copied to a
# temporary folder so the rate limit can be lifted in its conf/ without touching the original
# (the production default, 20 requests/s per token, would answer most of the load with 429).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
src=${1:-$(ls -d "$root"/distribution/target/segue-*/ 2>/dev/null | head -1)}
secs=${2:-20}
conns=${CONNECTIONS:-1000}
threads=${THREADS:-2}
[ -x "$src/bin/segue" ] || { echo "no Segue installation at '$src'; build it: ./mvnw -q install -DskipTests" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is missing: apt-get install curl" >&2; exit 2; }
ulimit -n 65536 2>/dev/null || ulimit -n 4096 2>/dev/null || true

work=$(mktemp -d)
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT INT TERM
cp -r "$src" "$work/segue"
cat > "$work/segue/conf/org.segue.server.cfg" <<CFG
requestsPerSecond=1000000
burst=1000000
CFG
export XDG_CACHE_HOME="$work/cache"

"$work/segue/bin/segue" demo -o "$work/demo" >/dev/null 2>&1
lib=$(ls -d "$work"/cache/segue/demo-library-* | head -1)

"$work/segue/bin/segue" serve --port 0 --data "$work/data" >"$work/serve.out" 2>"$work/serve.err" &
pid=$!
i=0
until grep -q 'listening on' "$work/serve.out" 2>/dev/null; do
  i=$((i + 1)); [ $i -gt 600 ] && { cat "$work/serve.err" >&2; echo "server did not start" >&2; exit 1; }
  sleep 0.1
done
base=$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$work/serve.out")
json() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
login() {
  curl -sf -X POST -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$2\"}" \
    "$base/api/auth/login" | json token
}
admin=$(login admin "$(cat "$work/data/initial-admin-password")")
curl -sf -o /dev/null -X POST -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
  -d '{"username":"load","password":"load-password","role":"user"}' "$base/api/users"
token=$(login load load-password)
auth="Authorization: Bearer $token"
seed=
for f in "$lib"/*; do
  job=$(curl -sf -X POST -H "$auth" --data-binary "@$f" "$base/api/tracks?filename=$(basename "$f")" | json id)
  until curl -sf -H "$auth" "$base/api/jobs/$job" | grep -q '"state":"succeeded"'; do
    curl -sf -H "$auth" "$base/api/jobs/$job" | grep -q '"state":"\(failed\|cancelled\)"' \
      && { echo "import of $f failed" >&2; exit 1; }
    sleep 0.2
  done
  [ -n "$seed" ] || seed=$(curl -sf -H "$auth" "$base/api/jobs/$job" | sed -n 's/.*"result":{"id":"\([^"]*\)".*/\1/p')
done
tracks=$(curl -sf -H "$auth" "$base/api/tracks" | sed -n 's/^{"total":\([0-9]*\).*/\1/p')
echo "server $base, $tracks tracks, $conns connections, $threads wrk threads, ${secs}s each"

bench() {
  name=$1; path=$2
  wrk -t"$threads" -c"$conns" -d"${secs}s" --timeout 10s --latency -s "$here/statuses.lua" -H "$auth" \
    "$base$path" >"$work/wrk.txt" 2>&1 || true
  rps=$(awk '/^Requests\/sec/ {print $2}' "$work/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
  total=$(awk '/requests in/ {print $1}' "$work/wrk.txt")
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$work/wrk.txt"); non2xx=${non2xx:-0}
  sock=$(sed -n 's/.*Socket errors: \(.*\)/\1/p' "$work/wrk.txt"); sock=${sock:-none}
  statuses=$(sed -n 's/^statuses: //p' "$work/wrk.txt")
  printf '%-10s %9s req/s  p99 %-8s %s requests (%s), %s non-2xx, socket errors: %s\n' \
    "$name" "$rps" "$p99" "$total" "$statuses" "$non2xx" "$sock"
  [ -n "${VERBOSE:-}" ] && cat "$work/wrk.txt"
  return 0
}
curl -sf -o /dev/null -H "$auth" "$base/api/recommendations?seed=$seed&limit=10" \
  || { echo "recommendations failed" >&2; exit 1; }
bench search "/api/tracks?q=demo&limit=10"
bench recommend "/api/recommendations?seed=$seed&limit=10"
if grep -q 'failed' "$work/serve.err"; then
  echo "server errors:" >&2; grep 'failed' "$work/serve.err" | sort | uniq -c | sort -rn | head -5 >&2
fi
