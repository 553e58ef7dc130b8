// Runs chapter 9's examples (content/examples/schedulers.py and sync_async.py) with python3 and checks
// what the chapter says about them: the scheduler traces of course-brief §5 exactly, and that async
// submission overlaps the tasks (a ratio measured within one run, never an absolute time).
import { describe, test, expect } from 'vitest';
import { join } from 'node:path';
import { EXAMPLES, expectClean, POSIX, runExample, runPython } from '../support/python.ts';

const TEST_TIMEOUT_MS = 30_000;
const METHODS = POSIX ? ['fork', 'spawn', 'forkserver'] : ['spawn'];


/** The block of lines that starts with `title:` in schedulers.py's output. */
function block(stdout: string, title: string): string[] {
  const lines = stdout.split('\n');
  const i = lines.findIndex((l) => l.startsWith(`${title}: `));
  expect(i, `no "${title}:" line in ${JSON.stringify(stdout)}`).toBeGreaterThanOrEqual(0);
  return lines.slice(i, i + 4);
}

describe('schedulers.py: jobs A(arrive 0, run 6), B(1, 2), C(2, 1)', () => {
  test('FCFS runs each job to the end in arrival order: AAAAAABBC, finishing A=6, B=8, C=9', async () => {
    const run = await runExample('schedulers.py');
    expectClean(run);
    expect(run.stdout).toMatch(/^jobs: A\(arrive 0, run 6\) B\(arrive 1, run 2\) C\(arrive 2, run 1\)$/m);
    expect(block(run.stdout, 'FCFS')).toEqual([
      'FCFS: AAAAAABBC',
      '  finish A=6 B=8 C=9',
      '  turnaround A=6 B=7 C=7 (avg 6.67)',
      '  response A=0 B=5 C=6 (avg 3.67)',
    ]);
  });

  test('RR with q = 2 gives AABBCAAAA, finishing B=4, C=5, A=9 (a newcomer queues ahead of the preempted job)', async () => {
    const run = await runExample('schedulers.py');
    expectClean(run);
    expect(block(run.stdout, 'RR q=2')).toEqual([
      'RR q=2: AABBCAAAA',
      '  finish B=4 C=5 A=9',
      '  turnaround A=9 B=3 C=3 (avg 5.00)',
      '  response A=0 B=1 C=2 (avg 1.00)',
    ]);
  });

  test('MLFQ with quanta/allotments 1/2/4 and no boost gives A0 B0 C0 A1 A1 B1 A2 A2 A2, finishing C=3, B=6, A=9', async () => {
    const run = await runExample('schedulers.py');
    expectClean(run);
    expect(block(run.stdout, 'MLFQ 1/2/4')).toEqual([
      'MLFQ 1/2/4: A0 B0 C0 A1 A1 B1 A2 A2 A2',
      '  finish C=3 B=6 A=9',
      '  turnaround A=9 B=5 C=1 (avg 5.00)',
      '  response A=0 B=0 C=0 (avg 0.00)',
    ]);
  });

  test('RR with q = 1 (the --q flag) gives ABACBAAAA, finishing C=4, B=5, A=9', async () => {
    const run = await runPython([join(EXAMPLES, 'schedulers.py'), '--q', '1']);
    expectClean(run);
    expect(block(run.stdout, 'RR q=1').slice(0, 2)).toEqual(['RR q=1: ABACBAAAA', '  finish C=4 B=5 A=9']);
  });
});

interface SyncAsync {
  syncTotal: number;
  asyncTotal: number;
  callbacks: number[];
  lines: string[];
}

function parseSyncAsync(stdout: string): SyncAsync {
  const lines = stdout.split('\n').filter((l) => l !== '');
  const total = (kind: string) => {
    const m = new RegExp(`^\\[ *[\\d.]+ s\\] ${kind} total: ([\\d.]+) s$`, 'm').exec(stdout);
    expect(m, `no "${kind} total" line in ${JSON.stringify(stdout)}`).not.toBeNull();
    return Number(m![1]);
  };
  const callbacks = [...stdout.matchAll(/^\[ *[\d.]+ s\] callback got: task (\d+) done in pid \d+$/gm)].map((m) => Number(m[1]));
  return { syncTotal: total('sync'), asyncTotal: total('async'), callbacks, lines };
}

describe.each(METHODS)('sync_async.py under the %s start method', (method) => {
  test(
    'apply_async finishes 3 tasks of 0.3 s in at most 0.6 × the time apply takes in the same run, and the callback runs once per task',
    async () => {
      const run = await runPython([join(EXAMPLES, 'sync_async.py'), '--start-method', method]);
      expectClean(run);
      const r = parseSyncAsync(run.stdout);
      expect(r.asyncTotal).toBeLessThanOrEqual(0.6 * r.syncTotal);
      expect(r.syncTotal).toBeGreaterThanOrEqual(0.85); // three sleeps of 0.3 s, one after another
      expect([...r.callbacks].sort()).toEqual([1, 2, 3]);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'sync waits for each result before the next submit; async submits all three before any result arrives',
    async () => {
      const run = await runPython([join(EXAMPLES, 'sync_async.py'), '--start-method', method]);
      expectClean(run);
      const { lines } = parseSyncAsync(run.stdout);
      const strip = (l: string) => l.replace(/^\[ *[\d.]+ s\] /, '').replace(/ in pid \d+$/, '');
      const body = lines.map(strip);
      const syncPart = body.slice(body.indexOf('== sync: Pool.apply =='), body.indexOf('== async: Pool.apply_async(callback=...) =='));
      expect(syncPart.filter((l) => /^(submit|got)/.test(l))).toEqual([
        'submit task 1 and wait', 'got: task 1 done',
        'submit task 2 and wait', 'got: task 2 done',
        'submit task 3 and wait', 'got: task 3 done',
      ]);
      const asyncPart = body.slice(body.indexOf('== async: Pool.apply_async(callback=...) =='));
      const firstCallback = asyncPart.findIndex((l) => l.startsWith('callback got'));
      expect(asyncPart.indexOf('submitted task 3, not waiting')).toBeLessThan(firstCallback);
      expect(asyncPart.indexOf('main goes on with other work')).toBeLessThan(firstCallback);
    },
    TEST_TIMEOUT_MS,
  );
});

describe('sync_async.py with no arguments', () => {
  test('runs with the platform default start method and prints the async/sync ratio', async () => {
    const run = await runExample('sync_async.py');
    expectClean(run);
    const m = /^async\/sync = ([\d.]+)$/m.exec(run.stdout);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBeLessThanOrEqual(0.6);
  });
});
