// Lanes and arrows: two or more endpoints with time flowing down, and the messages between them
// (Wireshark's flow graph, the textbook's handshake figure). One row per step of a run: an arrow
// that lands in the same row or in a later one (segments that cross on the wire), a note on a lane
// (a timer firing), or nothing but a change of state. Each lane shows its state as a tag on the
// lifeline whenever the state changes.
//
// The layout is computed, not hoped for: every tag, line and label is checked against everything
// placed before it (place.ts); when something does not fit, that row gets more room and the layout
// runs again, so the picture grows to what it holds and nothing overlaps. Labels wrap to the space
// between the lanes; the lanes sit as far apart as the width allows. The result is a string (the
// build draws the same figure) plus where each row ends, so a live view shows the rows so far by
// cutting the picture at ends[position] instead of drawing again.
import { along, crosses, grow, inside, overlaps, type Box, type Segment } from './geom.ts';
import { GAP } from './place.ts';
import { arrowHead, esc, n, svgRoot, textBlock } from './svg.ts';
import { blockSize, lineHeight, metrics, textWidth, wrapText } from './text.ts';

export type LaneItem =
  /** A message from lane `from` to lane `to`; it lands in row `lands` (default: this row). */
  | { kind: 'arrow'; from: number; to: number; label: string; lands?: number; lost?: boolean; key?: string }
  /** Something that happens on one lane (a timer fires): a dot and words. */
  | { kind: 'note'; lane: number; label: string }
  /** Only states change (an arrival drawn by an earlier row's arrow). */
  | { kind: 'none' };

export interface LaneRow {
  item: LaneItem;
  /** Each lane's state after this row (a tag is drawn where it changed). */
  states: readonly string[];
  /** The time of the row, as the reader should read it ("0.15 s"). */
  time?: string;
}

export interface LanesInput {
  /** Lane titles, left to right. */
  lanes: readonly string[];
  /** Row 0 is the start: its states are the lanes' first tags; its item is ignored. */
  rows: readonly LaneRow[];
  /** The width available, in CSS px. */
  width: number;
  /** 1 on the page, TYPE.presenter in presenter mode. */
  scale?: number;
  /** Word for a message that never arrives ("lost"). */
  lost: string;
  /** The picture's accessible name. */
  label: string;
}

export interface LanesLayout {
  svg: string;
  width: number;
  /** ends[i]: the picture's height when rows 0…i are shown. */
  ends: number[];
  /** Every text box, line and tag placed (for the tests). */
  boxes: Box[];
  lines: Segment[];
}

/** Below this width the time of each row goes into its label instead of a column of its own. */
const TIME_COLUMN_MIN = 520;

