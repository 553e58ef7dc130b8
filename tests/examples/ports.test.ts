// Runs the chapter 4 examples (content/examples/*.py) for real with python3 on 127.0.0.1 and
// checks what the chapter says about them. Each run is killed after 10 s, so no process outlives a test.
import { describe, test, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { runExample as run, type Run } from '../support/python.ts';

const runExample = (file: string) => run(file, { timeoutMs: 10_000 });

/** Linux's ephemeral range, or null where /proc does not have it. */
function linuxEphemeralRange(): [number, number] | null {
  try {
    const [lo, hi] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    return lo !== undefined && hi !== undefined && Number.isInteger(lo) && Number.isInteger(hi) ? [lo, hi] : null;
  } catch {
    return null;
  }
}

function expectCleanExit(run: Run) {
  expect(run.timedOut, 'the example should finish well within 10 s').toBe(false);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
}

describe('port_zero.py: binding port 0 lets the OS pick a free port', () => {
  test('prints "listening on 127.0.0.1:<port>" with a port in 1..65535 and exits 0', async () => {
    const run = await runExample('port_zero.py');
    expectCleanExit(run);
    const m = /^listening on 127\.0\.0\.1:(\d+)$/m.exec(run.stdout);
    expect(m, `unexpected output: ${JSON.stringify(run.stdout)}`).not.toBeNull();
    const port = Number(m![1]);
    expect(port).toBeGreaterThanOrEqual(1);
    expect(port).toBeLessThanOrEqual(65535);
  });

  test('the port is never 0: the kernel replaces 0 with a real port number', async () => {
    const run = await runExample('port_zero.py');
    expectCleanExit(run);
    expect(run.stdout).not.toMatch(/:0$/m);
  });

  const range = linuxEphemeralRange();
  test.skipIf(range === null)('on Linux the chosen port comes from ip_local_port_range', async () => {
    const run = await runExample('port_zero.py');
    expectCleanExit(run);
    const port = Number(/:(\d+)$/m.exec(run.stdout)![1]);
    expect(port).toBeGreaterThanOrEqual(range![0]);
    expect(port).toBeLessThanOrEqual(range![1]);
  });
});

describe('same_port.py: a port number is per protocol, so TCP and UDP can both bind it', () => {
  test('prints the same port number for tcp and udp on 127.0.0.1 and exits 0', async () => {
    const run = await runExample('same_port.py');
    expectCleanExit(run);
    const m = /^tcp 127\.0\.0\.1:(\d+) and udp 127\.0\.0\.1:(\d+) both bound$/m.exec(run.stdout);
    expect(m, `unexpected output: ${JSON.stringify(run.stdout)}`).not.toBeNull();
    const [tcp, udp] = [Number(m![1]), Number(m![2])];
    expect(tcp).toBe(udp);
    expect(tcp).toBeGreaterThanOrEqual(1);
    expect(tcp).toBeLessThanOrEqual(65535);
  });
});

describe('four_tuple.py: one listening port, many connections told apart by the peer', () => {
  test('exits 0 with empty stderr, leaves nothing behind and prints exactly three lines', async () => {
    const run = await runExample('four_tuple.py');
    expectCleanExit(run);
    expect(run.leftBehind).toBe(false);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(3);
  });

  test('all three local addresses are the same 127.0.0.1:port; the three peer ports are distinct and differ from it', async () => {
    const run = await runExample('four_tuple.py');
    expectCleanExit(run);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const pairs = lines.map((line) => {
      const m = /^\('127\.0\.0\.1', (\d+)\) <-> \('127\.0\.0\.1', (\d+)\)$/.exec(line);
      expect(m, `unexpected line: ${JSON.stringify(line)}`).not.toBeNull();
      return { local: Number(m![1]), peer: Number(m![2]) };
    });
    const local = pairs[0]!.local;
    expect(local).toBeGreaterThanOrEqual(1);
    expect(local).toBeLessThanOrEqual(65535);
    for (const p of pairs) expect(p.local).toBe(local);
    const peers = pairs.map((p) => p.peer);
    expect(new Set(peers).size).toBe(3);
    expect(peers).not.toContain(local);
  });
});
