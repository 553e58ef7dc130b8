// The ticket-grab race (chapter 11) and `count += 1` split into LOAD / ADD / STORE (chapter 12), as a
// pure simulation. The user is the scheduler: every step runs exactly one instruction of one buyer
// (or thread), so a schedule is a list of indexes and a whole run is a pure function of it.
//
// Granularity, decided once for both programs:
// - A buyer's check `if data['ticket_num'] > 0:` runs in the same step as its read. It only looks at the
//   buyer's own copy, so where it sits in time never changes an outcome; a separate step would only inflate
//   the counts (2 buyers would have 20 schedules instead of the 6 the chapter talks about).
// - A buyer's second step is the write when it read > 0, and "sold out" when it read 0. Either way every
//   buyer always takes the same number of steps (2 without the lock, 4 with it), so without the lock the
//   number of schedules is the multinomial (Σ nᵢ)! / Π nᵢ! and every complete schedule has the same length.
// - The lock wraps the whole read-check-write (acquire, read, write-or-sold-out, release), as `with lock:`
//   would. A buyer blocked at `acquire` cannot be scheduled, so with the lock only executable schedules exist.
// - The counter's thread does LOAD (`tmp = count`), ADD (`tmp = tmp + 1`), STORE (`count = tmp`) per
//   increment; with the lock each increment is acquire, LOAD, ADD, STORE, release.
//
// This module is the public surface (the ticket machine lives here); the counter is in counter.ts, the
// shared instruction table and the counting in engine.ts, the Python lines in programs.ts, and
// configuration and URL parsing in config.ts. Import everything from here.
import {
  blockReason,
  checkExplorable,
  countFinals,
  effect,
  prng,
  ScheduleError,
  scheduleError,
  ticketInstrs,
  type Instr,
  type Lang,
  type ScheduleErrorCode,
  type TicketOp,
} from './engine.ts';
import {
  EXPLORE_LIMITS,
  joinState,
  requireConfig,
  splitState,
  validateConfig,
  type Checked,
  type TicketConfig,
} from './config.ts';
import { programFor } from './programs.ts';

// One import for views and tests: the whole public surface lives behind this module.
export {
  decodeSchedule,
  encodeSchedule,
  EXPLORE_LIMITS,
  LIMITS,
  validateConfig,
  validateCounterConfig,
  type Checked,
  type CounterConfig,
  type TicketConfig,
} from './config.ts';
export { multinomial, prng, ScheduleError, type CounterOp, type Lang, type ScheduleErrorCode, type TicketOp } from './engine.ts';
export {
  counterProgramFor,
  programFor,
  PROGRAM_COUNTER,
  PROGRAM_COUNTER_LOCK,
  PROGRAM_LOCK,
  PROGRAM_NO_LOCK,
  type ProgramLine,
} from './programs.ts';
export * from './counter.ts';

// ---------------------------------------------------------------------------------------------------
// Ticket runs: types

/**
 * One step of a ticket run. `value`: for `read` the number read; for `write` the number written
 * (read − 1); for `sold-out` the number read (0); null for `acquire` / `release`. `step` is the
 * index in the schedule.
 */
export interface LogEntry {
  readonly step: number;
  readonly buyer: number;
  readonly op: TicketOp;
  readonly value: number | null;
}

export interface Outcome {
  /** Buyers in the order of their successful write. */
  readonly winners: number[];
  /** The file's `ticket_num` at the end. Never negative: a buyer writes read − 1 only when it read > 0. */
  readonly ticketsLeft: number;
  /** Tickets sold that did not exist: max(0, winners − tickets). */
  readonly oversold: number;
  readonly log: LogEntry[];
  /** Every buyer has taken all of its steps. */
  readonly finished: boolean;
}

export interface BuyerState {
  /** Index of the buyer's next instruction; equal to the program's step count when finished. */
  readonly pc: number;
  /** What the buyer read from the file (its private `data`), or null before the read. */
  readonly seen: number | null;
  readonly result: 'won' | 'sold-out' | null;
}

/** One moment of a ticket run. Immutable: `step` returns a new one. */
export interface Machine {
  readonly config: TicketConfig;
  /** The shared file's `ticket_num`. */
  readonly ticketNum: number;
  /** The buyer holding the lock, or null. */
  readonly holder: number | null;
  readonly buyers: readonly BuyerState[];
  readonly winners: readonly number[];
  readonly log: readonly LogEntry[];
  /** The steps taken so far (buyer indexes). */
  readonly schedule: readonly number[];
}

/** P1, P2, … as the course names buyers. */
export function buyerName(buyer: number): string {
  return `P${buyer + 1}`;
}

// ---------------------------------------------------------------------------------------------------
// Ticket runs: the step-by-step machine

