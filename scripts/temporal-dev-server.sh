#!/usr/bin/env bash
# A durable Temporal for one machine: the Temporal CLI's dev server with a SQLite file, the Web UI,
# and Countersign's search attributes, bound to 127.0.0.1 only. See docs/operations.md.
#
#   scripts/temporal-dev-server.sh install
#   scripts/temporal-dev-server.sh start  [--db FILE] [--port 7233] [--ui-port 8233] [--headless]
#                                         [--data-dir ./data] [--timeout 30]
#                                         [--dynamic-config KEY=JSON_VALUE]...
#   scripts/temporal-dev-server.sh stop   [--data-dir ./data] [--timeout 20]
#   scripts/temporal-dev-server.sh status [--data-dir ./data]
#
# TEMPORAL_CLI names the temporal binary to use; otherwise the one `install` puts in the Go bin
# directory, otherwise the first `temporal` on the PATH.
set -euo pipefail

readonly CLI_MODULE=github.com/temporalio/cli
readonly CLI_VERSION=v1.5.1
readonly HOST=127.0.0.1
readonly NAMESPACE=default
# Keep in step with dev.countersign.task.TaskSearchAttributes.
readonly SEARCH_ATTRIBUTES=(
    CountersignStatus=Keyword
    CountersignGroups=KeywordList
    CountersignRisk=Keyword
    CountersignTool=Keyword
    CountersignRequester=Keyword
    CountersignReviewGroups=KeywordList
)

readonly PROGRAM=temporal-dev-server
# shellcheck source=lib/common.sh
source "$(dirname "$0")/lib/common.sh"

usage() {
    sed -n '5,10p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit "${1:-2}"
}

# ---------------------------------------------------------------- the binary

# Succeeds when the binary is the pinned CLI release. `go install` builds report 0.0.0-DEV from
# --version, so the module version recorded in the binary is asked first.
is_pinned_version() {
    local bin=$1
    if command -v go >/dev/null 2>&1 \
        && go version -m "$bin" 2>/dev/null | grep -Eq "^[[:space:]]+mod[[:space:]]+${CLI_MODULE}[[:space:]]+${CLI_VERSION}([[:space:]]|$)"; then
        return 0
    fi
    "$bin" --version 2>/dev/null | grep -Eq "version ${CLI_VERSION#v}( |$)"
}

