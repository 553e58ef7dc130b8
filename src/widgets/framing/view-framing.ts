// What the framing builder (W8) shows, as pure functions of its inputs: the header the reader
// typed (or why it cannot be built), the decoder run over the frame cut into recv() chunks, the
// narration of each step, the three mistakes, and the URL state. The static figure and the live
// widget both call these; the behaviour itself lives in model.ts.
import {
  encodeFrame,
  encodeHeader,
  FrameDecoder,
  FramingError,
  jsonDumps,
  loneSurrogateAt,
  mistakeByteOrder,
  mistakeCharCount,
  mistakeSizeInPrefix,
  mulberry32,
  pythonLen,
  randInt,
  unpackLength,
  type DecoderState,
  type Frame,
  type LengthFormat,
  type Received,
  type TraceStep,
} from './model.ts';
import { clip, errorText, fill, hex, int, pack, readable, stateName, unpack, type Strings } from './view-format.ts';
import type { ByteSpan, BytesSpec } from '../kit/draw/bytes.ts';

export interface FramingState {
  name: string;
  /** '' = follow the body's UTF-8 length. */
  size: string;
  /** A JSON object whose keys join the header; '' = none. */
  extra: string;
  body: string;
  fmt: LengthFormat;
  ascii: boolean;
  /** Cut the length prefix 3+1 in the decoder run. */
  split: boolean;
  seed: number;
}

export const FRAMING_DEFAULT: FramingState = { name: 'a.txt', size: '', extra: '', body: 'hello world', fmt: '!I', ascii: false, split: false, seed: 1 };

/** Input caps: the body's UTF-8 bytes, the header's bytes; and how many frame bytes are drawn. */
export const BODY_CAP = 1 << 20;
export const HEADER_CAP = 4096;
export const SHOW_CAP = 4096;

const enc = new TextEncoder();
export const utf8 = (s: string): Uint8Array => enc.encode(s);

export type Field = 'name' | 'size' | 'extra';
export type Built =
  | { ok: true; header: Record<string, unknown>; hlen: number; frame: Uint8Array }
  | { ok: false; field: Field; message: string };

const MAX_SIZE = 2n ** 64n - 1n;

/** header = {"file_name": …, "file_size": …, **extra}, then the frame; or the field at fault and why. */
export function buildFrame(s: FramingState, body: Uint8Array, t: Strings): Built {
  const bad = (field: Field, message: string): Built => ({ ok: false, field, message });
  let size: number | bigint = body.length;
  if (s.size.trim()) {
    if (!/^\s*\d+\s*$/.test(s.size)) return bad('size', t.badSize!);
    const big = BigInt(s.size.trim());
    if (big > MAX_SIZE) return bad('size', t.sizeRange!);
    size = big > BigInt(Number.MAX_SAFE_INTEGER) ? big : Number(big);
  }
  let extra: unknown = {};
  if (s.extra.trim()) {
    try {
      extra = JSON.parse(s.extra);
    } catch {
      return bad('extra', t.badJson!);
    }
    if (typeof extra !== 'object' || extra === null || Array.isArray(extra)) return bad('extra', t.notObject!);
  }
  const header = { file_name: s.name, file_size: size, ...(extra as object) };
  try {
    const frame = encodeFrame(header, body, { format: s.fmt, ensureAscii: s.ascii });
    const hlen = frame.length - 4 - body.length;
    if (hlen > HEADER_CAP) return bad(s.extra.trim() ? 'extra' : 'name', fill(t.headerCap, { n: hlen }));
    return { ok: true, header, hlen, frame };
  } catch (e) {
    return bad(loneSurrogateAt(s.name) >= 0 || !s.extra.trim() ? 'name' : 'extra', errorText(t, e));
  }
}

/** The four Python lines that put the frame on the wire, as the toggles have them. */
export const pyLines = (s: FramingState): string[] => [
  `header_bytes = json.dumps(header, ensure_ascii=${s.ascii ? 'True' : 'False'}).encode('utf-8')`,
  `conn.sendall(struct.pack('${s.fmt}', len(header_bytes)))`,
  'conn.sendall(header_bytes)',
  'conn.sendall(body)',
];


export interface DecodeStep {
  /** Which recv() chunk (1-based), whether this is its first step, the chunk and where it starts in the stream. */
  k: number;
  first: boolean;
  chunk: Uint8Array;
  at: number;
  /** The decoder's move; absent on the closing "stuck" step. */
  t?: TraceStep;
  /** Frames completed so far. */
  frames: number;
  /** After the last byte: the decoder still waits in `state`, holding `got` of the `need` bytes. */
  stuck?: { state: DecoderState; got: number; need: number };
}

export interface DecodeRun {
  /** The bytes the decoder was fed, and where each frame lies in them. */
  stream: Uint8Array;
  frameAt: number[];
  chunks: number;
  steps: DecodeStep[];
  frames: Frame[];
}

