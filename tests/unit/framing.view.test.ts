// The framing views as pure functions (view-framing.ts, view-lab.ts, view-format.ts): what the
// pictures are given, the text a reader sees for states, bytes and the mistakes. The behaviour
// they show is model.ts's, tested in framing.model.test.ts.
import { describe, expect, test } from 'vitest';
import { framing as zh, lab as labZh } from '../../src/widgets/framing/i18n.zh.ts';
import { framing as en } from '../../src/widgets/framing/i18n.en.ts';
import { pyStr, readable, stateName } from '../../src/widgets/framing/view-format.ts';
import { buildFrame, FRAMING_DEFAULT, framePicture, frameRun, mistake, utf8 } from '../../src/widgets/framing/view-framing.ts';
import { LAB_DEFAULT, labPicture, labRun, recvFor } from '../../src/widgets/framing/view-lab.ts';

const built = (s = FRAMING_DEFAULT, t = zh) => {
  const b = buildFrame(s, utf8(s.body), t);
  if (!b.ok) throw new Error(b.message);
  return b;
};

describe('words', () => {
  test('a decoder state reads in the page language with its code name beside', () => {
    expect(stateName(zh, 'need-length')).toBe('等待长度（need-length）');
    expect(stateName(en, 'need-body')).toBe('waiting for the body (need-body)');
    expect(stateName(labZh, 'need-header')).toBe('等待报头（need-header）');
  });
  test('pyStr is Python\'s repr of a str: JSON quotes stay as they are', () => {
    expect(pyStr('{"file_name": "网络编程笔记.p')).toBe(`'{"file_name": "网络编程笔记.p'`);
    expect(pyStr("it's")).toBe(`"it's"`);
    expect(pyStr('a\\b\n')).toBe(`'a\\\\b\\n'`);
  });
  test('readable shows Chinese as characters and a cut character as its bytes in ⟨ ⟩', () => {
    const b = utf8('你好');
    expect(readable(b)).toBe('你好');
    expect(readable(b.subarray(0, 4))).toBe('你⟨e5⟩');
    expect(readable(new Uint8Array([0, 0, 0, 16, 0x7b]))).toBe('⟨00 00 00 10⟩{');
  });
});

describe('the builder', () => {
  test('the picture colours each frame by part, names the frames, marks recv() ends so far and frames the step\'s bytes', () => {
    const b = built();
    const run = frameRun(b.frame, FRAMING_DEFAULT);
    expect(framePicture(run, '!I', 0, zh)).toMatchObject({ cuts: [], highlight: null, pending: 0 });
    const pic = framePicture(run, '!I', 3, zh);
    expect(pic.bands!.slice(0, 3)).toEqual([
      { start: 0, end: 4, label: '长度前缀', tone: 2, raw: true },
      { start: 4, end: 43, label: 'JSON 报头', tone: 1 },
      { start: 43, end: 54, label: '正文', tone: 3 },
    ]);
    expect(pic.groups!.map((g) => g.label)).toEqual(['第 1 帧', '第 2 帧']);
    expect(pic.cuts!.every((c, i) => c.label === `recv ${i + 1}`)).toBe(true);
    const step = run.steps[2]!;
    expect(pic.highlight).toEqual({ start: step.t!.from, end: step.t!.to });
    expect(pic.pending).toBe(step.at + step.chunk.length);
  });

  test('mistake b follows the ensure_ascii checkbox: False breaks the receiver, True hides the mistake and says so', () => {
    const off = mistake('b', built(), utf8('hello world'), FRAMING_DEFAULT, zh);
    expect(off.lines.at(-1)).toContain('ensure_ascii=False');
    expect(off.ok).toBe(false);
    expect(off.error).toContain(`'{"file_name": "网络编程笔记`);
    expect(off.error).not.toContain('\\"');
    const on = { ...FRAMING_DEFAULT, ascii: true };
    const story = mistake('b', built(on), utf8('hello world'), on, zh);
    expect(story.lines.at(-1)).toContain('ensure_ascii=True');
    expect(story.lines.join('')).not.toContain('ensure_ascii=False');
    expect(story.ok).toBe(true);
    expect(story.why).toBe(zh.bWhyAscii);
  });
});

describe('the sticky lab', () => {
  test('the picture colours and names each send(), and with framing names its parts', () => {
    const run = labRun(LAB_DEFAULT);
    const pic = labPicture(run, LAB_DEFAULT, 0, labZh);
    expect(pic.bands).toEqual([
      { start: 0, end: 5, label: '消息 1', tone: 1 },
      { start: 5, end: 10, label: '消息 2', tone: 2 },
    ]);
    const framed = { ...LAB_DEFAULT, framing: true };
    const p2 = labPicture(labRun(framed), framed, 0, labZh);
    expect(p2.groups!.slice(0, 3).map((g) => [g.label, g.end - g.start])).toEqual([['长度前缀', 4], ['报头', 16], ['正文', 5]]);
  });
  test('each recv() so far is a marker; clicking a gap gives the n that stops the read there', () => {
    const run = labRun(LAB_DEFAULT);
    const end = labPicture(run, LAB_DEFAULT, run.steps.length, labZh);
    expect(end.cuts).toEqual([{ at: 3, label: 'recv 1' }, { at: 10, label: 'recv 2' }]);
    expect(recvFor(run, 2)).toBe(2);
    expect(recvFor(run, 5)).toBe(2); // the second read starts at 3
    expect(recvFor(run, 3)).toBe(3);
  });
});
