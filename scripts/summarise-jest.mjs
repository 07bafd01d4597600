// Prints one closing line over several Jest JSON reports: "tests: N passed, N failed[, N skipped]".
// Exits non-zero when a report is missing, a test failed, a suite failed to run, or nothing ran.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
let broken = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.error(`missing Jest report ${file}`);
    broken += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  broken += report.numRuntimeErrorTestSuites;
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
if (broken > 0) console.error(`${broken} test suite(s) failed to run`);
process.exit(failed > 0 || broken > 0 || passed === 0 || skipped > 0 ? 1 : 0);
