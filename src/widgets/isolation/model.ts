// W16 isolation vs sharing (chapters 10 and 12), the model only so far (no view yet): a module
// with a global `n = 100`; under `if __name__ == '__main__':` the parent may first set n to
// `before`, then starts a worker that runs `global n; n = 0`, joins it and prints n.
//  - a Thread shares its process's address space: one n, so the parent prints 0;
//  - a Process gets an address space of its own, so the parent prints its own n (`before`):
//      fork: the child is a copy-on-write copy of the parent at start(): its n starts at `before`;
//      spawn: a fresh interpreter re-imports the main module (not as __main__): its n starts at 100;
//      forkserver: the child is forked from the server, which imported the module (or, from
//      3.14.1 / 3.13.8, preloads __main__) itself: n starts at the module's 100, not the parent's value.
// Steps: start, the worker writes, join, the parent prints. Pure and deterministic.

export type Worker = 'process' | 'thread';
export type StartMethod = 'fork' | 'spawn' | 'forkserver';
export const MODULE_N = 100;
export interface Scenario {
  worker: Worker;
  method: StartMethod;
  /** What the parent sets n to before start() (MODULE_N: leaves it alone). */
  before: number;
}
export const DEFAULT: Scenario = { worker: 'process', method: 'fork', before: MODULE_N };

/** One address space: who runs in it and its n. */
export interface Space {
  owners: Array<'parent' | 'child' | 'thread'>;
  n: number;
  /** How it came to be: the parent's own, a copy-on-write copy (fork), a fresh re-import (spawn, forkserver). */
  origin: 'own' | 'cow-copy' | 're-import';
}
export type StepKind = 'start' | 'write' | 'join' | 'print';
export interface Step {
  kind: StepKind;
  spaces: Space[];
  /** The value the worker saw for n just before writing (for the write step). */
  seen?: number;
  /** What the parent prints at the print step. */
  printed?: number;
}

export function check(s: Scenario): { ok: true } | { ok: false; field: 'before' } {
  return Number.isInteger(s.before) && Math.abs(s.before) <= 1_000_000 ? { ok: true } : { ok: false, field: 'before' };
}

export function simulate(s: Scenario): Step[] {
  if (!check(s).ok) throw new RangeError('isolation scenario refused: before must be an integer within ±1000000');
  const copy = (sp: Space[]): Space[] => sp.map((x) => ({ ...x, owners: [...x.owners] }));
  if (s.worker === 'thread') {
    const start: Space[] = [{ owners: ['parent', 'thread'], n: s.before, origin: 'own' }];
    const written = copy(start);
    written[0]!.n = 0;
    return [
      { kind: 'start', spaces: start },
      { kind: 'write', spaces: written, seen: s.before },
      { kind: 'join', spaces: copy(written) },
      { kind: 'print', spaces: copy(written), printed: 0 },
    ];
  }
  const childStart = s.method === 'fork' ? s.before : MODULE_N;
  const start: Space[] = [
    { owners: ['parent'], n: s.before, origin: 'own' },
    { owners: ['child'], n: childStart, origin: s.method === 'fork' ? 'cow-copy' : 're-import' },
  ];
  const written = copy(start);
  written[1]!.n = 0;
  // After join the child has exited: its address space is gone; the parent's n was never touched.
  const joined: Space[] = [copy(start)[0]!];
  return [
    { kind: 'start', spaces: start },
    { kind: 'write', spaces: written, seen: childStart },
    { kind: 'join', spaces: joined },
    { kind: 'print', spaces: copy(joined), printed: s.before },
  ];
}

/** What the run prints: the worker's value before its write, and the parent's n after join. */
export function outcome(s: Scenario): { seen: number; printed: number } {
  const steps = simulate(s);
  return { seen: steps[1]!.seen!, printed: steps[3]!.printed! };
}

/** The steps a player walks: 0 is before start(), 1–4 are simulate()'s steps. */
export const STEPS = 4;
const METHODS: readonly StartMethod[] = ['fork', 'spawn', 'forkserver'];

/** The URL form of a scenario and a step: `p.fork.100.2` (worker p or t, method, before, step). */
export const encodeState = (s: Scenario, step: number): string => `${s.worker[0]}.${s.method}.${s.before}.${step}`;

export function decodeState(raw: string): { ok: true; scenario: Scenario; step: number } | { ok: false } {
  const m = /^([pt])\.(fork|spawn|forkserver)\.(-?\d{1,7})\.([0-4])$/.exec(raw);
  if (!m) return { ok: false };
  const scenario: Scenario = { worker: m[1] === 't' ? 'thread' : 'process', method: m[2] as StartMethod, before: Number(m[3]) };
  if (!METHODS.includes(scenario.method) || !check(scenario).ok) return { ok: false };
  return { ok: true, scenario, step: Number(m[4]) };
}
