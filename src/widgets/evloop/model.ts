// The event loop (chapter 14): content/examples/asyncio_echo.py's server, one thread, three clients.
// Each connection has a handler task
//     async def handle(reader, writer):
//         while line := await reader.readline():
//             [time.sleep(d) | await asyncio.sleep(d)]   # the slow handler, on its first line only
//             writer.write(line)
//             await writer.drain()                        # the buffer is never full here: no wait
//         writer.close()
// and every task starts suspended at `await reader.readline()` (start_server accepted the three
// connections and ran each handler up to there). A client sends its first line at its arrival
// tick, each next line when the previous echo arrives, and closes after its last echo.
//
// The loop, as asyncio's BaseEventLoop._run_once does it: select() (waiting, when nothing is ready,
// until a socket is readable or the next timer is due) puts the tasks of readable sockets and then
// of expired timers in the ready queue; then it runs those ready tasks one at a time, each until its
// next `await` suspends it (or it ends). A run of handler code costs one tick; time.sleep(d) keeps
// the thread d ticks longer, so data arriving meanwhile waits in its socket; await asyncio.sleep(d)
// suspends the task with a timer d ticks ahead and the loop goes on. (asyncio wakes a task through
// a protocol callback and a future; the model folds that into "the task is ready".)
// Pure and deterministic: a scenario in, the whole trace out (one step per select or task run).

export type SlowKind = 'none' | 'asyncio' | 'time';
export interface Scenario {
  /** The tick each client (C1, C2, C3) sends its first line. */
  arrivals: number[];
  /** Lines each client sends (one after another, each after the previous echo). */
  lines: number;
  /** What the slow handler does on its first line. */
  slow: SlowKind;
  /** Whose handler is slow (0-based: 0 is C1). */
  slowClient: number;
  /** How long it sleeps, in ticks. */
  sleep: number;
}

export const CLIENTS = 3;
export const LIMITS = { arrival: { min: 0, max: 40 }, sleep: { min: 1, max: 40 }, lines: { min: 1, max: 3 } } as const;
export type Field = 'arrival' | 'sleep' | 'lines' | 'slowClient';
export type Problem = 'nan' | 'negative' | 'fraction' | 'big';

/** Why a typed value cannot be used, or null. */
export function checkValue(field: 'arrival' | 'sleep' | 'lines', v: number): Problem | null {
  const r = LIMITS[field];
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'nan' : 'big';
  if (v < 0) return 'negative';
  if (!Number.isInteger(v)) return 'fraction';
  if (v > r.max) return 'big';
  if (v < r.min) return 'negative';
  return null;
}

export function checkScenario(s: Scenario): { field: Field; problem: Problem } | null {
  if (s.arrivals.length !== CLIENTS) return { field: 'arrival', problem: 'nan' };
  for (const a of s.arrivals) {
    const p = checkValue('arrival', a);
    if (p) return { field: 'arrival', problem: p };
  }
  for (const f of ['sleep', 'lines'] as const) {
    const p = checkValue(f, s[f]);
    if (p) return { field: f, problem: p };
  }
  if (!Number.isInteger(s.slowClient) || s.slowClient < 0 || s.slowClient >= CLIENTS) return { field: 'slowClient', problem: 'big' };
  if (!['none', 'asyncio', 'time'].includes(s.slow)) return { field: 'slowClient', problem: 'nan' };
  return null;
}

/** Where a task is: running, in the ready queue, suspended at one of its awaits, or done. */
export type TaskState = { state: 'running' | 'ready' | 'done' } | { state: 'suspended'; at: 'read' } | { state: 'suspended'; at: 'sleep'; wake: number };
export interface ClientState {
  /** Lines (and bytes) sent so far, and echoed back so far. */
  sent: number;
  echoed: number;
  sentBytes: number;
  echoedBytes: number;
  /** Ticks spent so far between sending a line and getting its echo (a line still out counts up to now). */
  waited: number;
  /** Sent a line whose echo has not come yet. */
  waiting: boolean;
  closed: boolean;
}
/** What one run of a task did, in order. */
export type Did = 'read' | 'eof' | 'time-sleep' | 'asyncio-sleep' | 'woke' | 'echo' | 'close';
export type Action =
  | { kind: 'start' }
  /** select(): `waited` ticks idle first; the tasks its readable sockets and expired timers made ready. */
  | { kind: 'select'; waited: number; readable: number[]; timers: number[] }
  | { kind: 'run'; task: number; line: number | null; did: Did[]; blocked: number; until: 'read' | 'sleep' | 'done' };
