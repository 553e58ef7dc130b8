// The ports model held to outside truths: the IANA ranges as python3 computes them for every port
// (and around the edges), Linux's ephemeral range, and a real TCP server on 127.0.0.1 (port 0)
// with three clients: every accepted connection shares the server's port and is its own
// (local, remote) pair, which is what the widget's connection table shows.
import { describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { classifyPort, decodeState, encodeState, ephemeralPorts, inLinuxEphemeral, LINUX_EPHEMERAL, MAX_CLIENTS, parsePort, PortError, SERVER, sockets, tupleOf } from '../../src/widgets/ports/model.ts';

const py = (code: string, input = '') => execFileSync('python3', ['-c', code], { input, encoding: 'utf8', timeout: 20_000, maxBuffer: 64 << 20 });

describe('classifyPort and inLinuxEphemeral agree with Python for every port', () => {
  const out = JSON.parse(
    py(`import json
def iana(n):
    if n in range(0, 1024): return 'system'
    if n in range(1024, 49152): return 'user'
    if n in range(49152, 65536): return 'dynamic'
print(json.dumps([[iana(n), n in range(32768, 61000)] for n in range(65536)]))`),
  ) as Array<[string, boolean]>;
  test('all 65 536 ports', () => {
    const mine = Array.from({ length: 65536 }, (_, n) => [classifyPort(n), inLinuxEphemeral(n)]);
    expect(mine).toEqual(out);
  });
  test.each([-1, 65536, 70000, 8000.5, NaN, Infinity])('classifyPort(%s) throws', (n) => {
    expect(() => classifyPort(n)).toThrow(RangeError);
    expect(inLinuxEphemeral(n)).toBe(false);
  });
});

describe('parsePort says what is wrong with a typed port', () => {
  test.each([
    ['70000', 'range'],
    ['-1', 'range'],
    ['abc', 'not-number'],
    ['8000.5', 'not-integer'],
    ['', 'empty'],
    ['0x1f', 'not-number'],
    ['9'.repeat(60), 'not-number'],
  ])('%j → %s', (text, key) => {
    expect(() => parsePort(text)).toThrow(PortError);
    try {
      parsePort(text);
    } catch (e) {
      expect((e as PortError).key).toBe(key);
    }
  });
  test('whole numbers in range parse', () => {
    expect(parsePort(' 8000 ')).toBe(8000);
    expect(parsePort('0')).toBe(0);
    expect(parsePort('65535')).toBe(65535);
  });
});

describe('the connections', () => {
  test('ephemeral ports lie in Linux’s range and never repeat, even for many clients', () => {
    const ports = ephemeralPorts(5000);
    expect(new Set(ports).size).toBe(ports.length);
    for (const p of ports) expect(inLinuxEphemeral(p)).toBe(true);
    expect(ephemeralPorts(3)).toEqual(ephemeralPorts(3)); // a link shows the same ports
  });
  test('every row is a distinct four-tuple and every TCP row has the server’s port', () => {
    for (let c = 0; c <= MAX_CLIENTS; c++) {
      const rows = sockets(c);
      expect(new Set(rows.map(tupleOf)).size).toBe(rows.length);
      for (const r of rows) expect(r.local).toBe(`${SERVER.host}:${SERVER.port}`);
      expect(rows.filter((r) => r.state === 'ESTAB')).toHaveLength(c);
      expect(rows.filter((r) => r.proto === 'udp')).toHaveLength(1);
    }
  });

  test('a real server on 127.0.0.1 with 3 clients: the same server port, distinct pairs (as the widget shows)', () => {
    const out = py(`import json, socket
with socket.create_server(('127.0.0.1', 0)) as server:
    port = server.getsockname()[1]
    clients = [socket.create_connection(('127.0.0.1', port)) for _ in range(3)]
    pairs = []
    for _ in clients:
        conn, peer = server.accept()
        pairs.append([list(conn.getsockname()), list(peer)])
        conn.close()
    for c in clients:
        c.close()
    lo, hi = map(int, open('/proc/sys/net/ipv4/ip_local_port_range').read().split())
    print(json.dumps({'port': port, 'pairs': pairs, 'range': [lo, hi]}))`);
    const real = JSON.parse(out) as { port: number; pairs: Array<[[string, number], [string, number]]>; range: [number, number] };
    const { pairs } = real;
    expect(pairs).toHaveLength(3);
    for (const [local, remote] of pairs) {
      expect(local).toEqual(['127.0.0.1', real.port]);
      expect(remote[0]).toBe('127.0.0.1');
      expect(remote[1]).toBeGreaterThanOrEqual(real.range[0]);
      expect(remote[1]).toBeLessThanOrEqual(real.range[1]);
    }
    expect(new Set(pairs.map((p) => JSON.stringify(p))).size).toBe(3);
    // The model's picture has the same shape: local side shared, remote sides distinct.
    const model = sockets(3).filter((r) => r.state === 'ESTAB');
    expect(new Set(model.map((r) => r.local)).size).toBe(1);
    expect(new Set(model.map((r) => r.remote)).size).toBe(3);
    if (real.range[0] === LINUX_EPHEMERAL.from && real.range[1] === LINUX_EPHEMERAL.to) for (const [, remote] of pairs) expect(inLinuxEphemeral(remote[1])).toBe(true);
  });

  test('a second TCP bind to a listening address fails with EADDRINUSE while UDP binds the same number', () => {
    const out = py(`import errno, socket, json
a = socket.create_server(('127.0.0.1', 0)); p = a.getsockname()[1]
b = socket.socket()
try:
    b.bind(('127.0.0.1', p)); r = 'ok'
except OSError as e:
    r = errno.errorcode[e.errno]
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(('127.0.0.1', p))
print(json.dumps([r, u.getsockname()[1] == p])); a.close(); b.close(); u.close()`);
    expect(JSON.parse(out)).toEqual(['EADDRINUSE', true]);
  });

  test('the link state round-trips and garbage is refused', () => {
    for (const s of [{ port: 0, clients: 0, rebind: false }, { port: 65535, clients: MAX_CLIENTS, rebind: true }]) expect(decodeState(encodeState(s))).toEqual(s);
    for (const bad of ['', 'x', '70000.1', '80.13', '80.1.c', '80', '\u0000']) expect(decodeState(bad)).toBeNull();
  });
});
