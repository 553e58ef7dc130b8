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
