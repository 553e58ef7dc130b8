// Runs the chapter 12 examples (content/examples/threads_demo.py, thread_counter.py, gil_cpu.py, and
// isolation.py from chapter 10) for real with python3 and checks what the chapter says about them:
// both ways of starting a thread work, names and active_count are as printed, join waits, a daemon
// thread is cut off when the main thread ends; the widened count race loses updates only without the
// lock; under the GIL two CPU-bound threads keep at most one core busy (measured as CPU time).
// Timing claims compare times measured in the same run, never absolute times.
import { describe, test, expect } from 'vitest';
import { join } from 'node:path';
import { EXAMPLES, expectClean, runPython, type Run } from '../support/python.ts';

const TEST_TIMEOUT_MS = 30_000;
const python = (args: string[], timeoutMs = 25_000) => runPython(args, { cwd: EXAMPLES, timeoutMs });
const example = (file: string, ...args: string[]) => python([join(EXAMPLES, file), ...args]);


const lines = (run: Run) => run.stdout.split('\n').filter((l) => l !== '');

describe('threads_demo.py: two ways to start a thread, names, active_count, join, a daemon thread', () => {
  test(
    'the program starts with one thread, the main thread, called MainThread',
    async () => {
      const run = await example('threads_demo.py');
      expectClean(run);
      expect(lines(run)[0]).toBe('main: 我是 · I am MainThread, active_count = 1');
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'both styles run their task in a thread of their own: Thread(target=task, args=...) and a Thread subclass with run()',
    async () => {
      const run = await example('threads_demo.py');
      expectClean(run);
      // Since 3.10 a thread with a target is named "Thread-N (target)"; a subclass is "Thread-N".
      expect(run.stdout).toMatch(/^Thread-\d+( \(task\))?: egon 开始 · starts$/m);
      expect(run.stdout).toMatch(/^Thread-\d+( \(task\))?: egon 结束 · ends$/m);
      expect(run.stdout).toMatch(/^Thread-\d+: jason 开始 · starts$/m);
      expect(run.stdout).toMatch(/^Thread-\d+: jason 结束 · ends$/m);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'while the workers run there are 4 threads (main, two workers, the daemon); after join only main and the daemon are left',
    async () => {
      const run = await example('threads_demo.py');
      expectClean(run);
      expect(run.stdout).toMatch(/^main: active_count = 4$/m);
      const listed = /^main: enumerate = \[(.*)\]$/m.exec(run.stdout);
      expect(listed).not.toBeNull();
      const names = listed![1]!.split(', ').map((s) => s.replace(/^'|'$/g, ''));
      expect(names).toHaveLength(4);
      expect(names[0]).toBe('MainThread');
      expect(names).toContain('daemon');
      expect(run.stdout).toMatch(/^main: joined, active_count = 2$/m);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'join waits: both workers have printed their last line before the main thread goes on',
    async () => {
      const run = await example('threads_demo.py');
      expectClean(run);
      const all = lines(run);
      const joined = all.findIndex((l) => l.startsWith('main: joined'));
      expect(joined).toBeGreaterThan(0);
      expect(all.findIndex((l) => / egon 结束/.test(l))).toBeLessThan(joined);
      expect(all.findIndex((l) => / jason 结束/.test(l))).toBeLessThan(joined);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'the daemon thread is still alive when the main thread ends, its last line never appears, and the program exits 0',
    async () => {
      const run = await example('threads_demo.py');
      expectClean(run);
      const all = lines(run);
      expect(all.at(-1)).toBe('main: 主线程结束 · main thread ends; daemon alive = True');
      expect(run.stdout).not.toMatch(/daemon: /);
    },
    TEST_TIMEOUT_MS,
  );
});

describe('thread_counter.py: count += 1 with the window between LOAD and STORE widened by sleep(0)', () => {
  test.each([1, 2, 3])(
    'without the lock updates are lost; with the lock every one of the 4 × 1000 increments counts (run %i)',
    async () => {
      const run = await example('thread_counter.py');
      expectClean(run);
      const unsafe = /^不加锁 · without the lock: count = (\d+), expected (\d+), lost (\d+) \([\d.]+ s\)$/m.exec(run.stdout);
      const safe = /^加锁 · with the lock: count = (\d+), expected (\d+), lost (\d+) \([\d.]+ s\)$/m.exec(run.stdout);
      expect(unsafe, run.stdout).not.toBeNull();
      expect(safe, run.stdout).not.toBeNull();
      expect(Number(unsafe![2])).toBe(4000);
      expect(Number(unsafe![1])).toBeLessThan(4000);
      expect(Number(unsafe![3])).toBe(4000 - Number(unsafe![1]));
      expect(Number(safe![1])).toBe(4000);
      expect(Number(safe![3])).toBe(0);
    },
    TEST_TIMEOUT_MS,
  );
});

interface Timing {
  wall: number;
  ratio: number;
  cpu: number;
  cores: number;
}
interface GilRun {
  gil: boolean;
  cpus: number;
  seq: Timing;
  threads: Timing;
  processes: Timing;
}

function parseGil(run: Run): GilRun {
  const head = /^python \S+, GIL enabled: (True|False), cpus: (\d+), start method: \w+$/m.exec(run.stdout);
  expect(head, `unexpected output: ${JSON.stringify(run.stdout)}`).not.toBeNull();
  const timing = (label: string): Timing => {
    const re = new RegExp(`^${label}: +([\\d.]+) s \\(([\\d.]+) x sequential\\), CPU ([\\d.]+) s, cores busy ([\\d.]+)$`, 'm');
    const m = re.exec(run.stdout);
    expect(m, `no "${label}" line in: ${JSON.stringify(run.stdout)}`).not.toBeNull();
    return { wall: Number(m![1]), ratio: Number(m![2]), cpu: Number(m![3]), cores: Number(m![4]) };
  };
  return {
    gil: head![1] === 'True',
    cpus: Number(head![2]),
    seq: timing('1 thread, one after the other'),
    threads: timing('2 threads at once'),
    processes: timing('2 processes at once'),
  };
}

describe('gil_cpu.py: CPU-bound work in 1 thread, 2 threads and 2 processes', () => {
  // The claim is about CPU use, so the test measures CPU time: with the GIL, two CPU-bound threads
  // never keep more than one core busy (CPU time / wall time ≤ 1), however busy the machine is.
  // How much faster two processes are than two threads depends on idle cores, a wall-clock
  // comparison: `npm run bench` prints it.
  test(
    'with the GIL two threads keep at most one core busy; each piece of work costs its CPU time in whichever thread or process runs it',
    async () => {
      const run = await python([join(EXAMPLES, 'gil_cpu.py')], 60_000);
      expectClean(run);
      const r = parseGil(run);
      expect(r.seq.ratio).toBe(1);
      if (r.gil) expect(r.threads.cores, JSON.stringify(r)).toBeLessThanOrEqual(1.2);
      // The same two pieces of work cost about the same CPU time done one after the other, in two
      // threads or in two processes (each measured where it ran): nothing is saved, only overlapped.
      for (const other of [r.threads, r.processes]) {
        expect(other.cpu / r.seq.cpu, JSON.stringify(r)).toBeGreaterThan(0.6);
        expect(other.cpu / r.seq.cpu, JSON.stringify(r)).toBeLessThan(1.7);
      }
    },
    90_000,
  );
});

describe('gil_release.py: some C functions let go of the GIL while they compute, others keep it', () => {
  test(
    'with no timed switches (switch interval 1000 s), a counting thread moves during hashlib.sha256().update(64 MB) and never during sorted()',
    async () => {
      // No wall-clock comparison: with a 1000 s switch interval the counter can run only while the main
      // thread has released the GIL, so the counts hold on a machine of any speed or load.
      const run = await example('gil_release.py');
      expectClean(run);
      const hashed = /^hashlib\.sha256\(\)\.update\(64 MB\): the other thread counted (\d+) during the call$/m.exec(run.stdout);
      const ordered = /^sorted\(300,000 ints\): the other thread counted (\d+) during the call$/m.exec(run.stdout);
      expect(hashed, run.stdout).not.toBeNull();
      expect(ordered, run.stdout).not.toBeNull();
      expect(Number(hashed![1])).toBeGreaterThan(0);
      expect(Number(ordered![1])).toBe(0);
    },
    TEST_TIMEOUT_MS,
  );
});

describe('isolation.py (chapter 10): a thread shares the globals of its process, a child process does not', () => {
  test(
    'after the child process sets n = 0 the parent still has 100; after a thread sets n = 0 the main thread sees 0',
    async () => {
      const run = await example('isolation.py');
      expectClean(run);
      expect(run.stdout).toMatch(/^after the process: parent n = 100 /m);
      expect(run.stdout).toMatch(/^after the thread: parent n = 0 /m);
      const pid = (re: RegExp) => re.exec(run.stdout)![1];
      // The thread runs in the parent's own process: same pid.
      expect(pid(/^thread: set n = 0 \(pid (\d+)\)$/m)).toBe(pid(/^after the thread: parent n = 0 \(pid (\d+)\)$/m));
      expect(pid(/^child process: set n = 0 \(pid (\d+)\)$/m)).not.toBe(pid(/^after the process: parent n = 100 \(pid (\d+)\)$/m));
    },
    TEST_TIMEOUT_MS,
  );
});
