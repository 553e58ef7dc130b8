// net(): a small network as a picture (hosts, a hub, switches, a router), the links between their
// ports with the port numbers at each end, the frames on the wire as labelled tokens ("A→B",
// "broadcast ×3"), each with a small arrowhead saying which way it travels, and blocked ports
// marked with a ✕ and the word. Used by the switch widget (W3); shaped for ARP (W4) too.
//
// The caller places nodes on a grid (col, row; a node may span several columns, as a switch
// under a row of hosts does); this module turns the grid into CSS px for the width it is given.
// A link is vertical where its two boxes share columns, horizontal where they share a row, else a
// straight line between their centres. Port labels sit beside a link's end, tokens on the link
// (the part of the line under a token is not drawn), the word "blocked" beside its ✕: all placed
// by the label solver, clear of every other label, box and line. When something finds no free
// spot the gaps between rows and columns grow and the layout runs again. Too wide for the width
// (a phone): the grid is turned a quarter (columns become rows), so the picture grows downwards
// and the text keeps its size; still too wide, it scrolls inside .kit-pic.
import { lineHeight, textWidth, TYPE } from './text.ts';
import { Obstacles, GAP } from './place.ts';
import { grow, type Box, type Segment } from './geom.ts';
import { arrowHead, esc, n, svgRoot, textBlock } from './svg.ts';
import type { Fit } from './fit.ts';
import type { Drawn, DrawnText, Tone } from './gantt.ts';

export type NodeKind = 'host' | 'hub' | 'switch' | 'router';

export interface NetNode {
  id: string;
  /** The node's name ("A", "S1"); drawn bold inside its box. */
  label: string;
  /** A second line under the name ("集线器", "root"). */
  sub?: string;
  kind: NodeKind;
  col: number;
  row: number;
  /** Columns the box spans (a switch under a row of hosts). Default 1. */
  span?: number;
  /** Marked as the node this step is about (a thicker outline, bold). */
  cur?: boolean;
}
export interface NetLink {
  a: string;
  b: string;
  /** Port labels at the a and b ends ("1", "2"); none when empty. */
  pa?: string;
  pb?: string;
}
export interface NetFrame {
  /** Index into links. */
  link: number;
  /** The end the frame travels to, or both ways (copies going each way, as in a loop). */
  to: 'a' | 'b' | 'both';
  label: string;
  tone?: Tone;
}
export interface NetInput {
  nodes: readonly NetNode[];
  links: readonly NetLink[];
  frames?: readonly NetFrame[];
  /** Ports that drop every frame (STP): a ✕ on the link next to that end, and the word. */
  blocked?: ReadonlyArray<{ link: number; end: 'a' | 'b' }>;
  blockedWord: string;
  /** The picture's accessible name. */
  label: string;
}

/**
 * How a picture was laid out: which way the grid runs, whether labels may stick out past it, how
 * far the gaps grew, and how many token spots each link keeps. Passed back to netLayout() for
 * another step of the same run, it is a floor: the gaps never shrink and the grid does not turn
 * back, so the picture does not jump.
 */
export interface NetPlan {
  turned: boolean;
  spill: boolean;
  grown: number;
  most: number;
}

/** The most distinct tokens (direction and label) on any one link of this input. */
const tokensPerLink = (input: NetInput) =>
  Math.max(1, ...input.links.map((_, li) => new Set((input.frames ?? []).filter((f) => f.link === li).map((f) => f.to + f.label)).size));

export interface NetDrawn extends Drawn {
  /** Each node's box, by id (where a click lands). */
  boxes: Record<string, Box>;
  /** Whether the grid was turned a quarter to fit the width. */
  turned: boolean;
  /** What to pass to the next step's layout (see NetPlan). */
  plan: NetPlan;
}

const SHAPE: Record<NodeKind, { tone: Tone; rx: number; dash?: string }> = {
  host: { tone: 1, rx: 8 },
  hub: { tone: 2, rx: 2, dash: '5 3' },
  switch: { tone: 3, rx: 2 },
  router: { tone: 4, rx: 16 },
};

