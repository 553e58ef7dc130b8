// W12, the process state diagram (course brief §3; OSTEP ch. 4, Fig. 4.2 with New and Terminated).
// A process is New, Ready, Running, Blocked or Terminated, and moves only along six edges:
// New→Ready (admit), Ready→Running (dispatch), Running→Ready (timer interrupt, or it yields),
// Running→Blocked (a blocking call: input, sleep, accept, recv), Blocked→Ready (the event it waited
// for happens), Running→Terminated (exit). Anything else is refused with the reason, and a core
// runs one process at a time: dispatching when every core is busy is refused (a running process
// leaves its core only by its own call or exit, or by the timer interrupt). Pure: no DOM.

export type PState = 'new' | 'ready' | 'running' | 'blocked' | 'terminated';
export const STATES: readonly PState[] = ['new', 'ready', 'running', 'blocked', 'terminated'];

/** The blocking calls of the picture: what a Blocked process waits in. */
export type Call = 'recv' | 'input' | 'sleep' | 'accept';
export const CALLS: readonly Call[] = ['recv', 'input', 'sleep', 'accept'];

/** What happens to a process: each is one edge, from one state (the transitions table). */
export type PEvent = 'admit' | 'dispatch' | 'timeout' | 'yield' | Call | 'wake' | 'exit';
export const EVENTS: readonly PEvent[] = ['admit', 'dispatch', 'timeout', 'yield', 'recv', 'input', 'sleep', 'accept', 'wake', 'exit'];

export interface Transition {
  event: PEvent;
  from: PState;
  to: PState;
}

/** Every legal edge. An event not in this table from a state is refused there. */
export const TRANSITIONS: readonly Transition[] = [
  { event: 'admit', from: 'new', to: 'ready' },
  { event: 'dispatch', from: 'ready', to: 'running' },
  { event: 'timeout', from: 'running', to: 'ready' },
  { event: 'yield', from: 'running', to: 'ready' },
  ...CALLS.map((c): Transition => ({ event: c, from: 'running', to: 'blocked' })),
  { event: 'wake', from: 'blocked', to: 'ready' },
  { event: 'exit', from: 'running', to: 'terminated' },
];

export const isCall = (e: PEvent): e is Call => (CALLS as readonly string[]).includes(e);

/** Why a move is refused (the widget's words say it in the reader's language). */
export type Refusal =
  | 'ended' // Terminated: nothing leaves it
  | 'admit-first' // New → Running, New → Blocked, …: it must be admitted to Ready first
  | 'blocked-running' // Blocked → Running: the event puts it in Ready, the scheduler decides
  | 'already-running' // dispatch a Running process
  | 'already-admitted' // admit a process that is not New
  | 'not-running' // a call, a timer interrupt, a yield or an exit of a process not on a CPU
  | 'not-blocked' // an event for a process that waits for nothing
  | 'core-busy'; // dispatch while every core runs someone

export interface Proc {
  state: PState;
  /** The core it runs on (Running only). */
  core?: number;
  /** What it waits in (Blocked only). */
  call?: Call;
}

export interface World {
  cores: 1 | 2;
  procs: Proc[];
}

export interface Move {
  p: number;
  event: PEvent;
}

export type Outcome =
  | { ok: true; world: World; from: PState; to: PState; core?: number; call?: Call }
  | { ok: false; reason: Refusal; from: PState; to?: PState; busy?: number[] };

export const PROCS = 3;
export const start = (cores: 1 | 2 = 1, n = PROCS): World => ({ cores, procs: Array.from({ length: n }, () => ({ state: 'new' as const })) });

/** The edge `event` names from `state`, if it is legal there. */
export const edgeOf = (state: PState, event: PEvent): Transition | undefined => TRANSITIONS.find((t) => t.from === state && t.event === event);

/** The state an event would lead to from anywhere (every event has one target). */
export const targetOf = (event: PEvent): PState => TRANSITIONS.find((t) => t.event === event)!.to;

