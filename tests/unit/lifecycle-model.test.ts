// W15's model held to outside truth: the reader's calls on one Process made for real by python3 on
// this machine (tests/support/lifecycle_truth.py) under get_context('fork'), ('spawn') and
// ('forkserver'): what each call returns or raises (CPython's own messages), exitcode after it,
// is_alive() sequences, a daemon child ended with the parent's code; the unguarded script
// (content/examples/unguarded_spawn.py) under each method, and with GH-135295's preload put back;
// the default start method table against the CPython source and this machine.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { decodeState, defaultMethod, encodeState, preset, PRESET_NAMES, preloadsMain, runLifecycle, unguarded, VERSIONS, type Action, type Scenario } from '../../src/widgets/lifecycle/model.ts';
import { EXAMPLES, POSIX, runPython } from '../support/python.ts';
import { PY_VERSION, withPreloadFix } from '../examples/forkserver.ts';

const SCRIPT = join(process.cwd(), 'tests', 'support', 'lifecycle_truth.py');
const TICK = 0.25;
type Real = { returns?: string; raises?: string; message?: string; exitcode: number | null };

// Each sequence keeps a margin of at least a tick (0.25 s) between the child's end and any call that
// looks at it, so a slow spawn start on a busy machine cannot change the answer. The one true race,
// is_alive() right after terminate(), is marked racy by the model and allowed either answer.
const SEQUENCES: Array<[string, number, Action[]]> = [
  ['start, join, is_alive', 2, ['start', 'is_alive', 'join', 'is_alive', 'join']],
  ['terminate: is_alive briefly True, exitcode −15 after join', 8, ['start', 'wait', 'terminate', 'is_alive', 'join', 'is_alive', 'terminate']],
  ['a daemon child ends with the parent’s code', 8, ['daemon', 'start', 'daemon', 'end']],
  ['daemon after start raises; the parent waits for its normal child', 2, ['start', 'daemon', 'end']],
  ['calls before start, and kill: exitcode −9', 8, ['join', 'terminate', 'kill', 'is_alive', 'start', 'kill', 'join', 'start']],
  ['a child that has already returned: terminate changes nothing', 1, ['start', ...Array<Action>(12).fill('wait'), 'is_alive', 'terminate', 'join']],
  ['terminate twice, then kill after join', 8, ['start', 'terminate', 'terminate', 'join', 'kill']],
  ['the parent ends without starting it', 2, ['daemon', 'end']],
];

const model = (work: number, actions: Action[]) => runLifecycle({ platform: 'linux', version: '3.12', guarded: true, work, actions });

describe.skipIf(!POSIX)('runLifecycle against real multiprocessing', () => {
  for (const method of ['fork', 'spawn', 'forkserver'] as const)
    test(`${method}: every call of ${SEQUENCES.length} sequences returns or raises what the model says`, async () => {
      const runs = await Promise.all(
        SEQUENCES.map(([, work, actions]) => runPython([SCRIPT, JSON.stringify({ method, work, tick: TICK, actions })], { timeoutMs: 60_000 })),
      );
      let racy = 0;
      SEQUENCES.forEach(([name, work, actions], i) => {
        const r = runs[i]!;
        expect(r.stderr, name).toBe('');
        expect(r.leftBehind, name).toBe(false);
        const real = JSON.parse(r.stdout) as Real[];
        const steps = model(work, actions).steps;
        steps.forEach((s, k) => {
          const where = `${name}, call ${k} (${s.action})`;
          const o = s.outcome;
          if ('raises' in o) expect({ raises: real[k]!.raises, message: real[k]!.message }, where).toEqual({ raises: o.raises, message: o.message });
          else if ('returns' in o) {
            if (s.racy) {
              racy++;
              expect(['True', 'False'], where).toContain(real[k]!.returns);
            } else expect(real[k]!.returns, where).toBe(o.returns);
          }
          // A wait is only time passing: where the child's end falls among the waits is the race the
          // margins keep away from the calls that look (a tick's sleep vs. a spawn's start-up).
          if (s.action !== 'wait' && s.child !== 'signalled' && s.child !== 'failed') expect(real[k]!.exitcode, where).toBe(s.exitcode);
        });
      });
      expect(racy).toBe(1);
    }, 120_000);
});

describe('the model on its own', () => {
  test('Windows: terminate() and kill() are both TerminateProcess, reported as exitcode −15', () => {
    // CPython Lib/multiprocessing/popen_spawn_win32.py: TERMINATE = 0x10000; terminate() calls
    // TerminateProcess(handle, TERMINATE); wait() turns that code into -signal.SIGTERM; kill = terminate.
    for (const a of ['terminate', 'kill'] as const) {
      const w = runLifecycle({ platform: 'windows', version: '3.12', guarded: true, work: 5, actions: ['start', a, 'join'] });
      expect(w.steps.at(-1)!.exitcode).toBe(-15);
    }
    expect(runLifecycle({ platform: 'linux', version: '3.12', guarded: true, work: 5, actions: ['start', 'kill', 'join'] }).steps.at(-1)!.exitcode).toBe(-9);
  });
  test('after the parent ends, nothing more is called', () => {
    const s = model(2, ['end', 'start', 'is_alive']).steps;
    expect(s.slice(1).map((x) => x.outcome)).toEqual([{ refused: 'ended' }, { refused: 'ended' }]);
  });
  test('the unguarded script under spawn: start() returns, the child fails in bootstrapping and exits with 1', () => {
    const s = runLifecycle(preset('unguarded')).steps;
    expect(s.map((x) => x.outcome)).toEqual([{ returns: 'None' }, { returns: 'True' }, { returns: 'None' }]);
    expect(s.at(-1)).toMatchObject({ exitcode: 1, childEvent: 'bootstrap-error' });
  });
  test('the unguarded script under a forkserver that preloads __main__: start() raises EOFError', () => {
    const s = runLifecycle({ platform: 'linux', version: '3.14.1', guarded: false, work: 3, actions: ['start', 'is_alive'] }).steps;
    expect(s[0]!.outcome).toEqual({ raises: 'EOFError', message: 'unexpected EOF' });
    expect(s[1]!.outcome).toEqual({ returns: 'False' });
    expect(runLifecycle({ platform: 'linux', version: '3.14.0', guarded: false, work: 3, actions: ['start', 'join'] }).steps[1]!.exitcode).toBe(1);
  });
  test('terminate() during a failing bootstrap still ends it by the signal', () => {
    expect(runLifecycle({ platform: 'windows', version: '3.12', guarded: false, work: 3, actions: ['start', 'terminate', 'join'] }).steps.at(-1)!.exitcode).toBe(-15);
  });
});

