// Real packets (content/captures/*.json, recorded by scripts/capture.py): the TCP segments Linux sent
// on lo while the course's own examples ran. Pure code, no file system, so a widget can import it:
// the types, the check of one file's data, and the two views the tests and widgets need, the phases
// (handshake, data, close) and the canonical form (what the programs fix, without the segments that
// only the kernel's timers decide).

export const CAPTURE_SCENARIOS = ['echo', 'sticky', 'upload', 'refused', 'time-wait'] as const;
export type CaptureScenario = (typeof CAPTURE_SCENARIOS)[number];

/** The flag sets a capture may hold, written as scripts/capture.py writes them (bit order FIN…CWR). */
export const CAPTURE_FLAGS = ['SYN', 'SYN,ACK', 'ACK', 'PSH,ACK', 'FIN,ACK', 'FIN,PSH,ACK', 'RST', 'RST,ACK'] as const;
export type CaptureFlags = (typeof CAPTURE_FLAGS)[number];
export type Direction = 'c>s' | 's>c';

export interface TcpOptions {
  /** Maximum segment size the sender accepts (SYN only): 65495 on lo, see scripts/capture.py. */
  mss?: number;
  sackPermitted?: true;
  /** [TSval, TSecr]: per-connection random offsets, never compared. */
  ts?: [number, number];
  /** Window scale shift (SYN only). */
  wscale?: number;
  /** SACK blocks (absolute numbers), e.g. a D-SACK after a retransmission. */
  sack?: [number, number][];
  /** Option kinds the recorder does not name. */
  unknown?: number[];
}

export interface Segment {
  /** Milliseconds since the first segment (kernel timestamps, 0.001 ms). */
  t_ms: number;
  dir: Direction;
  flags: CaptureFlags;
  /** Relative to the sender's ISN (raw when the sender sent no SYN, as the RST of a closed port). */
  seq: number;
  /** Relative to the peer's ISN; null when the ACK flag is off. */
  ack: number | null;
  /** Payload bytes. */
  len: number;
  /** The raw 16-bit window field (not scaled). */
  win: number;
  options: TcpOptions;
}

interface CaptureBase {
  recordedWith: { kernel: string; python: string; date: string };
  /** The real ports of that run: ephemeral, different every time. */
  ports: { client: number; server: number };
  isn: { client: number; server: number | null };
  /** Whose FIN came first; null when no FIN was sent (refused). */
  closedFirst: 'client' | 'server' | null;
  /** What ran, as a student would type it (the port of that run). */
  commands: string[];
  segments: Segment[];
}

export type Capture =
  | (CaptureBase & { scenario: 'echo'; echo: { sent: string[]; echoed: string[] } })
  | (CaptureBase & { scenario: 'sticky'; sticky: { sent: string[]; received: string[]; output: string } })
  | (CaptureBase & { scenario: 'upload'; upload: { file: string; size: number; reply: Record<string, unknown> } })
  | (CaptureBase & { scenario: 'refused'; refused: { error: string; exitCode: number } })
  | (CaptureBase & { scenario: 'time-wait'; timeWait: string[] });

/** The capture of one scenario, with its own facts typed. */
export type CaptureOf<K extends CaptureScenario> = Extract<Capture, { scenario: K }>;
/** All five, by scenario. */
export type Captures = { [K in CaptureScenario]: CaptureOf<K> };

/** The key of each scenario's own facts. */
const FACTS_KEY: Record<CaptureScenario, string> = {
  echo: 'echo',
  sticky: 'sticky',
  upload: 'upload',
  refused: 'refused',
  'time-wait': 'timeWait',
};

export class CaptureError extends Error {
  override name = 'CaptureError';
}

const U32 = 2 ** 32;
type Json = Record<string, unknown>;
const isObj = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const isInt = (x: unknown, min: number, max: number): x is number => Number.isInteger(x) && (x as number) >= min && (x as number) <= max;
const isText = (x: unknown): x is string => typeof x === 'string' && x.trim() !== '';
const isTexts = (x: unknown, min = 1): x is string[] => Array.isArray(x) && x.length >= min && x.every((s) => typeof s === 'string');

/**
 * Checks one capture's data and returns it typed. `file` names it in every message
 * ("content/captures/echo.json: segments[3].flags: …"); `scenario` is the name the file should hold.
 */
