// bytes(): a byte stream as a picture. One cell per byte, rows as wide as the width allows (the
// cell fits two hex digits at the label size, so nothing drops under the type minimum: a narrow
// column gets fewer bytes per row). Cells are filled per band (a message, or a part of a frame)
// with the band's label under them; a second label lane names groups (the parts of each message,
// or the frames). recv() boundaries are vertical markers with their labels above the row, placed
// so no two labels touch and no marker runs through a label. The decoded view draws each UTF-8
// character once across its bytes; a character cut by a boundary (a recv(), a band) is drawn as
// its hex bytes with a dashed frame, as Python's .decode() would refuse it there.
import type { Box } from './geom.ts';
import { GAP } from './place.ts';
import { esc, n, svgRoot } from './svg.ts';
import { lineHeight, textWidth, TYPE } from './text.ts';

export interface ByteSpan {
  start: number;
  end: number;
  label: string;
  /** Palette hue 1–6 (kit-c1…kit-c6); bands only. */
  tone?: number;
  /** Always hex, even in the decoded view (a length prefix is a number, not text). */
  raw?: boolean;
}

export interface BytesSpec {
  bytes: Uint8Array;
  /** Spans that colour their cells, labelled under the row (messages, or a frame's parts). */
  bands?: readonly ByteSpan[];
  /** Spans named in a second lane, under a bracket (the parts of each message, or the frames). */
  groups?: readonly ByteSpan[];
  /** Boundaries (byte offsets) drawn as labelled markers, such as where each recv() ended. */
  cuts?: ReadonlyArray<{ at: number; label: string }>;
  /** The bytes being read now: framed. */
  highlight?: { start: number; end: number } | null;
  /** Bytes from this offset on have not arrived: drawn dashed and soft. */
  pending?: number;
  view: 'hex' | 'text';
  /** The width available, in CSS px. */
  width: number;
  /** 1, or TYPE.presenter in presenter mode. */
  scale?: number;
  /** Draw at most this many bytes (the caller says how many more there are). */
  max?: number;
  /** The picture's accessible name. */
  label: string;
}

export interface BytesLayout {
  svg: string;
  width: number;
  height: number;
  /** Bytes per full row. */
  per: number;
  /** The box of each drawn byte. */
  cells: Box[];
}

const PAD = 2;

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The character starting at byte `i` and its length in bytes, or null when `i` starts no whole, printable UTF-8 character before `stop`. */
export function utf8Char(b: Uint8Array, i: number, stop: number): [string, number] | null {
  const c = b[i]!;
  const len = c < 0x80 ? 1 : c < 0xc2 ? 0 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : c < 0xf5 ? 4 : 0;
  if (!len || i + len > stop) return null;
  try {
    // The strict decoder refuses bad continuations, overlong forms, surrogates and code points past U+10FFFF.
    const ch = strict.decode(b.subarray(i, i + len));
    return /[\0-\x1f\x7f-\x9f]/.test(ch) ? null : [c === 32 ? '␣' : ch, len];
  } catch {
    return null;
  }
}

/**
 * Stacks labels into levels (0 nearest the row). Each starts at its own x and runs right (the row
 * leaves room for the widest marker label; others are pulled in from the right edge). A label
 * that would reach the next ones goes above them all: so no two labels at one level meet, and a
 * marker's line, which rises to its own label, never passes a label that covers its x.
 */
function stack(labels: Array<{ x: number; w: number; level: number }>, right: number): number {
  for (const l of labels) l.x = Math.max(PAD, Math.min(l.x, right - l.w));
  for (let i = labels.length - 1; i >= 0; i--) {
    const m = labels[i]!;
    m.level = 0;
    for (let j = i + 1; j < labels.length; j++) if (labels[j]!.x <= m.x + m.w + GAP) m.level = Math.max(m.level, labels[j]!.level + 1);
  }
  return labels.length ? Math.max(...labels.map((m) => m.level)) + 1 : 0;
}

