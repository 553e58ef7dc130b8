// W10 socketserver timeline (chapter 7): N clients (3–5) arrive, each needs `need` ticks of work
// (a tick is 0.1 s), against the three servers of socketserver:
//  - TCPServer handles one request at a time: the others wait in the listen backlog, in arrival order.
//  - ThreadingTCPServer starts a thread per client at once. I/O work (sleep, recv) overlaps; CPU
//    work holds the GIL, so only one thread runs at a time: they take turns (CPython asks the holder
//    to let go every switch interval, 5 ms; drawn here tick by tick, round robin in arrival order).
//  - ForkingTCPServer forks a process per client: I/O overlaps, CPU work runs in parallel on up to
//    `cores` cores (more processes than cores take turns, tick by tick). There is no os.fork on
//    Windows, so socketserver has no ForkingTCPServer there.
// Pure and deterministic: the same scenario gives the same timeline.

export type ServerKind = 'tcp' | 'threading' | 'forking';
export type Work = 'io' | 'cpu';
export type Platform = 'linux' | 'macos' | 'windows';
export interface Scenario {
  server: ServerKind;
  work: Work;
  /** Arrival tick of each client (3–5 clients). */
  arrivals: number[];
  /** Ticks of work each request needs. */
  need: number;
  cores: number;
  platform: Platform;
}
export const TICK_SECONDS = 0.1;
export const LIMITS = { clients: { min: 3, max: 5 }, need: { min: 1, max: 8 }, arrival: { min: 0, max: 10 }, cores: { min: 1, max: 8 } } as const;

/** What a client is doing over [start, end): waiting in the backlog, served doing I/O or CPU, or ready but without the GIL / a core. */
export type SliceKind = 'backlog' | 'io' | 'cpu' | 'gil' | 'core';
export interface Slice {
  client: number;
  start: number;
  end: number;
  kind: SliceKind;
}
export interface ClientTimes {
  arrive: number;
  /** When its handler started (accept + handle). */
  start: number;
  finish: number;
}
export interface TimelineEvent {
  t: number;
  kind: 'arrive' | 'start' | 'finish';
  clients: number[];
}
export interface Timeline {
  scenario: Scenario;
  slices: Slice[];
  clients: ClientTimes[];
  /** When the last client is done. */
  total: number;
  /** The player's steps: events at one time and of one kind together, in time order (finishes before starts). */
  events: TimelineEvent[];
}

/** Why a server cannot run on a platform, or null. */
export function unavailable(server: ServerKind, platform: Platform): 'no-fork' | null {
  return server === 'forking' && platform === 'windows' ? 'no-fork' : null;
}

export type Check = { ok: true } | { ok: false; field: 'clients' | 'need' | 'arrival' | 'cores' | 'platform' };
export function checkScenario(s: Scenario): Check {
  const int = (v: number, r: { min: number; max: number }) => Number.isInteger(v) && v >= r.min && v <= r.max;
  if (s.arrivals.length < LIMITS.clients.min || s.arrivals.length > LIMITS.clients.max) return { ok: false, field: 'clients' };
  if (!s.arrivals.every((a) => int(a, LIMITS.arrival))) return { ok: false, field: 'arrival' };
  if (!int(s.need, LIMITS.need)) return { ok: false, field: 'need' };
  if (!int(s.cores, LIMITS.cores)) return { ok: false, field: 'cores' };
  if (unavailable(s.server, s.platform)) return { ok: false, field: 'platform' };
  return { ok: true };
}

/** Merges per-tick states into slices. */
function slicesOf(ticks: Array<Array<SliceKind | null>>): Slice[] {
  const out: Slice[] = [];
  ticks.forEach((row, client) => {
    row.forEach((kind, t) => {
      if (!kind) return;
      const last = out[out.length - 1];
      if (last && last.client === client && last.kind === kind && last.end === t) last.end = t + 1;
      else out.push({ client, start: t, end: t + 1, kind });
    });
  });
  return out.sort((a, b) => a.client - b.client || a.start - b.start);
}

