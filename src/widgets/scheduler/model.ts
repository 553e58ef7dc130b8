// W13 scheduler simulator (chapter 9): one CPU, jobs with an arrival tick, a CPU need in ticks and
// an optional I/O pattern (after every `ioEvery` ticks on the CPU the job blocks for `ioTime`
// ticks), scheduled by FIFO, SJF, RR(q) or MLFQ (OSTEP chapter 8, rules 1–5).
//
// The exports fixed by design.md: schedule({ policy, jobs, quantum?, mlfq? }) → { slices, stats }.
// Everything else (the tick-by-tick trace the view walks, the old rule 4a/4b, parsing the reader's
// job list, the link codec, presets) is added around it.
//
// What happens at an instant t, in this order (the order is the convention the tests pin down):
//  1. jobs arriving at t join the tail of the top queue (index order);
//  2. jobs whose I/O ends at t join the tail of their level's queue (index order);
//  3. the job that ran in [t-1, t): done → finished at t; else (MLFQ) its level's allotment used
//     (rule 4; under the old rule 4a, a whole slice used) → one level down; then its I/O is due →
//     blocked until t + ioTime; else demoted → tail of its new level; else its quantum is over (RR,
//     MLFQ) → tail of its queue, BEHIND the jobs of steps 1 and 2; else it keeps the CPU;
//  4. MLFQ, every S ticks (S > 0): the priority boost, every job to the top level with a fresh
//     allotment (the queues joined top level first; the running job stays on the CPU at the top);
//  5. MLFQ rule 1: a job waiting at a higher level than the running one preempts it (the preempted
//     job goes back to the FRONT of its queue, keeping what it used of its slice and allotment);
//  6. an idle CPU takes the next job: FIFO and RR the queue's head, SJF the job with the shortest
//     next CPU burst (ties by index, non-preemptive), MLFQ the head of the highest non-empty level.
// A slice is one stay on the CPU: from a dispatch until the job leaves it (or a boost lifts it).

export type Policy = 'FIFO' | 'SJF' | 'RR' | 'MLFQ';
export const POLICIES: readonly Policy[] = ['FIFO', 'SJF', 'RR', 'MLFQ'];
export interface Job {
  arrival: number;
  run: number;
  ioEvery?: number;
  ioTime?: number;
}
/** `rule4`: 'fixed' is OSTEP's rule 4 (the allotment counts however often the job yields); 'old' is rules 4a/4b. */
export interface Mlfq {
  quanta: number[];
  allotments: number[];
  boost: number;
  rule4?: 'fixed' | 'old';
}
export interface ScheduleInput {
  policy: Policy;
  jobs: Job[];
  quantum?: number;
  mlfq?: Mlfq;
}
export interface Slice {
  job: number;
  start: number;
  end: number;
  level?: number;
}
export interface Stat {
  job: number;
  response: number;
  turnaround: number;
  wait: number;
}

export const LIMITS = {
  jobs: 10,
  arrival: 99,
  run: 50,
  ioEvery: 50,
  ioTime: 20,
  quantum: 20,
  levels: 4,
  allotment: 100,
  boost: 200,
  /** The longest run the chart and the player take, in ticks. */
  ticks: 200,
} as const;
export const DEFAULT_QUANTUM = 2;
export const DEFAULT_MLFQ: Mlfq = { quanta: [1, 2, 4], allotments: [1, 2, 4], boost: 0, rule4: 'fixed' };