/** The moment before anyone moves: the file holds `tickets`, nobody holds the lock. */
export function start(config: TicketConfig): Machine {
  const c = requireConfig(config);
  const buyers: BuyerState[] = [];
  for (let i = 0; i < c.buyers; i++) buyers.push(Object.freeze({ pc: 0, seen: null, result: null }));
  return Object.freeze({
    config: c,
    ticketNum: c.tickets,
    holder: null,
    buyers: Object.freeze(buyers),
    winners: Object.freeze([]),
    log: Object.freeze([]),
    schedule: Object.freeze([]),
  });
}

function pcsOf(state: Machine): number[] {
  return state.buyers.map((b) => b.pc);
}

/** Why `buyer` cannot take a step now, or null if it can. */
export function whyNot(state: Machine, buyer: number): ScheduleErrorCode | null {
  return blockReason(ticketInstrs(state.config.lock), pcsOf(state), state.holder, buyer);
}

/** The buyers that can take a step now, in index order. */
export function runnable(state: Machine): number[] {
  const out: number[] = [];
  for (let i = 0; i < state.buyers.length; i++) if (whyNot(state, i) === null) out.push(i);
  return out;
}

/** Every buyer that cannot take a step now, and why (finished, or blocked at acquire). */
export function notRunnable(state: Machine): Array<{ buyer: number; reason: ScheduleErrorCode }> {
  const out: Array<{ buyer: number; reason: ScheduleErrorCode }> = [];
  for (let i = 0; i < state.buyers.length; i++) {
    const reason = whyNot(state, i);
    if (reason !== null) out.push({ buyer: i, reason });
  }
  return out;
}

export function isFinished(state: Machine): boolean {
  const n = ticketInstrs(state.config.lock).length;
  return state.buyers.every((b) => b.pc >= n);
}

/** `buyer` runs its next instruction. Pure: returns a new state, or throws a `ScheduleError`. */
export function step(state: Machine, buyer: number): Machine {
  const instrs = ticketInstrs(state.config.lock);
  const index = state.schedule.length;
  const reason = whyNot(state, buyer);
  if (reason !== null) throw scheduleError(reason, index, buyer, state.holder, state.buyers.length, buyerName);
  const me = state.buyers[buyer] as BuyerState;
  const instr = instrs[me.pc] as Instr;
  const e = effect(instr, buyer, state.ticketNum, state.holder, me.seen);
  const result = e.op === 'write' ? 'won' : e.op === 'sold-out' ? 'sold-out' : me.result;
  const next: BuyerState = Object.freeze({ pc: me.pc + 1, seen: e.local, result });
  const entry: LogEntry = Object.freeze({ step: index, buyer, op: e.op as TicketOp, value: e.value });
  return Object.freeze({
    config: state.config,
    ticketNum: e.shared,
    holder: e.holder,
    buyers: Object.freeze(state.buyers.map((b, i) => (i === buyer ? next : b))),
    winners: e.won ? Object.freeze([...state.winners, buyer]) : state.winners,
    log: Object.freeze([...state.log, entry]),
    schedule: Object.freeze([...state.schedule, buyer]),
  });
}

/** Every state of a run: `replay(c, s)[0]` is `start(c)`, `[k]` is after `k` steps (undo = go back one). */
export function replay(config: TicketConfig, schedule: readonly number[]): Machine[] {
  const states = [start(config)];
  let state = states[0] as Machine;
  for (const buyer of schedule) {
    state = step(state, buyer);
    states.push(state);
  }
  return states;
}

/**
 * `replay` for untrusted schedules (a URL): never throws a `ScheduleError`, keeps the states up to the first
 * step that cannot run and returns that step's error.
 */
export function tryReplay(
  config: TicketConfig,
  schedule: readonly number[],
): { readonly states: Machine[]; readonly error: ScheduleError | null } {
  const states = [start(config)];
  let state = states[0] as Machine;
  for (const buyer of schedule) {
    try {
      state = step(state, buyer);
    } catch (err) {
      if (err instanceof ScheduleError) return { states, error: err };
      throw err;
    }
    states.push(state);
  }
  return { states, error: null };
}

export function outcomeOf(state: Machine): Outcome {
  return {
    winners: [...state.winners],
    ticketsLeft: state.ticketNum,
    oversold: Math.max(0, state.winners.length - state.config.tickets),
    log: [...state.log],
    finished: isFinished(state),
  };
}

/** Runs the buyers in the order `schedule` names them. A partial schedule gives `finished: false`. */
export function run(config: TicketConfig, schedule: readonly number[]): Outcome {
  let state = start(config);
  for (const buyer of schedule) state = step(state, buyer);
  return outcomeOf(state);
}

