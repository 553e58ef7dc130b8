// W14 sync/async × blocking/non-blocking: the model's rules, properties over every scenario, and the
// order of events against the four callers run for real on 127.0.0.1 (tests/support/sync_async_timeline.py).
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { join } from 'node:path';
import { runPython } from '../support/python.ts';
import { callerState, cellOrder, CELLS, checkScenario, decodeState, DEFAULT, encodeState, firstGoodPoll, LIMITS, parseField, simulate, TICK_SECONDS, wastedBy, type CellId, type EventKind } from '../../src/widgets/syncasync/model.ts';

const SCRIPT = join(process.cwd(), 'tests', 'support', 'sync_async_timeline.py');
const scenario = fc.record({ ready: fc.integer(LIMITS.ready), poll: fc.integer(LIMITS.poll) });

describe('the four callers, rule by rule', () => {
  const run = simulate(DEFAULT); // ready 5, poll 2
  test('apply and blocking recv: the caller is Blocked in the call until tick 5, then has the result', () => {
    for (const cell of ['apply', 'recv'] as const) {
      expect([0, 1, 4].map((t) => callerState(run, cell, t))).toEqual(['blocked', 'blocked', 'blocked']);
      expect(callerState(run, cell, 5)).toBe('running');
      expect(run.cells[cell].done).toBe(5);
    }
  });
  test('apply_async returns at once, the caller never blocks, the callback runs at 5 in the result thread', () => {
    expect(cellOrder(run, 'async')).toEqual(['call', 'returned', 'callback']);
    for (let t = 0; t < run.end; t++) expect(callerState(run, 'async', t)).toBe('running');
    expect(run.cells.async.segs.find((s) => s.kind === 'callback')).toEqual({ row: 1, start: 5, end: 6, kind: 'callback' });
    expect(run.cells.async.rows[1]).toBe('result-thread');
  });
  test('polling every 2 ticks: BlockingIOError at 0, 2 and 4, the data at 6; never Blocked', () => {
    expect(run.events.filter((e) => e.cell === 'poll').map((e) => `${e.t}:${e.kind}`)).toEqual(['0:raised', '2:raised', '4:raised', '5:send', '6:result']);
    expect(run.cells.poll.wasted).toBe(3);
    expect(wastedBy(run, 3)).toBe(2);
    for (let t = 0; t < run.end; t++) expect(callerState(run, 'poll', t)).toBe('running');
  });
  test('steps are the distinct event times; the axis runs one tick past the last', () => {
    expect(run.times).toEqual([0, 2, 4, 5, 6]);
    expect(run.end).toBe(7);
  });
  test('a poll at the very tick the data arrives gets it (ready 4, poll 2: data at 4, two wasted polls)', () => {
    const r = simulate({ ready: 4, poll: 2 });
    expect(cellOrder(r, 'poll')).toEqual(['raised', 'raised', 'send', 'result']);
    expect(r.cells.poll.done).toBe(4);
  });
  test('bad scenarios are refused, with the range', () => {
    expect(checkScenario({ ready: 0, poll: 2 })).toEqual({ ok: false, field: 'ready', min: 1, max: 20 });
    expect(checkScenario({ ready: 3, poll: 0 })).toEqual({ ok: false, field: 'poll', min: 1, max: 10 });
    expect(checkScenario({ ready: 2.5, poll: 1 }).ok).toBe(false);
    expect(() => simulate({ ready: -1, poll: 1 })).toThrow(RangeError);
    expect(() => simulate({ ready: 10000, poll: 1 })).toThrow(/from 1 to 20/);
  });
  test('typed numbers: integers in range only', () => {
    expect(parseField('ready', ' 7 ')).toEqual({ ok: true, value: 7 });
    for (const bad of ['', '0', '-3', '21', '2.5', 'abc', '1e1', '10000']) expect(parseField('ready', bad).ok, bad).toBe(false);
    expect(parseField('poll', '0')).toEqual({ ok: false, min: 1, max: 10 });
  });
  test('links round-trip; garbled ones are refused', () => {
    expect(decodeState(encodeState(DEFAULT, 3))).toEqual({ ok: true, scenario: DEFAULT, step: 3 });
    for (const bad of ['', 'x', '5.2', '5.2.6', '0.2.0', '5.0.0', '21.2.0', '5.11.0', '5.2.-1', '5.2.1.1']) expect(decodeState(bad).ok, bad).toBe(false);
  });
});