/** Why `event` cannot happen to a process in `state` (the table has no such edge). */
export function refusalOf(state: PState, event: PEvent): Refusal {
  if (state === 'terminated') return 'ended';
  if (event === 'admit') return 'already-admitted';
  if (event === 'dispatch') return state === 'new' ? 'admit-first' : state === 'blocked' ? 'blocked-running' : 'already-running';
  if (event === 'wake') return state === 'new' ? 'admit-first' : 'not-blocked';
  return state === 'new' ? 'admit-first' : 'not-running';
}

/** Which processes hold each core (index: core). */
export const coreHolders = (w: World): Array<number | undefined> =>
  Array.from({ length: w.cores }, (_, c) => {
    const i = w.procs.findIndex((p) => p.state === 'running' && p.core === c);
    return i < 0 ? undefined : i;
  });

/** What `event` does to process `p`: the new world, or the reason it is refused. */
export function apply(w: World, { p, event }: Move): Outcome {
  const proc = w.procs[p];
  if (!proc) throw new RangeError(`no process ${p}`);
  const from = proc.state;
  const edge = edgeOf(from, event);
  if (!edge) return { ok: false, reason: refusalOf(from, event), from, to: targetOf(event) };
  let next: Proc;
  if (edge.to === 'running') {
    const holders = coreHolders(w);
    const free = holders.findIndex((h) => h === undefined);
    if (free < 0) return { ok: false, reason: 'core-busy', from, to: 'running', busy: holders as number[] };
    next = { state: 'running', core: free };
  } else if (edge.to === 'blocked') next = { state: 'blocked', call: event as Call };
  else next = { state: edge.to };
  const procs = w.procs.map((q, i) => (i === p ? next : q));
  return { ok: true, world: { ...w, procs }, from, to: edge.to, core: from === 'running' ? proc.core : next.core, call: from === 'blocked' ? proc.call : next.call };
}

/** The events that are legal for `p` now (the edges out of its state, dispatch only with a free core). */
export function legal(w: World, p: number): PEvent[] {
  return EVENTS.filter((e) => apply(w, { p, event: e }).ok);
}

/** Plays `moves` from `w`; null if one is refused (a link must name legal moves only). */
export function replay(w: World, moves: readonly Move[]): World[] | null {
  const out = [w];
  for (const m of moves) {
    if (!(m.p >= 0 && m.p < w.procs.length)) return null;
    const o = apply(out[out.length - 1]!, m);
    if (!o.ok) return null;
    out.push(o.world);
  }
  return out;
}

// ---- presets: the example the reader can play move by move (or leave at any point)

export interface Preset {
  cores: 1 | 2;
  /** Moves made before the example starts (the reader sees them as history). */
  setup: Move[];
  /** The example's moves, one per "next" press; an illegal one is refused and explained. */
  script: Move[];
}
export type PresetName = 'recv' | 'timer' | 'blocked-running' | 'new-running';
export const PRESET_NAMES: readonly PresetName[] = ['recv', 'timer', 'blocked-running', 'new-running'];
const m = (p: number, event: PEvent): Move => ({ p, event });

export const PRESETS: Record<PresetName, Preset> = {
  // P1 calls recv and waits for data; P2 gets the core meanwhile; the data comes: P1 is Ready, not Running; it runs once P2's slice ends.
  recv: { cores: 1, setup: [m(0, 'admit'), m(1, 'admit'), m(0, 'dispatch')], script: [m(0, 'recv'), m(1, 'dispatch'), m(0, 'wake'), m(1, 'timeout'), m(0, 'dispatch'), m(0, 'exit')] },
  // Three compute-bound processes take turns on one core: each slice ends in a timer interrupt.
  timer: {
    cores: 1,
    setup: [m(0, 'admit'), m(1, 'admit'), m(2, 'admit')],
    script: [m(0, 'dispatch'), m(0, 'timeout'), m(1, 'dispatch'), m(1, 'timeout'), m(2, 'dispatch'), m(2, 'timeout'), m(0, 'dispatch'), m(1, 'dispatch')],
  },
  // P1 waits in recv, P2 runs: the data arrives and someone tries to run P1 at once.
  'blocked-running': { cores: 1, setup: [m(0, 'admit'), m(1, 'admit'), m(0, 'dispatch'), m(0, 'recv'), m(1, 'dispatch')], script: [m(0, 'dispatch'), m(0, 'wake'), m(0, 'dispatch'), m(1, 'timeout'), m(0, 'dispatch')] },
  // P3 has just been created and someone tries to run it straight away.
  'new-running': { cores: 2, setup: [m(0, 'admit'), m(0, 'dispatch')], script: [m(2, 'dispatch'), m(2, 'admit'), m(2, 'dispatch')] },
};

