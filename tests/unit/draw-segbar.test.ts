import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { segbarLayout, type SegbarInput } from '../../src/widgets/kit/draw/segbar.ts';
import { problems } from './draw-check.ts';

const upload: SegbarInput = {
  label: 'file 1',
  total: 3000,
  segs: [
    { start: 0, end: 731, tone: 1, inside: '731', label: 'recv(1024) → 731' },
    { start: 731, end: 1755, tone: 1, inside: '1024', label: 'recv(1024) → 1024' },
    { start: 1755, end: 3000, tone: 2, inside: '1245', label: 'recv(1024) → 1245', current: true },
  ],
  marks: [{ at: 3000, label: 'file_size = 3000' }],
};

describe('segbar', () => {
  test('a segment per piece, its text inside when it fits, its label under the bar', () => {
    const d = segbarLayout(upload, { width: 600, scale: 1 });
    expect(d.svg.match(/<rect class="kit-fill/g)).toHaveLength(3);
    for (const w of ['731', '1024', 'recv(1024) → 731', 'recv(1024) → 1245', 'file_size = 3000']) expect(d.svg).toContain(`>${w}<`);
    expect(problems(d, 600)).toEqual([]);
  });
  test('the current segment is outlined and its label bold: told apart without colour', () => {
    const d = segbarLayout(upload, { width: 600, scale: 1 });
    expect(d.svg).toContain('kit-hl');
    expect(d.svg).toMatch(/kit-b"[^>]*><tspan[^>]*>recv\(1024\) → 1245</);
  });
  test('a part keeps its minimum width beside a much larger one', () => {
    const d = segbarLayout({ label: 's', total: 3004, parts: [{ start: 0, end: 4, min: 40 }, { start: 4, end: 3004 }], segs: [{ start: 0, end: 4, inside: 'len' }, { start: 4, end: 3004, inside: 'body' }] }, { width: 300, scale: 1 });
    expect(d.svg).toMatch(/x="6" y="[\d.]+" width="40"/);
    expect(d.svg).toContain('>len<');
  });
  test('text too wide for its segment is left out, not squeezed', () => {
    const d = segbarLayout({ label: 's', total: 1000, segs: [{ start: 0, end: 5, inside: '5 bytes' }] }, { width: 300, scale: 1 });
    expect(d.svg).not.toContain('5 bytes');
  });
  test('presenter scale: every text 18 px or more', () => {
    const d = segbarLayout(upload, { width: 1200, scale: 1.5 });
    expect(Math.min(...d.texts.map((t) => t.px))).toBeGreaterThanOrEqual(18);
    expect(problems(d, 1200)).toEqual([]);
  });
  test('any segments, labels and marks at any width: no text on text, no line through text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 900 }), { minLength: 1, maxLength: 14 }),
        fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }).map((b) => { let k = 0; return b.map((x) => x && ++k <= 3); }),
        fc.integer({ min: 240, max: 1400 }),
        fc.constantFrom(1, 1.5),
        (sizes, labelled, width, scale) => {
          let at = 0;
          const segs = sizes.map((s, i) => {
            const seg = { start: at, end: at + s, inside: String(s), label: labelled[i] ? `recv(1024) → ${s}` : undefined, current: i === sizes.length - 1 };
            at += s;
            return seg;
          });
          const d = segbarLayout({ label: 'x', total: at + 100, segs, marks: [{ at: at + 100, label: 'file_size' }, { at: Math.floor(at / 2), label: 'half' }] }, { width, scale });
          expect(problems(d, width)).toEqual([]);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