export function parseCapture(data: unknown, file: string, scenario?: string): Capture {
  const fail = (msg: string): never => {
    throw new CaptureError(`${file}: ${msg}`);
  };
  if (!isObj(data)) return fail('expected a JSON object.');
  const name = data.scenario;
  if (!(CAPTURE_SCENARIOS as readonly unknown[]).includes(name)) fail(`"scenario" must be one of ${CAPTURE_SCENARIOS.join(', ')}, not ${JSON.stringify(name)}.`);
  if (scenario !== undefined && name !== scenario) fail(`"scenario" is ${JSON.stringify(name)} but the file is named for "${scenario}".`);
  const facts = FACTS_KEY[name as CaptureScenario];
  const keys = ['scenario', 'recordedWith', 'ports', 'isn', 'closedFirst', 'commands', 'segments', facts];
  for (const k of keys) if (!(k in data)) fail(`"${k}" is missing.`);
  const extra = Object.keys(data).filter((k) => !keys.includes(k));
  if (extra.length) fail(`unknown key(s) ${extra.join(', ')}.`);

  const rw = data.recordedWith;
  if (!isObj(rw) || !isText(rw.kernel) || typeof rw.python !== 'string' || !/^\d+\.\d+\.\d+/.test(rw.python)
    || typeof rw.date !== 'string' || Number.isNaN(Date.parse(rw.date))) {
    fail('"recordedWith" needs { kernel, python (e.g. "3.11.7"), date (ISO 8601) }.');
  }
  const ports = data.ports;
  if (!isObj(ports) || !isInt(ports.client, 1, 65535) || !isInt(ports.server, 1, 65535)) fail('"ports" needs { client, server }, each 1–65535.');
  const isn = data.isn;
  if (!isObj(isn) || !isInt(isn.client, 0, U32 - 1) || !(isn.server === null || isInt(isn.server, 0, U32 - 1))) {
    fail('"isn" needs { client: a 32-bit number, server: a 32-bit number or null }.');
  }
  if (![null, 'client', 'server'].includes(data.closedFirst as string | null)) fail('"closedFirst" is "client", "server" or null.');
  if (!isTexts(data.commands) || (data.commands as string[]).some((c) => !c.trim())) fail('"commands" must be a non-empty list of commands.');

  const segs = data.segments;
  if (!Array.isArray(segs) || segs.length === 0) return fail('"segments" must be a non-empty list.');
  if (segs.length > 200) fail(`"segments" has ${segs.length} entries, more than the recorder's cap of 200.`);
  let last = 0;
  segs.forEach((s: unknown, i) => segment(s, `segments[${i}]`));
  function segment(s: unknown, at: string): void {
    if (!isObj(s)) return fail(`${at} is not an object.`);
    const known = ['t_ms', 'dir', 'flags', 'seq', 'ack', 'len', 'win', 'options'];
    for (const k of known) if (!(k in s)) fail(`${at}.${k} is missing.`);
    const more = Object.keys(s).filter((k) => !known.includes(k));
    if (more.length) fail(`${at}: unknown key(s) ${more.join(', ')}.`);
    if (typeof s.t_ms !== 'number' || !Number.isFinite(s.t_ms) || s.t_ms < last) fail(`${at}.t_ms must be a number of milliseconds, not before the segment before it.`);
    last = s.t_ms as number;
    if (s.dir !== 'c>s' && s.dir !== 's>c') fail(`${at}.dir must be "c>s" or "s>c", not ${JSON.stringify(s.dir)}.`);
    if (!(CAPTURE_FLAGS as readonly unknown[]).includes(s.flags)) fail(`${at}.flags: ${JSON.stringify(s.flags)} is not one of ${CAPTURE_FLAGS.join(' | ')}.`);
    if (!isInt(s.seq, 0, U32 - 1)) fail(`${at}.seq must be a 32-bit number.`);
    const acks = (s.flags as string).split(',').includes('ACK');
    if (acks ? !isInt(s.ack, 0, U32 - 1) : s.ack !== null) fail(`${at}.ack must be ${acks ? 'a 32-bit number (the ACK flag is on)' : 'null (the ACK flag is off)'}.`);
    if (!isInt(s.len, 0, 65535)) fail(`${at}.len must be a byte count.`);
    if (!isInt(s.win, 0, 65535)) fail(`${at}.win must be a 16-bit number.`);
    options(s.options, `${at}.options`);
  }
  function options(o: unknown, at: string): void {
    if (!isObj(o)) return fail(`${at} must be an object.`);
    const more = Object.keys(o).filter((k) => !['mss', 'sackPermitted', 'ts', 'wscale', 'sack', 'unknown'].includes(k));
    if (more.length) fail(`${at}: unknown key(s) ${more.join(', ')}.`);
    if ('mss' in o && !isInt(o.mss, 1, 65535)) fail(`${at}.mss must be 1–65535.`);
    if ('sackPermitted' in o && o.sackPermitted !== true) fail(`${at}.sackPermitted is true or left out.`);
    if ('ts' in o && !(Array.isArray(o.ts) && o.ts.length === 2 && o.ts.every((v) => isInt(v, 0, U32 - 1)))) fail(`${at}.ts must be [TSval, TSecr].`);
    if ('wscale' in o && !isInt(o.wscale, 0, 14)) fail(`${at}.wscale must be 0–14.`);
    if ('sack' in o && !(Array.isArray(o.sack) && o.sack.every((b) => Array.isArray(b) && b.length === 2 && b.every((v) => isInt(v, 0, U32 - 1))))) {
      fail(`${at}.sack must be a list of [left, right] blocks.`);
    }
    if ('unknown' in o && !(Array.isArray(o.unknown) && o.unknown.every((v) => isInt(v, 0, 255)))) fail(`${at}.unknown must be a list of option kinds.`);
  }
  const first = segs[0] as Segment;
  if (first.dir !== 'c>s' || first.flags !== 'SYN') fail('the first segment must be the client\'s SYN (c>s SYN).');

  const f = data[facts];
  switch (name as CaptureScenario) {
    case 'echo':
      if (!isObj(f) || !isTexts(f.sent) || !isTexts(f.echoed)) fail('"echo" needs { sent: [...], echoed: [...] }.');
      break;
    case 'sticky':
      if (!isObj(f) || !isTexts(f.sent) || !isTexts(f.received) || typeof f.output !== 'string') fail('"sticky" needs { sent: [...], received: [...], output }.');
      break;
    case 'upload':
      if (!isObj(f) || !isText(f.file) || !isInt(f.size, 0, Number.MAX_SAFE_INTEGER) || !isObj(f.reply)) fail('"upload" needs { file, size, reply: {...} }.');
      break;
    case 'refused':
      if (!isObj(f) || !isText(f.error) || !Number.isInteger(f.exitCode)) fail('"refused" needs { error, exitCode }.');
      break;
    case 'time-wait': {
      if (!isTexts(f)) fail('"timeWait" must be a non-empty list of /proc/net/tcp lines.');
      const port = (ports as { server: number }).server.toString(16).toUpperCase().padStart(4, '0');
      for (const line of f as string[]) {
        const m = /^\d+: [0-9A-F]{8}:([0-9A-F]{4}) [0-9A-F]{8}:[0-9A-F]{4} ([0-9A-F]{2}) /.exec(line);
        if (!m || m[2] !== '06' || m[1] !== port) fail(`"timeWait": ${JSON.stringify(line)} is not a TIME_WAIT (06) line of the server's port ${port} (hex).`);
      }
      break;
    }
  }
  return data as unknown as Capture;
}

