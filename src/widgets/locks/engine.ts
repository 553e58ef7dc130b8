// The engine the ticket and counter programs share: instructions as a table of effects, the rule that
// an acquire blocks while another actor holds the lock, and the state-merging count behind `explore`.
import { EXPLORE_LIMITS, type CounterConfig } from './config.ts';

/** What a ticket program line or log entry does. `check` marks a program line only: it runs inside the read step. */
export type TicketOp = 'acquire' | 'read' | 'check' | 'write' | 'release' | 'sold-out';
export type CounterOp = 'acquire' | 'load' | 'add' | 'store' | 'release';
export type Lang = 'zh' | 'en';

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

export type Instr = 'acquire' | 'release' | 'read' | 'buy' | 'load' | 'add' | 'store';

const TICKET_INSTRS_NO_LOCK: readonly Instr[] = ['read', 'buy'];
const TICKET_INSTRS_LOCK: readonly Instr[] = ['acquire', 'read', 'buy', 'release'];

export function ticketInstrs(lock: boolean): readonly Instr[] {
  return lock ? TICKET_INSTRS_LOCK : TICKET_INSTRS_NO_LOCK;
}

export function counterInstrs(config: CounterConfig): readonly Instr[] {
  const one: readonly Instr[] = config.lock ? ['acquire', 'load', 'add', 'store', 'release'] : ['load', 'add', 'store'];
  const all: Instr[] = [];
  for (let i = 0; i < config.increments; i++) all.push(...one);
  return all;
}

/** Instructions that use the actor's private value (`data` or `tmp`); anywhere else it is dead. */
export const READS_LOCAL: ReadonlySet<Instr> = new Set<Instr>(['buy', 'add', 'store']);

export interface Effect {
  readonly shared: number;
  readonly holder: number | null;
  readonly local: number | null;
  readonly op: TicketOp | CounterOp;
  readonly value: number | null;
  readonly won: boolean;
}

export function effect(instr: Instr, actor: number, shared: number, holder: number | null, local: number | null): Effect {
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

export function blockReason(
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

export function scheduleError(
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

// ---------------------------------------------------------------------------------------------------
// Counting every schedule: forward dynamic programming over states

export interface DPState {
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
export function countFinals(
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
        const s: DPState = {
          shared: e.shared,
          holder: e.holder,
          pcs,
          locals,
          winners: e.won ? [...state.winners, t] : state.winners,
        };
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

export function checkExplorable(lengths: readonly number[]): void {
  // With the lock only whole critical sections interleave: `lengths` are then counted in sections.
  const n = multinomial(lengths);
  if (n > BigInt(EXPLORE_LIMITS.schedules)) {
    throw new RangeError(
      `explore: ${n} schedules are more than can be counted exactly (2^53 - 1); choose a smaller configuration`,
    );
  }
}
