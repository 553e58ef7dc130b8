// Runs chapter 4's close and UDP examples (content/examples/close_vs_shutdown.py, udp_connect.py) for
// real with python3 on 127.0.0.1 and checks what the chapter says about them: after close() the peer's
// data draws an RST and its next send fails, while shutdown(SHUT_WR) leaves a half-close in which the
// peer keeps sending and the closer keeps reading; connect() on a UDP socket filters incoming datagrams
// to that peer and reports an ICMP port-unreachable as ConnectionRefusedError. Every socket binds port
// 0; each run is killed after 10 s and must leave no process behind.
import { describe, test, expect } from 'vitest';
import { expectClean, runExample } from '../support/python.ts';

const run = (file: string) => runExample(file, { timeoutMs: 10_000 });

describe('close_vs_shutdown.py: close() versus shutdown(SHUT_WR)', () => {
  test(
    "after A's close(), B reads b'', B's first sendall succeeds, and a later one fails with BrokenPipeError or ConnectionResetError",
    async () => {
      const r = await run('close_vs_shutdown.py');
      expectClean(r);
      expect(r.stdout).toMatch(/^close: B recv -> b''$/m);
      expect(r.stdout).toMatch(/^close: B 1st sendall -> ok$/m);
      expect(r.stdout).toMatch(/^close: B next sendall -> (BrokenPipeError|ConnectionResetError)$/m);
    },
  );

  test("after A's shutdown(SHUT_WR), B reads A's data up to b'', then B keeps sending and A reads all of it", async () => {
    const r = await run('close_vs_shutdown.py');
    expectClean(r);
    expect(r.stdout).toMatch(/^shutdown: B read b'question' b''$/m);
    expect(r.stdout).toMatch(/^shutdown: A read b'answer' b''$/m);
  });
});

describe.skipIf(process.platform === 'win32')('udp_connect.py: connect() on a UDP socket', () => {
  test(
    "a connected UDP socket takes only its peer's datagrams (a stranger's, sent first, never arrives) and reports port unreachable as ConnectionRefusedError; an unconnected one just times out",
    async () => {
      const r = await run('udp_connect.py');
      expectClean(r);
      expect(r.stdout.split('\n').filter(Boolean)).toEqual([
        "connected: recv -> b'from the peer'",
        "connected: the stranger's datagram never arrives",
        'not connected: recvfrom -> timeout, no error',
        'connected: recv -> ConnectionRefusedError',
      ]);
    },
  );
});
