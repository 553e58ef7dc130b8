// W11 multiprogramming: the figure's numbers exactly (chapter 8: uniprogramming 160 ms at 50 %,
// multiprogramming with 1 ms switches 102 ms at ~78 %), and the model against an independent Python
// simulator written from the rules (tests/support/multiprog_sim.py) on thousands of random job sets
// in every mode; plus the rules' own invariants and the messages for bad input.
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { runPython } from '../support/python.ts';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { checkSetup, decodeState, DEFAULT_SETUP, encodeState, FIGURE_JOBS, LIMITS, MODES, parseJobs, simulate, stepTimes, trySimulate, type Setup } from '../../src/widgets/multiprog/model.ts';

const SIM = join(process.cwd(), 'tests', 'support', 'multiprog_sim.py');
const cpuOf = (s: Setup) => simulate(s).cpu.map((x) => [x.kind, x.start, x.end, x.job ?? null]);

describe('the figure (chapter 8, Figure 8-2)', () => {
  test('uniprogramming: 160 ms, CPU busy 50 %', () => {
    const r = simulate({ ...DEFAULT_SETUP, mode: 'uni' });
    expect(r.makespan).toBe(160);
    expect(r.utilization).toBe(0.5);
    expect(r.finish).toEqual([80, 160]);
    expect(cpuOf({ ...DEFAULT_SETUP, mode: 'uni' })).toEqual([['run', 0, 20, 0], ['hold', 20, 60, 0], ['run', 60, 80, 0], ['run', 80, 100, 1], ['hold', 100, 140, 1], ['run', 140, 160, 1]]);
  });
  test('multiprogramming, switching on I/O, 1 ms per switch: 102 ms, ~78 %', () => {
    const r = simulate({ mode: 'io', jobs: FIGURE_JOBS, switchCost: 1, quantum: 10 });
    expect(r.makespan).toBe(102);
    expect(Math.round(r.utilization * 100)).toBe(78);
    expect(r.utilization).toBeCloseTo(80 / 102, 12);
    expect(r.finish).toEqual([81, 102]);
    expect(r.switches).toBe(3);
    expect(cpuOf(DEFAULT_SETUP)).toEqual([['run', 0, 20, 0], ['switch', 20, 21, 1], ['run', 21, 41, 1], ['idle', 41, 60, null], ['switch', 60, 61, 0], ['run', 61, 81, 0], ['switch', 81, 82, 1], ['run', 82, 102, 1]]);
    expect(simulate({ ...DEFAULT_SETUP, switchCost: 0 }).makespan).toBe(100);
  });
  test('slice expiry moves Running → Ready: a 10 ms slice, two compute-only jobs take turns', () => {
    const r = simulate({ mode: 'slice', jobs: [[30], [30]], switchCost: 1, quantum: 10 });
    expect(r.events.filter((e) => e.kind === 'expire').map((e) => [e.t, e.job, e.keeps])).toEqual([[10, 0, false], [21, 1, false], [32, 0, false], [43, 1, false]]);
    expect(r.makespan).toBe(65);
  });
});

// A small seeded generator (mulberry32): the same job sets every run.
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

