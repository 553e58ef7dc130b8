// The handshake widget's "recorded on Linux" scenario (src/widgets/handshake/recorded.ts): the
// echo example's real segments on the lanes, the states read off their flags, the narration of
// what differs from the textbook run, and its state link.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import echo from '../../content/captures/echo.json';
import upload from '../../content/captures/upload.json';
import first from '../../content/captures/time-wait.json';
import refused from '../../content/captures/refused.json';
import sticky from '../../content/captures/sticky.json';
import { handshakeText } from '../../src/widgets/handshake/i18n.ts';
import { capture, parseRecorded, RECORDINGS, timeWaitWords, type RecordingName, recordedCode, recordedRun, recordedSteps, recordedText, segmentLabel } from '../../src/widgets/handshake/recorded.ts';
import { linkedRun } from '../../src/widgets/handshake/view-link.ts';
import type { Segment } from '../../src/lib/capture-model.ts';

const segs = echo.segments as Segment[];

describe('recorded on Linux: the echo capture', () => {
  test('every segment is one arrow, in order, labelled with flags, relative seq/ack, len; SYNs with their options', () => {
    for (const lang of ['zh', 'en'] as const) {
      const run = recordedRun(handshakeText[lang], lang);
      expect(run.steps).toHaveLength(segs.length + 1);
      const svg = run.rec.layout(640, 1).svg;
      let from = 0;
      segs.forEach((s, i) => {
        const first = segmentLabel(s, i + 1).split('\n')[0]!;
        const at = svg.indexOf(`${i + 1}: ${s.flags} seq=${s.seq}`, from);
        expect(at, first).toBeGreaterThan(-1);
        from = at;
        expect(first).toBe(`${i + 1}: ${s.flags} seq=${s.seq}${s.ack === null ? '' : ` ack=${s.ack}`} len=${s.len}`);
        expect(svg).toContain(`${s.t_ms} ms`);
      });
      expect((svg.match(/class="kit-arrow/g) ?? []).length).toBe(segs.length);
    }
    expect(segmentLabel(segs[0]!, 1)).toBe('1: SYN seq=0 len=0\nMSS 65495 SACK TS WS 10');
    expect(segmentLabel(segs[1]!, 2)).toBe('2: SYN,ACK seq=0 ack=1 len=0\nMSS 65495 SACK TS WS 10');
  });

  test('the states follow RFC 9293: FIN-WAIT-1, CLOSE-WAIT then LAST-ACK, TIME-WAIT after the 3-segment close', () => {
    const { steps, roles } = recordedSteps(segs);
    const st = steps.map((s) => `${s.states.client}/${s.states.server}`);
    expect(st).toEqual([
      'CLOSED/LISTEN',
      'SYN-SENT/SYN-RECEIVED',
      'ESTABLISHED/SYN-RECEIVED',
      'ESTABLISHED/ESTABLISHED',
      'ESTABLISHED/ESTABLISHED',
      'ESTABLISHED/ESTABLISHED',
      'ESTABLISHED/ESTABLISHED',
      'ESTABLISHED/ESTABLISHED',
      'FIN-WAIT-1/CLOSE-WAIT',
      'TIME-WAIT/LAST-ACK',
      'TIME-WAIT/CLOSED',
    ]);
    expect(roles).toEqual(['syn', 'synack', 'hsack', 'data', 'quick', 'data', 'ack', 'fin', 'fin2', 'last']);
    expect(steps[9]!.edges).toEqual({ client: 'fin-wait-1-rcv-fin-ack', server: 'close-wait-close' });
  });

  test('the sticky capture (the server closes first) reads as well', () => {
    const { steps } = recordedSteps(sticky.segments as Segment[]);
    expect(steps.map((s) => `${s.states.client}/${s.states.server}`).slice(-3)).toEqual(['CLOSE-WAIT/FIN-WAIT-1', 'LAST-ACK/TIME-WAIT', 'CLOSED/TIME-WAIT']);
  });

  test('the narration names the options, MSS 65,495 and why, the lone quick ACK and the 3-segment close, in both languages', () => {
    const en = recordedRun(handshakeText.en, 'en').rec.shown.map((s) => s.words[0]);
    expect(en[0]).toContain(capture.recordedWith.kernel);
    expect(en[1]).toMatch(/MSS 65495, SACK permitted, timestamps and window scale 10/);
    expect(en[2]).toContain('65,535 − 40');
    expect(en[2]).toContain('12 bytes of timestamp option');
    expect(en[2]).toContain('65483 bytes');
    expect(en[5]).toMatch(/Linux does not delay ACKs/);
    expect(en[5]).toContain('ack 6');
    expect(en[9]).toMatch(/3 segments, not the textbook's 4/);
    expect(en[9]).toContain('FIN-WAIT-1 straight to TIME-WAIT');
    expect(en[8]).toContain('A: ESTABLISHED → FIN-WAIT-1');
    expect(en[8]).toContain('B: ESTABLISHED → CLOSE-WAIT');
    expect(en[10]).toContain('B: LAST-ACK → CLOSED');
    const zh = recordedRun(handshakeText.zh, 'zh').rec.shown.map((s) => s.words[0]);
    expect(zh[1]).toContain('MSS 65495');
    expect(zh[2]).toContain('65535 − 40');
    expect(zh[2]).toContain('65483 字节');
    expect(zh[5]).toContain('Linux 不推迟 ACK');
    expect(zh[9]).toContain('挥手只用了 3 个报文');
    for (const k of Object.keys(recordedText.en)) expect(recordedText.zh[k as 'on'], k).toBeTruthy();
  });

  test('the state code round-trips; garbage is refused', async () => {
    const t = handshakeText.en;
    for (let p = 0; p <= segs.length; p++) {
      expect(parseRecorded(recordedCode(p))).toEqual({ name: 'linux', position: p });
      const r = await linkedRun(recordedCode(p), t, 'en');
      expect(r?.position).toBe(p);
      expect(r && 'rec' in r && r.rec).toBeTruthy();
    }
    for (const bad of ['linux.', 'linux.11', 'linux.99999', 'linux.-1', 'linux.1x', 'linux', 'Linux.1', '1~zz.3', 'x.0', 'linux-refused.3', 'linux-first.7', 'linux-upload.13', 'linux-sticky.1', 'linux-.1', 'linux-msl.2'])
      expect(await linkedRun(bad, t, 'en'), bad).toBeUndefined();
    // A model scenario's link still reads as one (the widget runs it).
    expect(await linkedRun('1~p.3', t, 'en')).toMatchObject({ position: 3, scenario: { piggyback: true } });
  });
});

describe('the other recordings: the upload, a server that closes first, a refused connection', () => {
  const all: Array<[RecordingName, { segments: unknown[] }]> = [['linux-upload', upload], ['linux-first', first], ['linux-refused', refused]];

  test('each is the committed capture, drawn segment by segment, with a link to every step (and none past the last)', async () => {
    for (const [name, cap] of all) {
      expect(RECORDINGS[name]).toBe(cap);
      for (const lang of ['zh', 'en'] as const) {
        const run = recordedRun(handshakeText[lang], lang, name);
        expect(run.rec.code).toBe(name);
        expect(run.steps).toHaveLength(cap.segments.length + 1);
        expect((run.rec.layout(640, 1).svg.match(/class="kit-arrow/g) ?? []).length).toBe(cap.segments.length);
        for (const w of run.rec.shown) expect(w.words[0]).not.toMatch(/\{\w+\}|undefined|NaN/);
      }
      for (let p = 0; p <= cap.segments.length; p++) {
        expect(parseRecorded(recordedCode(p, name))).toEqual({ name, position: p });
        const r = await linkedRun(recordedCode(p, name), handshakeText.zh, 'zh');
        expect(r && 'rec' in r ? [r.rec!.code, r.position] : r).toEqual([name, p]);
      }
      expect(await linkedRun(recordedCode(cap.segments.length + 1, name), handshakeText.zh, 'zh')).toBeUndefined();
    }
  });

  test('refused: nothing listens, so the port is CLOSED; its RST,ACK takes the client from SYN-SENT to CLOSED (RFC 9293 §3.10.7.1)', () => {
    const { steps, roles } = recordedSteps(refused.segments as Segment[], false);
    expect(steps.map((s) => `${s.states.client}/${s.states.server}`)).toEqual(['CLOSED/CLOSED', 'SYN-SENT/CLOSED', 'CLOSED/CLOSED']);
    expect(roles).toEqual(['syn', 'rst']);
    expect(steps[2]!.edges).toEqual({ client: 'syn-sent-rcv-rst' });
    // The reset answers the SYN: seq 0, ack = the SYN's seq + 1 (§3.10.7.1, the ACK bit of the SYN off).
    expect(refused.segments[1]).toMatchObject({ flags: 'RST,ACK', seq: 0, ack: 1, len: 0 });
    const en = recordedRun(handshakeText.en, 'en', 'linux-refused');
    expect(en.rec.shown[0]!.words[0]).toContain('nobody called listen()');
    expect(en.rec.shown[2]!.words[0]).toContain('ConnectionRefusedError');
    expect(en.rec.shown[2]!.words[0]).toContain(`exits with code ${refused.refused.exitCode}`);
    expect(en.rec.layout(640, 1).svg).toContain(`port ${refused.ports.server}, closed`);
    expect(recordedRun(handshakeText.zh, 'zh', 'linux-refused').rec.shown[2]!.words[0]).toContain('ConnectionRefusedError');
  });

  test('the server closes first: TIME-WAIT is on its side, and /proc/net/tcp said so with about 60 s on the timer', () => {
    const { steps } = recordedSteps(first.segments as Segment[]);
    expect(steps.map((s) => `${s.states.client}/${s.states.server}`).slice(-3)).toEqual(['CLOSE-WAIT/FIN-WAIT-1', 'LAST-ACK/TIME-WAIT', 'CLOSED/TIME-WAIT']);
    const row = first.timeWait[0]!;
    const f = row.split(' ');
    expect(parseInt(f[1]!.split(':')[1]!, 16)).toBe(first.ports.server);
    expect(f[3]).toBe('06');
    const left = parseInt(f[5]!.split(':')[1]!, 16) / 100;
    expect(left).toBeGreaterThan(50);
    expect(left).toBeLessThanOrEqual(60);
    const en = timeWaitWords(row, recordedText.en);
    expect(en).toContain(`in hex, is ${first.ports.server}`);
    expect(en).toContain(`${left.toFixed(1)} s left`);
    const last = recordedRun(handshakeText.en, 'en', 'linux-first').rec.shown.at(-1)!.words[0];
    expect(last).toContain('B stays in TIME-WAIT');
    expect(last).toContain(row);
    expect(recordedRun(handshakeText.zh, 'zh', 'linux-first').rec.shown.at(-1)!.words[0]).toContain(`也就是 ${first.ports.server}`);
  });

  test("the upload's four data segments are chapter 6's frames, their sizes read off the capture", () => {
    const segsU = upload.segments as Segment[];
    const data = segsU.filter((s) => s.len > 0);
    expect(data.map((s) => s.dir)).toEqual(['c>s', 's>c', 'c>s', 's>c']);
    // prefix (4) + header JSON; prefix + {"ok": true}; the body; prefix + the final reply's JSON.
    expect(data[2]!.len).toBe(upload.upload.size);
    expect(data[1]!.len).toBe(4 + JSON.stringify({ ok: true }).replace(':', ': ').length);
    const en = recordedRun(handshakeText.en, 'en', 'linux-upload').rec.shown.map((s) => s.words[0]);
    const at = (i: number) => segsU.indexOf(data[i]!) + 1;
    expect(en[at(0)]).toContain(`then ${data[0]!.len - 4} bytes of JSON header`);
    expect(en[at(1)]).toContain('{"ok": true}');
    expect(en[at(2)]).toContain(`the file's ${upload.upload.size} bytes`);
    expect(en[at(3)]).toContain(`${data[3]!.len - 4} bytes of JSON (saved_as, size, md5)`);
    expect(upload.closedFirst).toBe('server');
    const zh = recordedRun(handshakeText.zh, 'zh', 'linux-upload').rec.shown.map((s) => s.words[0]);
    expect(zh[at(0)]).toContain(`${data[0]!.len - 4} 字节的 JSON 报头`);
  });
});

describe("chapter 4's quiz", () => {
  test('every question that tries the handshake names a state it opens (the refused recording at its SYN)', async () => {
    const quiz = JSON.parse(readFileSync('content/quizzes/04-tcp-udp.json', 'utf8')) as { questions: Array<{ id: string; try?: { widget: string; state: string } }> };
    const tries = quiz.questions.filter((q) => q.try?.widget === 'handshake');
    expect(tries.map((q) => q.id)).toContain('refused-rst');
    for (const q of tries) {
      const r = await linkedRun(q.try!.state, handshakeText.zh, 'zh');
      expect(r, q.id).toBeDefined();
    }
    const r = await linkedRun('linux-refused.1', handshakeText.en, 'en');
    expect(r && 'rec' in r ? r.rec!.shown[1]!.words[0] : '').toContain('sends its SYN');
  });
});
