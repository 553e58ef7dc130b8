// Real packets (content/captures/*.json, scripts/capture.py): what Linux sent on lo while the course's
// examples ran. Always: the committed files have the shape the site reads, and hold what the examples
// fix (the handshake, the data each program writes, who closes first, the RST of a closed port, the
// TIME_WAIT line). As root on Linux: the five scenarios are recorded again into a temp folder and
// compared with the committed files on what the programs fix (directions, flags, relative seq/ack,
// payload lengths, segment counts of the handshake and close), never on times, ports, ISNs, windows
// or timestamps, which the kernel varies. The close is compared in its canonical form
// (src/lib/capture-model.ts): a delayed ACK that went out alone, or a FIN resent by a tail-loss probe,
// depends on the kernel's timers, not on the programs. The recorder runs through
// tests/support/python.ts: its own process group, a time limit, nothing left behind.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CAPTURE_SCENARIOS, canonical, loadCaptures, phases, type Capture, type Captures, type Segment } from '../../src/lib/captures.ts';
import { runPython, type Run } from '../support/python.ts';

const ROOT = process.cwd();
const committed = loadCaptures(ROOT);
const key = (s: Segment) => `${s.dir} ${s.flags} seq=${s.seq} ack=${s.ack} len=${s.len}`;
const flags = (segs: readonly Segment[]) => segs.map((s) => `${s.dir} ${s.flags}`);

