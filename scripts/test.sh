#!/usr/bin/env bash
# npm test: everything a fresh clone needs, then every test tier.
#   unit (no server) · integration (Java time-skipping server, Temporal dev server, MailDev, replay)
# A missing server fails the run; nothing skips.
set -euo pipefail
exec </dev/null
cd "$(dirname "$0")/.."
export PATH="$(bash scripts/ensure-node.sh):$PATH"
[[ -d node_modules/@temporalio/worker ]] || bash scripts/npm-ci.sh
bash scripts/install-temporal.sh
bash scripts/install-validators.sh
npx tsc -b
# Bundling fails here, not in a deployed worker, when workflow code imports something it must not.
node worker/dist/scripts/bundle-workflows.js >/dev/null

mkdir -p test/artifacts
status=0
npx jest --ci --selectProjects unit --json --outputFile=test/artifacts/jest-unit.json || status=$?
npx jest --ci --selectProjects integration --runInBand --json --outputFile=test/artifacts/jest-integration.json || status=$?
node scripts/summarise-jest.mjs test/artifacts/jest-unit.json test/artifacts/jest-integration.json || status=$?
exit "$status"
