// bitCells() (bitcells.ts; bits.ts is the 32-bit words of the IPv4 lab): the bits of a field (an octet, a mask) as a row of cells, most significant first, each
// numbered above (b7 … b0) and holding its 0 or 1; chosen bits are named under their cell (I/G,
// U/L) and drawn wider, at least a finger's 44 px, so a view can make them things to touch (each
// such cell is a <g class="kit-bit" data-bit="k"> whose box covers its number, cell and name,
// with the words drawn over it, outside the group). A set bit is a
// filled cell and a bold digit, never colour alone. Cells that do not fit the width wrap onto
// another row.
import type { Fit } from './fit.ts';
import type { Segment } from './geom.ts';
import type { Drawn, DrawnText } from './gantt.ts';
import { esc, n, svgRoot, textBlock } from './svg.ts';
import { metrics, textWidth, wrapText } from './text.ts';

export interface BitsInput {
  /** The bits as written, most significant first (the last one is b0). */
  bits: ReadonlyArray<0 | 1>;
  /** Bits to name and make touchable, by bit number (0 = least significant). */
  named?: Readonly<Record<number, { label: string; tone?: number }>>;
  /** A line above the cells (wrapped to the width). */
  title?: string;
  /** The picture's accessible name. */
  label: string;
}

/** The least size of a touch target on a phone, in CSS px. */
export const TOUCH = 44;

export function bitsLayout(input: BitsInput, { width, scale }: Fit): Drawn & { targets: Array<{ bit: number; x: number; y: number; w: number; h: number }> } {
  const { px, tpx, lh, pad } = metrics(scale);
  const count = input.bits.length;
  const named = input.named ?? {};
  const numOf = (i: number) => count - 1 - i; // position in the row → bit number
  const narrow = Math.max(textWidth(`b${count - 1}`, px), textWidth('0', tpx)) + 2 * pad;
  const wOf = (b: number) => (named[b] ? Math.max(narrow, TOUCH, textWidth(named[b]!.label, px) + 2 * pad) : narrow);
  const P = 2;
  const W = Math.max(width, Math.max(...input.bits.map((_, i) => wOf(numOf(i)))) + 2 * P);
  const texts: DrawnText[] = [];
  const lines: Segment[] = [];
  const out: string[] = [];
  let y = P;
  if (input.title) {
    const tl = wrapText(input.title, W - 2 * P, px);
    const box = { x: P, y, w: W - 2 * P, h: tl.length * lh };
    out.push(textBlock(box, tl, px, 'kit-b', 'start'));
    texts.push({ box: { ...box, w: Math.max(...tl.map((l) => textWidth(l, px))) }, lines: tl, px });
    y += box.h + pad;
  }
  const cellH = lineHeight2(tpx) + pad;
  const hasNames = Object.keys(named).length > 0;
  const targets: Array<{ bit: number; x: number; y: number; w: number; h: number }> = [];
  let x = P;
  const rowH = lh + 2 + cellH + (hasNames ? 2 + lh : 0);
  for (let i = 0; i < count; i++) {
    const b = numOf(i);
    const w = wOf(b);
    if (x + w > W - P && x > P) (x = P), (y += rowH + pad);
    const v = input.bits[i]!;
    const nm = named[b];
    const cy = y + lh + 2;
    const parts: string[] = [];
    const text = (s: string, cx: number, ty: number, size: number, cls: string) => {
      const tw = textWidth(s, size);
      texts.push({ box: { x: cx - tw / 2, y: ty, w: tw, h: Math.ceil(size * 1.25) }, lines: [s], px: size });
      parts.push(`<text class="kit-t ${cls}" x="${n(cx)}" y="${n(ty + size * 0.95)}" text-anchor="middle" font-size="${size}">${esc(s)}</text>`);
    };
    text(`b${b}`, x + w / 2, y, px, 'kit-soft');
    parts.push(`<rect class="kit-fill${v ? ` kit-c${nm?.tone ?? 1}` : ''}" x="${n(x + 1)}" y="${n(cy)}" width="${n(w - 2)}" height="${n(cellH)}" rx="3"${v ? '' : ' fill-opacity="0" stroke-dasharray="3 2"'}/>`);
    text(String(v), x + w / 2, cy + (cellH - lineHeight2(tpx)) / 2, tpx, v ? 'kit-b' : '');
    if (nm) text(nm.label, x + w / 2, cy + cellH + 2, px, 'kit-b');
    if (nm) {
      const h = Math.max(TOUCH, rowH);
      const t = { bit: b, x, y, w, h };
      targets.push(t);
      // The group holds shapes only (a view names it as a button in words of its own); the words
      // are drawn over it and let clicks through.
      const [shapes, words] = [parts.filter((p) => !p.startsWith('<text')), parts.filter((p) => p.startsWith('<text'))];
      out.push(`<g class="kit-bit" data-bit="${b}"><rect class="kit-hit" x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" fill="transparent"/>${shapes.join('')}</g>`);
      out.push(`<g pointer-events="none">${words.join('')}</g>`);
    } else out.push(`<g data-bit="${b}">${parts.join('')}</g>`);
    x += w;
  }
  const height = Math.ceil(y + Math.max(rowH, targets.length ? TOUCH : 0) + P);
  return { svg: svgRoot(W, height, input.label, out.join(''), 'kit-bits', px), width: W, height, texts, lines, targets };
}

const lineHeight2 = (px: number) => Math.ceil(px * 1.25);

export const bits = (input: BitsInput, f: Fit): string => bitsLayout(input, f).svg;
