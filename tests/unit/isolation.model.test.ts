// W16 isolation vs sharing: the model against real python3 runs (tests/support/isolation_harness.py
// for every start method this machine has, and content/examples/isolation.py itself).
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { runExample, runPython } from '../support/python.ts';
import { DEFAULT, MODULE_N, outcome, simulate, type StartMethod, type Worker } from '../../src/widgets/isolation/model.ts';

const HARNESS = join(process.cwd(), 'tests', 'support', 'isolation_harness.py');
const METHODS: StartMethod[] = process.platform === 'win32' ? ['spawn'] : process.platform === 'darwin' ? ['spawn', 'fork', 'forkserver'] : ['fork', 'spawn', 'forkserver'];

describe('the model, step by step', () => {
  test('a child process writes its own n: the parent still prints 100; two spaces, then one after join', () => {
    const steps = simulate(DEFAULT);
    expect(steps.map((s) => s.kind)).toEqual(['start', 'write', 'join', 'print']);
    expect(steps[1]!.spaces.map((s) => [s.owners.join('+'), s.n, s.origin])).toEqual([['parent', 100, 'own'], ['child', 0, 'cow-copy']]);
    expect(steps[2]!.spaces).toHaveLength(1);
    expect(steps[3]!.printed).toBe(100);
  });
  test('a thread writes the one shared n: the parent prints 0', () => {
    const steps = simulate({ ...DEFAULT, worker: 'thread' });
    expect(steps[1]!.spaces.map((s) => [s.owners.join('+'), s.n])).toEqual([['parent+thread', 0]]);
    expect(steps[3]!.printed).toBe(0);
  });
  test('fork copies the parent’s current n; spawn and forkserver start from the module’s 100', () => {
    expect(outcome({ worker: 'process', method: 'fork', before: 7 })).toEqual({ seen: 7, printed: 7 });
    expect(outcome({ worker: 'process', method: 'spawn', before: 7 })).toEqual({ seen: MODULE_N, printed: 7 });
    expect(outcome({ worker: 'process', method: 'forkserver', before: 7 })).toEqual({ seen: MODULE_N, printed: 7 });
    expect(() => simulate({ ...DEFAULT, before: 1.5 })).toThrow(RangeError);
  });
});

describe('against python3', () => {
  const cases: Array<[number, Worker, StartMethod]> = [[100, 'thread', 'fork'], [7, 'thread', 'fork'], ...METHODS.flatMap((m): Array<[number, Worker, StartMethod]> => [[100, 'process', m], [7, 'process', m]])];
  test.each(cases)('n = %i before start, a %s (%s): what the worker saw and what the parent prints match the model', async (before, worker, method) => {
    const run = await runPython([HARNESS, String(before), worker, method], { timeoutMs: 30_000 });
    expect(run.timedOut).toBe(false);
    expect(run.leftBehind).toBe(false);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual(outcome({ worker, method, before }));
  }, 40_000);
  test('content/examples/isolation.py prints what the model says: 100 after the process, 0 after the thread', async () => {
    const run = await runExample('isolation.py');
    expect(run.code).toBe(0);
    expect(Number(/after the process: parent n = (\d+)/.exec(run.stdout)![1])).toBe(outcome(DEFAULT).printed);
    expect(Number(/after the thread: parent n = (\d+)/.exec(run.stdout)![1])).toBe(outcome({ ...DEFAULT, worker: 'thread' }).printed);
  }, 40_000);
});
