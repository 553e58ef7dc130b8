// W14 sync/async × blocking/non-blocking (chapter 9): four callers on one time axis, each waiting
// for the same thing to be ready at tick `ready` (a tick is 0.1 s): a pool task's result, or the
// bytes a peer sends.
//  - apply:  `pool.apply(task, …)`: synchronous. The caller waits inside the call (Blocked) until
//            the worker returns the result at `ready`.
//  - async:  `pool.apply_async(task, …, callback=done)`: asynchronous. The call returns an
//            AsyncResult at once and the caller goes on; at `ready` the pool's result-handler
//            thread (in the caller's process, not the caller's thread) runs `done(result)`.
//  - recv:   `sock.recv(1024)` on a blocking socket: the call does not return until data arrives,
//            and meanwhile the caller is Blocked; the peer sends at `ready`.
//  - poll:   after `sock.setblocking(False)`, `recv` returns at once: with nothing there it raises
//            BlockingIOError. The caller polls at 0, poll, 2·poll, … and works in between; the
//            first poll at or after `ready` gets the data. Every poll before it was wasted.
// Process states and API semantics are different things (course brief E27): apply and recv are
// blocking calls and their caller sits in Blocked; the polling caller never blocks yet still waits
// for the data (synchronous); the async caller neither waits nor blocks. The 2×2 is a mnemonic.
// Pure and deterministic: a scenario gives the whole run.

export const TICK_SECONDS = 0.1;
export const LIMITS = { ready: { min: 1, max: 20 }, poll: { min: 1, max: 10 } } as const;
export interface Scenario {
  /** Tick at which the result is ready / the peer sends. */
  ready: number;
  /** Ticks between two polls of the non-blocking caller. */
  poll: number;
}
export const DEFAULT: Scenario = { ready: 5, poll: 2 };

export type CellId = 'apply' | 'async' | 'recv' | 'poll';
export const CELLS: readonly CellId[] = ['apply', 'async', 'recv', 'poll'];
/** Where each caller sits in the 2×2 (the mnemonic the chapter keeps). */
export const MATRIX: Record<CellId, { sync: boolean; blocking: boolean }> = {
  apply: { sync: true, blocking: true },
  async: { sync: false, blocking: false },
  recv: { sync: true, blocking: true },
  poll: { sync: true, blocking: false },
};

/** The caller's process state, as the scheduler sees it (a free core assumed: Ready lasts no time). */
export type ProcState = 'running' | 'blocked';

/** One thing that happens in one cell at one tick. */
export type EventKind =
  | 'call' // the caller makes the call (apply, recv: it blocks)
  | 'returned' // apply_async returned an AsyncResult at once; the caller goes on
  | 'raised' // a non-blocking recv raised BlockingIOError
  | 'send' // the peer sends (recv, poll cells)
  | 'result' // the call returned the result / the data
  | 'callback'; // the result thread runs done(result)
export interface SyncEvent {
  t: number;
  cell: CellId;
  kind: EventKind;
  /** For 'raised': which wasted poll this is (1, 2, …). */
  n?: number;
}

/** What a row of a cell is doing over [start, end), in ticks. */
// The peer's send is an instant (the end of its idle bar), not a bar: the events and the states tell it.
export type SegKind = 'blocked' | 'work' | 'task' | 'wait' | 'callback' | 'poll' | 'got';
export interface Seg {
  row: number;
  start: number;
  end: number;
  kind: SegKind;
}
export interface CellRun {
  id: CellId;
  /** Rows: 0 is the caller; then the worker, the result thread or the peer. */
  rows: readonly ('caller' | 'worker' | 'result-thread' | 'peer')[];
  segs: Seg[];
  /** When the caller has the result or the data in hand. */
  done: number;
  /** Polls that raised BlockingIOError (the poll cell; 0 elsewhere). */
  wasted: number;
}
export interface Run {
  scenario: Scenario;
  cells: Record<CellId, CellRun>;
  events: SyncEvent[];
  /** The player's steps: the distinct event times, in order (step k shows time times[k-1]). */
  times: number[];
  /** Ticks drawn on the shared axis. */
  end: number;
}

export type Check = { ok: true } | { ok: false; field: 'ready' | 'poll'; min: number; max: number };
export function checkScenario(s: Scenario): Check {
  for (const f of ['ready', 'poll'] as const) {
    const v = s[f];
    const r = LIMITS[f];
    if (!Number.isInteger(v) || v < r.min || v > r.max) return { ok: false, field: f, min: r.min, max: r.max };
  }
  return { ok: true };
}

/** Tick of the first poll at or after `ready`: polls fall at 0, poll, 2·poll, … */
export const firstGoodPoll = (s: Scenario): number => Math.ceil(s.ready / s.poll) * s.poll;