describe('which start method is the default (the version table as data)', () => {
  // CPython Lib/multiprocessing/context.py and the multiprocessing docs ("Contexts and start methods"):
  //  - Windows: spawn, the only method there.
  //  - macOS: "Changed in version 3.8: On macOS, the spawn start method is now the default" (bpo-33725).
  //  - other POSIX: fork up to 3.13; 3.14 "changed everyones default to a thread safeish one"
  //    (gh-84559): `if reduction.HAVE_SEND_HANDLE and sys.platform != 'darwin': forkserver`.
  const TABLE: Record<string, Record<string, string>> = {
    windows: { '3.7': 'spawn', '3.8': 'spawn', '3.12': 'spawn', '3.13.7': 'spawn', '3.13.8': 'spawn', '3.14.0': 'spawn', '3.14.1': 'spawn' },
    macos: { '3.7': 'fork', '3.8': 'spawn', '3.12': 'spawn', '3.13.7': 'spawn', '3.13.8': 'spawn', '3.14.0': 'spawn', '3.14.1': 'spawn' },
    linux: { '3.7': 'fork', '3.8': 'fork', '3.12': 'fork', '3.13.7': 'fork', '3.13.8': 'fork', '3.14.0': 'forkserver', '3.14.1': 'forkserver' },
  };
  test('every platform and version of the picker', () => {
    for (const [platform, row] of Object.entries(TABLE)) for (const v of VERSIONS) expect(defaultMethod(platform as 'linux', v), `${platform} ${v}`).toBe(row[v]);
  });
  test.skipIf(process.platform !== 'linux')(`this machine (Linux, Python ${PY_VERSION.join('.')}) agrees`, async () => {
    const r = await runPython(['-c', 'import multiprocessing as m; print(m.get_start_method())']);
    expect(r.stdout.trim()).toBe(defaultMethod('linux', PY_VERSION.join('.')));
  });
  test('the fork server preloads __main__ from 3.13.8 and 3.14.1 (GH-135295)', () => {
    expect(VERSIONS.filter((v) => preloadsMain(v))).toEqual(['3.13.8', '3.14.1']);
  });
});

describe.skipIf(!POSIX)('the unguarded script, run for real (content/examples/unguarded_spawn.py)', () => {
  const v = PY_VERSION.join('.');
  for (const method of ['fork', 'spawn', 'forkserver'] as const)
    test(`${method} on ${v}: what the model says`, async () => {
      const r = await runPython([join(EXAMPLES, 'unguarded_spawn.py'), method], { cwd: EXAMPLES, timeoutMs: 60_000 });
      const u = unguarded(method, v);
      if (u.kind === 'runs') expect(r.stdout).toMatch(new RegExp(`^${method}: child exitcode 0$`, 'm'));
      else if (u.kind === 'child-fails') {
        expect(r.stdout).toMatch(new RegExp(`^${method}: child exitcode ${u.exitcode}$`, 'm'));
        expect(r.stderr).toMatch(/RuntimeError/);
      } else expect(r.stderr).toMatch(/^EOFError/m);
    }, 60_000);
  test("forkserver with GH-135295's preload put back: the parent's start() raises EOFError, as the model says of 3.14.1", async () => {
    const r = await runPython(withPreloadFix('unguarded_spawn.py', 'forkserver'), { cwd: EXAMPLES, timeoutMs: 60_000 });
    expect(unguarded('forkserver', '3.14.1')).toEqual({ kind: 'parent-fails', error: 'EOFError' });
    const s = runLifecycle({ platform: 'linux', version: '3.14.1', guarded: false, work: 3, actions: ['start'] }).steps[0]!.outcome as { raises: string; message: string };
    expect(r.stderr).toMatch(new RegExp(`^${s.raises}: ${s.message}$`, 'm'));
  }, 60_000);
});

describe('the state in a link', () => {
  test('round trip for every preset at every step', () => {
    for (const p of PRESET_NAMES) {
      const sc: Scenario = preset(p);
      for (let step = 0; step <= sc.actions.length; step++) expect(decodeState(encodeState(sc, step))).toEqual({ ok: true, scenario: sc, step });
    }
    expect(encodeState(preset('terminate'), 2)).toBe('l.3-12.g.6.swtaja.2');
  });
  test('garbled, unknown versions, too long or past the end are refused', () => {
    for (const bad of ['', 'x', 'l.3-9.g.3.s.0', 'l.3-12.g.0.s.0', 'l.3-12.g.3.ss.3', `l.3-12.g.3.${'s'.repeat(25)}.0`, 'q.3-12.g.3.s.0']) expect(decodeState(bad).ok, bad).toBe(false);
  });
});
