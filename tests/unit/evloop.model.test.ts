// The event loop (chapter 14): the model's rules, its invariants over any scenario (fast-check), and
// its order of echoes against asyncio_echo.py's handler run for real on 127.0.0.1.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { join } from 'node:path';
import { runPython } from '../support/python.ts';
import { checkScenario, checkValue, decodeState, encodeState, LIMITS, preset, PRESET_NAMES, simulate, type Scenario } from '../../src/widgets/evloop/model.ts';

const SCRIPT = join(process.cwd(), 'tests', 'support', 'evloop_truth.py');
const order = (s: Scenario) => simulate(s).echoes.map((e) => `C${e.client + 1}#${e.line}`);
/** The model's echoes and closes, in the order the handlers did them. */
const events = (s: Scenario) =>
  simulate(s).steps.flatMap((st) =>
    st.action.kind !== 'run' ? [] : st.action.did.includes('close') ? [`C${st.action.task + 1} close`] : st.action.did.includes('echo') ? [`C${st.action.task + 1}#${st.action.line}`] : [],
  );

describe('the loop, rule by rule', () => {
  test('three polite handlers: each is served as its line arrives, in turn, one run at a time', () => {
    const tr = simulate(preset('polite'));
    expect(order(preset('polite'))).toEqual(['C1#0', 'C2#0', 'C3#0']);
    expect(tr.steps[0]!.tasks.every((x) => x.state === 'suspended' && x.at === 'read')).toBe(true);
    expect(tr.steps.at(-1)!.tasks.every((x) => x.state === 'done')).toBe(true);
    expect(tr.steps[1]!.action).toEqual({ kind: 'select', waited: 0, readable: [0], timers: [] });
  });
  test('await asyncio.sleep suspends its task with a timer; the others are served meanwhile', () => {
    const tr = simulate(preset('asyncio-sleep'));
    expect(order(preset('asyncio-sleep'))).toEqual(['C2#0', 'C3#0', 'C1#0']);
    const sleeping = tr.steps.find((s) => s.tasks[0]!.state === 'suspended' && 'wake' in s.tasks[0]!)!;
    expect(sleeping.timers).toEqual([{ task: 0, at: 6 }]);
    expect(tr.steps.some((s) => s.phase === 'timers')).toBe(true);
    expect(tr.echoes.filter((e) => e.client !== 0).every((e) => e.at - e.sent <= 2)).toBe(true);
  });
  test('time.sleep keeps the thread: every other line waits in its socket until it returns', () => {
    const tr = simulate(preset('time-sleep'));
    expect(order(preset('time-sleep'))).toEqual(['C1#0', 'C2#0', 'C3#0']);
    const block = tr.slices.find((s) => s.kind === 'time-sleep')!;
    expect(block).toEqual({ task: 0, start: 1, end: 6, kind: 'time-sleep' });
    const during = tr.steps.find((s) => s.action.kind === 'run' && s.action.blocked > 0)!;
    expect(during.readable).toEqual([0, 1, 2]);
    for (const e of tr.echoes.filter((e) => e.client !== 0)) expect(e.at).toBeGreaterThan(block.end);
  });
  test('the waiting time of a client counts every tick from a send to its echo', () => {
    const tr = simulate(preset('time-sleep'));
    expect(tr.steps.at(-1)!.clients.map((c) => c.waited)).toEqual(tr.echoes.sort((a, b) => a.client - b.client).map((e) => e.at - e.sent));
  });
  test('typed values: not a number, negative, a fraction, too big each get their own reason', () => {
    expect(checkValue('arrival', NaN)).toBe('nan');
    expect(checkValue('arrival', -1)).toBe('negative');
    expect(checkValue('sleep', 1.5)).toBe('fraction');
    expect(checkValue('sleep', 1e9)).toBe('big');
    expect(checkValue('sleep', Infinity)).toBe('big');
    expect(checkValue('sleep', 0)).toBe('negative');
    expect(checkValue('lines', 3)).toBeNull();
    expect(checkScenario({ ...preset('polite'), arrivals: [0, 1] })).not.toBeNull();
    expect(() => simulate({ ...preset('polite'), sleep: 99 })).toThrow(RangeError);
  });
  test('state links: every preset round-trips at every step; garbage, a step past the end and out-of-range values are refused', () => {
    for (const p of PRESET_NAMES) {
      const n = simulate(preset(p)).steps.length;
      for (let k = 0; k < n; k++) expect(decodeState(encodeState(preset(p), k))).toEqual({ ok: true, scenario: preset(p), step: k });
      expect(decodeState(encodeState(preset(p), n)).ok).toBe(false);
    }
    for (const bad of ['', 'x', 't.4.5.0-1-2.1.0', 't.1.99.0-1-2.1.0', 't.1.5.0-1-99.1.0', 't.1.5.0-1-2.9.0', 't.1.5.0-1.1.0', '\u0000']) expect(decodeState(bad).ok, bad).toBe(false);
  });
});

