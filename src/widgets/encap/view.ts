// The encapsulation picture: one row per layer, top down, each the layer's name, its data unit and
// length, then its parts as labelled boxes (a header, the layer above as the payload, a trailer).
// Wide enough, the rows nest: each layer's payload sits exactly under the row above, so the
// headers pile up to the left and the trailers to the right, as on the wire. Too narrow for that
// at the type size (a phone), each row stands on its own and its payload is one box named after
// the unit it holds ("packet, 45 B"). Pure: data in, SVG out, the same at build time and live.
import type { Fit } from '../kit/draw/fit.ts';
import type { Box, Segment } from '../kit/draw/geom.ts';
import { n, svgRoot, textBlock } from '../kit/draw/svg.ts';
import { metrics, textWidth } from '../kit/draw/text.ts';
import { onTheWire, type EncapState, type Layer, type PartKind } from './model.ts';
import type { EncapText } from './i18n.ts';

const TONE: Record<PartKind, number> = { data: 1, tcp: 2, udp: 2, ip: 3, eth: 4, pad: 4, fcs: 4, pre: 5, ifg: 5, inner: 0 };

export interface EncapDrawn {
  svg: string;
  width: number;
  height: number;
  texts: Array<{ box: Box; lines: string[]; px: number }>;
  lines: Segment[];
}

