// src/lib/captures.ts and capture-model.ts: the committed packet captures load and check; a broken,
// missing or unknown file fails with its name and the problem (the build calls the same loader);
// phases() and canonical() split and normalise a recording as the example tests compare it.
import { afterEach, describe, expect, test } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CAPTURE_SCENARIOS, canonical, loadCaptures, parseCapture, phases, type Segment } from '../../src/lib/captures.ts';

const REAL = join(process.cwd(), 'content', 'captures');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A copy of content/captures in a temp folder, to break. */
function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'captures-'));
  dirs.push(dir);
  for (const n of CAPTURE_SCENARIOS) copyFileSync(join(REAL, `${n}.json`), join(dir, `${n}.json`));
  return dir;
}
const real = (name: string) => JSON.parse(readFileSync(join(REAL, `${name}.json`), 'utf8')) as Record<string, any>;

const seg = (dir: Segment['dir'], flags: Segment['flags'], seq: number, ack: number | null, len = 0): Segment =>
  ({ t_ms: 0, dir, flags, seq, ack, len, win: 64, options: {} });

describe('loadCaptures', () => {
  test('reads the five committed captures', () => {
    const all = loadCaptures();
    expect(Object.keys(all).sort()).toEqual([...CAPTURE_SCENARIOS].sort());
    for (const c of Object.values(all)) expect(c.segments[0]).toMatchObject({ dir: 'c>s', flags: 'SYN', seq: 0, ack: null });
  });

  test('a missing file fails with its name', () => {
    const dir = copy();
    unlinkSync(join(dir, 'sticky.json'));
    expect(() => loadCaptures(process.cwd(), dir)).toThrow(`${join(dir, 'sticky.json')}: missing`);
  });

  test('a file that is not JSON fails with its name and the parser\'s message', () => {
    const dir = copy();
    writeFileSync(join(dir, 'echo.json'), '{"scenario": "echo",');
    expect(() => loadCaptures(process.cwd(), dir)).toThrow(new RegExp(`^${join(dir, 'echo.json')}: .*JSON`));
  });

  test('a broken segment fails with the file and the segment named', () => {
    const dir = copy();
    const bad = real('upload');
    bad.segments[3].flags = 'PSH';
    writeFileSync(join(dir, 'upload.json'), JSON.stringify(bad));
    expect(() => loadCaptures(process.cwd(), dir)).toThrow(`${join(dir, 'upload.json')}: segments[3].flags: "PSH" is not one of`);
  });

  test('a file with an unknown name fails', () => {
    const dir = copy();
    copyFileSync(join(dir, 'echo.json'), join(dir, 'echo2.json'));
    expect(() => loadCaptures(process.cwd(), dir)).toThrow(`${join(dir, 'echo2.json')}: not a known scenario`);
  });

  test('inside the project the message names the file by its project path', () => {
    expect(() => loadCaptures(process.cwd(), join(process.cwd(), 'content', 'no-such-folder'))).toThrow(/^content\/no-such-folder\/echo\.json: missing/);
  });
});

describe('parseCapture', () => {
  const broken = (name: string, change: (c: Record<string, any>) => void) => {
    const c = real(name);
    change(c);
    return () => parseCapture(c, `content/captures/${name}.json`, name);
  };
  test.each([
    ['echo', '"recordedWith" needs', (c: any) => delete c.recordedWith.kernel],
    ['echo', '"recordedWith" needs', (c: any) => (c.recordedWith.python = 'three')],
    ['echo', '"echo" is missing', (c: any) => delete c.echo],
    ['echo', 'unknown key(s) extra', (c: any) => (c.extra = 1)],
    ['echo', '"segments" must be a non-empty list', (c: any) => (c.segments = [])],
    ['echo', 'segments[0].ack must be null (the ACK flag is off)', (c: any) => (c.segments[0].ack = 1)],
    ['echo', 'segments[1].ack must be a 32-bit number', (c: any) => (c.segments[1].ack = null)],
    ['echo', 'segments[2].dir must be', (c: any) => (c.segments[2].dir = 'c<s')],
    ['echo', 'segments[2].t_ms must be', (c: any) => (c.segments[2].t_ms = -1)],
    ['echo', 'segments[0].options.mss must be 1–65535', (c: any) => (c.segments[0].options.mss = 70000)],
    ['echo', 'segments[0].options: unknown key(s) colour', (c: any) => (c.segments[0].options.colour = 1)],
    ['echo', 'the first segment must be the client\'s SYN', (c: any) => c.segments.shift()],
    ['echo', 'named for "echo"', (c: any) => (c.scenario = 'sticky')],
    ['sticky', '"sticky" needs', (c: any) => (c.sticky.received = 'helloworld')],
    ['refused', '"isn" needs', (c: any) => (c.isn.client = null)],
    ['time-wait', 'is not a TIME_WAIT (06) line', (c: any) => (c.timeWait = [c.timeWait[0].replace(' 06 ', ' 01 ')])],
    ['time-wait', 'is not a TIME_WAIT (06) line', (c: any) => (c.ports.server = c.ports.server === 1 ? 2 : 1)],
  ])('%s: %s', (name, message, change) => {
    expect(broken(name, change)).toThrow(`content/captures/${name}.json: `);
    expect(broken(name, change)).toThrow(message);
  });
});

