// W9 Upload progress: the receiver's loop of upload.py (chapter 6), pure and seeded.
//
//     remaining = size
//     while remaining:                                   # the no-min variant: while remaining > 0
//         chunk = conn.recv(min(CHUNK, remaining))       # the no-min variant: conn.recv(CHUNK)
//         if not chunk:
//             raise ConnectionError(f'peer closed after {size - remaining} of {size} bytes')
//         remaining -= len(chunk)
//
// The sender's stream is frame 1 (length prefix '!I' + JSON header + body), then frame 2, as
// framing.py's pack_header builds them. The receiver has read frame 1's prefix and header exactly
// (recv_header); the model runs the body loop. Before each recv the network delivers a seeded
// number of bytes (or everything at once: `arrival: 'all'`, the sender wrote both frames before the
// receiver started reading); each recv returns at most what was asked and at most what has arrived.
// The no-min variant loops while remaining > 0 (the notes' `while recv_size < file_size`): with
// `while remaining:` an overshoot makes remaining negative, still true, and the loop would read on.
import { md5Hex } from './md5.ts';

export type Md5Mode = 'none' | 'match' | 'mismatch';
export interface UploadScenario {
  /** Body bytes of file 1 (frame 1's file_size). */
  size: number;
  /** CHUNK in recv(min(CHUNK, remaining)). */
  chunk: number;
  /** recv(min(CHUNK, remaining)) (true) or recv(CHUNK) (false). */
  useMin: boolean;
  /** The sender closes after this many body bytes (the connection drops mid-way); null: it sends all. */
  dropAt: number | null;
  /** An md5 in frame 1's header: none, the body's, or one that does not match what arrives. */
  md5: Md5Mode;
  /** The arrival pattern's seed; 0 = everything has arrived before the first recv. */
  seed: number;
}

export const LIMITS = { size: { min: 1, max: 1_000_000 }, chunk: { min: 1, max: 65_536 }, calls: 400, seed: 999 } as const;
export const FILE2 = { name: 'b.txt', body: 'hello from b.txt\n'.repeat(7) } as const;

export interface Frame {
  start: number;
  /** End of the 4-byte length prefix. */
  prefixEnd: number;
  /** End of the JSON header (the body starts here). */
  headerEnd: number;
  end: number;
  header: Record<string, string | number>;
}
export interface RecvCall {
  /** What the loop asked for: recv(asked). */
  asked: number;
  /** How many bytes came back (0 = b''). */
  got: number;
  /** Stream offsets of the bytes returned. */
  start: number;
  end: number;
  /** Bytes the network had delivered when the call returned. */
  arrived: number;
  remainingBefore: number;
  remainingAfter: number;
  /** How many of the returned bytes belong to frame 2. */
  fromNext: number;
}
export type Outcome =
  | { kind: 'saved'; md5?: string }
  | { kind: 'closed'; got: number; size: number }
  | { kind: 'md5-mismatch'; expected: string; actual: string }
  | { kind: 'overrun'; extra: number; nextPrefix: number[] };
export interface UploadRun {
  scenario: UploadScenario;
  stream: Uint8Array;
  frames: Frame[];
  /** Bytes the sender put on the wire before closing (or all of them). */
  sent: number;
  calls: RecvCall[];
  /** What file 1 ends up holding. */
  file: Uint8Array;
  outcome: Outcome;
}

export type Check<T> = { ok: true; value: T } | { ok: false; field: 'size' | 'chunk' | 'calls' | 'seed' | 'state'; min?: number; max?: number };

const enc = new TextEncoder();

/** Python's json.dumps(h, ensure_ascii=False) for a flat dict of ASCII strings and ints. */
export const dumps = (h: Record<string, string | number>): string =>
  `{${Object.entries(h).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')}}`;

/** framing.py's pack_header(header) + body. */
export function packFrame(header: Record<string, string | number>, body: Uint8Array): Uint8Array {
  const h = enc.encode(dumps(header));
  const out = new Uint8Array(4 + h.length + body.length);
  new DataView(out.buffer).setUint32(0, h.length);
  out.set(h, 4);
  out.set(body, 4 + h.length);
  return out;
}

