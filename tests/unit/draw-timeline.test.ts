// The kit's timeline(): time to scale, so a 1 ms switch beside a 40 ms I/O stays a mark; only the
// axis times that fit are written; a label is written only where it fits in its bar. Held to the
// layout rules of tests/unit/draw-check.ts at a phone's to a laptop's width and in presenter mode,
// on random bars (fast-check).
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { timelineLayout, type TimelineInput } from '../../src/widgets/kit/draw/timeline.ts';
import { PHONE_WIDTH } from '../../src/widgets/kit/draw/text.ts';
import { problems } from './draw-check.ts';

const base: TimelineInput = {
  rows: [{ id: 'cpu', label: 'CPU', state: { word: 'runs B', kind: 'run' } }, { id: 'a', label: 'A' }, { id: 'b', label: 'B', state: { word: 'done at 102 ms', kind: 'done' } }],
  bars: [
    { row: 0, start: 0, end: 20, label: 'A', kind: 'run', tone: 1 },
    { row: 0, start: 20, end: 21, label: 'switch', short: '⇄', kind: 'blocked' },
    { row: 0, start: 21, end: 41, label: 'B', kind: 'run', tone: 2 },
    { row: 1, start: 20, end: 60, label: 'I/O', kind: 'io' },
  ],
  end: 102,
  now: 41,
  nowLabel: '41 ms',
  marks: [20, 21, 41],
  label: 'test',
};

describe('timeline()', () => {
  test('to scale: a bar is as long as it lasts; a 1 ms bar is still at least 3 px', () => {
    const d = timelineLayout(base, { width: 600, scale: 1 });
    const rects = [...d.svg.matchAll(/<g class="kit-bar"[^>]*data-start="(\d+)"><title>[^<]*<\/title><rect[^>]* width="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    const w = Object.fromEntries(rects.filter((_, i) => i < 3).map(([s, w]) => [s, w]));
    expect(w[0]! / w[21]!).toBeCloseTo(1, 1);
    expect(w[20]).toBeGreaterThanOrEqual(3);
    expect(d.svg).toContain('<title>switch: 20–21</title>');
  });
  test('axis times that would meet are left out; 0, the end and now are always written', () => {
    const d = timelineLayout(base, { width: PHONE_WIDTH, scale: 1 });
    const axis = d.texts.filter((t) => /^\d+$/.test(t.lines[0]!)).map((t) => t.lines[0]);
    expect(axis).toEqual(expect.arrayContaining(['0', '102', '41']));
    expect(axis).not.toContain('21');
    expect(problems(d, PHONE_WIDTH)).toEqual([]);
  });
  test('property: random bars at any width and scale break no layout rule', () => {
    const bar = fc.record({ row: fc.integer({ min: 0, max: 2 }), start: fc.integer({ min: 0, max: 150 }), len: fc.integer({ min: 1, max: 60 }), label: fc.constantFrom('A', 'switch', 'waits for A’s I/O', 'I/O', 'ready', '就绪', '等 A 的 I/O'), kind: fc.constantFrom('run', 'wait', 'blocked', 'io') as fc.Arbitrary<'run' | 'wait' | 'blocked' | 'io'> });
    fc.assert(
      fc.property(fc.array(bar, { maxLength: 12 }), fc.integer({ min: PHONE_WIDTH, max: 1400 }), fc.constantFrom(1, 1.5), fc.integer({ min: 0, max: 210 }), (bars, width, scale, now) => {
        const end = Math.max(1, ...bars.map((b) => b.start + b.len));
        const input: TimelineInput = { ...base, bars: bars.map((b) => ({ ...b, end: b.start + b.len, short: '⇄' })), end, now: Math.min(now, end), nowLabel: `${Math.min(now, end)} ms`, marks: bars.map((b) => b.start) };
        // Bars may overlap one another in random input: only the text rules are checked.
        const d = timelineLayout({ ...input, bars: input.bars.filter((b, i) => !input.bars.slice(0, i).some((o) => o.row === b.row && o.start < b.end && b.start < o.end)) }, { width, scale });
        expect(problems(d, width)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
