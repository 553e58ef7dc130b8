// The two pictures of a handshake run, as SVG strings: the time-sequence diagram (segments between
// the two endpoints, built up to a position) and RFC 9293 Figure 5 (the state diagram, with the
// edges just taken and each endpoint's state marked). Pure functions of the model's steps, so
// Handshake.astro draws the static run at build time with exactly what element.ts draws live.
// Colours come from CSS classes (handshake.css), never from here: both themes, and print, follow.
import { TRANSITIONS, transition, type Side, type State, type Step } from './model.ts';
import { fill, type LiveText } from './i18n.ts';
import { lanes, type LaneRow, type LanesLayout } from '../kit/draw/lanes.ts';
import { Obstacles } from '../kit/draw/place.ts';
import { segments, type Box } from '../kit/draw/geom.ts';
import { textBlock } from '../kit/draw/svg.ts';
import { lineHeight, textWidth } from '../kit/draw/text.ts';

export const SIDES = ['client', 'server'] as const;
/** The course's names for the endpoints: A is the client, B the server. */
export const letter = (side: unknown): string => (side === 'server' ? 'B' : 'A');
export const other = (side: Side): Side => (side === 'client' ? 'server' : 'client');

/** Text safe inside an SVG/HTML element or a double-quoted attribute. */
export const esc = (s: string | number): string => String(s).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Seconds as the widget prints them: 0.05, 1.35, 240.4 (no float noise). */
export const secs = (t: number): string => String(+t.toFixed(3));

/** What a segment carries, as Wireshark-style words: `SYN,ACK seq=300 ack=101 len=0`. */
export function segWords(step: Step): string {
  const s = step.segment!;
  return `${s.flags.join(',')} seq=${s.seq}${s.flags.includes('ACK') ? ` ack=${s.ack}` : ''} len=${s.len}`;
}

/** Segment and send steps: one per transmission (what Scenario.lose counts). */
export const isTransmission = (s: Step): boolean => s.kind === 'segment' || s.kind === 'send';

const txt = (x: number, y: number, s: string, cls = '', anchor = 'middle'): string =>
  `<text x="${x}" y="${y}" text-anchor="${anchor}"${cls && ` class="${cls}"`}>${esc(s)}</text>`;

/**
 * Path data of an arrowhead at (x2, y2) pointing along the line from (x1, y1): a closed triangle
 * (drawn filled, so no <marker> and no ids to clash between the page's SVGs).
 */
function head(x1: number, y1: number, x2: number, y2: number): string {
  const a = Math.atan2(y2 - y1, x2 - x1);
  const p = (d: number) => `${(x2 - 9 * Math.cos(a + d)).toFixed(1)},${(y2 - 9 * Math.sin(a + d)).toFixed(1)}`;
  return `M${x2},${y2}L${p(0.4)}L${p(-0.4)}Z`;
}
/** An arrowhead, drawn (and coloured) as the kit draws every arrowhead. */
const tip = (d: string): string => `<path class="kit-tip hs-tip" d="${d}"/>`;

/** An endpoint's letter in a disc: how Figure 5 says "A is here" / "B took this edge". */
const badge = (x: number, y: number, letter: string): string =>
  `<circle class="hs-badge" cx="${x}" cy="${y}" r="9"/>${txt(x, y + 4, letter, 'hs-badge-t')}`;

// ---------------------------------------------------------------------------------------------
// The time-sequence diagram: the kit's lanes, A's lifeline on the left, B's on the right, one row
// per step. This only says what each step is in lane terms; kit/draw/lanes.ts lays it out.

/** The words the diagram needs: column heads, "lost", and the timer templates (LiveText has them). */
export type SequenceWords = Pick<LiveText, 'client' | 'server' | 'lost' | 'tm'>;

