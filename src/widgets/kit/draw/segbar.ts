// segbar(): a quantity as a horizontal bar cut into segments, such as a file's body filling up
// by the bytes each recv() returned, or a byte stream cut into frames and their parts. The bar
// spans the width given; offsets map to x piecewise-linearly over `parts` (a partition of the
// bar), each part at least its `min` px wide, so a 4-byte length prefix stays visible beside a
// 3000-byte body. A segment's `inside` text is drawn in it when it fits; its `label` goes under
// the bar with a leader, stacked in levels so no two labels meet and no leader crosses a label.
// Marks (a declared size, where the reader stands) are lines through the bar with their labels
// above it, stacked the same way. Text never shrinks: the picture grows taller instead.
import type { Drawn, DrawnText, Tone } from './gantt.ts';
import type { Segment } from './geom.ts';
import { GAP } from './place.ts';
import { n, svgRoot, textBlock } from './svg.ts';
import { lineHeight, textWidth, TYPE } from './text.ts';
import type { Fit } from './fit.ts';

export interface BarSeg {
  start: number;
  end: number;
  tone?: Tone;
  /** fill: solid with the tone; dashed: arrived/pending outline; bad: an error's outline. */
  kind?: 'fill' | 'dashed' | 'bad';
  /** Short text drawn inside the segment when it fits (else left out: `label` says it). */
  inside?: string;
  /** Text under the bar with a leader to the segment. */
  label?: string;
  /** The segment of the current step: a thick outline and bold text. */
  current?: boolean;
}
export interface BarMark {
  at: number;
  label: string;
}
export interface SegbarInput {
  /** The bar covers [0, total). */
  total: number;
  /** How offsets map to x: consecutive parts covering [0, total), each at least `min` px (at scale 1; multiplied by the scale); default one part. */
  parts?: ReadonlyArray<{ start: number; end: number; min?: number }>;
  segs: readonly BarSeg[];
  marks?: readonly BarMark[];
  /** The picture's accessible name. */
  label: string;
}

type Lab = { x: number; w: number; text: string; level: number; lx: number; bold: boolean };

/**
 * Levels (0 nearest the bar) for labels that start at their leader and run right: from the right,
 * a label that would reach a later one goes above it. So no two labels of a level meet, and a
 * leader never passes a label (the labels it passes start to its right or end before it).
 */
function stack(labels: Lab[]): number {
  labels.sort((p, q) => p.lx - q.lx);
  for (let i = labels.length - 1; i >= 0; i--) {
    const m = labels[i]!;
    m.level = 0;
    for (let j = i + 1; j < labels.length; j++) if (labels[j]!.x <= m.x + m.w + GAP) m.level = Math.max(m.level, labels[j]!.level + 1);
  }
  return labels.length ? Math.max(...labels.map((m) => m.level)) + 1 : 0;
}

/** Pixel widths of the parts: each at least its min, the rest shared in proportion. */
function partWidths(parts: ReadonlyArray<{ start: number; end: number; min?: number }>, W: number): number[] {
  const size = parts.map((p) => Math.max(0, p.end - p.start));
  const fixed = new Set<number>();
  for (let round = 0; round <= parts.length; round++) {
    const free = W - [...fixed].reduce((s, i) => s + (parts[i]!.min ?? 0), 0);
    const units = size.reduce((s, v, i) => (fixed.has(i) ? s : s + v), 0);
    let changed = false;
    parts.forEach((p, i) => {
      if (!fixed.has(i) && units > 0 && (size[i]! * free) / units < (p.min ?? 0)) fixed.add(i), (changed = true);
    });
    if (!changed) return parts.map((p, i) => (fixed.has(i) ? (p.min ?? 0) : units > 0 ? (size[i]! * free) / units : 0));
  }
  return parts.map((p) => p.min ?? 0);
}

