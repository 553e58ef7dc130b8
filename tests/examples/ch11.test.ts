// Runs chapter 11's ticket grab (content/examples/ticket_grab.py) for real, with real processes, a real
// multiprocessing.Lock and a real JSON file, under every start method the host has, and checks what the
// chapter says about it. The unlocked run is deterministic: a Barrier makes every buyer read before anyone
// writes (the worst interleaving), so 10 buyers and 1 ticket always give 10 winners. Each Python run gets
// its own process group, is killed (group and all) after 25 s, and must leave no process behind.
import { describe, test, expect } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLES, expectClean, POSIX, runPython, type Run } from '../support/python.ts';
import { PRELOADS_MAIN, withPreloadFix } from './forkserver.ts';

const SCRIPT = join(EXAMPLES, 'ticket_grab.py');
const TEST_TIMEOUT_MS = 30_000;
/** fork and forkserver are POSIX only; spawn exists everywhere. */
const METHODS = POSIX ? ['fork', 'spawn', 'forkserver'] : ['spawn'];

function runGrab(...args: string[]): Promise<Run> {
  return runPython([SCRIPT, ...args]);
}


interface Section {
  lock: boolean;
  buyers: number;
  tickets: number;
  method: string;
  succeeded: number;
  ticketNum: number;
  got: number;
  soldOut: number;
  searches: number;
  lines: string[];
}

/** Splits the output at its "== … ==" headers and reads each run's result line. */
function sections(stdout: string): Section[] {
  const out: Section[] = [];
  let current: Section | null = null;
  for (const line of stdout.split('\n')) {
    const head = /^== .*(with|without) the lock: (\d+) buyers, (\d+) ticket\(s\), start method (\w+) ==$/.exec(line);
    if (head) {
      current = {
        lock: head[1] === 'with',
        buyers: Number(head[2]),
        tickets: Number(head[3]),
        method: head[4]!,
        succeeded: NaN,
        ticketNum: NaN,
        got: 0,
        soldOut: 0,
        searches: 0,
        lines: [],
      };
      out.push(current);
      continue;
    }
    if (!current || line === '') continue;
    current.lines.push(line);
    const result = /result: (\d+) succeeded, ticket_num = (-?\d+) \([\d.]+ s\)$/.exec(line);
    if (result) {
      current.succeeded = Number(result[1]);
      current.ticketNum = Number(result[2]);
    }
    if (/^buyer \d+ .*got a ticket$/.test(line)) current.got++;
    if (/^buyer \d+ .*sold out$/.test(line)) current.soldOut++;
    if (/^buyer \d+ .*search: \d+ left$/.test(line)) current.searches++;
  }
  return out;
}

function only(stdout: string): Section {
  const all = sections(stdout);
  expect(all, `expected one run in: ${JSON.stringify(stdout)}`).toHaveLength(1);
  return all[0]!;
}