/** The smallest box a finger can hit on a phone (hosts are buttons). */
const TOUCH = 44;

/** The part of segment `s` outside box `b` (zero, one or two pieces). */
function cut(s: Segment, b: Box): Segment[] {
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  let t0 = 0;
  let t1 = 1;
  for (const [p, q] of [
    [-dx, s.x1 - b.x],
    [dx, b.x + b.w - s.x1],
    [-dy, s.y1 - b.y],
    [dy, b.y + b.h - s.y1],
  ] as Array<[number, number]>) {
    if (p === 0) {
      if (q <= 0) return [s];
    } else {
      const r = q / p;
      if (p < 0) t0 = Math.max(t0, r);
      else t1 = Math.min(t1, r);
    }
  }
  if (t0 >= t1) return [s];
  const at = (t: number) => ({ x: s.x1 + dx * t, y: s.y1 + dy * t });
  const out: Segment[] = [];
  if (t0 > 1e-6) out.push({ x1: s.x1, y1: s.y1, x2: at(t0).x, y2: at(t0).y });
  if (t1 < 1 - 1e-6) out.push({ x1: at(t1).x, y1: at(t1).y, x2: s.x2, y2: s.y2 });
  return out;
}

/** Where the line from a box's centre towards (tx, ty) leaves the box. */
function edge(b: Box, tx: number, ty: number): [number, number] {
  const cx = b.x + b.w / 2;
  const cy = b.y + b.h / 2;
  const dx = tx - cx;
  const dy = ty - cy;
  const k = Math.min(dx ? b.w / 2 / Math.abs(dx) : Infinity, dy ? b.h / 2 / Math.abs(dy) : Infinity);
  return [cx + dx * k, cy + dy * k];
}

