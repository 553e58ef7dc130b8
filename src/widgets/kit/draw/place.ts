// The label solver: a label goes at the first of its candidate spots (in the caller's order of
// preference: above the middle of its line, below, shifted along it, beside) that stays inside
// the picture and touches no drawn line and no other label. Placed labels become obstacles for
// the next ones. When no spot is free the caller is told, and makes room (a taller row, a wrap);
// a label is never dropped on top of something.
import { crosses, grow, inside, overlaps, type Box, type Segment } from './geom.ts';

/** Clearance kept between a label and anything else, in px. */
export const GAP = 3;

export class Obstacles {
  readonly boxes: Box[] = [];
  readonly lines: Segment[] = [];
  readonly bounds: Box;
  // A plain field, not a parameter property: Node runs this file with type stripping only.
  constructor(bounds: Box) {
    this.bounds = bounds;
  }

  /** Whether `b` is free: inside the bounds, clear of every box and line by GAP. */
  free(b: Box, ignore?: ReadonlySet<Segment>): boolean {
    if (!inside(b, this.bounds)) return false;
    const g = grow(b, GAP);
    return !this.boxes.some((o) => overlaps(g, o)) && !this.lines.some((l) => !ignore?.has(l) && crosses(l, g));
  }

  /** The first free candidate, now taken (an obstacle for later labels), or null. */
  place(candidates: Iterable<Box>): Box | null {
    for (const c of candidates)
      if (this.free(c)) {
        this.boxes.push(c);
        return c;
      }
    return null;
  }
}
