// `count += 1` as the three steps the interpreter really takes (LOAD, ADD, STORE), for the threads
// chapter: the same engine as the ticket race, with a shared `count` and a private `tmp` per thread.
import {
  blockReason,
  checkExplorable,
  counterInstrs,
  countFinals,
  effect,
  prng,
  ScheduleError,
  scheduleError,
  type CounterOp,
  type Instr,
  type Lang,
  type ScheduleErrorCode,
} from './engine.ts';
import {
  EXPLORE_LIMITS,
  joinState,
  requireCounterConfig,
  splitState,
  validateCounterConfig,
  type Checked,
  type CounterConfig,
} from './config.ts';
import { counterProgramFor } from './programs.ts';

/** T1, T2, … for the counter's threads. */
export function threadName(thread: number): string {
  return `T${thread + 1}`;
}

export interface CounterLogEntry {
  readonly step: number;
  readonly thread: number;
  readonly op: CounterOp;
  /** `load`: the value loaded into tmp; `add`: tmp after adding; `store`: the value stored; null otherwise. */
  readonly value: number | null;
}

export interface CounterThreadState {
  readonly pc: number;
  /** The thread's private `tmp`, or null before its first LOAD. */
  readonly tmp: number | null;
}

export interface CounterMachine {
  readonly config: CounterConfig;
  readonly count: number;
  readonly holder: number | null;
  readonly threads: readonly CounterThreadState[];
  readonly log: readonly CounterLogEntry[];
  readonly schedule: readonly number[];
}

export interface CounterOutcome {
  /** The shared `count` at the end. */
  readonly count: number;
  /** Increments that happened but left no trace: threads × increments − count (when finished). */
  readonly lostUpdates: number;
  readonly log: CounterLogEntry[];
  readonly finished: boolean;
}

/** The moment before any thread moves: `count` is 0, nobody holds the lock. */
export function counterStart(config: CounterConfig): CounterMachine {
  const c = requireCounterConfig(config);
  const threads: CounterThreadState[] = [];
  for (let i = 0; i < c.threads; i++) threads.push(Object.freeze({ pc: 0, tmp: null }));
  return Object.freeze({
    config: c,
    count: 0,
    holder: null,
    threads: Object.freeze(threads),
    log: Object.freeze([]),
    schedule: Object.freeze([]),
  });
}

function counterWhyNotWith(instrs: readonly Instr[], state: CounterMachine, thread: number): ScheduleErrorCode | null {
  return blockReason(
    instrs,
    state.threads.map((t) => t.pc),
    state.holder,
    thread,
  );
}

/** Why `thread` cannot take a step now, or null if it can. */
export function counterWhyNot(state: CounterMachine, thread: number): ScheduleErrorCode | null {
  return counterWhyNotWith(counterInstrs(state.config), state, thread);
}

/** The threads that can take a step now, in index order. */
export function counterRunnable(state: CounterMachine): number[] {
  const instrs = counterInstrs(state.config);
  const out: number[] = [];
  for (let i = 0; i < state.threads.length; i++) if (counterWhyNotWith(instrs, state, i) === null) out.push(i);
  return out;
}

export function counterIsFinished(state: CounterMachine): boolean {
  const n = counterInstrs(state.config).length;
  return state.threads.every((t) => t.pc >= n);
}

function counterStepWith(instrs: readonly Instr[], state: CounterMachine, thread: number): CounterMachine {
  const index = state.schedule.length;
  const reason = counterWhyNotWith(instrs, state, thread);
  if (reason !== null) throw scheduleError(reason, index, thread, state.holder, state.threads.length, threadName);
  const me = state.threads[thread] as CounterThreadState;
  const e = effect(instrs[me.pc] as Instr, thread, state.count, state.holder, me.tmp);
  const entry: CounterLogEntry = Object.freeze({ step: index, thread, op: e.op as CounterOp, value: e.value });
  const next: CounterThreadState = Object.freeze({ pc: me.pc + 1, tmp: e.local });
  return Object.freeze({
    config: state.config,
    count: e.shared,
    holder: e.holder,
    threads: Object.freeze(state.threads.map((t, i) => (i === thread ? next : t))),
    log: Object.freeze([...state.log, entry]),
    schedule: Object.freeze([...state.schedule, thread]),
  });
}

