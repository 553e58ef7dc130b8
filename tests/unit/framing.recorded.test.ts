// The sticky lab's "recorded on Linux" preset (view-lab.ts): the run of sticky_repro.py as
// content/captures/sticky.json recorded it, shown in the lab's send / segment / recv lanes.
import { describe, expect, test } from 'vitest';
import sticky from '../../content/captures/sticky.json';
import { labText } from '../../src/widgets/framing/i18n.ts';
import { decodeLab, encodeLab, LAB_DEFAULT, labRun, narrateLab, recordedSticky, type LabState } from '../../src/widgets/framing/view-lab.ts';

const rec = recordedSticky(sticky);
const s: LabState = { ...LAB_DEFAULT, rec: true };

describe('sticky lab: the recorded run', () => {
  test('the facts come from the capture: two writes, two 5-byte segments, one recv of helloworld', () => {
    expect(rec).toMatchObject({ sent: ['hello', 'world'], segs: [5, 5], received: ['helloworld'], python: sticky.recordedWith.python, kernel: sticky.recordedWith.kernel });
  });

  test('the lanes: the writes, the segments as captured, then the one recv(); no UDP', () => {
    const run = labRun(s, rec);
    expect(run.sent.map((b) => new TextDecoder().decode(b))).toEqual(['hello', 'world']);
    expect(run.steps.map((x) => x.kind)).toEqual(['seg', 'seg', 'read']);
    expect(run.tcp.segments).toEqual([{ start: 0, end: 5 }, { start: 5, end: 10 }]);
    const read = run.steps[2]!;
    expect(read.kind === 'read' && new TextDecoder().decode(read.read.bytes)).toBe('helloworld');
    expect(read.kind === 'read' && read.read.kind).toBe('glued');
    for (const lang of ['zh', 'en'] as const) expect(narrateLab(read, run, s, labText[lang])).toContain("b'helloworld'");
    // Without the recording's facts (or with rec off) it is the model's run.
    expect(labRun(s).steps.some((x) => x.kind === 'udp')).toBe(true);
    expect(labRun({ ...s, rec: false }, rec).steps.some((x) => x.kind === 'udp')).toBe(true);
  });

  test('the state code carries it and round-trips; old links still read; garbage is refused', () => {
    const code = encodeLab(s, 2);
    expect(decodeLab(code)).toEqual({ state: s, step: 2 });
    expect(decodeLab(encodeLab(LAB_DEFAULT, 1))).toEqual({ state: LAB_DEFAULT, step: 1 });
    expect(decodeLab(code.replace('.001.', '.002.'))).toBeNull();
    expect(decodeLab(code.replace('.001.', '.0011.'))).toBeNull();
  });

  test('both languages name the recording', () => {
    for (const lang of ['zh', 'en'] as const) {
      expect(labText[lang].rec).toContain('Linux');
      expect(labText[lang].recOn).toContain('{kernel}');
    }
  });
});

describe('the chapters point at the recordings', () => {
  test("chapter 6's link opens the lab at the recording; chapter 4's at the recorded close", async () => {
    const { readFileSync } = await import('node:fs');
    const code = encodeLab({ ...LAB_DEFAULT, rec: true }, 0);
    expect(code).toBe('s1.19.0.001.1024.30.0.hello.world');
    for (const lang of ['zh', 'en']) {
      expect(readFileSync(`content/chapters/${lang}/06-framing.mdx`, 'utf8')).toContain(`(?sticky=${code}#sticky)`);
      expect(readFileSync(`content/chapters/${lang}/04-tcp-udp.mdx`, 'utf8')).toContain('(?handshake=linux.9#handshake)');
    }
  });
});
