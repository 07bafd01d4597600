#!/usr/bin/env bash
# Clean install from package-lock.json. npm 11.19 refuses lockfiles that (correctly) leave out other
# platforms' optional binaries (@swc/core-darwin-*, …) with "Missing: … from lock file"; npm 10 installs the
# same lockfile exactly. So the clean install runs on a pinned npm 10 from the npm registry.
set -euo pipefail
cd "$(dirname "$0")/.."
exec npx -y npm@10.9.9 ci --no-audit --no-fund "$@"
