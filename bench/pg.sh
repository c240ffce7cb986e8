#!/usr/bin/env bash
# SQLite and PostgreSQL side by side, then two servers on one PostgreSQL (issue 8). See bench/README.md.
#
#   bench/pg.sh        the same scenarios on one server per store: req/s, the server's CPU per request (µs) and, on
#                      PostgreSQL, the database's CPU per request; then wrk against two servers on one database at once
#
# Environment (all optional):
#   VINGT_BIN, VINGT_SEED_BIN   binaries (default build/release/app/vingt, build/release/bench/seed/vingt-seed)
#   BENCH_COMPANIES             companies seeded into each store (default 10000), one person each
#   BENCH_DURATION              wrk -d (default 10s)
#   BENCH_SERVER_THREADS        vingt serve --threads (default 0: the server's own default)
#   BENCH_ONLY                  space-separated scenarios (default: get_one get_60 post_one graphql_60)
#   BENCH_RESULTS               where raw outputs go (default bench/results/pg-<timestamp>)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH="$ROOT/bench"
VINGT=${VINGT_BIN:-$ROOT/build/release/app/vingt}
SEED=${VINGT_SEED_BIN:-$ROOT/build/release/bench/seed/vingt-seed}
COMPANIES=${BENCH_COMPANIES:-10000}
DURATION=${BENCH_DURATION:-10s}
SERVER_THREADS=${BENCH_SERVER_THREADS:-0}
ONLY=${BENCH_ONLY:-get_one get_60 post_one graphql_60}
STAMP=$(date +%Y%m%d-%H%M%S)
RESULTS=${BENCH_RESULTS:-$BENCH/results/pg-$STAMP}
TICKS=$(getconf CLK_TCK)

die() {
    echo "bench: $*" >&2
    exit 1
}
log() { echo "bench: $*" >&2; }

for tool in wrk curl python3; do
    command -v "$tool" >/dev/null 2>&1 || die "'$tool' not found (make bench installs wrk)"
done
[ -x "$VINGT" ] || die "server binary not found: $VINGT (set VINGT_BIN)"
[ -x "$SEED" ] || die "seeding tool not found: $SEED (set VINGT_SEED_BIN)"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/vingt-bench-pg.XXXXXX")
mkdir -p "$RESULTS"
PIDS=()
PGDIR=""

cleanup() {
    local status=$? pid
    set +e
    for pid in "${PIDS[@]}"; do
        kill -TERM "$pid" 2>/dev/null || continue
        for _ in $(seq 1 100); do # at most 10 s for in-flight requests to finish
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
        wait "$pid" 2>/dev/null
    done
    [ -z "$PGDIR" ] || "$ROOT/tests/support/pg_throwaway.sh" stop "$PGDIR"
    rm -rf "$TMP"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# CPU ticks (user + system) of the given processes.
cpu_ticks() {
    local total=0 pid t
    for pid in "$@"; do
        t=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null) || t=0
        total=$((total + t))
    done
    echo "$total"
}
# The PostgreSQL server processes: the postmaster and its children (the backends of Vingt's connections).
pg_pids() {
    local postmaster
    postmaster=$(head -n 1 "$PGDIR/data/postmaster.pid")
    echo "$postmaster" $(ps -o pid= --ppid "$postmaster")
}

# serve NAME STORAGE-ARGS... -> starts `vingt serve`, sets BASE and SERVER_PID
serve() {
    local name=$1
    shift
    VINGT_LOG_LEVEL=warning "$VINGT" serve --host 127.0.0.1 --port 0 --threads "$SERVER_THREADS" "$@" \
        --setting rateLimit.shortLimit=100000000 --setting rateLimit.longLimit=100000000 \
        >"$TMP/$name.out" 2>"$RESULTS/$name.log" &
    SERVER_PID=$!
    PIDS+=("$SERVER_PID")
    BASE=""
    for _ in $(seq 1 300); do
        BASE=$(sed -n '1s#^Listening on \(http://127\.0\.0\.1:[0-9]*\)/$#\1#p' "$TMP/$name.out" 2>/dev/null)
        [ -n "$BASE" ] && break
        kill -0 "$SERVER_PID" 2>/dev/null || die "$name exited at start (see $RESULTS/$name.log)"
        sleep 0.1
    done
    [ -n "$BASE" ] || die "$name did not start within 30 s"
    log "$name: $BASE (pid $SERVER_PID)"
}