const scenarios = fc.record({
  arrivals: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 3, maxLength: 3 }),
  lines: fc.integer({ min: LIMITS.lines.min, max: LIMITS.lines.max }),
  slow: fc.constantFrom('none' as const, 'asyncio' as const, 'time' as const),
  slowClient: fc.integer({ min: 0, max: 2 }),
  sleep: fc.integer({ min: 1, max: 12 }),
});

describe('invariants over any scenario', () => {
  test('one thread: no two runs overlap, and no task runs while another is running', () => {
    fc.assert(
      fc.property(scenarios, (s) => {
        const tr = simulate(s);
        const held = tr.slices.filter((x) => x.kind !== 'idle').sort((a, b) => a.start - b.start);
        for (let i = 1; i < held.length; i++) expect(held[i]!.start).toBeGreaterThanOrEqual(held[i - 1]!.end);
        for (const st of tr.steps) expect(st.tasks.filter((x) => x.state === 'running').length).toBeLessThanOrEqual(1);
        for (const st of tr.steps) if (st.action.kind === 'run') expect(st.ready).not.toContain(st.action.task);
      }),
    );
  });
  test('every line sent is echoed exactly once, in order per client, after it was sent; every handler ends', () => {
    fc.assert(
      fc.property(scenarios, (s) => {
        const tr = simulate(s);
        for (let c = 0; c < 3; c++) {
          const mine = tr.echoes.filter((e) => e.client === c);
          expect(mine.map((e) => e.line)).toEqual(Array.from({ length: s.lines }, (_, k) => k));
          for (const e of mine) expect(e.at).toBeGreaterThan(e.sent);
          const last = tr.steps.at(-1)!.clients[c]!;
          expect([last.sent, last.echoed, last.sentBytes]).toEqual([s.lines, s.lines, last.echoedBytes]);
        }
        expect(tr.steps.at(-1)!.tasks.every((x) => x.state === 'done')).toBe(true);
      }),
    );
  });
  test('time.sleep(d) delays every task already ready behind it by exactly d; nothing runs during it', () => {
    fc.assert(
      fc.property(scenarios, (s0) => {
        const s = { ...s0, slow: 'time' as const };
        const tr = simulate(s);
        const base = simulate({ ...s, slow: 'none' });
        const k = tr.steps.findIndex((st) => st.action.kind === 'run' && st.action.blocked > 0);
        const block = tr.slices.find((x) => x.kind === 'time-sleep')!;
        for (const x of tr.slices) if (x !== block && x.kind !== 'idle') expect(x.end <= block.start || x.start >= block.end).toBe(true);
        // The same steps up to the sleep; then each task in that ready queue runs d ticks later.
        const behind = tr.steps[k]!.ready;
        const startOf = (t: typeof tr, from: number, task: number) => t.steps.slice(from).find((st) => st.action.kind === 'run' && st.action.task === task)!.start;
        for (const task of behind) expect(startOf(tr, k + 1, task) - startOf(base, k + 1, task)).toBe(s.sleep);
      }),
    );
  });
});

