// W18 bounded queue, producer and consumer (chapter 13). Two things, both pure:
//  - runQueue(): queue.Queue / queue.LifoQueue driven op by op from one thread, exactly as Python
//    behaves with `maxsize` (0 or less = unbounded): put_nowait on a full queue raises queue.Full,
//    get_nowait on an empty one queue.Empty, and a blocking put/get that would wait forever (no
//    other thread will ever change the queue) is reported as blocked, and the next op still runs.
//  - simulate(): a producer–consumer run by ticks. Producers make an item in `make` ticks and put
//    it (blocked while the queue is full); consumers get (blocked while it is empty) and eat an
//    item in `eat` ticks. The main thread joins the producers, then ends the run with one None per
//    consumer, or with JoinableQueue: task_done() after each item, q.join(), daemon consumers.
//    Waiters are woken in the order they began to wait (threading.Condition's notify is FIFO).
// The reader's scenario and step travel in the URL (encodeState/decodeState).

export type Kind = 'FIFO' | 'LIFO';
export type OpName = 'put' | 'put_nowait' | 'get' | 'get_nowait';
export interface Op {
  op: OpName;
  value?: unknown;
}
export type OpResult = { ok: true; value?: unknown } | { raised: 'Full' | 'Empty' } | { blocked: true };

/** A queue's storage: FIFO takes from the front, LIFO from the back; both put at the back. */
class Store<T> {
  private a: T[] = [];
  private head = 0;
  readonly kind: Kind;
  constructor(kind: Kind) {
    this.kind = kind;
  }
  get size(): number {
    return this.a.length - this.head;
  }
  put(v: T): void {
    this.a.push(v);
  }
  get(): T {
    if (this.kind === 'LIFO') return this.a.pop()!;
    const v = this.a[this.head++]!;
    // Drop what was taken now and then, so a long FIFO run does not keep every item.
    if (this.head > 1024 && this.head * 2 > this.a.length) {
      this.a = this.a.slice(this.head);
      this.head = 0;
    }
    return v;
  }
  /** Bottom (first put) first. */
  items(): T[] {
    return this.a.slice(this.head);
  }
}

const isFull = (maxsize: number, size: number) => maxsize > 0 && size >= maxsize;