/** A timer row's words: "B's retransmission timer fires (RTO 1 s)". */
export const timerWords = (s: Step, t: SequenceWords): string =>
  fill(t.tm[s.note.key] ?? '', { ...s.note.params, S: letter(s.note.params['side']) });

const laneOf = (side: unknown): number => (side === 'server' ? 1 : 0);

/** The run as lane rows: a segment is an arrow (landing at its arrival step when it crosses another). */
export function sequenceRows(steps: readonly Step[], words: SequenceWords): LaneRow[] {
  const arrival = new Map<number, number>();
  steps.forEach((s, i) => s.kind === 'arrive' && arrival.set(s.index!, i));
  return steps.map((s, i) => {
    const states = SIDES.map((side) => s.states[side]);
    const time = `${secs(s.t)} s`;
    if (i === 0) return { item: { kind: 'none' }, states };
    if (s.kind === 'timer') return { item: { kind: 'note', lane: laneOf(s.note.params['side']), label: timerWords(s, words) }, states, time };
    if (s.kind === 'segment' || s.kind === 'send') {
      const from = s.segment!.from;
      return {
        item: { kind: 'arrow', from: laneOf(from), to: laneOf(other(from)), label: `${s.index! + 1}: ${segWords(s)}`, lost: !!s.lost, lands: arrival.get(s.index!), key: String(s.index) },
        states,
        time,
      };
    }
    return { item: { kind: 'none' }, states, time };
  });
}

/** The whole run laid out for `width` px at `scale` (the build draws it at DIAGRAM_WIDTH). */
export function sequenceLayout(steps: readonly Step[], words: SequenceWords, label: string, width: number, scale = 1, isn?: Record<Side, number>): LanesLayout {
  // Each lane's title carries its endpoint's ISN (the live widget lets the reader change it there).
  const title = (side: Side) => (isn ? `${words[side]} ISN ${isn[side]}` : words[side]);
  return lanes({ lanes: [title('client'), title('server')], rows: sequenceRows(steps, words), width, scale, lost: words.lost, label });
}

/** The width the build draws the static diagram at (it scrolls in its frame on a narrower screen). */
export const DIAGRAM_WIDTH = 640;

// ---------------------------------------------------------------------------------------------
// RFC 9293 Figure 5: the boxes where the RFC puts them, its 20 edges routed as in the figure
// (drawn once, at build time), and the edges the figure leaves out drawn (dashed) only once a run
// has taken them. A step marks the figure: the edges just taken and each endpoint's state.

const FW = 660;
const FH = 640;
/** The whole figure's size on screen: 1.4× its units, so no word in it is under 13 px. */
export const FIGURE_ZOOM = 1.4;
export const FIGURE_WIDTH = FW * FIGURE_ZOOM;
export const FIGURE_HEIGHT = FH * FIGURE_ZOOM;
/** Box centres and heights; the figure draws CLOSED twice (top, and bottom right). */
const BOX: Record<State | 'CLOSED2', [number, number, number]> = {
  CLOSED: [320, 30, 34],
  LISTEN: [320, 110, 34],
  'SYN-RECEIVED': [80, 215, 60],
  'SYN-SENT': [560, 215, 60],
  ESTABLISHED: [320, 300, 34],
  'FIN-WAIT-1': [80, 390, 34],
  'CLOSE-WAIT': [560, 390, 34],
  'FIN-WAIT-2': [80, 480, 34],
  CLOSING: [320, 480, 34],
  'LAST-ACK': [560, 480, 34],
  'TIME-WAIT': [320, 565, 34],
  CLOSED2: [560, 565, 34],
};
const BW = 112;