export type JobState = 'future' | 'ready' | 'running' | 'blocked' | 'done';
export type EventKind = 'arrive' | 'return' | 'finish' | 'block' | 'demote' | 'expire' | 'boost' | 'preempt' | 'dispatch';
export interface SchedEvent {
  kind: EventKind;
  /** -1 for a boost (every job). */
  job: number;
  /** demote: the new level; block: when its I/O ends. */
  to?: number;
}
/** The instant t, after its decisions: who runs in [t, t+1), each job's state and level, the ready queues. */
export interface Instant {
  t: number;
  running: number | null;
  states: JobState[];
  levels: number[];
  /** Ready jobs per level (one queue for FIFO, SJF and RR), head first, the running job not among them. */
  queues: number[][];
  events: SchedEvent[];
}
export interface Trace {
  input: ScheduleInput;
  instants: Instant[];
  slices: Slice[];
  io: Array<{ job: number; start: number; end: number }>;
  stats: Stat[];
  /** When the last job finishes. */
  end: number;
}

export type InputError =
  | { key: 'no-jobs' }
  | { key: 'too-many-jobs'; count: number }
  | { key: 'not-integer'; job: number; field: keyof Job }
  | { key: 'negative-arrival'; job: number }
  | { key: 'out-of-range'; job: number; field: keyof Job; max: number; min: number }
  | { key: 'io-pair'; job: number }
  | { key: 'quantum'; value: number }
  | { key: 'levels'; count: number }
  | { key: 'level-value'; field: 'quanta' | 'allotments'; level: number; value: number }
  | { key: 'boost'; value: number }
  | { key: 'too-long'; ticks: number };

