// gantt(): who ran when, tick by tick. Rows are the things that run (buyers, threads, jobs), the
// axis is time in ticks, and each bar says what ran in it (a program line, a job's name), so the
// picture reads without its colours. Used by the locks widget (W17) for the schedule so far, and
// shaped for the scheduler (W13: slices of jobs, levels, waits) and multiprogramming (W11: I/O).
//
// Layout, computed here and testable without a browser: a column of row titles, then the ticks.
// A tick is as wide as the bar labels need (within limits); when the ticks do not fit the width
// given, the chart wraps into strips of whole ticks, one under the other, each with its own axis
// and row titles, the way a paragraph wraps into lines. Labels too long for their bar wrap inside
// it (the row grows). Text never shrinks below the type scale.
import { blockSize, lineHeight, textWidth, TYPE, wrapText } from './text.ts';
import type { Box, Segment } from './geom.ts';
import { n, svgRoot, textBlock } from './svg.ts';
import type { Fit } from './fit.ts';

export type BarKind = 'run' | 'wait' | 'blocked' | 'io';
export type Tone = 1 | 2 | 3 | 4 | 5 | 6;

export interface GanttRow {
  id: string;
  label: string;
  /** What the row is doing now, in words ("waiting: P1 holds the lock"); drawn under its title. */
  state?: { word: string; kind: BarKind | 'done' };
}
export interface GanttBar {
  /** Index into rows. */
  row: number;
  /** Ticks: the bar covers [start, end). */
  start: number;
  end: number;
  label?: string;
  tone?: Tone;
  kind?: BarKind;
}
export interface GanttInput {
  rows: readonly GanttRow[];
  bars: readonly GanttBar[];
  /** The current tick: a line at its boundary and its number in bold. */
  now?: number;
  /** The word under the now line ("now", "现在"). */
  nowLabel?: string;
  /** Ticks shown at least (default: up to the last bar's end and `now`). */
  ticks?: number;
  /** The picture's accessible name. */
  label: string;
}

/** A text as drawn: where, which lines, which size; tests and the layout check read these. */
export interface DrawnText {
  box: Box;
  lines: string[];
  px: number;
}
/** A laid-out picture: the SVG and what is in it (text boxes and straight lines) for tests. */
export interface Drawn {
  svg: string;
  width: number;
  height: number;
  texts: DrawnText[];
  lines: Segment[];
}

/** Dashes per kind: a kind is told by its outline as well as its word, never by colour alone. */
const DASH: Record<BarKind, string> = { run: '', wait: '2 3', blocked: '6 4', io: '8 3 2 3' };

