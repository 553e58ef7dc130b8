// The course's length-prefixed framing protocol (chapter 6), as the Python side does it:
//
//   h = json.dumps(header, ensure_ascii=A).encode('utf-8')
//   sock.sendall(struct.pack(F, len(h)) + h + body)       # header['file_size'] == len(body)
//
// and the receiver's state machine NEED_LEN(4) → NEED_HEADER(n) → NEED_BODY(file_size) → NEED_LEN.
// Pure and DOM-free: the widget's view and the tests drive the same code.
//
// 'i' here always means little-endian. Python's 'i' is the host's native order, which is
// little-endian on x86-64 and arm64, i.e. on every machine a student is likely to run the course on.

import { FramingError } from './errors.ts';
import { encodeHeader, jsonDumps, pythonLen, type DumpOptions, type Json } from './json.ts';

export { FramingError, type FramingErrorCode } from './errors.ts';
export {
  dumpString,
  encodeHeader,
  encodeUtf8,
  jsonDumps,
  loneSurrogateAt,
  MAX_DEPTH,
  pythonFloatRepr,
  pythonLen,
  type DumpOptions,
  type HeaderValue,
  type Json,
} from './json.ts';
export { mulberry32, randInt, type Rng } from './rng.ts';
export {
  naiveReceive,
  tcpDeliver,
  udpDeliver,
  UDP_MAX_PAYLOAD,
  type NaiveRead,
  type ReadKind,
  type Span,
  type TcpDelivery,
  type TcpOptions,
  type UdpDatagram,
  type UdpDelivery,
  type UdpOptions,
} from './lab.ts';

// ---------------------------------------------------------------------------------------------
// The 4-byte length prefix

export type LengthFormat = 'i' | '!I';

export const LENGTH_FORMATS: readonly LengthFormat[] = ['i', '!I'];

const RANGES: Readonly<Record<LengthFormat, { lo: number; hi: number; what: string }>> = {
  i: { lo: -2147483648, hi: 2147483647, what: "'i' (signed 32-bit, little-endian)" },
  '!I': { lo: 0, hi: 4294967295, what: "'!I' (unsigned 32-bit, big-endian)" },
};

function checkFormat(format: unknown): asserts format is LengthFormat {
  if (format !== 'i' && format !== '!I') {
    throw new RangeError(`The length format must be 'i' or '!I', not ${JSON.stringify(String(format))}.`);
  }
}

/** `struct.pack(format, n)`: 4 bytes. Out of range or not a whole number: RangeError naming the range (Python: struct.error). */
export function packLength(n: number | bigint, format: LengthFormat): Uint8Array {
  checkFormat(format);
  const { lo, hi, what } = RANGES[format];
  const value = typeof n === 'bigint' ? n : Number.isInteger(n) ? BigInt(n) : null;
  if (value === null || value < BigInt(lo) || value > BigInt(hi)) {
    const shown = typeof n === 'bigint' ? `${n}n` : String(n);
    const why = value === null ? 'is not a whole number' : 'is out of range';
    throw new RangeError(`${what} requires ${lo} <= number <= ${hi}; ${shown} ${why}.`);
  }
  const out = new Uint8Array(4);
  const view = new DataView(out.buffer);
  if (format === 'i') view.setInt32(0, Number(value), true);
  else view.setUint32(0, Number(value), false);
  return out;
}

/** `struct.unpack(format, bytes4)[0]`. Anything but exactly 4 bytes is a RangeError, as Python's struct.error. */
export function unpackLength(bytes4: Uint8Array, format: LengthFormat): number {
  checkFormat(format);
  if (bytes4.length !== 4) throw new RangeError(`unpacking a length needs exactly 4 bytes, got ${bytes4.length}.`);
  const view = new DataView(bytes4.buffer, bytes4.byteOffset, 4);
  return format === 'i' ? view.getInt32(0, true) : view.getUint32(0, false);
}

// ---------------------------------------------------------------------------------------------
// Building a frame

export interface FrameOptions extends DumpOptions {
  format: LengthFormat;
}

