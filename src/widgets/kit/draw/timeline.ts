// timeline(): who did what when, with time to scale. gantt() gives every tick a column wide enough
// for its number, which suits a few dozen ticks (a schedule, a buyer's steps); a run measured in
// milliseconds where a 1 ms switch sits beside a 40 ms I/O (W11, multiprogramming) needs time drawn
// to scale instead: the width given is the whole run, a bar is as long as it lasts, and only the
// axis times that fit are written (the start, the end, the current time, then the marks asked for,
// each where it does not meet another). A bar's label is written when it fits inside the bar (or its
// short form does); otherwise the bar is still there, told by its outline (the gantt's dashes per
// kind) and named in its <title>. Rows and their state pills are laid out as gantt() lays them out.
// Pure: data in, an SVG string and what is in it out, testable without a browser.
import { blockSize, lineHeight, textWidth, TYPE, wrapText } from './text.ts';
import type { Box, Segment } from './geom.ts';
import { overlaps } from './geom.ts';
import { esc, n, svgRoot, textBlock } from './svg.ts';
import type { Fit } from './fit.ts';
import type { BarKind, DrawnText, GanttRow, Tone } from './gantt.ts';

export interface TimelineBar {
  row: number;
  start: number;
  end: number;
  label?: string;
  /** Written instead of the label when only it fits ("A", "⇄"). */
  short?: string;
  tone?: Tone;
  kind?: BarKind;
}
export interface TimelineInput {
  rows: readonly GanttRow[];
  bars: readonly TimelineBar[];
  /** The time the axis runs to. */
  end: number;
  /** The current time: a line through the rows, its time bold on the axis. */
  now?: number;
  nowLabel?: string;
  /** Times worth writing on the axis when they fit (the events' times). */
  marks?: readonly number[];
  label: string;
}
export interface TimelineDrawn {
  svg: string;
  width: number;
  height: number;
  texts: DrawnText[];
  lines: Segment[];
}

const DASH: Record<BarKind, string> = { run: '', wait: '2 3', blocked: '6 4', io: '8 3 2 3' };

