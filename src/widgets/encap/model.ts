// Encapsulation (W1, its second half): a message wrapped by TCP or UDP, IPv4 and Ethernet, with
// the real sizes (no IP options; TCP with or without the 12-byte timestamps option Linux sends by
// default), the Ethernet padding up to the 46-byte minimum payload, the FCS, and on the wire the
// preamble, SFD and inter-frame gap. Pure: the sizes are checked against content/examples/
// encapsulation.py, which builds the same frames byte by byte with struct and zlib.crc32.

export type Transport = 'tcp' | 'udp';

export interface EncapOptions {
  /** Application bytes (the UTF-8 length of the text, or a count). */
  bytes: number;
  transport: Transport;
  /** TCP only: the timestamps option (12 bytes with its padding), on by default in Linux. */
  timestamps: boolean;
}

export type PartKind = 'data' | 'tcp' | 'udp' | 'ip' | 'eth' | 'pad' | 'fcs' | 'pre' | 'ifg' | 'inner';
export interface Part {
  kind: PartKind;
  bytes: number;
}
export type LayerKey = 'application' | 'transport' | 'network' | 'link' | 'physical';
/** What the data is called at each layer (a TCP segment, a UDP datagram, an IP packet …). */
export type Unit = 'message' | 'segment' | 'datagram' | 'packet' | 'frame' | 'bits';

export interface Layer {
  layer: LayerKey;
  unit: Unit;
  /** In order on the wire; 'inner' is the whole of the layer above. */
  parts: Part[];
  /** The unit's length in bytes (physical: the bytes sent for the frame, gap not counted). */
  total: number;
}

export const HEADER = { tcp: 20, tcpTimestamps: 32, udp: 8, ip: 20, eth: 14, fcs: 4, preamble: 8, gap: 12 } as const;
/** Ethernet's smallest payload (a 64-byte frame) and its largest, the MTU. */
export const ETH_MIN_PAYLOAD = 46;
export const MTU = 1500;

export const transportHeader = (o: Pick<EncapOptions, 'transport' | 'timestamps'>): number =>
  o.transport === 'udp' ? HEADER.udp : o.timestamps ? HEADER.tcpTimestamps : HEADER.tcp;

/** The most application bytes one frame carries (TCP: the MSS; UDP: 1472, more and IP fragments). */
export const maxBytes = (o: Pick<EncapOptions, 'transport' | 'timestamps'>): number => MTU - HEADER.ip - transportHeader(o);

export class EncapError extends Error {
  readonly key: 'not-a-count' | 'too-big';
  readonly limit: number;
  constructor(key: EncapError['key'], limit: number) {
    super(key);
    this.key = key;
    this.limit = limit;
  }
}

/** The five layers, top down: each wraps the one before it. Throws EncapError for a size no frame carries. */
export function encapsulate(o: EncapOptions): Layer[] {
  const max = maxBytes(o);
  if (!Number.isInteger(o.bytes) || o.bytes < 0) throw new EncapError('not-a-count', max);
  if (o.bytes > max) throw new EncapError('too-big', max);
  const th = transportHeader(o);
  const seg = th + o.bytes;
  const packet = HEADER.ip + seg;
  const pad = Math.max(0, ETH_MIN_PAYLOAD - packet);
  const frame = HEADER.eth + packet + pad + HEADER.fcs;
  return [
    { layer: 'application', unit: 'message', parts: [{ kind: 'data', bytes: o.bytes }], total: o.bytes },
    { layer: 'transport', unit: o.transport === 'tcp' ? 'segment' : 'datagram', parts: [{ kind: o.transport, bytes: th }, { kind: 'inner', bytes: o.bytes }], total: seg },
    { layer: 'network', unit: 'packet', parts: [{ kind: 'ip', bytes: HEADER.ip }, { kind: 'inner', bytes: seg }], total: packet },
    {
      layer: 'link',
      unit: 'frame',
      parts: [{ kind: 'eth', bytes: HEADER.eth }, { kind: 'inner', bytes: packet }, ...(pad ? [{ kind: 'pad' as const, bytes: pad }] : []), { kind: 'fcs', bytes: HEADER.fcs }],
      total: frame,
    },
    { layer: 'physical', unit: 'bits', parts: [{ kind: 'pre', bytes: HEADER.preamble }, { kind: 'inner', bytes: frame }, { kind: 'ifg', bytes: HEADER.gap }], total: HEADER.preamble + frame },
  ];
}

/** The wire time one frame takes (preamble to gap, in byte times) and the share of it that is the message. */
export function onTheWire(layers: readonly Layer[]): { byteTimes: number; efficiency: number } {
  const byteTimes = layers[4]!.total + HEADER.gap;
  return { byteTimes, efficiency: layers[0]!.total / byteTimes };
}

// ---- state in a link: "t" / "u", "s" when TCP carries timestamps, then "~" and the message:
// a byte count ("n1460") or the text as base64url of its UTF-8 ("xaGVsbG8"). Example: t~xaGVsbG8.

export interface EncapState {
  transport: Transport;
  timestamps: boolean;
  /** The message as text, or a byte count. */
  message: string | number;
}

export const DEFAULT_STATE: EncapState = { transport: 'tcp', timestamps: false, message: 'hello' };

export const utf8Length = (s: string): number => new TextEncoder().encode(s).length;
export const bytesOf = (m: string | number): number => (typeof m === 'number' ? m : utf8Length(m));

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function b64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const v = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const k = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let j = 0; j < k; j++) out += B64[(v >> (18 - 6 * j)) & 63];
  }
  return out;
}

function unb64url(s: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) return null;
  const out: number[] = [];
  for (let i = 0; i < s.length; i += 4) {
    const chunk = s.slice(i, i + 4);
    let v = 0;
    for (let j = 0; j < 4; j++) v = (v << 6) | (j < chunk.length ? B64.indexOf(chunk[j]!) : 0);
    const n = chunk.length - 1;
    for (let j = 0; j < n; j++) out.push((v >> (16 - 8 * j)) & 255);
  }
  return new Uint8Array(out);
}

export function encodeState(s: EncapState): string {
  const head = `${s.transport === 'tcp' ? 't' : 'u'}${s.transport === 'tcp' && s.timestamps ? 's' : ''}`;
  const m = typeof s.message === 'number' ? `n${s.message}` : `x${b64url(new TextEncoder().encode(s.message))}`;
  return `${head}~${m}`;
}

/** A link's state, or null for anything that is not one this widget could have written (never throws). */
export function decodeState(raw: string): EncapState | null {
  const m = /^([tu])(s?)~(?:n(\d{1,4})|x([A-Za-z0-9_-]{0,2000}))$/.exec(raw);
  if (!m) return null;
  const transport: Transport = m[1] === 't' ? 'tcp' : 'udp';
  if (transport === 'udp' && m[2]) return null;
  let message: string | number;
  if (m[3] !== undefined) message = Number(m[3]);
  else {
    const bytes = unb64url(m[4]!);
    if (!bytes) return null;
    try {
      message = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return null;
    }
  }
  const state = { transport, timestamps: m[2] === 's', message };
  try {
    encapsulate({ bytes: bytesOf(message), transport, timestamps: state.timestamps });
  } catch {
    return null;
  }
  return state;
}

/** A link's value: the state, a dot, the step (0 … 4). Null for anything else (never throws). */
export function parseLink(raw: string): { state: EncapState; step: number } | null {
  const m = /^([^.]*)\.([0-4])$/.exec(raw);
  const state = m ? decodeState(m[1]!) : null;
  return state ? { state, step: Number(m![2]) } : null;
}
