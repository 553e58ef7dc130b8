// A seeded PRNG, so a lab run is a pure function of its seed: the same link replays the same
// segments and reads. Mulberry32 is tiny, fast and good enough for picking cut points; it is not
// for anything that needs real randomness.

export type Rng = () => number;

/** Mulberry32: a generator of floats in [0, 1) from a 32-bit seed (other numbers are truncated to 32 bits). */
export function mulberry32(seed: number): Rng {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [lo, hi], both included. */
export function randInt(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}
