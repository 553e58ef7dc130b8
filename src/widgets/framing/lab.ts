// The sticky-packet lab (W7): what happens to N send() calls on the way to the receiver.
// TCP delivers one byte stream whose segment and recv() boundaries have nothing to do with the
// sender's writes (RFC 9293 §3.7); UDP delivers each datagram whole, or not at all.
//
// Every run is a pure function of its messages, its options and a seed, so a URL can replay it.
// The model is a teaching model, not a network simulator: it keeps the rules that decide where the
// cuts fall and replaces timing with seeded coin flips.

import { mulberry32, randInt, type Rng } from './rng.ts';

export interface Span {
  start: number;
  end: number;
}

export interface TcpOptions {
  seed: number;
  /** Maximum segment size. Default: drawn from the seed between 3 and 12, small enough for "hello" to be cut. */
  mss?: number;
  /** Nagle's algorithm (RFC 9293 §3.7.4); off (TCP_NODELAY) by default. */
  nagle?: boolean;
  /** The n in recv(n). */
  recvSize?: number;
}

export interface TcpDelivery {
  /** The sender's writes, concatenated: all TCP carries. */
  stream: Uint8Array;
  /** Where each send() call's bytes lie in the stream (empty writes included, with start === end). */
  writes: Span[];
  /** The segments on the wire, in order; each holds 1..mss bytes. */
  segments: Span[];
  /** What each recv() returned, in order; each holds 1..recvSize bytes. */
  reads: Span[];
  /** The MSS this run used. */
  mss: number;
}

// Chances of the events the model does not time: an ACK coming back between two writes (Nagle),
// the send window being open right after a write (no Nagle), and one more segment having arrived
// before the receiver gets round to recv().
const P_ACK = 0.35;
const P_WINDOW_OPEN = 0.7;
const P_ONE_MORE_SEGMENT = 0.5;

function checkWhole(name: string, n: number, min: number): void {
  if (!Number.isSafeInteger(n) || n < min) throw new RangeError(`${name} must be a whole number >= ${min}, not ${n}.`);
}

