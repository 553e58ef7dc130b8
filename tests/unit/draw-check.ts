// The layout test's rules (tests/support/layout.ts checks them in Chromium) applied to a layout the
// drawing layer computed, so a primitive is held to them in Node, at any width, by property tests.
import type { Drawn } from '../../src/widgets/kit/draw/gantt.ts';
import { crosses, grow, overlaps } from '../../src/widgets/kit/draw/geom.ts';
import { textWidth, TYPE } from '../../src/widgets/kit/draw/text.ts';

/** What the layout test checks in the browser, here on the computed layout. */
export function problems(d: Drawn, width: number): string[] {
  const out: string[] = [];
  d.texts.forEach((a, i) => {
    if (a.px < TYPE.min) out.push(`text ${a.lines} at ${a.px} px`);
    for (const l of a.lines) if (textWidth(l, a.px) > a.box.w + 0.5) out.push(`"${l}" wider than its box`);
    if (a.box.x < 0 || a.box.y < 0 || a.box.x + a.box.w > d.width + 0.5 || a.box.y + a.box.h > d.height + 0.5) out.push(`"${a.lines}" outside the picture`);
    d.texts.slice(i + 1).forEach((b) => overlaps(a.box, b.box) && out.push(`"${a.lines}" overlaps "${b.lines}"`));
    for (const s of d.lines) if (crosses(s, grow(a.box, -0.5))) out.push(`"${a.lines}" crosses a line`);
  });
  if (d.width > width && width >= 296) out.push(`${d.width} px wide for ${width}`);
  return out;
}

