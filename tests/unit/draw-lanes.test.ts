import { describe, expect, test } from 'vitest';
import { lanes, type LaneRow } from '../../src/widgets/kit/draw/lanes.ts';
import { crosses, overlaps } from '../../src/widgets/kit/draw/geom.ts';
import { PRESETS, simulate } from '../../src/widgets/handshake/model.ts';
import { sequenceLayout } from '../../src/widgets/handshake/view-svg.ts';
import { handshakeText } from '../../src/widgets/handshake/i18n.ts';

const rows: LaneRow[] = [
  { item: { kind: 'none' }, states: ['CLOSED', 'LISTEN'] },
  { item: { kind: 'arrow', from: 0, to: 1, label: '1: SYN seq=100 len=0' }, states: ['SYN-SENT', 'SYN-RECEIVED'], time: '0.05 s' },
  { item: { kind: 'arrow', from: 1, to: 0, label: '2: SYN,ACK seq=300 ack=101 len=0' }, states: ['ESTABLISHED', 'SYN-RECEIVED'], time: '0.1 s' },
];

function clean(l: { boxes: { x: number; y: number; w: number; h: number }[]; lines: { x1: number; y1: number; x2: number; y2: number }[] }) {
  for (let i = 0; i < l.boxes.length; i++) {
    for (let j = i + 1; j < l.boxes.length; j++) expect(overlaps(l.boxes[i]!, l.boxes[j]!), `boxes ${i} and ${j}`).toBe(false);
    for (const s of l.lines) expect(crosses(s, l.boxes[i]!), `a line through box ${i}`).toBe(false);
  }
}

describe('lanes', () => {
  test('rows end further down as they come, and the picture is as tall as its last row', () => {
    const l = lanes({ lanes: ['A', 'B'], rows, width: 600, lost: 'lost', label: 'x' });
    expect(l.ends).toHaveLength(3);
    expect(l.ends[1]!).toBeGreaterThan(l.ends[0]!);
    expect(l.ends[2]!).toBeGreaterThan(l.ends[1]!);
    expect(l.svg).toContain(`height="${l.ends[2]}"`);
  });
  test('draws at 1:1: the width asked for, in CSS px', () => {
    const l = lanes({ lanes: ['A', 'B'], rows, width: 600, lost: 'lost', label: 'x' });
    expect(l.svg).toMatch(/^<svg class="kit-svg kit-lanes" width="600" height="\d+" viewBox="0 0 600 \d+"/);
  });
  test('on a phone, labels wrap instead of shrinking', () => {
    const l = lanes({ lanes: ['A', 'B'], rows, width: 296, lost: 'lost', label: 'x' });
    expect(l.width).toBe(296);
    expect(l.svg).toContain('font-size="13"');
    expect((l.svg.match(/<tspan/g) ?? []).length).toBeGreaterThan(2 + 4 + 2);
    clean(l);
  });
  test('presenter scale makes every text 1.5× as large', () => {
    const l = lanes({ lanes: ['A', 'B'], rows, width: 1200, scale: 1.5, lost: 'lost', label: 'x' });
    expect(l.svg).toContain('font-size="19.5"');
    expect(l.svg).not.toMatch(/font-size="1[0-8](\.\d)?"/);
  });
  test('a lost message is cut short with a cross and says so', () => {
    const lost: LaneRow[] = [rows[0]!, { ...rows[1]!, item: { kind: 'arrow', from: 0, to: 1, label: '1: SYN', lost: true } }];
    const l = lanes({ lanes: ['A', 'B'], rows: lost, width: 600, lost: '丢失', label: 'x' });
    expect(l.svg).toContain('kit-lost');
    expect(l.svg).toContain('1: SYN ✕ 丢失');
    expect(l.svg).not.toContain('kit-tip');
  });
});

describe('the handshake on lanes: every preset at every width lays out with nothing overlapping', () => {
  for (const [name, scenario] of Object.entries(PRESETS))
    for (const lang of ['zh', 'en'] as const)
      test(`${name} (${lang})`, () => {
        const steps = simulate(scenario);
        const t = handshakeText[lang];
        for (const [width, scale] of [[296, 1], [360, 1], [700, 1], [1100, 1], [1180, 1.5], [560, 1.5]] as const) {
          const l = sequenceLayout(steps, t, 'x', width, scale);
          expect(l.ends).toHaveLength(steps.length);
          clean(l);
        }
      });
});