/** Figure 5's edges: polyline points, then where the label goes ([x, y, anchor]). */
const ROUTE: Record<string, [number[], number, number, string]> = {
  'closed-passive-open': [[300, 47, 300, 93], 294, 68, 'end'],
  'listen-close': [[340, 93, 340, 47], 346, 68, 'start'],
  'closed-active-open': [[376, 23, 575, 23, 575, 185], 581, 100, 'start'],
  'syn-sent-close': [[540, 185, 540, 38, 376, 38], 534, 100, 'end'],
  'listen-rcv-syn': [[290, 127, 290, 195, 136, 195], 284, 155, 'end'],
  'listen-send': [[350, 127, 350, 195, 504, 195], 356, 155, 'start'],
  'syn-sent-rcv-syn': [[504, 211, 136, 211], 320, 227, 'middle'],
  'syn-received-rcv-ack': [[136, 238, 290, 238, 290, 283], 284, 258, 'end'],
  'syn-sent-rcv-syn-ack': [[504, 238, 350, 238, 350, 283], 356, 258, 'start'],
  'syn-received-rcv-rst': [[48, 185, 48, 110, 264, 110], 58, 104, 'start'],
  'syn-received-close': [[80, 245, 80, 373], 86, 300, 'start'],
  'established-close': [[264, 306, 180, 306, 180, 380, 136, 380], 186, 338, 'start'],
  'established-rcv-fin': [[376, 306, 460, 306, 460, 380, 504, 380], 454, 338, 'end'],
  'fin-wait-1-rcv-ack': [[60, 407, 60, 463], 66, 436, 'start'],
  'fin-wait-1-rcv-fin': [[136, 398, 300, 398, 300, 463], 294, 424, 'end'],
  'close-wait-close': [[560, 407, 560, 463], 566, 430, 'start'],
  'fin-wait-2-rcv-fin': [[80, 497, 80, 565, 264, 565], 90, 522, 'start'],
  'closing-rcv-ack': [[320, 497, 320, 548], 326, 524, 'start'],
  'last-ack-rcv-ack': [[560, 497, 560, 548], 566, 524, 'start'],
  'time-wait-timeout': [[376, 565, 504, 565], 440, 547, 'middle'],
};

/** States above ESTABLISHED: their way to CLOSED goes to the top box, as in the figure. */
const UPPER = new Set<string>(['LISTEN', 'SYN-SENT', 'SYN-RECEIVED', 'CLOSED']);

const boxOf = (from: State, to: State): State | 'CLOSED2' => (to === 'CLOSED' && !UPPER.has(from) ? 'CLOSED2' : to);


/**
 * An edge the figure leaves out: a curve between the two boxes (a loop when it stays put), its
 * arrowhead, and its points (for the label solver).
 */
function curve(id: string): [string, string, number[]] {
  const e = transition(id)!;
  const [ax, ay] = BOX[e.from];
  const [bx, by, bh] = BOX[boxOf(e.from, e.to)];
  if (e.from === e.to)
    return [
      `M${ax - 20},${ay + 17}C${ax - 30},${ay + 52} ${ax + 30},${ay + 52} ${ax + 20},${ay + 17}`,
      head(ax + 30, ay + 52, ax + 20, ay + 17),
      bezier([ax - 20, ay + 17, ax - 30, ay + 52, ax + 30, ay + 52, ax + 20, ay + 17]),
    ];
  // Leave and enter through the facing sides, bend to the right of the direction of travel.
  const sy = ay + (by > ay ? 17 : -17);
  const ey = by + (by > ay ? -bh / 2 : bh / 2);
  const mx = (ax + bx) / 2 + (by - ay) / 4;
  const my = (sy + ey) / 2 - (bx - ax) / 4;
  return [
    `M${ax},${sy}Q${mx},${my} ${bx},${ey}`,
    head(mx, my, bx, ey),
    // The same quadratic as a cubic: control points two thirds of the way to (mx, my).
    bezier([ax, sy, ax + (2 / 3) * (mx - ax), sy + (2 / 3) * (my - sy), bx + (2 / 3) * (mx - bx), ey + (2 / 3) * (my - ey), bx, ey]),
  ];
}