// ---- the state in a link: <cores>.<selected>.<moves>[.<preset>.<next>]
// moves: two characters each, the process (1–3) and the event's letter. The whole history is in the
// link (the world is its replay), up to MAX_MOVES moves.

export const MAX_MOVES = 120;
const LETTER: Record<PEvent, string> = { admit: 'a', dispatch: 'd', timeout: 't', yield: 'y', recv: 'r', input: 'i', sleep: 's', accept: 'c', wake: 'w', exit: 'x' };
const EVENT_OF = Object.fromEntries(Object.entries(LETTER).map(([e, l]) => [l, e as PEvent])) as Record<string, PEvent>;
const PRESET_CODE: Record<PresetName, string> = { recv: 'r', timer: 't', 'blocked-running': 'b', 'new-running': 'n' };

export interface LabState {
  cores: 1 | 2;
  /** The process the diagram shows. */
  selected: number;
  /** Every legal move so far, from all New. */
  moves: Move[];
  /** The example being played and its next move's index, if any. */
  preset?: PresetName;
  next?: number;
}

export const DEFAULT_STATE: LabState = { cores: 1, selected: 0, moves: [] };

export function encodeState(s: LabState): string {
  const moves = s.moves.map((x) => `${x.p + 1}${LETTER[x.event]}`).join('');
  const tail = s.preset ? `.${PRESET_CODE[s.preset]}${s.next ?? 0}` : '';
  return `${s.cores}.${s.selected + 1}.${moves || '-'}${tail}`;
}

export function decodeState(v: string): LabState | null {
  const r = /^([12])\.([1-3])\.(-|(?:[1-3][adtyriscwx])+)(?:\.([rtbn])(\d{1,2}))?$/.exec(v);
  if (!r) return null;
  const cores = Number(r[1]) as 1 | 2;
  const moves: Move[] = r[3] === '-' ? [] : (r[3]!.match(/../g) ?? []).map((x) => ({ p: Number(x[0]) - 1, event: EVENT_OF[x[1]!]! }));
  if (moves.length > MAX_MOVES || !replay(start(cores), moves)) return null;
  const s: LabState = { cores, selected: Number(r[2]) - 1, moves };
  if (r[4]) {
    const preset = PRESET_NAMES.find((n) => PRESET_CODE[n] === r[4])!;
    const next = Number(r[5]);
    const p = PRESETS[preset];
    if (p.cores !== cores || next > p.script.length) return null;
    // While an example is on, the moves are its setup and the legal ones of its script so far.
    let w = replay(start(cores), p.setup)?.at(-1);
    const made = [...p.setup];
    for (const m of p.script.slice(0, next)) {
      const o = w && apply(w, m);
      if (o && o.ok) {
        w = o.world;
        made.push(m);
      }
    }
    if (encodeState({ ...s, moves: made }) !== encodeState({ ...s, moves })) return null;
    s.preset = preset;
    s.next = next;
  }
  return s;
}

/** The state a preset starts from: its setup made, its first move next. */
export function presetState(name: PresetName): LabState {
  const p = PRESETS[name];
  return { cores: p.cores, selected: (p.script[0] ?? p.setup[0]!).p, moves: [...p.setup], preset: name, next: 0 };
}
