// What the sticky-packet lab (W7) shows, as pure functions of its settings: one run of the model
// (TCP segments and recv() reads, the naive or the framing receiver, the UDP lane), walked as a
// list of steps with their narration, and the URL state. Used by the static figure and the widget.
import {
  encodeFrame,
  FrameDecoder,
  naiveReceive,
  tcpDeliver,
  udpDeliver,
  type DecoderState,
  type NaiveRead,
  type Span,
  type TcpDelivery,
} from './model.ts';
import { fill, int, pack, pyBytes, stateName, unpack, type Strings } from './view-format.ts';
import type { ByteSpan, BytesSpec } from '../kit/draw/bytes.ts';
import { utf8 } from './view-framing.ts';

export interface LabState {
  msgs: string[];
  seed: number;
  /** 0 = let the seed pick it. */
  mss: number;
  nagle: boolean;
  recv: number;
  framing: boolean;
  /** UDP loss, in percent. */
  loss: number;
  /** Show the run recorded on Linux (RecordedSticky) in place of the model's. */
  rec?: boolean;
}

/**
 * The sticky example as Linux ran it (content/captures/sticky.json, read at build time by
 * StickyLab.astro and handed to the widget with the page): the send() calls, the data bytes of
 * each TCP segment the client sent, what each recv() returned, and what it ran on.
 */
export interface RecordedSticky {
  sent: string[];
  segs: number[];
  received: string[];
  kernel: string;
  python: string;
}

/** The recording's facts from a capture (Node side: StickyLab.astro, the tests). */
export function recordedSticky(c: { recordedWith: { kernel: string; python: string }; segments: { dir: string; len: number }[]; sticky: { sent: string[]; received: string[] } }): RecordedSticky {
  const segs = c.segments.filter((g) => g.dir === 'c>s' && g.len > 0).map((g) => g.len);
  return { sent: c.sticky.sent, segs, received: c.sticky.received, kernel: c.recordedWith.kernel, python: c.recordedWith.python };
}

/** Byte counts laid end to end: spans of one stream. */
const spans = (lens: number[]): Span[] => {
  let at = 0;
  return lens.map((n) => ({ start: at, end: (at += n) }));
};

/** Seed 19 shows the course's example: recv() gets b'hel', then b'loworld'; UDP loses one of the two. */
export const LAB_DEFAULT: LabState = { msgs: ['hello', 'world'], seed: 19, mss: 0, nagle: false, recv: 1024, framing: false, loss: 30 };
/** At most this many messages of at most this many characters. */
export const MAX_MSGS = 8;
export const MAX_CHARS = 32;

export interface DecoderView {
  state: DecoderState;
  got: number;
  need: number;
  /** Bodies completed so far. */
  frames: Uint8Array[];
}

export type LabStep =
  | { kind: 'seg'; i: number; span: Span }
  | { kind: 'read'; i: number; read: NaiveRead; dec?: DecoderView }
  | { kind: 'udp'; i: number; lost: boolean };

export interface LabRun {
  /** What each send() wrote: the message, or its frame. */
  sent: Uint8Array[];
  tcp: TcpDelivery;
  steps: LabStep[];
}

/** The run: segments arrive as the reads need them, each read goes to the receiver, then UDP. */
export function labRun(s: LabState, rec?: RecordedSticky): LabRun {
  if (s.rec && rec) {
    // The recording: its writes, its segments, its recv() results, and no UDP (none was recorded).
    const sent = rec.sent.map(utf8);
    const writes = spans(sent.map((b) => b.length));
    const stream = utf8(rec.sent.join(''));
    const tcp = { stream, writes, segments: spans(rec.segs), reads: spans(rec.received.map((r) => utf8(r).length)), mss: 65495 };
    const steps: LabStep[] = [];
    let seg = 0;
    naiveReceive(tcp.reads, stream, writes).forEach((read, i) => {
      for (; seg < tcp.segments.length && tcp.segments[seg]!.start < read.end; seg++) steps.push({ kind: 'seg', i: seg, span: tcp.segments[seg]! });
      steps.push({ kind: 'read', i, read });
    });
    return { sent, tcp, steps };
  }
  const raw = s.msgs.map(utf8);
  const sent = s.framing ? raw.map((b) => encodeFrame({ file_size: b.length }, b, { format: '!I', ensureAscii: false })) : raw;
  const tcp = tcpDeliver(sent, { seed: s.seed, nagle: s.nagle, recvSize: s.recv, ...(s.mss ? { mss: s.mss } : {}) });
  const decoder = s.framing ? new FrameDecoder({ format: '!I' }) : null;
  const frames: Uint8Array[] = [];
  const steps: LabStep[] = [];
  let seg = 0;
  naiveReceive(tcp.reads, tcp.stream, tcp.writes).forEach((read, i) => {
    for (; seg < tcp.segments.length && tcp.segments[seg]!.start < read.end; seg++) steps.push({ kind: 'seg', i: seg, span: tcp.segments[seg]! });
    if (!decoder) {
      steps.push({ kind: 'read', i, read });
      return;
    }
    // The frames are built here, so the decoder never meets bad input: pushTraced has no error to report.
    frames.push(...decoder.pushTraced(read.bytes).frames.map((f) => f.body));
    steps.push({ kind: 'read', i, read, dec: { state: decoder.state, got: decoder.buffered, need: decoder.need, frames: [...frames] } });
  });
  const { lost } = udpDeliver(raw, { seed: s.seed, lossRate: s.loss / 100 });
  raw.forEach((_, i) => steps.push({ kind: 'udp', i, lost: lost.includes(i) }));
  return { sent, tcp, steps };
}

