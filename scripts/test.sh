#!/usr/bin/env bash
# The test command: installs and starts what the tests need, builds once, runs every test project
# and ends with one line "N passed, N failed, N skipped".
#
#   scripts/test.sh          everything: domain tests, web tests on SQLite and on PostgreSQL,
#                            browser journeys (Chromium) — what CI runs, as root on Debian 12
#   scripts/test.sh --fast   domain tests and web tests on SQLite only: no apt, no PostgreSQL,
#                            no browser
#
# Installs with apt-get when missing: chromium, postgresql. Starts the local PostgreSQL cluster and
# creates the role labelkoz/labelkoz (CREATEDB) the tests use; each test class creates and drops its
# own database. LABELKOZ_TEST_POSTGRES (an Npgsql connection string without Database) points the
# PostgreSQL run at another server instead, and then nothing is done to the local one.
# Exit status: 0 only if every step succeeded, every run printed its summary and at least one test ran.
set -euo pipefail
cd "$(dirname "$0")/.."

fast=false
for arg in "$@"; do
  case "$arg" in
    --fast) fast=true ;;
    -h | --help)
      sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "unknown argument: $arg (try --help)" >&2
      exit 2
      ;;
  esac
done

export DEBIAN_FRONTEND=noninteractive
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# No stdin in CI: nothing may wait for an answer.
exec </dev/null

started=$SECONDS
logs=$(mktemp -d -t labelkoz-tests-XXXXXX)
failures=()

step() { printf '\n==> %s\n' "$*"; }
elapsed() { printf '    (%ss)\n' "$((SECONDS - $1))"; }

