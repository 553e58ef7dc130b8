// What a view may configure, what `explore` will count, and the URL's share of the state: every reader
// of untrusted input here returns an error instead of throwing.

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

export function requireConfig(config: TicketConfig): TicketConfig {
  const checked = validateConfig(config);
  if (!checked.ok) throw new RangeError(checked.error);
  return checked.value;
}

export function requireCounterConfig(config: CounterConfig): CounterConfig {
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
    if (!Number.isInteger(actor) || actor < 0 || actor > 8)
      throw new RangeError(`cannot encode actor ${actor}: indexes run from 0 to 8`);
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

/** A widget's whole URL state, before the model checks that the schedule can run. */
export interface StateParts {
  readonly a: string;
  readonly b: string;
  readonly lock: boolean;
  readonly schedule: number[];
  /** The player's position; null means "at the end of the schedule". */
  readonly position: number | null;
}

/** `A.B.L|N.SCHEDULE.POSITION`, e.g. "1.3.N.123123.4": what the kit's `?id=` value holds. */
export function joinState(a: number, b: number, lock: boolean, schedule: readonly number[], position?: number): string {
  const parts = [String(a), String(b), lock ? 'L' : 'N', encodeSchedule(schedule)];
  if (position !== undefined && position !== schedule.length) parts.push(String(position));
  return parts.join('.');
}

/** Reads `joinState`'s format. Never throws. */
export function splitState(text: unknown): Checked<StateParts> {
  if (typeof text !== 'string') return { ok: false, error: 'the state must be a string' };
  if (text.length > LIMITS.scheduleChars + 16) return { ok: false, error: 'the state is too long' };
  const parts = text.split('.');
  if (parts.length < 3 || parts.length > 5) return { ok: false, error: 'the state must look like 1.3.N.123123.4' };
  const [a = '', b = '', lock = '', scheduleText = '', positionText] = parts;
  if (lock !== 'L' && lock !== 'N') return { ok: false, error: 'the lock must be L (with) or N (without)' };
  const schedule = decodeSchedule(scheduleText);
  if (!schedule.ok) return schedule;
  let position: number | null = null;
  if (positionText !== undefined) {
    if (!/^\d{1,3}$/.test(positionText) || Number(positionText) > schedule.value.length) {
      return { ok: false, error: `the position must be a step from 0 to ${schedule.value.length}` };
    }
    position = Number(positionText);
  }
  return { ok: true, value: { a, b, lock: lock === 'L', schedule: schedule.value, position } };
}