/** One result per op, as queue.Queue (FIFO) or queue.LifoQueue (LIFO) from a single thread. */
export function runQueue({ maxsize, kind }: { maxsize: number; kind: Kind }, ops: ReadonlyArray<Op>): OpResult[] {
  const q = new Store<unknown>(kind);
  const out: OpResult[] = [];
  for (const { op, value } of ops) {
    if (op === 'put' || op === 'put_nowait') {
      if (isFull(maxsize, q.size)) out.push(op === 'put' ? { blocked: true } : { raised: 'Full' });
      else {
        q.put(value);
        out.push({ ok: true });
      }
    } else if (q.size === 0) out.push(op === 'get' ? { blocked: true } : { raised: 'Empty' });
    else out.push({ ok: true, value: q.get() });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// By hand: the reader's ops, one step each, with the queue after each.

export interface HandStep {
  op: OpName;
  /** The value a put tried to put (1, 2, 3, … in the order of the put attempts). */
  value?: number;
  result: OpResult;
  /** The queue after this op, bottom (first put) first. */
  items: number[];
}

export const HAND_MAX_OPS = 40;

export function handSteps(maxsize: number, kind: Kind, ops: ReadonlyArray<OpName>): HandStep[] {
  let next = 1;
  const full: Op[] = ops.map((op) => (op.startsWith('put') ? { op, value: next++ } : { op }));
  const results = runQueue({ maxsize, kind }, full);
  const q = new Store<number>(kind);
  return full.map((o, i) => {
    const r = results[i]!;
    if ('ok' in r) {
      if (o.op.startsWith('put')) q.put(o.value as number);
      else q.get();
    }
    return { op: o.op, ...(o.value !== undefined ? { value: o.value as number } : {}), result: r, items: q.items() };
  });
}

// ---------------------------------------------------------------------------------------------
// Producers and consumers by ticks.

export type Ending = 'sentinel' | 'joinable';
export interface Scenario {
  /** queue maxsize: 0 or less is unbounded, as in Python. */
  maxsize: number;
  kind: Kind;
  producers: number;
  consumers: number;
  /** Items each producer makes. */
  items: number;
  /** Ticks a producer takes to make one item, and a consumer to eat one. */
  make: number;
  eat: number;
  ending: Ending;
}
export const LIMITS = {
  maxsize: { min: -1, max: 8 },
  producers: { min: 1, max: 2 },
  consumers: { min: 1, max: 3 },
  items: { min: 1, max: 6 },
  make: { min: 1, max: 5 },
  eat: { min: 1, max: 5 },
} as const;
export type Limited = keyof typeof LIMITS;

/** Null if the scenario is in range, else the first field out of range. */
export function badField(s: Scenario): Limited | null {
  for (const k of Object.keys(LIMITS) as Limited[]) {
    const v = s[k];
    if (!Number.isInteger(v) || v < LIMITS[k].min || v > LIMITS[k].max) return k;
  }
  return null;
}

/** Who: producers p0…, the main thread, consumers c0… */
export type Who = { role: 'p' | 'c'; i: number } | { role: 'main' };
export const whoName = (w: Who): string => (w.role === 'main' ? 'main' : `${w.role}${w.i}`);

/** An item: a producer's i-th (named p0-2 as producer_consumer.py prints it) or a sentinel. */
export type Item = string | null;

export type RunEvent =
  | { kind: 'put'; who: Who; item: Item; woke: boolean }
  | { kind: 'put-blocked'; who: Who; item: Item }
  | { kind: 'get'; who: Who; item: Item; woke: boolean }
  | { kind: 'get-blocked'; who: Who }
  | { kind: 'task-done'; who: Who; item: Item; unfinished: number }
  | { kind: 'producers-joined' }
  | { kind: 'exit'; who: Who; eaten: number }
  | { kind: 'join-returned' }
  | { kind: 'end'; left: Item[]; killed: number[] };

/** What a thread is doing over [start, end). */
export type SpanKind = 'make' | 'eat' | 'put-wait' | 'get-wait' | 'join-wait';
export interface Span {
  who: Who;
  start: number;
  end: number;
  kind: SpanKind;
  item?: Item;
}
export interface RunStep {
  t: number;
  events: RunEvent[];
  /** The queue after this step, bottom (first put) first. */
  items: Item[];
  /** Unfinished tasks (JoinableQueue's counter: +1 per put, −1 per task_done). */
  unfinished: number;
}
export interface Run {
  scenario: Scenario;
  steps: RunStep[];
  spans: Span[];
  /** When main ended. */
  total: number;
  /** Every get of a real item, in order: [consumer, item]. */
  gets: Array<[number, string]>;
}

type State =
  | { s: 'busy'; until: number; kind: 'make' | 'eat'; item?: Item; since: number }
  | { s: 'put'; item: Item; since: number }
  | { s: 'get'; since: number }
  | { s: 'join'; what: 'producers' | 'consumers' | 'queue'; since: number }
  | { s: 'done' };

export function simulate(sc: Scenario): Run {
  const bad = badField(sc);
  if (bad) throw new RangeError(`${bad} out of range`);
  const { producers: P, consumers: C, items: N, make, eat, ending } = sc;
  const q = new Store<Item>(sc.kind);
  const threads: Who[] = [...Array.from({ length: P }, (_, i): Who => ({ role: 'p', i })), { role: 'main' }, ...Array.from({ length: C }, (_, i): Who => ({ role: 'c', i }))];
  const st: State[] = threads.map((w) => (w.role === 'p' ? { s: 'busy', until: make, kind: 'make', item: `p${w.i}-0`, since: 0 } : w.role === 'main' ? { s: 'join', what: 'producers', since: 0 } : { s: 'get', since: 0 }));
  const made = Array<number>(P).fill(0);
  const eaten = Array<number>(C).fill(0);
  const pendingSince = threads.map(() => 0); // when a blocked op began (wake order)
  const blockedNow = threads.map(() => false);
  let sentinelsPut = 0;
  let unfinished = 0;
  const spans: Span[] = [];
  const steps: RunStep[] = [];
  const gets: Array<[number, string]> = [];
  const ci = (k: number) => P + 1 + k;
  const MAIN = P;
  let t = 0;
  let ended = false;

  const endSpan = (k: number, kind: SpanKind, start: number, item?: Item) => {
    if (t > start) spans.push({ who: threads[k]!, start, end: t, kind, ...(item !== undefined ? { item } : {}) });
  };

  // At tick 0 the producers start making and the consumers call get().
  for (let guard = 0; !ended && guard < 10_000; guard++, t++) {
    const events: RunEvent[] = [];
    // 1. Work that ends now: a producer has an item to put; a consumer is ready for the next.
    threads.forEach((w, k) => {
      const s = st[k]!;
      if (s.s !== 'busy' || s.until !== t) return;
      endSpan(k, s.kind, s.since, s.item);
      if (w.role === 'p') st[k] = { s: 'put', item: s.item!, since: t };
      else {
        if (ending === 'joinable') {
          unfinished--;
          events.push({ kind: 'task-done', who: w, item: s.item!, unfinished });
        }
        st[k] = { s: 'get', since: t };
      }
      pendingSince[k] = t;
      blockedNow[k] = false;
    });

    // 2. Put, get and join until nothing changes: oldest waiter first, then by thread order.
    for (let changed = true; changed; ) {
      changed = false;
      const order = threads.map((_, k) => k).sort((a, b) => pendingSince[a]! - pendingSince[b]! || a - b);
      for (const k of order) {
        const s = st[k]!;
        const w = threads[k]!;
        if (s.s === 'put') {
          if (isFull(sc.maxsize, q.size)) continue;
          q.put(s.item);
          unfinished++;
          events.push({ kind: 'put', who: w, item: s.item, woke: blockedNow[k]! });
          endSpan(k, 'put-wait', s.since, s.item);
          blockedNow[k] = false;
          changed = true;
          if (w.role === 'p') {
            made[w.i]!++;
            st[k] = made[w.i]! < N ? { s: 'busy', until: t + make, kind: 'make', item: `p${w.i}-${made[w.i]}`, since: t } : { s: 'done' };
            if (made[w.i]! === N) events.push({ kind: 'exit', who: w, eaten: N });
          } else {
            sentinelsPut++;
            st[k] = sentinelsPut < C ? { s: 'put', item: null, since: t } : { s: 'join', what: 'consumers', since: t };
            pendingSince[k] = t;
          }
        } else if (s.s === 'get') {
          if (q.size === 0) continue;
          const item = q.get();
          const c = (w as { i: number }).i;
          events.push({ kind: 'get', who: w, item, woke: blockedNow[k]! });
          endSpan(k, 'get-wait', s.since);
          blockedNow[k] = false;
          changed = true;
          if (item === null) {
            // A sentinel is never task_done()'d here: in sentinel runs nobody joins the queue.
            st[k] = { s: 'done' };
            events.push({ kind: 'exit', who: w, eaten: eaten[c]! });
          } else {
            eaten[c]!++;
            gets.push([c, item]);
            st[k] = { s: 'busy', until: t + eat, kind: 'eat', item, since: t };
          }
        } else if (s.s === 'join') {
          const ready =
            s.what === 'producers'
              ? threads.every((x, j) => x.role !== 'p' || st[j]!.s === 'done')
              : s.what === 'consumers'
                ? threads.every((x, j) => x.role !== 'c' || st[j]!.s === 'done')
                : unfinished === 0;
          if (!ready) continue;
          endSpan(k, 'join-wait', s.since);
          changed = true;
          pendingSince[k] = t;
          if (s.what === 'producers') {
            events.push({ kind: 'producers-joined' });
            st[k] = ending === 'sentinel' ? { s: 'put', item: null, since: t } : { s: 'join', what: 'queue', since: t };
          } else {
            if (s.what === 'queue') events.push({ kind: 'join-returned' });
            st[k] = { s: 'done' };
          }
        }
      }
    }
    // Whoever still cannot go on once nothing else moves this tick is blocked (a put and a get in
    // the same tick meet without either waiting).
    threads.forEach((w, k) => {
      const s = st[k]!;
      if (blockedNow[k] || (s.s !== 'put' && s.s !== 'get')) return;
      blockedNow[k] = true;
      events.push(s.s === 'put' ? { kind: 'put-blocked', who: w, item: s.item } : { kind: 'get-blocked', who: w });
    });
    if (st[MAIN]!.s === 'done') {
      // Main's code has ended: daemon consumers (the JoinableQueue way) are terminated with it.
      const killed: number[] = [];
      for (let c = 0; c < C; c++) {
        const s = st[ci(c)]!;
        if (s.s === 'done') continue;
        if (s.s === 'get') endSpan(ci(c), 'get-wait', s.since);
        if (s.s === 'busy') endSpan(ci(c), s.kind, s.since, s.item);
        st[ci(c)] = { s: 'done' };
        killed.push(c);
      }
      events.push({ kind: 'end', left: q.items(), killed });
      ended = true;
    }
    if (events.length) steps.push({ t, events, items: q.items(), unfinished: Math.max(0, unfinished) });
  }
  return { scenario: sc, steps, spans, total: t - 1, gets };
}

// ---------------------------------------------------------------------------------------------
// The widget's state: a scenario (or a hand run) and a step, in the URL.

export const PRESET_NAMES = ['slow-consumer', 'slow-producer', 'two-and-two', 'lifo-sentinels', 'joinable'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];
const BASE: Scenario = { maxsize: 2, kind: 'FIFO', producers: 1, consumers: 1, items: 5, make: 1, eat: 3, ending: 'sentinel' };
const PRESETS: Record<PresetName, Scenario> = {
  'slow-consumer': BASE,
  'slow-producer': { ...BASE, make: 3, eat: 1 },
  'two-and-two': { ...BASE, maxsize: 3, producers: 2, consumers: 2, items: 4, make: 1, eat: 3 },
  'lifo-sentinels': { ...BASE, kind: 'LIFO', maxsize: 5, consumers: 2 },
  joinable: { ...BASE, maxsize: 5, producers: 2, consumers: 2, items: 3, make: 2, eat: 3, ending: 'joinable' },
};
export const preset = (p: PresetName): Scenario => ({ ...PRESETS[p] });

export type WidgetState =
  | { mode: 'run'; scenario: Scenario; step: number }
  | { mode: 'hand'; maxsize: number; kind: Kind; ops: OpName[]; step: number };

const OP_CODE: Record<OpName, string> = { put: 'P', put_nowait: 'p', get: 'G', get_nowait: 'g' };
const CODE_OP: Record<string, OpName> = { P: 'put', p: 'put_nowait', G: 'get', g: 'get_nowait' };

export function encodeState(s: WidgetState): string {
  if (s.mode === 'hand') return `h.${s.maxsize}.${s.kind === 'FIFO' ? 'f' : 'l'}.${s.ops.map((o) => OP_CODE[o]).join('') || '-'}.${s.step}`;
  const c = s.scenario;
  return `r.${c.maxsize}.${c.kind === 'FIFO' ? 'f' : 'l'}.${c.producers}.${c.consumers}.${c.items}.${c.make}.${c.eat}.${c.ending === 'sentinel' ? 's' : 'j'}.${s.step}`;
}

export function decodeState(v: string): ({ ok: true } & WidgetState) | { ok: false } {
  let m = /^h\.(-?\d)\.([fl])\.([PpGg]{1,40}|-)\.(\d{1,2})$/.exec(v);
  if (m) {
    const maxsize = Number(m[1]);
    const ops = m[3] === '-' ? [] : [...m[3]!].map((c) => CODE_OP[c]!);
    const step = Number(m[4]);
    if (maxsize < LIMITS.maxsize.min || maxsize > LIMITS.maxsize.max || step > ops.length) return { ok: false };
    return { ok: true, mode: 'hand', maxsize, kind: m[2] === 'f' ? 'FIFO' : 'LIFO', ops, step };
  }
  m = /^r\.(-?\d)\.([fl])\.(\d)\.(\d)\.(\d)\.(\d)\.(\d)\.([sj])\.(\d{1,3})$/.exec(v);
  if (!m) return { ok: false };
  const scenario: Scenario = {
    maxsize: Number(m[1]),
    kind: m[2] === 'f' ? 'FIFO' : 'LIFO',
    producers: Number(m[3]),
    consumers: Number(m[4]),
    items: Number(m[5]),
    make: Number(m[6]),
    eat: Number(m[7]),
    ending: m[8] === 's' ? 'sentinel' : 'joinable',
  };
  if (badField(scenario)) return { ok: false };
  const step = Number(m[9]);
  if (step > simulate(scenario).steps.length) return { ok: false };
  return { ok: true, mode: 'run', scenario, step };
}

export function presetOf(s: Scenario): PresetName | null {
  return PRESET_NAMES.find((p) => JSON.stringify(PRESETS[p]) === JSON.stringify(s)) ?? null;
}
