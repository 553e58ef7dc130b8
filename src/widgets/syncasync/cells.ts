// The four callers' code panels as HTML strings (the live widget and the build-time figure draw
// the same): a title with its place in the 2×2, the code with the line executing now marked (bold,
// a bar and who runs it, not colour alone), and the caller's process state in words.
import { CELLS, type CellId, type Run } from './model.ts';
import type { SyncText } from './i18n.ts';
import { CODE, linesAt, stateOf, wastedAt } from './view.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function cellHtml(run: Run, cell: CellId, step: number, t: SyncText): string {
  const c = t.cells[cell]!;
  const now = linesAt(run, cell, step);
  const lines = CODE[cell]
    .map((line, i) => {
      const here = now.filter((x) => x.line === i);
      const who = here.map((x) => `<span class="sa-who">${esc(t.whoHere[x.who]!)}</span>`).join('');
      return `<li${here.length ? ' class="sa-now" aria-current="step"' : ''}><span class="sa-line">${esc(line)}</span>${who}</li>`;
    })
    .join('');
  const blocked = stateOf(run, cell, step) === 'blocked';
  const wasted = cell === 'poll' ? `<span class="sa-wasted">${esc(t.wasted(wastedAt(run, step)))}</span>` : '';
  return (
    `<div class="sa-cell" data-cell="${cell}"><p class="sa-head"><span class="sa-n">${c.n}</span> <code>${esc(c.title)}</code> <span class="sa-tag">${esc(c.tag)}</span></p>` +
    `<ol class="sa-code" start="1">${lines}</ol>` +
    `<p class="sa-status${blocked ? ' sa-blocked' : ''}">${esc(blocked ? t.statusBlocked : t.statusRunning)}${wasted}</p></div>`
  );
}

export const cellsHtml = (run: Run, step: number, t: SyncText): string => CELLS.map((c) => cellHtml(run, c, step, t)).join('');