describe('ticket_grab.py: with no arguments', () => {
  test(
    'runs the unlocked version first, then the locked one, and exits 0',
    async () => {
      const run = await runGrab();
      expectClean(run);
      const [unsafe, safe] = sections(run.stdout);
      expect(unsafe?.lock).toBe(false);
      expect(safe?.lock).toBe(true);
      expect(unsafe!.buyers).toBe(10);
      expect(unsafe!.tickets).toBe(1);
      expect(unsafe!.succeeded).toBeGreaterThan(1);
      expect(safe!.succeeded).toBe(1);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'creates its data file in a temporary directory, never in the current directory',
    async () => {
      const cwd = mkdtempSync(join(tmpdir(), 'ch11-cwd-'));
      try {
        const run = await runPython([SCRIPT], { cwd });
        expectClean(run);
        expect(readdirSync(cwd)).toEqual([]);
      } finally {
        rmSync(cwd, { recursive: true, force: true });
      }
    },
    TEST_TIMEOUT_MS,
  );
});

describe.each(METHODS)('ticket_grab.py under the %s start method', (method) => {
  test(
    'without the lock, 10 buyers and 1 ticket oversell: every buyer read 1, so all 10 succeed',
    async () => {
      const run = await runGrab('--no-lock', '--start-method', method);
      expectClean(run);
      const s = only(run.stdout);
      expect(s.method).toBe(method);
      expect(s.lock).toBe(false);
      expect(s.succeeded).toBe(10);
      expect(s.got).toBe(10);
      expect(s.ticketNum).toBe(0);
      expect(run.stdout).toMatch(/oversold by 9$/m);
      expect(run.stdout).toMatch(/10 sold \+ 0 left != 1$/m);
    },
    TEST_TIMEOUT_MS,
  );

  // Three separate runs, each its own test so each stays well inside the time bound on a busy machine.
  test.each([1, 2, 3])(
    'with the lock exactly one buyer succeeds and ticket_num ends at 0 (run %i)',
    async () => {
      const run = await runGrab('--lock', '--start-method', method);
      expectClean(run);
      const s = only(run.stdout);
      expect(s.method).toBe(method);
      expect(s.lock).toBe(true);
      expect(s.succeeded).toBe(1);
      expect(s.got).toBe(1);
      expect(s.soldOut).toBe(9);
      expect(s.searches).toBe(10);
      expect(s.ticketNum).toBe(0);
      expect(run.stdout).not.toMatch(/oversold|do not balance/);
    },
    TEST_TIMEOUT_MS,
  );
});

describe('ticket_grab.py: more tickets, and no forced worst case', () => {
  test(
    '10 buyers, 10 tickets: without the lock all 10 sell but the file says 9 left (lost updates); with it 0 left',
    async () => {
      const run = await runGrab('--tickets', '10');
      expectClean(run);
      const [unsafe, safe] = sections(run.stdout);
      expect(unsafe!.succeeded).toBe(10);
      expect(unsafe!.ticketNum).toBe(9);
      expect(run.stdout).toMatch(/10 sold \+ 9 left != 10$/m);
      expect(safe!.succeeded).toBe(10);
      expect(safe!.ticketNum).toBe(0);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'without the barrier the 10–50 ms delay alone still oversells (at least once in three runs, fork)',
    async () => {
      const method = POSIX ? 'fork' : 'spawn';
      const results: number[] = [];
      for (let i = 0; i < 3 && !results.some((n) => n > 1); i++) {
        const run = await runGrab('--no-lock', '--no-barrier', '--start-method', method);
        expectClean(run);
        const s = only(run.stdout);
        expect(s.ticketNum).toBe(0);
        results.push(s.succeeded);
      }
      expect(results.some((n) => n > 1), `successes per run: ${results.join(', ')}`).toBe(true);
    },
    TEST_TIMEOUT_MS,
  );
});

// Imports the example as a module and drives search(), buy_unsafe() and buy() while the parent holds the lock.
const HARNESS = String.raw`
import inspect, multiprocessing as mp, os, sys, tempfile, time
sys.path.insert(0, sys.argv[1])
import ticket_grab as tg

if __name__ == '__main__':
    mp.set_start_method(sys.argv[2])
    print('search params', list(inspect.signature(tg.search).parameters), flush=True)
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, 'data.json')
        tg.save(path, {'ticket_num': 3})
        lock = mp.Lock()
        lock.acquire()                       # someone else is buying right now
        s = mp.Process(target=tg.search, args=(7, path))
        s.start(); s.join(10)
        print('search done while locked', not s.is_alive(), s.exitcode, flush=True)
        u = mp.Process(target=tg.buy_unsafe, args=(9, path))
        u.start(); u.join(10)
        print('buy_unsafe done while locked', not u.is_alive(), u.exitcode, flush=True)
        b = mp.Process(target=tg.buy, args=(8, path, lock))
        b.start(); b.join(1.0)
        print('buy waiting for the lock', b.is_alive(), flush=True)
        lock.release()
        b.join(10)
        print('buy done after release', not b.is_alive(), b.exitcode, flush=True)
        print('ticket_num', tg.load(path)['ticket_num'], flush=True)
        for p in (s, u, b):
            if p.is_alive():
                p.kill(); p.join()
`;

describe.each(METHODS)('search(), buy_unsafe() and buy() against a held lock (%s)', (method) => {
  test(
    'search never needs the lock and buy_unsafe ignores it: both finish while another process holds it; buy waits',
    async () => {
      const run = await runPython(['-c', HARNESS, EXAMPLES, method]);
      expectClean(run);
      expect(run.stdout).toMatch(/^search params \['i', 'path'\]$/m);
      expect(run.stdout).toMatch(/^buyer 7 .*search: 3 left$/m);
      expect(run.stdout).toMatch(/^search done while locked True 0$/m);
      // The lock only stops code that asks for it: a buyer that skips it goes straight through.
      expect(run.stdout).toMatch(/^buyer 9 .*got a ticket$/m);
      expect(run.stdout).toMatch(/^buy_unsafe done while locked True 0$/m);
      expect(run.stdout).toMatch(/^buy waiting for the lock True$/m);
      expect(run.stdout).toMatch(/^buyer 8 .*got a ticket$/m);
      expect(run.stdout).toMatch(/^buy done after release True 0$/m);
      expect(run.stdout).toMatch(/^ticket_num 1$/m);
    },
    TEST_TIMEOUT_MS,
  );
});

// module_lock.py: the parent holds a module-level lock; child 1, then child 2, try it without waiting
// and keep it if they get it. Whose lock each child sees depends on the start method (and, for
// forkserver, on whether the fork server preloads __main__: 3.13.8+ / 3.14.1+).
function moduleLockFacts(r: Run) {
  expectClean(r);
  return {
    /** How many times the top level ran as __mp_main__ (in children, or once in the fork server). */
    reimports: (r.stdout.match(/^top level runs: __name__ = __mp_main__, pid \d+$/gm) ?? []).length,
    got: [1, 2].map((n) => new RegExp(`^child ${n}: acquire -> (True|False)$`, 'm').exec(r.stdout)?.[1]),
  };
}

describe.each(METHODS)('module_lock.py (a module-level Lock) under %s', (method) => {
  const preloads = method === 'forkserver' && PRELOADS_MAIN;
  test(
    method === 'fork'
      ? 'the children inherit the parent\'s lock: both are refused while the parent holds it'
      : preloads
        ? 'the fork server ran the top level once: the children share its lock (child 2 refused), not the parent\'s (child 1 gets in)'
        : 'every child re-runs the top level and takes a new lock of its own: both get in although the parent holds the lock',
    async () => {
      const f = moduleLockFacts(await runPython([join(EXAMPLES, 'module_lock.py'), method]));
      if (method === 'fork') expect(f).toEqual({ reimports: 0, got: ['False', 'False'] });
      else if (preloads) expect(f).toEqual({ reimports: 1, got: ['True', 'False'] });
      else expect(f).toEqual({ reimports: 2, got: ['True', 'True'] });
    },
    TEST_TIMEOUT_MS,
  );
});

describe.skipIf(!POSIX)('module_lock.py under forkserver with the change of GH-135295 (3.13.8, 3.14.1) applied', () => {
  test(
    'the top level runs once in the fork server; the children share the server\'s lock, not the parent\'s: True, then False',
    async () => {
      const f = moduleLockFacts(await runPython(withPreloadFix('module_lock.py', 'forkserver'), { cwd: EXAMPLES }));
      expect(f).toEqual({ reimports: 1, got: ['True', 'False'] });
    },
    TEST_TIMEOUT_MS,
  );
});