/**
 * The line the view highlights for `buyer`'s next instruction (an index into `programFor(config)`), or
 * null when the buyer has finished. The second step's line depends on what the buyer read.
 */
export function currentLine(state: Machine, buyer: number): number | null {
  const me = state.buyers[buyer];
  if (me === undefined) return null;
  const instrs = ticketInstrs(state.config.lock);
  const instr = instrs[me.pc];
  if (instr === undefined) return null;
  const op: TicketOp =
    instr === 'buy'
      ? (me.seen ?? 0) > 0
        ? 'write'
        : 'sold-out'
      : instr === 'read'
        ? 'read'
        : instr === 'acquire'
          ? 'acquire'
          : 'release';
  const program = programFor(state.config);
  const i = program.findIndex((l) => l.step === me.pc && l.op === op);
  return i < 0 ? null : i;
}

/** Each buyer runs all its steps before the next starts: P1 to the end, then P2, … */
export function serialSchedule(config: TicketConfig, order?: readonly number[]): number[] {
  const c = requireConfig(config);
  const per = ticketInstrs(c.lock).length;
  const who = order ?? Array.from({ length: c.buyers }, (_, i) => i);
  const out: number[] = [];
  for (const b of who) for (let k = 0; k < per; k++) out.push(b);
  return out;
}

/**
 * All reads before any write (P1 P2 … read, then P1 P2 … write): every buyer reads the same positive
 * number, so every buyer wins and the oversell is as large as it can be. With the lock no schedule can
 * do that, and every schedule sells exactly min(buyers, tickets), so this returns the serial schedule.
 */
export function worstSchedule(config: TicketConfig): number[] {
  const c = requireConfig(config);
  if (c.lock) return serialSchedule(c);
  const all = Array.from({ length: c.buyers }, (_, i) => i);
  return [...all, ...all];
}

/**
 * A complete schedule where each step picks uniformly among the runnable buyers, driven by `seed`
 * (deterministic). Uniform per step, so not uniform over schedules.
 */
export function randomSchedule(config: TicketConfig, seed: number): number[] {
  const rand = prng(seed);
  let state = start(config);
  while (!isFinished(state)) {
    const choices = runnable(state);
    const pick = choices[Math.floor(rand() * choices.length)] as number;
    state = step(state, pick);
  }
  return [...state.schedule];
}

/**
 * Every complete, executable schedule in lexicographic order, lazily. Its length is `explore(config).schedules`,
 * which grows fast: use it for small configurations (the view's "show me all 6").
 */
export function* allSchedules(config: TicketConfig): Generator<number[]> {
  const first = start(config);
  function* walk(state: Machine): Generator<number[]> {
    const next = runnable(state);
    if (next.length === 0) {
      yield [...state.schedule];
      return;
    }
    for (const b of next) yield* walk(step(state, b));
  }
  yield* walk(first);
}

// ---------------------------------------------------------------------------------------------------
// Logs in words

/**
 * One log entry in words, in the ticket_demo vector's English ("P1 read 1", "P1 write 0 (believes success)",
 * "P2 sees 0 -> fail") or in Chinese ("P1 读到 1" …).
 */
export function formatLog(entry: LogEntry, lang: Lang): string {
  const p = buyerName(entry.buyer);
  const v = entry.value ?? 0;
  if (lang === 'zh') {
    switch (entry.op) {
      case 'acquire':
        return `${p} 拿到锁`;
      case 'read':
        return `${p} 读到 ${v}`;
      case 'check':
        return `${p} 检查余票 ${v}`;
      case 'write':
        return `${p} 写入 ${v}（以为抢到了）`;
      case 'sold-out':
        return `${p} 看到 ${v} -> 抢票失败`;
      case 'release':
        return `${p} 释放锁`;
    }
  }
  switch (entry.op) {
    case 'acquire':
      return `${p} acquires the lock`;
    case 'read':
      return `${p} read ${v}`;
    case 'check':
      return `${p} checks ${v}`;
    case 'write':
      return `${p} write ${v} (believes success)`;
    case 'sold-out':
      return `${p} sees ${v} -> fail`;
    case 'release':
      return `${p} releases the lock`;
  }
}

/**
 * A run's log as the course prints it. Each complete critical section (acquire, read, write or sold out,
 * release by one buyer) becomes one line, "P1: read 1 -> write 0 OK" / "P2: read 0 -> sold out", since with
 * the lock nothing can come between its steps; every other entry is one `formatLog` line.
 */
