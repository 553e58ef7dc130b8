// SVG text for the drawing layer. Every picture is a string (so the build renders the same figure
// the live widget draws), sized in CSS px: width and height are the viewBox's, so nothing scales
// and a 12 px label stays 12 px. A picture wider than its frame scrolls inside it (kit.css).
import { lineHeight } from './text.ts';
import type { Box } from './geom.ts';

/** Text safe inside an element or a double-quoted attribute. */
export const esc = (s: string | number): string => String(s).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** A number as an attribute value: at most one decimal, no float noise. */
export const n = (v: number): string => String(Math.round(v * 10) / 10);

/** The outer <svg> of a picture. */
export function svgRoot(w: number, h: number, label: string, body: string, cls = '', px = 13): string {
  return (
    `<svg class="kit-svg ${cls}" width="${n(w)}" height="${n(h)}" viewBox="0 0 ${n(w)} ${n(h)}" font-size="${px}" role="img"` +
    ` aria-label="${esc(label)}">${body}</svg>`
  );
}

/**
 * A block of text lines inside `box` (as the solver placed it): left, centred or right aligned.
 * Each line's baseline sits where a line box of 1.25 em puts it.
 */
export function textBlock(box: Box, lines: readonly string[], px: number, cls = '', align: 'start' | 'middle' | 'end' = 'middle'): string {
  const lh = lineHeight(px);
  const x = align === 'start' ? box.x : align === 'end' ? box.x + box.w : box.x + box.w / 2;
  const spans = lines.map((l, i) => `<tspan x="${n(x)}" y="${n(box.y + i * lh + px * 0.95)}">${esc(l)}</tspan>`).join('');
  return `<text class="kit-t${cls && ` ${cls}`}" text-anchor="${align}" font-size="${px}">${spans}</text>`;
}

/** A filled arrowhead at (x2, y2), pointing along the line from (x1, y1), `size` px long. */
export function arrowHead(x1: number, y1: number, x2: number, y2: number, size = 9): string {
  const a = Math.atan2(y2 - y1, x2 - x1);
  const p = (d: number) => `${n(x2 - size * Math.cos(a + d))},${n(y2 - size * Math.sin(a + d))}`;
  return `M${n(x2)},${n(y2)}L${p(0.4)}L${p(-0.4)}Z`;
}
