// The one test command (README, .ci/run): type check, layer lint, then every Vitest test.
// Prints a closing line "N passed, N failed" read by CI; exits non-zero when a test failed or
// none ran.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: false });
const npx = (args) => run('npx', args);

const steps = [
  ['typecheck', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['layer lint', ['tsx', 'analysis/lint_layers.ts']],
];
let failedSteps = 0;
for (const [name, args] of steps) {
  const r = npx(args);
  if (r.status !== 0) {
    console.error(`\n${name} failed`);
    failedSteps++;
  }
}

const report = '.vitest-report.json';
rmSync(report, { force: true });
const extra = process.argv.slice(2);
npx(['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra]);

let passed = 0;
let failed = failedSteps;
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests;
  failed += json.numFailedTests + (json.numRuntimeErrorTestSuites ?? 0);
  for (const suite of json.testResults ?? []) {
    if (suite.status === 'failed' && (suite.assertionResults ?? []).length === 0) failed++;
  }
} catch (e) {
  console.error(`could not read ${report}: ${e.message}`);
  failed++;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
