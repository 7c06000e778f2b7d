#!/usr/bin/env bash
# The bench: Countersign's approval gate against a bare Temporal gate (and LangGraph, where
# bench/langgraph is there) on one machine, in one run; it writes docs/performance.md, its charts
# docs/images/performance-*.png and the raw histograms docs/performance/*.hgrm. See docs/performance.md.
#
#   scripts/bench.sh [--rounds 3] [--rates 10,50] [--seconds 4] [--warmup 10] [--saturation-gates 100]
#                    [--concurrency 32] [--pending 1000] [--inbox-requests 200] [--gateway-calls 2000]
#                    [--auth-requests 300] [--cli-runs 10] [--worker-jvm -Xmx512m] [--workflow-cache 600]
#                    [--jfr true] [--skip langgraph,gate,saturation,gateway,auth,cli,pending] [--out docs]
#
# It installs what it needs as the integration suite does (the Temporal server and CLI with go
# install, the reference MCP servers with npm, LangGraph's virtual environment from PyPI), builds the
# worker, the CLI and the bench (`./mvnw -Pbench`), then runs the bench's jar. About 15 minutes with
# the defaults on 2 cores (35 with --pending 10000); everything it starts listens on 127.0.0.1 and is
# stopped at the end. MAVEN_ARGS=-o builds offline.
set -euo pipefail
cd "$(dirname "$0")/.."

die() {
    echo "bench: $*" >&2
    exit 1
}

command -v java >/dev/null || die "java is not on the PATH; install a JDK 17"
command -v node >/dev/null || die "node is not on the PATH; install Node.js 18 or later (the gateway's reference server)"
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || command -v initdb >/dev/null \
    || die "PostgreSQL is not installed: apt-get install postgresql (scripts/postgres-cluster.sh runs its own cluster)"

TEMPORAL_CLI=$(scripts/temporal-dev-server.sh install)
export TEMPORAL_CLI
scripts/temporal-server.sh install >/dev/null
COUNTERSIGN_MCP_SERVERS=$(scripts/mcp-servers.sh)
export COUNTERSIGN_MCP_SERVERS
if [[ -x bench/langgraph/setup.sh ]]; then
    bench/langgraph/setup.sh >&2 || echo "bench: LangGraph's environment could not be made; its column is skipped" >&2
fi

./mvnw -B -ntp -q -Pbench -pl worker,cli,bench -am package -DskipTests
exec java -Xmx1g -jar bench/target/countersign-bench.jar "$@"
