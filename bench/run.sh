#!/usr/bin/env bash
# Load benchmark of the main public pages against the plain /healthz endpoint.
# Usage: bench/run.sh [duration-seconds]   (default 10)
# Publishes in Release, starts the app on 127.0.0.1 with a fresh SQLite database and the demo data,
# warms it up, then runs wrk on each URL and prints requests/s and the ratio to /healthz
# (absolute numbers drift between machines and runs; the ratio is what to compare).
set -euo pipefail
duration=${1:-10}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/labelkoz-bench.XXXXXX)
port=${BENCH_PORT:-5099}
base="http://127.0.0.1:$port"

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; else echo "wrk is missing: apt-get install wrk" >&2; exit 1; fi
fi

dotnet publish "$root/src/Labelkoz.Web" -c Release -o "$work/app" --nologo -v quiet
(
  cd "$work/app"
  ASPNETCORE_ENVIRONMENT=Production \
  Storage__DataDirectory="$work/data" \
  Database__SeedDemoData=true \
  Logging__LogLevel__Default=Warning \
  exec dotnet Labelkoz.Web.dll --urls "$base" >"$work/app.log" 2>&1
) &
app_pid=$!
trap 'kill $app_pid 2>/dev/null || true; rm -rf "$work"' EXIT

for _ in $(seq 1 60); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "$base/healthz" >/dev/null || { echo "the app did not start:"; cat "$work/app.log"; exit 1; }

urls=("/healthz" "/accessibilite" "/" "/montreuil" "/?q=mont" "/montreuil/projets" "/montreuil/projets?q=jardin&tri=soutiens" "/montreuil/projets?labellises=1" "/montreuil/projets/2" "/api/v1/municipalities/montreuil/projects" "/api/v1/projects/2" "/montreuil/projets/19" "/api/v1/projects/19")
echo "warming up…"
for url in "${urls[@]}"; do wrk -t2 -c32 -d5s "$base$url" >/dev/null; done

printf '%-16s %12s %10s %12s\n' "url" "req/s" "ratio" "p99 latency"
baseline=""
for url in "${urls[@]}"; do
  out=$(wrk -t2 -c32 -d"${duration}s" --latency "$base$url")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  [ -n "$baseline" ] || baseline=$rps
  ratio=$(awk -v a="$rps" -v b="$baseline" 'BEGIN { printf "%.3f", a / b }')
  printf '%-16s %12s %10s %12s%s\n' "$url" "$rps" "$ratio" "$p99" "${non2xx:+  (non-2xx: $non2xx)}"
done