function checkSeed(seed: number): void {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, not ${seed}.`);
}

function concat(messages: readonly Uint8Array[]): { stream: Uint8Array; writes: Span[] } {
  const writes: Span[] = [];
  let total = 0;
  for (const m of messages) {
    writes.push({ start: total, end: total + m.length });
    total += m.length;
  }
  const stream = new Uint8Array(total);
  messages.forEach((m, i) => stream.set(m, writes[i]?.start ?? 0));
  return { stream, writes };
}

/**
 * Cuts the written bytes into segments. Without Nagle a write goes out at once when the window is
 * open, in MSS-sized pieces; when it is shut, writes queue and later leave together, so even
 * TCP_NODELAY does not keep boundaries. With Nagle, a segment smaller than the MSS leaves only
 * when nothing is in flight, so small writes made while waiting for an ACK coalesce.
 */
function segment(writes: readonly Span[], mss: number, nagle: boolean, rng: Rng): Span[] {
  const segments: Span[] = [];
  let sent = 0;
  let written = 0;
  let inFlight = false;
  const send = (end: number) => {
    segments.push({ start: sent, end });
    sent = end;
    inFlight = true;
  };
  const sendFull = () => {
    while (written - sent >= mss) send(sent + mss);
  };
  for (const w of writes) {
    written = w.end;
    const coin = rng(); // drawn whatever the mode, so a run's later draws do not depend on it
    if (nagle) {
      if (coin < P_ACK) inFlight = false;
      sendFull();
      if (!inFlight && written > sent) send(written);
    } else if (coin < P_WINDOW_OPEN) {
      sendFull();
      if (written > sent) send(written);
    }
  }
  // After the last write, ACKs come back and the window opens: the rest leaves in MSS pieces.
  while (sent < written) send(Math.min(sent + mss, written));
  return segments;
}

/**
 * Each recv() blocks until the segment holding its first byte has arrived; by then a few more may
 * have too. It returns what has arrived, at most recvSize bytes.
 */
function read(segments: readonly Span[], total: number, recvSize: number, rng: Rng): Span[] {
  const reads: Span[] = [];
  let pos = 0;
  let arrived = -1; // index of the last segment that has arrived
  while (pos < total) {
    while ((segments[arrived]?.end ?? 0) <= pos) arrived++;
    while (arrived < segments.length - 1 && rng() < P_ONE_MORE_SEGMENT) arrived++;
    const end = Math.min(pos + recvSize, segments[arrived]?.end ?? total);
    reads.push({ start: pos, end });
    pos = end;
  }
  return reads;
}

/** N send() calls over TCP: one stream, cut into seeded segments and seeded recv() reads. */
export function tcpDeliver(messages: readonly Uint8Array[], options: TcpOptions): TcpDelivery {
  const { seed, nagle = false, recvSize = 1024 } = options;
  checkSeed(seed);
  checkWhole('recvSize', recvSize, 1);
  // Two generators, so that changing what the receiver does never changes what the sender did.
  const sendRng = mulberry32(seed);
  const recvRng = mulberry32(seed ^ 0x5bd1e995);
  const mss = options.mss ?? randInt(sendRng, 3, 12);
  checkWhole('mss', mss, 1);
  const { stream, writes } = concat(messages);
  const segments = segment(writes, mss, nagle, sendRng);
  return { stream, writes, segments, reads: read(segments, stream.length, recvSize, recvRng), mss };
}

/** The largest UDP payload over IPv4 (65,535 − 8-byte UDP header − 20-byte IP header). */
export const UDP_MAX_PAYLOAD = 65507;

export interface UdpOptions {
  seed: number;
  /** Chance that a datagram is lost, 0..1. Default 0. */
  lossRate?: number;
  /** Let datagrams overtake each other (only neighbours a few places apart). Default false. */
  reorder?: boolean;
  /** The n in recvfrom(n). Default: no limit. A smaller n shows Linux cutting a datagram short (the rest is discarded). */
  recvSize?: number;
}

export interface UdpDatagram {
  /** Which send() this was, counting from 0. */
  index: number;
  data: Uint8Array;
  /** recvfrom(n) was smaller than the datagram; the rest is gone. */
  truncated: boolean;
}

export interface UdpDelivery {
  /** In arrival order. Each is exactly one send(): never glued to another, never split. */
  delivered: UdpDatagram[];
  /** Indexes of the lost datagrams, in send order. */
  lost: number[];
}

/** N sendto() calls over UDP: each datagram arrives whole or not at all, maybe out of order. */
export function udpDeliver(messages: readonly Uint8Array[], options: UdpOptions): UdpDelivery {
  const { seed, lossRate = 0, reorder = false, recvSize = Infinity } = options;
  checkSeed(seed);
  if (!(lossRate >= 0 && lossRate <= 1)) throw new RangeError(`lossRate must be between 0 and 1, not ${lossRate}.`);
  if (recvSize !== Infinity) checkWhole('recvSize', recvSize, 1);
  const rng = mulberry32(seed);
  const arrivals: Array<{ index: number; at: number }> = [];
  const lost: number[] = [];
  messages.forEach((m, index) => {
    if (m.length > UDP_MAX_PAYLOAD) {
      throw new RangeError(
        `datagram ${index} has ${m.length} bytes; a UDP datagram over IPv4 carries at most ${UDP_MAX_PAYLOAD} (Python's sendto raises OSError: message too long).`,
      );
    }
    const lose = rng() < lossRate;
    const jitter = rng() * 3; // drawn always, so toggling reorder keeps the same losses
    if (lose) lost.push(index);
    else arrivals.push({ index, at: index + (reorder ? jitter : 0) });
  });
  arrivals.sort((a, b) => a.at - b.at || a.index - b.index);
  const delivered = arrivals.map(({ index }): UdpDatagram => {
    const m = messages[index] ?? new Uint8Array(0);
    return { index, data: m.slice(0, Math.min(m.length, recvSize)), truncated: m.length > recvSize };
  });
  return { delivered, lost };
}

export type ReadKind = 'whole' | 'glued' | 'split' | 'glued-and-split';

export interface NaiveRead extends Span {
  bytes: Uint8Array;
  /** The bytes as text, with U+FFFD where a character was cut. */
  text: string;
  /** False when the read cut a multi-byte character: Python's .decode('utf-8') would raise here. */
  validUtf8: boolean;
  /** With the writes given: the messages this read holds parts of, and whether each part is the whole message. */
  pieces?: Array<{ message: number; start: number; end: number; whole: boolean }>;
  /** With the writes given: one whole message, several glued together, a part of one, or both. */
  kind?: ReadKind;
}

const lenient = new TextDecoder('utf-8', { ignoreBOM: true });
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** What a receiver without framing sees: each recv() taken as one message. */
export function naiveReceive(reads: readonly Span[], stream: Uint8Array, writes?: readonly Span[]): NaiveRead[] {
  return reads.map(({ start, end }) => {
    const bytes = stream.slice(start, end);
    let validUtf8 = true;
    try {
      strict.decode(bytes);
    } catch {
      validUtf8 = false;
    }
    const out: NaiveRead = { start, end, bytes, text: lenient.decode(bytes), validUtf8 };
    if (writes) {
      const pieces: NonNullable<NaiveRead['pieces']> = [];
      writes.forEach((w, message) => {
        const s = Math.max(start, w.start);
        const e = Math.min(end, w.end);
        if (s < e) pieces.push({ message, start: s, end: e, whole: s === w.start && e === w.end });
      });
      const allWhole = pieces.every((p) => p.whole);
      out.pieces = pieces;
      out.kind = pieces.length > 1 ? (allWhole ? 'glued' : 'glued-and-split') : allWhole ? 'whole' : 'split';
    }
    return out;
  });
}