cmd_install() {
    [[ $# -eq 0 ]] || usage
    command -v go >/dev/null 2>&1 \
        || die "Go is not installed or not on the PATH; install Go (https://go.dev/dl/) and run this again"
    local bin
    bin="$(go_bin_dir)/temporal"
    if [[ -x "$bin" ]] && is_pinned_version "$bin"; then
        echo "$bin"
        return
    fi
    echo "temporal-dev-server: installing the Temporal CLI ${CLI_VERSION} with go install" \
        "(this compiles the CLI and the server: about 10 minutes on 2 cores)" >&2
    go install "${CLI_MODULE}/cmd/temporal@${CLI_VERSION}" \
        || die "go install ${CLI_MODULE}/cmd/temporal@${CLI_VERSION} failed"
    [[ -x "$bin" ]] || die "go install succeeded but $bin is missing"
    is_pinned_version "$bin" || die "$bin is not the Temporal CLI ${CLI_VERSION}"
    echo "$bin"
}

# ---------------------------------------------------------------- the server

DATA_DIR=${TEMPORAL_DEV_DATA_DIR:-./data}

pid_file() { echo "$DATA_DIR/temporal.pid"; }
info_file() { echo "$DATA_DIR/temporal.info"; }
log_file() { echo "$DATA_DIR/temporal.log"; }

# The pid of our dev server when it runs; a stale pid file or a reused pid does not count.
running_pid() {
    live_pid "$(pid_file)" "server start-dev"
}

answers() {
    local cli=$1 address=$2
    "$cli" operator cluster health --address "$address" --command-timeout 2s >/dev/null 2>&1 \
        && "$cli" operator namespace describe --namespace "$NAMESPACE" --address "$address" \
            --command-timeout 2s >/dev/null 2>&1
}

# The dev server registers --search-attribute only when it creates the namespace, that is, with a
# new database file; an older file gets what is missing here. Creating an existing one is a no-op.
ensure_search_attributes() {
    local cli=$1 address=$2 attribute
    for attribute in "${SEARCH_ATTRIBUTES[@]}"; do
        "$cli" operator search-attribute create --namespace "$NAMESPACE" --address "$address" \
            --command-timeout 10s --name "${attribute%%=*}" --type "${attribute#*=}" >/dev/null \
            || return 1
    done
}

print_info() {
    if [[ -f "$(info_file)" ]]; then
        cat "$(info_file)"
    fi
}

cmd_start() {
    local port=7233 ui_port="" db="" headless=false timeout=30 dynamic_config=()
    while [[ $# -gt 0 ]]; do
        case $1 in
            --db) db=${2:?--db needs a file}; shift 2 ;;
            --port) port=${2:?--port needs a number}; shift 2 ;;
            --ui-port) ui_port=${2:?--ui-port needs a number}; shift 2 ;;
            --headless) headless=true; shift ;;
            --data-dir) DATA_DIR=${2:?--data-dir needs a directory}; shift 2 ;;
            --timeout) timeout=${2:?--timeout needs seconds}; shift 2 ;;
            --dynamic-config) dynamic_config+=("${2:?--dynamic-config needs KEY=JSON_VALUE}"); shift 2 ;;
            *) usage ;;
        esac
    done
    [[ "$port" =~ ^[0-9]+$ ]] || die "--port must be a number, was '$port'"
    [[ "$timeout" =~ ^[0-9]+$ ]] || die "--timeout must be whole seconds, was '$timeout'"
    ui_port=${ui_port:-$((port + 1000))}
    [[ "$ui_port" =~ ^[0-9]+$ ]] || die "--ui-port must be a number, was '$ui_port'"
    mkdir -p "$DATA_DIR"
    DATA_DIR=$(cd "$DATA_DIR" && pwd)
    db=${db:-$DATA_DIR/temporal.db}
    mkdir -p "$(dirname "$db")"
    db="$(cd "$(dirname "$db")" && pwd)/$(basename "$db")"

    local cli address=$HOST:$port pid
    cli=$(find_cli)
    if pid=$(running_pid); then
        echo "temporal-dev-server: already running (pid $pid)" >&2
        print_info
        grep -qx "frontend: $address" "$(info_file)" || die "it listens elsewhere; stop it first"
        return 0
    fi
    if answers "$cli" "$address"; then
        die "something else already answers on $address; stop it or choose another --port"
    fi

    # WAL with synchronous=FULL keeps every commit across a crash or a power loss, as the default
    # rollback journal does, and halves the time a loaded 2-core machine needs per workflow step;
    # with the default, SQLite writes time out under load and activity dispatches get lost.
    local args=(server start-dev --ip "$HOST" --port "$port" --db-filename "$db"
        --sqlite-pragma journal_mode=wal --sqlite-pragma synchronous=FULL)
    if [[ $headless == true ]]; then
        args+=(--headless)
    else
        args+=(--ui-ip "$HOST" --ui-port "$ui_port")
    fi
    local setting
    for setting in ${dynamic_config[@]+"${dynamic_config[@]}"}; do
        args+=(--dynamic-config-value "$setting")
    done
    local attribute
    for attribute in "${SEARCH_ATTRIBUTES[@]}"; do
        args+=(--search-attribute "$attribute")
    done

    echo "--- $(date -u +%FT%TZ) $cli ${args[*]}" >>"$(log_file)"
    nohup "$cli" "${args[@]}" </dev/null >>"$(log_file)" 2>&1 &
    pid=$!
    echo "$pid" >"$(pid_file)"

    local deadline=$((SECONDS + timeout))
    until answers "$cli" "$address"; do
        if ! kill -0 "$pid" 2>/dev/null; then
            rm -f "$(pid_file)"
            tail -n 20 "$(log_file)" >&2
            die "the dev server exited during start-up; its log: $(log_file)"
        fi
        if ((SECONDS >= deadline)); then
            tail -n 20 "$(log_file)" >&2
            stop_pid "$pid" 10 || true
            rm -f "$(pid_file)"
            die "the dev server did not answer on $address within ${timeout}s; its log: $(log_file)"
        fi
        sleep 0.2
    done
    if ! ensure_search_attributes "$cli" "$address"; then
        stop_pid "$pid" 10 || true
        rm -f "$(pid_file)"
        die "could not register Countersign's search attributes on $address"
    fi

    {
        echo "pid: $pid"
        echo "frontend: $address"
        if [[ $headless == true ]]; then
            echo "web-ui: off (--headless)"
        else
            echo "web-ui: http://$HOST:$ui_port"
        fi
        echo "namespace: $NAMESPACE"
        echo "db: $db"
        echo "log: $(log_file)"
    } >"$(info_file)"
    print_info
    echo "Run Countersign on it: TEMPORAL_ADDRESS=$address java -jar worker/target/countersign-worker-0.1.0-SNAPSHOT.jar"
}

cmd_stop() {
    TIMEOUT=20
    parse_data_dir_options "$@"
    local pid
    if ! pid=$(running_pid); then
        rm -f "$(pid_file)"
        echo "temporal-dev-server: not running"
        return 0
    fi
    stop_pid "$pid" "$TIMEOUT" || die "pid $pid is still alive"
    rm -f "$(pid_file)"
    echo "temporal-dev-server: stopped (pid $pid)"
}


[[ $# -ge 1 ]] || usage
command=$1
shift
case $command in
    install) cmd_install "$@" ;;
    start) cmd_start "$@" ;;
    stop) cmd_stop "$@" ;;
    status) temporal_status "$@" ;;
    -h | --help | help) usage 0 ;;
    *) usage ;;
esac
