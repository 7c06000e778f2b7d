#!/usr/bin/env bash
# A PostgreSQL cluster of its own, in a data folder, listening on 127.0.0.1 only: for the Temporal
# server on PostgreSQL (scripts/temporal-server.sh) and for tests. No system cluster is used.
#
#   scripts/postgres-cluster.sh start  [--data-dir ./data/postgres] [--port 5432] [--user temporal]
#                                      [--timeout 30]
#   scripts/postgres-cluster.sh stop   [--data-dir ./data/postgres] [--timeout 20]
#   scripts/postgres-cluster.sh status [--data-dir ./data/postgres]
#   scripts/postgres-cluster.sh psql   [--data-dir ./data/postgres] [PSQL_ARGUMENT...]
#
# `start` creates the cluster on first use (initdb) with one superuser, --user, whose password it
# writes to DATA_DIR/password (mode 600); connections need it (scram-sha-256), over TCP only. PostgreSQL refuses to run as root: as root the script runs initdb, pg_ctl
# and psql as the `postgres` user (Debian's postgresql package creates it; POSTGRES_OS_USER names
# another) through runuser, and hands it the cluster's folder. POSTGRES_BIN names the folder of
# initdb and pg_ctl; otherwise Debian's newest /usr/lib/postgresql/*/bin, otherwise the PATH.
set -euo pipefail

readonly HOST=127.0.0.1

readonly PROGRAM=postgres-cluster
# shellcheck source=lib/common.sh
source "$(dirname "$0")/lib/common.sh"

usage() {
    sed -n '5,9p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit "${1:-2}"
}

DATA_DIR=./data/postgres

pg_bin_dir() {
    if [[ -n "${POSTGRES_BIN:-}" ]]; then
        [[ -x "$POSTGRES_BIN/pg_ctl" ]] || die "POSTGRES_BIN=$POSTGRES_BIN holds no pg_ctl"
        echo "$POSTGRES_BIN"
        return
    fi
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [[ -n "$dir" && -x "$dir/pg_ctl" ]]; then
        echo "$dir"
        return
    fi
    command -v pg_ctl >/dev/null 2>&1 \
        || die "PostgreSQL is not installed (no pg_ctl): apt-get install postgresql, or set POSTGRES_BIN"
    dirname "$(command -v pg_ctl)"
}

# Runs a PostgreSQL program as a user it accepts: ourselves, or the postgres user when we are root.
as_pg() {
    if [[ $(id -u) -eq 0 ]]; then
        local os_user=${POSTGRES_OS_USER:-postgres}
        id "$os_user" >/dev/null 2>&1 \
            || die "running as root, and PostgreSQL refuses root: create the user '$os_user' or set POSTGRES_OS_USER"
        runuser -u "$os_user" -- "$@"
    else
        "$@"
    fi
}

cluster_dir() { echo "$DATA_DIR/cluster"; }
log_file() { echo "$DATA_DIR/postgres.log"; }
info_file() { echo "$DATA_DIR/postgres.info"; }
password_file() { echo "$DATA_DIR/password"; }

# The postmaster's pid when our cluster runs; a stale postmaster.pid does not count.
running_pid() {
    live_pid "$(cluster_dir)/postmaster.pid" "postgres"
}

init_cluster() {
    local bin=$1 user=$2
    local password
    password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
    (umask 077 && printf '%s\n' "$password" >"$(password_file)")
    mkdir -p "$(cluster_dir)"
    chmod 700 "$(cluster_dir)"
    local pwfile="$DATA_DIR/initdb-password"
    (umask 077 && printf '%s\n' "$password" >"$pwfile")
    if [[ $(id -u) -eq 0 ]]; then
        chown -R "${POSTGRES_OS_USER:-postgres}:" "$(cluster_dir)" "$pwfile"
        touch "$(log_file)" && chown "${POSTGRES_OS_USER:-postgres}:" "$(log_file)"
    fi
    if ! as_pg "$bin/initdb" --pgdata "$(cluster_dir)" --username "$user" --pwfile "$pwfile" \
        --auth scram-sha-256 --encoding UTF8 --locale C >>"$(log_file)" 2>&1; then
        rm -f "$pwfile"
        tail -n 20 "$(log_file)" >&2
        die "initdb failed; its output: $(log_file)"
    fi
    rm -f "$pwfile"
    echo "$user" >"$DATA_DIR/user"
}