stop_server() {
    kill -TERM "$1" && wait "$1" 2>/dev/null || true
}

# run LABEL SCRIPT URL DB_PIDS -> "req/s server_us/req db_us/req errors", wrk output in RESULTS
run() {
    local label=$1 script=$2 url=$3 db_pids=$4 before before_db after after_db file
    file="$RESULTS/$label.txt"
    before=$(cpu_ticks "$SERVER_PID")
    # shellcheck disable=SC2086
    before_db=$(cpu_ticks $db_pids)
    timeout 120 wrk -t2 -c32 "-d$DURATION" --latency --timeout 30s -s "$script" "$url" >"$file" 2>&1 || true
    after=$(cpu_ticks "$SERVER_PID")
    # shellcheck disable=SC2086
    after_db=$(cpu_ticks $db_pids)
    python3 - "$file" "$((after - before))" "$((after_db - before_db))" "$TICKS" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
server, db, hz = int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)) if "Requests/sec" in text else 0.0
n = re.search(r"^\s*(\d+) requests in", text, re.M)
n = int(n.group(1)) if n else 0
non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
us = lambda ticks: f"{ticks / hz * 1e6 / n:.0f}" if n else "nan"
print(f"{rps:.0f} {us(server)} {us(db)} {int(non2xx.group(1)) if non2xx else 0}")
PY
}

# scenarios STORE DB_PIDS: every selected scenario against $BASE, results into RES[STORE:scenario]
declare -A RES
scenarios() {
    local store=$1 db_pids=$2 company
    company=$(curl -fsS -H "Authorization: Bearer $VINGT_TOKEN" "$BASE/rest/companies?limit=1" \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["companies"][0]["id"])')
    for s in $ONLY; do
        case $s in
        get_one) RES[$store:$s]=$(run "$store-$s" "$BENCH/scenarios/auth.lua" "$BASE/rest/companies/$company" "$db_pids") ;;
        get_60) RES[$store:$s]=$(run "$store-$s" "$BENCH/scenarios/auth.lua" "$BASE/rest/companies?limit=60" "$db_pids") ;;
        post_one) RES[$store:$s]=$(run "$store-$s" "$BENCH/scenarios/post_one.lua" "$BASE/rest/companies" "$db_pids") ;;
        graphql_60) RES[$store:$s]=$(run "$store-$s" "$BENCH/scenarios/graphql_60.lua" "$BASE/graphql" "$db_pids") ;;
        *) die "unknown scenario '$s' (get_one get_60 post_one graphql_60)" ;;
        esac
        log "  $store $s: $(awk '{printf "%s req/s, server %s us/req, database %s us/req, %s errors", $1, $2, $3, $4}' <<<"${RES[$store:$s]}")"
    done
}

seed() {
    timeout 3600 "$SEED" --url "$BASE" --companies "$COMPANIES" --people-per-company 1 --quiet >"$RESULTS/seed-$1.txt" \
        || die "seeding $1 failed (see $RESULTS/seed-$1.txt)"
}

{
    echo "date: $(date -Iseconds)"
    echo "host: $(uname -srm), nproc $(nproc), load $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "vingt: $VINGT"
    echo "git: $(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo unknown)"
} >"$RESULTS/env.txt"

# --- SQLite ------------------------------------------------------------------------------------------------
serve sqlite --data-dir "$TMP/data"
VINGT_TOKEN=$("$VINGT" api-key create --name bench --data-dir "$TMP/data" 2>>"$RESULTS/sqlite.log") \
    || die "vingt api-key create failed (see $RESULTS/sqlite.log)"
export VINGT_TOKEN
seed sqlite
scenarios sqlite ""
stop_server "$SERVER_PID"

# --- PostgreSQL --------------------------------------------------------------------------------------------
eval "$("$ROOT/tests/support/pg_throwaway.sh")" # PGPORT, PGDIR
URL="postgresql://postgres@127.0.0.1:$PGPORT/vingt_bench"
serve postgres --database "$URL"
VINGT_TOKEN=$("$VINGT" api-key create --name bench --database "$URL" 2>>"$RESULTS/postgres.log") \
    || die "vingt api-key create failed (see $RESULTS/postgres.log)"
export VINGT_TOKEN
seed postgres
FIRST_PID=$SERVER_PID
FIRST_BASE=$BASE
scenarios postgres "$(pg_pids)"