export function narrateLab(step: LabStep, run: LabRun, s: LabState, t: Strings): string {
  const { stream, segments } = run.tcp;
  if (step.kind === 'seg') {
    const b = stream.subarray(step.span.start, step.span.end);
    return fill(t.nSeg, { k: step.i + 1, n: segments.length, len: b.length, b: pyBytes(b) });
  }
  if (step.kind === 'udp') {
    return fill(t.nUdp, { k: step.i + 1, b: pyBytes(utf8(s.msgs[step.i] ?? '')), what: step.lost ? t.lost : t.arrived });
  }
  const { read, dec } = step;
  const said = [fill(t.nRead, { size: s.recv, k: step.i + 1, b: pyBytes(read.bytes) })];
  if (!dec) said.push(t[`k-${read.kind}`]!, read.validUtf8 ? '' : t.badUtf8!);
  else said.push(fill(t.nDec, { s: stateName(t, dec.state), got: dec.got, need: dec.need }), dec.frames.length ? fill(t.nFrames, { list: dec.frames.map((f) => pyBytes(f)).join(', ') }) : '');
  return said.filter(Boolean).join(t.sep);
}

/**
 * The TCP stream as bytes() draws it at position `p`: coloured and named by the send() it came
 * from (with framing, each message's length prefix, header and body named under it), a marker
 * where each recv() so far stopped, this step's segment or read framed, bytes yet to arrive pending.
 */
export function labPicture(run: LabRun, s: LabState, p: number, t: Strings): Omit<BytesSpec, 'view' | 'width' | 'scale'> {
  const { stream, writes } = run.tcp;
  const bands: ByteSpan[] = writes.map((w, i) => ({ ...w, label: fill(t.msgN, { i: i + 1 }), tone: (i % 6) + 1 }));
  const groups: ByteSpan[] = [];
  const [len, header, body] = t.parts!.split(',');
  if (s.framing)
    writes.forEach((w, i) => {
      const h = w.end - utf8(s.msgs[i] ?? '').length;
      groups.push({ start: w.start, end: w.start + 4, label: len! }, { start: w.start + 4, end: h, label: header! }, { start: h, end: w.end, label: body! });
    });
  const cuts: Array<{ at: number; label: string }> = [];
  let pending = 0;
  const done = run.steps.slice(0, p);
  for (const st of done) {
    if (st.kind === 'seg') pending = st.span.end;
    else if (st.kind === 'read') cuts.push({ at: st.read.end, label: fill(t.cut, { k: st.i + 1 }) });
  }
  const now = done[p - 1];
  const highlight = now?.kind === 'seg' ? now.span : now?.kind === 'read' ? { start: now.read.start, end: now.read.end } : null;
  // Bands that are empty (an empty message) draw nothing.
  return { bytes: stream, bands: bands.filter((b) => b.end > b.start), groups: groups.filter((g) => g.end > g.start), cuts, highlight, pending, max: 1024, label: t.pic! };
}

/** The n in recv(n) that makes the read in progress at byte `k` stop there (a boundary the reader clicked). */
export function recvFor(run: LabRun, k: number): number {
  const r = run.tcp.reads.find((r) => r.start < k && k <= r.end) ?? { start: 0 };
  return Math.max(1, Math.min(1024, k - r.start));
}

// ---- URL state: s1.<seed>.<mss>.<nagle 0|1><framing 0|1>[1: the recording].<recv>.<loss>.<step>.<message>…

export function encodeLab(s: LabState, step: number): string {
  return pack('s1', [s.seed, s.mss, `${+s.nagle}${+s.framing}${s.rec ? 1 : ''}`, s.recv, s.loss, step, ...s.msgs]);
}

export function decodeLab(value: string | null): { state: LabState; step: number } | null {
  const p = unpack('s1', value);
  if (!p || p.length < 7 || p.length > 6 + MAX_MSGS) return null;
  const [seed, mss, flags = '', recv, loss, step] = p;
  const msgs = p.slice(6);
  const n = [int(seed, 0, 2 ** 31 - 1), int(mss, 0, 64), int(recv, 1, 1024), int(loss, 0, 100), int(step, 0, 9999)];
  if (n.includes(null) || !/^[01][01]1?$/.test(flags) || msgs.some((m) => [...m].length > MAX_CHARS)) return null;
  const [sd, ms, rv, ls, k] = n as number[];
  return { state: { msgs, seed: sd!, mss: ms!, nagle: flags[0] === '1', framing: flags[1] === '1', recv: rv!, loss: ls!, ...(flags[2] ? { rec: true } : {}) }, step: k! };
}