export const hasFlag = (s: Pick<Segment, 'flags'>, flag: string) => s.flags.split(',').includes(flag);

export interface Phases {
  /** SYN, SYN-ACK and the client's ACK; for a refused connection, the SYN and the RST. */
  handshake: Segment[];
  data: Segment[];
  /** From the first FIN or RST after the handshake to the end. */
  close: Segment[];
}

export function phases(segments: readonly Segment[]): Phases {
  const synAck = segments.findIndex((s) => s.dir === 's>c' && s.flags === 'SYN,ACK');
  if (synAck < 0) return { handshake: [...segments], data: [], close: [] };
  const ack = segments.findIndex((s, i) => i > synAck && s.dir === 'c>s' && hasFlag(s, 'ACK') && !hasFlag(s, 'SYN'));
  const h = ack < 0 ? synAck + 1 : ack + 1;
  let c = segments.findIndex((s, i) => i >= h && (hasFlag(s, 'FIN') || hasFlag(s, 'RST')));
  if (c < 0) c = segments.length;
  return { handshake: segments.slice(0, h), data: segments.slice(h, c), close: segments.slice(c) };
}

/**
 * What the programs fix, without what the kernel's timers decide. After the handshake it drops
 * - a retransmission: the same direction, flags, seq and length as an earlier segment that carried
 *   data, SYN or FIN (a tail-loss probe resends a FIN that a delayed ACK left unanswered for a few ms);
 * - a pure ACK followed at once by a segment of the same side with the same seq and ack: that ACK
 *   was sent on its own (quick ACK, or the delayed-ACK timer fired) where it could have ridden on
 *   that next segment, as it does when the program answers sooner.
 * The handshake is kept as it is. Each kept segment is the recorded one (times, windows, options).
 */
export function canonical(segments: readonly Segment[]): Segment[] {
  const { handshake, data, close } = phases(segments);
  const rest: Segment[] = [];
  for (const s of [...data, ...close]) {
    const carries = s.len > 0 || hasFlag(s, 'SYN') || hasFlag(s, 'FIN');
    const again = carries && [...handshake, ...rest].some((e) => e.dir === s.dir && e.flags === s.flags && e.seq === s.seq && e.len === s.len);
    if (!again) rest.push(s);
  }
  const kept = rest.filter((s, i) => {
    const next = rest[i + 1];
    const pureAck = s.flags === 'ACK' && s.len === 0;
    return !(pureAck && next && next.dir === s.dir && next.seq === s.seq && next.ack === s.ack);
  });
  return [...handshake, ...kept];
}
