#!/usr/bin/env bash
# Installs schemathesis (PyPI) into .tools/schemathesis, for the API fuzz test (test/src/api-fuzz/).
# Idempotent: reinstalled only when the pinned version changes. A failed install is an error, never a skip:
# the fuzz test fails without the tool.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VENV="$ROOT/.tools/schemathesis"
SCHEMATHESIS_VERSION="4.32.5"
STAMP="$VENV/.schemathesis-$SCHEMATHESIS_VERSION"

log() { printf '[install-schemathesis] %s\n' "$*" >&2; }
die() {
  log "FAILED: $*"
  exit 1
}

if [[ -f "$STAMP" && -x "$VENV/bin/schemathesis" ]]; then exit 0; fi
command -v python3 >/dev/null 2>&1 || die "python3 is required for schemathesis"
log "installing schemathesis $SCHEMATHESIS_VERSION into $VENV"
rm -rf "$VENV"
mkdir -p "$ROOT/.tools"
python3 -m venv "$VENV" || die "python3 -m venv failed (Debian: apt-get install python3-venv)"
"$VENV/bin/pip" install -q --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION" ||
  die "pip install schemathesis failed"
"$VENV/bin/schemathesis" --version >/dev/null || die "schemathesis does not start"
touch "$STAMP"
log "ok"