export function bytes(spec: BytesSpec): BytesLayout {
  const scale = spec.scale ?? 1;
  const px = TYPE.label * scale;
  const lh = lineHeight(px);
  const cw = textWidth('00', px) + Math.ceil(6 * scale);
  const ch = lh + Math.ceil(8 * scale);
  const count = Math.min(spec.bytes.length, spec.max ?? Infinity);
  const cuts = (spec.cuts ?? []).filter((c) => c.at > 0 && c.at < count);
  const room = Math.max(0, ...cuts.map((c) => textWidth(c.label, px) + GAP));
  const W = Math.max(spec.width, 4 * cw + 2 * PAD + room);
  const avail = W - 2 * PAD - room;
  let per = Math.floor(avail / cw);
  if (per >= 8) per -= per % 4;
  const bands = spec.bands ?? [];
  const groups = spec.groups ?? [];
  const pending = spec.pending ?? Infinity;
  const bandOf = (i: number) => bands.find((s) => i >= s.start && i < s.end);

  // Units: one character (text view) or one byte; a character never crosses a boundary or a row.
  const stops = new Set<number>([count, pending, ...cuts.map((c) => c.at), ...[...bands, ...groups].flatMap((s) => [s.start, s.end])]);
  const units: Array<{ i: number; len: number; text: string; hex?: boolean; soft?: boolean; broken?: boolean }> = [];
  for (let i = 0; i < count; ) {
    let stop = i + 1;
    while (!stops.has(stop) && stop < count) stop++;
    const got = spec.view === 'text' && !bandOf(i)?.raw ? utf8Char(spec.bytes, i, stop) : null;
    if (got) {
      units.push({ i, len: got[1], text: got[0], soft: got[0] === '␣' });
      i += got[1];
      continue;
    }
    // A lead byte whose character a boundary cut (or an undecodable byte): hex, marked in the text view.
    const c = spec.bytes[i]!;
    const cut = spec.view === 'text' && !bandOf(i)?.raw && (c >= 0x80 || c < 32 || c === 127);
    units.push({ i, len: 1, text: c.toString(16).padStart(2, '0'), hex: true, soft: cut && c < 0x80, broken: cut && c >= 0x80 });
    i++;
  }

  // Rows: units in order, a new row when the next would not fit. Hex cells are all as wide as two
  // digits; in the decoded view a character is as wide as its text or its bytes (narrow cells),
  // so the text reads as text and each byte still has a cell to click.
  const narrow = textWidth('0', px) + Math.ceil(2 * scale);
  const widthOf = (u: (typeof units)[number]) => (u.hex ? cw : Math.max(u.len * narrow, textWidth(u.text, px) + Math.ceil(4 * scale)));
  const rows: Array<typeof units> = [];
  let used = Infinity;
  let col = per;
  for (const u of units) {
    const w = widthOf(u);
    if (spec.view === 'hex' ? col + 1 > per : used + w > avail) rows.push([]), (col = 0), (used = 0);
    rows[rows.length - 1]!.push(u);
    col++;
    used += w;
  }

  const cells: Box[] = [];
  const out: string[] = [];
  const text = (x: number, y: number, s: string, cls: string, anchor: 'start' | 'middle' = 'middle', attrs = '') => {
    out.push(`<text class="kit-t ${cls}" x="${n(x)}" y="${n(y + px * 0.95)}" text-anchor="${anchor}"${attrs}>${esc(s)}</text>`);
  };
  const line = (x1: number, y1: number, x2: number, y2: number, cls: string) => {
    out.push(`<path class="${cls}" d="M${n(x1)},${n(y1)}L${n(x2)},${n(y2)}"/>`);
  };
  let y = PAD;
  for (const row of rows) {
    const first = row[0]!.i;
    const last = row[row.length - 1]!;
    const end = last.i + last.len;
    // The x of each byte's left edge in this row (and of the row's end).
    const bx = new Map<number, number>();
    let x0 = PAD;
    for (const u of row) {
      const w = widthOf(u);
      for (let k = 0; k < u.len; k++) bx.set(u.i + k, x0 + (k * w) / u.len);
      x0 += w;
    }
    bx.set(end, x0);
    const xOf = (i: number) => bx.get(i)!;

    // Marker labels above the row: centred on the marker, else beside it; stacked when crowded.
    const marks = cuts
      .filter((c) => c.at >= first && c.at < end)
      .map((c) => ({ x: xOf(c.at), w: textWidth(c.label, px), text: c.label, level: 0 }));
    const levels = stack(marks, W - PAD);
    const top = y + levels * (lh + GAP);
    for (const m of marks) text(m.x + 1, top - (m.level + 1) * (lh + GAP), m.text, 'kit-b', 'start');

    // Band fills, one rect per run of the same band (pending bytes drawn apart).
    for (let a = first; a < end; ) {
      const band = bandOf(a);
      let z = a + 1;
      while (z < end && bandOf(z) === band && z !== pending) z++;
      const cls = `kit-fill${band?.tone ? ` kit-c${band.tone}` : ''}${a >= pending ? ' kit-pending' : ''}`;
      out.push(`<rect class="${cls}" x="${n(xOf(a))}" y="${n(top)}" width="${n(xOf(z) - xOf(a))}" height="${n(ch)}" rx="3"/>`);
      a = z;
    }
    for (const u of row) {
      const x = xOf(u.i);
      const uw = xOf(u.i + u.len) - x;
      for (let k = 0; k < u.len; k++) cells.push({ x: x + (k * uw) / u.len, y: top, w: uw / u.len, h: ch });
      if (spec.view === 'hex' && u.i > first && !bands.some((s) => s.start === u.i)) line(x, top + 3, x, top + ch - 3, 'kit-sep');
      const cls = u.i >= pending || u.soft ? 'kit-soft' : '';
      if (u.broken) out.push(`<rect class="kit-broken" x="${n(x + 2)}" y="${n(top + 2)}" width="${n(uw - 4)}" height="${n(ch - 4)}"/>`);
      text(x + uw / 2, top + (ch - lh) / 2, u.text, cls, 'middle', ` data-b="${u.i}"`);
    }
    if (spec.highlight) {
      const a = Math.max(first, spec.highlight.start);
      const z = Math.min(end, spec.highlight.end);
      if (a < z) out.push(`<rect class="kit-hl" x="${n(xOf(a) + 1)}" y="${n(top + 1)}" width="${n(xOf(z) - xOf(a) - 2)}" height="${n(ch - 2)}" rx="3"/>`);
    }
    for (const m of marks) line(m.x, top - m.level * (lh + GAP) - GAP + 1, m.x, top + ch + 2, 'kit-cut');
    y = top + ch + GAP;

    // Band labels under the row, then group labels under a bracket.
    for (const [spans, bracket] of [[bands, false], [groups, true]] as const) {
      const items = spans
        .filter((s) => s.start < end && s.end > first && s.label && (!bracket || s.start >= first))
        .map((s) => {
          const x = xOf(Math.max(first, s.start));
          return { x: x + 2, w: textWidth(s.label, px), text: s.label, x0: x, x1: xOf(Math.min(end, s.end)), level: 0 };
        });
      if (!items.length) continue;
      if (bracket) {
        for (const it of items) line(it.x0 + 2, y, it.x1 - 2, y, 'kit-line');
        y += GAP + 1;
      }
      const used = stack(items, W - PAD);
      for (const it of items) text(it.x, y + it.level! * lh, it.text, bracket ? '' : 'kit-soft', 'start');
      y += used * lh + GAP;
    }
    y += Math.ceil(4 * scale);
  }
  const height = Math.ceil(y + PAD);
  return { svg: svgRoot(W, height, spec.label, out.join(''), 'kit-bytes', px), width: W, height, per, cells };
}

/**
 * The boundary (a byte offset, 1 … cells.length) nearest to a point in the picture, for a click
 * or a drag that sets a recv() size; null outside any row.
 */
export function boundaryAt(layout: Pick<BytesLayout, 'cells'>, x: number, y: number): number | null {
  let best: number | null = null;
  let dist = Infinity;
  layout.cells.forEach((c, i) => {
    if (y < c.y || y > c.y + c.h) return;
    for (const [edge, at] of [[c.x, i], [c.x + c.w, i + 1]] as const) {
      const d = Math.abs(x - edge);
      if (at > 0 && d < dist) (dist = d), (best = at);
    }
  });
  return best;
}
