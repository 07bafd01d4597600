#!/usr/bin/env bash
# Installs the independent PDF signature validators the tests use as oracles (idempotent, cached):
#   Debian      pdfsig, pdftotext, pdffonts (poppler-utils), qpdf, certutil (libnss3-tools), openssl,
#               gs (ghostscript: makes the PDF/A-2b test input; its sRGB ICC profile is the OutputIntent)
#   .tools/pyhanko   pyHanko CLI in a Python venv (PyPI)
#   .tools/dss/lib   EU DSS validation library (Maven Central), run by test/oracles/dss/DssCheck.java
#   .tools/verapdf/lib   veraPDF PDF/A validation library (Maven Central), run by test/oracles/verapdf/VeraCheck.java
# A missing tool is an error, never a skip: tests that need an oracle fail without it.
# Re-running is cheap: each part is reinstalled only when its pinned version (or its resolver POM) changes.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
TOOLS="$ROOT/.tools"
PYHANKO_CLI_VERSION="0.6.0"
PYHANKO_VERSION="0.38.0"
DSS_POM="$ROOT/test/oracles/dss/pom.xml"
VERAPDF_POM="$ROOT/test/oracles/verapdf/pom.xml"
APT_PACKAGES=(poppler-utils qpdf libnss3-tools openssl ghostscript)
# Read by test/src/support/pdf-a-fixture.ts: the PDF/A OutputIntent profile ghostscript embeds (package libgs-common).
SRGB_ICC=/usr/share/color/icc/ghostscript/srgb.icc

log() { printf '[install-validators] %s\n' "$*" >&2; }
die() {
  log "FAILED: $*"
  exit 1
}

install_debian() {
  local missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  if ((${#missing[@]} > 0)); then
    command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install ${missing[*]} by hand"
    local sudo=()
    [[ "$(id -u)" == 0 ]] || sudo=(sudo)
    log "installing Debian packages: ${missing[*]}"
    "${sudo[@]}" apt-get update -qq || die "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
      die "apt-get install ${missing[*]} failed"
  fi
  for bin in pdfsig pdftotext pdffonts qpdf certutil openssl gs; do
    command -v "$bin" >/dev/null 2>&1 || die "$bin is still missing after installing ${APT_PACKAGES[*]}"
  done
  [[ -r "$SRGB_ICC" ]] || die "$SRGB_ICC is missing after installing ghostscript"
}

install_pyhanko() {
  local venv="$TOOLS/pyhanko"
  local stamp="$venv/.pyhanko-cli-$PYHANKO_CLI_VERSION-pyhanko-$PYHANKO_VERSION"
  if [[ -f "$stamp" && -x "$venv/bin/pyhanko" ]]; then return; fi
  command -v python3 >/dev/null 2>&1 || die "python3 is required for pyHanko"
  log "installing pyhanko-cli $PYHANKO_CLI_VERSION + pyhanko $PYHANKO_VERSION into $venv"
  rm -rf "$venv"
  python3 -m venv "$venv" || die "python3 -m venv failed (Debian: apt-get install python3-venv)"
  "$venv/bin/pip" install -q --disable-pip-version-check \
    "pyhanko-cli==$PYHANKO_CLI_VERSION" "pyhanko==$PYHANKO_VERSION" || die "pip install pyhanko failed"
  "$venv/bin/pyhanko" --version >/dev/null || die "pyhanko does not start"
  touch "$stamp"
}

# Copies the runtime jars of a resolver POM into .tools/<name>/lib; skipped while the POM's hash is unchanged.
install_maven_jars() {
  local name="$1" pom="$2" what="$3" marker="$4"
  local lib="$TOOLS/$name/lib"
  local stamp
  stamp="$TOOLS/$name/.pom-$(sha256sum "$pom" | cut -c1-16)"
  if [[ -f "$stamp" && -d "$lib" ]]; then return; fi
  command -v mvn >/dev/null 2>&1 || die "Maven (mvn) is required for $what"
  command -v java >/dev/null 2>&1 || die "Java 17+ is required for $what"
  log "fetching $what from Maven Central ($pom)"
  rm -rf "${TOOLS:?}/$name"
  mkdir -p "$lib"
  mvn -q -B -Dstyle.color=never -f "$pom" org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy-dependencies \
    -DoutputDirectory="$lib" -DincludeScope=runtime || die "mvn could not resolve $pom"
  compgen -G "$lib/$marker" >/dev/null || die "$marker missing in $lib"
  touch "$stamp"
}

mkdir -p "$TOOLS"
install_debian
install_pyhanko
install_maven_jars dss "$DSS_POM" "the EU DSS validation library" 'dss-pades-pdfbox-*.jar'
install_maven_jars verapdf "$VERAPDF_POM" "the veraPDF validation library" 'validation-model-*.jar'
log "ok"
