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

// ---------------------------------------------------------------------------------------------------
// Public types

export interface TicketConfig {
  readonly tickets: number;
  readonly buyers: number;
  readonly lock: boolean;
}

export interface CounterConfig {
  readonly threads: number;
  readonly increments: number;
  readonly lock: boolean;
}

/** What a ticket program line or log entry does. `check` marks a program line only: it runs inside the read step. */
export type TicketOp = 'acquire' | 'read' | 'check' | 'write' | 'release' | 'sold-out';
export type CounterOp = 'acquire' | 'load' | 'add' | 'store' | 'release';
export type Lang = 'zh' | 'en';

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

export type ScheduleErrorCode = 'out-of-range' | 'finished' | 'blocked';

/** A schedule names a step that cannot run. `step` is its index in the schedule, `actor` the buyer or thread. */
export class ScheduleError extends Error {
  readonly code: ScheduleErrorCode;
  readonly step: number;
  readonly actor: number;
  /** For `blocked`: who holds the lock. */
  readonly holder: number | null;
  constructor(code: ScheduleErrorCode, step: number, actor: number, holder: number | null, message: string) {
    super(message);
    this.name = 'ScheduleError';
    this.code = code;
    this.step = step;
    this.actor = actor;
    this.holder = holder;
  }
}

/**
 * A line of the Python the view shows. `step` is the index (within one pass of the program) of the
 * instruction the line belongs to, null for structure (`def`, `else:`, `for`). `op` marks the line that
 * performs the step's effect; `branch` marks lines that run only when the buyer read > 0 (`win`) or 0.
 */
export interface ProgramLine {
  readonly code: string;
  readonly step: number | null;
  readonly op: TicketOp | CounterOp | null;
  readonly branch: 'win' | 'sold-out' | null;
}

// ---------------------------------------------------------------------------------------------------
// Limits: what a view may configure, and what `explore` will count

export const LIMITS = {
  buyers: { min: 1, max: 8 },
  tickets: { min: 0, max: 9 },
  threads: { min: 1, max: 4 },
  increments: { min: 1, max: 5 },
  /** Longest schedule string `decodeSchedule` reads. */
  scheduleChars: 256,
} as const;

/**
 * `explore` counts by dynamic programming over states, never by listing schedules; these bound its work
 * (each allowed configuration is counted in well under a second). Five buyers already have 325 possible
 * winner lists; the counter's counts must stay exact in a double, which rules out 4 threads × 3 increments.
 */
export const EXPLORE_LIMITS = {
  buyers: 5,
  tickets: LIMITS.tickets.max,
  threads: 4,
  increments: 3,
  /** Counts must stay exact in a double. */
  schedules: Number.MAX_SAFE_INTEGER,
  /** States alive in one layer of the DP: a last guard, never reached within the limits above. */
  states: 200_000,
} as const;

// ---------------------------------------------------------------------------------------------------
// The programs as the view shows them

const line = (
  code: string,
  step: number | null,
  op: ProgramLine['op'] = null,
  branch: ProgramLine['branch'] = null,
): ProgramLine => Object.freeze({ code, step, op, branch });

/** Two steps: read (+ check), then write or sold out. */
export const PROGRAM_NO_LOCK: readonly ProgramLine[] = Object.freeze([
  line('def buy(name):', null),
  line("    with open('data.json') as f:", 0),
  line('        data = json.load(f)', 0, 'read'),
  line("    if data['ticket_num'] > 0:", 0, 'check'),
  line('        time.sleep(random.random())', 1, null, 'win'),
  line("        data['ticket_num'] -= 1", 1, null, 'win'),
  line("        with open('data.json', 'w') as f:", 1, null, 'win'),
  line('            json.dump(data, f)', 1, 'write', 'win'),
  line("        print(name, 'got a ticket')", 1, null, 'win'),
  line('    else:', null),
  line("        print(name, 'sold out')", 1, 'sold-out', 'sold-out'),
]);