export class SchedulerInputError extends RangeError {
  readonly detail: InputError;
  constructor(detail: InputError) {
    super(`scheduler input: ${JSON.stringify(detail)}`);
    this.detail = detail;
  }
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const inRange = (v: unknown, min: number, max: number) => isInt(v) && v >= min && v <= max;

/** An upper bound on when the last job finishes: it cannot idle past the last arrival plus all the work and I/O. */
export function longest(jobs: readonly Job[]): number {
  const last = Math.max(0, ...jobs.map((j) => j.arrival));
  return last + jobs.reduce((s, j) => s + j.run + (j.ioEvery ? Math.floor((j.run - 1) / j.ioEvery) * (j.ioTime ?? 0) : 0), 0);
}

/** The first thing wrong with an input, or null. Checked before any simulation, so nothing can run away. */
export function checkInput(input: ScheduleInput): InputError | null {
  const { jobs } = input;
  if (!Array.isArray(jobs) || jobs.length === 0) return { key: 'no-jobs' };
  if (jobs.length > LIMITS.jobs) return { key: 'too-many-jobs', count: jobs.length };
  for (let i = 0; i < jobs.length; i++) {
    const j = jobs[i]!;
    for (const f of ['arrival', 'run', 'ioEvery', 'ioTime'] as const) if (j[f] !== undefined && !isInt(j[f])) return { key: 'not-integer', job: i, field: f };
    if (j.arrival < 0) return { key: 'negative-arrival', job: i };
    if (j.arrival > LIMITS.arrival) return { key: 'out-of-range', job: i, field: 'arrival', min: 0, max: LIMITS.arrival };
    if (!inRange(j.run, 1, LIMITS.run)) return { key: 'out-of-range', job: i, field: 'run', min: 1, max: LIMITS.run };
    if ((j.ioEvery === undefined) !== (j.ioTime === undefined)) return { key: 'io-pair', job: i };
    if (j.ioEvery !== undefined && !inRange(j.ioEvery, 1, LIMITS.ioEvery)) return { key: 'out-of-range', job: i, field: 'ioEvery', min: 1, max: LIMITS.ioEvery };
    if (j.ioTime !== undefined && !inRange(j.ioTime, 1, LIMITS.ioTime)) return { key: 'out-of-range', job: i, field: 'ioTime', min: 1, max: LIMITS.ioTime };
  }
  if (input.policy === 'RR' && input.quantum !== undefined && !inRange(input.quantum, 1, LIMITS.quantum)) return { key: 'quantum', value: input.quantum };
  if (input.policy === 'MLFQ' && input.mlfq) {
    const m = input.mlfq;
    if (!Array.isArray(m.quanta) || m.quanta.length < 1 || m.quanta.length > LIMITS.levels || !Array.isArray(m.allotments) || m.allotments.length !== m.quanta.length)
      return { key: 'levels', count: Array.isArray(m.quanta) ? m.quanta.length : 0 };
    for (let l = 0; l < m.quanta.length; l++) {
      if (!inRange(m.quanta[l], 1, LIMITS.quantum)) return { key: 'level-value', field: 'quanta', level: l, value: m.quanta[l]! };
      if (!inRange(m.allotments[l], 1, LIMITS.allotment)) return { key: 'level-value', field: 'allotments', level: l, value: m.allotments[l]! };
    }
    if (!inRange(m.boost, 0, LIMITS.boost)) return { key: 'boost', value: m.boost };
  }
  const ticks = longest(jobs);
  if (ticks > LIMITS.ticks) return { key: 'too-long', ticks };
  return null;
}

/** The whole run, instant by instant. Throws SchedulerInputError on input checkInput refuses. */
export function trace(input: ScheduleInput): Trace {
  const bad = checkInput(input);
  if (bad) throw new SchedulerInputError(bad);
  const { policy, jobs } = input;
  const mlfq = policy === 'MLFQ' ? (input.mlfq ?? DEFAULT_MLFQ) : null;
  const quanta = mlfq ? mlfq.quanta : [policy === 'RR' ? (input.quantum ?? DEFAULT_QUANTUM) : Infinity];
  const old = mlfq?.rule4 === 'old';
  const bottom = quanta.length - 1;
  const n = jobs.length;

  const state: JobState[] = jobs.map(() => 'future');
  const level = jobs.map(() => 0);
  const left = jobs.map((j) => j.run);
  const used = jobs.map(() => 0); // ticks of the current slice
  const spent = jobs.map(() => 0); // ticks at this level (the allotment)
  const sinceIo = jobs.map(() => 0); // ticks on the CPU since the last I/O
  const ioUntil = jobs.map(() => -1);
  const first = jobs.map(() => -1);
  const finish = jobs.map(() => -1);
  const waited = jobs.map(() => 0);
  const queues: number[][] = quanta.map(() => []);
  const instants: Instant[] = [];
  const slices: Slice[] = [];
  const io: Trace['io'] = [];
  let cur: number | null = null;
  let sliceStart = 0;
  let done = 0;

  const closeSlice = (t: number) => {
    if (cur !== null && t > sliceStart) slices.push({ job: cur, start: sliceStart, end: t, ...(mlfq ? { level: level[cur]! } : {}) });
  };
  const nextBurst = (j: number) => Math.min(left[j]!, jobs[j]!.ioEvery ? jobs[j]!.ioEvery! - sinceIo[j]! : Infinity);

  for (let t = 0; ; t++) {
    const events: SchedEvent[] = [];
    for (let j = 0; j < n; j++)
      if (jobs[j]!.arrival === t) {
        state[j] = 'ready';
        queues[0]!.push(j);
        events.push({ kind: 'arrive', job: j });
      }
    for (let j = 0; j < n; j++)
      if (state[j] === 'blocked' && ioUntil[j] === t) {
        state[j] = 'ready';
        queues[level[j]!]!.push(j);
        events.push({ kind: 'return', job: j });
      }
    if (cur !== null) {
      const j: number = cur;
      const job = jobs[j]!;
      if (left[j] === 0) {
        closeSlice(t);
        state[j] = 'done';
        finish[j] = t;
        done++;
        cur = null;
        events.push({ kind: 'finish', job: j });
      } else {
        let demoted = false;
        if (mlfq && (old ? used[j]! >= quanta[level[j]!]! : spent[j]! >= mlfq.allotments[level[j]!]!)) {
          closeSlice(t);
          const to = Math.min(level[j]! + 1, bottom);
          if (to !== level[j]) events.push({ kind: 'demote', job: j, to });
          level[j] = to;
          spent[j] = 0;
          used[j] = 0;
          demoted = true;
        }
        if (job.ioEvery && sinceIo[j] === job.ioEvery) {
          if (!demoted) closeSlice(t);
          state[j] = 'blocked';
          ioUntil[j] = t + job.ioTime!;
          io.push({ job: j, start: t, end: ioUntil[j]! });
          sinceIo[j] = 0;
          used[j] = 0;
          if (old) spent[j] = 0; // rule 4b: gave up the CPU before the slice ended, stays, starts afresh
          cur = null;
          events.push({ kind: 'block', job: j, to: ioUntil[j]! });
        } else if (demoted) {
          state[j] = 'ready';
          queues[level[j]!]!.push(j);
          cur = null;
        } else if (used[j]! >= quanta[level[j]!]!) {
          closeSlice(t);
          state[j] = 'ready';
          used[j] = 0;
          queues[level[j]!]!.push(j);
          cur = null;
          events.push({ kind: 'expire', job: j });
        }
      }
    }
    if (mlfq && mlfq.boost > 0 && t > 0 && t % mlfq.boost === 0 && done < n) {
      const all = queues.flat();
      queues.forEach((q) => (q.length = 0));
      queues[0]!.push(...all);
      if (cur !== null && level[cur] !== 0) {
        closeSlice(t);
        sliceStart = t;
      }
      for (let j = 0; j < n; j++)
        if (state[j] !== 'future' && state[j] !== 'done') {
          level[j] = 0;
          spent[j] = 0;
          used[j] = 0;
        }
      events.push({ kind: 'boost', job: -1 });
    }
    if (mlfq && cur !== null && queues.slice(0, level[cur]).some((q) => q.length > 0)) {
      closeSlice(t);
      state[cur] = 'ready';
      queues[level[cur]!]!.unshift(cur);
      events.push({ kind: 'preempt', job: cur });
      cur = null;
    }
    if (cur === null) {
      const lv = queues.findIndex((q) => q.length > 0);
      if (lv >= 0) {
        const q = queues[lv]!;
        let k = 0;
        if (policy === 'SJF') for (let i = 1; i < q.length; i++) if (nextBurst(q[i]!) < nextBurst(q[k]!) || (nextBurst(q[i]!) === nextBurst(q[k]!) && q[i]! < q[k]!)) k = i;
        cur = q.splice(k, 1)[0]!;
        state[cur] = 'running';
        sliceStart = t;
        if (first[cur]! < 0) first[cur] = t;
        events.push({ kind: 'dispatch', job: cur });
      }
    }
    instants.push({ t, running: cur, states: [...state], levels: [...level], queues: queues.map((q) => [...q]), events });
    if (done === n) break;
    if (cur !== null) {
      left[cur]!--;
      used[cur]!++;
      spent[cur]!++;
      sinceIo[cur]!++;
    }
    for (let j = 0; j < n; j++) if (state[j] === 'ready') waited[j]!++;
  }

  const end = instants.length - 1;
  const stats = jobs.map((j, i) => ({ job: i, response: first[i]! - j.arrival, turnaround: finish[i]! - j.arrival, wait: waited[i]! }));
  return { input, instants, slices, io, stats, end };
}

/** The contract of design.md: the slices (one per stay on the CPU, with its level under MLFQ) and each job's times. */
export function schedule(input: ScheduleInput): { slices: Slice[]; stats: Stat[] } {
  const { slices, stats } = trace(input);
  return { slices, stats };
}

export const average = (xs: readonly number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** A job's name: A, B, C … by index. */
export const jobName = (i: number): string => String.fromCharCode(65 + i);

// ---- the reader's job list: one job per line, "arrival run" or "arrival run ioEvery ioTime" ----

export type ParseError = { key: 'not-number'; line: number; word: string } | { key: 'line-shape'; line: number } | { key: 'too-many-lines'; count: number } | InputError;
/** Text longer than this is refused before it is split (a pasted list of 10,000 jobs). */
export const MAX_TEXT = 2000;

export function parseJobs(text: string): { ok: true; jobs: Job[] } | { ok: false; error: ParseError } {
  if (text.length > MAX_TEXT) {
    // Too long to be 10 jobs: many lines (a pasted list) or one line that is not a job.
    const lines = text.split(/\r?\n|;/).filter((l) => l.trim());
    return { ok: false, error: lines.length > LIMITS.jobs ? { key: 'too-many-jobs', count: lines.length } : { key: 'line-shape', line: lines.findIndex((l) => l.length > 200) } };
  }
  const lines = text.split(/\r?\n|;/).map((l) => l.trim()).filter(Boolean);
  if (lines.length > LIMITS.jobs) return { ok: false, error: { key: 'too-many-jobs', count: lines.length } };
  const jobs: Job[] = [];
  for (let i = 0; i < lines.length; i++) {
    const words = lines[i]!.split(/[\s,，]+/).filter(Boolean);
    for (const w of words) if (!/^[-+−]?\d+$/.test(w)) return { ok: false, error: { key: 'not-number', line: i, word: w.slice(0, 20) } };
    const nums = words.map((w) => Number(w.replace('−', '-')));
    if (nums.length !== 2 && nums.length !== 4) return { ok: false, error: { key: 'line-shape', line: i } };
    jobs.push(nums.length === 2 ? { arrival: nums[0]!, run: nums[1]! } : { arrival: nums[0]!, run: nums[1]!, ioEvery: nums[2]!, ioTime: nums[3]! });
  }
  return { ok: true, jobs };
}
export const formatJobs = (jobs: readonly Job[]): string => jobs.map((j) => [j.arrival, j.run, ...(j.ioEvery ? [j.ioEvery, j.ioTime] : [])].join(' ')).join('\n');

// ---- presets ----

const ABC: Job[] = [
  { arrival: 0, run: 6 },
  { arrival: 1, run: 2 },
  { arrival: 2, run: 1 },
];
/** A long CPU job and a gamer that yields one tick before each 4-tick slice ends. */
const GAMING: Job[] = [
  { arrival: 0, run: 12 },
  { arrival: 0, run: 12, ioEvery: 3, ioTime: 1 },
];
const GAMING_MLFQ = { quanta: [4, 4, 4], allotments: [4, 4, 4], boost: 0 };
/** A long job sinks to level 1; then two pairs of interactive jobs (a tick on the CPU, a tick of I/O) keep level 0 busy. */
const STARVE: Job[] = [
  { arrival: 0, run: 6 },
  { arrival: 4, run: 4, ioEvery: 1, ioTime: 1 },
  { arrival: 4, run: 4, ioEvery: 1, ioTime: 1 },
  { arrival: 12, run: 4, ioEvery: 1, ioTime: 1 },
  { arrival: 12, run: 4, ioEvery: 1, ioTime: 1 },
];
const STARVE_MLFQ = { quanta: [2, 2], allotments: [4, 4], boost: 0 };

export const PRESETS = {
  'abc-fifo': { policy: 'FIFO', jobs: ABC },
  'abc-sjf': { policy: 'SJF', jobs: ABC },
  'abc-rr': { policy: 'RR', jobs: ABC, quantum: 2 },
  'abc-mlfq': { policy: 'MLFQ', jobs: ABC, mlfq: { ...DEFAULT_MLFQ } },
  'gaming-old': { policy: 'MLFQ', jobs: GAMING, mlfq: { ...GAMING_MLFQ, rule4: 'old' } },
  'gaming-fixed': { policy: 'MLFQ', jobs: GAMING, mlfq: { ...GAMING_MLFQ, rule4: 'fixed' } },
  'starve-noboost': { policy: 'MLFQ', jobs: STARVE, mlfq: { ...STARVE_MLFQ, rule4: 'fixed' } },
  'starve-boost': { policy: 'MLFQ', jobs: STARVE, mlfq: { ...STARVE_MLFQ, boost: 6, rule4: 'fixed' } },
} satisfies Record<string, ScheduleInput>;
export type PresetName = keyof typeof PRESETS;
export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];
export const DEFAULT_PRESET: PresetName = 'abc-rr';

/** A fresh copy of a preset, every field present (quantum and mlfq too), so the form can show it. */
export function preset(p: PresetName): Required<Pick<ScheduleInput, 'policy' | 'jobs' | 'quantum'>> & { mlfq: Required<Mlfq> } {
  const s = PRESETS[p] as ScheduleInput;
  const m = s.mlfq ?? DEFAULT_MLFQ;
  return { policy: s.policy, jobs: s.jobs.map((j) => ({ ...j })), quantum: s.quantum ?? DEFAULT_QUANTUM, mlfq: { quanta: [...m.quanta], allotments: [...m.allotments], boost: m.boost, rule4: m.rule4 ?? 'fixed' } };
}
export type Setup = ReturnType<typeof preset>;

// ---- links: ?scheduler=r.2.1-2-4.1-2-4.0.n.0-6_1-2_2-1.5 ----
// policy letter . RR quantum . MLFQ quanta . allotments . boost . rule 4 (n fixed, o old) . jobs . step

const LETTER: Record<Policy, string> = { FIFO: 'f', SJF: 's', RR: 'r', MLFQ: 'm' };
export function encodeState(s: Setup, step: number): string {
  const jobs = s.jobs.map((j) => [j.arrival, j.run, ...(j.ioEvery ? [j.ioEvery, j.ioTime] : [])].join('-')).join('_');
  return [LETTER[s.policy], s.quantum, s.mlfq.quanta.join('-'), s.mlfq.allotments.join('-'), s.mlfq.boost, s.mlfq.rule4 === 'old' ? 'o' : 'n', jobs, step].join('.');
}
export function decodeState(v: string): { ok: true; setup: Setup; step: number } | { ok: false } {
  const parts = v.split('.');
  if (parts.length !== 8 || v.length > 400) return { ok: false };
  const [p, q, qs, as, b, r, js, st] = parts as [string, string, string, string, string, string, string, string];
  const policy = (Object.keys(LETTER) as Policy[]).find((k) => LETTER[k] === p);
  const int = (x: string) => (/^\d{1,4}$/.test(x) ? Number(x) : NaN);
  const list = (x: string) => x.split('-').map(int);
  if (!policy || (r !== 'n' && r !== 'o')) return { ok: false };
  const jobs: Job[] = [];
  for (const j of js.split('_')) {
    const ns = list(j);
    if (ns.length !== 2 && ns.length !== 4) return { ok: false };
    jobs.push(ns.length === 2 ? { arrival: ns[0]!, run: ns[1]! } : { arrival: ns[0]!, run: ns[1]!, ioEvery: ns[2]!, ioTime: ns[3]! });
  }
  const setup: Setup = { policy, quantum: int(q), jobs, mlfq: { quanta: list(qs), allotments: list(as), boost: int(b), rule4: r === 'o' ? 'old' : 'fixed' } };
  const step = int(st);
  // Every field is checked as if the policy used it: a link carries the whole form.
  if ([setup.quantum, step, setup.mlfq.boost, ...setup.mlfq.quanta, ...setup.mlfq.allotments].some(Number.isNaN)) return { ok: false };
  if (checkInput({ ...setup, policy: 'RR' }) || checkInput({ ...setup, policy: 'MLFQ' })) return { ok: false };
  if (step > trace(setup).end) return { ok: false };
  return { ok: true, setup, step };
}

/** The preset a setup is, or null. */
export function presetOf(s: Setup): PresetName | null {
  return PRESET_NAMES.find((p) => encodeState(preset(p), 0) === encodeState(s, 0)) ?? null;
}
