// table(): a small table that changes step by step (a switch's MAC table, an ARP cache, a socket's
// connection table), each row marked when this step added, changed or removed it.
//
// Drawn as semantic HTML <table>, not SVG, on purpose: a table is text in cells, and HTML gives
// what an SVG version would have to imitate: a screen reader announces "row 2, column MAC", text
// wraps in its cell on a phone and scales with the page's rem in presenter mode, and a reader can
// select and copy an address. The mark is a word in its own cell (added / changed / removed, in the
// reader's language) plus a style (a soft fill, a removed row struck through), never colour alone.
import { esc } from './svg.ts';

export type RowMark = 'added' | 'changed' | 'removed';

export interface TableInput {
  /** The caption: what the table is (also its accessible name). */
  caption: string;
  columns: readonly string[];
  rows: ReadonlyArray<{ cells: readonly string[]; mark?: RowMark }>;
  /** The words for the marks in the reader's language, and the mark column's heading. */
  words: Record<RowMark, string> & { head: string };
  /** Shown in place of rows when there are none ("(empty)"). */
  empty?: string;
}

const SIGN: Record<RowMark, string> = { added: '+', changed: '~', removed: '−' };

/** The table as an HTML string: the caption, a header row, one row per entry with its mark. */
export function table(input: TableInput): string {
  const head = input.columns.map((c) => `<th scope="col">${esc(c)}</th>`).join('') + `<th scope="col">${esc(input.words.head)}</th>`;
  const body = input.rows.length
    ? input.rows
        .map((r) => {
          const mark = r.mark ? `<span aria-hidden="true">${SIGN[r.mark]} </span>${esc(input.words[r.mark])}` : '';
          const cells = r.cells.map((c) => `<td>${r.mark === 'removed' ? `<del>${esc(c)}</del>` : esc(c)}</td>`).join('');
          return `<tr${r.mark ? ` class="kit-tbl-${r.mark}" data-mark="${r.mark}"` : ''}>${cells}<td class="kit-tbl-mark">${mark}</td></tr>`;
        })
        .join('')
    : `<tr><td colspan="${input.columns.length + 1}" class="kit-tbl-empty">${esc(input.empty ?? '—')}</td></tr>`;
  return `<table class="kit-tbl"><caption>${esc(input.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