/** Four steps: acquire, read (+ check), write or sold out, release. */
export const PROGRAM_LOCK: readonly ProgramLine[] = Object.freeze([
  line('def buy(name, lock):', null),
  line('    lock.acquire()', 0, 'acquire'),
  line("    with open('data.json') as f:", 1),
  line('        data = json.load(f)', 1, 'read'),
  line("    if data['ticket_num'] > 0:", 1, 'check'),
  line('        time.sleep(random.random())', 2, null, 'win'),
  line("        data['ticket_num'] -= 1", 2, null, 'win'),
  line("        with open('data.json', 'w') as f:", 2, null, 'win'),
  line('            json.dump(data, f)', 2, 'write', 'win'),
  line("        print(name, 'got a ticket')", 2, null, 'win'),
  line('    else:', null),
  line("        print(name, 'sold out')", 2, 'sold-out', 'sold-out'),
  line('    lock.release()', 3, 'release'),
]);

/** `count += 1` as the three steps the interpreter really takes; `step` repeats for each increment. */
export const PROGRAM_COUNTER: readonly ProgramLine[] = Object.freeze([
  line('def worker():', null),
  line('    global count', null),
  line('    for _ in range(N):', null),
  line('        tmp = count', 0, 'load'),
  line('        tmp = tmp + 1', 1, 'add'),
  line('        count = tmp', 2, 'store'),
]);

export const PROGRAM_COUNTER_LOCK: readonly ProgramLine[] = Object.freeze([
  line('def worker():', null),
  line('    global count', null),
  line('    for _ in range(N):', null),
  line('        lock.acquire()', 0, 'acquire'),
  line('        tmp = count', 1, 'load'),
  line('        tmp = tmp + 1', 2, 'add'),
  line('        count = tmp', 3, 'store'),
  line('        lock.release()', 4, 'release'),
]);

export function programFor(config: { readonly lock: boolean }): readonly ProgramLine[] {
  return config.lock ? PROGRAM_LOCK : PROGRAM_NO_LOCK;
}

export function counterProgramFor(config: { readonly lock: boolean }): readonly ProgramLine[] {
  return config.lock ? PROGRAM_COUNTER_LOCK : PROGRAM_COUNTER;
}

// ---------------------------------------------------------------------------------------------------
// The engine both programs share: instructions as a table of effects

type Instr = 'acquire' | 'release' | 'read' | 'buy' | 'load' | 'add' | 'store';

const TICKET_INSTRS_NO_LOCK: readonly Instr[] = ['read', 'buy'];
const TICKET_INSTRS_LOCK: readonly Instr[] = ['acquire', 'read', 'buy', 'release'];

function ticketInstrs(lock: boolean): readonly Instr[] {
  return lock ? TICKET_INSTRS_LOCK : TICKET_INSTRS_NO_LOCK;
}

function counterInstrs(config: CounterConfig): readonly Instr[] {
  const one: readonly Instr[] = config.lock ? ['acquire', 'load', 'add', 'store', 'release'] : ['load', 'add', 'store'];
  const all: Instr[] = [];
  for (let i = 0; i < config.increments; i++) all.push(...one);
  return all;
}

/** Instructions that use the actor's private value (`data` or `tmp`); anywhere else it is dead. */
const READS_LOCAL: ReadonlySet<Instr> = new Set<Instr>(['buy', 'add', 'store']);

interface Effect {
  readonly shared: number;
  readonly holder: number | null;
  readonly local: number | null;
  readonly op: TicketOp | CounterOp;
  readonly value: number | null;
  readonly won: boolean;
}