function attempt(input: NetInput, scale: number, turned: boolean, grown: number, spill: boolean, floor = 1): (NetDrawn & { failed: number }) {
  const px = Math.round(TYPE.label * scale);
  const tpx = Math.round(TYPE.title * scale);
  const lh = lineHeight(px);
  const tlh = lineHeight(tpx);
  const P = Math.round(6 * scale);
  const bp = Math.round(4 * scale);
  const touch = TOUCH * Math.max(1, scale * 0.8);
  const place = (nd: NetNode) => (turned ? { col: nd.row, row: nd.col } : { col: nd.col, row: nd.row });

  // Sizes of the boxes: a name (bold title type) and perhaps a second line.
  const natural = (nd: NetNode) => ({
    w: Math.max(textWidth(nd.label, tpx), nd.sub ? textWidth(nd.sub, px) : 0) + 2 * bp + 2,
    h: tlh + (nd.sub ? lh : 0) + 2 * bp,
  });
  const sizes = input.nodes.map((nd) => {
    const s = natural(nd);
    return nd.kind === 'host' ? { w: Math.max(s.w, touch), h: Math.max(s.h, touch) } : s;
  });
  const span = (nd: NetNode) => Math.max(1, nd.span ?? 1);
  // A cell holds the widest single-cell box (in its columns) and the tallest box (in its rows).
  let cw = touch;
  let rh = touch;
  input.nodes.forEach((nd, i) => {
    const s = sizes[i]!;
    if (turned || span(nd) === 1) cw = Math.max(cw, s.w);
    if (!turned || span(nd) === 1) rh = Math.max(rh, s.h);
  });
  // Gaps: a vertical link holds a port label at each end and up to two tokens between them; a
  // horizontal one the same side by side. They grow when the solver finds no room.
  const most = Math.max(floor, tokensPerLink(input));
  // Growing makes room along vertical links first (the picture may grow down, not sideways).
  const gapV = 2 * (lh + GAP) + most * (lh + 2 * bp + 2 * GAP) + 2 * P + grown * lh;
  let gapH = Math.round(TOUCH * 0.5 * scale) + Math.max(0, grown - 3) * lh;
  // A horizontal link holds the port numbers and a short token on the line (longer ones go beside
  // it): over all the columns it crosses, so a link across an empty cell needs smaller gaps.
  const need = textWidth('A→B', px) + 2 * bp + lh + 2 * GAP + 2 * (textWidth('99', px) + 2 * GAP);
  for (const l of input.links) {
    const ia = input.nodes.findIndex((x) => x.id === l.a);
    const ib = input.nodes.findIndex((x) => x.id === l.b);
    const [pa, pb] = [place(input.nodes[ia]!), place(input.nodes[ib]!)];
    const cells = Math.abs(pa.col - pb.col);
    if (pa.row !== pb.row || !cells) continue;
    const g = Math.ceil((need + sizes[ia]!.w / 2 + sizes[ib]!.w / 2) / cells - cw);
    gapH = Math.max(gapH, g + Math.max(0, grown - 3) * lh);
  }
  // Span boxes in the running direction must hold their label too.
  input.nodes.forEach((nd, i) => {
    const k = span(nd);
    if (k > 1 && !turned) cw = Math.max(cw, (sizes[i]!.w - (k - 1) * gapH) / k);
  });

  const cols = Math.max(...input.nodes.map((nd) => place(nd).col + (turned ? 1 : span(nd))));
  const rows = Math.max(...input.nodes.map((nd) => place(nd).row + (turned ? span(nd) : 1)));
  // A token or label at an edge column may stick out past the grid: the solver may use room
  // either side (E px), and the picture is cut to what was drawn.
  const E = !spill ? 0 : Math.max(0, ...(input.frames ?? []).map((f) => textWidth(f.label, px) + 2 * bp + lh), textWidth(input.blockedWord, px) + 2 * GAP);
  const cx = (c: number) => P + c * (cw + gapH);
  const cy = (r: number) => P + r * (rh + gapV);
  const boxes: Record<string, Box> = {};
  input.nodes.forEach((nd, i) => {
    const { col, row } = place(nd);
    const s = sizes[i]!;
    const k = span(nd);
    if (k > 1 && !turned) boxes[nd.id] = { x: cx(col), y: cy(row) + (rh - s.h) / 2, w: cx(col + k - 1) + cw - cx(col), h: s.h };
    else if (k > 1) boxes[nd.id] = { x: cx(col) + (cw - s.w) / 2, y: cy(row), w: s.w, h: cy(row + k - 1) + rh - cy(row) };
    else boxes[nd.id] = { x: cx(col) + (cw - s.w) / 2, y: cy(row) + (rh - s.h) / 2, w: s.w, h: s.h };
  });
  const W = cx(cols - 1) + cw + P;
  const H = cy(rows - 1) + rh + P;

  // Links as segments between box edges.
  const segs: Segment[] = input.links.map((l) => {
    const A = boxes[l.a]!;
    const B = boxes[l.b]!;
    const x0 = Math.max(A.x, B.x);
    const x1 = Math.min(A.x + A.w, B.x + B.w);
    const y0 = Math.max(A.y, B.y);
    const y1 = Math.min(A.y + A.h, B.y + B.h);
    if (x1 - x0 > 4) {
      const x = (x0 + x1) / 2;
      return A.y < B.y ? { x1: x, y1: A.y + A.h, x2: x, y2: B.y } : { x1: x, y1: A.y, x2: x, y2: B.y + B.h };
    }
    if (y1 - y0 > 4) {
      const y = (y0 + y1) / 2;
      return A.x < B.x ? { x1: A.x + A.w, y1: y, x2: B.x, y2: y } : { x1: A.x, y1: y, x2: B.x + B.w, y2: y };
    }
    const [ax, ay] = edge(A, B.x + B.w / 2, B.y + B.h / 2);
    const [bx, by] = edge(B, A.x + A.w / 2, A.y + A.h / 2);
    return { x1: ax, y1: ay, x2: bx, y2: by };
  });

  const obstacles = new Obstacles({ x: -E, y: 0, w: W + 2 * E, h: H });
  for (const id in boxes) obstacles.boxes.push(boxes[id]!);
  obstacles.lines.push(...segs);
  const texts: DrawnText[] = [];
  const parts: string[] = [];
  let failed = 0;
  const unit = (s: Segment) => {
    const len = Math.hypot(s.x2 - s.x1, s.y2 - s.y1) || 1;
    return { ux: (s.x2 - s.x1) / len, uy: (s.y2 - s.y1) / len, len };
  };
  /** Boxes of size w×h beside the link, `s` px from its `end`, on either side. */
  const beside = (li: number, end: 'a' | 'b', w: number, h: number, from: number[]): Box[] => {
    const s = segs[li]!;
    const { ux, uy } = unit(s);
    const [ex, ey, dx, dy] = end === 'a' ? [s.x1, s.y1, ux, uy] : [s.x2, s.y2, -ux, -uy];
    const off = Math.abs(dy) * (w / 2) + Math.abs(dx) * (h / 2) + GAP + 2;
    const out: Box[] = [];
    for (const d of from)
      for (const side of [1, -1]) {
        const along = d + Math.abs(dx) * (w / 2) + Math.abs(dy) * (h / 2);
        const mx = ex + dx * along - dy * off * side;
        const my = ey + dy * along + dx * off * side;
        out.push({ x: mx - w / 2, y: my - h / 2, w, h });
      }
    return out;
  };

  // Blocked ports first: the ✕ and its word are what the picture is about when they show.
  const xs: string[] = [];
  for (const bl of input.blocked ?? []) {
    const s = segs[bl.link]!;
    const { ux, uy, len } = unit(s);
    const d = Math.min(len / 3, lh + GAP);
    const [mx, my] = bl.end === 'a' ? [s.x1 + ux * d, s.y1 + uy * d] : [s.x2 - ux * d, s.y2 - uy * d];
    const r = 5 * scale;
    xs.push(`M${n(mx - r)},${n(my - r)}L${n(mx + r)},${n(my + r)}M${n(mx - r)},${n(my + r)}L${n(mx + r)},${n(my - r)}`);
    obstacles.boxes.push({ x: mx - r, y: my - r, w: 2 * r, h: 2 * r });
    const w = textWidth(input.blockedWord, px);
    const c = beside(bl.link, bl.end, w, lh, [d - lh / 2, d, d + lh, d + 2 * lh]);
    const b = obstacles.place(c);
    if (!b) failed++;
    const box = b ?? c[0]!;
    texts.push({ box, lines: [input.blockedWord], px });
    parts.push(textBlock(box, [input.blockedWord], px, 'kit-b kit-net-blk'));
  }

  // Port numbers beside each end of each link.
  input.links.forEach((l, li) => {
    for (const end of ['a', 'b'] as const) {
      const word = end === 'a' ? l.pa : l.pb;
      if (!word) continue;
      const w = textWidth(word, px);
      const c = beside(li, end, w, lh, [GAP, GAP + lh / 2, GAP + lh, GAP + 2 * lh]);
      const b = obstacles.place(c);
      if (!b) failed++;
      const box = b ?? c[0]!;
      texts.push({ box, lines: [word], px });
      parts.push(textBlock(box, [word], px, 'kit-soft kit-net-port'));
    }
  });

  // Frames: one token per link, direction and label; on the line where there is room (the line
  // under it is not drawn), else beside it.
  const groups = new Map<string, NetFrame>();
  for (const f of input.frames ?? []) {
    const k = `${f.link}:${f.to}:${f.label}`;
    if (!groups.has(k)) groups.set(k, f);
  }
  const holes: Box[][] = segs.map(() => []);
  const tokens: string[] = [];
  for (const f of groups.values()) {
    const s = segs[f.link]!;
    const { ux, uy } = unit(s);
    const tw = textWidth(f.label, px);
    const heads = f.to === 'both' ? 2 : 1;
    const w = tw + 2 * bp + heads * lh;
    const h = lh + 2 * bp;
    const own = new Set([s]);
    const on: Box[] = [];
    // Spots on the line: the middle, then a token's length either way (towards the far end first).
    const { len } = unit(s);
    const step = Math.abs(ux) * w + Math.abs(uy) * h + 2 * GAP + 1;
    const sign = f.to === 'b' ? 1 : -1;
    for (let k = 0; k < 8; k++) {
      const d = len / 2 + sign * (k % 2 ? 1 : -1) * Math.ceil(k / 2) * step;
      if (d < step / 2 || d > len - step / 2) continue;
      on.push({ x: s.x1 + ux * d - w / 2, y: s.y1 + uy * d - h / 2, w, h });
    }
    let box = on.find((b) => obstacles.free(b, own)) ?? null;
    if (box) {
      obstacles.boxes.push(box);
      holes[f.link]!.push(box);
    } else {
      box = obstacles.place(beside(f.link, 'a', w, h, [len * 0.3, len * 0.4, len * 0.2, len * 0.5, len * 0.1].map((d) => Math.max(0, d - w / 2))));
      if (!box) failed++;
    }
    box ??= on[0] ?? { x: (s.x1 + s.x2) / 2 - w / 2, y: (s.y1 + s.y2) / 2 - h / 2, w, h };
    // The arrowhead at the token's leading side points the way the frame travels (both ways: one
    // at each side).
    const cyy = box.y + box.h / 2;
    const a = lh * 0.4;
    const tip = (sgn: number, right: boolean) => {
      const ax = right ? box!.x + box!.w - bp - lh / 2 : box!.x + bp + lh / 2;
      return arrowHead(ax - sgn * ux * a, cyy - sgn * uy * a, ax + sgn * ux * a, cyy + sgn * uy * a, lh * 0.8);
    };
    const head = f.to === 'both' ? tip(1, true) + tip(-1, false) : f.to === 'b' ? tip(1, true) : tip(-1, false);
    const tx = f.to === 'b' ? box.x + bp : box.x + bp + lh;
    const tb = { x: tx, y: box.y + bp, w: tw, h: lh };
    texts.push({ box: tb, lines: [f.label], px });
    tokens.push(
      `<g class="kit-token" data-link="${f.link}" data-to="${f.to}"><rect class="kit-fill kit-c${f.tone ?? 2}" x="${n(box.x)}" y="${n(box.y)}" width="${n(box.w)}" height="${n(box.h)}" rx="${n(h / 2)}"/>` +
        `<path class="kit-tip kit-net-dir" d="${head}"/>${textBlock(tb, [f.label], px, 'kit-b', 'start')}</g>`,
    );
  }

  // The links as drawn: each line minus the tokens sitting on it.
  const drawnLines: Segment[] = [];
  segs.forEach((s, li) => {
    let pieces = [s];
    for (const hole of holes[li]!) pieces = pieces.flatMap((p) => cut(p, grow(hole, 1)));
    drawnLines.push(...pieces);
    const d = pieces.map((p) => `M${n(p.x1)},${n(p.y1)}L${n(p.x2)},${n(p.y2)}`).join('');
    const blocked = input.blocked?.some((b) => b.link === li);
    parts.unshift(`<path class="kit-line kit-net-link${blocked ? ' kit-net-off' : ''}" data-link="${li}" d="${d}"/>`);
  });

  // The nodes, each a group the widget can make a button of.
  const nodes = input.nodes.map((nd) => {
    const b = boxes[nd.id]!;
    const sh = SHAPE[nd.kind];
    const tw = textWidth(nd.label, tpx);
    const lines: string[] = [];
    const inner = natural(nd).h - 2 * bp;
    const top = b.y + (b.h - inner) / 2;
    const name = { x: b.x + (b.w - tw) / 2, y: top, w: tw, h: tlh };
    texts.push({ box: name, lines: [nd.label], px: tpx });
    lines.push(textBlock(name, [nd.label], tpx, 'kit-b'));
    if (nd.sub) {
      const sw = textWidth(nd.sub, px);
      const sub = { x: b.x + (b.w - sw) / 2, y: top + tlh, w: sw, h: lh };
      texts.push({ box: sub, lines: [nd.sub], px });
      lines.push(textBlock(sub, [nd.sub], px));
    }
    return (
      `<g class="kit-node kit-net-${nd.kind}${nd.cur ? ' kit-cur' : ''}" data-node="${esc(nd.id)}">` +
      `<rect class="kit-fill kit-c${sh.tone}" x="${n(b.x)}" y="${n(b.y)}" width="${n(b.w)}" height="${n(b.h)}" rx="${n(Math.min(sh.rx * scale, b.h / 2))}"${sh.dash ? ` stroke-dasharray="${sh.dash}"` : ''}/>` +
      lines.join('') +
      '</g>'
    );
  });
  const xPath = xs.length ? `<path class="kit-x" d="${xs.join('')}"/>` : '';
  // Cut the picture to what was drawn: everything moves right by what stuck out on the left.
  const lo = Math.min(0, ...obstacles.boxes.map((b) => b.x - P));
  const hi = Math.max(W, ...obstacles.boxes.map((b) => b.x + b.w + P));
  const dx = -Math.floor(lo);
  const width = Math.ceil(hi) + dx;
  const body = parts.join('') + nodes.join('') + xPath + tokens.join('');
  const svg = svgRoot(width, H, input.label, dx ? `<g transform="translate(${dx},0)">${body}</g>` : body, 'kit-net', px);
  const shift = (b: Box): Box => ({ ...b, x: b.x + dx });
  for (const tx of texts) tx.box = shift(tx.box);
  for (const id in boxes) boxes[id] = shift(boxes[id]!);
  const lines = drawnLines.map((l) => ({ x1: l.x1 + dx, y1: l.y1, x2: l.x2 + dx, y2: l.y2 }));
  return { svg, width, height: H, texts, lines, boxes, turned, failed, plan: { turned, spill, grown, most } };
}