/** File 1's body: readable text, the same for any reader ("line 1\nline 2\n…"), cut at `size`. */
export function bodyOf(size: number): Uint8Array {
  let s = '';
  for (let i = 1; s.length < size; i++) s += `line ${i}\n`;
  return enc.encode(s.slice(0, size));
}

/** mulberry32: small, fast, reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The scenario checked against LIMITS (whole numbers in range; the loop's calls bounded). */
export function checkScenario(s: UploadScenario): Check<UploadScenario> {
  for (const f of ['size', 'chunk'] as const) {
    const v = s[f];
    if (!Number.isSafeInteger(v) || v < LIMITS[f].min || v > LIMITS[f].max) return { ok: false, field: f, min: LIMITS[f].min, max: LIMITS[f].max };
  }
  if (!Number.isSafeInteger(s.seed) || s.seed < 0 || s.seed > LIMITS.seed) return { ok: false, field: 'seed', min: 0, max: LIMITS.seed };
  if (s.dropAt !== null && (!Number.isSafeInteger(s.dropAt) || s.dropAt < 0 || s.dropAt >= s.size)) return { ok: false, field: 'state' };
  // Arrivals average over half a chunk, so the loop makes at most about 2 × size / chunk calls.
  if (Math.ceil(s.size / s.chunk) * 2 > LIMITS.calls) return { ok: false, field: 'calls', max: Math.floor(LIMITS.calls / 2) };
  return { ok: true, value: s };
}

/** Runs the receiver's loop over the sender's stream. Throws a RangeError for a scenario checkScenario refuses. */
export function runUpload(s: UploadScenario): UploadRun {
  const c = checkScenario(s);
  if (!c.ok) throw new RangeError(`upload scenario out of range: ${c.field}`);
  const body = bodyOf(s.size);
  const header: Record<string, string | number> = { file_name: 'a.txt', file_size: s.size };
  if (s.md5 !== 'none') {
    // mismatch: the header carries the md5 of the file as it was when the client hashed it; one byte changed since.
    const hashed = body.slice();
    const mid = Math.floor(s.size / 2);
    if (s.md5 === 'mismatch') hashed[mid] = hashed[mid]! ^ 0x01;
    header.md5 = md5Hex(hashed);
  }
  const f1 = packFrame(header, body);
  const b2 = enc.encode(FILE2.body);
  const f2 = packFrame({ file_name: FILE2.name, file_size: b2.length }, b2);
  const stream = new Uint8Array(f1.length + f2.length);
  stream.set(f1);
  stream.set(f2, f1.length);
  const h1 = f1.length - s.size;
  const frames: Frame[] = [
    { start: 0, prefixEnd: 4, headerEnd: h1, end: f1.length, header },
    { start: f1.length, prefixEnd: f1.length + 4, headerEnd: f2.length - b2.length + f1.length, end: stream.length, header: { file_name: FILE2.name, file_size: b2.length } },
  ];
  const bodyStart = h1;
  const sent = s.dropAt === null ? stream.length : bodyStart + s.dropAt;
  const random = rng(s.seed);
  // Everything up to the body has been read by recv_header; what has arrived beyond it is seeded.
  let arrived = s.seed === 0 ? sent : Math.min(sent, bodyStart);
  let pos = bodyStart;
  let remaining = s.size;
  const calls: RecvCall[] = [];
  let outcome: Outcome | null = null;
  while (s.useMin ? remaining !== 0 : remaining > 0) {
    const asked = s.useMin ? Math.min(s.chunk, remaining) : s.chunk;
    // Before the call returns, a seeded piece of the stream arrives (at least one byte, if any is left to send).
    if (arrived === pos && arrived < sent) arrived = Math.min(sent, arrived + 1 + Math.floor(random() * 1.5 * s.chunk));
    else if (arrived < sent && random() < 0.5) arrived = Math.min(sent, arrived + Math.floor(random() * s.chunk));
    const got = Math.min(asked, arrived - pos);
    const call: RecvCall = { asked, got, start: pos, end: pos + got, arrived, remainingBefore: remaining, remainingAfter: remaining - got, fromNext: Math.max(0, pos + got - Math.max(pos, frames[0]!.end)) };
    calls.push(call);
    if (got === 0) {
      outcome = { kind: 'closed', got: s.size - remaining, size: s.size };
      call.remainingAfter = remaining;
      break;
    }
    pos += got;
    remaining -= got;
  }
  const file = stream.slice(bodyStart, pos);
  if (!outcome) {
    const extra = pos - frames[0]!.end;
    if (extra > 0) outcome = { kind: 'overrun', extra, nextPrefix: [...stream.subarray(pos, pos + 4)] };
    else if (s.md5 !== 'none') {
      const actual = md5Hex(file);
      outcome = actual === header.md5 ? { kind: 'saved', md5: actual } : { kind: 'md5-mismatch', expected: String(header.md5), actual };
    } else outcome = { kind: 'saved' };
  }
  return { scenario: s, stream, frames, sent, calls, file, outcome };
}

