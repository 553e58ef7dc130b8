// boxes(): labelled boxes inside boxes, the picture of memory: address spaces side by side, each
// holding its parts (code, globals, heap, stacks). A box has a title, lines of words under it and
// children laid out in a row (when each gets at least its widest word) or else in a column; the top
// level is a row too, so two panels sit side by side on a wide screen and one above the other on a
// phone. A box can be bold (what the step changed: thicker outline, bold title), toned (palette
// hue), or dashed (gone: an exited process), so a change is never told by colour alone.
import type { Fit } from './fit.ts';
import type { Box } from './geom.ts';
import type { Drawn, DrawnText } from './gantt.ts';
import { n, svgRoot, textBlock } from './svg.ts';
import { metrics, textWidth, wrapText } from './text.ts';

export interface BoxNode {
  title: string;
  /** Words under the title, one entry a line (each wraps when too wide). */
  lines?: string[];
  children?: BoxNode[];
  /** Children in a column even when a row would fit. */
  column?: boolean;
  tone?: number;
  bold?: boolean;
  dashed?: boolean;
}
export interface BoxesInput {
  boxes: BoxNode[];
  /** The picture's accessible name. */
  label: string;
}

interface Laid {
  h: number;
  draw: (x: number, y: number, w: number, out: string[], texts: DrawnText[]) => void;
}

/** The narrowest a box can be: its longest word (or wide character run) and its padding. */
function minWidth(b: BoxNode, px: number, tpx: number, pad: number): number {
  const words = (s: string, p: number) => Math.max(0, ...s.split(/\s+/).map((w) => Math.min(textWidth(w, p), 8 * p)));
  const own = Math.max(words(b.title, tpx), ...(b.lines ?? []).map((l) => words(l, px)));
  const kids = b.children ?? [];
  const inner = kids.length === 0 ? 0 : b.column ? Math.max(...kids.map((k) => minWidth(k, px, tpx, pad))) : kids.reduce((s, k) => s + minWidth(k, px, tpx, pad), 0) + pad * (kids.length - 1);
  return Math.max(own, inner) + 2 * pad + 2;
}

/** Lays out `list` in `w`: a row when every box gets its least width, otherwise a column. */
function layRow(list: BoxNode[], w: number, column: boolean, s: ReturnType<typeof metrics>): { h: number; draw: (x: number, y: number, out: string[], texts: DrawnText[]) => void } {
  const { px, tpx, pad } = s;
  const k = list.length;
  const each = (w - pad * (k - 1)) / k;
  const row = !column && list.every((b) => minWidth(b, px, tpx, pad) <= each);
  if (row) {
    const laid = list.map((b) => layBox(b, each, s));
    const h = Math.max(0, ...laid.map((l) => l.h));
    return { h, draw: (x, y, out, texts) => laid.forEach((l, i) => l.draw(x + i * (each + pad), y, each, out, texts)) };
  }
  const laid = list.map((b) => layBox(b, w, s));
  const h = laid.reduce((a, l) => a + l.h, 0) + pad * Math.max(0, k - 1);
  return {
    h,
    draw: (x, y, out, texts) => {
      let at = y;
      for (const l of laid) {
        l.draw(x, at, w, out, texts);
        at += l.h + pad;
      }
    },
  };
}

function layBox(b: BoxNode, w: number, s: ReturnType<typeof metrics>): Laid {
  const { px, tpx, lh, pad } = s;
  const inner = w - 2 * pad - 2;
  const title = wrapText(b.title, inner, tpx);
  const lines = (b.lines ?? []).flatMap((l) => wrapText(l, inner, px));
  const tlh = Math.ceil(tpx * 1.25);
  const textH = title.length * tlh + lines.length * lh;
  const kids = b.children?.length ? layRow(b.children, inner, !!b.column, s) : null;
  const h = 1 + pad + textH + (kids ? pad + kids.h : 0) + pad + 1;
  return {
    h,
    draw: (x, y, ww, out, texts) => {
      const cls = `kit-box${b.tone ? ` kit-fill kit-c${b.tone}` : ''}`;
      const fill = b.tone ? '' : ' fill="none"';
      out.push(
        `<rect class="${cls}"${fill} stroke="currentColor" stroke-width="${b.bold ? 3 : 1.5}"${b.dashed ? ' stroke-dasharray="6 4"' : ''} rx="4" x="${n(x + 1)}" y="${n(y + 1)}" width="${n(ww - 2)}" height="${n(h - 2)}"/>`,
      );
      const tb: Box = { x: x + 1 + pad, y: y + 1 + pad, w: Math.max(...title.map((l) => textWidth(l, tpx))), h: title.length * tlh };
      texts.push({ box: tb, lines: title, px: tpx });
      out.push(textBlock(tb, title, tpx, 'kit-b', 'start'));
      if (lines.length) {
        const lb: Box = { x: tb.x, y: tb.y + tb.h, w: Math.max(...lines.map((l) => textWidth(l, px))), h: lines.length * lh };
        texts.push({ box: lb, lines, px });
        out.push(textBlock(lb, lines, px, b.bold ? 'kit-b' : '', 'start'));
      }
      if (kids) kids.draw(x + 1 + pad, y + 1 + pad + textH + pad, out, texts);
    },
  };
}

export function boxesLayout(input: BoxesInput, { width, scale }: Fit): Drawn {
  const s = metrics(scale);
  const W = Math.max(width, 160);
  const P = 1;
  const top = layRow(input.boxes, W - 2 * P, false, s);
  const out: string[] = [];
  const texts: DrawnText[] = [];
  top.draw(P, P, out, texts);
  const height = Math.ceil(top.h + 2 * P);
  return { svg: svgRoot(W, height, input.label, out.join(''), 'kit-boxes', s.px), width: W, height, texts, lines: [] };
}

export const boxes = (input: BoxesInput, f: Fit): string => boxesLayout(input, f).svg;
