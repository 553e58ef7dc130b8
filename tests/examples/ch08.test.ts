// Runs chapter 8's io_vs_cpu.py (content/examples/) for real and checks what the chapter says about it:
// two threads that each make a 0.5 s blocking call finish in about the time of one, because the OS
// switches on the blocking call; two threads that each compute take about as long as computing twice
// on a build with the GIL; and computing while another thread sleeps overlaps. The tests hold each
// claim by the order of events and by CPU time, which a busy machine cannot fake; the demo's wall-clock
// ratios are printed by `npm run bench`.
import { describe, test, expect } from 'vitest';
import { EXAMPLES, runExample, runPython, type Run } from '../support/python.ts';

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
    'prints the three measurements the chapter quotes (their ratios are npm run bench\'s business)',
    async () => {
      const out = (await demo()).stdout;
      for (const label of ['sleep', 'cpu', 'cpu \\+ sleep']) pair(out, label);
    },
    TEST_TIMEOUT_MS,
  );
});

// The same claims, held by what a busy machine cannot fake: the order of events and CPU time, measured
// with io_vs_cpu.py's own functions. Wall-clock ratios (the demo's "ratio" lines) are what
// `npm run bench` prints; another program on these two cores can push any of them past a bound.
const PROBE = String.raw`
import json, sys, threading, time
sys.path.insert(0, sys.argv[1])
import io_vs_cpu as m
out = {'gil': (getattr(sys, '_is_gil_enabled', None) or (lambda: True))()}

spans, c0 = {}, time.process_time()
def nap(k):
    a = time.monotonic(); time.sleep(m.SLEEP); spans[k] = (a, time.monotonic())
ts = [threading.Thread(target=nap, args=(k,)) for k in 'ab']
for t in ts: t.start()
for t in ts: t.join()
out['sleeps'], out['sleep_cpu'] = spans, time.process_time() - c0

n = m.calibrate(m.CPU)
w0, c0 = time.perf_counter(), time.process_time()
m.in_threads(lambda: m.spin(n), lambda: m.spin(n))
out['cores'] = (time.process_time() - c0) / (time.perf_counter() - w0)

marks, asleep, done = [], {}, threading.Event()
def compute():
    while not done.is_set() and len(marks) < 10_000:
        m.spin(max(1, n // 50)); marks.append(time.monotonic())
def doze():
    a, c = time.monotonic(), time.thread_time()
    time.sleep(m.CPU)
    asleep['span'], asleep['cpu'] = (a, time.monotonic()), time.thread_time() - c
    done.set()
t = threading.Thread(target=compute); t.start()
while not marks: time.sleep(0.001)
m.in_threads(doze); t.join()
a, b = asleep['span']
out['computed_while_asleep'] = sum(a < x < b for x in marks)
out['sleeper_cpu'] = asleep['cpu']
print(json.dumps(out))
`;

describe('io_vs_cpu.py, probed: the order of events and CPU time', () => {
  let cached: Promise<Run> | null = null;
  const probe = () => (cached ??= runPython(['-c', PROBE, EXAMPLES], { timeoutMs: 60_000 }));
  const result = async () => {
    const run = await probe();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout) as { gil: boolean; sleeps: Record<'a' | 'b', [number, number]>; sleep_cpu: number; cores: number; computed_while_asleep: number; sleeper_cpu: number };
  };

  test(
    'two threads that each sleep 0.5 s sleep at the same time (each went to sleep before the other woke) and use next to no CPU while they do',
    async () => {
      const { sleeps: { a, b }, sleep_cpu } = await result();
      expect(a[0], JSON.stringify({ a, b })).toBeLessThan(b[1]);
      expect(b[0], JSON.stringify({ a, b })).toBeLessThan(a[1]);
      expect(sleep_cpu, 'CPU seconds the process used during two 0.5 s sleeps').toBeLessThan(0.1);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'with the GIL, two computing threads keep at most one core busy (CPU time ≤ 1.2 × wall time), so they are no faster than computing twice',
    async () => {
      const r = await result();
      if (!r.gil) return; // a free-threaded build may really run them in parallel
      expect(r.cores, JSON.stringify(r)).toBeLessThanOrEqual(1.2);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'a thread computes while another sleeps: it finishes pieces of work inside the sleep, and the sleeper uses no CPU',
    async () => {
      const r = await result();
      expect(r.sleeper_cpu, JSON.stringify(r)).toBeLessThan(0.02);
      expect(r.computed_while_asleep, JSON.stringify(r)).toBeGreaterThanOrEqual(1);
    },
    TEST_TIMEOUT_MS,
  );
});