/** A cubic Bézier as 12 straight pieces. */
function bezier(c: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i <= 12; i++) {
    const t = i / 12;
    const u = 1 - t;
    const w = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
    out.push(w[0]! * c[0]! + w[1]! * c[2]! + w[2]! * c[4]! + w[3]! * c[6]!, w[0]! * c[1]! + w[1]! * c[3]! + w[2]! * c[5]! + w[3]! * c[7]!);
  }
  return out;
}

/** Where a polyline is half way along. */
function middle(p: number[]): [number, number] {
  const seg: number[] = [];
  for (let i = 2; i < p.length; i += 2) seg.push(Math.hypot(p[i]! - p[i - 2]!, p[i + 1]! - p[i - 1]!));
  let d = seg.reduce((a, b) => a + b, 0) / 2;
  for (let k = 0; k < seg.length; k++) {
    if (d <= seg[k]!) {
      const f = d / seg[k]!;
      return [p[2 * k]! + (p[2 * k + 2]! - p[2 * k]!) * f, p[2 * k + 1]! + (p[2 * k + 3]! - p[2 * k + 1]!) * f];
    }
    d -= seg[k]!;
  }
  return [p[0]!, p[1]!];
}

/**
 * Figure 5 with nothing marked, drawn once at build time from TRANSITIONS: every state (data-s),
 * the figure's 20 edges, and the edges it leaves out (class hs-extra: dashed, hidden until a run
 * takes them), each edge with its id (data-e). Each edge and box ends with an empty group placed
 * where an endpoint's letter goes. A step only marks it (figureMarks, letters()).
 */
