#!/usr/bin/env bash
# The ctest fixture around pg_throwaway.sh (tests/e2e/CMakeLists.txt): the `_pg` run of the end-to-end suite.
#
#   postgres.sh start STATE   starts a throwaway PostgreSQL on 127.0.0.1:<free port>; writes its base URL
#                             (postgresql://postgres@127.0.0.1:<port>) to STATE/url and its directory to STATE/pgdir
#   postgres.sh stop STATE    stops it and deletes its directory
#
# Tests read the URL from the file named by VINGT_TEST_DATABASE_URL_FILE; ServerProcess gives every server a fresh
# database under it (Vingt creates a missing database itself).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
[ $# -eq 2 ] || { echo "usage: postgres.sh start|stop STATE" >&2; exit 2; }
state=$2
stop() {
    if [ -f "$state/pgdir" ]; then
        "$here/pg_throwaway.sh" stop "$(cat "$state/pgdir")" || true
        rm -f "$state/pgdir" "$state/url"
    fi
}
case "$1" in
start)
    mkdir -p "$state"
    stop # a cluster left by an interrupted run
    out=$("$here/pg_throwaway.sh")
    eval "$out" # PGPORT, PGDIR
    echo "$PGDIR" >"$state/pgdir"
    echo "postgresql://postgres@127.0.0.1:$PGPORT" >"$state/url"
    echo "PostgreSQL for the _pg tests: $(cat "$state/url") in $PGDIR"
    ;;
stop) stop ;;
*) echo "usage: postgres.sh start|stop STATE" >&2; exit 2 ;;
esac
