// `npm test`: type-check, build the site with its search index, run every runner, and close with
// one line "N passed, N failed" summed over all of them (CI reads it).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env }).status ?? 1;
let passed = 0;
let failed = 0;
const skipBuild = process.argv.includes('--no-build');

rmSync('test-results', { recursive: true, force: true });
for (const [name, cmd, args] of [
  ['astro check', 'npx', ['astro', 'check']],
  ...(skipBuild ? [] : [['build', 'npm', ['run', 'build']]]),
]) {
  console.log(`\n── ${name} ──`);
  if (run(cmd, args) === 0) passed += 1;
  else {
    failed += 1;
    console.error(`${name} failed; the tests below need it, stopping.`);
    console.log(`\n${passed} passed, ${failed} failed`);
    process.exit(1);
  }
}

function count(file, read) {
  if (!existsSync(file)) return false;
  const r = read(JSON.parse(readFileSync(file, 'utf8')));
  passed += r.passed;
  failed += r.failed;
  return true;
}

console.log('\n── vitest ──');
const v = run('npx', ['vitest', 'run']);
if (!count('test-results/vitest.json', (j) => ({ passed: j.numPassedTests, failed: j.numFailedTests + (j.numTotalTestSuites && j.success === false && j.numFailedTests === 0 ? 1 : 0) })) || false) {
  failed += 1;
}
console.log('\n── playwright ──');
const p = run('npx', ['playwright', 'test']);
if (!count('test-results/playwright.json', (j) => ({ passed: j.stats.expected + j.stats.flaky, failed: j.stats.unexpected + (j.errors?.length ?? 0) }))) {
  failed += 1;
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed || v || p ? 1 : 0);