export type BandKind = 'length' | 'header' | 'body';
export interface Band {
  kind: BandKind;
  start: number;
  end: number;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  let total = 0;
  for (const p of parts) total += p.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * prefix + header bytes + body. The header's file_size is NOT checked against the body: a
 * mismatch is a mistake worth letting a student send and watch the receiver stumble over.
 */
export function encodeFrame(header: unknown, body: Uint8Array, options: FrameOptions): Uint8Array {
  const h = encodeHeader(header, options);
  return concat([packLength(h.length, options.format), h, body]);
}

/** Where the prefix, the header and the body lie in encodeFrame's bytes; always three bands, the body's possibly empty. */
export function frameBands(header: unknown, body: Uint8Array, options: FrameOptions): Band[] {
  checkFormat(options.format);
  const h = encodeHeader(header, options).length;
  return [
    { kind: 'length', start: 0, end: 4 },
    { kind: 'header', start: 4, end: 4 + h },
    { kind: 'body', start: 4 + h, end: 4 + h + body.length },
  ];
}

// ---------------------------------------------------------------------------------------------
// Receiving: the decoder

export type DecoderState = 'need-length' | 'need-header' | 'need-body';

export interface FrameHeader {
  [key: string]: Json;
  file_size: number;
}

export interface Frame {
  header: FrameHeader;
  body: Uint8Array;
}

export interface DecoderOptions {
  format: LengthFormat;
  /** The largest header the receiver accepts; a bigger claim is refused before anything is read. Default 64 KiB. */
  maxHeaderBytes?: number;
  /** The largest file_size the receiver accepts. Default: no limit (bytes are held only as they arrive). */
  maxBodyBytes?: number;
}

export const DEFAULT_MAX_HEADER_BYTES = 64 * 1024;

export type TraceEvent = 'wait' | 'length' | 'header' | 'frame' | 'error';

/** One move of the state machine, for a view that animates need-length → need-header → need-body. */
export interface TraceStep {
  /** The state that took these bytes. */
  state: DecoderState;
  /** How many bytes that state waits for in all (4, the header length, or file_size). */
  need: number;
  /** How many of them it holds after this step. */
  got: number;
  /** Stream offsets (counted from the decoder's first byte) of the bytes taken in this step; may be empty. */
  from: number;
  to: number;
  /**
   * 'wait': the chunk ran out first; 'length': the prefix is complete (see `length`);
   * 'header': the header is parsed (see `header`); 'frame': the body is complete (see `frame`);
   * 'error': the piece was bad (see `error`) and the decoder has stopped.
   */
  event: TraceEvent;
  /** The state after this step. */
  next: DecoderState;
  length?: number;
  header?: FrameHeader;
  frame?: Frame;
  error?: FramingError;
}

export interface TracedPush {
  /** Every frame this chunk completed, in order, including those completed before an error. */
  frames: Frame[];
  steps: TraceStep[];
  /** The error that stopped the decoder, during this push or an earlier one; null if none. */
  error: FramingError | null;
}

/**
 * Holds the bytes of one piece as they arrive. It grows by doubling and never past the piece's
 * size, so it holds at most about twice what has actually arrived: a claimed size is never
 * allocated on trust.
 */
class Accumulator {
  #buf = new Uint8Array(0);
  #length = 0;

  get length(): number {
    return this.#length;
  }

  get capacity(): number {
    return this.#buf.length;
  }