/**
 * Feeds `stream` to a FrameDecoder in 4–8 seeded recv() chunks (with `split`, the prefixes of
 * the frames at 0 and `second` arrive as 3 + 1 bytes), one step per move of the state machine.
 */
export function decodeRun(stream: Uint8Array, fmt: LengthFormat, seed: number, split: boolean, second: number): DecodeRun {
  const frameAt = [0, second];
  const rng = mulberry32(seed);
  const cuts = new Set<number>(split ? [3, second + 3] : []);
  for (let n = randInt(rng, 3, 7); n > 0; n--) cuts.add(randInt(rng, 1, stream.length - 1));
  // With `split`, no other cut falls inside the two prefixes: they arrive exactly as 3 + 1 bytes.
  const inPrefix = (c: number) => split && ((c > 0 && c < 3) || (c > second && c < second + 3));
  const at = [0, ...[...cuts].filter((c) => c > 0 && c < stream.length && !inPrefix(c)).sort((a, b) => a - b), stream.length];
  const decoder = new FrameDecoder({ format: fmt });
  const steps: DecodeStep[] = [];
  const frames: Frame[] = [];
  let k = 0;
  for (; k < at.length - 1; k++) {
    const start = at[k]!;
    const chunk = stream.subarray(start, at[k + 1]);
    const r = decoder.pushTraced(chunk);
    r.steps.forEach((t, i) => {
      if (t.frame) frames.push(t.frame);
      steps.push({ k: k + 1, first: i === 0, chunk, at: start, t, frames: frames.length });
    });
    if (r.error) return { stream, frameAt, chunks: k + 1, steps, frames };
  }
  if (decoder.state !== 'need-length' || decoder.buffered) {
    steps.push({ k, first: false, chunk: new Uint8Array(0), at: stream.length, frames: frames.length, stuck: { state: decoder.state, got: decoder.buffered, need: decoder.need } });
  }
  return { stream, frameAt, chunks: k, steps, frames };
}

/** The reader's frame followed by the stream_demo's second one, decoded with the reader's format. */
export function frameRun(frame: Uint8Array, s: FramingState): DecodeRun {
  const second = encodeFrame({ file_name: '网络编程笔记.txt', file_size: 6 }, utf8('你好'), { format: s.fmt, ensureAscii: s.ascii });
  const stream = new Uint8Array(frame.length + second.length);
  stream.set(frame);
  stream.set(second, frame.length);
  return decodeRun(stream, s.fmt, s.seed, s.split, frame.length);
}

/** Bytes of the stream drawn in the picture; the rest is counted beside it. */
export const PIC_CAP = 256;

/**
 * The stream as bytes() draws it at position `p` of the run: coloured by part (length prefix,
 * header, body) in each frame, the frames named under them, a marker where each recv() chunk so
 * far ended, the bytes the decoder takes in this step framed, the bytes yet to arrive pending.
 */
export function framePicture(run: DecodeRun, fmt: LengthFormat, p: number, t: Strings): Omit<BytesSpec, 'view' | 'width' | 'scale'> {
  const { stream, frameAt } = run;
  const bands: ByteSpan[] = [];
  const groups: ByteSpan[] = [];
  frameAt.forEach((at, i) => {
    const end = frameAt[i + 1] ?? stream.length;
    const hlen = end - at >= 4 ? unpackLength(stream.subarray(at, at + 4), fmt) : 0;
    const h = Math.min(end, at + 4 + Math.max(0, hlen));
    bands.push({ start: at, end: at + 4, label: t.length!, tone: 2, raw: true }, { start: at + 4, end: h, label: t.headerBand!, tone: 1 }, { start: h, end, label: t.bodyBand!, tone: 3 });
    groups.push({ start: at, end, label: fill(t.frameN, { i: i + 1 }) });
  });
  const step = run.steps[p - 1];
  const cuts: Array<{ at: number; label: string }> = [];
  for (const st of run.steps.slice(0, p)) if (st.first && st.chunk.length) cuts.push({ at: st.at + st.chunk.length, label: fill(t.cut, { k: st.k }) });
  return {
    bytes: stream,
    bands: bands.filter((b) => b.end > b.start),
    groups,
    cuts,
    highlight: step?.t ? { start: step.t.from, end: step.t.to } : null,
    pending: step ? step.at + step.chunk.length : 0,
    max: PIC_CAP,
    label: t.pic!,
  };
}

/** What a step says, in the reader's language. */
export function narrateDecode(step: DecodeStep, run: DecodeRun, fmt: LengthFormat, t: Strings): string {
  const { t: m, stuck } = step;
  if (stuck) return fill(t.nStuck, { s: stateName(t, stuck.state), n: stuck.need - stuck.got });
  if (!m) return '';
  const head = step.first ? fill(t.nRecv, { k: step.k, n: run.chunks, len: step.chunk.length }) + t.sep : '';
  const p = { s: stateName(t, m.state), next: stateName(t, m.next), got: m.got, need: m.need, f: fmt, n: m.length ?? m.need, size: m.header?.file_size, i: step.frames };
  return head + (m.event === 'error' ? fill(t.nError, { e: errorText(t, m.error) }) : fill(t[`n-${m.event}`], p));
}