export const PRESETS = {
  normal: { size: 3000, chunk: 1024, useMin: true, dropAt: null, md5: 'none', seed: 7 },
  'no-min': { size: 3000, chunk: 1024, useMin: false, dropAt: null, md5: 'none', seed: 0 },
  drop: { size: 3000, chunk: 1024, useMin: true, dropAt: 1800, md5: 'none', seed: 7 },
  'md5-ok': { size: 3000, chunk: 1024, useMin: true, dropAt: null, md5: 'match', seed: 7 },
  'md5-bad': { size: 3000, chunk: 1024, useMin: true, dropAt: null, md5: 'mismatch', seed: 7 },
} as const satisfies Record<string, UploadScenario>;
export type PresetName = keyof typeof PRESETS;
export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];

/** The link state: size.chunk.flags.seed.step, flags from m (no min: n), d<dropAt>, h (md5) / x (mismatched md5). */
export function encodeState(s: UploadScenario, step: number): string {
  const flags = `${s.useMin ? 'm' : 'n'}${s.md5 === 'match' ? 'h' : s.md5 === 'mismatch' ? 'x' : ''}${s.dropAt === null ? '' : `d${s.dropAt}`}`;
  return `${s.size}.${s.chunk}.${flags}.${s.seed}.${step}`;
}

export function decodeState(v: string): Check<{ scenario: UploadScenario; step: number }> {
  const m = /^(\d{1,7})\.(\d{1,5})\.([mn])([hx]?)(?:d(\d{1,7}))?\.(\d{1,3})\.(\d{1,3})$/.exec(v);
  if (!m) return { ok: false, field: 'state' };
  const scenario: UploadScenario = {
    size: Number(m[1]),
    chunk: Number(m[2]),
    useMin: m[3] === 'm',
    md5: m[4] === 'h' ? 'match' : m[4] === 'x' ? 'mismatch' : 'none',
    dropAt: m[5] === undefined ? null : Number(m[5]),
    seed: Number(m[6]),
  };
  const c = checkScenario(scenario);
  if (!c.ok) return { ok: false, field: 'state' };
  const step = Number(m[7]);
  if (step > runUpload(scenario).calls.length + 1) return { ok: false, field: 'state' };
  return { ok: true, value: { scenario, step } };
}

/** The preset a scenario is, if any (for the select). */
export function presetOf(s: UploadScenario): PresetName | null {
  return PRESET_NAMES.find((p) => encodeState(PRESETS[p], 0) === encodeState(s, 0)) ?? null;
}

/** Reads a typed size or chunk: a whole number of bytes, or why not. */
export function parseBytes(text: string, field: 'size' | 'chunk'): Check<number> {
  const t = text.trim().replace(/[_,\s]/g, '');
  const { min, max } = LIMITS[field];
  if (!/^-?\d+$/.test(t)) return { ok: false, field, min, max };
  const v = Number(t);
  if (!Number.isSafeInteger(v) || v < min || v > max) return { ok: false, field, min, max };
  return { ok: true, value: v };
}
