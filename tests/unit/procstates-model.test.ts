// W12 process states: (a) the transitions table is exactly the course brief's six edges, and every
// (state, event) pair is either its one legal edge or refused, with a core held by one process; (b)
// real processes on Linux (tests/support/proc_states.py) show the kernel's states for the model's:
// blocked in time.sleep, sock.recv and input() → S, spinning → R, exited and not reaped → Z.
import { describe, expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { groupAlive, killGroup, sleep } from '../support/python.ts';
import {
  apply, CALLS, coreHolders, decodeState, DEFAULT_STATE, encodeState, EVENTS, legal, PRESET_NAMES, PRESETS, presetState, replay, start, STATES, TRANSITIONS,
  type Move, type PEvent, type PState, type World,
} from '../../src/widgets/procstates/model.ts';

// Course brief §3, W12: the only legal edges, written out here from the brief (not from the model).
const BRIEF: Array<[PState, PState, string]> = [
  ['new', 'ready', 'admit'],
  ['ready', 'running', 'dispatch'],
  ['running', 'ready', 'timer interrupt / yield'],
  ['running', 'blocked', 'blocking call: input, sleep, accept, recv'],
  ['blocked', 'ready', 'event done'],
  ['running', 'terminated', 'exit'],
];
const BRIEF_EVENTS: Record<string, PEvent[]> = {
  'new>ready': ['admit'],
  'ready>running': ['dispatch'],
  'running>ready': ['timeout', 'yield'],
  'running>blocked': ['input', 'sleep', 'accept', 'recv'],
  'blocked>ready': ['wake'],
  'running>terminated': ['exit'],
};

/** A world with process 0 in `state` and the others New (its core free when it is not running). */
const with0 = (state: PState, cores: 1 | 2 = 1): World => ({ cores, procs: [{ state, ...(state === 'running' ? { core: 0 } : {}), ...(state === 'blocked' ? { call: 'recv' as const } : {}) }, { state: 'new' }, { state: 'new' }] });

describe('the transitions table (course brief W12)', () => {
  test('its (from, to) pairs are exactly the brief’s six edges, no more', () => {
    const pairs = new Set(TRANSITIONS.map((t) => `${t.from}>${t.to}`));
    expect([...pairs].sort()).toEqual(BRIEF.map(([a, b]) => `${a}>${b}`).sort());
    for (const [key, events] of Object.entries(BRIEF_EVENTS))
      expect(TRANSITIONS.filter((t) => `${t.from}>${t.to}` === key).map((t) => t.event).sort()).toEqual([...events].sort());
  });
  test('no edge Blocked→Running, New→Running, or out of Terminated', () => {
    expect(TRANSITIONS.some((t) => t.from === 'blocked' && t.to === 'running')).toBe(false);
    expect(TRANSITIONS.some((t) => t.from === 'new' && t.to === 'running')).toBe(false);
    expect(TRANSITIONS.some((t) => t.from === 'terminated')).toBe(false);
  });
  test('every (state, event) pair: the one legal edge, or refused with a reason', () => {
    let legalPairs = 0;
    for (const s of STATES)
      for (const e of EVENTS) {
        const o = apply(with0(s), { p: 0, event: e });
        const brief = BRIEF_EVENTS[`${s}>${o.ok ? o.to : ''}`]?.includes(e) ?? false;
        const briefAllows = Object.entries(BRIEF_EVENTS).some(([k, ev]) => k.startsWith(`${s}>`) && ev.includes(e));
        expect(o.ok, `${s} + ${e}`).toBe(briefAllows);
        if (o.ok) {
          legalPairs++;
          expect(brief).toBe(true);
          expect(o.world.procs[0]!.state).toBe(o.to);
        } else expect(o.reason).toBeTruthy();
      }
    expect(legalPairs).toBe(10);
  });
  test('the reasons name the case: Blocked→Running, New→Running, Terminated→anything, a busy core', () => {
    const r = (s: PState, e: PEvent) => {
      const o = apply(with0(s), { p: 0, event: e });
      return o.ok ? 'ok' : o.reason;
    };
    expect(r('blocked', 'dispatch')).toBe('blocked-running');
    expect(r('new', 'dispatch')).toBe('admit-first');
    for (const e of EVENTS) expect(r('terminated', e)).toBe('ended');
    expect(r('ready', 'recv')).toBe('not-running');
    expect(r('ready', 'wake')).toBe('not-blocked');
    const busy: World = { cores: 1, procs: [{ state: 'running', core: 0 }, { state: 'ready' }, { state: 'new' }] };
    const o = apply(busy, { p: 1, event: 'dispatch' });
    expect(o.ok ? 'ok' : [o.reason, o.busy]).toEqual(['core-busy', [0]]);
  });
  test('a blocked process remembers its call; the event sends it to Ready, never Running', () => {
    for (const c of CALLS) {
      const o = apply(with0('running'), { p: 0, event: c });
      expect(o.ok && o.world.procs[0]).toEqual({ state: 'blocked', call: c });
      const w = apply((o as { world: World }).world, { p: 0, event: 'wake' });
      expect(w.ok && w.world.procs[0]).toEqual({ state: 'ready' });
    }
  });
});

describe('cores: at most one Running process per core, under any sequence of attempts', () => {
  const arb = fc.record({ cores: fc.constantFrom(1 as const, 2 as const), moves: fc.array(fc.record({ p: fc.integer({ min: 0, max: 2 }), event: fc.constantFrom(...EVENTS) }), { maxLength: 80 }) });
  test('property: refused moves change nothing; running count ≤ cores; each core one holder; legal() is what apply accepts', () => {
    fc.assert(
      fc.property(arb, ({ cores, moves }) => {
        let w = start(cores);
        for (const m of moves) {
          const before = JSON.stringify(w);
          const lg = legal(w, m.p);
          const o = apply(w, m);
          expect(o.ok).toBe(lg.includes(m.event));
          if (o.ok) w = o.world;
          else expect(JSON.stringify(w)).toBe(before);
          const running = w.procs.filter((p) => p.state === 'running');
          expect(running.length).toBeLessThanOrEqual(cores);
          expect(new Set(running.map((p) => p.core)).size).toBe(running.length);
          expect(running.every((p) => p.core! >= 0 && p.core! < cores)).toBe(true);
          expect(coreHolders(w).filter((h) => h !== undefined)).toHaveLength(running.length);
          expect(w.procs.every((p) => (p.state === 'blocked') === (p.call !== undefined))).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
  test('two cores run two processes; the third is refused until one leaves its core', () => {
    const moves: Move[] = [0, 1, 2].map((p): Move => ({ p, event: 'admit' }));
    const w = replay(start(2), [...moves, { p: 0, event: 'dispatch' }, { p: 1, event: 'dispatch' }])!.at(-1)!;
    expect(w.procs.map((p) => p.core)).toEqual([0, 1, undefined]);
    expect(apply(w, { p: 2, event: 'dispatch' }).ok).toBe(false);
    const after = apply(w, { p: 0, event: 'timeout' });
    expect(after.ok && apply(after.world, { p: 2, event: 'dispatch' })).toMatchObject({ ok: true, core: 0 });
  });
});

describe('presets and links', () => {
  test('each preset: setup legal; the two illegal presets start with the refused move they are named for', () => {
    for (const name of PRESET_NAMES) {
      const p = PRESETS[name];
      const worlds = replay(start(p.cores), p.setup);
      expect(worlds, name).not.toBeNull();
      let w = worlds!.at(-1)!;
      const results = p.script.map((m) => {
        const o = apply(w, m);
        if (o.ok) w = o.world;
        return o.ok ? `${o.from}>${o.to}` : `refused:${o.reason}`;
      });
      if (name === 'blocked-running') expect(results[0]).toBe('refused:blocked-running');
      if (name === 'new-running') expect(results[0]).toBe('refused:admit-first');
      if (name === 'recv') expect(results).toEqual(['running>blocked', 'ready>running', 'blocked>ready', 'running>ready', 'ready>running', 'running>terminated']);
      if (name === 'timer') expect(results.filter((r) => r === 'running>ready')).toHaveLength(3);
      expect(decodeState(encodeState(presetState(name)))).toEqual(presetState(name));
    }
  });
  test('round trip of any reachable history; garbled or illegal links are refused', () => {
    expect(encodeState(DEFAULT_STATE)).toBe('1.1.-');
    expect(decodeState('1.1.-')).toEqual(DEFAULT_STATE);
    const s = { cores: 2 as const, selected: 1, moves: [{ p: 0, event: 'admit' as const }, { p: 0, event: 'dispatch' as const }, { p: 0, event: 'sleep' as const }] };
    expect(encodeState(s)).toBe('2.2.1a1d1s');
    expect(decodeState('2.2.1a1d1s')).toEqual(s);
    for (const bad of ['', 'x', '3.1.-', '1.4.-', '1.1.1d', '1.1.1a1d2a2d', '1.1.1a1d1x1a', '1.1.1z', '1.1.-.r99', '2.1.-.r0', '1.1.1a'.padEnd(2000, '1a'), '1.1.1a2a1d1r2d.r1', '1.1.1a2a1d.b0']) expect(decodeState(bad), bad).toBeNull();
  });
});

// ---- (b) the kernel's view of the same states

const STAT_STATE = (pid: number): string => {
  const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return s.slice(s.lastIndexOf(')') + 2).split(' ')[0]!;
};

describe.runIf(process.platform === 'linux')('real processes (/proc/<pid>/stat)', () => {
  test('blocked in sleep, recv and input(): S; spinning: R; exited, not yet reaped: Z; then nothing left behind', async () => {
    const child = spawn('python3', [join(process.cwd(), 'tests', 'support', 'proc_states.py')], { detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    const closed = new Promise<number | null>((r) => child.on('close', r));
    try {
      for (let t = 0; !out.includes('\n') && t < 100; t++) await sleep(50);
      const pids = JSON.parse(out.split('\n')[0]!) as Record<'sleep' | 'recv' | 'input' | 'spin' | 'exited', number>;
      const want = { sleep: 'S', recv: 'S', input: 'S', spin: 'R', exited: 'Z' };
      let seen: Record<string, string> = {};
      // The children need a moment to reach their call (or their end): poll, at most 10 s.
      for (let t = 0; t < 200; t++) {
        seen = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, STAT_STATE(pid)]));
        if (JSON.stringify(seen) === JSON.stringify(want)) break;
        await sleep(50);
      }
      expect(seen).toEqual(want);
      // The model's names for them: Blocked (S), Running or Ready (R: Linux does not tell the two apart), Terminated (Z).
      child.stdin.end();
      expect(await closed).toBe(0);
      expect(JSON.parse(out.trim().split('\n').at(-1)!)).toEqual({ exited_code: 3 });
      expect(err).toBe('');
      expect(groupAlive(child.pid!)).toBe(false);
    } finally {
      killGroup(child);
    }
  }, 30_000);
});
