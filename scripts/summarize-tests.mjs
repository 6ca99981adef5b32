// Prints "N passed, N failed" from Vitest's JSON report (the last line CI reads).
import fs from 'node:fs';

const file = process.argv[2];
if (!file || !fs.existsSync(file)) {
  console.log('0 passed, 1 failed');
  process.exit(0);
}
const report = JSON.parse(fs.readFileSync(file, 'utf8'));
let failed = report.numFailedTests;
if (failed === 0 && report.numFailedTestSuites > 0) failed = report.numFailedTestSuites;
console.log(`${report.numPassedTests} passed, ${failed} failed`);