  append(src: Uint8Array, start: number, end: number, need: number): void {
    const n = end - start;
    if (this.#length + n > this.#buf.length) {
      const cap = Math.min(need, Math.max(64, this.#buf.length * 2, this.#length + n));
      const bigger = new Uint8Array(cap);
      bigger.set(this.#buf.subarray(0, this.#length));
      this.#buf = bigger;
    }
    this.#buf.set(src.subarray(start, end), this.#length);
    this.#length += n;
  }

  take(): Uint8Array {
    const out = this.#buf.length === this.#length ? this.#buf : this.#buf.slice(0, this.#length);
    this.#buf = new Uint8Array(0);
    this.#length = 0;
    return out;
  }
}

const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function hexOf(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
}

function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function preview(text: string): string {
  const shown = text.length > 80 ? `${text.slice(0, 40)}…${text.slice(-30)}` : text;
  return JSON.stringify(shown);
}

function parseHeader(bytes: Uint8Array, maxBodyBytes: number, offset: number): FrameHeader {
  let text: string;
  try {
    text = utf8Decoder.decode(bytes);
  } catch {
    throw new FramingError(
      'bad-utf8',
      `The ${bytes.length} header bytes are not valid UTF-8, so Python's .decode('utf-8') raises UnicodeDecodeError. ` +
        'A length prefix counted in characters (len(header_str)) instead of bytes cuts the header short, sometimes in the middle of a character.',
      { length: bytes.length, offset },
    );
  }
  let value: unknown;
  try {
    // Python's json.loads also accepts NaN and Infinity; JSON.parse does not. A header with
    // them is refused here, which no course header is.
    value = JSON.parse(text);
  } catch {
    const hint =
      bytes.length === 0
        ? 'The header is empty.'
        : 'If the text stops early, the length prefix was too small: for example len(header_str) (characters) instead of len(header_bytes).';
    throw new FramingError(
      'bad-json',
      `The header is not a complete JSON text: ${preview(text)}. Python's json.loads raises JSONDecodeError. ${hint}`,
      { length: bytes.length, text, offset },
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new FramingError(
      'header-not-object',
      `The header is JSON but not an object {...}: ${preview(text)}. The receiver needs a dict to read "file_size" from.`,
      { text, offset },
    );
  }
  const header = value as Record<string, Json>;
  if (!Object.hasOwn(header, 'file_size')) {
    throw new FramingError(
      'missing-file-size',
      `The header ${preview(text)} has no "file_size" key, so the receiver cannot tell where the body ends.`,
      { text, offset },
    );
  }
  const size = header['file_size'];
  let why: string | null = null;
  if (typeof size !== 'number') why = `is ${size === null ? 'null' : typeof size === 'object' ? 'not a number' : `a ${typeof size}`}`;
  else if (!Number.isInteger(size)) why = 'is not a whole number of bytes';
  else if (size < 0) why = 'is negative';
  else if (!Number.isSafeInteger(size)) why = 'is beyond 2^53 − 1, too big to count exactly';
  if (why !== null) {
    throw new FramingError('bad-file-size', `"file_size": ${JSON.stringify(size)} ${why}; it must be a whole number of bytes, 0 or more.`, {
      value: JSON.stringify(size),
      offset,
    });
  }
  if ((size as number) > maxBodyBytes) {
    throw new FramingError(
      'body-too-large',
      `"file_size" is ${grouped(size as number)} bytes, more than this receiver's limit of ${grouped(maxBodyBytes)}.`,
      { size: size as number, limit: maxBodyBytes, offset },
    );
  }
  return header as FrameHeader;
}

function checkLimit(name: string, n: number): void {
  if (!(n >= 0) || (!Number.isSafeInteger(n) && n !== Infinity)) {
    throw new RangeError(`${name} must be a whole number, 0 or more (or Infinity), not ${n}.`);
  }
}

/**
 * The receiver's state machine. Feed it chunks exactly as recv() returned them; any way of cutting
 * the same stream gives the same frames.
 *
 * After a FramingError the decoder is failed for good: the stream is out of step and nothing
 * after the bad piece can be trusted, so every later push throws that same error (and pushTraced
 * reports it). Start a new decoder for a new connection.
 */
export class FrameDecoder {
  readonly format: LengthFormat;
  readonly maxHeaderBytes: number;
  readonly maxBodyBytes: number;

  #state: DecoderState = 'need-length';
  #need = 4;
  #prefix = new Uint8Array(4);
  #prefixGot = 0;
  #acc = new Accumulator();
  #header: FrameHeader | null = null;
  #offset = 0;
  #error: FramingError | null = null;

  constructor(options: DecoderOptions) {
    checkFormat(options.format);
    this.format = options.format;
    this.maxHeaderBytes = options.maxHeaderBytes ?? DEFAULT_MAX_HEADER_BYTES;
    this.maxBodyBytes = options.maxBodyBytes ?? Infinity;
    checkLimit('maxHeaderBytes', this.maxHeaderBytes);
    checkLimit('maxBodyBytes', this.maxBodyBytes);
  }

  get state(): DecoderState {
    return this.#state;
  }

  /** Bytes held for the piece being read (prefix, header or body); 0 between frames. */
  get buffered(): number {
    return this.#state === 'need-length' ? this.#prefixGot : this.#acc.length;
  }

  /** Bytes the current piece needs in all. */
  get need(): number {
    return this.#need;
  }

  /** Memory reserved for the current piece: at most max(64, 2 × buffered), whatever the prefix claims. */
  get allocated(): number {
    return this.#state === 'need-length' ? 4 : this.#acc.capacity;
  }

  /** Stream bytes consumed so far. */
  get offset(): number {
    return this.#offset;
  }

  /** The error that stopped the decoder, or null. */
  get error(): FramingError | null {
    return this.#error;
  }

  /** Every frame this chunk completes, in order. Throws FramingError on bad input (and forever after). */
  push(chunk: Uint8Array): Frame[] {
    if (this.#error) throw this.#error;
    const frames: Frame[] = [];
    this.#feed(chunk, frames, null);
    if (this.#error) throw this.#error;
    return frames;
  }

  /** Like push, but never throws a FramingError: it returns the steps taken, the frames, and the error if any. */
  pushTraced(chunk: Uint8Array): TracedPush {
    const frames: Frame[] = [];
    const steps: TraceStep[] = [];
    if (this.#error) {
      const at = this.#offset;
      steps.push({ state: this.#state, need: this.#need, got: this.buffered, from: at, to: at, event: 'error', next: this.#state, error: this.#error });
    } else {
      this.#feed(chunk, frames, steps);
    }
    return { frames, steps, error: this.#error };
  }

  #feed(chunk: Uint8Array, frames: Frame[], steps: TraceStep[] | null): void {
    let i = 0;
    for (;;) {
      const state = this.#state;
      const need = this.#need;
      const from = this.#offset;
      const missing = need - this.buffered;
      if (missing > 0) {
        if (i >= chunk.length) return;
        const take = Math.min(missing, chunk.length - i);
        if (state === 'need-length') {
          this.#prefix.set(chunk.subarray(i, i + take), this.#prefixGot);
          this.#prefixGot += take;
        } else {
          this.#acc.append(chunk, i, i + take, need);
        }
        i += take;
        this.#offset += take;
        if (take < missing) {
          steps?.push({ state, need, got: this.buffered, from, to: this.#offset, event: 'wait', next: state });
          return;
        }
      }
      // The piece is complete (a zero-length one is complete at once: file_size 0 needs no bytes).
      const base = { state, need, got: need, from, to: this.#offset };
      try {
        if (state === 'need-length') {
          const length = this.#readLength();
          this.#enter('need-header', length);
          steps?.push({ ...base, event: 'length', next: 'need-header', length });
        } else if (state === 'need-header') {
          const header = parseHeader(this.#acc.take(), this.maxBodyBytes, this.#offset - need);
          this.#header = header;
          this.#enter('need-body', header.file_size);
          steps?.push({ ...base, event: 'header', next: 'need-body', header });
        } else {
          const frame: Frame = { header: this.#header as FrameHeader, body: this.#acc.take() };
          this.#header = null;
          frames.push(frame);
          this.#enter('need-length', 4);
          steps?.push({ ...base, event: 'frame', next: 'need-length', frame });
        }
      } catch (e) {
        if (!(e instanceof FramingError)) throw e;
        this.#error = e;
        steps?.push({ ...base, event: 'error', next: state, error: e });
        return;
      }
    }
  }

  #enter(state: DecoderState, need: number): void {
    this.#state = state;
    this.#need = need;
    this.#prefixGot = 0;
  }

  #readLength(): number {
    const n = unpackLength(this.#prefix, this.format);
    const params = { prefix: hexOf(this.#prefix), claimed: n, limit: this.maxHeaderBytes, format: this.format, offset: this.#offset - 4 };
    if (n < 0) {
      throw new FramingError(
        'negative-length',
        `The length prefix ${params.prefix} unpacks with '${this.format}' to ${grouped(n)}: a header cannot have a negative length ` +
          `(Python's recv(${n}) raises ValueError). The bytes are probably not a prefix: the stream is out of step.`,
        params,
      );
    }
    if (n > this.maxHeaderBytes) {
      throw new FramingError(
        'header-too-large',
        `The length prefix ${params.prefix} unpacks with '${this.format}' to ${grouped(n)} header bytes, over this receiver's ` +
          `${grouped(this.maxHeaderBytes)}-byte limit. Do sender and receiver use the same format? Bytes packed with 'i' ` +
          `(little-endian) and unpacked with '!I' (big-endian) come out this large. A plain Python receiver would wait for ` +
          `${grouped(n)} bytes that never come, or run out of memory.`,
        params,
      );
    }
    return n;
  }
}

// ---------------------------------------------------------------------------------------------
// Whole runs and the "mistakes to try" (W8)

/** What a receiver made of a whole byte stream. */
export type Received =
  /** Every byte formed whole frames; the decoder is back at need-length with nothing held. */
  | { kind: 'frames'; frames: Frame[] }
  /** The bytes ran out inside a piece: a Python receiver would block in recv() for ever. */
  | { kind: 'stuck'; frames: Frame[]; state: DecoderState; need: number; buffered: number }
  | { kind: 'error'; frames: Frame[]; error: FramingError };

/** Feeds `bytes` to a fresh decoder, all at once. */
export function receive(bytes: Uint8Array, options: DecoderOptions): Received {
  const decoder = new FrameDecoder(options);
  const { frames, error } = decoder.pushTraced(bytes);
  if (error) return { kind: 'error', frames, error };
  if (decoder.state !== 'need-length' || decoder.buffered > 0) {
    return { kind: 'stuck', frames, state: decoder.state, need: decoder.need, buffered: decoder.buffered };
  }
  return { kind: 'frames', frames };
}

export interface Mistake {
  /** The bytes the sender put on the wire. */
  sent: Uint8Array;
  received: Received;
}

/**
 * Mistake (a): the sender packs the length with 'i' (little-endian), the receiver unpacks with
 * '!I' (big-endian). For a 39-byte header, 27 00 00 00 reads back as 0x27000000 = 654,311,424.
 * A smaller misreading (≤ maxHeaderBytes) leaves the receiver stuck waiting instead.
 */
export function mistakeByteOrder(
  header: unknown,
  body: Uint8Array,
  options: DumpOptions & { maxHeaderBytes?: number } = {},
): Mistake {
  const sent = encodeFrame(header, body, { format: 'i', ensureAscii: options.ensureAscii ?? true });
  const decoderOptions: DecoderOptions = { format: '!I' };
  if (options.maxHeaderBytes !== undefined) decoderOptions.maxHeaderBytes = options.maxHeaderBytes;
  return { sent, received: receive(sent, decoderOptions) };
}

/**
 * Mistake (b): the prefix says len(header_str), the number of characters, instead of the number
 * of bytes. With ensure_ascii=True every character is one byte, so nothing goes wrong; with
 * ensure_ascii=False any non-ASCII character makes the prefix too small, the receiver parses a
 * cut-off header ('bad-json', or 'bad-utf8' if the cut splits a character).
 */
export function mistakeCharCount(header: unknown, body: Uint8Array, options: FrameOptions): Mistake {
  const text = jsonDumps(header, options);
  const headerBytes = encodeHeader(header, options);
  const sent = concat([packLength(pythonLen(text), options.format), headerBytes, body]);
  return { sent, received: receive(sent, { format: options.format }) };
}

export type SizeInPrefix = { kind: 'packed'; sent: Uint8Array } | { kind: 'sender-error'; error: RangeError };

/**
 * Mistake (c): putting the file's size itself in the 4-byte field. A file over 2^31 − 1 bytes
 * (2 GiB) does not fit 'i', nor over 2^32 − 1 '!I': struct.pack raises before anything is sent.
 * That is why the course keeps file_size in the JSON header.
 */
export function mistakeSizeInPrefix(fileSize: number | bigint, format: LengthFormat = 'i'): SizeInPrefix {
  try {
    return { kind: 'packed', sent: packLength(fileSize, format) };
  } catch (e) {
    if (e instanceof RangeError) return { kind: 'sender-error', error: e };
    throw e;
  }
}