# Runs a command as root: directly, through password-less sudo, or not at all.
as_root() {
  if [[ $EUID -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo -n "$@"
  else
    return 1
  fi
}

# A command as the postgres superuser, from a directory it can read.
as_postgres() {
  if [[ $EUID -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    (cd / && sudo -n -u postgres "$@")
  else
    return 1
  fi
}

# ---------------------------------------------------------------------------- system packages
install_missing() {
  local missing=()
  [[ -x /usr/bin/chromium ]] || missing+=(chromium)
  if [[ -z "${LABELKOZ_TEST_POSTGRES:-}" ]] && ! compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null; then
    missing+=(postgresql)
  fi
  ((${#missing[@]} > 0)) || return 0

  step "Installing ${missing[*]} (apt-get)"
  local t=$SECONDS
  if ! as_root true; then
    echo "Missing: ${missing[*]}. Run this script as root, or install them first:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    echo "(scripts/test.sh --fast needs neither.)" >&2
    exit 1
  fi
  as_root apt-get update -qq
  as_root apt-get install -y -qq -o Dpkg::Use-Pty=0 "${missing[@]}"
  elapsed "$t"
}

# ---------------------------------------------------------------------------- PostgreSQL
start_postgres() {
  if [[ -n "${LABELKOZ_TEST_POSTGRES:-}" ]]; then
    echo "PostgreSQL: using LABELKOZ_TEST_POSTGRES, the local cluster is left alone."
    return 0
  fi
  step "Starting PostgreSQL"
  local t=$SECONDS version port
  version=$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -V | tail -n 1)
  if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { found = 1 } END { exit !found }'; then
    as_root pg_createcluster "$version" main || {
      echo "No PostgreSQL $version cluster 'main'. Create it as root: pg_createcluster $version main" >&2
      exit 1
    }
  fi
  port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { print $3 }')
  if ! pg_isready -q -h localhost -p "$port"; then
    # The package's own start is refused in containers (policy-rc.d): start the cluster by hand.
    # "Already running" (exit 2) is fine: readiness is checked below.
    if ! as_root true; then
      echo "PostgreSQL $version is not running. Start it as root: pg_ctlcluster $version main start" >&2
      exit 1
    fi
    as_root pg_ctlcluster "$version" main start || true
  fi
  for _ in $(seq 60); do
    pg_isready -q -h localhost -p "$port" && break
    sleep 0.5
  done
  pg_isready -h localhost -p "$port" || {
    echo "PostgreSQL $version did not become ready on port $port: see /var/log/postgresql/postgresql-$version-main.log" >&2
    exit 1
  }
  if ! PGPASSWORD=labelkoz psql -h localhost -p "$port" -U labelkoz -d postgres -tAc 'SELECT 1' >/dev/null 2>&1; then
    local exists
    exists=$(as_postgres psql -p "$port" -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'labelkoz'") || {
      echo "Cannot create the PostgreSQL role labelkoz: run as root, or create it yourself:" >&2
      echo "  sudo -u postgres psql -c \"CREATE ROLE labelkoz LOGIN PASSWORD 'labelkoz' CREATEDB\"" >&2
      exit 1
    }
    if [[ "$exists" == 1 ]]; then
      # Someone's own role: not ours to change.
      echo "The PostgreSQL role labelkoz exists but refuses the password 'labelkoz'. Either run" >&2
      echo "  sudo -u postgres psql -c \"ALTER ROLE labelkoz LOGIN PASSWORD 'labelkoz' CREATEDB\"" >&2
      echo "or point the tests elsewhere with LABELKOZ_TEST_POSTGRES='Host=...;Port=...;Username=...;Password=...'." >&2
      exit 1
    fi
    as_postgres psql -p "$port" -q -c "CREATE ROLE labelkoz LOGIN PASSWORD 'labelkoz' CREATEDB"
    echo "Created role labelkoz."
  fi
  export LABELKOZ_TEST_POSTGRES="Host=localhost;Port=$port;Username=labelkoz;Password=labelkoz"
  echo "PostgreSQL $version on port $port."
  elapsed "$t"
}

if ! $fast; then
  install_missing
  start_postgres
fi

# ---------------------------------------------------------------------------- build
step "dotnet tool restore"
dotnet tool restore >"$logs/tool-restore.log" 2>&1 || {
  cat "$logs/tool-restore.log"
  failures+=("dotnet tool restore")
}

step "Building (Release)"
t=$SECONDS
# No build servers left behind: CI waits for every process holding its output.
if ! dotnet build Labelkoz.slnx -c Release --disable-build-servers -clp:ErrorsOnly 2>&1 | tee "$logs/build.log"; then
  elapsed "$t"
  echo "Build failed (log: $logs/build.log)."
  echo "0 passed, 0 failed, 0 skipped"
  exit 1
fi
elapsed "$t"

step "Checking formatting (dotnet format whitespace --verify-no-changes)"
t=$SECONDS
# The build already enforces every code-style and analyzer rule as an error
# (EnforceCodeStyleInBuild, TreatWarningsAsErrors): what is left to check is the layout.
if ! dotnet format whitespace Labelkoz.slnx --verify-no-changes 2>&1 | tee "$logs/format.log"; then
  failures+=("dotnet format (run: dotnet format Labelkoz.slnx)")
fi
elapsed "$t"

# ---------------------------------------------------------------------------- tests
passed=0 failed=0 skipped=0 total=0

# start NAME PROJECT [VAR=VALUE...]: one `dotnet test`, its output kept in $logs/NAME.log (and
# its exit status in $logs/NAME.status).
start() {
  local name=$1 project=$2
  shift 2
  local status=0
  env "$@" timeout --kill-after=30s 30m \
    dotnet test "$project" --no-build -c Release >>"$logs/$name.log" 2>&1 || status=$?
  echo "$status" >"$logs/$name.status"
}

# collect NAME: adds a finished run's summary to the totals.
collect() {
  local name=$1 status
  status=$(cat "$logs/$name.status" 2>/dev/null || echo 1)

  # "Passed!  - Failed:     0, Passed:    21, Skipped:     0, Total:    21, Duration: ..."
  local summaries
  summaries=$(sed 's/\x1b\[[0-9;]*m//g' "$logs/$name.log" |
    sed -nE 's/.*(Passed|Failed)!.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+), Total: *([0-9]+).*/\2 \3 \4 \5/p')
  if [[ -z "$summaries" ]]; then
    failures+=("$name: no test summary (build error or crash, exit $status)")
    return 0
  fi
  local f p s n
  while read -r f p s n; do
    failed=$((failed + f)) passed=$((passed + p)) skipped=$((skipped + s)) total=$((total + n))
    ((f == 0)) || failures+=("$name: $f failed")
  done <<<"$summaries"
  if ((status != 0)) && ! grep -qE 'Failed!' "$logs/$name.log"; then
    failures+=("$name: dotnet test exited with $status")
  fi
}

# run NAME PROJECT [VAR=VALUE...]: one run in the foreground, shown and counted.
run() {
  local name=$1 t=$SECONDS
  step "Tests: $name"
  : >"$logs/$name.log"
  start "$@" &
  local pid=$!
  tail -n +1 -f "$logs/$name.log" --pid="$pid" 2>/dev/null || true
  wait "$pid" || true
  elapsed "$t"
  collect "$name"
}

# One suite at a time: on two cores, running the browser journeys beside the HTTP suites only
# shared the CPU (measured on 2026-12-07: 1343 s in all, against 1362 s one after the other).
run domain tests/Labelkoz.Domain.Tests
run web-sqlite tests/Labelkoz.Web.Tests LABELKOZ_TEST_DB=Sqlite
if ! $fast; then
  run web-postgres tests/Labelkoz.Web.Tests LABELKOZ_TEST_DB=Postgres LABELKOZ_TEST_POSTGRES="$LABELKOZ_TEST_POSTGRES"
  run e2e tests/Labelkoz.E2E
fi

# ---------------------------------------------------------------------------- summary
((total > 0)) || failures+=("no test ran")
printf '\n'
if ((${#failures[@]} > 0)); then
  echo "Problems:"
  printf '  - %s\n' "${failures[@]}"
fi
echo "Logs: $logs · total time $((SECONDS - started))s"
echo "$passed passed, $failed failed, $skipped skipped"
((${#failures[@]} == 0))