export interface Step {
  /** When the step began and ended (ticks). */
  start: number;
  t: number;
  action: Action;
  /** The loop's phase during the step. */
  phase: 'start' | 'select' | 'timers' | 'run';
  /** The ready queue after the step, head first (task = client index). */
  ready: number[];
  tasks: TaskState[];
  /** Sockets registered with the selector (their tasks wait in `await reader.readline()`). */
  registered: number[];
  /** Sockets holding unread data or an unread close at the step's end. */
  readable: number[];
  timers: Array<{ task: number; at: number }>;
  clients: ClientState[];
}
/** Who held the thread over [start, end): a task (its own code, or time.sleep), or nobody (the loop idle in select). */
export interface Slice {
  task: number | null;
  start: number;
  end: number;
  kind: 'run' | 'time-sleep' | 'idle';
}
/** A line echoed: which client, which line, sent when, echoed when. */
export interface Echo {
  client: number;
  line: number;
  sent: number;
  at: number;
}
export interface Trace {
  scenario: Scenario;
  steps: Step[];
  slices: Slice[];
  echoes: Echo[];
  end: number;
}

/** The bytes of a client's k-th line, as asyncio_echo.py sends them. */
export const lineText = (client: number, k: number): string => `client ${client + 1} line ${k}\n`;
const bytesOf = (client: number, k: number) => new TextEncoder().encode(lineText(client, k)).length;

interface Pending {
  line: number | 'eof';
  sent: number;
}

export function simulate(s: Scenario): Trace {
  const bad = checkScenario(s);
  if (bad) throw new RangeError(`event loop scenario refused: ${bad.field} (${bad.problem})`);
  let t = 0;
  const tasks: TaskState[] = Array.from({ length: CLIENTS }, () => ({ state: 'suspended', at: 'read' }));
  const clients: ClientState[] = Array.from({ length: CLIENTS }, () => ({ sent: 0, echoed: 0, sentBytes: 0, echoedBytes: 0, waited: 0, waiting: false, closed: false }));
  // What each socket holds, and what each client will send next and when.
  const sockets: Pending[][] = Array.from({ length: CLIENTS }, () => []);
  const nextSend: Array<{ line: number | 'eof'; at: number } | null> = s.arrivals.map((a) => ({ line: 0, at: a }));
  const sentAt: number[][] = Array.from({ length: CLIENTS }, () => []);
  let timers: Array<{ task: number; at: number }> = [];
  let ready: number[] = [];
  const steps: Step[] = [];
  const slices: Slice[] = [];
  const echoes: Echo[] = [];

  // Clients act on their own (other processes): whatever they send by time `now` is in the socket.
  const deliver = (now: number) => {
    for (let i = 0; i < CLIENTS; i++) {
      const n = nextSend[i];
      if (!n || n.at > now) continue;
      sockets[i]!.push({ line: n.line, sent: n.at });
      if (n.line === 'eof') clients[i]!.closed = true;
      else {
        clients[i]!.sent++;
        clients[i]!.sentBytes += bytesOf(i, n.line);
        clients[i]!.waiting = true;
        sentAt[i]![n.line] = n.at;
      }
      nextSend[i] = null;
    }
  };
  const readableNow = () => [...sockets.keys()].filter((i) => sockets[i]!.length > 0);
  const snapshot = (start: number, action: Action, phase: Step['phase']): void => {
    deliver(t);
    const cs = clients.map((c, i) => {
      const out = c.waiting ? t - (sentAt[i]![c.echoed] ?? t) : 0;
      return { ...c, waited: c.waited + out };
    });
    steps.push({
      start,
      t,
      action,
      phase,
      ready: [...ready],
      tasks: tasks.map((x) => ({ ...x })),
      registered: [...tasks.keys()].filter((i) => tasks[i]!.state === 'suspended' && (tasks[i] as { at: string }).at === 'read'),
      readable: readableNow(),
      timers: timers.map((x) => ({ ...x })),
      clients: cs,
    });
  };

  snapshot(0, { kind: 'start' }, 'start');
  for (let guard = 0; tasks.some((x) => x.state !== 'done'); guard++) {
    if (guard > 1000) throw new Error('event loop model: no progress');
    // select(): wait for a readable socket of a task waiting to read, or the next timer.
    const start = t;
    const waitingRead = () => readableNow().filter((i) => tasks[i]!.state === 'suspended' && (tasks[i] as { at: string }).at === 'read');
    deliver(t);
    if (!waitingRead().length && !timers.some((x) => x.at <= t)) {
      const next = Math.min(...nextSend.filter((n) => n !== null).map((n) => n!.at), ...timers.map((x) => x.at));
      if (!Number.isFinite(next)) throw new Error('event loop model: nothing left to wait for');
      t = next;
      deliver(t);
    }
    // In the order the sockets became readable, as epoll reports them (its ready list is first in,
    // first out) and asyncio runs their callbacks; a tie goes to the lower client.
    const readable = waitingRead().sort((a, b) => sockets[a]![0]!.sent - sockets[b]![0]!.sent || a - b);
    const due = timers.filter((x) => x.at <= t).sort((a, b) => a.at - b.at || a.task - b.task).map((x) => x.task);
    timers = timers.filter((x) => x.at > t);
    if (t > start) slices.push({ task: null, start, end: t, kind: 'idle' });
    for (const i of [...readable, ...due]) tasks[i] = { state: 'ready' };
    ready = [...readable, ...due];
    snapshot(start, { kind: 'select', waited: t - start, readable, timers: due }, readable.length ? 'select' : 'timers');

    // Run what select() made ready, one task at a time.
    while (ready.length) {
      const i = ready.shift()!;
      const from = t;
      const did: Did[] = [];
      let line: number | null = null;
      let blocked = 0;
      tasks[i] = { state: 'running' };
      const woke = due.includes(i);
      let until: 'read' | 'sleep' | 'done' = 'read';
      const echo = (k: number) => {
        did.push('echo');
        const sent = sentAt[i]![k]!;
        echoes.push({ client: i, line: k, sent, at: t });
        const c = clients[i]!;
        c.echoed++;
        c.echoedBytes += bytesOf(i, k);
        c.waiting = false;
        c.waited += t - sent;
        nextSend[i] = k + 1 < s.lines ? { line: k + 1, at: t } : { line: 'eof', at: t };
      };
      if (woke) {
        // Back from await asyncio.sleep(): write, drain, and read again.
        did.push('woke');
        line = 0;
        t += 1;
        echo(0);
      } else {
        const got = sockets[i]!.shift()!;
        if (got.line === 'eof') {
          did.push('eof', 'close');
          t += 1;
          until = 'done';
        } else {
          did.push('read');
          line = got.line;
          const slow = s.slow !== 'none' && i === s.slowClient && got.line === 0;
          if (slow && s.slow === 'asyncio') {
            did.push('asyncio-sleep');
            t += 1;
            timers.push({ task: i, at: t + s.sleep });
            until = 'sleep';
          } else {
            if (slow) {
              did.push('time-sleep');
              blocked = s.sleep;
            }
            t += 1 + blocked;
            echo(got.line);
          }
        }
      }
      slices.push({ task: i, start: from, end: t - blocked, kind: 'run' });
      if (blocked) slices.push({ task: i, start: t - blocked, end: t, kind: 'time-sleep' });
      tasks[i] = until === 'done' ? { state: 'done' } : until === 'sleep' ? { state: 'suspended', at: 'sleep', wake: timers.at(-1)!.at } : { state: 'suspended', at: 'read' };
      snapshot(from, { kind: 'run', task: i, line, did, blocked, until }, 'run');
    }
  }
  return { scenario: s, steps, slices, echoes, end: t };
}

