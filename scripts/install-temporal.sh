#!/usr/bin/env bash
# Installs the real Temporal toolchain into .tools/ (idempotent, cached):
#   .tools/bin/temporal                 Temporal CLI dev server, built from Temporal's Go module
#   .tools/tts/bin/temporal-test-server Java time-skipping test server (Maven Central) behind an exec wrapper
# Re-running is cheap: each tool is rebuilt only when its pinned version changes.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
TOOLS="$ROOT/.tools"
CLI_VERSION="v1.5.1" # newest tag without a go.mod `replace` directive (see docs/decisions/0002)
TTS_VERSION="$(sed -n 's:.*<artifactId>temporal-test-server</artifactId><version>\([^<]*\)</version>.*:\1:p' "$ROOT/deps/pom.xml")"
mkdir -p "$TOOLS/bin" "$TOOLS/tts/bin"

log() { printf '[install-temporal] %s\n' "$*" >&2; }

install_cli() {
  local stamp="$TOOLS/bin/.temporal-$CLI_VERSION"
  if [[ -x "$TOOLS/bin/temporal" && -f "$stamp" ]]; then return; fi
  if command -v temporal >/dev/null 2>&1 && [[ "${SIGNET_BUILD_TEMPORAL:-}" != "1" ]]; then
    log "using temporal from PATH: $(command -v temporal)"
    ln -sf "$(command -v temporal)" "$TOOLS/bin/temporal"
    touch "$stamp"
    return
  fi
  if command -v go >/dev/null 2>&1; then
    log "building Temporal CLI $CLI_VERSION from its Go module (first build takes several minutes)"
    GOBIN="$TOOLS/bin" GOFLAGS="-trimpath" go install "github.com/temporalio/cli/cmd/temporal@$CLI_VERSION"
    touch "$stamp"
    return
  fi
  log "neither Go nor a temporal binary found: the SDK will try its own download (needs internet)"
}

install_tts() {
  local stamp="$TOOLS/tts/.tts-$TTS_VERSION"
  if [[ -f "$stamp" && -x "$TOOLS/tts/bin/temporal-test-server" ]]; then return; fi
  command -v mvn >/dev/null 2>&1 || { log "Maven (mvn) and Java 17 are required for the time-skipping test server"; exit 1; }
  log "fetching io.temporal:temporal-test-server:$TTS_VERSION from Maven Central"
  rm -rf "$TOOLS/tts/lib"
  mvn -q -B -f "$ROOT/deps/pom.xml" org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy-dependencies \
    -DoutputDirectory="$TOOLS/tts/lib" -DincludeScope=runtime
  # `exec` matters: the SDK stops the server with SIGKILL, which must reach the JVM, not a shell.
  cat >"$TOOLS/tts/bin/temporal-test-server" <<'WRAP'
#!/bin/sh
D="$(cd "$(dirname "$0")/.." && pwd)"
exec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -cp "$D/lib/*" io.temporal.testserver.TestServer "$@"
WRAP
  chmod +x "$TOOLS/tts/bin/temporal-test-server"
  touch "$stamp"
}

case "${1:-all}" in
  cli) install_cli ;;
  tts) install_tts ;;
  all) install_tts; install_cli ;;
  *) log "usage: $0 [all|cli|tts]"; exit 2 ;;
esac
log "ok"