/** The whole run of a scenario. Throws a RangeError for a scenario checkScenario refuses. */
export function simulate(s: Scenario): Run {
  const c = checkScenario(s);
  if (!c.ok) throw new RangeError(`sync-async scenario refused: ${c.field} must be an integer from ${c.min} to ${c.max}`);
  const { ready, poll } = s;
  const got = firstGoodPoll(s);
  const end = Math.max(ready + 1, got + 1);
  const events: SyncEvent[] = [];
  const ev = (t: number, cell: CellId, kind: EventKind, n?: number) => events.push(n === undefined ? { t, cell, kind } : { t, cell, kind, n });

  // apply: blocked in the call while the worker runs the task, then goes on with the result.
  ev(0, 'apply', 'call');
  ev(ready, 'apply', 'result');
  const apply: CellRun = {
    id: 'apply', rows: ['caller', 'worker'], done: ready, wasted: 0,
    segs: [{ row: 0, start: 0, end: ready, kind: 'blocked' }, { row: 0, start: ready, end, kind: 'got' }, { row: 1, start: 0, end: ready, kind: 'task' }],
  };

  // async: the call returns at once; the caller works on; the result thread runs the callback.
  ev(0, 'async', 'call');
  ev(0, 'async', 'returned');
  ev(ready, 'async', 'callback');
  const asyncRun: CellRun = {
    id: 'async', rows: ['caller', 'result-thread', 'worker'], done: ready, wasted: 0,
    segs: [
      { row: 0, start: 0, end, kind: 'work' },
      { row: 1, start: 0, end: ready, kind: 'wait' },
      { row: 1, start: ready, end: ready + 1, kind: 'callback' },
      { row: 2, start: 0, end: ready, kind: 'task' },
    ],
  };

  // recv, blocking: blocked in the call until the peer's bytes arrive.
  ev(0, 'recv', 'call');
  ev(ready, 'recv', 'send');
  ev(ready, 'recv', 'result');
  const recv: CellRun = {
    id: 'recv', rows: ['caller', 'peer'], done: ready, wasted: 0,
    segs: [{ row: 0, start: 0, end: ready, kind: 'blocked' }, { row: 0, start: ready, end, kind: 'got' }, { row: 1, start: 0, end: ready, kind: 'wait' }],
  };

  // poll: recv raises at once before `ready`; other work between polls; the first later poll gets the data.
  const pollSegs: Seg[] = [];
  let wasted = 0;
  for (let t = 0; t < ready; t += poll) {
    ev(t, 'poll', 'raised', ++wasted);
    pollSegs.push({ row: 0, start: t, end: t + 1, kind: 'poll' });
    if (t + 1 < t + poll) pollSegs.push({ row: 0, start: t + 1, end: t + poll, kind: 'work' });
  }
  ev(ready, 'poll', 'send');
  ev(got, 'poll', 'result');
  pollSegs.push({ row: 0, start: got, end, kind: 'got' }, { row: 1, start: 0, end: ready, kind: 'wait' });
  const pollRun: CellRun = { id: 'poll', rows: ['caller', 'peer'], segs: pollSegs, done: got, wasted };

  // Events at one tick: in cell order, and within a cell as pushed (a send before the recv that gets it).
  const order = (e: SyncEvent) => e.t * 10 + CELLS.indexOf(e.cell);
  const sorted = events.map((e, i) => ({ e, i })).sort((a, b) => order(a.e) - order(b.e) || a.i - b.i).map((x) => x.e);
  const times = [...new Set(sorted.map((e) => e.t))];
  return { scenario: { ...s }, cells: { apply, async: asyncRun, recv, poll: pollRun }, events: sorted, times, end };
}

/** The caller's process state in a cell just after tick t's events. */
export function callerState(run: Run, cell: CellId, t: number): ProcState {
  const seg = run.cells[cell].segs.find((g) => g.row === 0 && g.start <= t && t < g.end);
  return seg?.kind === 'blocked' ? 'blocked' : 'running';
}

/** The wasted polls so far (BlockingIOError raised) at tick t. */
export const wastedBy = (run: Run, t: number): number => run.events.filter((e) => e.kind === 'raised' && e.t <= t).length;

/** The order of events in one cell, as words ("call", "returned", …): what the real run is compared with. */
export const cellOrder = (run: Run, cell: CellId): EventKind[] => run.events.filter((e) => e.cell === cell).map((e) => e.kind);

/** The link state: ready.poll.step, e.g. 5.2.3 */
export const encodeState = (s: Scenario, step: number): string => `${s.ready}.${s.poll}.${step}`;

export function decodeState(v: string): { ok: true; scenario: Scenario; step: number } | { ok: false } {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{1,2})$/.exec(v);
  if (!m) return { ok: false };
  const s = { ready: Number(m[1]), poll: Number(m[2]) };
  if (!checkScenario(s).ok) return { ok: false };
  const step = Number(m[3]);
  if (step > simulate(s).times.length) return { ok: false };
  return { ok: true, scenario: s, step };
}

/** A number typed into the form: an integer in range, or why not. */
export function parseField(field: 'ready' | 'poll', text: string): { ok: true; value: number } | { ok: false; min: number; max: number } {
  const r = LIMITS[field];
  const v = /^\s*-?\d+\s*$/.test(text) ? Number(text) : NaN;
  return Number.isInteger(v) && v >= r.min && v <= r.max ? { ok: true, value: v } : { ok: false, min: r.min, max: r.max };
}
