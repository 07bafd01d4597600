#!/usr/bin/env bash
# npm test: everything a fresh clone needs, then every test tier.
#   unit (no server) · integration (Java time-skipping server, Temporal dev server, MailDev, replay)
#   · with SIGNET_TEST_DATABASE_URL set (CI): the database tests again on PostgreSQL
# A missing server fails the run; nothing skips.
set -euo pipefail
exec </dev/null
cd "$(dirname "$0")/.."
export PATH="$(bash scripts/ensure-node.sh):$PATH"
[[ -d node_modules/@temporalio/worker ]] || bash scripts/npm-ci.sh
bash scripts/install-temporal.sh
bash scripts/install-validators.sh
bash scripts/install-schemathesis.sh
# The browser tests drive the system's Chromium (never a downloaded one): Debian's package when missing.
if [[ ! -x "${SIGNET_CHROMIUM:-/usr/bin/chromium}" ]]; then
  sudo=(); [[ "$(id -u)" == 0 ]] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq \
    --no-install-recommends chromium >/dev/null || { echo "install Chromium (Debian: apt-get install chromium)" >&2; exit 1; }
fi
npx tsc -b
# The browser bundles (signing page, sender UI) that the API serves under /assets/.
node api/scripts/build-web.mjs
# Bundling fails here, not in a deployed worker, when workflow code imports something it must not.
node worker/dist/scripts/bundle-workflows.js >/dev/null

mkdir -p test/artifacts
status=0
# The main passes use the embedded database (PGlite), whatever SIGNET_TEST_DATABASE_URL says.
env -u SIGNET_TEST_DATABASE_URL npx jest --ci --selectProjects unit --json --outputFile=test/artifacts/jest-unit.json || status=$?
env -u SIGNET_TEST_DATABASE_URL npx jest --ci --selectProjects integration --runInBand --json --outputFile=test/artifacts/jest-integration.json || status=$?
reports=(test/artifacts/jest-unit.json test/artifacts/jest-integration.json)

# The database tests once more against a real PostgreSQL server (.ci/run starts one with
# scripts/start-test-postgres.sh). CI without one fails here rather than skipping the pass.
DATABASE_TESTS=(api/src/db api/src/api-keys api/src/auth api/src/routes/api-keys.test.ts api/src/templates api/src/bulk-send api/src/read-model api/src/webhooks)
if [[ -n "${SIGNET_TEST_DATABASE_URL:-}" ]]; then
  npx jest --ci --selectProjects unit --json --outputFile=test/artifacts/jest-postgres.json -- "${DATABASE_TESTS[@]}" || status=$?
  reports+=(test/artifacts/jest-postgres.json)
elif [[ "${CI:-}" == true ]]; then
  echo "CI needs SIGNET_TEST_DATABASE_URL (a PostgreSQL server for the database tests); see scripts/start-test-postgres.sh" >&2
  status=1
fi
node scripts/summarise-jest.mjs "${reports[@]}" || status=$?
exit "$status"
