// Small pure helpers the framing views share at build time (the static figures) and in the
// browser: filling a string template, showing bytes as hex or as Python's bytes repr, and saying
// a model error in the reader's language. DOM-free, so the .astro files use the same code.
import { FramingError } from './model.ts';
import { utf8Char } from '../kit/draw/bytes.ts';

/** The strings of one language: plain templates with {name} holes (see i18n.ts). */
export type Strings = Record<string, string>;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** 1234567 → "1,234,567" (bigints too). */
export const grouped = (n: number | bigint): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Fills {name} holes; big numbers are grouped, a missing value leaves the hole's name; "1 bytes" → "1 byte". */
export function fill(template: string | undefined, params: Record<string, unknown> = {}): string {
  return (template ?? '')
    .replace(/\{(\w+)\}/g, (_, k: string) => {
      const v = params[k];
      return v === undefined ? k : typeof v === 'number' && Math.abs(v) > 9999 ? grouped(v) : String(v);
    })
    .replace(/(^|[^\d.,])1 bytes/g, (_, c: string) => `${c}1 byte`);
}

/** "00 00 00 27": one join over at most `max` bytes (the caller says how many are left out). */
export const hex = (bytes: Uint8Array, max = bytes.length): string =>
  Array.from(bytes.subarray(0, max), (b) => HEX[b]).join(' ');

/** Python's repr() of a bytes object, cut after `max` bytes with "…". */
export function pyBytes(bytes: Uint8Array, max = 48): string {
  let s = '';
  const q = bytes.includes(39) && !bytes.includes(34) ? '"' : "'";
  for (const c of bytes.subarray(0, max)) {
    const ch = String.fromCharCode(c);
    s +=
      c === 92 || ch === q ? '\\' + ch
      : c === 10 ? '\\n'
      : c === 13 ? '\\r'
      : c === 9 ? '\\t'
      : c > 31 && c < 127 ? ch
      : '\\x' + HEX[c];
  }
  return `b${q}${s}${q}${bytes.length > max ? '…' : ''}`;
}

/** Python's repr() of a str (as print() shows a str in a list): quoted, the quote, \\ and line breaks escaped, Chinese as it is. */
export function pyStr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  return q + s.replace(/[\\'"\n]/g, (c) => (c === '\n' ? '\\n' : c === q || c === '\\' ? '\\' + c : c)) + q;
}

/**
 * Bytes as the text they carry (Chinese as characters), for a reader rather than for Python: a
 * byte that starts no whole UTF-8 character here (a character cut by a recv(), a control byte)
 * is shown in hex inside ⟨ ⟩, so a cut is visible and nothing is hidden.
 */
export function readable(b: Uint8Array): string {
  let out = '';
  let bad: string[] = [];
  for (let i = 0; i <= b.length; ) {
    const got = i < b.length ? utf8Char(b, i, b.length) : null;
    if (got || i === b.length) {
      if (bad.length) out += `⟨${bad.join(' ')}⟩`;
      bad = [];
      if (!got) break;
      out += got[0] === '␣' ? ' ' : got[0];
      i += got[1];
    } else bad.push(HEX[b[i++]!]!);
  }
  return out;
}

/** A decoder state in the reader's words, its code name beside: 等待长度（need-length）. */
export const stateName = (t: Strings, s: string): string => fill(t.stateFmt, { name: t[`st-${s}`], code: s });

/** A text for the reader, cut in the middle when long. */
export const clip = (s: string, n = 60): string => (s.length > n ? `${s.slice(0, n - 12)}…${s.slice(-10)}` : s);

/**
 * A model error in the reader's language: a FramingError by its code and params, the RangeError
 * of mistake (c)'s struct.pack('i', 3 GiB) as `range` when `packed`, anything else by its message.
 */
export function errorText(t: Strings, e: unknown, packed = false): string {
  if (e instanceof FramingError) {
    const p: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(e.params)) p[k] = typeof v === 'string' ? clip(v) : v;
    // The header text as Python shows a str: in quotes, its JSON as it is (no \" escapes).
    if (typeof p.text === 'string') p.text = pyStr(p.text);
    return fill(t[`e-${e.code}`] ?? e.message, p);
  }
  return packed ? t.range! : e instanceof Error ? e.message : String(e);
}

/**
 * A widget's URL value: a version tag and fields joined by "."; text fields escape "%" and "."
 * so any text survives. `unpack` returns null for anything that is not this version's shape.
 */
export const pack = (tag: string, fields: Array<string | number>): string =>
  [tag, ...fields.map((f) => String(f).replace(/%/g, '%25').replace(/\./g, '%2E'))].join('.');

export function unpack(tag: string, value: string | null): string[] | null {
  const parts = value?.split('.');
  if (parts?.shift() !== tag) return null;
  try {
    return parts.map(decodeURIComponent);
  } catch {
    return null;
  }
}

/** A whole number in [lo, hi] from a URL field or an input, else null. */
export function int(s: string | undefined, lo: number, hi: number): number | null {
  const n = /^\d{1,10}$/.test(s ?? '') ? Number(s) : NaN;
  return n >= lo && n <= hi ? n : null;
}