function effect(instr: Instr, actor: number, shared: number, holder: number | null, local: number | null): Effect {
  switch (instr) {
    case 'acquire':
      return { shared, holder: actor, local, op: 'acquire', value: null, won: false };
    case 'release':
      return { shared, holder: null, local, op: 'release', value: null, won: false };
    case 'read':
      return { shared, holder, local: shared, op: 'read', value: shared, won: false };
    case 'buy': {
      const seen = local ?? 0;
      return seen > 0
        ? { shared: seen - 1, holder, local, op: 'write', value: seen - 1, won: true }
        : { shared, holder, local, op: 'sold-out', value: seen, won: false };
    }
    case 'load':
      return { shared, holder, local: shared, op: 'load', value: shared, won: false };
    case 'add': {
      const tmp = (local ?? 0) + 1;
      return { shared, holder, local: tmp, op: 'add', value: tmp, won: false };
    }
    case 'store':
      return { shared: local ?? 0, holder, local, op: 'store', value: local ?? 0, won: false };
  }
}

function blockReason(
  instrs: readonly Instr[],
  pcs: readonly number[],
  holder: number | null,
  actor: number,
): ScheduleErrorCode | null {
  if (!Number.isInteger(actor) || actor < 0 || actor >= pcs.length) return 'out-of-range';
  const pc = pcs[actor] ?? instrs.length;
  if (pc >= instrs.length) return 'finished';
  if (instrs[pc] === 'acquire' && holder !== null && holder !== actor) return 'blocked';
  return null;
}

function scheduleError(
  code: ScheduleErrorCode,
  step: number,
  actor: number,
  holder: number | null,
  count: number,
  who: (i: number) => string,
): ScheduleError {
  const name = Number.isInteger(actor) && actor >= 0 ? who(actor) : String(actor);
  const message =
    code === 'out-of-range'
      ? `step ${step}: there is no ${name} (indexes run from 0 to ${count - 1})`
      : code === 'finished'
        ? `step ${step}: ${name} has already finished`
        : `step ${step}: ${name} is blocked at lock.acquire(): ${holder === null ? 'another' : who(holder)} holds the lock`;
  return new ScheduleError(code, step, actor, code === 'blocked' ? holder : null, message);
}

/** P1, P2, … as the course names buyers. */
export function buyerName(buyer: number): string {
  return `P${buyer + 1}`;
}

/** T1, T2, … for the counter's threads. */
export function threadName(thread: number): string {
  return `T${thread + 1}`;
}

// ---------------------------------------------------------------------------------------------------
// Configuration and URL state

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

function readInt(x: unknown, name: string, min: number, max: number): Checked<number> {
  let n: number;
  if (typeof x === 'number') n = x;
  else if (typeof x === 'string' && /^\d{1,3}$/.test(x)) n = Number(x);
  else return { ok: false, error: `${name} must be a whole number from ${min} to ${max}` };
  if (!Number.isInteger(n) || n < min || n > max) {
    return { ok: false, error: `${name} must be a whole number from ${min} to ${max}` };
  }
  return { ok: true, value: n };
}

function readBool(x: unknown, name: string): Checked<boolean> {
  if (x === undefined) return { ok: true, value: false };
  if (typeof x === 'boolean') return { ok: true, value: x };
  if (x === 1 || x === '1' || x === 'true') return { ok: true, value: true };
  if (x === 0 || x === '0' || x === 'false') return { ok: true, value: false };
  return { ok: false, error: `${name} must be true or false` };
}

function field(x: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(x, key) ? (x as Record<string, unknown>)[key] : undefined;
}

/**
 * A ticket configuration from anything (parsed JSON, URL parameters): numbers or short digit strings,
 * `lock` as a boolean, 0/1 or 'true'/'false' (missing = false). Never throws.
 */
export function validateConfig(x: unknown): Checked<TicketConfig> {
  if (typeof x !== 'object' || x === null) return { ok: false, error: 'the configuration must be an object' };
  const tickets = readInt(field(x, 'tickets'), 'tickets', LIMITS.tickets.min, LIMITS.tickets.max);
  if (!tickets.ok) return tickets;
  const buyers = readInt(field(x, 'buyers'), 'buyers', LIMITS.buyers.min, LIMITS.buyers.max);
  if (!buyers.ok) return buyers;
  const lock = readBool(field(x, 'lock'), 'lock');
  if (!lock.ok) return lock;
  return { ok: true, value: Object.freeze({ tickets: tickets.value, buyers: buyers.value, lock: lock.value }) };
}

