// Runs the chapter 14 examples (content/examples/selectors_echo.py, asyncio_echo.py, asyncio_framing.py,
// asyncio_queue.py, asyncio_tools.py, futures_pool.py, io_models_compare.py) for real with python3 on
// 127.0.0.1 and checks what the chapter says about them: one thread serves every client, and one blocking
// call in it stalls them all (await asyncio.sleep does not); readexactly() parses the course's frames
// byte for byte however the stream is cut, and a frame cut off by a close ends in IncompleteReadError;
// asyncio.Queue suspends a producer on a full queue and hands items out first in, first out; timeouts,
// cancellation, TaskGroup, gather and to_thread behave as the chapter says; as_completed yields in
// completion order and the process pool computes what this file computes; the threading server's
// thread count grows with its clients while the selectors and asyncio servers stay at one thread.
// Timing claims are lower bounds a busy machine can only raise, or ratios within one run; wall-time
// ratios between the three server models are printed, never asserted.
import { describe, test, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES, expectClean, POSIX, runPython, type Run } from '../support/python.ts';

const TEST_TIMEOUT_MS = 30_000;
const example = (file: string, ...args: string[]) => runPython([join(EXAMPLES, file), ...args], { cwd: EXAMPLES });

/** One run per command line, shared by the tests that read it. */
const runs = new Map<string, Promise<Run>>();
function once(file: string, ...args: string[]): Promise<Run> {
  const key = [file, ...args].join(' ');
  let run = runs.get(key);
  if (!run) runs.set(key, (run = example(file, ...args)));
  return run;
}

/** A whole line of stdout that matches `re` (anchored with ^...$ and the m flag), or a failed expect. */
function line(stdout: string, re: RegExp): RegExpExecArray {
  const m = re.exec(stdout);
  expect(m, `no line matches ${re}\n--- stdout ---\n${stdout}`).not.toBeNull();
  return m!;
}

// The course vectors: ../shared/data next to this worktree where it exists (as the unit tests read it),
// else the byte-identical copy that chapter 6's tests keep in tests/fixtures/framing.
const SHARED = join(process.cwd(), '..', 'shared', 'data');
const FIXTURES = join(process.cwd(), 'tests', 'fixtures', 'framing');
const HAS_SHARED = existsSync(join(SHARED, 'framing_vectors.json')) && existsSync(join(SHARED, 'widget_vectors.json'));

interface Vector {
  label: string;
  header_dict: Record<string, unknown>;
  ensure_ascii_false_utf8: { frame_prefix_plus_header_hex_net: string };
  body_hex?: string;
}
interface StreamDemo {
  stream_hex: string;
  frame1_len: number;
  recv_chunks_hex: string[];
  expected_messages: { header: Record<string, unknown>; body_utf8: string }[];
}
const VECTORS = (
  JSON.parse(readFileSync(HAS_SHARED ? join(SHARED, 'framing_vectors.json') : join(FIXTURES, 'framing_vectors.json'), 'utf8')) as {
    vectors: Vector[];
  }
).vectors;
const STREAM: StreamDemo = HAS_SHARED
  ? (JSON.parse(readFileSync(join(SHARED, 'widget_vectors.json'), 'utf8')) as { stream_demo: StreamDemo }).stream_demo
  : (JSON.parse(readFileSync(join(FIXTURES, 'stream_demo.json'), 'utf8')) as StreamDemo);

// ---------------------------------------------------------------------------------------------------
// selectors_echo.py and asyncio_echo.py

interface EchoRound {
  clients: Map<number, { ok: number; lines: number; latency: number; slept: boolean }>;
  others: { min: number; max: number };
  okTotal: number;
  expected: number;
  threads: number;
}

function clientLines(block: string): EchoRound['clients'] {
  const clients: EchoRound['clients'] = new Map();
  for (const m of block.matchAll(/^client (\d+): (\d+)\/(\d+) echoes ok, first echo after ([\d.]+) s( \(the server slept on this one\))?$/gm))
    clients.set(Number(m[1]), { ok: Number(m[2]), lines: Number(m[3]), latency: Number(m[4]), slept: m[5] !== undefined });
  return clients;
}

