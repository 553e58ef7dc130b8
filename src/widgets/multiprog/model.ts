// W11, multiprogramming (course brief §3; chapter 8's worked example): one CPU, jobs made of CPU and
// I/O bursts (CPU first), all there at time 0 in order. Four modes: uniprogramming (a job keeps the
// CPU until it ends, idle through its I/O); multiprogramming that switches when a job starts I/O
// (Running → Blocked); that switches when a slice of q ms expires (timer interrupt, Running →
// Ready); or both. Every switch to a different job costs `switchCost` ms of CPU time that runs no
// job. Pure: no DOM. The rules, in the order they apply at each whole millisecond t:
//  0. a switch that ends at t: its job starts running (its slice starts now);
//  1. each job whose I/O burst ends at t (by job index): done if it was its last burst; else, if it
//     kept the CPU through its I/O (uni, slice) it runs on, otherwise it joins the ready queue's tail;
//  2. the running job whose CPU burst ends at t: done if it was its last burst (the CPU is free);
//     else it starts its I/O burst: in io/both it leaves the CPU (free); in uni/slice it keeps it;
//  3. slice/both: a job that has held the CPU for q ms since its slice started: if the ready queue
//     is not empty it leaves (a running job to the queue's tail; one in I/O just lets go), else it
//     keeps the CPU and a new slice starts;
//  4. a free CPU and a non-empty queue: the head is dispatched. In uni, at no cost; otherwise, when
//     a different job ran last on the CPU, a switch of switchCost ms comes first (0: none);
//  5. the millisecond [t, t+1) passes: the running job does 1 ms of its burst; all I/O progresses.
// Utilisation = the jobs' CPU time / the time the last job ends.

export type Mode = 'uni' | 'io' | 'slice' | 'both';
export const MODES: readonly Mode[] = ['uni', 'io', 'slice', 'both'];

export interface Setup {
  mode: Mode;
  /** Per job, its bursts in ms: CPU, I/O, CPU, … */
  jobs: number[][];
  /** The cost of one switch, ms (0 allowed). */
  switchCost: number;
  /** The slice, ms (slice and both modes). */
  quantum: number;
}

/** CPU row: run (a job's burst), switch, idle (nothing to run), hold (a job keeps the CPU through its I/O). */
export type CpuKind = 'run' | 'switch' | 'idle' | 'hold';
/** A job's row: run, ready (in the queue), io, hold (its I/O while it keeps the CPU). */
export type JobKind = 'run' | 'ready' | 'io' | 'hold';
export interface Seg<K> {
  kind: K;
  start: number;
  end: number;
  /** The job (CPU row: who runs, holds or is switched to). */
  job?: number;
}

export type EventKind = 'dispatch' | 'switch' | 'io' | 'io-done' | 'expire' | 'renew' | 'done' | 'idle';
export interface SimEvent {
  t: number;
  kind: EventKind;
  job: number;
  /** io, io-done: whether the job keeps (kept) the CPU through its I/O; expire: whether it was in I/O (lets go) rather than running. */
  keeps?: boolean;
  /** dispatch: the job starts once a switch to it is over. */
  afterSwitch?: boolean;
}

export interface Result {
  cpu: Seg<CpuKind>[];
  jobs: Seg<JobKind>[][];
  finish: number[];
  makespan: number;
  /** The jobs' CPU time. */
  busy: number;
  switches: number;
  utilization: number;
  events: SimEvent[];
}

export const LIMITS = { jobs: 6, bursts: 9, burst: 500, switchCost: 50, quantum: 500, time: 10_000 } as const;

/** A run that would last longer than LIMITS.time ms (tiny slices with costly switches): too long to draw. */
export class TooLong extends RangeError {}

const push = <K>(list: Seg<K>[], kind: K, t: number, job?: number) => {
  const last = list[list.length - 1];
  if (last && last.kind === kind && last.job === job && last.end === t) last.end = t + 1;
  else list.push({ kind, start: t, end: t + 1, ...(job === undefined ? {} : { job }) });
};