/** The rows for layers 0…upto (`upto` = the step: 0 the message alone, 4 the bits on the wire). */
export function encapPicture(layers: readonly Layer[], upto: number, t: EncapText, { width, scale }: Fit, label?: string): EncapDrawn {
  const { px, tpx, lh, pad } = metrics(scale);
  const boxH = 2 * lh + 2 * pad;
  const rowGap = Math.round(10 * scale);
  const partLines = (kind: PartKind, bytes: number, inner?: Layer): string[] =>
    kind === 'inner' ? [t.unit[inner!.unit], t.bytes(bytes)] : [t.part[kind], t.bytes(bytes)];
  const w = (lines: string[]) => Math.max(...lines.map((l) => textWidth(l, px))) + 2 * pad;
  // Nested: every part once, in wire order (headers outside in, the data, trailers inside out).
  const shown = layers.slice(0, upto + 1);
  const left = shown.slice(1).map((L) => L.parts[0]!).reverse();
  const right = shown.slice(1).flatMap((L) => L.parts.slice(L.parts.findIndex((p) => p.kind === 'inner') + 1));
  const data = layers[0]!.parts[0]!;
  const widthOf = new Map<object, number>();
  for (const p of [...left, data, ...right]) widthOf.set(p, w(partLines(p.kind, p.bytes)));
  // The message's box is also the next row's payload, named after its unit: wide enough for both.
  widthOf.set(data, Math.max(widthOf.get(data)!, w(partLines('inner', data.bytes, layers[0]))));
  const nestedW = [...widthOf.values()].reduce((a, b) => a + b, 0) + 2;
  // Where each part starts on the nested rows, and the span [start, end) of each layer's unit.
  const xOf = new Map<object, number>();
  let at = 1;
  for (const p of [...left, data, ...right]) {
    xOf.set(p, at);
    at += widthOf.get(p)!;
  }
  const span: Array<[number, number]> = [[xOf.get(data)!, xOf.get(data)! + widthOf.get(data)!]];
  shown.slice(1).forEach((L, k) => {
    const tail = L.parts.slice(L.parts.findIndex((p) => p.kind === 'inner') + 1);
    const lastTail = tail[tail.length - 1];
    span.push([xOf.get(L.parts[0]!)!, lastTail ? xOf.get(lastTail)! + widthOf.get(lastTail)! : span[k]![1]]);
  });
  const titleW = Math.max(...shown.map((L, i) => textWidth(t.row(t.layer[L.layer], t.unit[L.unit], L.total), i === upto ? tpx : px)));
  const nested = nestedW <= width && titleW <= width;

  const texts: EncapDrawn['texts'] = [];
  const lines: Segment[] = [];
  let body = '';
  let y = 1;
  let maxX = Math.max(nested ? nestedW : 0, titleW + 2);
  const drawBox = (x: number, bw: number, kind: PartKind, ls: string[], cur: boolean) => {
    const box = { x, y, w: bw, h: boxH };
    const cls = kind === 'inner' ? 'kit-line enc-inner' : `kit-fill kit-c${TONE[kind]}`;
    const dash = kind === 'pad' || kind === 'ifg' ? ' stroke-dasharray="4 3"' : '';
    body += `<g class="enc-part" data-kind="${kind}"><rect class="${cls}" x="${n(x)}" y="${n(y)}" width="${n(bw)}" height="${n(boxH)}" rx="3"${dash}/>`;
    const tb = { x: x + pad, y: y + pad, w: bw - 2 * pad, h: 2 * lh };
    body += `${textBlock(tb, ls, px, cur ? 'kit-b' : '', 'middle')}</g>`;
    texts.push({ box: tb, lines: ls, px });
  };
  shown.forEach((L, i) => {
    const cur = i === upto;
    const title = t.row(t.layer[L.layer], t.unit[L.unit], L.total);
    const titleBox = { x: 1, y, w: textWidth(title, cur ? tpx : px), h: lh };
    body += `<g class="enc-row${cur ? ' kit-cur' : ''}" data-layer="${L.layer}">`;
    body += textBlock(titleBox, [title], cur ? tpx : px, cur ? 'kit-b' : 'kit-soft', 'start');
    texts.push({ box: titleBox, lines: [title], px: cur ? tpx : px });
    y += lh + Math.round(4 * scale);
    if (nested) {
      // Layer i spans its header, the whole of layer i − 1 (its payload), and its trailers.
      if (i === 0) drawBox(span[0]![0], widthOf.get(data)!, 'data', partLines('data', data.bytes), cur);
      else {
        const [s0, e0] = span[i - 1]!;
        const hdr = L.parts[0]!;
        drawBox(xOf.get(hdr)!, widthOf.get(hdr)!, hdr.kind, partLines(hdr.kind, hdr.bytes), cur);
        drawBox(s0, e0 - s0, 'inner', partLines('inner', L.parts.find((p) => p.kind === 'inner')!.bytes, layers[i - 1]), cur);
        for (const p of L.parts.slice(L.parts.findIndex((q) => q.kind === 'inner') + 1)) drawBox(xOf.get(p)!, widthOf.get(p)!, p.kind, partLines(p.kind, p.bytes), cur);
      }
      y += boxH;
    } else {
      // Each row on its own, wrapping its boxes onto more lines when the column is narrow.
      let x = 1;
      for (const p of L.parts) {
        const ls = partLines(p.kind, p.bytes, layers[i - 1]);
        const bw = w(ls);
        if (x > 1 && x + bw + 1 > width) {
          x = 1;
          y += boxH + Math.round(4 * scale);
        }
        drawBox(x, bw, p.kind, ls, cur);
        x += bw;
        maxX = Math.max(maxX, x + 1);
      }
      y += boxH;
    }
    body += '</g>';
    y += rowGap;
  });
  const height = y - rowGap + 2;
  const last = layers[upto]!;
  const svg = svgRoot(maxX, height, label ?? t.picture(t.unit[last.unit], last.total), body, 'enc-svg', px);
  return { svg, width: maxX, height, texts, lines };
}

/** The narration of step `step` (0 … 4) in the page's language. */
export function narrate(layers: readonly Layer[], step: number, state: EncapState, t: EncapText): string {
  const L = layers[step]!;
  switch (step) {
    case 0:
      return t.step.application(L.total, typeof state.message === 'string' ? t.quoted(state.message) : t.count);
    case 1:
      return t.step.transport({ tcp: state.transport === 'tcp', h: L.parts[0]!.bytes, total: L.total, inner: layers[0]!.total, ts: state.timestamps });
    case 2:
      return t.step.network(L.total, layers[1]!.total);
    case 3:
      return t.step.link({ packet: layers[2]!.total, pad: L.parts.find((p) => p.kind === 'pad')?.bytes ?? 0, total: L.total });
    default: {
      const wire = onTheWire(layers);
      return t.step.physical({ frame: layers[3]!.total, wire: wire.byteTimes, data: layers[0]!.total, pct: (wire.efficiency * 100).toFixed(1) });
    }
  }
}