export function figureSvg(label: string): string {
  // Every edge's geometry first: its lines are obstacles for every word and letter.
  const geo = TRANSITIONS.map((e) => {
    const route = ROUTE[e.id];
    if (route) {
      const [p, x, y, anchor] = route;
      const n = p.length;
      // The letters go beside the line, on the side away from its label (14 units: a letter's
      // radius and the solver's gap).
      const [mx, my] = middle(p);
      const m: [number, number] = anchor === 'middle' ? [mx, my + 14] : [mx + (x < mx ? 14 : -14), my];
      return { e, route, d: `M${p.slice(0, 2)}L${p.slice(2).join(',')}`, arrow: head(p[n - 4]!, p[n - 3]!, p[n - 2]!, p[n - 1]!), points: p, m, spot: [x, y, anchor] as const };
    }
    const [d, arrow, points] = curve(e.id);
    // Half way along the curve; the letters 14 units to one side of it, the words to the other.
    const [x, y, x2, y2] = points.slice(12, 16) as [number, number, number, number];
    const len = Math.hypot(x2 - x, y2 - y) || 1;
    const [nx, ny] = [-(y2 - y) / len, (x2 - x) / len];
    return { e, route, d, arrow, points, m: [x + 14 * nx, y + 14 * ny] as [number, number], spot: [x - 16 * nx, y - 16 * ny + 4, 'middle'] as const };
  });
  const o = new Obstacles({ x: 0, y: 0, w: FW, h: FH });
  for (const [cx, cy, bh] of Object.values(BOX)) o.boxes.push({ x: cx - BW / 2, y: cy - bh / 2, w: BW, h: bh });
  for (const g of geo) o.lines.push(...segments(g.points));
  const words = new Map<string, [Box, string[]]>();
  for (const g of geo) {
    const lines = [g.e.event, ...(g.e.action === 'x' ? [] : [g.e.action.replace(/^create TCB; /, '')])];
    // Measured at the size a taken edge's words grow to (handshake.css), placed by the solver:
    // the figure's own spot first, then beside each piece of the edge.
    const w = Math.max(...lines.map((l) => textWidth(l, LABEL_PX)));
    const h = lines.length * lineHeight(LABEL_PX);
    const [sx, sy, anchor] = g.spot;
    const own: Box = { x: anchor === 'start' ? sx : anchor === 'end' ? sx - w : sx - w / 2, y: sy - LABEL_PX, w, h };
    const around: Box[] = [];
    for (const off of [5, 16])
      for (const seg of segments(g.points))
        for (const t of [0.5, 0.25, 0.75]) {
          const x = seg.x1 + (seg.x2 - seg.x1) * t;
          const y = seg.y1 + (seg.y2 - seg.y1) * t;
          around.push({ x: x + off, y: y - h / 2, w, h }, { x: x - off - w, y: y - h / 2, w, h }, { x: x - w / 2, y: y - off - h, w, h }, { x: x - w / 2, y: y + off, w, h });
        }
    // Failing those (an extra edge drawn through a crowded part of the figure), the free spot
    // nearest the edge's middle.
    const [mx, my] = middle(g.points);
    const near: Box[] = [];
    for (let dy = -72; dy <= 72; dy += 6) for (let dx = -150; dx <= 150; dx += 10) near.push({ x: mx + dx - w / 2, y: my + dy - h / 2, w, h });
    near.sort((p, q) => Math.hypot(p.x + w / 2 - mx, p.y + h / 2 - my) - Math.hypot(q.x + w / 2 - mx, q.y + h / 2 - my));
    // Nudged a little first: the figure's spot is where a reader looks for the words.
    const nudged = [4, -4, 8, -8, 12, -12].flatMap((d) => [{ ...own, y: own.y + d }, { ...own, x: own.x + d }]);
    words.set(g.e.id, [o.place([own, ...nudged, ...around, ...near]) ?? own, lines]);
  }
  // An edge's letter (r = 9) beside the edge, clear of every line and word (the words, placed
  // first, keep the figure's spots): its own spot first, then either side of each piece of the
  // edge, the longest pieces first.
  for (const g of geo) {
    const cands: Box[] = [{ x: g.m[0] - 10, y: g.m[1] - 10, w: 20, h: 20 }];
    for (const seg of segments(g.points).sort((a, b) => Math.hypot(b.x2 - b.x1, b.y2 - b.y1) - Math.hypot(a.x2 - a.x1, a.y2 - a.y1)))
      for (const t of [0.5, 0.3, 0.7]) {
        const len = Math.hypot(seg.x2 - seg.x1, seg.y2 - seg.y1) || 1;
        const [nx, ny] = [-(seg.y2 - seg.y1) / len, (seg.x2 - seg.x1) / len];
        const [x, y] = [seg.x1 + (seg.x2 - seg.x1) * t, seg.y1 + (seg.y2 - seg.y1) * t];
        for (const side of [1, -1]) cands.push({ x: x + side * 14 * nx - 10, y: y + side * 14 * ny - 10, w: 20, h: 20 });
      }
    // Failing those, the free spot nearest the edge's middle.
    const [mx, my] = middle(g.points);
    const near: Box[] = [];
    for (let dy = -48; dy <= 48; dy += 4) for (let dx = -48; dx <= 48; dx += 4) near.push({ x: mx + dx - 10, y: my + dy - 10, w: 20, h: 20 });
    near.sort((p, q) => Math.hypot(p.x + 10 - mx, p.y + 10 - my) - Math.hypot(q.x + 10 - mx, q.y + 10 - my));
    const at = o.place([...cands, ...near]) ?? cands[0]!;
    g.m = [at.x + 10, at.y + 10];
  }
  let edges = '';
  for (const g of geo) {
    const [box, lines] = words.get(g.e.id)!;
    edges +=
      `<g class="hs-e${g.route ? '' : ' hs-extra'}" data-e="${g.e.id}">` +
      `<path class="kit-line hs-edge" d="${g.d}"/>${tip(g.arrow)}${textBlock(box, lines, 9.5, 'hs-el', 'start')}${spot(...g.m)}</g>`;
  }
  // A box's letters (A and B, r = 9) go on its corners, or beside it, wherever no edge, edge
  // letter, word or other letter is: on a corner an arriving edge would run through them. Its own
  // frame is no obstacle to them; the other boxes are.
  const frames = Object.values(BOX).map(([cx, cy, bh]) => ({ x: cx - BW / 2, y: cy - bh / 2, w: BW, h: bh }));
  const isFrame = (b: Box) => frames.some((f) => f.x === b.x && f.y === b.y && f.w === b.w && f.h === b.h);
  const others = o.boxes.filter((b) => !isFrame(b));
  const round = (ps: Array<[number, number]>) => ps.map(([x, y]) => ({ x: x - 9, y: y - 9, w: 18, h: 18 }));
  const placed: Box[] = [];
  let boxes = '';
  Object.entries(BOX).forEach(([name, [cx, cy, bh]], i) => {
    const [x0, y0, x1, y1] = [cx - BW / 2, cy - bh / 2, cx + BW / 2, cy + bh / 2];
    const free = new Obstacles(o.bounds);
    free.lines.push(...o.lines);
    free.boxes.push(...others, ...frames.filter((_, k) => k !== i), ...placed);
    const a = free.place(round([[x0, y0], [x0, y1], [x0 - 12, cy], [x0 + 14, y0 - 12], [x0 + 14, y1 + 12]])) ?? round([[x0, y0]])[0]!;
    const b = free.place(round([[x1, y0], [x1, y1], [x1 + 12, cy], [x1 - 14, y0 - 12], [x1 - 14, y1 + 12]])) ?? round([[x1, y0]])[0]!;
    placed.push(a, b);
    boxes +=
      `<g class="hs-s" data-s="${name}" data-b="${b.x - a.x} ${b.y - a.y}"><rect class="hs-box" x="${x0}" y="${y0}" width="${BW}" height="${bh}" rx="6"/>` +
      txt(cx, cy + 4, name === 'CLOSED2' ? 'CLOSED' : name, 'hs-bt') +
      spot(a.x + 9, a.y + 9) +
      '</g>';
  });
  // Drawn at FIGURE_ZOOM: Figure 5's smallest words (9.5 units) come out at 13 CSS px.
  return `<svg class="hs-svg hs-fig" width="${FW * FIGURE_ZOOM}" height="${FH * FIGURE_ZOOM}" viewBox="0 0 ${FW} ${FH}" role="img" aria-label="${esc(label)}">${edges + boxes}</svg>`;
}