export function timelineLayout(input: TimelineInput, { width, scale }: Fit): TimelineDrawn {
  const px = Math.round(TYPE.label * scale);
  const tpx = Math.round(TYPE.title * scale);
  const lh = lineHeight(px);
  const P = Math.round(6 * scale);
  const bp = Math.round(4 * scale);
  const end = Math.max(1, input.end);
  const texts: DrawnText[] = [];
  const lines: Segment[] = [];
  const parts: string[] = [];
  const put = (box: Box, ls: string[], size: number, cls = '', align: 'start' | 'middle' | 'end' = 'middle') => {
    texts.push({ box, lines: ls, px: size });
    parts.push(textBlock(box, ls, size, cls, align));
  };

  // The title column, as gantt() has it: the row's name, its state in a pill under it.
  const titleW = Math.max(0, ...input.rows.map((r) => textWidth(r.label, tpx)));
  const stateW = Math.max(0, ...input.rows.map((r) => (r.state ? textWidth(`${r.state.word} `, px) + 2 * bp : 0)));
  const cap = Math.max(titleW, textWidth('M'.repeat(6), px) + 2 * bp, Math.floor((width - 2 * P) * 0.3));
  const hw = Math.min(Math.max(titleW, stateW), cap);
  const endW = textWidth(String(end), px);
  const x0 = P + hw + P + Math.ceil(textWidth('0', px) / 2);
  const x1 = Math.max(x0 + 40 * scale, width - P - Math.ceil(endW / 2));
  const k = (x1 - x0) / end;
  const xOf = (t: number) => x0 + t * k;

  // The axis: times placed in order of importance, each only where it meets none placed before.
  let y = P;
  const placed: Box[] = [];
  const want = [0, end, ...(input.now === undefined ? [] : [input.now]), ...(input.marks ?? [])];
  const ticks: number[] = [];
  for (const t of want) {
    if (t < 0 || t > end || ticks.includes(t)) continue;
    const w = textWidth(String(t), px);
    const box = { x: xOf(t) - w / 2, y, w, h: lh };
    if (placed.some((b) => overlaps(box, { x: b.x - 4 * scale, y: b.y, w: b.w + 8 * scale, h: b.h }))) continue;
    placed.push(box);
    ticks.push(t);
    put(box, [String(t)], px, t === input.now ? 'kit-b' : 'kit-soft');
  }
  const axisY = y + lh + 2;
  lines.push({ x1: x0, y1: axisY, x2: x1, y2: axisY });
  parts.push(`<path class="kit-line" d="M${n(x0)},${n(axisY)}H${n(x1)}${ticks.map((t) => `M${n(xOf(t))},${n(axisY)}v${n(4 * scale)}`).join('')}"/>`);
  y = axisY + 4 * scale + P;
  const top = y;

  input.rows.forEach((row, r) => {
    const state = row.state ? wrapText(row.state.word, hw - 2 * bp, px) : [];
    const headH = lineHeight(tpx) + (state.length ? bp + blockSize(state, px).h + 2 * bp : 0);
    const barH = lh + 2 * bp;
    const rowH = Math.max(headH, barH);
    put({ x: P, y: y + (state.length ? 0 : (rowH - lineHeight(tpx)) / 2), w: textWidth(row.label, tpx), h: lineHeight(tpx) }, [row.label], tpx, 'kit-b', 'start');
    if (state.length && row.state) {
      const sz = blockSize(state, px);
      const pill = { x: P, y: y + lineHeight(tpx) + bp, w: sz.w + 2 * bp, h: sz.h + 2 * bp };
      const kd = row.state.kind;
      if (kd !== 'done') parts.push(`<rect class="kit-line" x="${n(pill.x)}" y="${n(pill.y)}" width="${n(pill.w)}" height="${n(pill.h)}" rx="3"${kd === 'run' ? '' : ` stroke-dasharray="${DASH[kd]}"`}/>`);
      put({ x: pill.x + bp, y: pill.y + bp, w: sz.w, h: sz.h }, state, px, kd === 'done' ? 'kit-soft' : '', 'start');
    }
    const ry = y + (rowH - barH) / 2;
    for (const bar of input.bars) {
      if (bar.row !== r || bar.end <= bar.start) continue;
      const kind = bar.kind ?? 'run';
      const s0 = xOf(Math.max(0, bar.start));
      const s1 = xOf(Math.min(end, bar.end));
      // At least 5 px (its outline 3), so a 1 ms switch stays a visible mark at any width.
      const w = Math.max(5 * scale, s1 - s0 - 2);
      const rx = w > s1 - s0 - 2 ? (s0 + s1) / 2 - w / 2 : s0 + 1;
      const rect =
        kind === 'run'
          ? `<rect class="kit-fill kit-c${bar.tone ?? 1}" x="${n(rx)}" y="${n(ry)}" width="${n(w)}" height="${n(barH)}" rx="2"/>`
          : `<rect class="kit-line" x="${n(rx + 1)}" y="${n(ry + 1)}" width="${n(Math.max(1, w - 2))}" height="${n(barH - 2)}" rx="2" stroke-dasharray="${DASH[kind]}"/>`;
      let label = '';
      // A bar the now line runs through keeps its label to the longer side of the line.
      let l0 = rx;
      let l1 = rx + w;
      if (input.now !== undefined) {
        const xn = xOf(input.now);
        if (xn > l0 && xn < l1) {
          if (xn - l0 >= l1 - xn) l1 = xn;
          else l0 = xn;
        }
      }
      const room = l1 - l0 - 2 * scale; // a one-letter job name fits a 10 ms bar on a phone
      const text = bar.label && textWidth(bar.label, px) <= room ? bar.label : bar.short && textWidth(bar.short, px) <= room ? bar.short : '';
      if (text) {
        const tw = textWidth(text, px);
        const box = { x: (l0 + l1) / 2 - tw / 2, y: ry + bp, w: tw, h: lh };
        texts.push({ box, lines: [text], px });
        label = textBlock(box, [text], px, kind === 'run' ? '' : 'kit-soft');
      }
      const name = `${bar.label ?? bar.short ?? kind}: ${bar.start}–${bar.end}`;
      parts.push(`<g class="kit-bar" data-kind="${kind}" data-row="${r}" data-start="${bar.start}"><title>${esc(name)}</title>${rect}${label}</g>`);
    }
    y += rowH + P;
  });

  if (input.now !== undefined) {
    const x = xOf(Math.min(end, Math.max(0, input.now)));
    lines.push({ x1: x, y1: top - P / 2, x2: x, y2: y - P / 2 });
    parts.push(`<path class="kit-line kit-now" d="M${n(x)},${n(top - P / 2)}V${n(y - P / 2)}"/>`);
    if (input.nowLabel) {
      const w = textWidth(input.nowLabel, px);
      const lx = Math.max(P, Math.min(x - w / 2, x1 + endW / 2 - w));
      put({ x: lx, y: y - P / 2 + 2, w, h: lh }, [input.nowLabel], px, 'kit-b');
      y += lh + 2;
    }
  }
  y += P;
  // (less a hair of float noise: 913.0000000000001 + 9 must not round up past the width given)
  const w = Math.ceil(Math.max(x1 + endW / 2 + P, ...texts.map((t) => t.box.x + t.box.w + P)) - 1e-6);
  const h = Math.ceil(y);
  return { svg: svgRoot(w, h, input.label, parts.join(''), 'kit-gantt kit-timeline', px), width: w, height: h, texts, lines };
}

/** The timeline as an SVG string, drawn for the width and type scale given. */
export const timeline = (input: TimelineInput, f: Fit): string => timelineLayout(input, f).svg;