describe('against the same handler run for real (python3, asyncio, 127.0.0.1, 1 tick = 50 ms)', () => {
  const TICK = 0.05;
  const CASES: Scenario[] = [
    preset('polite'),
    preset('asyncio-sleep'),
    preset('time-sleep'),
    { ...preset('time-sleep'), slowClient: 1, arrivals: [0, 1, 2] },
    { ...preset('asyncio-sleep'), slowClient: 1, arrivals: [0, 1, 3] },
    { ...preset('polite'), arrivals: [4, 0, 2] },
  ];
  interface Real {
    log: Array<{ what: 'read' | 'echo' | 'close'; client: number; line: number; t: number } | { what: 'sleep'; client: number; start: number; end: number }>;
    clients: Array<{ sent: number[]; got: number[] }>;
  }
  // The real run's timing slips on a loaded machine; up to two more runs before it counts as a disagreement.
  test('the order of echoes and closes is the model’s; time.sleep stalls every other client until it returns, asyncio.sleep stalls none', { retry: 2, timeout: 60_000 }, async () => {
    const py = await runPython([SCRIPT, JSON.stringify({ tick: TICK, scenarios: CASES })], { timeoutMs: 45_000 });
    expect(py.timedOut).toBe(false);
    expect(py.leftBehind).toBe(false);
    expect(py.stderr).toBe('');
    const real = JSON.parse(py.stdout) as Real[];
    CASES.forEach((s, i) => {
      const where = encodeState(s, 0);
      const echoes = real[i]!.log.flatMap((e) => (e.what === 'echo' ? [`C${e.client + 1}#${e.line}`] : []));
      expect(echoes, where).toEqual(order(s));
      // Closes too, where time.sleep decides their order: the slow client's close comes after the
      // lines that waited in the other sockets during the sleep (epoll reports sockets in the order
      // they became readable). Elsewhere a close and another client's line can fall in the same
      // tick of the model (a run takes a whole tick; the real one takes microseconds).
      const done = real[i]!.log.flatMap((e) => (e.what === 'echo' ? [`C${e.client + 1}#${e.line}`] : e.what === 'close' ? [`C${e.client + 1} close`] : []));
      if (s.slow === 'time') expect(done, where).toEqual(events(s));
      if (s.slow === 'none') return;
      const sl = real[i]!.log.find((e) => e.what === 'sleep') as { start: number; end: number };
      const slept = sl.end - sl.start;
      const model = simulate(s);
      const others = [0, 1, 2].filter((c) => c !== s.slowClient);
      let stalled = 0;
      for (const c of others) {
        const { sent, got } = real[i]!.clients[c]!;
        const wait = got[0]! - sent[0]!;
        const m = model.echoes.find((e) => e.client === c)!;
        if (s.slow === 'time') {
          // A client the model has not answered when the sleep begins is answered only after it
          // returns, in the real run as in the model (the one answered before is not stalled).
          const block = model.slices.find((x) => x.kind === 'time-sleep')!;
          if (m.at <= block.start) continue;
          stalled++;
          expect(sent[0]!, where).toBeLessThan(sl.end);
          expect(got[0]!, where).toBeGreaterThanOrEqual(sl.end);
          expect(wait / slept, where).toBeGreaterThan((sl.end - sent[0]!) / slept - 0.01);
        } else {
          // A wait that is a small part of the sleep, measured in the same run.
          expect(wait / slept, where).toBeLessThan(0.5);
          expect((m.at - m.sent) / s.sleep, where).toBeLessThan(0.5);
        }
      }
      if (s.slow === 'time') expect(stalled, where).toBeGreaterThan(0);
    });
  });
});
