// slots(): a queue as a row of slots (queue.Queue with maxsize, W18). A bounded queue shows all
// its maxsize slots, empty ones outlined and numbered; an unbounded one shows its items and one
// open slot marked "…" (it grows as items arrive). Marks above the slots say where get and put
// act (head and tail, or one end for a LIFO); a blocked producer or consumer stands beside the row
// in a dashed box with its reason in words. Too many slots for the width: the row wraps, whole
// slots per line, so values stay at the type scale.
import { blockSize, lineHeight, textWidth, TYPE, wrapText } from './text.ts';
import { Obstacles } from './place.ts';
import type { Box, Segment } from './geom.ts';
import { n, svgRoot, textBlock } from './svg.ts';
import type { Fit } from './fit.ts';
import type { Drawn, DrawnText, Tone } from './gantt.ts';

export interface SlotsInput {
  /** queue.Queue's maxsize: 0 or less is unbounded. */
  maxsize: number;
  /** The values in the queue, head (next to get) first. */
  items: readonly string[];
  /** Tone per item (e.g. by producer); default 1. */
  tones?: readonly Tone[];
  /** Marks over slots by index ("head ← get", "tail → put"). Default: none. */
  marks?: ReadonlyArray<{ at: number; word: string }>;
  /** A thread waiting on the queue: a producer (put, the queue full) stands at the right, a consumer (get, empty) at the left. */
  blocked?: { side: 'put' | 'get'; word: string };
  label: string;
}

export function slotsLayout(input: SlotsInput, { width, scale }: Fit): Drawn {
  const px = Math.round(TYPE.label * scale);
  const lh = lineHeight(px);
  const P = Math.round(6 * scale);
  const bp = Math.round(4 * scale);
  const bounded = input.maxsize > 0;
  const count = bounded ? Math.max(input.maxsize, input.items.length) : input.items.length + 1;
  const sw = Math.max(textWidth('MMM', px), ...input.items.map((v) => textWidth(v, px))) + 2 * bp + 2;
  const sh = lh + 2 * bp;
  // The blocked thread's box: beside the row when there is room, else on a line of its own.
  const bwMax = Math.max(textWidth('M'.repeat(8), px), Math.min(textWidth('M'.repeat(18), px), width - 2 * P - 2 * bp));
  const bLines = input.blocked ? wrapText(input.blocked.word, bwMax, px) : [];
  const bSize = blockSize(bLines, px);
  const bw = input.blocked ? bSize.w + 2 * bp : 0;
  const beside = input.blocked && width - 2 * P - bw - P >= sw ? bw + P : 0;
  const perRow = Math.max(1, Math.min(count, Math.floor((width - 2 * P - beside) / sw)));
  const rows = Math.ceil(count / perRow);
  const markBand = input.marks?.length ? 2 * lh + P : 0;
  const numBand = lh;
  const rowH = markBand + sh + numBand + P;
  const xLeft = P + (input.blocked?.side === 'get' && beside ? beside : 0);
  const gridW = perRow * sw;
  const w = Math.ceil(Math.max(xLeft + gridW + P + (input.blocked?.side === 'put' && beside ? beside : 0), input.blocked && !beside ? bw + 2 * P : 0));
  const hGrid = rows * rowH;
  const h = Math.ceil(P + hGrid + (input.blocked && !beside ? bSize.h + 2 * bp + P : 0) + P);

  const texts: DrawnText[] = [];
  const lines: Segment[] = [];
  const parts: string[] = [];
  const obstacles = new Obstacles({ x: 0, y: 0, w, h });
  const put = (box: Box, ls: string[], cls = '', align: 'start' | 'middle' = 'middle') => {
    texts.push({ box, lines: ls, px });
    parts.push(textBlock(box, ls, px, cls, align));
  };
  const slotBox = (i: number): Box => ({ x: xLeft + (i % perRow) * sw, y: P + Math.floor(i / perRow) * rowH + markBand, w: sw, h: sh });

  for (let i = 0; i < count; i++) {
    const b = slotBox(i);
    const v = input.items[i];
    if (v !== undefined) {
      parts.push(`<g class="kit-slot" data-i="${i}"><rect class="kit-fill kit-c${input.tones?.[i] ?? 1}" x="${n(b.x + 1)}" y="${n(b.y)}" width="${n(b.w - 2)}" height="${n(b.h)}" rx="3"/>`);
      const tw = textWidth(v, px);
      const tb = { x: b.x + (b.w - tw) / 2, y: b.y + bp, w: tw, h: lh };
      put(tb, [v]);
      parts.push('</g>');
    } else {
      parts.push(`<rect class="kit-line kit-slot" data-i="${i}" x="${n(b.x + 1)}" y="${n(b.y)}" width="${n(b.w - 2)}" height="${n(b.h)}" rx="3" stroke-dasharray="3 3"/>`);
      if (!bounded) put({ x: b.x + (b.w - textWidth('…', px)) / 2, y: b.y + bp, w: textWidth('…', px), h: lh }, ['…'], 'kit-soft');
    }
    obstacles.boxes.push(b);
    // Slot numbers under bounded slots: which of the maxsize places this is.
    if (bounded) {
      const s = String(i);
      const nb = { x: b.x + (b.w - textWidth(s, px)) / 2, y: b.y + sh + 1, w: textWidth(s, px), h: lh };
      obstacles.boxes.push(nb);
      put(nb, [s], 'kit-soft');
    }
  }

  // Marks: above their slot, stacked when two share one.
  for (const m of input.marks ?? []) {
    const at = Math.max(0, Math.min(count - 1, m.at));
    const b = slotBox(at);
    const mw = textWidth(m.word, px);
    const cands: Box[] = [];
    for (const dy of [lh + 2, 2 * lh + 4]) for (const dx of [(b.w - mw) / 2, 0, b.w - mw]) cands.push({ x: b.x + dx, y: b.y - dy, w: mw, h: lh });
    // Past the row's ends when the slot is at an edge of a narrow picture.
    cands.push({ x: Math.max(0, Math.min(w - mw, b.x + (b.w - mw) / 2)), y: b.y - lh - 2, w: mw, h: lh });
    const placed = obstacles.place(cands) ?? cands[cands.length - 1]!;
    put(placed, [m.word], 'kit-b');
  }

  if (input.blocked) {
    const side = input.blocked.side;
    const first = slotBox(0);
    const bx = beside ? (side === 'get' ? P : xLeft + gridW + P) : P;
    const by = beside ? first.y + (sh - bSize.h - 2 * bp) / 2 : P + hGrid;
    const box = { x: bx, y: Math.max(P, by), w: bw, h: bSize.h + 2 * bp };
    parts.push(`<rect class="kit-line kit-blocked" x="${n(box.x)}" y="${n(box.y)}" width="${n(box.w)}" height="${n(box.h)}" rx="3" stroke-dasharray="6 4"/>`);
    put({ x: box.x + bp, y: box.y + bp, w: bSize.w, h: bSize.h }, bLines, '', 'start');
  }

  const hh = Math.ceil(Math.max(h, ...texts.map((t) => t.box.y + t.box.h + P)));
  return { svg: svgRoot(w, hh, input.label, parts.join(''), 'kit-slots', px), width: w, height: hh, texts, lines };
}

export const slots = (input: SlotsInput, f: Fit): string => slotsLayout(input, f).svg;