/** Why this machine cannot record (null when it can): AF_PACKET needs Linux and root. */
function cannotRecord(): string | null {
  if (process.platform !== 'linux') return `Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'root (an AF_PACKET socket needs CAP_NET_RAW)';
  const probe = spawnSync('python3', ['-c', "import socket; socket.socket(socket.AF_PACKET, socket.SOCK_RAW, 0).close(); socket.if_nametoindex('lo')"], { encoding: 'utf8', timeout: 10_000 });
  if (probe.status !== 0) return `an AF_PACKET socket on lo (python3 said: ${(probe.stderr || probe.error?.message || '').trim().split('\n').pop()})`;
  return null;
}

describe('the committed captures', () => {
  test.each(CAPTURE_SCENARIOS)('%s.json: every field present and typed, and where it was recorded', (name) => {
    const c = committed[name];
    expect(c.scenario).toBe(name);
    expect(c.recordedWith.kernel).toMatch(/^\d+\.\d+/);
    expect(c.recordedWith.python).toMatch(/^3\.\d+\.\d+/);
    expect(c.segments.length).toBeGreaterThan(0);
    // Every SYN offers what Linux offers on lo: MSS 65495 (65535 − 40, see scripts/capture.py),
    // SACK, timestamps and a window scale.
    for (const s of c.segments.filter((s) => s.flags.startsWith('SYN'))) {
      expect(s.options).toMatchObject({ mss: 65495, sackPermitted: true });
      expect(s.options.ts).toHaveLength(2);
      expect(s.options.wscale).toBeTypeOf('number');
    }
  });

  test('every connection that opened starts with SYN, SYN-ACK, ACK at seq/ack 0/-, 0/1, 1/1', () => {
    for (const name of ['echo', 'sticky', 'upload', 'time-wait'] as const) {
      expect(phases(committed[name].segments).handshake.map(key), name).toEqual(['c>s SYN seq=0 ack=null len=0', 's>c SYN,ACK seq=0 ack=1 len=0', 'c>s ACK seq=1 ack=1 len=0']);
    }
  });

  test('echo: 5 bytes each way, the client closes first (the server closes once recv returned b\'\')', () => {
    const c = committed.echo;
    expect(c.closedFirst).toBe('client');
    expect(c.echo).toEqual({ sent: ['hello'], echoed: ['hello'] });
    expect(canonical(c.segments).slice(3).map(key)).toEqual([
      'c>s PSH,ACK seq=1 ack=1 len=5', 's>c PSH,ACK seq=1 ack=6 len=5',
      'c>s FIN,ACK seq=6 ack=6 len=0', 's>c FIN,ACK seq=6 ack=7 len=0', 'c>s ACK seq=7 ack=7 len=0',
    ]);
  });

  test('sticky: two sendall calls are two segments of 5 bytes, and the one recv got all 10', () => {
    const c = committed.sticky;
    expect(c.sticky.sent).toEqual(['hello', 'world']);
    expect(c.sticky.received).toEqual(['helloworld']);
    const data = phases(c.segments).data.filter((s) => s.len > 0);
    expect(data.map(key)).toEqual(['c>s PSH,ACK seq=1 ack=1 len=5', 'c>s PSH,ACK seq=6 ack=1 len=5']);
    expect(c.closedFirst).toBe('server'); // the client joins the server thread before its own close
  });

  test('upload: the framed header, the server\'s ok, the body, the reply; the server closes first', () => {
    const c = committed.upload;
    expect(c.upload.reply).toMatchObject({ ok: true, saved_as: c.upload.file, size: c.upload.size });
    const data = phases(c.segments).data.filter((s) => s.len > 0);
    expect(data.map((s) => s.dir)).toEqual(['c>s', 's>c', 'c>s', 's>c']);
    expect(data[2]!.len).toBe(c.upload.size); // the body, in one segment (a small file)
    expect(c.closedFirst).toBe('server');
  });

  test('refused: the SYN, then RST,ACK from the closed port, and nothing else', () => {
    const c = committed.refused;
    expect(c.segments.map(key)).toEqual(['c>s SYN seq=0 ack=null len=0', 's>c RST,ACK seq=0 ack=1 len=0']);
    expect(c.isn.server).toBeNull();
    expect(c.refused.error).toMatch(/^ConnectionRefusedError/);
    expect(c.closedFirst).toBeNull();
  });

  test('time-wait: the server closes first, and its port is in TIME_WAIT (06) in /proc/net/tcp', () => {
    const c = committed['time-wait'];
    expect(c.closedFirst).toBe('server');
    expect(flags(canonical(c.segments).slice(3))).toEqual(['s>c FIN,ACK', 'c>s FIN,ACK', 's>c ACK']);
    expect(c.timeWait.length).toBeGreaterThan(0);
  });
});

const why = cannotRecord();
describe('recorded again on this machine', () => {
  if (why) {
    test.skip(`skipped: recording needs ${why}; only the committed files were checked`, () => {});
    return;
  }
  const out = mkdtempSync(join(tmpdir(), 'captures-'));
  let run: Run;
  let fresh: Captures;
  beforeAll(async () => {
    run = await runPython([join(ROOT, 'scripts', 'capture.py'), '--out', out], { timeoutMs: 60_000 });
    if (run.code === 0) fresh = loadCaptures(ROOT, out);
  }, 90_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  test('scripts/capture.py records all five by itself, in time, and leaves no process behind', () => {
    expect(run.timedOut, 'the recording should stop by itself within 60 s').toBe(false);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.leftBehind, 'no process of the recording may outlive it').toBe(false);
    expect(Object.keys(fresh).sort()).toEqual([...CAPTURE_SCENARIOS].sort());
  });

  test.each(CAPTURE_SCENARIOS)('%s: the same handshake, data, close and closer as the committed file', (name) => {
    expect(fresh, 'the recording failed, see the test above').toBeDefined();
    const a = fresh[name];
    const b = committed[name];
    const raw = `\nrecorded:  ${flags(a.segments).join(' | ')}\ncommitted: ${flags(b.segments).join(' | ')}`;
    expect(phases(a.segments).handshake.map(key), `handshake${raw}`).toEqual(phases(b.segments).handshake.map(key));
    const ca = canonical(a.segments);
    const cb = canonical(b.segments);
    expect(ca.map(key), `canonical form${raw}`).toEqual(cb.map(key));
    expect(phases(ca).close.length, `segments of the close${raw}`).toBe(phases(cb).close.length);
    expect(a.closedFirst).toBe(b.closedFirst);
    // The SYNs offer the same options (their values, apart from the MSS, are the kernel's).
    const syns = (c: Capture) => c.segments.filter((s) => s.flags.startsWith('SYN')).map((s) => ({ mss: s.options.mss, sack: s.options.sackPermitted, ts: !!s.options.ts, wscale: s.options.wscale !== undefined }));
    expect(syns(a)).toEqual(syns(b));
  });

  test('what the programs printed is the same: the echo, the sticky recv, the upload reply, the refusal', () => {
    expect(fresh).toBeDefined();
    expect(fresh.echo.echo).toEqual(committed.echo.echo);
    expect(fresh.sticky.sticky).toEqual(committed.sticky.sticky);
    expect(fresh.upload.upload).toEqual(committed.upload.upload); // a fixed file: same size and md5
    expect(fresh.refused.refused).toEqual(committed.refused.refused);
    expect(fresh['time-wait'].timeWait.length, 'TIME_WAIT on the server\'s port right after the close').toBeGreaterThan(0);
  });
});
