// Runs the chapter 13 examples (content/examples/queue_demo.py, producer_consumer.py) for real with python3
// and checks what the chapter says about them: a full Queue(5) makes the 6th put raise queue.Full, an empty
// one makes get_nowait raise queue.Empty, the three thread queues come out in FIFO, LIFO and priority order;
// with two producers and two consumers every item is consumed exactly once, each consumer sees each
// producer's items in the order they were made, and the run ends (sentinels, or JoinableQueue with daemon
// consumers) under every start method the host has, leaving no process behind.
import { describe, test, expect } from 'vitest';
import { join } from 'node:path';
import { EXAMPLES, expectClean, POSIX, runPython } from '../support/python.ts';

const TEST_TIMEOUT_MS = 30_000;
/** fork and forkserver are POSIX only; spawn exists everywhere. */
const METHODS = POSIX ? ['fork', 'spawn', 'forkserver'] : ['spawn'];
const example = (file: string, ...args: string[]) => runPython([join(EXAMPLES, file), ...args], { cwd: EXAMPLES });


describe('queue_demo.py: a bounded multiprocessing.Queue(5), queue.Full and queue.Empty, and three thread queues', () => {
  test(
    'five puts fill Queue(5): full() is True and qsize() is 5 (where the platform has it)',
    async () => {
      const run = await example('queue_demo.py');
      expectClean(run);
      // empty() is printed too, but it is a snapshot (often True here, because of the feeder thread): not asserted.
      expect(run.stdout).toMatch(/^put 1\.\.5: full\(\) = True, empty\(\) = (True|False), qsize\(\) = (5|n\/a)$/m);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'the 6th put with timeout=1 raises queue.Full, and put_nowait raises it at once',
    async () => {
      const run = await example('queue_demo.py');
      expectClean(run);
      expect(run.stdout).toMatch(/^put\(6, timeout=1\): queue\.Full after [\d.]+ s$/m);
      expect(run.stdout).toMatch(/^put_nowait\(6\): queue\.Full at once$/m);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'the five items come out first in, first out; then get_nowait and get(timeout=0.5) on the empty queue raise queue.Empty',
    async () => {
      const run = await example('queue_demo.py');
      expectClean(run);
      expect(run.stdout).toMatch(/^get x5: \[1, 2, 3, 4, 5\]$/m);
      expect(run.stdout).toMatch(/^get_nowait\(\) on an empty queue: queue\.Empty$/m);
      expect(run.stdout).toMatch(/^get\(timeout=0\.5\): queue\.Empty after [\d.]+ s$/m);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'get_nowait right after a put either gets the item or raises queue.Empty (the feeder thread), and the item is never lost',
    async () => {
      const run = await example('queue_demo.py');
      expectClean(run);
      const got = /^get_nowait\(\) right after put\(\): got 'x'$/m.test(run.stdout);
      const empty = /^get_nowait\(\) right after put\(\): queue\.Empty \(the feeder thread was not done yet\)$/m.test(run.stdout);
      expect(got !== empty, run.stdout).toBe(true);
      if (empty) expect(run.stdout).toMatch(/^get\(\) waits for it: got 'x'$/m);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'put 3, 1, 2: Queue gives 3, 1, 2 (FIFO), LifoQueue 2, 1, 3 (LIFO), PriorityQueue 1, 2, 3 (smallest first)',
    async () => {
      const run = await example('queue_demo.py');
      expectClean(run);
      expect(run.stdout).toMatch(/^Queue: get -> \[3, 1, 2\]$/m);
      expect(run.stdout).toMatch(/^LifoQueue: get -> \[2, 1, 3\]$/m);
      expect(run.stdout).toMatch(/^PriorityQueue: get -> \[1, 2, 3\]$/m);
      expect(run.stdout).toMatch(/^PriorityQueue of tuples: \['fix the server', 'write report', 'lunch'\]$/m);
    },
    TEST_TIMEOUT_MS,
  );
});

interface Meal {
  consumer: string;
  producer: string;
  n: number;
}

/** Reads "cX ate pY-N" lines, in the order each consumer printed them. */
function meals(stdout: string): Meal[] {
  return [...stdout.matchAll(/^(c\d) ate (p\d)-(\d+)$/gm)].map((m) => ({ consumer: m[1]!, producer: m[2]!, n: Number(m[3]) }));
}

function expectEveryItemOnce(stdout: string, items: number) {
  const all = meals(stdout);
  const names = all.map((m) => `${m.producer}-${m.n}`).sort();
  const expected = ['p0', 'p1'].flatMap((p) => Array.from({ length: items }, (_, i) => `${p}-${i}`)).sort();
  expect(names).toEqual(expected); // every item once: none lost, none twice
  for (const p of ['p0', 'p1']) {
    const made = [...stdout.matchAll(new RegExp(`^${p} made ${p}-(\\d+)$`, 'gm'))].map((m) => Number(m[1]));
    expect(made).toEqual(Array.from({ length: items }, (_, i) => i));
    expect(stdout).toMatch(new RegExp(`^${p} finished$`, 'm'));
  }
  // One FIFO queue: whatever one consumer takes from one producer comes in the order it was made.
  for (const c of ['c0', 'c1']) {
    for (const p of ['p0', 'p1']) {
      const seen = all.filter((m) => m.consumer === c && m.producer === p).map((m) => m.n);
      expect(seen, `${c} from ${p}`).toEqual([...seen].sort((a, b) => a - b));
    }
  }
}

describe.each(METHODS)('producer_consumer.py under the %s start method', (method) => {
  test(
    'with sentinels: every item is consumed exactly once, in each producer\'s order, and each consumer stops at its None',
    async () => {
      const run = await example('producer_consumer.py', '--start-method', method);
      expectClean(run);
      expect(run.stdout).toMatch(new RegExp(`^== sentinels, start method ${method} ==$`, 'm'));
      expectEveryItemOnce(run.stdout, 4);
      const stops = [...run.stdout.matchAll(/^(c\d) got None, stops after (\d+) items$/gm)];
      expect(stops.map((m) => m[1]).sort()).toEqual(['c0', 'c1']);
      expect(stops.reduce((sum, m) => sum + Number(m[2]), 0)).toBe(8);
      expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('main: done');
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'with --joinable: q.join() returns once every item is processed, then the daemon consumers end with the main process',
    async () => {
      const run = await example('producer_consumer.py', '--joinable', '--start-method', method);
      expectClean(run);
      expect(run.stdout).toMatch(new RegExp(`^== JoinableQueue, start method ${method} ==$`, 'm'));
      expectEveryItemOnce(run.stdout, 4);
      const lines = run.stdout.trimEnd().split('\n');
      // q.join() can only return after the 8th task_done, so every "ate" line comes before it.
      const joined = lines.indexOf('main: q.join() returned, every item was processed');
      expect(joined).toBeGreaterThan(0);
      expect(lines.slice(joined).some((l) => / ate /.test(l))).toBe(false);
      expect(lines.at(-1)).toBe('main: done');
      expect(run.stdout).not.toMatch(/got None/);
    },
    TEST_TIMEOUT_MS,
  );
});

describe('producer_consumer.py with more items than the queue holds', () => {
  test(
    '2 × 20 items, far more than a Queue(5) holds at once: every item still arrives exactly once, in order per producer',
    async () => {
      const run = await example('producer_consumer.py', '--items', '20');
      expectClean(run);
      expectEveryItemOnce(run.stdout, 20);
    },
    TEST_TIMEOUT_MS,
  );
});
