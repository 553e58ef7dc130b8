// Runs chapter 8's io_vs_cpu.py (content/examples/) for real and checks what the chapter says about it:
// two threads that each make a 0.5 s blocking call finish in about the time of one, because the OS
// switches on the blocking call; two threads that each compute take about as long as computing twice
// on a build with the GIL; and computing while another thread sleeps overlaps. Every claim is a ratio
// of times measured in the same run, never an absolute time, and the bounds are generous because
// other programs share this machine's two cores.
import { describe, test, expect } from 'vitest';
import { runExample, type Run } from '../support/python.ts';

const TEST_TIMEOUT_MS = 30_000;

interface Pair {
  seq: number;
  par: number;
  ratio: number;
}

function pair(stdout: string, label: string): Pair {
  const re = new RegExp(`^${label}: one after another ([\\d.]+) s, in two threads ([\\d.]+) s, ratio ([\\d.]+)$`, 'm');
  const m = re.exec(stdout);
  expect(m, `no "${label}:" line in ${JSON.stringify(stdout)}`).not.toBeNull();
  return { seq: Number(m![1]), par: Number(m![2]), ratio: Number(m![3]) };
}

function gilEnabled(stdout: string): boolean {
  const m = /^Python \S+, GIL enabled: (True|False)$/m.exec(stdout);
  expect(m, `no GIL line in ${JSON.stringify(stdout)}`).not.toBeNull();
  return m![1] === 'True';
}

describe('io_vs_cpu.py: blocking calls overlap, computation does not (under the GIL)', () => {
  let cached: Promise<Run> | null = null;
  const demo = () => (cached ??= runExample('io_vs_cpu.py'));

  test(
    'exits 0 with empty stderr, leaves no process behind, and says whether the GIL is enabled',
    async () => {
      const run = await demo();
      expect(run.timedOut, 'the demo should finish well within 25 s').toBe(false);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.leftBehind).toBe(false);
      gilEnabled(run.stdout);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'two threads that each sleep 0.5 s take at most 0.7 × two sleeps one after another',
    async () => {
      const { seq, par, ratio } = pair((await demo()).stdout, 'sleep');
      expect(par, `threads ${par} s vs one after another ${seq} s`).toBeLessThanOrEqual(0.7 * seq);
      expect(ratio).toBeLessThanOrEqual(0.7);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'with the GIL, two computing threads are no faster than computing twice (ratio at least 0.7)',
    async () => {
      const run = await demo();
      const { seq, par } = pair(run.stdout, 'cpu');
      if (!gilEnabled(run.stdout)) return; // a free-threaded build may really run them in parallel
      expect(par, `threads ${par} s vs one after another ${seq} s`).toBeGreaterThanOrEqual(0.7 * seq);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'computing in one thread while another sleeps overlaps: at most 0.85 × doing one after the other',
    async () => {
      const { seq, par } = pair((await demo()).stdout, 'cpu \\+ sleep');
      expect(par, `threads ${par} s vs one after another ${seq} s`).toBeLessThanOrEqual(0.85 * seq);
    },
    TEST_TIMEOUT_MS,
  );
});