function selectorsRound(stdout: string): EchoRound {
  const others = line(stdout, /^other clients' first echo: min ([\d.]+) s, max ([\d.]+) s/m);
  const sum = line(stdout, /^summary: (\d+)\/(\d+) echoes ok, \d+ clients, server used (\d+) thread\(s\)$/m);
  return {
    clients: clientLines(stdout),
    others: { min: Number(others[1]), max: Number(others[2]) },
    okTotal: Number(sum[1]),
    expected: Number(sum[2]),
    threads: Number(sum[3]),
  };
}

/** Splits asyncio_echo.py's output at its "== ... [label] ==" headers. */
function asyncioRounds(stdout: string): Map<string, EchoRound> {
  const out = new Map<string, EchoRound>();
  const parts = stdout.split(/^== asyncio echo server on 127\.0\.0\.1:\d+: \d+ clients, \d+ lines each, \[(.+)\] ==$/m);
  for (let i = 1; i < parts.length; i += 2) {
    const label = parts[i]!;
    const block = parts[i + 1]!;
    const esc = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const others = line(block, new RegExp(`^\\[${esc}\\] other clients' first echo: min ([\\d.]+) s, max ([\\d.]+) s$`, 'm'));
    const sum = line(block, new RegExp(`^summary \\[${esc}\\]: (\\d+)/(\\d+) echoes ok, \\d+ clients, server used (\\d+) thread\\(s\\)$`, 'm'));
    out.set(label, {
      clients: clientLines(block),
      others: { min: Number(others[1]), max: Number(others[2]) },
      okTotal: Number(sum[1]),
      expected: Number(sum[2]),
      threads: Number(sum[3]),
    });
  }
  return out;
}

function expectEveryEcho(round: EchoRound | undefined, clients: number, lines: number) {
  expect(round, 'the round should appear in the output').toBeDefined();
  expect([...round!.clients.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: clients }, (_, i) => i));
  for (const [i, c] of round!.clients) {
    expect(c.lines, `client ${i}`).toBe(lines);
    expect(c.ok, `client ${i}: every echo equals the line it sent`).toBe(lines);
  }
  expect(round!.okTotal).toBe(clients * lines);
  expect(round!.expected).toBe(clients * lines);
  expect(round!.threads, 'the server ran in one thread').toBe(1);
}

const SLEEP = 0.5; // the examples' blocking handler sleeps this long

/**
 * The client whose line the slow handler read: the server names it ("read 'client N line 0'") and the
 * client lines mark it. Client 0 sends first, so it is usually client 0, but the server may accept
 * another connection first and read that one's line first; the chapter's point holds either way.
 */
function sleptOn(block: string, round: EchoRound, call: string): number {
  const esc = call.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = line(block, new RegExp(`^server: the handler for 127\\.0\\.0\\.1:\\d+ read 'client (\\d+) line 0' and calls ${esc}\\(0\\.5\\)`, 'm'));
  const marked = [...round.clients].filter(([, c]) => c.slept).map(([i]) => i);
  expect(marked, 'exactly one client is marked as the one the server slept on').toEqual([Number(m[1])]);
  return Number(m[1]);
}

