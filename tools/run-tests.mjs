// `npm test`: type check, lint (with the module boundaries), then every Jest project, and a
// closing line in the plain form CI reads: "tests: N passed, N failed, N skipped".
// `--require-services` (or SIBAN_REQUIRE_SERVICES=1, set by .ci/run) makes a PostgreSQL or Redis
// suite that did not run a failure: without DATABASE_URL / REDIS_URL, or skipped.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

function step(title, command, args) {
  console.log(`\n== ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  return result.status ?? 1;
}

const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const results = path.join(root, 'tmp', 'jest-results.json');
const args = process.argv.slice(2);
const requireServices = args.includes('--require-services') || process.env.SIBAN_REQUIRE_SERVICES === '1';
const jestArgs = args.filter((arg) => arg !== '--require-services');
fs.mkdirSync(path.dirname(results), { recursive: true });
fs.rmSync(results, { force: true });

console.log(
  `databases under test: PGlite${process.env.DATABASE_URL ? ' and PostgreSQL (DATABASE_URL)' : ' only (DATABASE_URL unset)'}; Redis: ${process.env.REDIS_URL ? 'REDIS_URL' : 'unset'}`,
);
const failures = [];
if (requireServices) {
  for (const name of ['DATABASE_URL', 'REDIS_URL']) if (!process.env[name]) failures.push(`${name} unset`);
}
if (step('type check', bin('tsc'), ['-p', 'tsconfig.typecheck.json']) !== 0) failures.push('type check');
if (step('lint', bin('nx'), ['run-many', '-t', 'lint', '--output-style=static']) !== 0) failures.push('lint');
const jestStatus = step('tests', process.execPath, [
  '--experimental-vm-modules',
  '--no-warnings=ExperimentalWarning',
  path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'),
  '--maxWorkers=2',
  '--json',
  `--outputFile=${results}`,
  ...jestArgs,
]);
if (jestStatus !== 0) failures.push('tests');

let passed = 0;
let failed = 0;
let skipped = 0;
if (fs.existsSync(results)) {
  const summary = JSON.parse(fs.readFileSync(results, 'utf8'));
  passed = summary.numPassedTests;
  failed = summary.numFailedTests + (summary.numFailedTests === 0 ? summary.numFailedTestSuites + summary.numRuntimeErrorTestSuites : 0);
  skipped = summary.numPendingTests + summary.numTodoTests;
} else {
  failed = 1;
}
if (requireServices) {
  const problems = serviceProblems(fs.existsSync(results) ? JSON.parse(fs.readFileSync(results, 'utf8')) : undefined);
  for (const problem of problems) console.log(`required service: ${problem}`);
  if (problems.length) failures.push('required services (PostgreSQL, Redis)');
}
if (failures.length) console.log(`\nfailed steps: ${failures.join(', ')}`);
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failures.length ? 1 : 0);

/**
 * Why the PostgreSQL and Redis suites do not count as run: a skipped test naming either, or no
 * passed test naming it at all (a suite that made no PostgreSQL variant is as bad as a skip).
 */
function serviceProblems(summary) {
  if (!summary) return ['no Jest results'];
  const tests = summary.testResults.flatMap((file) =>
    file.assertionResults.map((test) => ({ name: `${file.name} ${test.fullName}`, status: test.status })),
  );
  const problems = [];
  for (const [service, pattern] of [
    ['PostgreSQL', /postgres/i],
    ['Redis', /redis/i],
  ]) {
    const skipped = tests.filter(
      (test) => pattern.test(test.name) && (test.status === 'pending' || test.status === 'todo' || test.status === 'skipped'),
    );
    for (const test of skipped) problems.push(`${service} test skipped: ${test.name}`);
    if (!tests.some((test) => pattern.test(test.name) && test.status === 'passed')) problems.push(`no ${service} test ran`);
  }
  return problems;
}
