// How wide a line of diagram text is, without a browser: the drawing layer places every label
// before anything is rendered (so the same layout can be drawn at build time and tested in Node).
// Diagram text is set in the page's monospace face (class kit-t), whose Latin advance is 0.6 em
// in every face the stack names (ui-monospace, SF Mono, Cascadia, JetBrains, Menlo, Consolas,
// DejaVu Sans Mono); CJK and other wide characters take a full em. The estimate is rounded up, so
// a label that fits here fits on the screen: the layout test in Chromium measures the real boxes.

/** The type scale of every widget, in CSS px: nothing smaller than `min` on a phone. */
export const TYPE = {
  /** The smallest text a widget may draw (a phone, 360 px wide). */
  min: 12,
  /** Labels on arrows, bytes, slots and bars. */
  label: 13,
  /** Titles of lanes and state boxes. */
  title: 14,
  /** Presenter mode multiplies every size by this (12 → 18: the projector's minimum). */
  presenter: 1.5,
} as const;

/** The sizes a primitive draws with at `scale`: label and title type, a label's line, padding. */
export function metrics(scale: number): { px: number; tpx: number; lh: number; pad: number } {
  const px = TYPE.label * scale;
  return { px, tpx: TYPE.title * scale, lh: lineHeight(px), pad: Math.round(6 * scale) };
}

/** Narrow enough for the column a 360 px phone gives a picture (294–296 px): build-time stills are drawn at this width. */
export const PHONE_WIDTH = 288;

/** Advance of one character in ems, rounded up. */
export const LATIN_EM = 0.62;
export const WIDE_EM = 1.02;

/** East Asian wide and fullwidth characters (CJK, kana, hangul, fullwidth forms, CJK punctuation). */
const WIDE_CHARS = '\\u1100-\\u115f\\u2e80-\\u303e\\u3041-\\u33ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\ua000-\\ua4cf\\uac00-\\ud7a3\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uff60\\uffe0-\\uffe6';
const WIDE = new RegExp(`[${WIDE_CHARS}]`, 'u');
/** A run of spaces, one wide character, or a word (a run of anything else). */
const TOKEN = new RegExp(` +|[${WIDE_CHARS}]|[^ ${WIDE_CHARS}]+`, 'gu');

export const isWide = (ch: string): boolean => WIDE.test(ch) || (ch.codePointAt(0) ?? 0) > 0x1ffff;

/** Width in CSS px of `s` set in the monospace face at `px`. */
export function textWidth(s: string, px: number): number {
  let em = 0;
  for (const ch of s) em += isWide(ch) ? WIDE_EM : LATIN_EM;
  return Math.ceil(em * px);
}

/** Height of one line of text at `px` (line box: 1.25 em). */
export const lineHeight = (px: number): number => Math.ceil(px * 1.25);

/**
 * Breaks `s` into lines no wider than `max` px: at spaces where there are any, between any two
 * wide characters (Chinese needs no spaces to break), and inside a word only when a single word
 * is wider than the whole line. Never returns an empty list; an explicit "\n" always breaks.
 * A line broken at a space keeps that space at its end (room for it is kept), so the lines read
 * back as the text did: an SVG <text>'s content, and the name a screen reader gives it.
 */
export function wrapText(s: string, max: number, px: number): string[] {
  const out: string[] = [];
  for (const para of s.split('\n')) {
    // Tokens: a run of spaces, one wide character, or a run of other characters (a word).
    const tokens = para.match(TOKEN) ?? [];
    // The index of the last word (a later token is only spaces).
    const last = tokens.findLastIndex((t) => !t.startsWith(' '));
    let line = '';
    let space = '';
    for (const [k, t] of tokens.entries()) {
      if (t.startsWith(' ')) {
        if (line) space = ' ';
        continue;
      }
      // After a word, room for the space the line may end with.
      if (textWidth(line + space + t + (isWide(t) ? '' : ' '), px) <= max) line += space + t;
      else {
        if (line) out.push(textWidth(line + space, px) <= max ? line + space : line);
        line = '';
        // A word longer than the line: cut it where it overflows.
        for (const ch of t) {
          if (line && textWidth(line + ch, px) > max) {
            out.push(line);
            line = '';
          }
          line += ch;
        }
        // Its last piece keeps room for the space after it when another word follows (that word
        // may have to start a new line, and the space must stay to read back as two words).
        const chars = [...line];
        if (chars.length > 1 && k < last && textWidth(line + ' ', px) > max) {
          out.push(chars.slice(0, -1).join(''));
          line = chars[chars.length - 1]!;
        }
      }
      space = '';
    }
    out.push(line);
  }
  return out;
}

/** The size of a block of lines at `px`. */
export function blockSize(lines: readonly string[], px: number): { w: number; h: number } {
  return { w: Math.max(0, ...lines.map((l) => textWidth(l, px))), h: lines.length * lineHeight(px) };
}
