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

// What failed, repeated just above the closing line: CI keeps only the end of the log, and a failure
// printed minutes earlier (vitest runs first) is cut off there.
const failures = [];
const firstLines = (text, n = 6) => String(text ?? '').replace(/\x1b\[[0-9;]*m/g, '').split('\n').filter((l) => l.trim() && !/^\s*at .*node_modules/.test(l)).slice(0, n).map((l) => `      ${l.slice(0, 240)}`).join('\n');

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
if (existsSync('test-results/vitest.json')) {
  const j = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
  for (const f of j.testResults ?? []) {
    const name = f.name.replace(/^.*?\/tests\//, 'tests/');
    for (const a of f.assertionResults ?? []) if (a.status === 'failed') failures.push(`vitest ${name} › ${a.fullName ?? a.title}\n${firstLines(a.failureMessages?.join('\n'))}`);
    if (f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed')) failures.push(`vitest ${name} (the file failed)\n${firstLines(f.message)}`);
  }
}
console.log('\n── playwright ──');
const p = run('npx', ['playwright', 'test']);
if (!count('test-results/playwright.json', (j) => ({ passed: j.stats.expected + j.stats.flaky, failed: j.stats.unexpected + (j.errors?.length ?? 0) }))) {
  failed += 1;
}
if (existsSync('test-results/playwright.json')) {
  const j = JSON.parse(readFileSync('test-results/playwright.json', 'utf8'));
  const walk = (suite, trail) => {
    for (const s of suite.suites ?? []) walk(s, [...trail, s.title]);
    for (const spec of suite.specs ?? []) for (const t of spec.tests ?? []) {
      if (t.status !== 'unexpected' && t.status !== 'flaky') continue;
      const r = (t.results ?? []).find((x) => x.status !== 'passed');
      failures.push(`playwright${t.status === 'flaky' ? ' (flaky, passed on retry)' : ''} ${[...trail, spec.title].filter(Boolean).join(' › ')}:${spec.line}\n${firstLines(r?.error?.message)}`);
    }
  };
  for (const s of j.suites ?? []) walk(s, [s.title]);
  for (const e of j.errors ?? []) failures.push(`playwright error\n${firstLines(e.message)}`);
}
if (failures.length) console.log(`\n── what failed ──\n${failures.join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed || v || p ? 1 : 0);