export function simulate(setup: Setup): Result {
  const err = checkSetup(setup);
  if (err) throw new RangeError(`bad setup: ${err.key}`);
  const { mode, jobs, switchCost, quantum } = setup;
  const slicing = mode === 'slice' || mode === 'both';
  const leavesOnIo = mode === 'io' || mode === 'both';
  const n = jobs.length;
  const burst = jobs.map(() => 0); // index of the current burst
  const left = jobs.map((b) => b[0]!); // ms left in it
  const ioEnd: Array<number | null> = jobs.map(() => null);
  const finish: number[] = jobs.map(() => -1);
  const queue: number[] = jobs.map((_, i) => i);
  let holder: number | null = null; // the job on the CPU (running, or keeping it through I/O)
  let sliceStart = 0;
  let switching: { job: number; until: number } | null = null;
  let lastRan: number | null = null;
  const cpu: Seg<CpuKind>[] = [];
  const rows: Seg<JobKind>[][] = jobs.map(() => []);
  const events: SimEvent[] = [];
  let switches = 0;
  let done = 0;
  const inIo = (j: number) => burst[j]! % 2 === 1;
  const finishJob = (j: number, t: number) => {
    finish[j] = t;
    done++;
    events.push({ t, kind: 'done', job: j });
  };
  /** Moves job j past its current burst at t; true if it has another. */
  const advance = (j: number, t: number): boolean => {
    burst[j]!++;
    if (burst[j]! >= jobs[j]!.length) {
      finishJob(j, t);
      return false;
    }
    left[j] = jobs[j]![burst[j]!]!;
    if (inIo(j)) ioEnd[j] = t + left[j]!;
    return true;
  };

  for (let t = 0; done < n; t++) {
    if (t > LIMITS.time) throw new TooLong(`over ${LIMITS.time} ms`);
    // 0. a switch ends
    if (switching && switching.until === t) {
      holder = switching.job;
      sliceStart = t;
      lastRan = holder;
      switching = null;
      events.push({ t, kind: 'dispatch', job: holder, afterSwitch: true });
    }
    // 1. I/O ends
    for (let j = 0; j < n; j++) {
      if (ioEnd[j] !== t) continue;
      ioEnd[j] = null;
      const more = advance(j, t);
      events.push({ t, kind: 'io-done', job: j, keeps: holder === j });
      if (!more) {
        if (holder === j) holder = null;
        continue;
      }
      if (holder !== j) queue.push(j);
    }
    // 2. the running job's CPU burst ends
    if (holder !== null && !inIo(holder) && left[holder] === 0) {
      const j = holder;
      if (!advance(j, t)) holder = null;
      else {
        events.push({ t, kind: 'io', job: j, keeps: !leavesOnIo });
        if (leavesOnIo) holder = null;
      }
    }
    // 3. the slice expires
    if (slicing && holder !== null && t - sliceStart >= quantum) {
      const j = holder;
      if (queue.length) {
        events.push({ t, kind: 'expire', job: j, keeps: inIo(j) });
        holder = null;
        if (!inIo(j)) queue.push(j);
      } else {
        events.push({ t, kind: 'renew', job: j });
        sliceStart = t;
      }
    }
    // 4. dispatch
    if (holder === null && !switching && queue.length) {
      const j = queue.shift()!;
      if (mode !== 'uni' && lastRan !== null && lastRan !== j && switchCost > 0) {
        switching = { job: j, until: t + switchCost };
        switches++;
        events.push({ t, kind: 'switch', job: j });
      } else {
        if (mode !== 'uni' && lastRan !== null && lastRan !== j) switches++;
        holder = j;
        sliceStart = t;
        lastRan = j;
        events.push({ t, kind: 'dispatch', job: j });
      }
    } else if (holder === null && !switching && done < n) {
      const last = cpu[cpu.length - 1];
      if (!last || last.kind !== 'idle' || last.end !== t) events.push({ t, kind: 'idle', job: -1 });
    }
    if (done === n) break;
    // 5. one millisecond
    if (switching) push(cpu, 'switch', t, switching.job);
    else if (holder !== null) {
      if (inIo(holder)) push(cpu, 'hold', t, holder);
      else {
        push(cpu, 'run', t, holder);
        left[holder]!--;
      }
    } else push(cpu, 'idle', t);
    for (let j = 0; j < n; j++) {
      if (finish[j]! >= 0) continue;
      if (inIo(j)) push(rows[j]!, holder === j ? 'hold' : 'io', t);
      else if (holder === j) push(rows[j]!, 'run', t);
      else push(rows[j]!, 'ready', t);
    }
  }
  const makespan = Math.max(...finish);
  const busy = jobs.reduce((s, b) => s + b.filter((_, i) => i % 2 === 0).reduce((a, x) => a + x, 0), 0);
  return { cpu, jobs: rows, finish, makespan, busy, switches, utilization: makespan ? busy / makespan : 0, events };
}

// ---- input: what the reader types, and what is wrong with it

export type SetupErrorKey = 'too-long' | 'no-jobs' | 'too-many-jobs' | 'no-bursts' | 'too-many-bursts' | 'burst-not-number' | 'burst-not-integer' | 'burst-min' | 'burst-max' | 'quantum' | 'switch';
export interface SetupError {
  key: SetupErrorKey;
  /** The job (0-based) or the text at fault. */
  job?: number;
  text?: string;
}

const wholeIn = (x: number, lo: number, hi: number) => Number.isInteger(x) && x >= lo && x <= hi;