describe('phases and canonical', () => {
  const handshake = [seg('c>s', 'SYN', 0, null), seg('s>c', 'SYN,ACK', 0, 1), seg('c>s', 'ACK', 1, 1)];

  test('a refused connection is all handshake: SYN, RST', () => {
    const p = phases([seg('c>s', 'SYN', 0, null), seg('s>c', 'RST,ACK', 0, 1)]);
    expect(p.handshake.map((s) => s.flags)).toEqual(['SYN', 'RST,ACK']);
    expect(p.data).toEqual([]);
    expect(p.close).toEqual([]);
  });

  test('the echo run: three of handshake, data, then the close from the first FIN', () => {
    const p = phases(real('echo').segments);
    expect(p.handshake.map((s) => s.flags)).toEqual(['SYN', 'SYN,ACK', 'ACK']);
    expect(p.close[0]!.flags).toBe('FIN,ACK');
    expect(p.data.every((s) => !s.flags.includes('FIN'))).toBe(true);
  });

  test('a lone ACK before the same side\'s FIN (the delayed-ACK timer fired first) merges into the FIN', () => {
    const fast = [...handshake, seg('s>c', 'FIN,ACK', 1, 1), seg('c>s', 'FIN,ACK', 1, 2), seg('s>c', 'ACK', 2, 2)];
    const slow = [...handshake, seg('s>c', 'FIN,ACK', 1, 1), seg('c>s', 'ACK', 1, 2), seg('c>s', 'FIN,ACK', 1, 2), seg('s>c', 'ACK', 2, 2)];
    expect(canonical(slow)).toEqual(canonical(fast));
    expect(canonical(fast)).toEqual(fast);
  });

  test('a retransmitted FIN (a tail-loss probe) is dropped, and the D-SACK ACK merges into the FIN after it', () => {
    const clean = [...handshake, seg('s>c', 'FIN,ACK', 1, 1), seg('c>s', 'FIN,ACK', 1, 2), seg('s>c', 'ACK', 2, 2)];
    const probed = [...handshake, seg('s>c', 'FIN,ACK', 1, 1), seg('s>c', 'FIN,ACK', 1, 1),
      seg('c>s', 'ACK', 1, 2), seg('c>s', 'FIN,ACK', 1, 2), seg('s>c', 'ACK', 2, 2)];
    expect(canonical(probed)).toEqual(clean);
  });

  test('an ACK followed by new data or by the other side\'s segment stays', () => {
    const s = [...handshake, seg('c>s', 'PSH,ACK', 1, 1, 5), seg('s>c', 'ACK', 1, 6), seg('c>s', 'PSH,ACK', 6, 1, 5), seg('s>c', 'ACK', 1, 11)];
    expect(canonical(s)).toEqual(s);
  });
});

describe('what the chapters say of the recordings holds for the committed files', () => {
  const prose = (lang: 'zh' | 'en', file: string) => readFileSync(join(process.cwd(), 'content', 'chapters', lang, file), 'utf8');
  test("chapter 6: the upload's segment count, file size, header JSON size, and the server closing first", () => {
    const up = real('upload');
    const data = (up['segments'] as Segment[]).filter((s) => s.len > 0);
    const header = data[0]!.len - 4;
    const zh = prose('zh', '06-framing.mdx');
    const en = prose('en', '06-framing.mdx');
    expect(up['closedFirst']).toBe('server');
    expect(zh).toContain(`上传一个 ${up['upload'].size} 字节的小文件时，Linux 真实发出的 ${up['segments'].length} 个报文段`);
    expect(zh).toContain(`4 字节前缀加 ${header} 字节 JSON`);
    expect(en).toContain(`the ${up['segments'].length} segments Linux sent when \`upload.py\` uploaded a ${up['upload'].size}-byte file`);
    expect(en).toContain(`a 4-byte prefix and ${header} bytes of JSON`);
  });
  test('chapters 4 and 5: the refused connection is two segments, SYN then RST,ACK; the TIME-WAIT row is state 06 with 60 s', () => {
    const refused = real('refused');
    expect((refused['segments'] as Segment[]).map((s) => s.flags)).toEqual(['SYN', 'RST,ACK']);
    expect(prose('en', '05-sockets.mdx')).toContain('one SYN, one RST,ACK, two segments in all');
    const row = (real('time-wait')['timeWait'] as string[])[0]!.split(' ');
    expect(row[3]).toBe('06');
    expect(Math.round(parseInt(row[5]!.split(':')[1]!, 16) / 100)).toBe(60);
    expect(prose('zh', '04-tcp-udp.mdx')).toContain('状态是 06（TIME_WAIT），计时器还剩 60 秒');
  });
});
