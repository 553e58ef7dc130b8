// bytes(): a byte stream as a picture, laid out without a browser. Its specification: every byte
// once, nothing past the width, no two labels on each other, markers never through a label.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { boundaryAt, bytes, type BytesSpec } from '../../src/widgets/kit/draw/bytes.ts';
import { crosses, overlaps } from '../../src/widgets/kit/draw/geom.ts';
import { lineHeight, textWidth, TYPE } from '../../src/widgets/kit/draw/text.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0'));
const base = (b: Uint8Array, more: Partial<BytesSpec> = {}): BytesSpec => ({ bytes: b, view: 'hex', width: 480, label: 'bytes', ...more });
/** Every text the picture draws, as the box its string takes (y is the line box's top: baseline − 0.95 em). */
function texts(svg: string) {
  const px = Number(/font-size="([\d.]+)"/.exec(svg)![1]);
  return [...svg.matchAll(/<text[^>]* x="([\d.-]+)" y="([\d.-]+)" text-anchor="(\w+)"[^>]*>([^<]*)</g)].map((m) => {
    const text = m[4]!.replace(/&#(\d+);/g, (_, c) => String.fromCharCode(Number(c)));
    const w = textWidth(text, px);
    const x = Number(m[1]);
    // Less a hair all round: the SVG's numbers are rounded to 0.1 px, so boxes that touch may seem to meet.
    return { x: (m[3] === 'middle' ? x - w / 2 : x) + 0.1, y: Number(m[2]) - px * 0.95 + 0.1, w: w - 0.2, h: lineHeight(px) - 0.2, text };
  });
}
/** Every line the picture draws (paths are single segments: M x,y L x,y). */
const lines = (svg: string) =>
  [...svg.matchAll(/<path[^>]* d="M([\d.-]+),([\d.-]+)L([\d.-]+),([\d.-]+)"/g)].map((m) => ({ x1: Number(m[1]), y1: Number(m[2]), x2: Number(m[3]), y2: Number(m[4]) }));

/** The texts drawn in the byte cells, in order (data-b marks them). */
const starts0 = (svg: string) => (svg.match(/data-b=/g) ?? []).length;
const cellTexts = (svg: string) => [...svg.matchAll(/data-b="(\d+)">([^<]*)</g)].map((m) => [Number(m[1]), m[2]!] as const);

describe('bytes()', () => {
  test('the hex view draws each byte once, in order, as two hex digits', () => {
    const b = utf8('hello world');
    const l = bytes(base(b));
    expect(cellTexts(l.svg).map(([, t]) => t)).toEqual(hex(b));
    expect(l.cells).toHaveLength(b.length);
  });

  test('the decoded view draws a Chinese character once across its three bytes', () => {
    const l = bytes(base(utf8('a你好'), { view: 'text' }));
    expect(cellTexts(l.svg)).toEqual([[0, 'a'], [1, '你'], [4, '好']]);
    expect(l.cells).toHaveLength(7);
  });

  test('a character cut by a recv() boundary is shown as its bytes, framed, not decoded', () => {
    const l = bytes(base(utf8('你好'), { view: 'text', cuts: [{ at: 4, label: 'recv 1' }] }));
    expect(cellTexts(l.svg)).toEqual([[0, '你'], [3, 'e5'], [4, 'a5'], [5, 'bd']]);
    expect(l.svg.match(/class="kit-broken"/g)).toHaveLength(3);
  });

  test('a raw band (a length prefix) stays hex in the decoded view; a space is ␣', () => {
    const b = new Uint8Array([0, 0, 0, 0x27, 0x61, 0x20]);
    const l = bytes(base(b, { view: 'text', bands: [{ start: 0, end: 4, label: 'len', raw: true, tone: 2 }] }));
    expect(cellTexts(l.svg).map(([, t]) => t)).toEqual(['00', '00', '00', '27', 'a', '␣']);
  });

  test('every band carries its colour class and its label', () => {
    const l = bytes(base(utf8('hellowarld'), { bands: [{ start: 0, end: 5, label: 'm1', tone: 1 }, { start: 5, end: 10, label: '消息 2', tone: 2 }] }));
    expect(l.svg).toContain('kit-fill kit-c1');
    expect(l.svg).toContain('kit-fill kit-c2');
    expect(texts(l.svg).map((t) => t.text)).toEqual(expect.arrayContaining(['m1', '消息 2']));
  });

  test('recv() boundaries are labelled markers at the byte edge', () => {
    const l = bytes(base(utf8('helloworld'), { cuts: [{ at: 3, label: 'recv 1' }] }));
    expect(texts(l.svg).some((t) => t.text === 'recv 1')).toBe(true);
    const x = l.cells[3]!.x;
    expect(lines(l.svg).some((s) => s.x1 === x && s.x2 === x && s.y2 - s.y1 > l.cells[3]!.h)).toBe(true);
  });

  test('the highlighted range is framed; bytes not yet arrived are drawn pending', () => {
    const l = bytes(base(utf8('helloworld'), { highlight: { start: 2, end: 4 }, pending: 6 }));
    expect(l.svg).toMatch(/class="kit-hl"/);
    expect(l.svg).toMatch(/kit-pending/);
  });

  test('a narrow column gets fewer bytes a row, never smaller text', () => {
    const wide = bytes(base(new Uint8Array(64), { width: 1100 }));
    const narrow = bytes(base(new Uint8Array(64), { width: 296 }));
    expect(narrow.per).toBeLessThan(wide.per);
    expect(narrow.svg).toContain(`font-size="${TYPE.label}"`);
    expect(narrow.width).toBe(296);
    const big = bytes(base(new Uint8Array(64), { width: 1100, scale: TYPE.presenter }));
    expect(big.svg).toContain(`font-size="${TYPE.label * TYPE.presenter}"`);
  });

  test('max draws only the first bytes', () => {
    expect(bytes(base(new Uint8Array(5000), { max: 100 })).cells).toHaveLength(100);
  });

  test('boundaryAt finds the byte edge nearest a click', () => {
    const l = bytes(base(utf8('helloworld')));
    const c = l.cells[3]!;
    expect(boundaryAt(l, c.x + 2, c.y + c.h / 2)).toBe(3);
    expect(boundaryAt(l, c.x + c.w - 2, c.y + c.h / 2)).toBe(4);
    expect(boundaryAt(l, c.x, -50)).toBeNull();
  });

  // Random streams: ASCII, Chinese, binary; random bands, groups, cuts and widths.
  const chunk = fc.oneof(fc.constantFrom('hello', 'world', '你好', '网络编程笔记', '{"file_size": 6}', ' ', 'é', '😀'), fc.uint8Array({ minLength: 1, maxLength: 6 }));
  const stream = fc.array(chunk, { minLength: 1, maxLength: 12 }).map((parts) => {
    const bs = parts.map((p) => (typeof p === 'string' ? utf8(p) : p));
    const all = new Uint8Array(bs.reduce((a, b) => a + b.length, 0));
    const spans: Array<{ start: number; end: number }> = [];
    let at = 0;
    for (const b of bs) all.set(b, at), spans.push({ start: at, end: (at += b.length) });
    return { all, spans };
  });
  const spec = fc.record({
    s: stream,
    width: fc.constantFrom(296, 360, 480, 720, 1100),
    view: fc.constantFrom('hex' as const, 'text' as const),
    scale: fc.constantFrom(1, TYPE.presenter),
    cuts: fc.array(fc.integer({ min: 1, max: 200 }), { maxLength: 10 }),
    grouped: fc.boolean(),
  });

  test('property: within the width, every byte once, no label on a label, no marker through a label', () => {
    fc.assert(
      fc.property(spec, ({ s, width, view, scale, cuts, grouped }) => {
        const n = s.all.length;
        const l = bytes({
          bytes: s.all,
          view,
          width,
          scale,
          label: 'x',
          bands: s.spans.map((p, i) => ({ ...p, label: `m${i + 1}`, tone: (i % 6) + 1 })),
          groups: grouped ? [{ start: 0, end: Math.ceil(n / 2), label: 'frame 1' }, { start: Math.ceil(n / 2), end: n, label: '帧 2' }] : [],
          cuts: [...new Set(cuts.filter((c) => c < n))].sort((a, b) => a - b).map((at, i) => ({ at, label: `recv ${i + 1}` })),
        });
        // Nothing past the width (the picture is exactly the width given, which fits 4 bytes).
        expect(l.width).toBe(width);
        const ts = texts(l.svg);
        const ls = lines(l.svg);
        expect(ts.length).toBeGreaterThanOrEqual(starts0(l.svg));
        for (const t of ts) expect(t.x >= 0 && t.x + t.w <= width && t.y >= 0 && t.y + t.h <= l.height, JSON.stringify(t)).toBe(true);
        // Every byte has one cell, and the cell texts cover each byte exactly once.
        expect(l.cells).toHaveLength(n);
        const starts = cellTexts(l.svg).map(([i]) => i);
        expect(starts[0]).toBe(0);
        expect(new Set(starts).size).toBe(starts.length);
        if (view === 'hex') expect(cellTexts(l.svg).map(([, t]) => t)).toEqual(hex(s.all));
        // Labels and cell texts never overlap each other, and no drawn line runs through one.
        for (let i = 0; i < ts.length; i++) {
          for (let j = i + 1; j < ts.length; j++) expect(overlaps(ts[i]!, ts[j]!), `${ts[i]!.text} / ${ts[j]!.text}`).toBe(false);
          for (const seg of ls) expect(crosses(seg, ts[i]!), `${ts[i]!.text} crossed by ${JSON.stringify(seg)}`).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });
});
