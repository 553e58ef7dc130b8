// bits() and numberLine(): the layout rules (tests/unit/draw-check.ts) at phone, tablet and desktop
// widths and in presenter mode, plus what each must draw.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { bitsLayout, TOUCH } from '../../src/widgets/kit/draw/bitcells.ts';
import { numberLineLayout } from '../../src/widgets/kit/draw/numberline.ts';
import { problems } from './draw-check.ts';

const octet = { bits: [1, 0, 1, 0, 0, 1, 1, 0] as Array<0 | 1>, named: { 1: { label: 'U/L', tone: 2 }, 0: { label: 'I/G', tone: 1 } }, title: 'first octet 0xa6 = 1010 0110', label: 'bits' };

describe('bits', () => {
  test('one cell per bit, numbered b7 … b0, the value in each', () => {
    const d = bitsLayout(octet, { width: 288, scale: 1 });
    expect(d.svg.match(/data-bit=/g)).toHaveLength(8);
    expect(d.texts.map((t) => t.lines[0])).toEqual(expect.arrayContaining(['b7', 'b0', 'U/L', 'I/G']));
  });
  test('named bits are touch targets at least 44 px each way, and do not overlap', () => {
    const d = bitsLayout(octet, { width: 288, scale: 1 });
    expect(d.targets.map((t) => t.bit).sort()).toEqual([0, 1]);
    for (const t of d.targets) expect(Math.min(t.w, t.h)).toBeGreaterThanOrEqual(TOUCH);
    const [a, b] = d.targets;
    expect(a!.x + a!.w <= b!.x || b!.x + b!.w <= a!.x).toBe(true);
  });
  test('a set bit is filled and bold, a clear bit dashed', () => {
    const d = bitsLayout({ bits: [1, 0], label: 'x' }, { width: 288, scale: 1 });
    expect(d.svg).toMatch(/kit-c1[^>]*\/>.*kit-b/);
    expect(d.svg).toContain('stroke-dasharray');
  });
  for (const [width, scale] of [[288, 1], [296, 1], [700, 1], [1200, 1], [1200, 1.5], [300, 1.5]] as const)
    test(`clean at ${width} px, scale ${scale}`, () => {
      expect(problems(bitsLayout(octet, { width, scale }), width)).toEqual([]);
    });
  test('any 8 bits at any width from 240 px are clean', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<0 | 1>(0, 1), { minLength: 8, maxLength: 8 }), fc.integer({ min: 240, max: 1400 }), fc.constantFrom(1, 1.5), (b, width, scale) => {
        expect(problems(bitsLayout({ ...octet, bits: b }, { width, scale }), width)).toEqual([]);
      }),
    );
  });
});

const ports = {
  min: 0,
  max: 65535,
  bands: [{ from: 0, to: 1023, tone: 1 }, { from: 1024, to: 49151, tone: 3 }, { from: 49152, to: 65535, tone: 2 }],
  spans: [
    { from: 0, to: 1023, label: 'system 0–1023', tone: 1 },
    { from: 1024, to: 49151, label: 'user 1024–49151', tone: 3 },
    { from: 49152, to: 65535, label: 'dynamic 49152–65535', tone: 2 },
    { from: 32768, to: 60999, label: 'Linux ephemeral 32768–60999', dashed: true },
  ],
  mark: { at: 8000, label: '8000 · user' },
  label: 'ports',
};

describe('numberLine', () => {
  test('a row per named range, the mark above the bar', () => {
    const d = numberLineLayout(ports, { width: 288, scale: 1 });
    expect(d.texts).toHaveLength(5);
    expect(d.texts[0]!.lines.join('')).toBe('8000 · user');
    const bottom = (i: number) => d.texts[i]!.box.y + d.texts[i]!.box.h;
    for (let i = 1; i < 5; i++) expect(d.texts[i]!.box.y).toBeGreaterThan(bottom(i - 1));
  });
  test('the mark’s line stands at the value', () => {
    const d = numberLineLayout(ports, { width: 1000, scale: 1 });
    const x = d.lines[0]!.x1;
    expect(x).toBeGreaterThan(3 + (8000 / 65536) * 994 - 1);
    expect(x).toBeLessThan(3 + (8001 / 65536) * 994 + 1);
  });
  test('the mark at either end stays inside the picture', () => {
    for (const at of [0, 65535]) expect(problems(numberLineLayout({ ...ports, mark: { at, label: `${at} · a long label here` } }, { width: 288, scale: 1 }), 288)).toEqual([]);
  });
  test('any mark at any width is clean', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 65535 }), fc.integer({ min: 240, max: 1400 }), fc.constantFrom(1, 1.5), (at, width, scale) => {
        expect(problems(numberLineLayout({ ...ports, mark: { at, label: `${at} · dynamic · Linux ephemeral` } }, { width, scale }), width)).toEqual([]);
      }),
    );
  });
});
