// Prints one closing line over the vitest JSON reports found in the given directories: "N passed, N failed".
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

let passed = 0;
let failed = 0;
let reports = 0;
for (const dir of process.argv.slice(2)) {
  if (!existsSync(dir)) throw new Error(`no test reports in ${dir}`);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const report = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    reports += 1;
  }
}
if (!reports) throw new Error('no test reports found');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