/** A frame as the decoder handed it over: its header as json.dumps writes it, its body's size and text (Chinese as characters). */
export const frameText = (f: Frame, i: number, t: Strings): string =>
  fill(t.frame, { i, h: jsonDumps(f.header, { ensureAscii: false }), n: f.body.length, b: clip(readable(f.body.subarray(0, 64))) + (f.body.length > 64 ? '…' : '') });

function received(r: Received, t: Strings): string {
  if (r.kind === 'error') return errorText(t, r.error);
  if (r.kind === 'stuck') return fill(t.stuck, { s: stateName(t, r.state), need: r.need, got: r.buffered });
  return t.fine!;
}

export type MistakeId = 'a' | 'b' | 'c';

export interface MistakeStory {
  /** What the sender and the receiver did. */
  lines: string[];
  /** How the receiver fares: the error it ends in (or that it does not fail). */
  error: string;
  /** The receiver took every frame: the mistake did no harm this time. */
  ok: boolean;
  why?: string;
}

/** One of the three mistakes, made with the reader's header and body. */
export function mistake(id: MistakeId, built: Extract<Built, { ok: true }>, body: Uint8Array, s: FramingState, t: Strings): MistakeStory {
  let header = built.header;
  try {
    if (id === 'a') {
      const m = mistakeByteOrder(header, body, { ensureAscii: s.ascii });
      const prefix = m.sent.subarray(0, 4);
      const n = unpackLength(prefix, 'i');
      return { lines: [fill(t.aSent, { n, hex: hex(prefix), claimed: unpackLength(prefix, '!I') })], error: received(m.received, t), ok: m.received.kind === 'frames' };
    }
    if (id === 'b') {
      const lines: string[] = [];
      // With an all-ASCII header, characters and bytes agree whatever ensure_ascii says: the mistake needs a Chinese name to show.
      if (!/[^\0-\x7f]/.test(jsonDumps(header, { ensureAscii: false }))) {
        header = { ...header, file_name: '网络编程笔记.pdf' };
        lines.push(t.bSub!);
      }
      // The checkbox's ensure_ascii, as the Python lines above say: with True nothing breaks, and the story says why.
      const ensureAscii = s.ascii;
      const text = jsonDumps(header, { ensureAscii });
      const m = mistakeCharCount(header, body, { format: s.fmt, ensureAscii });
      lines.push(fill(t.bSent, { a: ensureAscii ? 'True' : 'False', chars: pythonLen(text), bytes: encodeHeader(header, { ensureAscii }).length }));
      const ok = m.received.kind === 'frames';
      return { lines, error: received(m.received, t), ok, ...(ok && ensureAscii ? { why: t.bWhyAscii! } : {}) };
    }
    // A 3 GiB file: over 2^31 − 1, the most a signed 4-byte 'i' holds.
    const m = mistakeSizeInPrefix(3221225472, 'i');
    return { lines: [t.cSent!], error: m.kind === 'sender-error' ? errorText(t, m.error, true) : hex(m.sent), ok: false, why: t.cWhy! };
  } catch (e) {
    if (!(e instanceof FramingError || e instanceof RangeError)) throw e;
    return { lines: [], error: errorText(t, e), ok: false };
  }
}

// ---- URL state: f1.<format i|n><ensure_ascii 0|1><split 0|1>.<seed>.<step>[.<name>.<size>.<extra>.<body>]

const TEXT_IN_URL = 600;

export function encodeFraming(s: FramingState, step: number): string {
  const fields: Array<string | number> = [`${s.fmt === 'i' ? 'i' : 'n'}${+s.ascii}${+s.split}`, s.seed, step];
  const text = [s.name, s.size, s.extra, s.body];
  if (text.reduce((n, x) => n + x.length, 0) <= TEXT_IN_URL) fields.push(...text);
  return pack('f1', fields);
}

export function decodeFraming(value: string | null): { state: FramingState; step: number } | null {
  const p = unpack('f1', value);
  if (!p || (p.length !== 3 && p.length !== 7)) return null;
  const [flags = '', seed, step, name, size, extra, body] = p;
  const n = int(seed, 0, 2 ** 31 - 1);
  const k = int(step, 0, 99999);
  if (!/^[in][01][01]$/.test(flags) || n === null || k === null || p.join('').length > TEXT_IN_URL + 40) return null;
  const state: FramingState = { ...FRAMING_DEFAULT, fmt: flags[0] === 'i' ? 'i' : '!I', ascii: flags[1] === '1', split: flags[2] === '1', seed: n };
  if (body !== undefined) Object.assign(state, { name, size, extra, body });
  return { state, step: k };
}
