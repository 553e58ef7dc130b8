// The geometry the label solver and the layout tests share: boxes, segments and whether they meet.

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
/** A straight piece of a drawn line, from (x1, y1) to (x2, y2). */
export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export const grow = (b: Box, by: number): Box => ({ x: b.x - by, y: b.y - by, w: b.w + 2 * by, h: b.h + 2 * by });

export const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

export const inside = (a: Box, outer: Box): boolean =>
  a.x >= outer.x && a.y >= outer.y && a.x + a.w <= outer.x + outer.w && a.y + a.h <= outer.y + outer.h;

/** True when the segment passes through the box's interior (Liang–Barsky clipping). */
export function crosses(s: Segment, b: Box): boolean {
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  let t0 = 0;
  let t1 = 1;
  const edges: Array<[number, number]> = [
    [-dx, s.x1 - b.x],
    [dx, b.x + b.w - s.x1],
    [-dy, s.y1 - b.y],
    [dy, b.y + b.h - s.y1],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q <= 0) return false;
    } else {
      const r = q / p;
      if (p < 0) t0 = Math.max(t0, r);
      else t1 = Math.min(t1, r);
      if (t0 >= t1) return false;
    }
  }
  return t1 - t0 > 1e-9;
}

/** A polyline's points (x0, y0, x1, y1, …) as segments. */
export function segments(points: readonly number[]): Segment[] {
  const out: Segment[] = [];
  for (let i = 2; i + 1 < points.length; i += 2) out.push({ x1: points[i - 2]!, y1: points[i - 1]!, x2: points[i]!, y2: points[i + 1]! });
  return out;
}

/** The point a fraction `t` of the way along a segment. */
export const along = (s: Segment, t: number): [number, number] => [s.x1 + (s.x2 - s.x1) * t, s.y1 + (s.y2 - s.y1) * t];
