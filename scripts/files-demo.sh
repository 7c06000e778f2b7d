#!/usr/bin/env bash
# Runs the files demo: the service with a "files" agent on the reference filesystem MCP server,
# confined to a sandbox folder, under docs/examples/files-policy.yaml (reads run on their own,
# writes and edits wait for one reviewer, moves for two, anything outside the sandbox is denied).
# It needs a language model with tool calling on an OpenAI-compatible endpoint, for example Ollama:
#
#   OPENAI_BASE_URL=http://127.0.0.1:11434/v1 COUNTERSIGN_MODEL=llama3.1 scripts/files-demo.sh
#
# COUNTERSIGN_FILES_SANDBOX names the sandbox (default target/files-sandbox, created with a first file).
# Then, as dave: POST /api/tasks {"agent":"files","goal":"Add a line 'reviewed' to notes.txt"}, and
# decide the write as alice in the console (docs/agents.md, "The files demo").
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z "${OPENAI_BASE_URL:-}" && -z "${OPENAI_API_KEY:-}" ]]; then
    echo "files-demo: the files agent needs a language model: set OPENAI_BASE_URL (with /v1) or OPENAI_API_KEY," >&2
    echo "  and COUNTERSIGN_MODEL; for Ollama: OPENAI_BASE_URL=http://127.0.0.1:11434/v1 COUNTERSIGN_MODEL=llama3.1" >&2
    exit 2
fi
command -v node >/dev/null || { echo "files-demo: node is not on the PATH; install Node.js 18 or later" >&2; exit 2; }

COUNTERSIGN_MCP_SERVERS=$(scripts/mcp-servers.sh)
sandbox=${COUNTERSIGN_FILES_SANDBOX:-target/files-sandbox}
mkdir -p "$sandbox"
[[ -e "$sandbox/notes.txt" ]] || printf 'Countersign files demo\nfirst line\n' > "$sandbox/notes.txt"
COUNTERSIGN_FILES_SANDBOX=$(cd "$sandbox" && pwd -P)
export COUNTERSIGN_MCP_SERVERS COUNTERSIGN_FILES_SANDBOX
export COUNTERSIGN_AGENTS=file:docs/examples/files-agents.yaml
export COUNTERSIGN_POLICY_LOCATION=file:docs/examples/files-policy.yaml

jar=worker/target/countersign-worker-0.1.0-SNAPSHOT.jar
[[ -f "$jar" ]] || ./mvnw -q -B install -DskipTests
echo "files-demo: sandbox $COUNTERSIGN_FILES_SANDBOX; console http://127.0.0.1:${PORT:-8080}" >&2
exec java -jar "$jar"