/** The counter's configuration, on the same terms as `validateConfig`. */
export function validateCounterConfig(x: unknown): Checked<CounterConfig> {
  if (typeof x !== 'object' || x === null) return { ok: false, error: 'the configuration must be an object' };
  const threads = readInt(field(x, 'threads'), 'threads', LIMITS.threads.min, LIMITS.threads.max);
  if (!threads.ok) return threads;
  const increments = readInt(field(x, 'increments'), 'increments', LIMITS.increments.min, LIMITS.increments.max);
  if (!increments.ok) return increments;
  const lock = readBool(field(x, 'lock'), 'lock');
  if (!lock.ok) return lock;
  return { ok: true, value: Object.freeze({ threads: threads.value, increments: increments.value, lock: lock.value }) };
}

function requireConfig(config: TicketConfig): TicketConfig {
  const checked = validateConfig(config);
  if (!checked.ok) throw new RangeError(checked.error);
  return checked.value;
}

function requireCounterConfig(config: CounterConfig): CounterConfig {
  const checked = validateCounterConfig(config);
  if (!checked.ok) throw new RangeError(checked.error);
  return checked.value;
}

/**
 * A schedule as one character per step, the actor's 1-based number: [0, 1, 2, 0] → "1231",
 * so a link reads as P1 P2 P3 P1.
 */
export function encodeSchedule(schedule: readonly number[]): string {
  let out = '';
  for (const actor of schedule) {
    if (!Number.isInteger(actor) || actor < 0 || actor > 8) throw new RangeError(`cannot encode actor ${actor}: indexes run from 0 to 8`);
    out += String(actor + 1);
  }
  return out;
}

/** Reads what `encodeSchedule` wrote. Never throws: anything else (wrong type, too long, a stray character) is an error. */
export function decodeSchedule(text: unknown): Checked<number[]> {
  if (typeof text !== 'string') return { ok: false, error: 'a schedule must be a string of digits 1–9' };
  if (text.length > LIMITS.scheduleChars) {
    return { ok: false, error: `a schedule has at most ${LIMITS.scheduleChars} steps` };
  }
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 49 || c > 57) return { ok: false, error: `character ${i + 1} of the schedule is not a digit 1–9` };
    out.push(c - 49);
  }
  return { ok: true, value: out };
}

// ---------------------------------------------------------------------------------------------------
// Ticket runs: the step-by-step machine

function freezeMachine(m: Machine): Machine {
  return Object.freeze(m);
}

