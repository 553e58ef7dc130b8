// W15 process lifecycle (chapter 10): a multiprocessing.Process driven call by call from its parent,
// as CPython behaves, and which start method a platform and a Python version use by default.
//  - defaultMethod(): Windows spawn; macOS spawn from 3.8 (fork before); Linux and other POSIX fork
//    up to 3.13, forkserver from 3.14.
//  - unguarded(): a script that starts a process at module top level, without the __main__ guard:
//    fine under fork; under spawn (and forkserver before 3.13.8 / 3.14.1) the child re-imports the
//    script, reaches start() while bootstrapping, raises RuntimeError and exits with code 1; under a
//    forkserver that preloads __main__ (3.13.8+, 3.14.1+) the server fails and the parent's start()
//    raises EOFError.
//  - runLifecycle(): the reader's calls one by one (start, join, terminate, kill, is_alive, daemon =
//    True, a tick of waiting, the end of the parent's code), each with what it returns or raises and
//    the child's state after it. The child's target works for `work` ticks, then returns.
// Messages are CPython's own (checked against real runs in tests/unit/lifecycle-model.test.ts).

export type Platform = 'linux' | 'macos' | 'windows';
export type Method = 'fork' | 'spawn' | 'forkserver';
export const PLATFORMS: readonly Platform[] = ['linux', 'macos', 'windows'];
/** The versions the picker offers: each is where some default or behaviour changes. */
export const VERSIONS = ['3.7', '3.8', '3.12', '3.13.7', '3.13.8', '3.14.0', '3.14.1'] as const;
export type Version = (typeof VERSIONS)[number];

const parse = (v: string): [number, number, number] => {
  const [a = 0, b = 0, c = 0] = v.split('.').map(Number);
  return [a, b, c];
};
const atLeast = (v: string, w: string) => {
  const [a, b, c] = parse(v);
  const [x, y, z] = parse(w);
  return a !== x ? a > x : b !== y ? b > y : c >= z;
};

/** The start method multiprocessing uses when the program does not choose one. */
export function defaultMethod(platform: Platform, version: string): Method {
  if (platform === 'windows') return 'spawn';
  if (platform === 'macos') return atLeast(version, '3.8') ? 'spawn' : 'fork';
  return atLeast(version, '3.14') ? 'forkserver' : 'fork';
}

/** Start methods a platform has at all (Windows has no fork). */
export const methodsOn = (platform: Platform): Method[] => (platform === 'windows' ? ['spawn'] : ['fork', 'spawn', 'forkserver']);

/** Does the fork server preload __main__ (GH-135295: 3.13.8+ in 3.13, 3.14.1+ in 3.14, later)? */
export function preloadsMain(version: string): boolean {
  const [a, b, c] = parse(version);
  if (a !== 3) return a > 3;
  return b > 14 || (b === 14 && c >= 1) || (b === 13 && c >= 8);
}

export type Unguarded =
  | { kind: 'runs' }
  /** The child re-imports the script and fails in start(): RuntimeError, exit code 1; the parent carries on. */
  | { kind: 'child-fails'; error: 'RuntimeError'; exitcode: 1 }
  /** The fork server fails while preloading the script; the parent's start() raises EOFError. */
  | { kind: 'parent-fails'; error: 'EOFError' };

export function unguarded(method: Method, version: string): Unguarded {
  if (method === 'fork') return { kind: 'runs' };
  if (method === 'forkserver' && preloadsMain(version)) return { kind: 'parent-fails', error: 'EOFError' };
  return { kind: 'child-fails', error: 'RuntimeError', exitcode: 1 };
}

// ---------------------------------------------------------------------------------------------

export type Action = 'daemon' | 'start' | 'is_alive' | 'join' | 'terminate' | 'kill' | 'wait' | 'end';
export const ACTIONS: readonly Action[] = ['daemon', 'start', 'is_alive', 'join', 'terminate', 'kill', 'wait', 'end'];

