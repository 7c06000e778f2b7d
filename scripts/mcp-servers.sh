#!/usr/bin/env bash
# Installs the reference MCP servers that the tests and the files demo start with node, at pinned
# versions, into a cache folder, and prints that folder. See docs/agents.md ("MCP servers").
#
#   scripts/mcp-servers.sh            install (quick when already installed), print the folder
#   scripts/mcp-servers.sh path       print the folder only
#
# COUNTERSIGN_MCP_SERVERS names the folder; the default is ${XDG_CACHE_HOME:-~/.cache}/countersign/mcp-servers.
# The servers' entry points are then <folder>/node_modules/@modelcontextprotocol/server-*/dist/index.js.
set -euo pipefail

readonly PACKAGES=(
    @modelcontextprotocol/server-everything@2026.8.31
    @modelcontextprotocol/server-filesystem@2026.8.31
)

die() {
    echo "mcp-servers: $*" >&2
    exit 1
}

folder() {
    echo "${COUNTERSIGN_MCP_SERVERS:-${XDG_CACHE_HOME:-$HOME/.cache}/countersign/mcp-servers}"
}

# The version installed of one package, or nothing.
installed_version() {
    local manifest="$1/node_modules/$2/package.json"
    [[ -f "$manifest" ]] && node -p "require(process.argv[1]).version" "$manifest" 2>/dev/null || true
}

install() {
    local dir missing=() spec name version
    dir=$(folder)
    for spec in "${PACKAGES[@]}"; do
        name=${spec%@*}
        version=${spec##*@}
        [[ "$(installed_version "$dir" "$name")" == "$version" ]] || missing+=("$spec")
    done
    if ((${#missing[@]} > 0)); then
        command -v npm >/dev/null || die "npm is not on the PATH; install Node.js 18 or later"
        mkdir -p "$dir"
        echo "mcp-servers: installing ${missing[*]} into $dir" >&2
        npm install --prefix "$dir" --no-audit --no-fund --loglevel=error --save-exact "${missing[@]}" >&2 \
            || die "npm could not install ${missing[*]}"
    fi
    echo "$dir"
}

case "${1:-install}" in
    install) install ;;
    path) folder ;;
    *) die "unknown command '$1'; use install or path" ;;
esac