export const PRESETS = {
  polite: { arrivals: [0, 1, 2], lines: 1, slow: 'none', slowClient: 0, sleep: 5 },
  'asyncio-sleep': { arrivals: [0, 1, 2], lines: 1, slow: 'asyncio', slowClient: 0, sleep: 5 },
  'time-sleep': { arrivals: [0, 1, 2], lines: 1, slow: 'time', slowClient: 0, sleep: 5 },
} as const satisfies Record<string, Omit<Scenario, 'arrivals'> & { arrivals: readonly number[] }>;
export type PresetName = keyof typeof PRESETS;
export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];
export const preset = (p: PresetName): Scenario => ({ ...PRESETS[p], arrivals: [...PRESETS[p].arrivals] });
export function presetOf(s: Scenario): PresetName | null {
  return PRESET_NAMES.find((p) => encodeState(preset(p), 0) === encodeState(s, 0)) ?? null;
}

const KIND_CODE: Record<SlowKind, string> = { none: 'n', asyncio: 'a', time: 't' };

/** The link state: slow.client.sleep.arrivals.lines.step, e.g. t.1.5.0-1-2.1.7 (client 1-based). */
export function encodeState(s: Scenario, step: number): string {
  return `${KIND_CODE[s.slow]}.${s.slowClient + 1}.${s.sleep}.${s.arrivals.join('-')}.${s.lines}.${step}`;
}

export function decodeState(v: string): { ok: true; scenario: Scenario; step: number } | { ok: false } {
  const m = /^([nat])\.([1-3])\.(\d{1,2})\.(\d{1,2})-(\d{1,2})-(\d{1,2})\.(\d)\.(\d{1,3})$/.exec(v);
  if (!m) return { ok: false };
  const scenario: Scenario = {
    slow: m[1] === 'n' ? 'none' : m[1] === 'a' ? 'asyncio' : 'time',
    slowClient: Number(m[2]) - 1,
    sleep: Number(m[3]),
    arrivals: [Number(m[4]), Number(m[5]), Number(m[6])],
    lines: Number(m[7]),
  };
  if (checkScenario(scenario)) return { ok: false };
  const step = Number(m[8]);
  if (step >= simulate(scenario).steps.length) return { ok: false };
  return { ok: true, scenario, step };
}