/** The moment before anyone moves: the file holds `tickets`, nobody holds the lock. */
export function start(config: TicketConfig): Machine {
  const c = requireConfig(config);
  const buyers: BuyerState[] = [];
  for (let i = 0; i < c.buyers; i++) buyers.push(Object.freeze({ pc: 0, seen: null, result: null }));
  return freezeMachine({
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
  return freezeMachine({
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
    instr === 'buy' ? ((me.seen ?? 0) > 0 ? 'write' : 'sold-out') : instr === 'read' ? 'read' : instr === 'acquire' ? 'acquire' : 'release';
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

/** A 32-bit seeded PRNG (mulberry32): the same seed gives the same numbers on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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

function formatTicketStep(entry: LogEntry, lang: Lang): string {
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

/** One log entry in words: "P1 read 1", "P1 write 0 (believes success)", "P2 sees 0 -> fail"; "P1 读到 1" … */
export function formatLog(entry: LogEntry, lang: Lang): string {
  return formatTicketStep(entry, lang);
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
// Counting every schedule: forward dynamic programming over states

interface DPState {
  readonly shared: number;
  readonly holder: number | null;
  readonly pcs: readonly number[];
  readonly locals: readonly (number | null)[];
  readonly winners: readonly number[];
}

function factorial(n: number): bigint {
  let f = 1n;
  for (let i = 2n; i <= BigInt(n); i++) f *= i;
  return f;
}

/** (Σ nᵢ)! / Π nᵢ!: the number of ways to interleave sequences of these lengths. */
export function multinomial(lengths: readonly number[]): bigint {
  let total = 0;
  let denominator = 1n;
  for (const n of lengths) {
    total += n;
    denominator *= factorial(n);
  }
  return factorial(total) / denominator;
}

/**
 * Counts complete schedules by their final state; never lists them. With `symmetric`, states that differ
 * only by which thread is which merge (all threads run the same program), which is sound when the caller
 * only reads the shared value at the end, as the counter does; ticket endings name their winners, so not there.
 */
function countFinals(
  instrs: readonly Instr[],
  actors: number,
  shared0: number,
  symmetric: boolean,
): Array<{ state: DPState; count: number }> {
  const keyOf = symmetric
    ? (s: DPState) =>
        `${s.shared}|` +
        s.pcs
          .map((pc, t) => `${pc}:${s.locals[t] ?? ''}:${s.holder === t ? 'h' : ''}`)
          .sort()
          .join(',')
    : (s: DPState) => `${s.shared}|${s.holder ?? ''}|${s.pcs.join(',')}|${s.locals.join(',')}|${s.winners.join(',')}`;
  const init: DPState = {
    shared: shared0,
    holder: null,
    pcs: new Array<number>(actors).fill(0),
    locals: new Array<number | null>(actors).fill(null),
    winners: [],
  };
  let layer = new Map<string, { state: DPState; count: number }>([[keyOf(init), { state: init, count: 1 }]]);
  const total = actors * instrs.length;
  for (let k = 0; k < total; k++) {
    const next = new Map<string, { state: DPState; count: number }>();
    for (const { state, count } of layer.values()) {
      for (let t = 0; t < actors; t++) {
        if (blockReason(instrs, state.pcs, state.holder, t) !== null) continue;
        const pc = state.pcs[t] as number;
        const e = effect(instrs[pc] as Instr, t, state.shared, state.holder, state.locals[t] ?? null);
        const pcs = state.pcs.slice();
        pcs[t] = pc + 1;
        const locals = state.locals.slice();
        // A dead private value is forgotten, so states that differ only in it merge.
        const nextInstr = instrs[pc + 1];
        locals[t] = nextInstr !== undefined && READS_LOCAL.has(nextInstr) ? e.local : null;
        const s: DPState = { shared: e.shared, holder: e.holder, pcs, locals, winners: e.won ? [...state.winners, t] : state.winners };
        const key = keyOf(s);
        const seen = next.get(key);
        if (seen) seen.count += count;
        else next.set(key, { state: s, count });
      }
    }
    if (next.size > EXPLORE_LIMITS.states) {
      throw new RangeError(`explore: more than ${EXPLORE_LIMITS.states} states to track; choose a smaller configuration`);
    }
    layer = next;
  }
  return [...layer.values()];
}

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

function checkExplorable(lengths: readonly number[]): void {
  // With the lock only whole critical sections interleave: `lengths` are then counted in sections.
  const n = multinomial(lengths);
  if (n > BigInt(EXPLORE_LIMITS.schedules)) {
    throw new RangeError(`explore: ${n} schedules are more than can be counted exactly (2^53 - 1); choose a smaller configuration`);
  }
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
// The counter: count += 1 as LOAD, ADD, STORE

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

export function counterWhyNot(state: CounterMachine, thread: number): ScheduleErrorCode | null {
  return counterWhyNotWith(counterInstrs(state.config), state, thread);
}

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

function formatCounterStep(entry: CounterLogEntry, lang: Lang): string {
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

/** "T1 LOAD: tmp = count = 0", "T2 STORE: count = 1"; "T1 LOAD：tmp = count = 0" … */
export function formatCounterLog(entry: CounterLogEntry, lang: Lang): string {
  return formatCounterStep(entry, lang);
}