export function checkSetup(s: Setup): SetupError | null {
  if (!s.jobs.length) return { key: 'no-jobs' };
  if (s.jobs.length > LIMITS.jobs) return { key: 'too-many-jobs' };
  for (let j = 0; j < s.jobs.length; j++) {
    const b = s.jobs[j]!;
    if (!b.length) return { key: 'no-bursts', job: j };
    if (b.length > LIMITS.bursts) return { key: 'too-many-bursts', job: j };
    for (const x of b) {
      if (!Number.isInteger(x)) return { key: 'burst-not-integer', job: j, text: String(x) };
      if (x < 1) return { key: 'burst-min', job: j, text: String(x) };
      if (x > LIMITS.burst) return { key: 'burst-max', job: j, text: String(x) };
    }
  }
  if (!wholeIn(s.switchCost, 0, LIMITS.switchCost)) return { key: 'switch', text: String(s.switchCost) };
  if ((s.mode === 'slice' || s.mode === 'both') && !wholeIn(s.quantum, 1, LIMITS.quantum)) return { key: 'quantum', text: String(s.quantum) };
  return null;
}

/** simulate(), or why it cannot run (a bad setup, or one too long to draw). */
export function trySimulate(s: Setup): { ok: true; result: Result } | { ok: false; error: SetupError } {
  const e = checkSetup(s);
  if (e) return { ok: false, error: e };
  try {
    return { ok: true, result: simulate(s) };
  } catch (x) {
    if (x instanceof TooLong) return { ok: false, error: { key: 'too-long' } };
    throw x;
  }
}

/** "20 40 20; 20 40 20" (jobs by ; or a new line, bursts by spaces or commas) → bursts, or what is wrong. */
export function parseJobs(text: string): { ok: true; jobs: number[][] } | { ok: false; error: SetupError } {
  const parts = String(text).split(/[;\n]/).map((x) => x.trim()).filter(Boolean);
  if (!parts.length) return { ok: false, error: { key: 'no-jobs' } };
  if (parts.length > LIMITS.jobs) return { ok: false, error: { key: 'too-many-jobs' } };
  const jobs: number[][] = [];
  for (let j = 0; j < parts.length; j++) {
    const words = parts[j]!.split(/[\s,]+/).filter(Boolean);
    if (words.length > LIMITS.bursts) return { ok: false, error: { key: 'too-many-bursts', job: j } };
    const b: number[] = [];
    for (const w of words) {
      if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(w)) return { ok: false, error: { key: 'burst-not-number', job: j, text: w.slice(0, 20) } };
      b.push(Number(w));
    }
    jobs.push(b);
  }
  const e = checkSetup({ mode: 'uni', jobs, switchCost: 0, quantum: 1 });
  return e ? { ok: false, error: e } : { ok: true, jobs };
}

/** A typed whole number for the switch cost or the quantum; null if it is not one. */
export function parseWhole(text: string): number | null {
  const s = String(text).trim();
  return /^[+-]?\d{1,6}(\.\d*)?$/.test(s) ? Number(s) : null;
}

export const jobName = (j: number): string => String.fromCharCode(65 + j);

// ---- presets and the link: <mode>.<switch>.<quantum>.<jobs>.<step>, jobs as 20-40-20_20-40-20

export const FIGURE_JOBS = [
  [20, 40, 20],
  [20, 40, 20],
];
export const DEFAULT_SETUP: Setup = { mode: 'io', jobs: FIGURE_JOBS, switchCost: 1, quantum: 10 };
const MODE_CODE: Record<Mode, string> = { uni: 'u', io: 'i', slice: 's', both: 'b' };

export function encodeState(s: Setup, step: number): string {
  return `${MODE_CODE[s.mode]}.${s.switchCost}.${s.quantum}.${s.jobs.map((b) => b.join('-')).join('_')}.${step}`;
}

export function decodeState(v: string): { setup: Setup; step: number } | null {
  const m = /^([uisb])\.(\d{1,3})\.(\d{1,3})\.(\d{1,3}(?:-\d{1,3}){0,8}(?:_\d{1,3}(?:-\d{1,3}){0,8}){0,5})\.(\d{1,4})$/.exec(v);
  if (!m) return null;
  const mode = MODES.find((x) => MODE_CODE[x] === m[1])!;
  const setup: Setup = { mode, switchCost: Number(m[2]), quantum: Number(m[3]), jobs: m[4]!.split('_').map((j) => j.split('-').map(Number)) };
  if (!wholeIn(setup.quantum, 1, LIMITS.quantum)) return null;
  const run = trySimulate(setup);
  const step = Number(m[5]);
  if (!run.ok || step > stepTimes(run.result).length - 1) return null;
  return { setup, step };
}

/** The times the player stops at: 0 and every time something happens (a slice renewed for a job alone is not a stop), to the end. */
export function stepTimes(r: Result): number[] {
  return [...new Set([0, ...r.events.filter((e) => e.kind !== 'renew').map((e) => e.t), r.makespan])].sort((a, b) => a - b);
}