export function lanes(input: LanesInput): LanesLayout {
  const scale = input.scale ?? 1;
  const { px, tpx, lh, pad } = metrics(scale);
  const slant = Math.round(22 * scale);
  const nl = input.lanes.length;
  const rows = input.rows;

  // Tags are as wide as the widest state; lanes keep half a tag (or half a title) from the edges.
  const states = new Set(rows.flatMap((r) => r.states));
  const tagW = Math.max(...[...states].map((s) => textWidth(s, px))) + 2 * pad;
  const tagH = lh + pad;
  const titleW = Math.max(...input.lanes.map((s) => textWidth(s, tpx)));
  const timeCol = input.width >= TIME_COLUMN_MIN && rows.some((r) => r.time);
  const timeW = timeCol ? Math.max(...rows.map((r) => textWidth(r.time ?? '', px))) + 2 * pad : 0;
  // Two lanes with room to spare: each state beside its lane, level with the arrow that changed
  // it (compact, as in RFC 9293's figures). Otherwise on the lifeline, between the arrows.
  const outside = nl === 2 && input.width - timeW - 2 * (tagW + 2 * GAP) >= textWidth('x'.repeat(30), px);
  // Two lanes on a phone: the titles sit at the picture's edges (left and right aligned) and wrap
  // to half its width; otherwise each is centred over its lane.
  const edges = nl === 2 && !outside;
  const half = outside ? tagW + 2 * GAP + 2 : Math.ceil(Math.max(tagW, edges ? 0 : titleW) / 2) + 2;
  const width = Math.max(input.width, timeW + 2 * half + 120 * scale);
  const x0 = timeW + half;
  const x1 = width - half;
  const laneX = (i: number) => (nl === 1 ? x0 : x0 + ((x1 - x0) * i) / (nl - 1));
  const titleRoom = edges ? (width - 4 * GAP) / 2 : nl > 1 ? (x1 - x0) / (nl - 1) - 2 * GAP : width;
  const titles = input.lanes.map((t) => wrapText(t, titleRoom, tpx));
  const titleH = Math.max(...titles.map((l) => l.length)) * lineHeight(tpx) + pad;

  // The words of each row, wrapped to the room between its lanes (or beside its lane); a row whose
  // label stands in the way of a message crossing it is wrapped narrower (level 1, 2).
  const NARROW = [1, 0.62, 0.45];
  const cache = new Map<string, string[]>();
  const narrow = rows.map(() => 0);
  const words = (i: number): string[] => {
    const key = `${i}:${narrow[i]}`;
    let w = cache.get(key);
    if (w) return w;
    const r = rows[i]!;
    const it = r.item;
    const prefix = !timeCol && r.time ? `${r.time} · ` : '';
    const f = NARROW[narrow[i]!]!;
    if (it.kind === 'arrow') {
      const room = (Math.abs(laneX(it.to) - laneX(it.from)) - 2 * (GAP + pad)) * f;
      w = wrapText(prefix + it.label + (it.lost ? ` ✕ ${input.lost}` : ''), room, px);
    } else if (it.kind === 'note') w = wrapText(prefix + it.label, (x1 - x0 - 2 * pad - 8 * scale) * f, px);
    else w = [];
    cache.set(key, w);
    return w;
  };

  // Extra room above each row's arrow or note; grown by the loop below until everything fits.
  const extra = rows.map(() => 0);
  for (let tries = 0; ; tries++) {
    const r = attempt();
    if (r.ok || tries > 600) {
      return draw(r);
    }
    if (r.narrow && narrow[r.row]! < NARROW.length - 1) narrow[r.row]!++;
    else extra[r.row]! += Math.round(6 * scale);
  }

  type Placed = {
    ok: boolean;
    row: number;
    /** The failure is a label in a crossing message's way: wrap it narrower before adding room. */
    narrow?: boolean;
    boxes: Box[];
    /** The row each box belongs to (what to move when a later line runs into it). */
    owner: number[];
    /** Which boxes are labels (they can be narrowed). */
    isLabel: boolean[];
    lines: Segment[];
    tags: Array<{ row: number; box: Box; text: string }>;
    labels: Array<{ row: number; box: Box; lines: string[] }>;
    arrows: Array<{ row: number; seg: Segment; lost: boolean; lands: number; key?: string }>;
    dots: Array<{ row: number; x: number; y: number }>;
    times: Array<{ row: number; y: number; text: string }>;
    ends: number[];
    height: number;
  };

  function attempt(): Placed {
    const p: Placed = { ok: true, row: 0, boxes: [], owner: [], isLabel: [], lines: [], tags: [], labels: [], arrows: [], dots: [], times: [], ends: [], height: 0 };
    const bounds: Box = { x: 0, y: 0, w: width, h: 1e7 };
    const life: Segment[] = input.lanes.map((_, i) => ({ x1: laneX(i), y1: 0, x2: laneX(i), y2: 1e7 }));
    const clear = (b: Box, withLife: boolean) => {
      const g = grow(b, GAP);
      return (
        inside(b, bounds) &&
        !p.boxes.some((o) => overlaps(g, o)) &&
        !p.lines.some((l) => crosses(l, g)) &&
        !(withLife && life.some((l) => crosses(l, g)))
      );
    };
    const fail = (row: number, narrowIt = false): Placed => ({ ...p, ok: false, row, narrow: narrowIt });
    // Where arrows that land later arrive: filled in when their landing row is laid out.
    const pending = new Map<number, { row: number; from: number; to: number; y1: number; lost: boolean; key?: string }>();
    let y = titleH;
    let bottom = y;

    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      const prev = i > 0 ? rows[i - 1]!.states : undefined;
      const it = r.item;
      const changed = (k: number) => !prev || prev[k] !== r.states[k];
      /** Lane k's new state: on its lifeline from `top`, or (outside) beside it, centred on `level`. */
      const tag = (k: number, top: number, level = top + tagH / 2): boolean => {
        const box = outside
          ? { x: k === 0 ? laneX(0) - 2 * GAP - tagW : laneX(k) + 2 * GAP, y: level - tagH / 2, w: tagW, h: tagH }
          : { x: laneX(k) - tagW / 2, y: top, w: tagW, h: tagH };
        top = box.y;
        if (!clear(box, false)) return false;
        add(box, i);
        p.tags.push({ row: i, box, text: r.states[k]! });
        bottom = Math.max(bottom, top + tagH);
        return true;
      };
      y += extra[i]!;
      const top = y;
      if (i === 0) {
        for (let k = 0; k < nl; k++) if (!tag(k, y + pad)) return fail(i);
        y = bottom + pad;
      } else if (it.kind === 'arrow') {
        // The sender's new state sits above where its arrow leaves; the label above the line.
        const senderTag = changed(it.from);
        const yStart = (senderTag && !outside ? y + tagH + GAP : y) + words(i).length * lh + 2 * GAP + slant / 2;
        if (senderTag && !tag(it.from, y, yStart)) return fail(i);
        const xa = laneX(it.from);
        const xb = laneX(it.to);
        if (it.lands !== undefined && it.lands > i) {
          pending.set(it.lands, { row: i, from: it.from, to: it.to, y1: yStart, lost: !!it.lost, key: it.key });
          if (!label(i, { x1: xa, y1: yStart, x2: xb, y2: yStart + 3 * slant }, true)) return fail(i);
          for (let k = 0; k < nl; k++) if (k !== it.from && changed(k) && !tag(k, yStart + GAP)) return fail(i);
          y = Math.max(bottom, yStart) + pad;
        } else {
          const seg = arrowSeg(xa, yStart, xb, yStart + slant, !!it.lost);
          if (line(seg) >= 0) return fail(i);
          p.arrows.push({ row: i, seg, lost: !!it.lost, lands: i, key: it.key });
          if (!label(i, seg, false)) return fail(i);
          for (let k = 0; k < nl; k++) if (k !== it.from && changed(k) && !tag(k, yStart + slant + GAP, yStart + slant)) return fail(i);
          y = Math.max(bottom, yStart + slant) + pad;
        }
      } else {
        // A note, or the landing of an earlier arrow: both at this row's top.
        const land = pending.get(i);
        let at = y + pad;
        if (land) {
          at = Math.max(at, land.y1 + slant);
          const seg = arrowSeg(laneX(land.from), land.y1, laneX(land.to), at, land.lost);
          // Running into something drawn since it left: move that thing down (or the start).
          // Near its start, move the thing down past the line; near its end, land the line lower.
          const hit = line(seg);
          if (hit >= 0) {
            const k = p.boxes.findIndex((b) => crosses(seg, grow(b, 1)));
            const b = p.boxes[k]!;
            if (p.isLabel[k] && narrow[hit]! < NARROW.length - 1) return fail(hit, true);
            const t = ((b.x + b.w / 2 - seg.x1) * (seg.x2 - seg.x1) + (b.y + b.h / 2 - seg.y1) * (seg.y2 - seg.y1)) / ((seg.x2 - seg.x1) ** 2 + (seg.y2 - seg.y1) ** 2);
            return fail(t > 0.5 ? i : Math.max(hit, land.row));
          }
          p.arrows.push({ row: land.row, seg, lost: land.lost, lands: i, key: land.key });
        }
        if (it.kind === 'note') {
          const x = laneX(it.lane);
          at += lh / 2;
          p.dots.push({ row: i, x, y: at });
          add({ x: x - 6 * scale, y: at - 6 * scale, w: 12 * scale, h: 12 * scale }, i);
          const { w, h } = blockSize(words(i), px);
          const inward = it.lane < nl - 1 ? 1 : -1;
          const bx = inward > 0 ? x + 10 * scale : x - 10 * scale - w;
          const box = { x: bx, y: at - h / 2, w, h };
          if (!clear(box, true)) {
            // Beside the dot does not fit: under it, centred between the lanes.
            const under = { x: Math.min(Math.max(x - w / 2, 0), width - w), y: at + 8 * scale, w, h };
            if (!clear(under, true)) return fail(i);
            add(under, i, true);
            p.labels.push({ row: i, box: under, lines: words(i) });
            bottom = Math.max(bottom, under.y + h);
          } else {
            add(box, i, true);
            p.labels.push({ row: i, box, lines: words(i) });
            bottom = Math.max(bottom, box.y + h);
          }
          // The lane's new state goes under the dot and its words.
          at = Math.max(at + 6 * scale, bottom);
        }
        // Beside the lane: level with the landing, or under the note's dot.
        const level = it.kind === 'note' ? at + tagH / 2 + 2 * GAP : at;
        for (let k = 0; k < nl; k++) if (changed(k) && !tag(k, at + GAP + (it.kind === 'note' && k === it.lane ? 2 : 0), level)) return fail(i);
        y = Math.max(bottom, at) + pad;
      }
      if (timeCol && r.time && i > 0) p.times.push({ row: i, y: top, text: r.time });
      bottom = Math.max(bottom, y);
      p.ends.push(Math.ceil(bottom + pad));
    }
    p.height = Math.ceil(bottom + pad);
    return p;

    function arrowSeg(xa: number, ya: number, xb: number, yb: number, lost: boolean): Segment {
      // A lost message stops part way, where the cross is drawn.
      if (!lost) return { x1: xa, y1: ya, x2: xb, y2: yb };
      const [mx, my] = along({ x1: xa, y1: ya, x2: xb, y2: yb }, 0.62);
      return { x1: xa, y1: ya, x2: mx, y2: my };
    }
    function add(box: Box, row: number, isLabel = false): void {
      p.boxes.push(box);
      p.owner.push(row);
      p.isLabel.push(isLabel);
    }
    /** Draws a line unless it runs into a box: then the row of that box, else -1. */
    function line(seg: Segment): number {
      const k = p.boxes.findIndex((b) => crosses(seg, grow(b, 1)));
      if (k >= 0) return p.owner[k]!;
      p.lines.push(seg);
      return -1;
    }
    /**
     * The label of an arrow: above its line at the middle, then shifted along it, then below.
     * A message that lands later is labelled near where it leaves (the rest is not drawn yet).
     */
    function label(row: number, seg: Segment, early: boolean): boolean {
      const lines = words(row);
      const { w, h } = blockSize(lines, px);
      const ts = early ? [0.15, 0.25, 0.35] : [0.5, 0.4, 0.6, 0.3, 0.7];
      // Between the two lanes (a lost message's line stops short; its label may not).
      const it = rows[row]!.item as Extract<LaneItem, { kind: 'arrow' }>;
      const lo = Math.min(laneX(it.from), laneX(it.to)) + GAP + 1;
      const hi = Math.max(laneX(it.from), laneX(it.to)) - GAP - 1;
      for (const below of [false, true])
        for (const t of ts) {
          const [mx] = along(seg, t);
          const bx = Math.min(Math.max(mx - w / 2, lo), hi - w);
          // The line's height under the box's two ends: the box clears the higher (or lower) one.
          const yAt = (x: number) => {
            const f = Math.min(1, Math.max(0, (x - seg.x1) / (seg.x2 - seg.x1 || 1)));
            return seg.y1 + (seg.y2 - seg.y1) * f;
          };
          const ys = [yAt(bx), yAt(bx + w)];
          const by = below ? Math.max(...ys) + GAP + 1 : Math.min(...ys) - GAP - 1 - h;
          const box = { x: bx, y: by, w, h };
          if (clear(box, true)) {
            add(box, row, true);
            p.labels.push({ row, box, lines });
            bottom = Math.max(bottom, by + h);
            return true;
          }
        }
      return false;
    }
  }

  function draw(p: Placed): LanesLayout {
    const groups: string[] = rows.map(() => '');
    // Lifelines run from the titles down, broken where a tag sits on them.
    let d = '';
    input.lanes.forEach((_, i) => {
      const x = laneX(i);
      const on = p.tags.filter((t) => t.box.x < x && t.box.x + t.box.w > x).map((t) => t.box).sort((a, b) => a.y - b.y);
      let y = titleH;
      for (const b of on) {
        if (b.y > y) d += `M${n(x)},${n(y)}V${n(b.y)}`;
        y = Math.max(y, b.y + b.h);
      }
      d += `M${n(x)},${n(y)}V${p.height}`;
    });
    let body = `<path class="kit-line kit-life" d="${d}"/>`;
    const titleBoxes: Box[] = [];
    titles.forEach((lines, i) => {
      const { w, h } = blockSize(lines, tpx);
      const [x, align] = !edges ? [laneX(i) - w / 2, 'middle'] : i === 0 ? [0, 'start'] : [width - w, 'end'];
      const box = { x, y: pad / 2, w, h };
      titleBoxes.push(box);
      body += `<g class="kit-lane-title" data-lane="${i}">${textBlock(box, lines, tpx, 'kit-b kit-title', align as 'start' | 'middle' | 'end')}</g>`;
    });
    for (const t of p.tags)
      groups[t.row] +=
        `<rect class="kit-tag" x="${n(t.box.x)}" y="${n(t.box.y)}" width="${n(t.box.w)}" height="${n(t.box.h)}" rx="${n(4 * scale)}"/>` +
        textBlock({ ...t.box, y: t.box.y + pad / 2 }, [t.text], px, 'kit-b');
    for (const a of p.arrows) {
      const s = a.seg;
      const d = `M${n(s.x1)},${n(s.y1)}L${n(s.x2)},${n(s.y2)}`;
      let g = `<path class="kit-hit" d="${d}"/><path class="kit-line kit-msg${a.lost ? ' kit-lost' : ''}"${a.lost ? '' : ' pathLength="1"'} d="${d}"/>`;
      if (a.lost) {
        const k = 6 * scale;
        g += `<path class="kit-line kit-x" d="M${n(s.x2 - k)},${n(s.y2 - k)}l${n(2 * k)},${n(2 * k)}m0,${n(-2 * k)}l${n(-2 * k)},${n(2 * k)}"/>`;
      }
      const lbl = p.labels.find((l) => l.row === a.row);
      if (lbl) g += textBlock(lbl.box, lbl.lines, px, 'kit-lbl');
      const tip = a.lost ? '' : `<path class="kit-tip" d="${arrowHead(s.x1, s.y1, s.x2, s.y2, 9 * scale)}"/>`;
      // The arrowhead shows once the message has landed (its landing row).
      groups[a.row] += `<g class="kit-arrow"${a.key === undefined ? '' : ` data-key="${esc(a.key)}"`}>${g}${a.lands === a.row ? tip : ''}</g>`;
      if (a.lands !== a.row) groups[a.lands] += `<g class="kit-landing" data-from="${a.row}">${tip}</g>`;
    }
    for (const l of p.labels) if (rows[l.row]!.item.kind === 'note') groups[l.row] += textBlock(l.box, l.lines, px, 'kit-lbl');
    for (const d of p.dots) groups[d.row] += `<circle class="kit-dot" cx="${n(d.x)}" cy="${n(d.y)}" r="${n(5 * scale)}"/>`;
    for (const t of p.times) groups[t.row] += textBlock({ x: 0, y: t.y, w: timeW - 2 * pad, h: lh }, [t.text], px, 'kit-soft', 'end');
    body += groups.map((g, i) => `<g class="kit-row" data-row="${i}">${g}</g>`).join('');
    return {
      svg: svgRoot(width, p.height, input.label, body, 'kit-lanes', px),
      width,
      ends: p.ends,
      boxes: [...titleBoxes, ...p.boxes],
      lines: p.lines,
    };
  }
}
