// What a handshake run is a function of, its presets, and how it travels in a URL.
// Untrusted input (a link) goes through validateScenario/decodeScenario, which never throw.

export type Side = 'client' | 'server';
export type CloseMode = 'client-first' | 'server-first' | 'simultaneous';
export type OpenMode = 'normal' | 'simultaneous';
/** 'rfc': TIME-WAIT lasts 2×MSL (MUST-13). 'linux': a fixed 60 s (TCP_TIMEWAIT_LEN), whatever the MSL. */
export type TimeWaitRule = 'rfc' | 'linux';

/** One application write: a string (its UTF-8 bytes are sent) or a byte count. One write = one segment. */
export type DataItem = { from: Side; bytes: string | number };

export type Scenario = {
  /** Initial sequence numbers, 0 … 2^32−1. */
  isn: { client: number; server: number };
  /** Sent in order once both ends are ESTABLISHED, each write acknowledged before the next. */
  data: DataItem[];
  /** Who calls close() first. The other side is the passive closer (unless simultaneous). */
  close: CloseMode;
  /** 'simultaneous': both ends call connect() at t = 0 (RFC 9293 Figure 7); no LISTEN. */
  open: OpenMode;
  /** The passive closer closes as soon as the FIN arrives, so its FIN rides on the ACK (3-segment close). */
  piggyback: boolean;
  /** Transmission indexes to drop: 0-based, counting every segment put on the wire, retransmissions included. */
  lose: number[];
  /** Maximum Segment Lifetime in seconds (RFC 9293 §3.4.2: 120). */
  msl: number;
  timeWait: TimeWaitRule;
  /** Initial retransmission timeout in seconds; doubles on each expiry (RFC 6298 §5.5). */
  rto: number;
  /** Retransmissions of one segment before the sender gives up (the next expiry closes the connection). */
  retries: number;
  /** No listener: the SYN meets a CLOSED port and is answered by RST,ACK (RFC 9293 §3.10.7.1). */
  portClosed?: boolean;
};

export type ValidationResult = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

export const SEQ_MOD = 2 ** 32;
export const LINUX_TIME_WAIT = 60;
export const LIMITS = {
  dataItems: 8,
  textBytes: 64,
  dataBytes: 65535,
  loseCount: 16,
  loseIndex: 63,
  mslMin: 0.05,
  mslMax: 3600,
  rtoMin: 0.2,
  rtoMax: 60,
  retriesMax: 10,
  encodedLength: 2048,
} as const;

export const DEFAULT_SCENARIO: Scenario = {
  isn: { client: 100, server: 300 },
  data: [{ from: 'client', bytes: 'hello' }],
  close: 'client-first',
  open: 'normal',
  piggyback: false,
  lose: [],
  msl: 120,
  timeWait: 'rfc',
  rto: 1,
  retries: 5,
  portClosed: false,
};

/** Seconds an endpoint stays in TIME-WAIT under this scenario. */
export function timeWaitSeconds(s: Pick<Scenario, 'msl' | 'timeWait'>): number {
  return s.timeWait === 'linux' ? LINUX_TIME_WAIT : 2 * s.msl;
}

/** Bytes a data item puts on the wire (UTF-8 for strings). */
export function dataLength(bytes: string | number): number {
  return typeof bytes === 'number' ? bytes : utf8Encode(bytes).length;
}

// ---------------------------------------------------------------------------------------------
// Validation

const KEYS = new Set<string>(Object.keys(DEFAULT_SCENARIO));

function show(v: unknown): string {
  let s: string;
  try {
    s = typeof v === 'string' ? JSON.stringify(v) : String(v);
  } catch {
    s = typeof v;
  }
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && !(x instanceof Set);
}

function wholeMs(n: number): boolean {
  return Math.abs(n * 1000 - Math.round(n * 1000)) < 1e-6;
}

/**
 * Checks a scenario from an untrusted source (missing keys take the default). Never throws.
 * The scenario it returns is complete and normalized (lose sorted and without repeats).
 */
