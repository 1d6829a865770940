// Adds up the Vitest and Playwright JSON reports into one closing line, "N passed, N failed,
// N skipped", so a reader (or CI) sees the whole suite's outcome at a glance.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
const skips = [];

// Playwright nests suites; collect every skipped test with the reason it gave.
function collectSkips(suite, trail = []) {
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests ?? []) {
      if (test.status !== 'skipped') continue;
      const reason =
        (test.annotations ?? []).find((note) => note.type === 'skip')?.description ?? 'no reason given';
      skips.push(`${[...trail, spec.title].join(' › ')} — ${reason}`);
    }
  }
  for (const child of suite.suites ?? []) collectSkips(child, [...trail, child.title]);
}
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.error(`missing test report: ${file}`);
    failed++;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if ('numPassedTests' in report) {
    // Vitest (Jest-compatible JSON)
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  } else if (report.stats) {
    // Playwright
    passed += report.stats.expected + (report.stats.flaky ?? 0);
    failed += report.stats.unexpected;
    skipped += report.stats.skipped;
    for (const suite of report.suites ?? []) collectSkips(suite);
  }
}
if (skips.length > 0)
  console.log(`\nSkipped (not passed):\n${skips.map((line) => `  - ${line}`).join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