describe('against the independent Python simulator', () => {
  test('1500 random job sets in each of the four modes: the same CPU timeline, finish times, switches', async () => {
    const r = rng(14);
    const int = (a: number, b: number) => a + Math.floor(r() * (b - a + 1));
    const setups: Setup[] = [];
    for (const mode of MODES)
      for (let i = 0; i < 1500; i++)
        setups.push({ mode, switchCost: int(0, 3), quantum: int(1, 12), jobs: Array.from({ length: int(1, 4) }, () => Array.from({ length: int(1, 6) }, () => int(1, 25))) });
    const dir = mkdtempSync(join(tmpdir(), 'mp-'));
    try {
      writeFileSync(join(dir, 'in.json'), JSON.stringify(setups));
      const run = await runPython(['-c', `import sys, runpy; sys.stdin = open('in.json'); runpy.run_path(${JSON.stringify(SIM)}, run_name='__main__')`], { cwd: dir, timeoutMs: 60_000 });
      expect(run.stderr).toBe('');
      const want = JSON.parse(run.stdout) as Array<{ cpu: unknown[]; finish: number[]; makespan: number; busy: number; switches: number }>;
      expect(want).toHaveLength(setups.length);
      setups.forEach((s, i) => {
        const got = simulate(s);
        const w = want[i]!;
        expect({ cpu: cpuOf(s), finish: got.finish, makespan: got.makespan, busy: got.busy, switches: got.switches }, JSON.stringify(s)).toEqual(w);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});

describe('invariants', () => {
  test('every millisecond the CPU does one thing; jobs run one at a time; I/O never on the CPU in io mode', () => {
    const r = rng(7);
    const int = (a: number, b: number) => a + Math.floor(r() * (b - a + 1));
    for (let i = 0; i < 300; i++) {
      const s: Setup = { mode: MODES[i % 4]!, switchCost: int(0, 4), quantum: int(1, 9), jobs: Array.from({ length: int(1, 5) }, () => Array.from({ length: int(1, 7) }, () => int(1, 30))) };
      const x = simulate(s);
      let t = 0;
      for (const seg of x.cpu) {
        expect(seg.start).toBe(t);
        t = seg.end;
      }
      expect(t).toBe(x.makespan);
      expect(x.cpu.filter((c) => c.kind === 'run').reduce((a, c) => a + c.end - c.start, 0)).toBe(x.busy);
      if (s.mode === 'io' || s.mode === 'both') expect(x.cpu.some((c) => c.kind === 'hold')).toBe(false);
      if (s.mode === 'uni' || s.mode === 'io') expect(x.events.some((e) => e.kind === 'expire')).toBe(false);
      if (s.mode === 'uni') expect(x.cpu.some((c) => c.kind === 'switch')).toBe(false);
      expect(x.utilization).toBeLessThanOrEqual(1);
      x.jobs.forEach((row, j) => expect(row.at(-1)?.end ?? 0).toBe(x.finish[j]));
    }
  });
});

describe('input and links', () => {
  test('bad input gets a reason, never a hang', () => {
    expect(parseJobs('20 40 20; 20,40,20')).toEqual({ ok: true, jobs: FIGURE_JOBS });
    const key = (t: string) => {
      const p = parseJobs(t);
      return p.ok ? 'ok' : p.error.key;
    };
    expect(key('')).toBe('no-jobs');
    expect(key('20 -5 20')).toBe('burst-min');
    expect(key('20 0')).toBe('burst-min');
    expect(key('20 4.5')).toBe('burst-not-integer');
    expect(key('20 abc')).toBe('burst-not-number');
    expect(key('1;'.repeat(10_000))).toBe('too-many-jobs');
    expect(key('1 '.repeat(10_000))).toBe('too-many-bursts');
    expect(key('20 501')).toBe('burst-max');
    expect(checkSetup({ ...DEFAULT_SETUP, mode: 'slice', quantum: 0 })?.key).toBe('quantum');
    expect(checkSetup({ ...DEFAULT_SETUP, mode: 'io', quantum: 0 })).toBeNull();
    expect(checkSetup({ ...DEFAULT_SETUP, switchCost: -1 })?.key).toBe('switch');
    expect(() => simulate({ ...DEFAULT_SETUP, mode: 'both', quantum: 0 })).toThrow(RangeError);
    // The largest setup allowed stops at LIMITS.time with a reason, quickly.
    const big: Setup = { mode: 'both', switchCost: LIMITS.switchCost, quantum: 1, jobs: Array.from({ length: LIMITS.jobs }, () => Array(LIMITS.bursts).fill(LIMITS.burst)) };
    const t0 = performance.now();
    expect(trySimulate(big)).toEqual({ ok: false, error: { key: 'too-long' } });
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(trySimulate({ ...big, mode: 'io', jobs: big.jobs.map((b) => b.slice(0, 3)) })).toMatchObject({ ok: true });
  });
  test('state links round-trip; garbled ones are refused', () => {
    expect(encodeState(DEFAULT_SETUP, 3)).toBe('i.1.10.20-40-20_20-40-20.3');
    expect(decodeState('i.1.10.20-40-20_20-40-20.3')).toEqual({ setup: DEFAULT_SETUP, step: 3 });
    expect(stepTimes(simulate(DEFAULT_SETUP))).toEqual([0, 20, 21, 41, 60, 61, 81, 82, 102]);
    for (const bad of ['', 'x', 'i.1.0.20.0', 'i.1.10.0-40.0', 'i.1.10.20.99', 'q.1.10.20.0', 'i.1.10.20-40-20_20-40-20.9']) expect(decodeState(bad), bad).toBeNull();
  });
});