export function validateScenario(x: unknown): ValidationResult {
  const errors: string[] = [];
  if (!isRecord(x)) return { ok: false, errors: ['a scenario must be an object'] };
  for (const k of Object.keys(x)) if (!KEYS.has(k)) errors.push(`unknown key ${show(k)}`);
  const d = DEFAULT_SCENARIO;
  const get = (k: keyof Scenario): unknown => (x[k] === undefined ? d[k] : x[k]);

  const isnIn = get('isn');
  const isn = { client: d.isn.client, server: d.isn.server };
  if (!isRecord(isnIn)) errors.push('isn must be an object { client, server }');
  else {
    for (const k of Object.keys(isnIn)) if (k !== 'client' && k !== 'server') errors.push(`unknown key isn.${show(k)}`);
    for (const side of ['client', 'server'] as const) {
      const v = isnIn[side] === undefined ? d.isn[side] : isnIn[side];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= SEQ_MOD)
        errors.push(
          `isn.${side} must be an integer from 0 to ${SEQ_MOD - 1} (sequence numbers are 32-bit), got ${show(v)}`,
        );
      else isn[side] = v;
    }
  }

  const dataIn = get('data');
  const data: DataItem[] = [];
  if (!Array.isArray(dataIn)) errors.push('data must be a list of { from, bytes }');
  else if (dataIn.length > LIMITS.dataItems)
    errors.push(`data may hold at most ${LIMITS.dataItems} writes, got ${dataIn.length}`);
  else
    dataIn.forEach((item: unknown, i) => {
      if (!isRecord(item)) return void errors.push(`data[${i}] must be { from, bytes }`);
      for (const k of Object.keys(item))
        if (k !== 'from' && k !== 'bytes') errors.push(`unknown key data[${i}].${show(k)}`);
      const from = item['from'];
      const bytes = item['bytes'];
      let ok = true;
      if (from !== 'client' && from !== 'server') {
        errors.push(`data[${i}].from must be "client" or "server", got ${show(from)}`);
        ok = false;
      }
      if (typeof bytes === 'string') {
        if (!bytes.isWellFormed()) {
          errors.push(`data[${i}].bytes is not well-formed Unicode`);
          ok = false;
        } else {
          const n = utf8Encode(bytes).length;
          if (n < 1 || n > LIMITS.textBytes) {
            errors.push(`data[${i}].bytes must be 1 to ${LIMITS.textBytes} UTF-8 bytes, got ${n}`);
            ok = false;
          }
        }
      } else if (typeof bytes === 'number') {
        if (!Number.isInteger(bytes) || bytes < 1 || bytes > LIMITS.dataBytes) {
          errors.push(`data[${i}].bytes must be a whole number from 1 to ${LIMITS.dataBytes}, got ${show(bytes)}`);
          ok = false;
        }
      } else {
        errors.push(`data[${i}].bytes must be a string or a byte count`);
        ok = false;
      }
      if (ok) data.push({ from: from as Side, bytes: bytes as string | number });
    });

  const close = get('close');
  if (close !== 'client-first' && close !== 'server-first' && close !== 'simultaneous')
    errors.push(`close must be "client-first", "server-first" or "simultaneous", got ${show(close)}`);
  const open = get('open');
  if (open !== 'normal' && open !== 'simultaneous')
    errors.push(`open must be "normal" or "simultaneous", got ${show(open)}`);
  const piggyback = get('piggyback');
  if (typeof piggyback !== 'boolean') errors.push(`piggyback must be true or false, got ${show(piggyback)}`);
  const portClosed = get('portClosed');
  if (typeof portClosed !== 'boolean') errors.push(`portClosed must be true or false, got ${show(portClosed)}`);
  if (portClosed === true && open === 'simultaneous')
    errors.push('portClosed needs open "normal": a closed port has no connect() of its own');

  const loseIn = get('lose');
  const loseList = loseIn instanceof Set ? [...loseIn] : loseIn;
  let lose: number[] = [];
  if (!Array.isArray(loseList)) errors.push('lose must be a list of segment indexes');
  else if (loseList.length > LIMITS.loseCount)
    errors.push(`lose may name at most ${LIMITS.loseCount} segments, got ${loseList.length}`);
  else {
    for (const v of loseList as unknown[]) {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > LIMITS.loseIndex)
        errors.push(`lose indexes must be whole numbers from 0 to ${LIMITS.loseIndex}, got ${show(v)}`);
    }
    lose = [...new Set(loseList as number[])].sort((a, b) => a - b);
  }

  const msl = get('msl');
  if (typeof msl !== 'number' || !Number.isFinite(msl) || msl < LIMITS.mslMin || msl > LIMITS.mslMax || !wholeMs(msl))
    errors.push(
      `msl must be a positive number of seconds from ${LIMITS.mslMin} to ${LIMITS.mslMax} (whole milliseconds), got ${show(msl)}`,
    );
  const timeWait = get('timeWait');
  if (timeWait !== 'rfc' && timeWait !== 'linux')
    errors.push(`timeWait must be "rfc" or "linux", got ${show(timeWait)}`);
  const rto = get('rto');
  if (typeof rto !== 'number' || !Number.isFinite(rto) || rto < LIMITS.rtoMin || rto > LIMITS.rtoMax || !wholeMs(rto))
    errors.push(
      `rto must be a number of seconds from ${LIMITS.rtoMin} to ${LIMITS.rtoMax} (whole milliseconds), got ${show(rto)}`,
    );
  const retries = get('retries');
  if (typeof retries !== 'number' || !Number.isInteger(retries) || retries < 0 || retries > LIMITS.retriesMax)
    errors.push(`retries must be a whole number from 0 to ${LIMITS.retriesMax}, got ${show(retries)}`);

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    scenario: {
      isn,
      data,
      close: close as CloseMode,
      open: open as OpenMode,
      piggyback: piggyback as boolean,
      lose,
      msl: Math.round((msl as number) * 1000) / 1000,
      timeWait: timeWait as TimeWaitRule,
      rto: Math.round((rto as number) * 1000) / 1000,
      retries: retries as number,
      portClosed: portClosed as boolean,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Presets

function preset(p: Partial<Scenario>): Scenario {
  const r = validateScenario({ ...DEFAULT_SCENARIO, ...p });
  if (!r.ok) throw new Error(`bad preset: ${r.errors.join('; ')}`);
  return r.scenario;
}

// Segment indexes of the default run: 0 SYN, 1 SYN,ACK, 2 ACK, 3 "hello", 4 its ACK,
// 5 FIN (client), 6 ACK, 7 FIN (server), 8 the final ACK.
export const PRESETS: Record<string, Scenario> = {
  normal: preset({}),
  'piggyback-close': preset({ piggyback: true }),
  'simultaneous-open': preset({ open: 'simultaneous' }),
  'simultaneous-close': preset({ close: 'simultaneous' }),
  'server-closes-first': preset({ close: 'server-first' }),
  'lost-syn': preset({ lose: [0] }),
  'lost-handshake-ack': preset({ lose: [2] }),
  'lost-data': preset({ lose: [3] }),
  'lost-final-ack': preset({ lose: [8] }),
  'syn-timeout': preset({ lose: [0, 1, 2, 3, 4, 5] }),
  'rst-closed-port': preset({ portClosed: true }),
  'linux-msl': preset({ timeWait: 'linux' }),
  // TIME-WAIT (1 s) shorter than B's RTO (2 s): the resent FIN finds A gone and draws a RST.
  'time-wait-too-short': preset({ msl: 0.5, rto: 2, lose: [8] }),
};

// ---------------------------------------------------------------------------------------------
// URL codec. Format (version 1): "1" then "~"-separated fields, each one letter + value, only
// where the scenario differs from the default, in this fixed order:
//   a<isn.client> b<isn.server> d<items> c<f|s|b> o p l<i.i.i> m<msl> w r<rto> n<retries> k
// items are "."-separated: c|s + byte count, or C|S + base64url(UTF-8 text).
// Every character is URL-unreserved (A–Z a–z 0–9 - _ . ~).

const CLOSE_CODE: Record<CloseMode, string> = { 'client-first': 'f', 'server-first': 's', simultaneous: 'b' };

function num(n: number): string {
  return String(n);
}

/** A compact, URL-safe, stable string for a scenario (missing keys take the default). */
export function encodeScenario(s: Partial<Scenario>): string {
  const full = { ...DEFAULT_SCENARIO, ...s };
  const d = DEFAULT_SCENARIO;
  const f: string[] = ['1'];
  if (full.isn.client !== d.isn.client) f.push(`a${num(full.isn.client)}`);
  if (full.isn.server !== d.isn.server) f.push(`b${num(full.isn.server)}`);
  const sameData =
    full.data.length === d.data.length &&
    full.data.every((it, i) => it.from === d.data[i]?.from && it.bytes === d.data[i]?.bytes);
  if (!sameData)
    f.push(
      `d${full.data
        .map((it) =>
          typeof it.bytes === 'number'
            ? `${it.from === 'client' ? 'c' : 's'}${num(it.bytes)}`
            : `${it.from === 'client' ? 'C' : 'S'}${base64url(utf8Encode(it.bytes))}`,
        )
        .join('.')}`,
    );
  if (full.close !== d.close) f.push(`c${CLOSE_CODE[full.close]}`);
  if (full.open === 'simultaneous') f.push('o');
  if (full.piggyback) f.push('p');
  const lose = [...new Set(full.lose)].sort((a, b) => a - b);
  if (lose.length > 0) f.push(`l${lose.map(num).join('.')}`);
  if (full.msl !== d.msl) f.push(`m${num(Math.round(full.msl * 1000) / 1000)}`);
  if (full.timeWait === 'linux') f.push('w');
  if (full.rto !== d.rto) f.push(`r${num(Math.round(full.rto * 1000) / 1000)}`);
  if (full.retries !== d.retries) f.push(`n${num(full.retries)}`);
  if (full.portClosed === true) f.push('k');
  return f.join('~');
}

const INT = /^\d{1,10}$/;
const DEC = /^\d{1,10}(?:\.\d{1,3})?$/;
const ORDER = 'abdcoplmwrnk';

/** The scenario a string from encodeScenario names. Garbage gives errors; it never throws. */
export function decodeScenario(text: unknown): ValidationResult {
  if (typeof text !== 'string') return { ok: false, errors: ['the scenario code must be a string'] };
  if (text.length > LIMITS.encodedLength)
    return {
      ok: false,
      errors: [`the scenario code is too long (${text.length} characters, at most ${LIMITS.encodedLength})`],
    };
  const parts = text.split('~');
  if (parts[0] !== '1') return { ok: false, errors: [`unknown scenario code version ${show(parts[0] ?? '')}`] };
  const errors: string[] = [];
  const out: Record<string, unknown> = {};
  const isn: Record<string, unknown> = {};
  let last = -1;
  for (const part of parts.slice(1)) {
    const key = part.charAt(0);
    const value = part.slice(1);
    const pos = ORDER.indexOf(key);
    if (key === '' || pos < 0) {
      errors.push(`unknown field ${show(part)}`);
      continue;
    }
    if (pos <= last) {
      errors.push(`field "${key}" repeated or out of order`);
      continue;
    }
    last = pos;
    const flag = (name: string, v: unknown): void => {
      if (value !== '') errors.push(`field "${key}" takes no value`);
      else out[name] = v;
    };
    const integer = (): number | undefined => {
      if (INT.test(value)) return Number(value);
      errors.push(`field "${key}" needs a whole number, got ${show(value)}`);
      return undefined;
    };
    const decimal = (): number | undefined => {
      if (DEC.test(value)) return Number(value);
      errors.push(`field "${key}" needs a number, got ${show(value)}`);
      return undefined;
    };
    switch (key) {
      case 'a':
        isn['client'] = integer();
        break;
      case 'b':
        isn['server'] = integer();
        break;
      case 'd': {
        const items: DataItem[] = [];
        const raw = value === '' ? [] : value.split('.');
        if (raw.length > LIMITS.dataItems) {
          errors.push(`data may hold at most ${LIMITS.dataItems} writes`);
          break;
        }
        for (const r of raw) {
          const side = r.charAt(0);
          const body = r.slice(1);
          const from: Side | undefined =
            side === 'c' || side === 'C' ? 'client' : side === 's' || side === 'S' ? 'server' : undefined;
          if (from === undefined) {
            errors.push(`data item ${show(r)} must start with c, s, C or S`);
          } else if (side === 'c' || side === 's') {
            if (INT.test(body)) items.push({ from, bytes: Number(body) });
            else errors.push(`data item ${show(r)} needs a byte count`);
          } else {
            const bytes = unbase64url(body);
            const textOut = bytes === undefined ? undefined : utf8Decode(bytes);
            if (textOut === undefined) errors.push(`data item ${show(r)} is not base64url UTF-8 text`);
            else items.push({ from, bytes: textOut });
          }
        }
        out['data'] = items;
        break;
      }
      case 'c': {
        const mode = (Object.keys(CLOSE_CODE) as CloseMode[]).find((m) => CLOSE_CODE[m] === value);
        if (mode === undefined) errors.push(`field "c" must be f, s or b, got ${show(value)}`);
        else out['close'] = mode;
        break;
      }
      case 'o':
        flag('open', 'simultaneous');
        break;
      case 'p':
        flag('piggyback', true);
        break;
      case 'l': {
        const raw = value.split('.');
        if (raw.length > LIMITS.loseCount) {
          errors.push(`lose may name at most ${LIMITS.loseCount} segments`);
          break;
        }
        const list: number[] = [];
        for (const r of raw) {
          if (INT.test(r)) list.push(Number(r));
          else errors.push(`lose index ${show(r)} is not a whole number`);
        }
        out['lose'] = list;
        break;
      }
      case 'm':
        out['msl'] = decimal();
        break;
      case 'w':
        flag('timeWait', 'linux');
        break;
      case 'r':
        out['rto'] = decimal();
        break;
      case 'n':
        out['retries'] = integer();
        break;
      case 'k':
        flag('portClosed', true);
        break;
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  if (Object.keys(isn).length > 0) out['isn'] = isn;
  return validateScenario(out);
}

// ---------------------------------------------------------------------------------------------
// UTF-8 through the platform's strict codec (browsers and Node alike); base64url by hand.

export function utf8Encode(s: string): number[] {
  return [...new TextEncoder().encode(s)];
}

/** Strict UTF-8 decoding; undefined on any malformed, overlong or surrogate sequence. */
function utf8Decode(b: number[]): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(new Uint8Array(b));
  } catch {
    return undefined;
  }
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function base64url(bytes: number[]): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const v = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    s += B64[(v >> 18) & 63]! + B64[(v >> 12) & 63]!;
    if (b !== undefined) s += B64[(v >> 6) & 63]!;
    if (c !== undefined) s += B64[v & 63]!;
  }
  return s;
}

/** Canonical unpadded base64url only (so each text has exactly one code); undefined otherwise. */
function unbase64url(s: string): number[] | undefined {
  if (s.length % 4 === 1) return undefined;
  const out: number[] = [];
  for (let i = 0; i < s.length; i += 4) {
    const chunk = s.slice(i, i + 4);
    let v = 0;
    for (let k = 0; k < 4; k++) {
      const ch = chunk.charAt(k);
      const d = ch === '' ? 0 : B64.indexOf(ch);
      if (d < 0) return undefined;
      v = (v << 6) | d;
    }
    const n = chunk.length - 1; // bytes in this chunk
    const bytes = [(v >> 16) & 255, (v >> 8) & 255, v & 255].slice(0, n);
    if (base64url(bytes) !== chunk) return undefined;
    out.push(...bytes);
  }
  return out;
}
