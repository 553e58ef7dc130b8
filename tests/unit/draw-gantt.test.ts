import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { ganttLayout, type GanttInput } from '../../src/widgets/kit/draw/gantt.ts';
import { problems } from './draw-check.ts';

const ticketRun: GanttInput = {
  label: 'schedule',
  rows: [
    { id: 'P1', label: 'P1', state: { word: 'holds the lock', kind: 'run' } },
    { id: 'P2', label: 'P2', state: { word: 'waiting: P1 holds the lock', kind: 'blocked' } },
    { id: 'P3', label: 'P3' },
  ],
  bars: [
    { row: 0, start: 0, end: 1, label: 'acquire', tone: 1 },
    { row: 0, start: 1, end: 2, label: 'read 1', tone: 1 },
    { row: 1, start: 1, end: 3, label: 'waiting', kind: 'blocked' },
    { row: 0, start: 2, end: 3, label: 'write 0', tone: 1 },
  ],
  now: 3,
  nowLabel: 'now',
};

describe('the checker', () => {
  test('catches overlapping texts, text on a line, text too small and a picture too wide', () => {
    const box = { x: 0, y: 0, w: 40, h: 16 };
    const bad = { svg: '', width: 500, height: 50, texts: [{ box, lines: ['ab'], px: 13 }, { box: { ...box, x: 20 }, lines: ['cd'], px: 11 }], lines: [{ x1: 0, y1: 8, x2: 100, y2: 8 }] };
    expect(problems(bad, 300)).toHaveLength(5);
  });
});

describe('gantt', () => {
  test('one bar per step, with its label, in its row', () => {
    const d = ganttLayout(ticketRun, { width: 960, scale: 1 });
    expect(d.svg.match(/class="kit-bar" data-kind="run"/g)).toHaveLength(3);
    expect(d.svg.match(/data-kind="blocked"/g)).toHaveLength(1);
    for (const w of ['acquire', 'read 1', 'write 0', 'waiting', 'now', 'holds the lock']) expect(d.svg).toContain(`>${w}<`);
  });
  test('a blocked bar is outlined with dashes, not filled: told apart without colour', () => {
    const d = ganttLayout(ticketRun, { width: 960, scale: 1 });
    expect(d.svg).toMatch(/data-kind="blocked"[^>]*><rect class="kit-line"[^>]*stroke-dasharray="6 4"/);
  });
  test('the current tick is bold and has a line', () => {
    const d = ganttLayout(ticketRun, { width: 960, scale: 1 });
    expect(d.svg).toContain('class="kit-t kit-b" text-anchor="middle" font-size="13"><tspan');
    expect(d.svg).toContain('kit-now');
  });
  for (const width of [296, 480, 960])
    test(`no overlaps, no text on a line, nothing under 12 px at ${width} px`, () => {
      expect(problems(ganttLayout(ticketRun, { width, scale: 1 }), width)).toEqual([]);
      expect(problems(ganttLayout(ticketRun, { width, scale: 1.5 }), width * 1.5)).toEqual([]);
    });
  test('too many ticks for the width: the chart wraps into strips, never wider than given', () => {
    const bars = Array.from({ length: 30 }, (_, i) => ({ row: i % 3, start: i, end: i + 1, label: 'STORE 9' }));
    const narrow = ganttLayout({ ...ticketRun, bars, now: 30 }, { width: 296, scale: 1 });
    const wide = ganttLayout({ ...ticketRun, bars, now: 30 }, { width: 960, scale: 1 });
    expect(narrow.width).toBeLessThanOrEqual(296);
    expect(narrow.height).toBeGreaterThan(wide.height);
    expect(problems(narrow, 296)).toEqual([]);
  });
  test('presenter mode draws 18 px text where the page draws 12–13', () => {
    const d = ganttLayout(ticketRun, { width: 960, scale: 1.5 });
    expect(Math.min(...d.texts.map((t) => t.px))).toBeGreaterThanOrEqual(18);
  });
  test('a label too long for its bar wraps inside it', () => {
    const d = ganttLayout({ label: 'x', rows: [{ id: 'a', label: 'A' }], bars: [{ row: 0, start: 0, end: 1, label: 'a very long job name indeed here' }] }, { width: 296, scale: 1 });
    expect(d.texts.find((t) => t.lines.join(' ').startsWith('a very'))!.lines.length).toBeGreaterThan(1);
    expect(problems(d, 296)).toEqual([]);
  });
  test('scheduler shape (W13): long bars, waits and I/O, now in the middle of a bar', () => {
    const d = ganttLayout(
      {
        label: 'RR',
        rows: [{ id: 'A', label: 'job A' }, { id: 'B', label: 'job B' }],
        bars: [
          { row: 0, start: 0, end: 4, label: 'A', tone: 1 },
          { row: 1, start: 0, end: 4, label: 'ready', kind: 'wait' },
          { row: 1, start: 4, end: 8, label: 'B', tone: 2 },
          { row: 0, start: 4, end: 6, label: 'disk', kind: 'io' },
        ],
        now: 5,
        nowLabel: 'now',
      },
      { width: 480, scale: 1 },
    );
    expect(problems(d, 480)).toEqual([]);
  });
  test('any chart at any width: no overlaps, no text on a line, nothing too small', () => {
    const label = fc.constantFrom('read 1', 'LOAD 0', 'acquire', '拿锁', '写入 0', 'A', 'release', 'sold out', 'x');
    const bar = fc.record({ row: fc.integer({ min: 0, max: 3 }), start: fc.integer({ min: 0, max: 40 }), len: fc.integer({ min: 1, max: 5 }), label, kind: fc.constantFrom('run', 'wait', 'blocked', 'io') as fc.Arbitrary<'run' | 'wait' | 'blocked' | 'io'> });
    fc.assert(
      fc.property(fc.array(bar, { maxLength: 30 }), fc.constantFrom(296, 360, 480, 768, 960), fc.constantFrom(1, 1.5), fc.option(fc.integer({ min: 0, max: 45 }), { nil: undefined }), (bs, width, scale, now) => {
        // Bars of a row do not overlap in time: keep the first of any that would.
        const kept: typeof bs = [];
        for (const b of bs) if (!kept.some((k) => k.row === b.row && k.start < b.start + b.len && b.start < k.start + k.len)) kept.push(b);
        const input: GanttInput = {
          label: 'x',
          rows: [0, 1, 2, 3].map((i) => ({ id: String(i), label: `T${i + 1}`, state: i === 1 ? { word: '等锁，T1 持有', kind: 'blocked' } : undefined })),
          bars: kept.map((b) => ({ row: b.row, start: b.start, end: b.start + b.len, label: b.label, kind: b.kind, tone: ((b.row % 6) + 1) as 1 })),
          now,
          nowLabel: '现在',
        };
        expect(problems(ganttLayout(input, { width: width * scale, scale }), width * scale)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