describe('properties over every scenario', () => {
  test('wasted polls = ⌈ready / poll⌉; the data comes at the first poll ≥ ready, less than a poll late', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const r = simulate(s);
        expect(r.cells.poll.wasted).toBe(Math.ceil(s.ready / s.poll));
        expect(r.cells.poll.done).toBe(firstGoodPoll(s));
        expect(r.cells.poll.done - s.ready).toBeGreaterThanOrEqual(0);
        expect(r.cells.poll.done - s.ready).toBeLessThan(s.poll);
      }),
      { numRuns: 300 },
    );
  });
  test('order in every cell: calls first, a recv never returns before the send, the callback after the async call returned', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const r = simulate(s);
        const at = (cell: CellId, kind: EventKind) => r.events.findIndex((e) => e.cell === cell && e.kind === kind);
        expect(at('async', 'returned')).toBeLessThan(at('async', 'callback'));
        for (const cell of ['recv', 'poll'] as const) expect(at(cell, 'send')).toBeLessThan(at(cell, 'result'));
        expect(cellOrder(r, 'poll').slice(0, r.cells.poll.wasted).every((k) => k === 'raised')).toBe(true);
        // Events are in time order; each row's segments never overlap and cover the caller to the end.
        expect(r.events.every((e, i) => i === 0 || r.events[i - 1]!.t <= e.t)).toBe(true);
        for (const id of CELLS) {
          const caller = r.cells[id].segs.filter((g) => g.row === 0).sort((a, b) => a.start - b.start);
          expect(caller[0]!.start).toBe(0);
          expect(caller.at(-1)!.end).toBe(r.end);
          caller.forEach((g, i) => i && expect(g.start).toBe(caller[i - 1]!.end));
        }
        // Only the two blocking calls ever put their caller in Blocked, and only until `ready`.
        for (let t = 0; t < r.end; t++)
          for (const id of CELLS) expect(callerState(r, id, t), `${id} at ${t}`).toBe((id === 'apply' || id === 'recv') && t < s.ready ? 'blocked' : 'running');
      }),
      { numRuns: 300 },
    );
  });
  test('every link of every scenario and step decodes to itself', () => {
    for (let ready = LIMITS.ready.min; ready <= LIMITS.ready.max; ready++)
      for (let poll = LIMITS.poll.min; poll <= LIMITS.poll.max; poll++) {
        const steps = simulate({ ready, poll }).times.length;
        for (const step of [0, steps]) expect(decodeState(encodeState({ ready, poll }, step))).toEqual({ ok: true, scenario: { ready, poll }, step });
        expect(decodeState(encodeState({ ready, poll }, steps + 1)).ok).toBe(false);
      }
  });
});

describe('against the four callers run for real (python3, 127.0.0.1)', () => {
  // The script ties the send and the polls by what the timing means (a poll due before `ready` runs
  // before the send, one due after runs after it), so a busy machine that wakes a thread late cannot
  // change the order, only the times.
  const TIMINGS: Array<[number, number]> = [[3, 2], [5, 2], [2, 5], [7, 3], [4, 2]];
  test('the order of events in each cell, the BlockingIOError count and the callback thread match the model', { timeout: 70_000 }, async () => {
    const arg = JSON.stringify(TIMINGS.map(([r, p]) => [r * TICK_SECONDS, p * TICK_SECONDS]));
    const py = await runPython([SCRIPT, arg], { timeoutMs: 60_000 });
    expect(py.timedOut).toBe(false);
    expect(py.leftBehind).toBe(false);
    expect(py.stderr).toBe('');
    const real = JSON.parse(py.stdout) as Array<{ main: string; cells: Record<CellId, Array<{ kind: EventKind; t: number; thread?: string }>> }>;
    TIMINGS.forEach(([ready, poll], i) => {
      const model = simulate({ ready, poll });
      const where = `ready ${ready}, poll ${poll}`;
      for (const cell of CELLS) expect(real[i]!.cells[cell].map((e) => e.kind), `${where}: ${cell}`).toEqual(cellOrder(model, cell));
      const { poll: polled, apply, async: asy } = real[i]!.cells;
      expect(polled.filter((e) => e.kind === 'raised').length, where).toBe(model.cells.poll.wasted);
      expect(model.cells.poll.wasted).toBeGreaterThan(0);
      // Times, as lower bounds (a busy machine runs late, never early): the result no sooner than
      // ready, the poll's data no sooner than the poll that the model says gets it.
      expect(apply.at(-1)!.t).toBeGreaterThanOrEqual(ready * TICK_SECONDS * 0.95);
      const got = polled.at(-1)!.t;
      expect(got).toBeGreaterThanOrEqual(model.cells.poll.done * TICK_SECONDS - 0.01);
      // The callback runs in the pool's result-handler thread, not in the caller's (main) thread.
      const cb = asy.find((e) => e.kind === 'callback')!;
      expect(cb.thread).not.toBe(real[i]!.main);
      expect(cb.thread).toMatch(/handle_results/);
    });
  });
});
