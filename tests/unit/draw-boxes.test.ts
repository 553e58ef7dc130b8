import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { boxesLayout, type BoxesInput, type BoxNode } from '../../src/widgets/kit/draw/boxes.ts';
import { problems } from './draw-check.ts';

const space = (who: string, n: number, bold = false): BoxNode => ({
  title: who,
  column: true,
  children: [{ title: 'code' }, { title: 'globals', lines: [`n = ${n}`], bold, tone: bold ? 2 : undefined }, { title: 'heap' }, { title: 'stack' }],
});
const two: BoxesInput = { label: 'two processes', boxes: [space('parent', 100), space('child', 0, true)] };

describe('boxes', () => {
  test('a box per node, its title and lines drawn; a row when it fits', () => {
    const d = boxesLayout(two, { width: 700, scale: 1 });
    expect(d.svg.match(/<rect /g)).toHaveLength(10);
    for (const w of ['parent', 'child', 'n = 100', 'n = 0', 'heap']) expect(d.svg).toContain(`>${w}<`);
    // Side by side: both titles on one line.
    const [p, c] = ['parent', 'child'].map((w) => d.texts.find((t) => t.lines[0] === w)!.box);
    expect(p!.y).toBe(c!.y);
    expect(c!.x).toBeGreaterThan(p!.x + 300);
    expect(problems(d, 700)).toEqual([]);
  });
  test('too narrow for a row: a column, never wider than the width', () => {
    const d = boxesLayout({ label: 'x', boxes: [space('a long address space title', 1), space('another long title here', 2), space('third', 3)] }, { width: 288, scale: 1.5 });
    const ys = d.texts.filter((t) => /title|third/.test(t.lines.join(' '))).map((t) => t.box.y);
    expect(new Set(ys).size).toBe(3);
    expect(d.width).toBe(288);
    expect(problems(d, 288)).toEqual([]);
  });
  test('bold and dashed are outlines, not colour only', () => {
    const d = boxesLayout({ label: 'x', boxes: [{ title: 'gone', dashed: true }, { title: 'changed', bold: true }] }, { width: 400, scale: 1 });
    expect(d.svg).toContain('stroke-dasharray="6 4"');
    expect(d.svg).toContain('stroke-width="3"');
  });
  test('property: any width and scale, any words: no overlap, nothing outside, text ≥ 12 px', () => {
    const node = fc.record({ title: fc.string({ minLength: 1, maxLength: 30 }), lines: fc.array(fc.string({ maxLength: 24 }), { maxLength: 2 }) });
    fc.assert(
      fc.property(fc.array(fc.array(node, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }), fc.integer({ min: 288, max: 1400 }), fc.constantFrom(1, 1.5), (groups, width, scale) => {
        const input: BoxesInput = { label: 'p', boxes: groups.map((kids, i) => ({ title: `space ${i}`, children: kids })) };
        const d = boxesLayout(input, { width, scale });
        expect(problems(d, width)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