describe('selectors_echo.py: one thread, many sockets', () => {
  test(
    'five clients, three lines each: every echo equals what was sent, and the server used one thread',
    async () => {
      const run = await once('selectors_echo.py');
      expectClean(run);
      expect(run.stdout).toMatch(/^== selectors echo server on 127\.0\.0\.1:[1-9]\d*: 5 clients, 3 lines each ==$/m);
      expectEveryEcho(selectorsRound(run.stdout), 5, 3);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'fifty clients are still one thread',
    async () => {
      const run = await once('selectors_echo.py', '50', '--lines', '2');
      expectClean(run);
      expectEveryEcho(selectorsRound(run.stdout), 50, 2);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    '--blocking-handler: one time.sleep(0.5) in the loop, and every other client waits at least 0.5 s; without it they wait a fraction of that',
    async () => {
      const [plain, blocked] = await Promise.all([once('selectors_echo.py'), once('selectors_echo.py', '--blocking-handler')]);
      expectClean(blocked);
      expect(blocked.stdout).toMatch(/^server: the handler for .* calls time\.sleep\(0\.5\): the whole loop stops$/m);
      const b = selectorsRound(blocked.stdout);
      const p = selectorsRound(plain.stdout);
      expectEveryEcho(b, 5, 3);
      sleptOn(blocked.stdout, b, 'time.sleep');
      // Latencies count from client 0's send, before any line reached the server: no echo leaves before the sleep ends.
      expect(b.others.min, 'the other clients stall behind the sleeping handler').toBeGreaterThanOrEqual(SLEEP);
      for (const [i, c] of b.clients) expect(c.latency, `client ${i}`).toBeGreaterThanOrEqual(SLEEP);
      expect(p.others.max, `without the sleep ${p.others.max} s, with it ${b.others.min} s`).toBeLessThanOrEqual(0.5 * b.others.min);
    },
    TEST_TIMEOUT_MS,
  );
});

describe('asyncio_echo.py: start_server, StreamReader/StreamWriter, clients gathered on the same loop', () => {
  test(
    'five clients, three lines each: every echo equals what was sent, and the server used one thread',
    async () => {
      const run = await once('asyncio_echo.py');
      expectClean(run);
      const rounds = asyncioRounds(run.stdout);
      expect([...rounds.keys()]).toEqual(['no slow handler']);
      expectEveryEcho(rounds.get('no slow handler'), 5, 3);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    '--blocking-handler: time.sleep(0.5) in a coroutine stalls every client; await asyncio.sleep(0.5) stalls only its own',
    async () => {
      const run = await once('asyncio_echo.py', '--blocking-handler');
      expectClean(run);
      const rounds = asyncioRounds(run.stdout);
      expect([...rounds.keys()]).toEqual(['time.sleep', 'await asyncio.sleep']);
      const blocked = rounds.get('time.sleep')!;
      const yielded = rounds.get('await asyncio.sleep')!;
      expectEveryEcho(blocked, 5, 3);
      expectEveryEcho(yielded, 5, 3);
      const [, blockedOut, yieldedOut] = run.stdout.split(/^== asyncio echo server on .*$/m);
      sleptOn(blockedOut!, blocked, 'time.sleep');
      const slow = sleptOn(yieldedOut!, yielded, 'await asyncio.sleep');
      expect(blocked.others.min, 'time.sleep: the others wait for the whole sleep').toBeGreaterThanOrEqual(SLEEP);
      for (const [i, c] of blocked.clients) expect(c.latency, `time.sleep: client ${i}`).toBeGreaterThanOrEqual(SLEEP);
      // With await asyncio.sleep only the client whose request is slow waits.
      expect(yielded.clients.get(slow)!.latency).toBeGreaterThanOrEqual(SLEEP);
      expect(yielded.others.max, `asyncio.sleep ${yielded.others.max} s vs time.sleep ${blocked.others.min} s`).toBeLessThanOrEqual(0.5 * blocked.others.min);
      const worst = line(run.stdout, /^other clients' worst first echo: time\.sleep ([\d.]+) s, await asyncio\.sleep ([\d.]+) s$/m);
      expect(Number(worst[1])).toBe(blocked.others.max);
      expect(Number(worst[2])).toBe(yielded.others.max);
    },
    TEST_TIMEOUT_MS,
  );
});

// ---------------------------------------------------------------------------------------------------
// asyncio_framing.py

/** "[hex]" values of the lines `prefix 'label' ...: [hex]`, by label. */
function hexByLabel(stdout: string, prefix: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of stdout.matchAll(new RegExp(`^${prefix} '(.+?)'(?: \\(\\d+ bytes\\))?: \\[([0-9a-f]*)\\]$`, 'gm'))) out.set(m[1]!, m[2]!);
  return out;
}

interface Parsed {
  header: Record<string, unknown>;
  bodyHex: string;
}
function parsedFrames(stdout: string): Parsed[] {
  return [...stdout.matchAll(/^server parsed frame (\d+): header (\{.*\}), body (\d+) bytes \[([0-9a-f]*)\]$/gm)].map((m, i) => {
    expect(Number(m[1])).toBe(i + 1);
    expect(m[4]!.length).toBe(2 * Number(m[3]));
    return { header: JSON.parse(m[2]!) as Record<string, unknown>, bodyHex: m[4]! };
  });
}

const WITH_BODY = VECTORS.filter((v) => v.body_hex !== undefined);
const utf8hex = (s: string) => Buffer.from(s, 'utf8').toString('hex');
const frame2Hex = STREAM.stream_hex.slice(2 * STREAM.frame1_len); // stream_demo's second frame

describe('asyncio_framing.py: the chapter 6 frames read with readexactly()', () => {
  test(
    'every header frame it prints is the course vector byte for byte (4-byte !I length + ensure_ascii=False UTF-8 JSON)',
    async () => {
      const run = await once('asyncio_framing.py');
      expectClean(run);
      const headers = hexByLabel(run.stdout, 'header frame');
      for (const v of VECTORS) expect(headers.get(v.label), v.label).toBe(v.ensure_ascii_false_utf8.frame_prefix_plus_header_hex_net);
      expect(frame2Hex.startsWith(headers.get('stream_demo frame 2')!)).toBe(true);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'the frames it sends are the vectors with bodies and stream_demo\'s second frame, byte for byte, and the server parses each header and body exactly',
    async () => {
      const run = await once('asyncio_framing.py');
      expectClean(run);
      const sent = hexByLabel(run.stdout, 'client frame \\d+');
      const expected = new Map<string, string>(WITH_BODY.map((v) => [v.label, v.ensure_ascii_false_utf8.frame_prefix_plus_header_hex_net + v.body_hex!]));
      expected.set('stream_demo frame 2', frame2Hex);
      expect(WITH_BODY.length).toBeGreaterThanOrEqual(2);
      expect(new Map(sent)).toEqual(expected);
      expect(STREAM.stream_hex.startsWith(sent.get('ascii small file')!)).toBe(true);
      const parsed = parsedFrames(run.stdout);
      const want: Parsed[] = [
        ...WITH_BODY.map((v) => ({ header: v.header_dict, bodyHex: v.body_hex! })),
        { header: STREAM.expected_messages[1]!.header, bodyHex: utf8hex(STREAM.expected_messages[1]!.body_utf8) },
      ];
      expect(parsed).toEqual(want);
      expect(run.stdout).toMatch(/^server: the client closed between frames after 3 frame\(s\)$/m);
      expect(run.stdout).toMatch(/^summary: 3 frames sent, 3 parsed, all equal: True$/m);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    '--cut 1: the same stream written one byte per write parses into the same frames',
    async () => {
      const [whole, bytewise] = await Promise.all([once('asyncio_framing.py'), once('asyncio_framing.py', '--cut', '1')]);
      expectClean(bytewise);
      const total = Number(line(bytewise.stdout, /^client writes (\d+) bytes in (\d+) write\(s\)$/m)[1]);
      expect(bytewise.stdout).toMatch(new RegExp(`^client writes ${total} bytes in ${total} write\\(s\\)$`, 'm'));
      expect(total).toBe([...hexByLabel(whole.stdout, 'client frame \\d+').values()].join('').length / 2);
      expect(parsedFrames(bytewise.stdout)).toEqual(parsedFrames(whole.stdout));
      expect(parsedFrames(bytewise.stdout)).toHaveLength(3);
      expect(bytewise.stdout).toMatch(/^summary: 3 frames sent, 3 parsed, all equal: True$/m);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    '--cut stream_demo: stream_demo\'s bytes, cut at its recv() boundaries, give its two messages',
    async () => {
      const run = await once('asyncio_framing.py', '--cut', 'stream_demo');
      expectClean(run);
      const chunks = [...run.stdout.matchAll(/^client chunk (\d+)\/(\d+) \((\d+) bytes\): \[([0-9a-f]*)\]$/gm)].map((m) => m[4]!);
      expect(chunks).toEqual(STREAM.recv_chunks_hex);
      expect(chunks.join('')).toBe(STREAM.stream_hex);
      const want = STREAM.expected_messages.map((m) => ({ header: m.header, bodyHex: utf8hex(m.body_utf8) }));
      expect(parsedFrames(run.stdout)).toEqual(want);
      expect(run.stdout).toMatch(/^summary: 2 frames sent, 2 parsed, all equal: True$/m);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    '--truncate: a close in the body or in the length prefix ends in IncompleteReadError, reported, and the run still exits 0',
    async () => {
      const run = await once('asyncio_framing.py', '--truncate');
      expectClean(run);
      expect(run.stdout).toMatch(/^server: IncompleteReadError after 0 frame\(s\): the peer closed after 5 of 11 bytes \(partial b'hello'\)$/m);
      expect(run.stdout).toMatch(/^server: IncompleteReadError after 0 frame\(s\): the peer closed after 2 of 4 bytes \(partial b'\\x00\\x00'\)$/m);
      expect(run.stdout).not.toMatch(/^server parsed/m);
    },
    TEST_TIMEOUT_MS,
  );
});

// ---------------------------------------------------------------------------------------------------
// asyncio_queue.py

function expectQueueRun(stdout: string, items: number) {
  const got = [...stdout.matchAll(/^(c\d) got (p\d)-(\d+)$/gm)].map((m) => ({ consumer: m[1]!, producer: m[2]!, n: Number(m[3]) }));
  const names = got.map((g) => `${g.producer}-${g.n}`).sort();
  const all = ['p0', 'p1'].flatMap((p) => Array.from({ length: items }, (_, i) => `${p}-${i}`)).sort();
  expect(names, 'every item consumed exactly once').toEqual(all);
  for (const p of ['p0', 'p1']) {
    // One FIFO queue, one thread: the gets of one producer's items come in the order it put them.
    expect(got.filter((g) => g.producer === p).map((g) => g.n)).toEqual(Array.from({ length: items }, (_, i) => i));
    const put = [...stdout.matchAll(new RegExp(`^${p} put ${p}-(\\d+)(?: after waiting [\\d.]+ s)?$`, 'gm'))].map((m) => Number(m[1]));
    expect(put).toEqual(Array.from({ length: items }, (_, i) => i));
    expect(stdout).toMatch(new RegExp(`^${p} finished$`, 'm'));
  }
  // A full queue suspends put(): the "waits" line comes first, then the put that waited.
  const lines = stdout.split('\n');
  const waits = lines.flatMap((l, i) => {
    const m = /^(p\d) waits: the queue is full \((\d+)\/(\d+)\), (p\d-\d+) not put yet$/.exec(l);
    return m ? [{ i, producer: m[1]!, size: Number(m[2]), max: Number(m[3]), item: m[4]! }] : [];
  });
  expect(waits.length, 'a producer waited on a full queue').toBeGreaterThan(0);
  for (const w of waits) {
    expect(w.size).toBe(w.max);
    const after = lines.indexOf(`${w.producer} put ${w.item}`, w.i);
    const waited = lines.findIndex((l, j) => j > w.i && l.startsWith(`${w.producer} put ${w.item} after waiting `));
    expect(after, 'a waiting put does not return at once').toBe(-1);
    expect(waited).toBeGreaterThan(w.i);
  }
  expect(lines.filter((l) => l !== '').at(-1), 'the run ended').toBe('main: done');
}

describe('asyncio_queue.py: asyncio.Queue(maxsize=2), two producers, two consumers', () => {
  test(
    'q.join() + cancel(): every item once, FIFO per producer, producers wait on the full queue, consumers are cancelled after join',
    async () => {
      const run = await once('asyncio_queue.py');
      expectClean(run);
      expect(run.stdout).toMatch(/^== asyncio\.Queue\(maxsize=2\), q\.join\(\) \+ cancel\(\), 2 producers x 5 items, 2 consumers ==$/m);
      expectQueueRun(run.stdout, 5);
      const lines = run.stdout.trimEnd().split('\n');
      const joined = lines.indexOf('main: q.join() returned, every item was processed');
      expect(joined).toBeGreaterThan(0);
      expect(lines.slice(joined).some((l) => / got /.test(l)), 'no item is taken after join() returned').toBe(false);
      const cancelled = [...run.stdout.matchAll(/^(c\d) cancelled after (\d+) items$/gm)];
      expect(cancelled.map((m) => m[1]).sort()).toEqual(['c0', 'c1']);
      expect(cancelled.reduce((s, m) => s + Number(m[2]), 0)).toBe(10);
      expect(run.stdout).toMatch(/^main: 2 consumers cancelled$/m);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    '--sentinels: one None per consumer ends them, after every item',
    async () => {
      const run = await once('asyncio_queue.py', '--sentinels');
      expectClean(run);
      expectQueueRun(run.stdout, 5);
      const stops = [...run.stdout.matchAll(/^(c\d) got None, stops after (\d+) items$/gm)];
      expect(stops.map((m) => m[1]).sort()).toEqual(['c0', 'c1']);
      expect(stops.reduce((s, m) => s + Number(m[2]), 0)).toBe(10);
      expect(run.stdout).toMatch(/^main: consumers ate 10 items$/m);
    },
    TEST_TIMEOUT_MS,
  );
});

// ---------------------------------------------------------------------------------------------------
// asyncio_tools.py

describe('asyncio_tools.py: timeout, cancel, TaskGroup, gather, to_thread', () => {
  const tools = () => once('asyncio_tools.py');

  test(
    'asyncio.timeout(0.3) on a read the server never answers raises TimeoutError',
    async () => {
      const run = await tools();
      expectClean(run);
      const m = line(run.stdout, /^timeout: TimeoutError after ([\d.]+) s, the server never answered$/m);
      expect(Number(m[1])).toBeGreaterThanOrEqual(0.25);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'task.cancel(): the task gets CancelledError at its await, its finally runs, and awaiting it raises CancelledError',
    async () => {
      const lines = (await tools()).stdout.split('\n');
      const at = (l: string) => lines.indexOf(l);
      expect(at('worker: opened its resource')).toBeGreaterThanOrEqual(0);
      expect(at('worker: got CancelledError')).toBeGreaterThan(at('worker: opened its resource'));
      expect(at('worker: cleanup in finally ran, resource closed')).toBeGreaterThan(at('worker: got CancelledError'));
      expect(at('main: awaiting the task raised CancelledError, task.cancelled() = True')).toBeGreaterThan(at('worker: cleanup in finally ran, resource closed'));
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'TaskGroup: one child fails, the unfinished siblings are cancelled, and except* catches an ExceptionGroup',
    async () => {
      const out = (await tools()).stdout;
      expect(out).toMatch(/^taskgroup: fast finished after 0\.05 s$/m);
      expect(out).toMatch(/^taskgroup: slow was cancelled$/m);
      expect(out).toMatch(/^taskgroup: slower was cancelled$/m);
      expect(out).not.toMatch(/^taskgroup: slow(er)? finished/m);
      expect(out).toMatch(/^taskgroup: ExceptionGroup caught with except\* ValueError: \(ValueError\('bad failed'\),\)$/m);
      expect(out).toMatch(/^taskgroup: fast had already finished: result 'fast'$/m);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'gather(return_exceptions=True) returns the exception in its place, in the order passed in',
    async () => {
      expect((await tools()).stdout).toMatch(/^gather: \[1, ValueError\('boom'\), 3\]$/m);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'a blocking call in the loop stops the ticks; run_in_executor and to_thread run it in another thread while the loop keeps ticking',
    async () => {
      const out = (await tools()).stdout;
      const direct = line(out, /^executor: time\.sleep\(0\.3\) called directly: [\d.]+ s, ran in (\S+), the loop ticked (\d+) times meanwhile$/m);
      expect(direct[1]).toBe('MainThread');
      expect(Number(direct[2])).toBe(0);
      for (const label of ['loop\\.run_in_executor\\(None, \\.\\.\\.\\)', 'asyncio\\.to_thread\\(\\.\\.\\.\\)']) {
        const m = line(out, new RegExp(`^executor: ${label}: [\\d.]+ s, ran in (\\S+), the loop ticked (\\d+) times meanwhile$`, 'm'));
        expect(m[1]).not.toBe('MainThread');
        // About six ticks on a quiet machine; one proves the loop ran (called directly it cannot
        // tick at all), and stays true on a machine too busy to wake the ticker on time.
        expect(Number(m[2]), `${label} ticks`).toBeGreaterThanOrEqual(1);
      }
    },
    TEST_TIMEOUT_MS,
  );
});

// ---------------------------------------------------------------------------------------------------
// futures_pool.py

/** Primes below `limit`, counted here with a sieve (the example uses trial division). */
function primesBelow(limit: number): number {
  const composite = new Uint8Array(limit);
  let count = 0;
  for (let n = 2; n < limit; n++) {
    if (composite[n]) continue;
    count++;
    for (let k = n * n; k < limit; k += n) composite[k] = 1;
  }
  return count;
}

describe.each(['default', 'spawn'])('futures_pool.py, process pool start method: %s', (method) => {
  const pool = () => (method === 'default' ? once('futures_pool.py') : once('futures_pool.py', '--start-method', method));

  test(
    'as_completed yields the thread pool\'s sleeps in completion order: shortest first, not the order submitted',
    async () => {
      const run = await pool();
      expectClean(run);
      const submitted = JSON.parse(line(run.stdout, /^== ThreadPoolExecutor: \d+ sleeps, submitted in the order (\[.*\]) ==$/m)[1]!) as number[];
      const done = [...run.stdout.matchAll(/^as_completed: sleep ([\d.]+) s done in \S+ at [\d.]+ s$/gm)].map((m) => Number(m[1]));
      const sorted = [...submitted].sort((a, b) => a - b);
      expect(done).toEqual(sorted);
      expect(done).not.toEqual(submitted);
      expect(run.stdout).toMatch(new RegExp(`^completion order: \\[${sorted.join(', ')}\\]$`, 'm'));
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'result(timeout=0.1) on a 0.5 s task raises TimeoutError and leaves it running; result() then waits for it',
    async () => {
      const out = (await pool()).stdout;
      expect(out).toMatch(/^result\(timeout=0\.1\): TimeoutError, the task keeps running: done\(\) = False$/m);
      expect(out).toMatch(/^result\(\): 0\.5 after all, done\(\) = True$/m);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'the process pool counts the primes right, in worker processes other than the main one',
    async () => {
      const out = (await pool()).stdout;
      if (method !== 'default') expect(out).toMatch(new RegExp(`^== ProcessPoolExecutor \\(start method ${method}\\): `, 'm'));
      const limits = JSON.parse(line(out, /^== ProcessPoolExecutor \(start method \w+\): primes below (\[.*\]) ==$/m)[1]!.replace(/_/g, '')) as number[];
      const found = new Map<number, { count: number; pid: number }>();
      for (const m of out.matchAll(/^process pool: primes below (\d+) = (\d+) \(worker pid (\d+)\)$/gm)) found.set(Number(m[1]), { count: Number(m[2]), pid: Number(m[3]) });
      expect([...found.keys()].sort((a, b) => a - b)).toEqual(limits);
      for (const limit of limits) expect(found.get(limit)!.count, `primes below ${limit}`).toBe(primesBelow(limit));
      expect(out).toMatch(new RegExp(`^map in order: \\[${limits.map(primesBelow).join(', ')}\\]$`, 'm'));
      const main = Number(line(out, /^main pid (\d+), worker pids are other processes: True$/m)[1]);
      for (const { pid } of found.values()) expect(pid).not.toBe(main);
    },
    TEST_TIMEOUT_MS,
  );
});

// ---------------------------------------------------------------------------------------------------
// io_models_compare.py

interface Model {
  ok: number;
  n: number;
  wall: number;
  served: number;
  threads: number;
  rss: string;
}
function models(stdout: string): Map<string, Model> {
  const out = new Map<string, Model>();
  const re = /^(threading|selectors|asyncio): (\d+)\/(\d+) echoes correct in ([\d.]+) s, server echoed (\d+), server threads peak (\d+), peak RSS (\+\d+ kB|n\/a)$/gm;
  for (const m of stdout.matchAll(re))
    out.set(m[1]!, { ok: Number(m[2]), n: Number(m[3]), wall: Number(m[4]), served: Number(m[5]), threads: Number(m[6]), rss: m[7]! });
  return out;
}

function expectAllAnswered(run: Run, n: number): Map<string, Model> {
  expectClean(run);
  const all = models(run.stdout);
  expect([...all.keys()]).toEqual(['threading', 'selectors', 'asyncio']);
  for (const [name, m] of all) {
    expect(m.n, name).toBe(n);
    expect(m.ok, `${name}: every client got its own line back`).toBe(n);
    expect(m.served, `${name}: the server echoed every client`).toBe(n);
  }
  expect(run.stdout).toMatch(/^every model answered every client: True$/m);
  expect(run.stdout).not.toMatch(/clients failed/);
  return all;
}

const ratios = (stdout: string) => [...stdout.matchAll(/^ratios threading\/\w+: .*$/gm)].map((m) => m[0]);

describe('io_models_compare.py: ThreadingTCPServer vs selectors vs asyncio, the same slow clients', () => {
  const small = () => once('io_models_compare.py', '20', '--time-limit', '20');
  const larger = () => once('io_models_compare.py', '100', '--time-limit', '20');

  test(
    '100 clients: all three servers answer every client correctly; the threading server peaks above one thread, the other two stay at one',
    async () => {
      const run = await larger();
      const all = expectAllAnswered(run, 100);
      expect(run.stdout).toMatch(/^== io_models_compare: 100 clients, 100 at once, server wait 0\.2 s, time limit 20 s ==$/m);
      expect(all.get('threading')!.threads).toBeGreaterThan(1);
      expect(all.get('selectors')!.threads).toBe(1);
      expect(all.get('asyncio')!.threads).toBe(1);
      expect(ratios(run.stdout)).toHaveLength(2);
      console.log(`io_models_compare.py 100:\n  ${[...all].map(([k, m]) => `${k}: ${m.wall} s, ${m.threads} threads, RSS ${m.rss}`).join('\n  ')}\n  ${ratios(run.stdout).join('\n  ')}`);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'the threading server\'s thread count grows with the clients (20 → 100); selectors and asyncio stay at one thread',
    async () => {
      const [a, b] = await Promise.all([small(), larger()]);
      const few = expectAllAnswered(a, 20);
      const many = expectAllAnswered(b, 100);
      expect(few.get('threading')!.threads).toBeGreaterThan(1);
      expect(many.get('threading')!.threads, `20 clients: ${few.get('threading')!.threads} threads, 100 clients: ${many.get('threading')!.threads}`).toBeGreaterThan(few.get('threading')!.threads);
      for (const m of [few, many]) {
        expect(m.get('selectors')!.threads).toBe(1);
        expect(m.get('asyncio')!.threads).toBe(1);
      }
      console.log(`io_models_compare.py 20:\n  ${ratios(a.stdout).join('\n  ')}`);
    },
    TEST_TIMEOUT_MS,
  );

  test.skipIf(!POSIX)(
    'an open-file limit that cannot be raised clamps the clients connected at once, and says so; every client is still answered',
    async () => {
      // RLIMIT_NOFILE (100, 100): the hard limit forbids more, so 100 clients at once (164 files) cannot fit.
      const script = [
        'import resource, runpy, sys',
        'resource.setrlimit(resource.RLIMIT_NOFILE, (100, 100))',
        "sys.argv = ['io_models_compare.py', '60', '--time-limit', '20']",
        "runpy.run_path('io_models_compare.py', run_name='__main__')",
      ].join('\n');
      const run = await runPython(['-c', script], { cwd: EXAMPLES });
      expect(run.stdout).toMatch(/^open files: the soft limit 100 is below 124, and the hard limit 100 allows no more$/m);
      expect(run.stdout).toMatch(/^concurrency: clamped to 36, the open-file limit cannot be raised$/m);
      expect(run.stdout).toMatch(/^== io_models_compare: 60 clients, 36 at once, /m);
      const all = expectAllAnswered(run, 60);
      expect(all.get('threading')!.threads).toBeLessThanOrEqual(1 + 36 + 1); // main + at most 36 connections (+ one closing)
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'the time limit ends a run that cannot finish: it says so, skips the rest, exits 1 and leaves nothing behind',
    async () => {
      const run = await example('io_models_compare.py', '1000', '--concurrency', '2', '--time-limit', '2');
      expect(run.timedOut).toBe(false);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(1);
      expect(run.leftBehind).toBe(false);
      expect(run.stdout).toMatch(/^threading: timed out after [\d.]+ s \(the time limit\)$/m);
      expect(run.stdout).toMatch(/^asyncio: skipped, the time limit was reached$/m);
      expect(run.stdout).toMatch(/^every model answered every client: False$/m);
    },
    TEST_TIMEOUT_MS,
  );
});