/** `thread` runs its next instruction. Pure; throws a `ScheduleError` when it cannot. */
export function counterStep(state: CounterMachine, thread: number): CounterMachine {
  return counterStepWith(counterInstrs(state.config), state, thread);
}

/** Every state of a run, from `counterStart(config)` to the end of `schedule`. */
export function counterReplay(config: CounterConfig, schedule: readonly number[]): CounterMachine[] {
  let state = counterStart(config);
  const instrs = counterInstrs(state.config);
  const states = [state];
  for (const t of schedule) {
    state = counterStepWith(instrs, state, t);
    states.push(state);
  }
  return states;
}

/** Runs the threads in the order `schedule` names them; throws a `ScheduleError` for a step that cannot run. */
export function counterRun(config: CounterConfig, schedule: readonly number[]): CounterOutcome {
  const states = counterReplay(config, schedule);
  const last = states[states.length - 1] as CounterMachine;
  const finished = counterIsFinished(last);
  const done = last.threads.reduce((sum, t) => sum + Math.floor(t.pc / (last.config.lock ? 5 : 3)), 0);
  return { count: last.count, lostUpdates: done - last.count, log: [...last.log], finished };
}

/** The line (index into `counterProgramFor(config)`) `thread` runs next, or null when it has finished. */
export function counterCurrentLine(state: CounterMachine, thread: number): number | null {
  const me = state.threads[thread];
  if (me === undefined) return null;
  const per = state.config.lock ? 5 : 3;
  if (me.pc >= per * state.config.increments) return null;
  const i = counterProgramFor(state.config).findIndex((l) => l.step === me.pc % per);
  return i < 0 ? null : i;
}

/** Each thread does all its increments before the next starts. */
export function counterSerialSchedule(config: CounterConfig): number[] {
  const c = requireCounterConfig(config);
  const per = counterInstrs(c).length;
  const out: number[] = [];
  for (let t = 0; t < c.threads; t++) for (let k = 0; k < per; k++) out.push(t);
  return out;
}

/**
 * The lost-update schedule the widget plays: in every round each thread LOADs before any STOREs,
 * so a round of `threads` increments adds 1. Without the lock it ends at `increments`, losing
 * (threads − 1) × increments updates. With the lock no schedule loses anything, so the serial one
 * stands in for it.
 */
export function counterLostUpdateSchedule(config: CounterConfig): number[] {
  const c = requireCounterConfig(config);
  if (c.lock) return counterSerialSchedule(c);
  const out: number[] = [];
  for (let k = 0; k < c.increments * 3; k++) for (let t = 0; t < c.threads; t++) out.push(t);
  return out;
}

/** A complete schedule, each step a seeded uniform pick among the runnable threads. */
export function counterRandomSchedule(config: CounterConfig, seed: number): number[] {
  const rand = prng(seed);
  let state = counterStart(config);
  const instrs = counterInstrs(state.config);
  for (;;) {
    const choices: number[] = [];
    for (let i = 0; i < state.threads.length; i++) if (counterWhyNotWith(instrs, state, i) === null) choices.push(i);
    if (choices.length === 0) return [...state.schedule];
    state = counterStepWith(instrs, state, choices[Math.floor(rand() * choices.length)] as number);
  }
}

/** Every complete, executable schedule in lexicographic order, lazily; as many as `counterExplore` counts. */
export function* counterAllSchedules(config: CounterConfig): Generator<number[]> {
  function* walk(state: CounterMachine): Generator<number[]> {
    const next = counterRunnable(state);
    if (next.length === 0) {
      yield [...state.schedule];
      return;
    }
    for (const t of next) yield* walk(counterStep(state, t));
  }
  yield* walk(counterStart(config));
}