# --- two servers on one PostgreSQL -------------------------------------------------------------------------
serve postgres2 --database "$URL"
SECOND_PID=$SERVER_PID
SECOND_BASE=$BASE
COMPANY=$(curl -fsS -H "Authorization: Bearer $VINGT_TOKEN" "$FIRST_BASE/rest/companies?limit=1" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["companies"][0]["id"])')
# Correct results: both servers give the same record, and a record written through one is read through the other.
A=$(curl -fsS -H "Authorization: Bearer $VINGT_TOKEN" "$FIRST_BASE/rest/companies/$COMPANY")
B=$(curl -fsS -H "Authorization: Bearer $VINGT_TOKEN" "$SECOND_BASE/rest/companies/$COMPANY")
[ "$A" = "$B" ] || die "the two servers disagree on company $COMPANY"
NEW=$(curl -fsS -X POST -H "Authorization: Bearer $VINGT_TOKEN" -H 'Content-Type: application/json' \
    --data '{"name":"bench two servers"}' "$FIRST_BASE/rest/companies" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["createCompany"]["id"])')
curl -fsS -o /dev/null -H "Authorization: Bearer $VINGT_TOKEN" "$SECOND_BASE/rest/companies/$NEW" \
    || die "a company written through one server is not read through the other"
log "two servers: the same answers, and a write through one is read through the other"
DB_PIDS=$(pg_pids)
before=$(cpu_ticks "$FIRST_PID" "$SECOND_PID")
# shellcheck disable=SC2086
before_db=$(cpu_ticks $DB_PIDS)
timeout 120 wrk -t1 -c16 "-d$DURATION" --latency --timeout 30s -s "$BENCH/scenarios/auth.lua" \
    "$FIRST_BASE/rest/companies/$COMPANY" >"$RESULTS/two-servers-first.txt" 2>&1 &
W1=$!
timeout 120 wrk -t1 -c16 "-d$DURATION" --latency --timeout 30s -s "$BENCH/scenarios/auth.lua" \
    "$SECOND_BASE/rest/companies/$COMPANY" >"$RESULTS/two-servers-second.txt" 2>&1 &
W2=$!
wait "$W1" "$W2" || true
after=$(cpu_ticks "$FIRST_PID" "$SECOND_PID")
# shellcheck disable=SC2086
after_db=$(cpu_ticks $DB_PIDS)
TWO=$(python3 - "$RESULTS/two-servers-first.txt" "$RESULTS/two-servers-second.txt" "$((after - before))" \
    "$((after_db - before_db))" "$TICKS" <<'PY'
import re, sys
rps, n, errors = [], 0, 0
for f in sys.argv[1:3]:
    text = open(f).read()
    rps.append(float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)))
    n += int(re.search(r"^\s*(\d+) requests in", text, re.M).group(1))
    e = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    errors += int(e.group(1)) if e else 0
server, db, hz = int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
print(f"{rps[0]:.0f} + {rps[1]:.0f} = {sum(rps):.0f} req/s, servers {server / hz * 1e6 / n:.0f} us/req,"
      f" database {db / hz * 1e6 / n:.0f} us/req, {errors} errors")
PY
)

# --- the table ---------------------------------------------------------------------------------------------
{
    echo "Vingt bench, SQLite vs PostgreSQL, $(date '+%Y-%m-%d %H:%M %Z'), nproc $(nproc), $COMPANIES companies;"
    echo "wrk -t2 -c32 -d$DURATION; CPU per request: the vingt process (and the PostgreSQL processes)"
    echo
    echo "| scenario | SQLite req/s | PostgreSQL req/s | SQLite server µs/req | PostgreSQL server µs/req | PostgreSQL database µs/req | server CPU PG/SQLite |"
    echo "|---|---|---|---|---|---|---|"
    for s in $ONLY; do
        read -r lr ls _ le <<<"${RES[sqlite:$s]}"
        read -r pr ps pd pe <<<"${RES[postgres:$s]}"
        ratio=$(python3 -c "import sys; a, b = sys.argv[1:]; print(f'{float(b) / float(a):.2f}x' if float(a) else 'nan')" "$ls" "$ps")
        errors=""
        [ "$le" = 0 ] && [ "$pe" = 0 ] || errors=" ($le / $pe errors)"
        echo "| $s$errors | $lr | $pr | $ls | $ps | $pd | $ratio |"
    done
    echo
    echo "Two servers on one PostgreSQL, GET one company, wrk -t1 -c16 against each port at once: $TWO"
} | tee "$RESULTS/table.md"
log "raw outputs in $RESULTS"