/**
 * The child as its parent's Process object sees it:
 * created (not started), running, signalled (SIGTERM/SIGKILL sent, not yet dead), failed (a
 * bootstrap error: it is about to exit with code 1), exited (dead; exitcode known), none after main ends.
 */
export type ChildState = 'created' | 'running' | 'signalled' | 'failed' | 'exited';
export interface Scenario {
  platform: Platform;
  version: Version;
  /** Is the process started under `if __name__ == '__main__':`? */
  guarded: boolean;
  /** Ticks of work the child's target does before it returns. */
  work: number;
  actions: Action[];
}

export type Outcome =
  | { returns: 'None' | 'True' | 'False' }
  | { raises: string; message: string }
  /** The call was not made: the parent's code has already ended. */
  | { refused: 'ended' };

export interface LStep {
  action: Action;
  /** Ticks when the call began and when it returned (join and the end of main can wait). */
  t0: number;
  t1: number;
  outcome: Outcome;
  /** After the call. */
  child: ChildState;
  daemon: boolean;
  exitcode: number | null;
  /** The child's work left (ticks), after the call. */
  left: number;
  /** Something the child did during the call: it finished its work, died of a signal, failed to bootstrap. */
  childEvent?: 'returned' | 'signal' | 'bootstrap-error';
  /** A race: is_alive() right after terminate() or kill() is usually True, but may already be False. */
  racy?: boolean;
  parentEnded: boolean;
}
export interface Lifecycle {
  scenario: Scenario;
  method: Method;
  steps: LStep[];
}

export const LIMITS = { work: { min: 1, max: 9 }, actions: 24 } as const;
const SIGTERM = 15;
const SIGKILL = 9;

export function runLifecycle(sc: Scenario): Lifecycle {
  const method = defaultMethod(sc.platform, sc.version);
  const bad = unguarded(method, sc.version);
  const failsToStart = !sc.guarded && bad.kind === 'parent-fails';
  const childFails = !sc.guarded && bad.kind === 'child-fails';
  let child = 'created' as ChildState;
  let daemon = false;
  let exitcode: number | null = null;
  let pending: number | null = null; // the exit code a signalled or failing child will have
  let left = sc.work;
  let t = 0;
  let ended = false;
  // Windows: terminate() and kill() are both TerminateProcess(handle, 0x10000), which
  // multiprocessing reports as -SIGTERM.
  const sig = (a: 'terminate' | 'kill') => -(sc.platform === 'windows' || a === 'terminate' ? SIGTERM : SIGKILL);

  /** Time passes for the child: one tick. */
  const tick = (): LStep['childEvent'] => {
    t++;
    if (child === 'running') {
      left--;
      if (left === 0) {
        child = 'exited';
        exitcode = 0;
        return 'returned';
      }
    } else if (child === 'signalled' || child === 'failed') {
      const was = child;
      child = 'exited';
      exitcode = pending;
      return was === 'failed' ? 'bootstrap-error' : 'signal';
    }
    return undefined;
  };
  const steps: LStep[] = [];
  for (const action of sc.actions) {
    const t0 = t;
    let outcome: Outcome = { returns: 'None' };
    let childEvent: LStep['childEvent'];
    let racy = false;
    const raise = (raises: string, message: string) => (outcome = { raises, message });
    if (ended) outcome = { refused: 'ended' };
    else
      switch (action) {
        case 'daemon':
          if (child !== 'created') raise('AssertionError', 'process has already started');
          else daemon = true;
          break;
        case 'start':
          if (child !== 'created') raise('AssertionError', 'cannot start a process twice');
          else if (failsToStart) raise('EOFError', 'unexpected EOF'); // forkserver.read_signed()
          else if (childFails) {
            child = 'failed';
            pending = 1;
          } else child = 'running';
          break;
        case 'is_alive':
          outcome = { returns: child === 'created' || child === 'exited' ? 'False' : 'True' };
          racy = child === 'signalled';
          break;
        case 'join':
          if (child === 'created') raise('AssertionError', 'can only join a started process');
          else while ((child as ChildState) !== 'exited') childEvent = tick() ?? childEvent;
          break;
        case 'terminate':
        case 'kill':
          if (child === 'created') raise('AttributeError', `'NoneType' object has no attribute '${action}'`);
          else if (child === 'running' || child === 'failed') {
            child = 'signalled';
            pending = sig(action);
          }
          // Signalled or exited already: the call changes nothing.
          break;
        case 'wait':
          childEvent = tick();
          break;
        case 'end':
          // multiprocessing's exit handler: terminate the daemonic children, then join every child.
          if (daemon && child === 'running') {
            child = 'signalled';
            pending = -SIGTERM;
          }
          if (child !== 'created') while ((child as ChildState) !== 'exited') childEvent = tick() ?? childEvent;
          ended = true;
          break;
      }
    steps.push({ action, t0, t1: t, outcome, child, daemon, exitcode, left, ...(childEvent ? { childEvent } : {}), ...(racy ? { racy } : {}), parentEnded: ended });
  }
  return { scenario: sc, method, steps };
}