/** The whole timeline of a scenario. Throws a RangeError for a scenario checkScenario refuses. */
export function simulate(s: Scenario): Timeline {
  const c = checkScenario(s);
  if (!c.ok) throw new RangeError(`socketserver scenario refused: ${c.field}`);
  const n = s.arrivals.length;
  // Arrival order (ties by index): the order of the backlog and of the GIL's queue.
  const order = [...s.arrivals.keys()].sort((a, b) => s.arrivals[a]! - s.arrivals[b]! || a - b);
  const horizon = Math.max(...s.arrivals) + n * s.need + 1;
  const ticks: Array<Array<SliceKind | null>> = Array.from({ length: n }, () => Array<SliceKind | null>(horizon).fill(null));
  const times: ClientTimes[] = s.arrivals.map((a) => ({ arrive: a, start: a, finish: a }));
  const busy: SliceKind = s.work === 'io' ? 'io' : 'cpu';

  if (s.server === 'tcp') {
    let free = 0;
    for (const i of order) {
      const start = Math.max(free, s.arrivals[i]!);
      for (let t = s.arrivals[i]!; t < start; t++) ticks[i]![t] = 'backlog';
      for (let t = start; t < start + s.need; t++) ticks[i]![t] = busy;
      times[i] = { arrive: s.arrivals[i]!, start, finish: start + s.need };
      free = start + s.need;
    }
  } else if (s.work === 'io') {
    for (const i of order) {
      for (let t = s.arrivals[i]!; t < s.arrivals[i]! + s.need; t++) ticks[i]![t] = 'io';
      times[i] = { arrive: s.arrivals[i]!, start: s.arrivals[i]!, finish: s.arrivals[i]! + s.need };
    }
  } else {
    // CPU work: `slots` run each tick (1 under the GIL, the cores for processes); the rest wait their turn.
    const slots = s.server === 'threading' ? 1 : s.cores;
    const left = Array<number>(n).fill(s.need);
    const queue: number[] = [];
    let pending = [...order];
    for (let t = 0; pending.length || queue.length; t++) {
      for (const i of pending.filter((i) => s.arrivals[i] === t)) queue.push(i);
      pending = pending.filter((i) => s.arrivals[i]! > t);
      const running = queue.slice(0, slots);
      for (const i of queue) ticks[i]![t] = running.includes(i) ? 'cpu' : s.server === 'threading' ? 'gil' : 'core';
      queue.splice(0, running.length);
      for (const i of running) {
        left[i]!--;
        if (left[i] === 0) times[i]!.finish = t + 1;
        else queue.push(i);
      }
    }
  }

  const events: TimelineEvent[] = [];
  const add = (t: number, kind: TimelineEvent['kind'], i: number) => {
    const e = events.find((x) => x.t === t && x.kind === kind);
    if (e) e.clients.push(i);
    else events.push({ t, kind, clients: [i] });
  };
  for (const i of order) add(times[i]!.arrive, 'arrive', i);
  for (const i of order) add(times[i]!.start, 'start', i);
  for (const i of order) add(times[i]!.finish, 'finish', i);
  const rank = { finish: 0, arrive: 1, start: 2 };
  events.sort((a, b) => a.t - b.t || rank[a.kind] - rank[b.kind]);
  return { scenario: s, slices: slicesOf(ticks), clients: times, total: Math.max(...times.map((x) => x.finish)), events };
}

/** Whether two clients were being served at the same time (their [start, finish) intervals meet). */
export const overlaps = (a: ClientTimes, b: ClientTimes): boolean => a.start < b.finish && b.start < a.finish;

const base = { arrivals: [0, 0, 0], need: 3, cores: 4, platform: 'linux' } as const;
export const PRESETS = {
  'io-tcp': { ...base, server: 'tcp', work: 'io' },
  'io-threading': { ...base, server: 'threading', work: 'io' },
  'io-forking': { ...base, server: 'forking', work: 'io' },
  'cpu-threading': { ...base, server: 'threading', work: 'cpu' },
  'cpu-forking': { ...base, server: 'forking', work: 'cpu' },
} as const satisfies Record<string, Omit<Scenario, 'arrivals'> & { arrivals: readonly number[] }>;
export type PresetName = keyof typeof PRESETS;
export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];
export const preset = (p: PresetName): Scenario => ({ ...PRESETS[p], arrivals: [...PRESETS[p].arrivals] });

const SERVER_CODE: Record<ServerKind, string> = { tcp: 't', threading: 'h', forking: 'f' };
const PLATFORM_CODE: Record<Platform, string> = { linux: 'l', macos: 'm', windows: 'w' };
const key = <T extends string>(m: Record<T, string>, v: string) => (Object.keys(m) as T[]).find((k) => m[k] === v);

/** The link state: server.work.arrivals.need.cores.platform.step, e.g. t.i.000.3.4.l.2 */
export function encodeState(s: Scenario, step: number): string {
  return `${SERVER_CODE[s.server]}.${s.work === 'io' ? 'i' : 'c'}.${s.arrivals.join('-')}.${s.need}.${s.cores}.${PLATFORM_CODE[s.platform]}.${step}`;
}

export function decodeState(v: string): { ok: true; scenario: Scenario; step: number } | { ok: false } {
  const m = /^([thf])\.([ic])\.(\d{1,2}(?:-\d{1,2}){2,4})\.(\d)\.(\d)\.([lmw])\.(\d{1,2})$/.exec(v);
  if (!m) return { ok: false };
  const s: Scenario = {
    server: key(SERVER_CODE, m[1]!)!,
    work: m[2] === 'i' ? 'io' : 'cpu',
    arrivals: m[3]!.split('-').map(Number),
    need: Number(m[4]),
    cores: Number(m[5]),
    platform: key(PLATFORM_CODE, m[6]!)!,
  };
  if (!checkScenario(s).ok) return { ok: false };
  const step = Number(m[7]);
  if (step > simulate(s).events.length) return { ok: false };
  return { ok: true, scenario: s, step };
}

export function presetOf(s: Scenario): PresetName | null {
  return PRESET_NAMES.find((p) => encodeState(preset(p), 0) === encodeState(s, 0)) ?? null;
}
