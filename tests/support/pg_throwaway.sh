#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests (QT-NOTES §5).
#
#   pg_throwaway.sh           initdb + start on 127.0.0.1:<free port>; prints "PGPORT=<n> PGDIR=<dir>"
#   pg_throwaway.sh stop DIR  stops the cluster in DIR and deletes DIR
#   pg_throwaway.sh pause DIR stops the server in DIR (fast shutdown: clients are disconnected), keeping its data
#   pg_throwaway.sh resume DIR starts it again on the same port (outage tests, tst_pgrestart)
#
# Use:  eval "$(tests/support/pg_throwaway.sh)"
#       psql -h 127.0.0.1 -p "$PGPORT" -U postgres -c 'select 1'
#       tests/support/pg_throwaway.sh stop "$PGDIR"
#
# As root, the server runs as the `postgres` user (initdb and postgres refuse to run as root); as any
# other user, it runs as that user. Authentication is `trust`, user `postgres`, no password; the Unix
# socket lives in DIR. Durability is off (fsync, synchronous_commit, full_page_writes): test data only.
# Environment: PGBIN (the server's bin directory; default: the newest /usr/lib/postgresql/*/bin),
# PG_LOCALE (default C.UTF-8: code-point collation, Unicode-aware lower()/ILIKE).
set -euo pipefail

die() {
    echo "pg_throwaway.sh: $*" >&2
    exit 1
}

find_pgbin() {
    if [ -n "${PGBIN:-}" ]; then
        [ -x "$PGBIN/initdb" ] || die "PGBIN=$PGBIN has no initdb"
        echo "$PGBIN"
        return
    fi
    local dir
    dir=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then
        echo "$dir"
    elif command -v initdb >/dev/null 2>&1; then
        dirname "$(command -v initdb)"
    else
        die "PostgreSQL server binaries not found (install 'postgresql', or set PGBIN)"
    fi
}

# Runs a server binary as the cluster's owner ($OWNER): through runuser when we are root, directly
# otherwise. The working directory is / so that the owner never inherits one it cannot read.
as_owner() {
    if [ "$(id -u)" -eq 0 ] && [ "$OWNER" != root ]; then
        (cd / && runuser -u "$OWNER" -- "$@")
    else
        (cd / && "$@")
    fi
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

PGBIN=$(find_pgbin)

if [ "${1:-}" = pause ] || [ "${1:-}" = resume ]; then
    [ $# -eq 2 ] || die "usage: pg_throwaway.sh pause|resume DIR"
    dir=$2
    if [ ! -f "$dir/.pg_throwaway" ] || [ ! -f "$dir/options" ]; then
        die "$dir is not a throwaway cluster"
    fi
    OWNER=$(stat -c %U "$dir/data")
    if [ "$1" = pause ]; then
        as_owner "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null
    else
        as_owner "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 -o "$(cat "$dir/options")" start \
            >/dev/null || die "the server did not start again (see $dir/server.log)"
    fi
    exit 0
fi

if [ "${1:-}" = stop ]; then
    [ $# -eq 2 ] || die "usage: pg_throwaway.sh stop DIR"
    dir=$2
    # Never delete a directory this script did not make.
    if [ ! -f "$dir/.pg_throwaway" ] || [ ! -d "$dir/data" ]; then
        die "$dir is not a throwaway cluster"
    fi
    OWNER=$(stat -c %U "$dir/data")
    if as_owner "$PGBIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
        as_owner "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null
    fi
    rm -rf -- "$dir"
    exit 0
fi
[ $# -eq 0 ] || die "usage: pg_throwaway.sh | pg_throwaway.sh stop DIR"

if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || die "running as root needs a 'postgres' user to run the server"
    OWNER=postgres
    # /tmp: the postgres user must be able to reach the directory; short, for the socket path limit.
    PGDIR=$(mktemp -d /tmp/pgtest.XXXXXX)
    chown postgres:postgres "$PGDIR"
else
    OWNER=$(id -un)
    PGDIR=$(mktemp -d "${TMPDIR:-/tmp}/pgtest.XXXXXX")
fi
touch "$PGDIR/.pg_throwaway"
# The temp dir goes away again unless the server ends up running.
started=0
cleanup() {
    if [ "$started" -eq 0 ]; then
        rm -rf -- "$PGDIR"
    fi
}
trap cleanup EXIT

if ! as_owner "$PGBIN/initdb" -D "$PGDIR/data" -U postgres -A trust -E UTF8 --locale="${PG_LOCALE:-C.UTF-8}" \
    --no-sync >"$PGDIR/initdb.log" 2>&1; then
    cat "$PGDIR/initdb.log" >&2
    die "initdb failed"
fi

# The free port can be taken between the check and the bind: try a few.
for attempt in 1 2 3 4 5; do
    PORT=$(free_port)
    OPTIONS="-c listen_addresses=127.0.0.1 -p $PORT -k $PGDIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    if as_owner "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 30 -o "$OPTIONS" start >/dev/null 2>&1; then
        started=1
        echo "$OPTIONS" >"$PGDIR/options"
        break
    fi
    # pg_ctl may give up while a postmaster is still starting: make sure none is left behind.
    as_owner "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    if [ "$attempt" -eq 5 ]; then
        tail -n 20 "$PGDIR/server.log" >&2 || true
        die "the server did not start"
    fi
done

echo "PGPORT=$PORT PGDIR=$PGDIR"