// ---------------------------------------------------------------------------------------------
// Presets and the state in a link.

export const PRESET_NAMES = ['join', 'terminate', 'daemon', 'daemon-late', 'unguarded'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];
const BASE: Scenario = { platform: 'linux', version: '3.12', guarded: true, work: 3, actions: [] };
const PRESETS: Record<PresetName, Scenario> = {
  join: { ...BASE, actions: ['start', 'is_alive', 'join', 'is_alive'] },
  terminate: { ...BASE, work: 6, actions: ['start', 'wait', 'terminate', 'is_alive', 'join', 'is_alive'] },
  daemon: { ...BASE, work: 6, actions: ['daemon', 'start', 'wait', 'end'] },
  'daemon-late': { ...BASE, actions: ['start', 'daemon', 'end'] },
  unguarded: { ...BASE, platform: 'windows', guarded: false, actions: ['start', 'is_alive', 'join'] },
};
export const preset = (p: PresetName): Scenario => ({ ...PRESETS[p], actions: [...PRESETS[p].actions] });
export function presetOf(s: Scenario): PresetName | null {
  return PRESET_NAMES.find((p) => encodeState(preset(p), 0) === encodeState(s, 0)) ?? null;
}

const ACTION_CODE: Record<Action, string> = { daemon: 'd', start: 's', is_alive: 'a', join: 'j', terminate: 't', kill: 'k', wait: 'w', end: 'e' };
const PLATFORM_CODE: Record<Platform, string> = { linux: 'l', macos: 'm', windows: 'w' };

export function encodeState(s: Scenario, step: number): string {
  return `${PLATFORM_CODE[s.platform]}.${s.version.replace(/\./g, '-')}.${s.guarded ? 'g' : 'u'}.${s.work}.${s.actions.map((a) => ACTION_CODE[a]).join('') || '-'}.${step}`;
}

export function decodeState(v: string): { ok: true; scenario: Scenario; step: number } | { ok: false } {
  const m = /^([lmw])\.(\d-\d{1,2}(?:-\d{1,2})?)\.([gu])\.(\d)\.([dsajtkwe]{1,24}|-)\.(\d{1,2})$/.exec(v);
  if (!m) return { ok: false };
  const version = m[2]!.replace(/-/g, '.') as Version;
  if (!VERSIONS.includes(version)) return { ok: false };
  const work = Number(m[4]);
  if (work < LIMITS.work.min || work > LIMITS.work.max) return { ok: false };
  const codes = Object.fromEntries(Object.entries(ACTION_CODE).map(([a, c]) => [c, a as Action]));
  const actions = m[5] === '-' ? [] : [...m[5]!].map((c) => codes[c]!);
  const step = Number(m[6]);
  if (step > actions.length) return { ok: false };
  const platform = (Object.keys(PLATFORM_CODE) as Platform[]).find((p) => PLATFORM_CODE[p] === m[1])!;
  return { ok: true, scenario: { platform, version, guarded: m[3] === 'g', work, actions }, step };
}