/** The size (in figure units) labels are measured at: a taken edge's words (handshake.css). */
const LABEL_PX = 11;

/**
 * What Figure 5 marks at `position`: the box each endpoint is in (CLOSED2, the figure's lower
 * CLOSED, once the endpoint has been past the handshake), and every edge the run has taken so far
 * (the figure's own are always drawn; the others appear once taken).
 */
export function figureMarks(steps: readonly Step[], position: number): { at: Record<Side, string>; seen: Set<string | undefined> } {
  const past = steps.slice(0, position + 1);
  const at: Record<Side, string> = { ...steps[position]!.states };
  for (const side of SIDES) if (at[side] === 'CLOSED' && past.some((s) => !UPPER.has(s.states[side]))) at[side] = 'CLOSED2';
  return { at, seen: new Set(past.flatMap((s) => Object.values(s.edges))) };
}

/** Where the letters of an edge (its middle) or a box (its top left corner) go. */
const spot = (x: number, y: number): string => `<g transform="translate(${+x.toFixed(1)} ${+y.toFixed(1)})"></g>`;

/**
 * The letters for a spot: A if `on[0]`, B if `on[1]`, B at `dx, dy` from A (a box's data-b: the
 * spots its letters were placed at; 0, 0 on an edge, which one step never gives both).
 */
export const letters = (on: boolean[], dx = 0, dy = 0): string => (on[0] ? badge(0, 0, 'A') : '') + (on[1] ? badge(dx, dy, 'B') : '');