export function segbarLayout(input: SegbarInput, { width, scale }: Fit): Drawn {
  const px = Math.round(TYPE.label * scale);
  const lh = lineHeight(px);
  const P = Math.round(6 * scale);
  const total = Math.max(1, input.total);
  const parts = input.parts?.length ? input.parts.map((p) => ({ ...p, min: (p.min ?? 0) * scale })) : [{ start: 0, end: total, min: 0 }];
  const mins = parts.reduce((s, p) => s + (p.min ?? 0), 0);
  const widest = Math.max(0, ...[...input.segs.map((s) => s.label ?? ''), ...(input.marks ?? []).map((m) => m.label)].map((t) => textWidth(t, px)));
  let W = Math.max(width, mins + 2 * P, widest + 2 * P);
  let barW = W - 2 * P;
  let pw = partWidths(parts, barW);
  const xOf = (at: number): number => {
    let x = P;
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      if (at <= p.end || i === parts.length - 1) {
        const f = p.end > p.start ? Math.min(1, Math.max(0, (at - p.start) / (p.end - p.start))) : 1;
        return x + f * pw[i]!;
      }
      x += pw[i]!;
    }
    return x;
  };
  // Labels start at their leader and run right: the bar leaves room at its right for the last ones.
  const need = () => Math.max(0, ...input.segs.map((g) => (g.label ? (xOf(g.start) + xOf(g.end)) / 2 + 2 + textWidth(g.label, px) : 0)), ...(input.marks ?? []).map((m) => xOf(m.at) + 2 + textWidth(m.label, px)));
  for (let k = 0; k < 6; k++) {
    const over = need() - (W - P);
    if (over <= 0) break;
    barW = Math.max(mins, barW - over - 1);
    pw = partWidths(parts, barW);
  }
  W = Math.max(W, Math.ceil(need() + P));

  const texts: DrawnText[] = [];
  const lines: Segment[] = [];
  const out: string[] = [];
  const put = (x: number, y: number, s: string, bold: boolean, soft = false) => {
    const box = { x, y, w: textWidth(s, px), h: lh };
    texts.push({ box, lines: [s], px });
    out.push(textBlock(box, [s], px, bold ? 'kit-b' : soft ? 'kit-soft' : '', 'start'));
  };

  // Marks' labels above the bar.
  const marks: Lab[] = (input.marks ?? []).map((m) => ({ x: xOf(m.at) + 2, w: textWidth(m.label, px), text: m.label, level: 0, lx: xOf(m.at), bold: true }));
  const mLevels = stack(marks);
  const top = P + mLevels * (lh + GAP);
  const barH = lh + Math.round(10 * scale);
  for (const m of marks) put(m.x, top - (m.level + 1) * (lh + GAP), m.text, true);

  // The bar: an outline of the whole, then the segments.
  out.push(`<rect class="kit-line" x="${n(P)}" y="${n(top)}" width="${n(xOf(total) - P)}" height="${n(barH)}" rx="3"/>`);
  const below: Lab[] = [];
  for (const s of input.segs) {
    const x0 = xOf(s.start);
    const x1 = xOf(s.end);
    const w = Math.max(1, x1 - x0);
    const kind = s.kind ?? 'fill';
    const cls = kind === 'fill' ? `kit-fill${s.tone ? ` kit-c${s.tone}` : ''}` : kind === 'bad' ? 'kit-broken' : `kit-fill kit-pending${s.tone ? ` kit-c${s.tone}` : ''}`;
    out.push(`<rect class="${cls}${s.current ? ' kit-seg-cur' : ''}" x="${n(x0)}" y="${n(top)}" width="${n(w)}" height="${n(barH)}" rx="2"/>`);
    if (s.current) out.push(`<rect class="kit-hl" x="${n(x0 + 1)}" y="${n(top + 1)}" width="${n(Math.max(1, w - 2))}" height="${n(barH - 2)}" rx="2"/>`);
    const iw = s.inside ? textWidth(s.inside, px) : 0;
    const ix = x0 + (w - iw) / 2;
    // Inside text only where it fits and no mark's line runs through it.
    if (s.inside && iw + 4 <= w && !marks.some((m) => m.lx >= ix - GAP && m.lx <= ix + iw + GAP)) put(ix, top + (barH - lh) / 2, s.inside, !!s.current);
    if (s.label) below.push({ x: x0 + w / 2 + 2, w: textWidth(s.label, px), text: s.label, level: 0, lx: x0 + w / 2, bold: !!s.current });
  }
  for (const m of marks) {
    const y1 = top - m.level * (lh + GAP) - GAP + 1;
    lines.push({ x1: m.lx, y1, x2: m.lx, y2: top + barH + 2 });
    out.push(`<path class="kit-cut" d="M${n(m.lx)},${n(y1)}V${n(top + barH + 2)}"/>`);
  }

  // Segment labels under the bar: each starts at its leader.
  const bLevels = stack(below);
  const y0 = top + barH + GAP + Math.round(4 * scale);
  for (const b of below) {
    const y = y0 + b.level * (lh + GAP);
    lines.push({ x1: b.lx, y1: top + barH, x2: b.lx, y2: y + lh });
    out.push(`<path class="kit-line" d="M${n(b.lx)},${n(top + barH)}V${n(y + lh)}"/>`);
    put(b.x, y, b.text, b.bold);
  }
  const h = Math.ceil(y0 + bLevels * (lh + GAP) + P);
  return { svg: svgRoot(W, h, input.label, out.join(''), 'kit-segbar', px), width: Math.ceil(W), height: h, texts, lines };
}

/** The bar as an SVG string, drawn for the width and type scale given. */
export const segbar = (input: SegbarInput, f: Fit): string => segbarLayout(input, f).svg;
