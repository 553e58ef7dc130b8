// A state diagram read from a transitions table, as much of it as the reader's screen can show at
// full type size: the neighbourhood of the current state. On top, the edge just taken (from the
// state it left, with its event and action); in the middle, the current state; below, every edge
// that leaves it, each an arrow to the state it leads to, labelled "event / action". Nothing
// shrinks: the labels wrap to the width, rows stack, and the picture is as tall as they are. Each
// marked thing is bold AND named ("now", the endpoint's letter), never colour alone.
import { esc, n, svgRoot, textBlock, arrowHead } from './svg.ts';
import { blockSize, lineHeight, metrics, textWidth, wrapText } from './text.ts';

export interface Edge {
  id: string;
  from: string;
  to: string;
  event: string;
  /** What is done on the way ('' or 'x': nothing). */
  action: string;
}

export interface NeighbourhoodInput {
  /** Who is in the state (an endpoint's name: "A (client)"). */
  who: string;
  current: string;
  /** The edge that led here in this step, if any. */
  came?: Edge;
  /** Every edge out of `current`. */
  next: readonly Edge[];
  /** Words: the heading of the outgoing edges ("from here:"). */
  nextTitle: string;
  width: number;
  scale?: number;
  label: string;
}

export interface Drawn {
  svg: string;
  width: number;
  height: number;
}

const words = (e: Edge): string => (e.action && e.action !== 'x' ? `${e.event} / ${e.action}` : e.event);

export function neighbourhood(input: NeighbourhoodInput): Drawn {
  const s = input.scale ?? 1;
  const { px, tpx, lh, pad } = metrics(s);
  const width = Math.max(input.width, 200 * s);
  const boxH = lineHeight(tpx) + 2 * pad;
  /** A margin for the boxes' strokes at the left edge. */
  const M = 2;
  const spine = M + Math.round(18 * s);
  let body = '';
  let y = 0;

  const box = (x: number, top: number, text: string, cls: string, px_: number): number => {
    const w = textWidth(text, px_) + 2 * pad;
    body += `<rect class="kit-state ${cls}" x="${n(x)}" y="${n(top)}" width="${n(w)}" height="${n(boxH)}" rx="${n(5 * s)}"/>`;
    body += textBlock({ x: x + pad, y: top + (boxH - lineHeight(px_)) / 2, w: w - 2 * pad, h: lineHeight(px_) }, [text], px_, cls === 'kit-now' ? 'kit-b' : '', 'start');
    return w;
  };

  // Who, and the edge just taken: [from] then a vertical arrow labelled with what happened.
  body += textBlock({ x: 0, y, w: width, h: lineHeight(tpx) }, [input.who], tpx, 'kit-b', 'start');
  y += lineHeight(tpx) + pad;
  if (input.came && input.came.from !== input.current) {
    box(M, y, input.came.from, 'kit-was', px);
    y += boxH;
  }
  if (input.came) {
    const lines = wrapText(words(input.came), width - spine - 3 * pad, px);
    const { h } = blockSize(lines, px);
    const len = Math.max(h + 2 * pad, 24 * s);
    const x = spine;
    body += `<g class="kit-came"><path class="kit-line kit-took" d="M${n(x)},${n(y)}V${n(y + len)}"/><path class="kit-tip" d="${arrowHead(x, y, x, y + len, 9 * s)}"/>`;
    body += textBlock({ x: x + 2 * pad, y: y + (len - h) / 2, w: width - x - 2 * pad, h }, lines, px, 'kit-b', 'start') + '</g>';
    y += len;
  }
  const nowW = M + box(M, y, input.current, 'kit-now', tpx);
  const nowTag = `← ${input.who.split(/[ （(]/)[0]}`;
  body += textBlock({ x: nowW + pad, y: y + (boxH - lh) / 2, w: textWidth(nowTag, px), h: lh }, [nowTag], px, 'kit-b', 'start');
  y += boxH;

  // Every edge out: from a spine under the current box, right to the state it leads to.
  if (input.next.length) {
    y += pad;
    body += textBlock({ x: spine + pad, y, w: width, h: lh }, [input.nextTitle], px, 'kit-soft', 'start');
    y += lh + pad;
    const top = y;
    let last = y;
    for (const e of input.next) {
      const targetW = textWidth(e.to === input.current ? '↺' : e.to, px) + 2 * pad;
      const room = width - spine - 2 * pad - targetW - 8 * s;
      const lines = wrapText(words(e), Math.max(room, 60 * s), px);
      const { h } = blockSize(lines, px);
      const rowH = Math.max(h, 0) + boxH + pad;
      const ay = y + h + boxH / 2;
      const ax2 = width - targetW - 2;
      body +=
        `<g class="kit-next" data-e="${esc(e.id)}">` +
        textBlock({ x: spine + 2 * pad, y, w: room, h }, lines, px, '', 'start') +
        `<path class="kit-line" d="M${n(spine)},${n(ay)}H${n(ax2)}"/><path class="kit-tip" d="${arrowHead(spine, ay, ax2, ay, 9 * s)}"/>` +
        `<rect class="kit-state" x="${n(ax2)}" y="${n(ay - boxH / 2)}" width="${n(targetW)}" height="${n(boxH)}" rx="${n(5 * s)}"/>` +
        textBlock({ x: ax2 + pad, y: ay - lineHeight(px) / 2, w: targetW - 2 * pad, h: lineHeight(px) }, [e.to === input.current ? '↺' : e.to], px, '', 'start') +
        '</g>';
      last = ay;
      y += rowH;
    }
    body = `<path class="kit-line" d="M${n(spine)},${n(top - lh - 2 * pad)}V${n(last)}"/>` + body;
  }
  const height = Math.ceil(y + pad);
  return { svg: svgRoot(width, height, input.label, body, 'kit-states', px), width, height };
}
