// columns(): side-by-side stacks of bands on shared rows, with items placed in the bands: three
// layer models lined up (OSI's session, presentation and application rows under TCP/IP's one
// application band), protocols dropped into the layers. The layer mapper's picture (W1).
//
// HTML, not SVG, like table(): what it shows is words in boxes that the reader acts on. A band is a
// drop target and holds its items; an item is a chip. HTML gives a screen reader a group per
// column and a button per target and chip, wraps words inside a band on a phone, and scales with
// the page's rem in presenter mode. The rows line up because every band of every column sits in one
// CSS grid: band `from`–`to` spans those rows. A mark on an item is a sign and a word (✓ right,
// ≈ close, ✗ wrong), never colour alone. Styles: columns.css, imported by the widget that uses it.
import { esc } from './svg.ts';

export type ItemMark = 'right' | 'close' | 'wrong';

export interface ColumnItem {
  label: string;
  /** The item's id, given back in `data-item` (the caller maps clicks with it). */
  id: string;
  mark?: ItemMark;
  /** Drawn with a dashed edge (a helper, not carried by the band above it). */
  dashed?: boolean;
  /** The item is picked up (the caller's selection). */
  picked?: boolean;
}

export interface ColumnBand {
  /** First and last row it covers, 0 at the top. */
  from: number;
  to: number;
  label: string;
  /** A second, smaller line (the data unit's name). */
  sub?: string;
  items: ColumnItem[];
}

export interface ColumnsInput {
  /** How many rows the columns share. */
  rows: number;
  cols: Array<{ id: string; title: string; active?: boolean; bands: ColumnBand[] }>;
  /** The words for the marks, in the reader's language. */
  words: Record<ItemMark, string>;
  /** Bands and items are buttons (live); false draws a still figure. */
  interactive: boolean;
  /** Words a screen reader hears around a band's visible name on its button ("Put it in" … "(OSI)"), hidden on screen. */
  target?: { pre: string; post: (column: string) => string };
}

const SIGN: Record<ItemMark, string> = { right: '✓', close: '≈', wrong: '✗' };

/** Checks the bands of each column cover every row exactly once, top to bottom. */
export function columnProblems(input: ColumnsInput): string[] {
  const out: string[] = [];
  for (const c of input.cols) {
    let next = 0;
    for (const b of c.bands) {
      if (b.from !== next || b.to < b.from) out.push(`${c.id}: band "${b.label}" covers rows ${b.from}–${b.to}, expected to start at ${next}`);
      next = b.to + 1;
    }
    if (next !== input.rows) out.push(`${c.id}: bands end at row ${next - 1}, not ${input.rows - 1}`);
  }
  return out;
}

function item(it: ColumnItem, input: ColumnsInput): string {
  const cls = `kit-chip${it.mark ? ` kit-chip-${it.mark}` : ''}${it.dashed ? ' kit-chip-dashed' : ''}`;
  const mark = it.mark ? ` <span class="kit-chip-m"><span aria-hidden="true">${SIGN[it.mark]}</span><span class="sr-only"> ${esc(input.words[it.mark])}</span></span>` : '';
  return input.interactive
    ? `<li><button type="button" class="${cls}" data-item="${esc(it.id)}" aria-pressed="${it.picked ? 'true' : 'false'}">${esc(it.label)}${mark}</button></li>`
    : `<li><span class="${cls}">${esc(it.label)}${mark}</span></li>`;
}

/** The columns as an HTML string: one grid, a header row, each band spanning its rows. */
export function columns(input: ColumnsInput): string {
  const cells: string[] = [];
  input.cols.forEach((c, ci) => {
    const col = ci + 1;
    cells.push(`<div class="kit-col-h${c.active ? ' kit-col-on' : ''}" style="grid-column:${col}">${esc(c.title)}</div>`);
    for (const b of c.bands) {
      const name = `<span class="kit-band-n">${esc(b.label)}</span>${b.sub ? `<span class="kit-band-s">${esc(b.sub)}</span>` : ''}`;
      // The button's name is its visible words with the hidden ones around them (WCAG 2.5.3).
      const hid = (s: string) => `<span class="sr-only">${esc(s)}</span>`;
      const head = input.interactive
        ? `<button type="button" class="kit-band-b" data-col="${esc(c.id)}" data-band="${c.bands.indexOf(b)}">${input.target ? hid(input.target.pre) : ''}${name}${input.target ? hid(input.target.post(c.title)) : ''}</button>`
        : `<div class="kit-band-b">${name}</div>`;
      const items = b.items.length ? `<ul class="kit-chips">${b.items.map((it) => item(it, input)).join('')}</ul>` : '';
      cells.push(
        `<div class="kit-band${c.active ? ' kit-col-on' : ''}" style="grid-column:${col};grid-row:${b.from + 2}/${b.to + 3}" data-col="${esc(c.id)}" data-band="${c.bands.indexOf(b)}">${head}${items}</div>`,
      );
    }
  });
  return `<div class="kit-cols" style="grid-template-columns:repeat(${input.cols.length},minmax(0,1fr))">${cells.join('')}</div>`;
}
