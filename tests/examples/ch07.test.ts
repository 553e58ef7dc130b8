// Runs chapter 7's socketserver demo (content/examples/socketserver_demo.py) for real on 127.0.0.1 and
// checks what the chapter says about it: TCPServer serves five slow clients one after another, the
// threading (and, on POSIX, the forking) server serves them together. Timing claims are ratios measured
// in the same run, never absolute times, so a busy machine cannot fail them.
import { describe, test, expect } from 'vitest';
import { expectClean, POSIX, runExample, type Run } from '../support/python.ts';

const TEST_TIMEOUT_MS = 30_000;

interface Mode {
  name: string;
  port: number;
  echoes: Map<number, string>;
  times: number[];
  ok: number;
  total: number;
  elapsed: number;
}

/** Splits the output at its "== Server on 127.0.0.1:port ... ==" headers. */
function modes(stdout: string): Map<string, Mode> {
  const out = new Map<string, Mode>();
  let current: Mode | null = null;
  for (const line of stdout.split('\n')) {
    const head = /^== (\w+) on 127\.0\.0\.1:(\d+): 5 clients, 0\.3 s of work each ==$/.exec(line);
    if (head) {
      current = { name: head[1]!, port: Number(head[2]), echoes: new Map(), times: [], ok: NaN, total: NaN, elapsed: NaN };
      out.set(current.name, current);
      continue;
    }
    if (!current) continue;
    const echo = /^client (\d) got '(.*)' after ([\d.]+) s$/.exec(line);
    if (echo) {
      current.echoes.set(Number(echo[1]), echo[2]!);
      current.times.push(Number(echo[3]));
    }
    const sum = /^(\w+): (\d)\/(\d) echoes in ([\d.]+) s$/.exec(line);
    if (sum && sum[1] === current.name) {
      current.ok = Number(sum[2]);
      current.total = Number(sum[3]);
      current.elapsed = Number(sum[4]);
    }
  }
  return out;
}


function expectAllEchoes(mode: Mode | undefined) {
  expect(mode, 'the mode should appear in the output').toBeDefined();
  expect(mode!.port).toBeGreaterThan(0);
  expect(mode!.ok).toBe(5);
  expect(mode!.total).toBe(5);
  expect([...mode!.echoes.keys()].sort()).toEqual([0, 1, 2, 3, 4]);
  for (const [i, text] of mode!.echoes) expect(text).toBe(`hello from client ${i}`);
}

describe('socketserver_demo.py: five clients, 0.3 s of work each', () => {
  let cached: Promise<Run> | null = null;
  const demo = () => (cached ??= runExample('socketserver_demo.py'));

  test(
    'exits 0 with empty stderr and leaves no process behind; every server binds port 0 and gets a real port',
    async () => {
      const run = await demo();
      expectClean(run);
      const all = modes(run.stdout);
      const expected = POSIX ? ['TCPServer', 'ThreadingTCPServer', 'ForkingTCPServer'] : ['TCPServer', 'ThreadingTCPServer'];
      expect([...all.keys()]).toEqual(expected);
      if (!POSIX) expect(run.stdout).toMatch(/^ForkingTCPServer: not available here \(POSIX only\)$/m);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'every client gets its own echo back, from every server',
    async () => {
      const all = modes((await demo()).stdout);
      for (const mode of all.values()) expectAllEchoes(mode);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'TCPServer is synchronous: the last client waits about five times as long as the first',
    async () => {
      const seq = modes((await demo()).stdout).get('TCPServer')!;
      const fastest = Math.min(...seq.times);
      const slowest = Math.max(...seq.times);
      expect(slowest, `client times: ${seq.times.join(', ')}`).toBeGreaterThanOrEqual(3 * fastest);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'ThreadingTCPServer serves the five together: at most half the time of TCPServer in the same run',
    async () => {
      const run = await demo();
      const all = modes(run.stdout);
      const seq = all.get('TCPServer')!;
      const thr = all.get('ThreadingTCPServer')!;
      expect(thr.elapsed, `threaded ${thr.elapsed} s vs sequential ${seq.elapsed} s`).toBeLessThanOrEqual(0.5 * seq.elapsed);
      const ratio = Number(/^threaded \/ sequential = ([\d.]+)$/m.exec(run.stdout)![1]);
      expect(ratio).toBeLessThanOrEqual(0.5);
    },
    TEST_TIMEOUT_MS,
  );

  test.skipIf(!POSIX)(
    'ForkingTCPServer (POSIX) also serves them together: at most half the time of TCPServer',
    async () => {
      const run = await demo();
      const all = modes(run.stdout);
      const seq = all.get('TCPServer')!;
      const fork = all.get('ForkingTCPServer')!;
      expect(fork.elapsed, `forking ${fork.elapsed} s vs sequential ${seq.elapsed} s`).toBeLessThanOrEqual(0.5 * seq.elapsed);
      expect(run.stdout).toMatch(/^forking \/ sequential = 0\.\d\d$/m);
    },
    TEST_TIMEOUT_MS,
  );
});
