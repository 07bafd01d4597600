#!/usr/bin/env bash
# npm start: set up what is missing on a fresh clone, then run the whole stack (scripts/start-stack.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$(bash scripts/ensure-node.sh):$PATH"
[[ -d node_modules/@temporalio/worker ]] || bash scripts/npm-ci.sh
bash scripts/install-temporal.sh
npx tsc -b
# The browser bundles (signing page, sender UI) that the API serves under /assets/.
node api/scripts/build-web.mjs
node worker/dist/scripts/bundle-workflows.js
exec node scripts/start-stack.mjs