export interface CounterExplore {
  readonly schedules: number;
  /** Final counts, smallest first, with how many schedules (`count`) end there. */
  readonly outcomes: Array<{ readonly finalCount: number; readonly lostUpdates: number; readonly count: number }>;
}

/**
 * The distribution of the final `count` over every complete schedule. Without the lock `schedules` is
 * (3·n·k)! / ((3k)!)^n for n threads of k increments; with it (n·k)! / (k!)^n. Throws a RangeError beyond
 * `EXPLORE_LIMITS` (4 threads, 3 increments, counts that a double holds exactly).
 */
export function counterExplore(config: CounterConfig): CounterExplore {
  const c = requireCounterConfig(config);
  if (c.threads > EXPLORE_LIMITS.threads || c.increments > EXPLORE_LIMITS.increments) {
    throw new RangeError(
      `counterExplore: at most ${EXPLORE_LIMITS.threads} threads and ${EXPLORE_LIMITS.increments} increments (got ${c.threads} threads, ${c.increments} increments)`,
    );
  }
  const instrs = counterInstrs(c);
  checkExplorable(new Array<number>(c.threads).fill(c.lock ? c.increments : instrs.length));
  const byFinal = new Map<number, number>();
  let schedules = 0;
  for (const { state, count } of countFinals(instrs, c.threads, 0, true)) {
    schedules += count;
    byFinal.set(state.shared, (byFinal.get(state.shared) ?? 0) + count);
  }
  const outcomes = [...byFinal.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([finalCount, count]) => ({ finalCount, lostUpdates: c.threads * c.increments - finalCount, count }));
  return { schedules, outcomes };
}

/** One counter step in words: "T1 LOAD: tmp = count = 0", "T2 STORE: count = 1"; "T1 LOAD：tmp = count = 0" … */
export function formatCounterLog(entry: CounterLogEntry, lang: Lang): string {
  const t = threadName(entry.thread);
  const v = entry.value ?? 0;
  if (lang === 'zh') {
    switch (entry.op) {
      case 'acquire':
        return `${t} 拿到锁`;
      case 'load':
        return `${t} LOAD：tmp = count = ${v}`;
      case 'add':
        return `${t} ADD：tmp = ${v}`;
      case 'store':
        return `${t} STORE：count = ${v}`;
      case 'release':
        return `${t} 释放锁`;
    }
  }
  switch (entry.op) {
    case 'acquire':
      return `${t} acquires the lock`;
    case 'load':
      return `${t} LOAD: tmp = count = ${v}`;
    case 'add':
      return `${t} ADD: tmp = ${v}`;
    case 'store':
      return `${t} STORE: count = ${v}`;
    case 'release':
      return `${t} releases the lock`;
  }
}

/** What a link to one moment of the counter widget holds. */
export interface CounterUrlState {
  readonly config: CounterConfig;
  readonly schedule: number[];
  readonly position: number;
}

/** "threads.increments.L|N.schedule[.position]", e.g. "2.1.N.121212.3". */
export function encodeCounterState(state: {
  readonly config: CounterConfig;
  readonly schedule: readonly number[];
  readonly position?: number;
}): string {
  const c = requireCounterConfig(state.config);
  return joinState(c.threads, c.increments, c.lock, state.schedule, state.position);
}

/** Reads `encodeCounterState`'s format and checks that the schedule runs. Never throws. */
export function decodeCounterState(text: unknown): Checked<CounterUrlState> {
  const parts = splitState(text);
  if (!parts.ok) return parts;
  const { a, b, lock, schedule, position } = parts.value;
  const config = validateCounterConfig({ threads: a, increments: b, lock });
  if (!config.ok) return config;
  try {
    counterReplay(config.value, schedule);
  } catch (err) {
    if (err instanceof ScheduleError) return { ok: false, error: err.message };
    throw err;
  }
  return { ok: true, value: { config: config.value, schedule, position: position ?? schedule.length } };
}
