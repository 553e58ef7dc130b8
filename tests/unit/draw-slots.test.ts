import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { slotsLayout, type SlotsInput } from '../../src/widgets/kit/draw/slots.ts';
import { problems } from './draw-check.ts';

const full: SlotsInput = {
  label: 'queue',
  maxsize: 3,
  items: ['1', '2', '3'],
  marks: [
    { at: 0, word: 'get' },
    { at: 3, word: 'put' },
  ],
  blocked: { side: 'put', word: 'producer waits: put(4), queue full' },
};

describe('slots', () => {
  test('a bounded queue draws maxsize slots, empty ones outlined and numbered', () => {
    const d = slotsLayout({ label: 'q', maxsize: 4, items: ['a'] }, { width: 960, scale: 1 });
    expect(d.svg.match(/data-i=/g)).toHaveLength(4);
    expect(d.svg.match(/stroke-dasharray="3 3"/g)).toHaveLength(3);
    for (const i of ['0', '1', '2', '3']) expect(d.texts.some((t) => t.lines[0] === i)).toBe(true);
  });
  test('an unbounded queue draws its items and one open slot marked …', () => {
    const d = slotsLayout({ label: 'q', maxsize: 0, items: ['a', 'b'] }, { width: 960, scale: 1 });
    expect(d.svg.match(/data-i=/g)).toHaveLength(3);
    expect(d.svg).toContain('>…<');
  });
  test('a blocked producer stands beside the row in a dashed box with its words', () => {
    const d = slotsLayout(full, { width: 960, scale: 1 });
    expect(d.svg).toMatch(/kit-blocked[^>]*stroke-dasharray/);
    expect(d.texts.map((t) => t.lines.join(' ')).join('|')).toContain('producer waits');
  });
  test('two marks on one slot (an empty queue: head = tail) are stacked, not overlapped', () => {
    const d = slotsLayout({ label: 'q', maxsize: 2, items: [], marks: [{ at: 0, word: 'head' }, { at: 0, word: 'tail' }] }, { width: 480, scale: 1 });
    expect(problems(d, 480)).toEqual([]);
  });
  for (const width of [296, 480, 960])
    test(`clean at ${width} px and in presenter mode`, () => {
      expect(problems(slotsLayout(full, { width, scale: 1 }), width)).toEqual([]);
      expect(problems(slotsLayout(full, { width: width * 1.5, scale: 1.5 }), width * 1.5)).toEqual([]);
    });
  test('many slots wrap into rows on a phone', () => {
    const items = Array.from({ length: 20 }, (_, i) => `v${i}`);
    const d = slotsLayout({ label: 'q', maxsize: 20, items }, { width: 296, scale: 1 });
    expect(d.width).toBeLessThanOrEqual(296);
    expect(problems(d, 296)).toEqual([]);
  });
  test('any queue at any width is clean', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1, max: 12 }),
        fc.array(fc.constantFrom('1', '42', 'job', '任务', 'x'), { maxLength: 12 }),
        fc.constantFrom(296, 360, 480, 960),
        fc.constantFrom(1, 1.5),
        fc.option(fc.record({ side: fc.constantFrom('put', 'get') as fc.Arbitrary<'put' | 'get'>, word: fc.constantFrom('consumer waits: get(), queue empty', '生产者等待：队列已满') }), { nil: undefined }),
        (maxsize, items, width, scale, blocked) => {
          const its = maxsize > 0 ? items.slice(0, maxsize) : items;
          const d = slotsLayout({ label: 'q', maxsize, items: its, blocked, marks: [{ at: 0, word: 'get' }, { at: its.length, word: 'put' }] }, { width: width * scale, scale });
          expect(problems(d, width * scale)).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
});
