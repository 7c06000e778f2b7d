#!/usr/bin/env bash
# A Temporal for one machine that scales beyond SQLite: the Temporal server (the real one, not the
# CLI's dev server) on a PostgreSQL cluster of its own, with SQL visibility (no Elasticsearch),
# namespace `default` and Countersign's search attributes, bound to 127.0.0.1 only.
# See docs/operations.md.
#
#   scripts/temporal-server.sh install
#   scripts/temporal-server.sh installed
#   scripts/temporal-server.sh start  [--data-dir ./data/temporal-postgres] [--port 7233]
#                                     [--pg-port 5433] [--timeout 90]
#   scripts/temporal-server.sh stop   [--data-dir ./data/temporal-postgres] [--timeout 20]
#   scripts/temporal-server.sh status [--data-dir ./data/temporal-postgres]
#
# `install` builds the server and its SQL schema tool with `go install` (from the Go module proxy)
# into ${COUNTERSIGN_CACHE:-~/.cache/countersign}/temporal-server-<version>, reused while the
# version matches, and prints that folder. The server's gRPC services listen on --port to
# --port+8 (frontend on --port); PostgreSQL (scripts/postgres-cluster.sh) on --pg-port, its
# cluster in DATA_DIR/postgres. The namespace and the search attributes are created with the
# Temporal CLI: TEMPORAL_CLI, or the one `scripts/temporal-dev-server.sh install` builds.
set -euo pipefail

readonly SERVER_MODULE=go.temporal.io/server
readonly SERVER_VERSION=v1.32.1
readonly HOST=127.0.0.1
readonly NAMESPACE=default
readonly RETENTION=72h
# The number of history shards is fixed when the database is created; never change it for a cluster.
readonly HISTORY_SHARDS=4
# Keep in step with dev.countersign.task.TaskSearchAttributes (and scripts/temporal-dev-server.sh).
readonly SEARCH_ATTRIBUTES=(
    CountersignStatus=Keyword
    CountersignGroups=KeywordList
    CountersignRisk=Keyword
    CountersignTool=Keyword
    CountersignRequester=Keyword
    CountersignReviewGroups=KeywordList
)
SCRIPTS=$(cd "$(dirname "$0")" && pwd)
readonly SCRIPTS

readonly PROGRAM=temporal-server
# shellcheck source=lib/common.sh
source "$SCRIPTS/lib/common.sh"

usage() {
    sed -n '7,12p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit "${1:-2}"
}

# ---------------------------------------------------------------- the binaries

cache_dir() {
    echo "${COUNTERSIGN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/countersign}/temporal-server-${SERVER_VERSION#v}"
}
server_bin() { echo "$(cache_dir)/temporal-server"; }
sql_tool_bin() { echo "$(cache_dir)/temporal-sql-tool"; }

# Succeeds when the binary was built from the pinned server module.
is_pinned_version() {
    go version -m "$1" 2>/dev/null \
        | grep -Eq "^[[:space:]]+mod[[:space:]]+${SERVER_MODULE}[[:space:]]+${SERVER_VERSION}([[:space:]]|$)"
}

installed() {
    [[ -x "$(server_bin)" && -x "$(sql_tool_bin)" ]] \
        && is_pinned_version "$(server_bin)" && is_pinned_version "$(sql_tool_bin)"
}

