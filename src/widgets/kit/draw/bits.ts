// bits(): 32-bit words (IPv4 addresses, masks) as rows of bits grouped by octet, each bit marked as
// a network bit or a host bit by a prefix length: a fill and a solid or dashed underline (never
// colour alone), and over each octet the words for how many of its bits are which. Each row has its
// name, its dotted-decimal form and, when given, its integer.
//
// Drawn as HTML, not SVG, for the same reasons as table(): it is text, so it wraps by whole octets
// on a phone (two per line, same in every row, so bits stay aligned), scales with rem in presenter
// mode, and the reader can select and copy it. Data in, a string out, so the build draws the same.
import { esc } from './svg.ts';

export interface BitRow {
  /** What the row is ("address", "mask"). */
  label: string;
  /** The 32-bit unsigned value. */
  value: number;
  /** Shown after the label (the dotted-decimal form). */
  text: string;
  /** Shown after the bits ("= 3232235786"). */
  tail?: string;
  /** A row the reader should look at (the result): bold. */
  strong?: boolean;
}

export interface BitsInput {
  /** The accessible name of the group. */
  label: string;
  rows: readonly BitRow[];
  /** Bits 0 … split−1 (from the left) are network bits, the rest host bits. */
  split: number;
  /** The words for the two kinds of bit ("network", "host"). */
  words: { net: string; host: string };
}

/** What each octet is made of under `split`: [network bits, host bits]. */
export function octetParts(split: number): Array<[number, number]> {
  return [0, 1, 2, 3].map((k) => {
    const net = Math.max(0, Math.min(8, split - 8 * k));
    return [net, 8 - net];
  });
}

export function bits(input: BitsInput): string {
  const parts = octetParts(input.split);
  const head = parts
    .map(([net, host]) => {
      const w = [net ? `${input.words.net} ${net}` : '', host ? `${input.words.host} ${host}` : ''].filter(Boolean);
      return `<span class="kit-oct kit-oct-head">${w.map((s, i) => `<span class="${i === 0 && net ? 'kit-bn' : 'kit-bh'}">${esc(s)}</span>`).join('')}</span>`;
    })
    .join('');
  const rows = input.rows
    .map((r) => {
      const s = (r.value >>> 0).toString(2).padStart(32, '0');
      const octs = parts
        .map(([net], k) => {
          const o = s.slice(8 * k, 8 * k + 8);
          const a = o.slice(0, net);
          const b = o.slice(net);
          return `<span class="kit-oct">${a ? `<span class="kit-bn">${a}</span>` : ''}${b ? `<span class="kit-bh">${b}</span>` : ''}</span>`;
        })
        .join('');
      return (
        `<div class="kit-bits-row${r.strong ? ' kit-bits-strong' : ''}"><p class="kit-bits-name"><span>${esc(r.label)}</span> <code>${esc(r.text)}</code>` +
        `${r.tail ? ` <span class="kit-bits-tail">${esc(r.tail)}</span>` : ''}</p><p class="kit-octs">${octs}</p></div>`
      );
    })
    .join('');
  return `<div class="kit-bits" role="group" aria-label="${esc(input.label)}"><p class="kit-octs kit-octs-head" aria-hidden="true">${head}</p>${rows}</div>`;
}
