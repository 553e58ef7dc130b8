// W9 Upload progress: the model of upload.py's receive loop against real Python (sockets on
// 127.0.0.1 and hashlib), and its rules one by one.
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { runPython } from '../support/python.ts';
import { md5Hex } from '../../src/widgets/upload/md5.ts';
import { bodyOf, checkScenario, decodeState, dumps, encodeState, FILE2, LIMITS, packFrame, parseBytes, PRESETS, runUpload, type UploadScenario } from '../../src/widgets/upload/model.ts';

const PAIR = join(process.cwd(), 'tests', 'support', 'upload_pair.py');
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const base: UploadScenario = { size: 3000, chunk: 1024, useMin: true, dropAt: null, md5: 'none', seed: 0 };

describe('the loop, rule by rule', () => {
  test('each recv returns at most what was asked and at most what has arrived; the bar moves by what came back', () => {
    for (let seed = 0; seed < 200; seed++) {
      const size = 1 + ((seed * 977) % 20000);
      const r = runUpload({ ...base, size, chunk: Math.max(Math.ceil(size / 200), 1 + ((seed * 131) % 4096)), seed });
      expect(r.calls.length).toBeLessThanOrEqual(LIMITS.calls);
      let done = 0;
      for (const c of r.calls) {
        expect(c.got).toBeLessThanOrEqual(c.asked);
        expect(c.end).toBeLessThanOrEqual(c.arrived);
        expect(c.remainingBefore - c.remainingAfter).toBe(c.got);
        done += c.got;
      }
      expect(done).toBe(r.scenario.size);
      expect(hex(r.file)).toBe(hex(bodyOf(r.scenario.size)));
      expect(r.outcome.kind).toBe('saved');
    }
  });
  test('with min, never a byte of frame 2; without it, the last recv takes the start of frame 2', () => {
    expect(runUpload(base).calls.every((c) => c.fromNext === 0)).toBe(true);
    const r = runUpload({ ...base, useMin: false });
    expect(r.outcome).toEqual({ kind: 'overrun', extra: 72, nextPrefix: [...r.stream.subarray(r.frames[0]!.end + 72, r.frames[0]!.end + 76)] });
    expect(r.calls.at(-1)!.fromNext).toBe(72);
    expect(hex(r.file.subarray(3000))).toBe(hex(r.stream.subarray(r.frames[1]!.start, r.frames[1]!.start + 72)));
  });
  test('a drop mid-way: recv returns b\'\' and the loop raises, naming the bytes it got', () => {
    const r = runUpload({ ...base, dropAt: 1800, seed: 7 });
    expect(r.calls.at(-1)!.got).toBe(0);
    expect(r.outcome).toEqual({ kind: 'closed', got: 1800, size: 3000 });
  });
  test('md5 in the header: checked at the end, match and mismatch', () => {
    expect(runUpload({ ...base, md5: 'match' }).outcome.kind).toBe('saved');
    expect(runUpload({ ...base, md5: 'mismatch' }).outcome.kind).toBe('md5-mismatch');
  });
  test('bad sizes are refused with the field and the range', () => {
    for (const t of ['10 GB', '-1', 'abc', '10000000000', '0', '1.5']) expect(parseBytes(t, 'size').ok).toBe(false);
    expect(parseBytes('1_000', 'size')).toEqual({ ok: true, value: 1000 });
    expect(checkScenario({ ...base, size: 1_000_000, chunk: 1 })).toMatchObject({ ok: false, field: 'calls' });
    expect(() => runUpload({ ...base, size: -1 })).toThrow(RangeError);
  });
  test('links: every preset round-trips; garbled or impossible links are refused', () => {
    for (const p of Object.values(PRESETS)) {
      const s = encodeState(p, 2);
      expect(decodeState(s)).toEqual({ ok: true, value: { scenario: p, step: 2 } });
    }
    for (const bad of ['', 'zzz', '3000.1024.m.7.99', '3000.0.m.7.0', '3000.1024.md3000.7.0', '3000.1024.q.7.0', '99999999.1024.m.7.0']) expect(decodeState(bad).ok).toBe(false);
  });
});

describe('against Python', () => {
  test('md5 equals hashlib.md5 for bodies of many sizes', async () => {
    const sizes = [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000, 3000, 4097, 65536, 100001];
    const run = await runPython(['-c', `import hashlib,json,sys\ndef b(n):\n s,i='',1\n while len(s)<n:\n  s+=f'line {i}\\n'; i+=1\n return s[:n].encode()\nprint(json.dumps([hashlib.md5(b(n)).hexdigest() for n in ${JSON.stringify(sizes)}]))`]);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual(sizes.map((n) => md5Hex(bodyOf(n))));
  });

  test('framing.pack_header builds the same bytes as the model', async () => {
    const run = await runPython(['-c', `import sys; sys.path.insert(0, 'content/examples'); from framing import pack_header; print(pack_header({'file_name': 'a.txt', 'file_size': 3000, 'md5': 'ab'}).hex())`], { cwd: process.cwd() });
    expect(run.stdout.trim()).toBe(hex(packFrame({ file_name: 'a.txt', file_size: 3000, md5: 'ab' }, new Uint8Array())));
    expect(dumps({ file_name: 'a.txt', file_size: 3 })).toBe('{"file_name": "a.txt", "file_size": 3}');
  });

  test('a real sender and receiver on 127.0.0.1: each file holds exactly the bytes the model says', async () => {
    const cases: Array<UploadScenario & { all: boolean }> = [];
    for (const [size, chunk] of [[3000, 1024], [3050, 1024], [1, 1024], [5000, 700], [1024, 1024], [2049, 512], [12345, 4096]] as const) {
      cases.push({ ...base, size, chunk, all: true });
      cases.push({ ...base, size, chunk, useMin: false, all: true });
      cases.push({ ...base, size, chunk, seed: 3, all: false });
    }
    cases.push({ ...base, dropAt: 1800, all: true }, { ...base, dropAt: 0, all: false }, { ...base, md5: 'match', all: true });
    const run = await runPython([PAIR, JSON.stringify(cases.map((c) => ({ ...c, body2: FILE2.body })))], { timeoutMs: 60_000 });
    expect(run.timedOut).toBe(false);
    expect(run.leftBehind).toBe(false);
    expect(run.stderr).toBe('');
    const results = JSON.parse(run.stdout) as Array<{ got: number[]; file: string; error: [string, string] | null; file2: string | null; md5: string; header: Record<string, unknown> }>;
    results.forEach((py, i) => {
      const c = cases[i]!;
      const m = runUpload(c);
      const what = JSON.stringify(c);
      // The bytes of file 1, exactly; with everything arrived, the sizes each recv returned too.
      expect(py.file, what).toBe(hex(m.file));
      if (c.all) expect(py.got, what).toEqual(m.calls.filter((k) => k.got > 0).map((k) => k.got));
      if (m.outcome.kind === 'closed') expect(py.error, what).toEqual(['ConnectionError', `peer closed after ${m.outcome.got} of ${m.outcome.size} bytes`]);
      else expect(py.error, what).toBeNull();
      // Without min, file 1 holds the start of frame 2 whenever the kernel had it to give.
      if (!c.useMin && c.size % c.chunk) expect(m.outcome.kind, what).toBe('overrun');
      if (c.useMin && m.scenario.dropAt === null) expect(py.file2, what).toBe(FILE2.body);
      expect(py.md5).toBe(md5Hex(m.file));
      if (c.md5 === 'match') expect(py.header.md5).toBe(m.frames[0]!.header.md5);
    });
  }, 90_000);
});