cmd_start() {
    local port=5432 user=temporal timeout=30
    while [[ $# -gt 0 ]]; do
        case $1 in
            --data-dir) DATA_DIR=${2:?--data-dir needs a directory}; shift 2 ;;
            --port) port=${2:?--port needs a number}; shift 2 ;;
            --user) user=${2:?--user needs a name}; shift 2 ;;
            --timeout) timeout=${2:?--timeout needs seconds}; shift 2 ;;
            *) usage ;;
        esac
    done
    require_number --port "$port"
    require_number --timeout "$timeout"
    [[ "$user" =~ ^[a-z_][a-z0-9_]*$ ]] || die "--user must be a plain lower-case name, was '$user'"
    mkdir -p "$DATA_DIR"
    DATA_DIR=$(cd "$DATA_DIR" && pwd)
    if [[ $(id -u) -eq 0 ]]; then
        # The postgres user must reach the folder: every parent needs o+x.
        runuser -u "${POSTGRES_OS_USER:-postgres}" -- test -x "$DATA_DIR" \
            || die "the user ${POSTGRES_OS_USER:-postgres} cannot reach $DATA_DIR (a parent folder lacks o+x); choose another --data-dir"
    fi
    local bin pid
    bin=$(pg_bin_dir)
    if pid=$(running_pid); then
        echo "postgres-cluster: already running (pid $pid)" >&2
        cat "$(info_file)"
        grep -qx "address: $HOST:$port" "$(info_file)" || die "it listens elsewhere; stop it first"
        return 0
    fi
    if [[ ! -f "$(cluster_dir)/PG_VERSION" ]]; then
        init_cluster "$bin" "$user"
    fi
    user=$(<"$DATA_DIR/user")
    if "$bin/pg_isready" --host "$HOST" --port "$port" --timeout 2 >/dev/null 2>&1; then
        die "something else already answers on $HOST:$port; stop it or choose another --port"
    fi
    echo "--- $(date -u +%FT%TZ) pg_ctl start on $HOST:$port" >>"$(log_file)"
    # fsync stays on: this is the durable store of every task. TCP on the loopback only, no socket.
    if ! as_pg "$bin/pg_ctl" start --pgdata "$(cluster_dir)" --log "$(log_file)" --wait --timeout "$timeout" \
        --options "-c listen_addresses=$HOST -c port=$port -c unix_socket_directories='' -c max_connections=200" \
        >/dev/null; then
        tail -n 20 "$(log_file)" >&2
        die "PostgreSQL did not start on $HOST:$port within ${timeout}s; its log: $(log_file)"
    fi
    pid=$(running_pid) || die "PostgreSQL exited during start-up; its log: $(log_file)"
    {
        echo "pid: $pid"
        echo "address: $HOST:$port"
        echo "user: $user"
        echo "password-file: $(password_file)"
        echo "log: $(log_file)"
    } >"$(info_file)"
    cat "$(info_file)"
}

cmd_stop() {
    TIMEOUT=20
    parse_data_dir_options "$@"
    local timeout=$TIMEOUT
    local pid
    if ! pid=$(running_pid); then
        echo "postgres-cluster: not running"
        return 0
    fi
    # Fast shutdown: open sessions are ended, committed work is on disk.
    if ! as_pg "$(pg_bin_dir)/pg_ctl" stop --pgdata "$(cluster_dir)" --mode fast --wait --timeout "$timeout" \
        >/dev/null; then
        echo "postgres-cluster: not stopped within ${timeout}s; immediate shutdown" >&2
        as_pg "$(pg_bin_dir)/pg_ctl" stop --pgdata "$(cluster_dir)" --mode immediate --wait >/dev/null \
            || die "pid $pid is still alive"
    fi
    echo "postgres-cluster: stopped (pid $pid)"
}

cmd_status() {
    parse_data_dir_options "$@"
    local pid address
    if ! pid=$(running_pid); then
        echo "postgres-cluster: not running"
        return 3
    fi
    cat "$(info_file)"
    address=$(sed -n 's/^address: //p' "$(info_file)")
    if "$(pg_bin_dir)/pg_isready" --host "${address%:*}" --port "${address##*:}" --timeout 2 >/dev/null; then
        echo "health: accepting connections"
    else
        echo "health: not answering on $address"
        return 1
    fi
}

# psql on the running cluster as its superuser; database postgres unless the arguments name one.
cmd_psql() {
    if [[ "${1:-}" == --data-dir ]]; then
        DATA_DIR=${2:?--data-dir needs a directory}
        shift 2
    fi
    running_pid >/dev/null || die "not running in $DATA_DIR"
    local address
    address=$(sed -n 's/^address: //p' "$(info_file)")
    PGPASSWORD=$(<"$(password_file)") PGDATABASE=${PGDATABASE:-postgres} "$(pg_bin_dir)/psql" \
        --host "${address%:*}" --port "${address##*:}" --username "$(<"$DATA_DIR/user")" "$@"
}

[[ $# -ge 1 ]] || usage
command=$1
shift
case $command in
    start) cmd_start "$@" ;;
    stop) cmd_stop "$@" ;;
    status) cmd_status "$@" ;;
    psql) cmd_psql "$@" ;;
    -h | --help | help) usage 0 ;;
    *) usage ;;
esac
