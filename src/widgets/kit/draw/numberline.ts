// numberLine(): a stretch of integers (0–65535 ports, a subnet's addresses) as a bar, with
// coloured bands on it, named ranges under it (one row each: a bracket from its first to its last
// value and its words, so ranges that overlap or are a sliver wide still read), and a marked value
// above it (a line down through the bar and its label, kept inside the picture). Every band is
// also a named range: colour is never the only signal.
import type { Fit } from './fit.ts';
import type { Segment } from './geom.ts';
import type { Drawn, DrawnText } from './gantt.ts';
import { n, svgRoot, textBlock } from './svg.ts';
import { metrics, textWidth, wrapText } from './text.ts';

export interface NumberLineInput {
  min: number;
  max: number;
  /** Fills on the bar (palette hue 1–6). */
  bands?: ReadonlyArray<{ from: number; to: number; tone: number }>;
  /** Named ranges under the bar, one row each, in order. */
  spans: ReadonlyArray<{ from: number; to: number; label: string; tone?: number; dashed?: boolean }>;
  /** The value marked above the bar, with its words; null for none. */
  mark?: { at: number; label: string } | null;
  label: string;
}

export function numberLineLayout(input: NumberLineInput, { width, scale }: Fit): Drawn {
  const { px, lh, pad } = metrics(scale);
  const P = 2;
  const W = Math.max(width, 160);
  const left = P + 1;
  const right = W - P - 1;
  const span = input.max - input.min + 1;
  const xAt = (v: number) => left + ((v - input.min) / span) * (right - left);
  const xEnd = (v: number) => left + ((v + 1 - input.min) / span) * (right - left);
  const texts: DrawnText[] = [];
  const lines: Segment[] = [];
  const out: string[] = [];
  const push = (lines_: string[], x: number, y: number, cls: string) => {
    const w = Math.max(...lines_.map((l) => textWidth(l, px)));
    const box = { x, y, w, h: lines_.length * lh };
    texts.push({ box, lines: lines_, px });
    out.push(textBlock(box, lines_, px, cls, 'start'));
    return box;
  };
  let y = P;
  // The mark: words above, a line down to the bar's foot.
  let markX = 0;
  if (input.mark) {
    markX = xAt(input.mark.at) + (xEnd(input.mark.at) - xAt(input.mark.at)) / 2;
    const ml = wrapText(input.mark.label, W - 2 * P, px);
    const w = Math.max(...ml.map((l) => textWidth(l, px)));
    const bx = Math.max(P, Math.min(markX - w / 2, W - P - w));
    const box = push(ml, bx, y, 'kit-b');
    y += box.h + 2;
  }
  const barY = y + (input.mark ? pad : 0);
  const barH = Math.round(14 * scale);
  for (const b of input.bands ?? []) out.push(`<rect class="kit-fill kit-c${b.tone}" x="${n(xAt(b.from))}" y="${n(barY)}" width="${n(Math.max(1.5, xEnd(b.to) - xAt(b.from)))}" height="${barH}"/>`);
  out.push(`<rect fill="none" stroke="currentColor" class="kit-line" x="${n(left)}" y="${n(barY)}" width="${n(right - left)}" height="${barH}"/>`);
  if (input.mark) {
    const seg = { x1: markX, y1: texts[0]!.box.y + texts[0]!.box.h + 1, x2: markX, y2: barY + barH + pad - 1 };
    lines.push(seg);
    out.push(`<path class="kit-cut" d="M${n(seg.x1)},${n(seg.y1)}L${n(seg.x2)},${n(seg.y2)}"/>`);
  }
  y = barY + barH + pad + 2;
  // One row per named range: a bracket, then its words under it, starting at the bracket's left end
  // (pulled in from the right edge when they would run out of the picture).
  for (const s of input.spans) {
    const x0 = xAt(s.from);
    const x1 = Math.max(x0 + 2, xEnd(s.to));
    const tick = Math.round(5 * scale);
    const segs = [
      { x1: x0, y1: y + tick, x2: x0, y2: y },
      { x1: x0, y1: y, x2: x1, y2: y },
      { x1: x1, y1: y, x2: x1, y2: y + tick },
    ];
    lines.push(...segs);
    out.push(`<path class="kit-line${s.tone ? ` kit-span kit-c${s.tone}` : ''}" d="M${n(x0)},${n(y + tick)}V${n(y)}H${n(x1)}V${n(y + tick)}"${s.dashed ? ' stroke-dasharray="5 3"' : ''}/>`);
    const sl = wrapText(s.label, W - 2 * P - 2 * tick, px);
    const w = Math.max(...sl.map((l) => textWidth(l, px)));
    const tx = Math.max(P, Math.min(x0 + tick + 2, W - P - w));
    const box = push(sl, tx, y + tick + 2, '');
    y = box.y + box.h + pad;
  }
  const height = Math.ceil(y + P);
  return { svg: svgRoot(W, height, input.label, out.join(''), 'kit-numberline', px), width: W, height, texts, lines };
}

export const numberLine = (input: NumberLineInput, f: Fit): string => numberLineLayout(input, f).svg;