export function transcript(log: readonly LogEntry[], lang: Lang): string[] {
  const out: string[] = [];
  for (let i = 0; i < log.length; i++) {
    const [a, r, w, z] = [log[i], log[i + 1], log[i + 2], log[i + 3]];
    if (
      a?.op === 'acquire' &&
      r?.op === 'read' &&
      (w?.op === 'write' || w?.op === 'sold-out') &&
      z?.op === 'release' &&
      r.buyer === a.buyer &&
      w.buyer === a.buyer &&
      z.buyer === a.buyer
    ) {
      const p = buyerName(a.buyer);
      const read = r.value ?? 0;
      const wrote = w.value ?? 0;
      if (lang === 'zh') {
        out.push(w.op === 'write' ? `${p}：读到 ${read} -> 写入 ${wrote}，抢票成功` : `${p}：读到 ${read} -> 票已售罄`);
      } else {
        out.push(w.op === 'write' ? `${p}: read ${read} -> write ${wrote} OK` : `${p}: read ${read} -> sold out`);
      }
      i += 3;
    } else if (a !== undefined) {
      out.push(formatLog(a, lang));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Counting every schedule

export interface TicketExploreOutcome {
  readonly winners: number[];
  readonly ticketsLeft: number;
  readonly oversold: number;
  /** How many schedules end this way. */
  readonly count: number;
}

export interface TicketExplore {
  /** Complete, executable schedules. */
  readonly schedules: number;
  /** Distinct endings (winners in write order, tickets left), fewest winners first. */
  readonly outcomes: TicketExploreOutcome[];
  /** Schedules that sell more tickets than exist. */
  readonly oversoldSchedules: number;
}

/**
 * Every complete schedule of the ticket program, counted by ending. Without the lock `schedules` is
 * (2b)! / 2^b; with it b! (each buyer's critical section runs whole). Throws a RangeError beyond
 * `EXPLORE_LIMITS` (5 buyers).
 */
export function explore(config: TicketConfig): TicketExplore {
  const c = requireConfig(config);
  if (c.buyers > EXPLORE_LIMITS.buyers || c.tickets > EXPLORE_LIMITS.tickets) {
    throw new RangeError(
      `explore: at most ${EXPLORE_LIMITS.buyers} buyers and ${EXPLORE_LIMITS.tickets} tickets (got ${c.buyers} buyers, ${c.tickets} tickets)`,
    );
  }
  const instrs = ticketInstrs(c.lock);
  checkExplorable(new Array<number>(c.buyers).fill(c.lock ? 1 : instrs.length));
  const byEnding = new Map<string, { winners: number[]; ticketsLeft: number; count: number }>();
  let schedules = 0;
  for (const { state, count } of countFinals(instrs, c.buyers, c.tickets, false)) {
    schedules += count;
    const key = `${state.winners.join(',')}|${state.shared}`;
    const seen = byEnding.get(key);
    if (seen) seen.count += count;
    else byEnding.set(key, { winners: [...state.winners], ticketsLeft: state.shared, count });
  }
  const outcomes = [...byEnding.values()]
    .map((o) => ({ ...o, oversold: Math.max(0, o.winners.length - c.tickets) }))
    .sort((a, b) => a.winners.length - b.winners.length || compareLists(a.winners, b.winners) || a.ticketsLeft - b.ticketsLeft);
  const oversoldSchedules = outcomes.reduce((sum, o) => sum + (o.oversold > 0 ? o.count : 0), 0);
  return { schedules, outcomes, oversoldSchedules };
}

function compareLists(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

// ---------------------------------------------------------------------------------------------------
// URL state

/** What a link to one moment of the ticket widget holds. */
export interface TicketUrlState {
  readonly config: TicketConfig;
  readonly schedule: number[];
  /** How many steps of `schedule` are shown (the player's position). */
  readonly position: number;
}

/** "tickets.buyers.L|N.schedule[.position]", e.g. "1.3.N.123123.4": short ASCII for the kit's query value. */
export function encodeState(state: {
  readonly config: TicketConfig;
  readonly schedule: readonly number[];
  readonly position?: number;
}): string {
  const c = requireConfig(state.config);
  return joinState(c.tickets, c.buyers, c.lock, state.schedule, state.position);
}

/**
 * Reads `encodeState`'s format and checks that the schedule runs. Never throws: a garbled, outdated or
 * impossible state (a blocked acquire, a buyer who does not exist) is an error the widget reports
 * before it starts from its default.
 */
export function decodeState(text: unknown): Checked<TicketUrlState> {
  const parts = splitState(text);
  if (!parts.ok) return parts;
  const { a, b, lock, schedule, position } = parts.value;
  const config = validateConfig({ tickets: a, buyers: b, lock });
  if (!config.ok) return config;
  const { error } = tryReplay(config.value, schedule);
  if (error !== null) return { ok: false, error: error.message };
  return { ok: true, value: { config: config.value, schedule, position: position ?? schedule.length } };
}