cmd_install() {
    [[ $# -eq 0 ]] || usage
    command -v go >/dev/null 2>&1 \
        || die "Go is not installed or not on the PATH; install Go (https://go.dev/dl/) and run this again"
    if installed; then
        cache_dir
        return
    fi
    local dir build
    dir=$(cache_dir)
    mkdir -p "$dir"
    build=$(mktemp -d "$dir/.build.XXXXXX")
    echo "temporal-server: building the Temporal server ${SERVER_VERSION} and its SQL tool with go install" \
        "into $dir (several minutes on 2 cores with an empty Go build cache)" >&2
    # Both from the one module version; go install names them after their folders: server and sql.
    if ! GOBIN=$build go install "${SERVER_MODULE}/cmd/server@${SERVER_VERSION}" \
        "${SERVER_MODULE}/cmd/tools/sql@${SERVER_VERSION}"; then
        rm -rf "$build"
        die "go install ${SERVER_MODULE}/cmd/server@${SERVER_VERSION} (and cmd/tools/sql) failed"
    fi
    mv -f "$build/server" "$(server_bin)"
    mv -f "$build/sql" "$(sql_tool_bin)"
    rm -rf "$build"
    installed || die "$dir does not hold the Temporal server ${SERVER_VERSION} after go install"
    echo "$dir"
}

# Prints the folder and succeeds when the pinned server is built there; builds nothing.
cmd_installed() {
    [[ $# -eq 0 ]] || usage
    if installed; then
        cache_dir
        return 0
    fi
    echo "temporal-server: the Temporal server ${SERVER_VERSION} is not installed in $(cache_dir)" >&2
    return 1
}

require_installed() {
    installed || die "the Temporal server ${SERVER_VERSION} is not installed in $(cache_dir): run '$0 install' (needs Go)"
}

# ---------------------------------------------------------------- the databases

DATA_DIR=${TEMPORAL_SERVER_DATA_DIR:-./data/temporal-postgres}

pid_file() { echo "$DATA_DIR/temporal-server.pid"; }
info_file() { echo "$DATA_DIR/temporal-server.info"; }
log_file() { echo "$DATA_DIR/temporal-server.log"; }
config_file() { echo "$DATA_DIR/temporal-server.yaml"; }
pg_dir() { echo "$DATA_DIR/postgres"; }

# The schema tool against one database of our cluster; the password goes through the environment.
sql_tool() {
    local pg_port=$1 database=$2
    shift 2
    SQL_PASSWORD=$(<"$(pg_dir)/password") "$(sql_tool_bin)" --endpoint "$HOST" --port "$pg_port" \
        --user "$(<"$(pg_dir)/user")" --plugin postgres12 --database "$database" "$@"
}

# Creates a database and its schema version tables on first use, then brings its schema to the
# version embedded in the tool (nothing to do when it is there already).
prepare_database() {
    local pg_port=$1 database=$2 schema=$3
    local exists tables
    exists=$(pg_query postgres "SELECT count(*) FROM pg_database WHERE datname = '$database'") \
        || fail_start "cannot query PostgreSQL on $HOST:$pg_port; see $(pg_dir)/postgres.log"
    if [[ "$exists" == 0 ]]; then
        sql_tool "$pg_port" "$database" create-database --defaultdb postgres >>"$(log_file)" 2>&1 \
            || fail_start "could not create the database $database; see $(log_file)"
    fi
    tables=$(pg_query "$database" "SELECT count(*) FROM pg_tables WHERE tablename = 'schema_version'") \
        || fail_start "cannot query the database $database"
    if [[ "$tables" == 0 ]]; then
        sql_tool "$pg_port" "$database" setup-schema --version 0.0 >>"$(log_file)" 2>&1 \
            || fail_start "could not set up schema versioning in $database; see $(log_file)"
    fi
    sql_tool "$pg_port" "$database" update-schema --schema-name "$schema" >>"$(log_file)" 2>&1 \
        || fail_start "could not update the schema of $database to $schema; see $(log_file)"
}

pg_query() {
    local database=$1 query=$2
    PGDATABASE=$database "$SCRIPTS/postgres-cluster.sh" psql --data-dir "$(pg_dir)" --no-psqlrc --tuples-only \
        --no-align --command "$query"
}

# The server's configuration: the module's config/development-postgres12.yaml, on our ports and
# cluster, without its archival, pprof and metrics listeners.
write_config() {
    local port=$1 pg_port=$2
    local user password
    user=$(<"$(pg_dir)/user")
    password=$(<"$(pg_dir)/password")
    (umask 077 && cat >"$(config_file)" <<YAML
# Generated by scripts/temporal-server.sh from ${SERVER_MODULE}@${SERVER_VERSION} config/development-postgres12.yaml.
log:
  stdout: true
  level: info

persistence:
  defaultStore: postgres-default
  visibilityStore: postgres-visibility
  numHistoryShards: ${HISTORY_SHARDS}
  datastores:
    postgres-default:
      sql:
        pluginName: "postgres12"
        databaseName: "temporal"
        connectAddr: "${HOST}:${pg_port}"
        connectProtocol: "tcp"
        user: "${user}"
        password: "${password}"
        maxConns: 20
        maxIdleConns: 20
        maxConnLifetime: "1h"
    postgres-visibility:
      sql:
        pluginName: "postgres12"
        databaseName: "temporal_visibility"
        connectAddr: "${HOST}:${pg_port}"
        connectProtocol: "tcp"
        user: "${user}"
        password: "${password}"
        maxConns: 10
        maxIdleConns: 10
        maxConnLifetime: "1h"

global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: "${HOST}"

services:
  frontend:
    rpc:
      grpcPort: ${port}
      membershipPort: $((port + 4))
      bindOnLocalHost: true
      httpPort: $((port + 8))
  history:
    rpc:
      grpcPort: $((port + 1))
      membershipPort: $((port + 5))
      bindOnLocalHost: true
  matching:
    rpc:
      grpcPort: $((port + 2))
      membershipPort: $((port + 6))
      bindOnLocalHost: true
  worker:
    rpc:
      grpcPort: $((port + 3))
      membershipPort: $((port + 7))
      bindOnLocalHost: true

clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: "active"
  currentClusterName: "active"
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: "frontend"
      rpcAddress: "${HOST}:${port}"

dcRedirectionPolicy:
  policy: "noop"

dynamicConfigClient:
  filepath: "${DATA_DIR}/dynamicconfig.yaml"
  pollInterval: "10s"
YAML
    )
    [[ -f "$DATA_DIR/dynamicconfig.yaml" ]] \
        || echo "# Temporal dynamic configuration (KEY: [{value: ...}]); read every 10 s." >"$DATA_DIR/dynamicconfig.yaml"
}

# ---------------------------------------------------------------- the server

# The pid of our server when it runs; a stale pid file or a reused pid does not count.
running_pid() {
    live_pid "$(pid_file)" "temporal-server"
}

healthy() {
    local cli=$1 address=$2
    "$cli" operator cluster health --address "$address" --command-timeout 2s >/dev/null 2>&1
}

answers() {
    local cli=$1 address=$2
    healthy "$cli" "$address" \
        && "$cli" operator namespace describe --namespace "$NAMESPACE" --address "$address" \
            --command-timeout 2s >/dev/null 2>&1
}

# The server creates no namespace itself. A new namespace reaches every service within the
# namespace cache's refresh (about 10 s): until then, registering attributes on it fails, so retry.
ensure_namespace_and_attributes() {
    local cli=$1 address=$2 deadline=$3 attribute
    if ! "$cli" operator namespace describe --namespace "$NAMESPACE" --address "$address" \
        --command-timeout 5s >/dev/null 2>&1; then
        "$cli" operator namespace create --namespace "$NAMESPACE" --retention "$RETENTION" \
            --address "$address" --command-timeout 10s >/dev/null || return 1
    fi
    for attribute in "${SEARCH_ATTRIBUTES[@]}"; do
        until "$cli" operator search-attribute create --namespace "$NAMESPACE" --address "$address" \
            --command-timeout 10s --name "${attribute%%=*}" --type "${attribute#*=}" >/dev/null 2>&1; do
            ((SECONDS < deadline)) || return 1
            sleep 0.5
        done
    done
}

print_info() {
    if [[ -f "$(info_file)" ]]; then
        cat "$(info_file)"
    fi
}

# Stops what a failed start started: the server when $1 names its pid, and the PostgreSQL cluster.
stop_everything() {
    local pid=$1
    [[ -n "$pid" ]] && stop_pid "$pid" 10 || true
    rm -f "$(pid_file)"
    "$SCRIPTS/postgres-cluster.sh" stop --data-dir "$(pg_dir)" --timeout 10 >/dev/null || true
}

fail_start() {
    stop_everything ""
    die "$@"
}

cmd_start() {
    local port=7233 pg_port=5433 timeout=90
    while [[ $# -gt 0 ]]; do
        case $1 in
            --data-dir) DATA_DIR=${2:?--data-dir needs a directory}; shift 2 ;;
            --port) port=${2:?--port needs a number}; shift 2 ;;
            --pg-port) pg_port=${2:?--pg-port needs a number}; shift 2 ;;
            --timeout) timeout=${2:?--timeout needs seconds}; shift 2 ;;
            *) usage ;;
        esac
    done
    require_number --port "$port"
    require_number --pg-port "$pg_port"
    require_number --timeout "$timeout"
    require_installed
    mkdir -p "$DATA_DIR"
    DATA_DIR=$(cd "$DATA_DIR" && pwd)

    local cli address=$HOST:$port pid deadline=$((SECONDS + timeout))
    cli=$(find_cli)
    if pid=$(running_pid); then
        echo "temporal-server: already running (pid $pid)" >&2
        print_info
        grep -qx "frontend: $address" "$(info_file)" || die "it listens elsewhere; stop it first"
        return 0
    fi
    if healthy "$cli" "$address"; then
        die "something else already answers on $address; stop it or choose another --port"
    fi

    "$SCRIPTS/postgres-cluster.sh" start --data-dir "$(pg_dir)" --port "$pg_port" --user temporal \
        --timeout "$timeout" >/dev/null || die "PostgreSQL did not start; see $(pg_dir)/postgres.log"
    echo "--- $(date -u +%FT%TZ) schemas on $HOST:$pg_port" >>"$(log_file)"
    prepare_database "$pg_port" temporal postgresql/v12/temporal
    prepare_database "$pg_port" temporal_visibility postgresql/v12/visibility
    write_config "$port" "$pg_port"

    local args=(--config-file "$(config_file)" --allow-no-auth start)
    echo "--- $(date -u +%FT%TZ) $(server_bin) ${args[*]}" >>"$(log_file)"
    nohup "$(server_bin)" "${args[@]}" </dev/null >>"$(log_file)" 2>&1 &
    pid=$!
    echo "$pid" >"$(pid_file)"

    until healthy "$cli" "$address"; do
        if ! kill -0 "$pid" 2>/dev/null; then
            tail -n 20 "$(log_file)" >&2
            fail_start "the server exited during start-up; its log: $(log_file)"
        fi
        if ((SECONDS >= deadline)); then
            tail -n 20 "$(log_file)" >&2
            stop_everything "$pid"
            die "the server did not answer on $address within ${timeout}s; its log: $(log_file)"
        fi
        sleep 0.5
    done
    if ! ensure_namespace_and_attributes "$cli" "$address" "$deadline"; then
        stop_everything "$pid"
        die "could not create namespace $NAMESPACE or register Countersign's search attributes on $address"
    fi

    {
        echo "pid: $pid"
        echo "frontend: $address"
        echo "namespace: $NAMESPACE"
        echo "postgres: $HOST:$pg_port ($(pg_dir))"
        echo "config: $(config_file)"
        echo "log: $(log_file)"
    } >"$(info_file)"
    print_info
    echo "Run Countersign on it: TEMPORAL_ADDRESS=$address java -jar worker/target/countersign-worker-0.1.0-SNAPSHOT.jar"
}

# Stops the server, then its PostgreSQL cluster; both stop even when the other is not running.
cmd_stop() {
    TIMEOUT=20
    parse_data_dir_options "$@"
    local pid
    if pid=$(running_pid); then
        stop_pid "$pid" "$TIMEOUT" || die "pid $pid is still alive"
        echo "temporal-server: stopped (pid $pid)"
    else
        echo "temporal-server: not running"
    fi
    rm -f "$(pid_file)"
    "$SCRIPTS/postgres-cluster.sh" stop --data-dir "$(pg_dir)" --timeout "$TIMEOUT"
}


[[ $# -ge 1 ]] || usage
command=$1
shift
case $command in
    install) cmd_install "$@" ;;
    installed) cmd_installed "$@" ;;
    start) cmd_start "$@" ;;
    stop) cmd_stop "$@" ;;
    status) temporal_status "$@" ;;
    -h | --help | help) usage 0 ;;
    *) usage ;;
esac