export function ganttLayout(input: GanttInput, { width, scale }: Fit): Drawn {
  const px = Math.round(TYPE.label * scale);
  const tpx = Math.round(TYPE.title * scale);
  const lh = lineHeight(px);
  const P = Math.round(6 * scale); // margins and gaps
  const bp = Math.round(4 * scale); // padding inside a bar or a state pill
  const ticks = Math.max(1, input.ticks ?? 0, input.now ?? 0, ...input.bars.map((b) => b.end));
  const numW = textWidth(String(ticks), px);

  // The title column: row names in bold, each row's state wrapped under it.
  const titleW = Math.max(0, ...input.rows.map((r) => textWidth(r.label, tpx)));
  const stateW = Math.max(0, ...input.rows.map((r) => (r.state ? textWidth(`${r.state.word} `, px) + 2 * bp : 0)));
  const cap = Math.max(titleW, textWidth('M'.repeat(6), px) + 2 * bp, Math.floor((width - 2 * P) * 0.32));
  const hw = Math.min(Math.max(titleW, stateW), cap);

  // Tick width: what the bar labels ask for (with the room wrapText keeps for a trailing space), at least the axis numbers and two characters, at most ten.
  const minTw = Math.max(numW + 2 * P, textWidth('MM', px) + 2 * bp + 2);
  const maxTw = textWidth('M'.repeat(10), px) + 2 * bp + 2;
  const need = Math.max(0, ...input.bars.map((b) => (b.label ? (textWidth(`${b.label} `, px) + 2 * bp + 2) / Math.max(1, b.end - b.start) : 0)));
  let tw = Math.ceil(Math.min(maxTw, Math.max(minTw, need)));
  const x0 = P + hw + P;
  const avail = width - x0 - P - Math.ceil(numW / 2);
  if (avail < tw) tw = Math.max(minTw, avail);
  const perStrip = Math.max(1, Math.min(ticks, Math.floor(avail / tw)));

  const texts: DrawnText[] = [];
  const lines: Segment[] = [];
  const parts: string[] = [];
  const put = (box: Box, ls: string[], size: number, cls = '', align: 'start' | 'middle' | 'end' = 'middle') => {
    texts.push({ box, lines: ls, px: size });
    parts.push(textBlock(box, ls, size, cls, align));
  };
  const xOf = (t: number, a: number) => x0 + (t - a) * tw;
  const nowStrip = input.now === undefined ? -1 : Math.min(Math.floor(input.now / perStrip), Math.ceil(ticks / perStrip) - 1);
  let y = P;
  let right = 0;

  for (let s = 0, a = 0; a < ticks; s++, a += perStrip) {
    const b = Math.min(ticks, a + perStrip);
    const showState = s === (nowStrip >= 0 ? nowStrip : Math.ceil(ticks / perStrip) - 1);
    // The axis: boundary numbers, the current one in bold.
    for (let t = a; t <= b; t++) {
      const w = textWidth(String(t), px);
      const box = { x: xOf(t, a) - w / 2, y, w, h: lh };
      put(box, [String(t)], px, t === input.now ? 'kit-b' : 'kit-soft');
    }
    const axisY = y + lh + 2;
    lines.push({ x1: x0, y1: axisY, x2: xOf(b, a), y2: axisY });
    parts.push(`<path class="kit-line" d="M${n(x0)},${n(axisY)}H${n(xOf(b, a))}"/>`);
    y = axisY + P;
    const top = y;

    input.rows.forEach((row, r) => {
      // Pieces of this row's bars inside the strip, and their wrapped labels.
      const pieces = input.bars
        .filter((bar) => bar.row === r && bar.end > a && bar.start < b && bar.end > bar.start)
        .map((bar) => {
          const s0 = Math.max(a, bar.start);
          const s1 = Math.min(b, bar.end);
          // A bar the now line runs through keeps its label to one side of the line.
          let l0 = s0;
          let l1 = s1;
          if (input.now !== undefined && input.now > s0 && input.now < s1) {
            if (input.now - s0 >= s1 - input.now) l1 = input.now;
            else l0 = input.now;
          }
          const room = (l1 - l0) * tw - 2 * bp - 2;
          const ls = bar.label ? wrapText(bar.label, room, px) : [];
          return { bar, s0, s1, l0, l1, ls };
        });
      const title = [row.label];
      const state = row.state && showState ? wrapText(row.state.word, hw - 2 * bp, px) : [];
      const headH = lineHeight(tpx) + (state.length ? bp + blockSize(state, px).h + 2 * bp : 0);
      const barH = Math.max(lh + 2 * bp, ...pieces.map((p) => p.ls.length * lh + 2 * bp));
      const rowH = Math.max(headH, barH);

      put({ x: P, y: y + (state.length ? 0 : (rowH - lineHeight(tpx)) / 2), w: textWidth(row.label, tpx), h: lineHeight(tpx) }, title, tpx, 'kit-b', 'start');
      if (state.length && row.state) {
        const sz = blockSize(state, px);
        const pill = { x: P, y: y + lineHeight(tpx) + bp, w: sz.w + 2 * bp, h: sz.h + 2 * bp };
        const k = row.state.kind;
        if (k !== 'done') parts.push(`<rect class="kit-line" x="${n(pill.x)}" y="${n(pill.y)}" width="${n(pill.w)}" height="${n(pill.h)}" rx="3"${k === 'run' ? '' : ` stroke-dasharray="${DASH[k]}"`}/>`);
        put({ x: pill.x + bp, y: pill.y + bp, w: sz.w, h: sz.h }, state, px, k === 'done' ? 'kit-soft' : '', 'start');
      }

      for (const p of pieces) {
        const kind = p.bar.kind ?? 'run';
        const rx = xOf(p.s0, a) + 1;
        const rw = (p.s1 - p.s0) * tw - 2;
        const ry = y + (rowH - barH) / 2;
        const rect =
          kind === 'run'
            ? `<rect class="kit-fill kit-c${p.bar.tone ?? 1}" x="${n(rx)}" y="${n(ry)}" width="${n(rw)}" height="${n(barH)}" rx="3"/>`
            : `<rect class="kit-line" x="${n(rx + 1)}" y="${n(ry + 1)}" width="${n(rw - 2)}" height="${n(barH - 2)}" rx="3" stroke-dasharray="${DASH[kind]}"/>`;
        let label = '';
        if (p.ls.length) {
          const sz = blockSize(p.ls, px);
          const cx = (xOf(p.l0, a) + xOf(p.l1, a)) / 2;
          const box = { x: cx - sz.w / 2, y: ry + (barH - sz.h) / 2, w: sz.w, h: sz.h };
          texts.push({ box, lines: p.ls, px });
          label = textBlock(box, p.ls, px, kind === 'run' ? '' : 'kit-soft');
        }
        parts.push(`<g class="kit-bar" data-kind="${kind}" data-row="${r}" data-start="${p.bar.start}">${rect}${label}</g>`);
      }
      y += rowH + P;
    });

    // The now line, through every row of its strip, and its word beneath.
    if (s === nowStrip && input.now !== undefined) {
      const x = xOf(input.now, a);
      lines.push({ x1: x, y1: top - P / 2, x2: x, y2: y - P / 2 });
      parts.push(`<path class="kit-line kit-now" d="M${n(x)},${n(top - P / 2)}V${n(y - P / 2)}"/>`);
      if (input.nowLabel) {
        const w = textWidth(input.nowLabel, px);
        const lx = Math.max(P, Math.min(x - w / 2, xOf(b, a) - w));
        put({ x: lx, y: y - P / 2 + 2, w, h: lh }, [input.nowLabel], px, 'kit-b');
        y += lh + 2;
      }
    }
    right = Math.max(right, xOf(b, a) + Math.ceil(numW / 2));
    y += P;
  }

  const w = Math.ceil(Math.max(right + P, ...texts.map((t) => t.box.x + t.box.w + P)));
  const h = Math.ceil(y);
  return { svg: svgRoot(w, h, input.label, parts.join(''), 'kit-gantt', px), width: w, height: h, texts, lines };
}

/** The chart as an SVG string, drawn for the width and type scale given. */
export const gantt = (input: GanttInput, f: Fit): string => ganttLayout(input, f).svg;
