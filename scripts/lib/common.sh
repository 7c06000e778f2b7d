# Shared by the server scripts (temporal-dev-server.sh, temporal-server.sh, postgres-cluster.sh);
# sourced, not run. The sourcing script sets PROGRAM (its name in messages) and defines usage.

die() {
    echo "$PROGRAM: $*" >&2
    exit 1
}

# Fails with a message unless $2 is a whole number; $1 names the option.
require_number() {
    [[ "$2" =~ ^[0-9]+$ ]] || die "$1 must be a whole number, was '$2'"
}

# Parses the options of stop and status: --data-dir into DATA_DIR, and --timeout into TIMEOUT
# where the caller set TIMEOUT beforehand (status takes none).
parse_data_dir_options() {
    while [[ $# -gt 0 ]]; do
        case $1 in
            --data-dir) DATA_DIR=${2:?--data-dir needs a directory}; shift 2 ;;
            --timeout)
                [[ -n "${TIMEOUT:-}" ]] || usage
                TIMEOUT=${2:?--timeout needs seconds}
                shift 2
                ;;
            *) usage ;;
        esac
    done
    if [[ -n "${TIMEOUT:-}" ]]; then
        require_number --timeout "$TIMEOUT"
    fi
}

go_bin_dir() {
    local gobin gopath
    gobin=$(go env GOBIN)
    if [[ -n "$gobin" ]]; then
        echo "$gobin"
        return
    fi
    gopath=$(go env GOPATH)
    echo "${gopath%%:*}/bin"
}

# The Temporal CLI: TEMPORAL_CLI, else the one `temporal-dev-server.sh install` puts in Go's bin
# directory, else the first `temporal` on the PATH.
find_cli() {
    if [[ -n "${TEMPORAL_CLI:-}" ]]; then
        [[ -x "$TEMPORAL_CLI" ]] || die "TEMPORAL_CLI=$TEMPORAL_CLI is not an executable file"
        echo "$TEMPORAL_CLI"
        return
    fi
    if command -v go >/dev/null 2>&1; then
        local candidate
        candidate="$(go_bin_dir)/temporal"
        if [[ -x "$candidate" ]]; then
            echo "$candidate"
            return
        fi
    fi
    if command -v temporal >/dev/null 2>&1; then
        command -v temporal
        return
    fi
    die "no temporal CLI found: run 'scripts/temporal-dev-server.sh install' (needs Go), or set TEMPORAL_CLI to the binary"
}

# SIGTERM, then SIGKILL when it has not exited within the given seconds.
stop_pid() {
    local pid=$1 seconds=$2
    kill -TERM "$pid" 2>/dev/null || return 0
    local deadline=$((SECONDS + seconds))
    while kill -0 "$pid" 2>/dev/null; do
        if ((SECONDS >= deadline)); then
            echo "$PROGRAM: pid $pid ignored SIGTERM for ${seconds}s; sending SIGKILL" >&2
            kill -KILL "$pid" 2>/dev/null || true
            local killed_at=$SECONDS
            while kill -0 "$pid" 2>/dev/null && ((SECONDS - killed_at < 5)); do sleep 0.1; done
            break
        fi
        sleep 0.1
    done
    ! kill -0 "$pid" 2>/dev/null
}

# The pid on the first line of a pid file when that process runs and its command line holds the
# pattern: a stale pid file or a reused pid does not count.
live_pid() {
    local file=$1 pattern=$2 pid
    [[ -f "$file" ]] || return 1
    pid=$(head -n 1 "$file")
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    kill -0 "$pid" 2>/dev/null || return 1
    ps -o args= -p "$pid" 2>/dev/null | grep -q -- "$pattern" || return 1
    echo "$pid"
}

# `status` of a Temporal server script, which defines running_pid, print_info, info_file and
# answers: exit 0 when it runs and answers, 1 when it runs and does not answer, 3 when it does not run.
temporal_status() {
    parse_data_dir_options "$@"
    local address
    if ! running_pid >/dev/null; then
        echo "$PROGRAM: not running"
        return 3
    fi
    print_info
    address=$(sed -n 's/^frontend: //p' "$(info_file)")
    if answers "$(find_cli)" "$address"; then
        echo "health: SERVING"
    else
        echo "health: not answering on $address"
        return 1
    fi
}
