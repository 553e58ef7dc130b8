// Section ids are written by hand after the heading text, as `{#three-way-handshake}`
// (escaped as `\{#…\}` in MDX, where bare braces are JavaScript). They are ASCII so that the
// Chinese and English twins of a chapter share them, and a shared link survives a language switch.

export const SECTION_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const MARKER = /\s*\{#([^}\s]*)\}\s*$/;

/** Splits `三次握手 {#three-way-handshake}` into its text and id; `null` when there is no marker. */
export function parseHeadingId(text: string): { text: string; id: string } | null {
  const m = MARKER.exec(text);
  if (!m) return null;
  return { text: text.slice(0, m.index), id: m[1] ?? '' };
}

export function isSectionId(id: string): boolean {
  return SECTION_ID.test(id);
}