/**
 * The network laid out for `width` at `scale`: the grid as given when it fits, else turned a
 * quarter when that is narrower. Gaps grow until every label has a free spot. With the plan of the
 * step before (`after`), the layout starts from it and keeps it when it still works: one attempt
 * where a fresh layout may need many, and a picture that keeps its shape from step to step.
 */
export function netLayout(input: NetInput, { width, scale }: Fit, after?: NetPlan): NetDrawn {
  const floor = after?.grown ?? 0;
  const run = (turned: boolean, spill: boolean) => {
    let d = attempt(input, scale, turned, floor, spill, after?.most);
    for (let g = floor + 1; d.failed && g <= Math.max(16, floor); g++) d = attempt(input, scale, turned, g, spill, after?.most);
    return d;
  };
  const fits = (d: ReturnType<typeof attempt>) => !d.failed && d.width <= width;
  if (after) {
    const d = run(after.turned, after.spill);
    if (fits(d) || after.turned) return d;
  }
  // As laid out, labels free to stick out past the grid's edges; then kept inside it; then turned.
  const tries = [run(false, true)];
  if (!fits(tries[0]!)) tries.push(run(false, false));
  if (!tries.some(fits)) tries.push(run(true, true), run(true, false));
  // A clean layout first, then one that fits, then the narrower.
  const rank = (d: (typeof tries)[0]) => [d.failed ? 1 : 0, d.width <= width ? 0 : 1, d.width];
  return tries.reduce((best, d) => (lexLess(rank(d), rank(best)) ? d : best));
}

/**
 * One plan for every step of a run (each step's input, in order): room on every link for the most
 * tokens any step has, and the gaps grown as far as the busiest step needs, so that drawing any
 * step with it gives the same height.
 */
export function netPlan(steps: readonly NetInput[], f: Fit): NetPlan | undefined {
  let plan: NetPlan | undefined = steps.length ? { turned: false, spill: true, grown: 0, most: Math.max(...steps.map(tokensPerLink)) } : undefined;
  for (const input of steps) plan = netLayout(input, f, plan).plan;
  return plan;
}

function lexLess(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

export const net = (input: NetInput, f: Fit): string => netLayout(input, f).svg;
