#!/usr/bin/env bash
# Creates bench/langgraph/.venv and installs requirements.txt into it, from PyPI.
# Idempotent: does nothing when every pinned package is already installed at its pinned version.
#
#   bench/langgraph/setup.sh          (PYTHON names the interpreter; default python3, 3.10 or newer)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
venv="$here/.venv"
requirements="$here/requirements.txt"
python=${PYTHON:-python3}

die() { echo "bench/langgraph/setup.sh: $*" >&2; exit 1; }

# Exits 0 when each `name==version` line of requirements.txt is installed at that version.
matches() {
    "$venv/bin/python" - "$requirements" <<'PY' 2>/dev/null
import re, sys
from importlib.metadata import version, PackageNotFoundError
for line in open(sys.argv[1]):
    line = line.split("#", 1)[0].strip()
    if not line:
        continue
    name, pinned = re.match(r"^([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?==(\S+)$", line).groups()
    try:
        if version(name) != pinned:
            sys.exit(1)
    except PackageNotFoundError:
        sys.exit(1)
PY
}

if [[ -x "$venv/bin/python" ]] && matches; then
    echo "bench/langgraph/.venv is up to date"
    exit 0
fi

command -v "$python" >/dev/null 2>&1 || die "no $python on the PATH: install Python 3.10 or newer, or set PYTHON"
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 10))' \
    || die "$("$python" --version 2>&1) is too old: LangGraph needs Python 3.10 or newer (set PYTHON)"

if [[ ! -x "$venv/bin/python" ]]; then
    "$python" -m venv "$venv" \
        || die "could not create $venv: is the venv module installed (Debian: apt-get install python3-venv)?"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements" \
    || die "pip could not install $requirements into $venv (is PyPI reachable?)"
matches || die "after pip install, $venv still does not hold the versions pinned in $requirements"
echo "bench/langgraph/.venv ready: $("$venv/bin/python" -m pip freeze --disable-pip-version-check | grep -iE '^(langgraph|psycopg)' | tr '\n' ' ')"
