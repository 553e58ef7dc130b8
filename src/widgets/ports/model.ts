// W5, ports and the four-tuple. The IANA ranges of RFC 6335 §6 (system 0–1023, user 1024–49151,
// dynamic 49152–65535), Linux's default ephemeral range (ip_local_port_range 32768 60999), and
// one listening TCP socket serving many clients: every accepted connection shares the server's
// address and port and differs in the client's ephemeral port, so each is a distinct four-tuple.
// Pure: no DOM.

export type PortClass = 'system' | 'user' | 'dynamic';

export const MAX_PORT = 65535;
/** The IANA ranges, in order (RFC 6335 §6). */
export const IANA_RANGES: ReadonlyArray<{ name: PortClass; from: number; to: number }> = [
  { name: 'system', from: 0, to: 1023 },
  { name: 'user', from: 1024, to: 49151 },
  { name: 'dynamic', from: 49152, to: 65535 },
];
/** Linux's default `net.ipv4.ip_local_port_range`. */
export const LINUX_EPHEMERAL = { from: 32768, to: 60999 } as const;

const isPort = (n: number) => Number.isInteger(n) && n >= 0 && n <= MAX_PORT;

/** The IANA range of port `n`; anything but a whole number 0–65535 throws a RangeError. */
export function classifyPort(n: number): PortClass {
  if (!isPort(n)) throw new RangeError(`${n} is not a port: ports are whole numbers 0–65535`);
  return n <= 1023 ? 'system' : n <= 49151 ? 'user' : 'dynamic';
}

/** Whether Linux (by default) hands out `n` as a client's ephemeral port. */
export function inLinuxEphemeral(n: number): boolean {
  return isPort(n) && n >= LINUX_EPHEMERAL.from && n <= LINUX_EPHEMERAL.to;
}

export type PortErrorKey = 'empty' | 'not-number' | 'not-integer' | 'range';

export class PortError extends Error {
  readonly key: PortErrorKey;
  constructor(key: PortErrorKey, message: string) {
    super(message);
    this.name = 'PortError';
    this.key = key;
  }
}

/** A typed port: decimal digits (a sign allowed so that -1 is named as out of range), 0–65535. */
export function parsePort(text: string): number {
  const s = String(text).trim();
  if (!s) throw new PortError('empty', 'no port given');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(s) || s.length > 40) throw new PortError('not-number', `"${s}" is not a number`);
  const n = Number(s);
  if (!Number.isInteger(n)) throw new PortError('not-integer', `${s} is not a whole number`);
  if (n < 0 || n > MAX_PORT) throw new PortError('range', `${s} is outside 0–65535`);
  return n;
}

/** The server of the picture: one TCP socket listening, one UDP socket bound, same number. */
export const SERVER = { host: '127.0.0.1', port: 8000 } as const;
export const MAX_CLIENTS = 12;

/**
 * Ephemeral ports for `count` connections to one server, chosen as Linux's connect() does in
 * outline (RFC 6056 algorithm 4, net/ipv4/inet_hashtables.c): a starting point in the range from a
 * hash of the addresses and a secret (here a fixed seed, so a link shows the same ports), even
 * ports first, and each later connection to the same destination a little further on. The real
 * numbers differ from run to run; what holds is that they lie in the range and never repeat.
 */
export function ephemeralPorts(count: number, seed = 0x5eed): number[] {
  const { from, to } = LINUX_EPHEMERAL;
  const size = to - from + 1;
  let h = seed >>> 0;
  const next = () => {
    h = (Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return h;
  };
  let offset = (next() % size) & ~1;
  const out: number[] = [];
  const used = new Set<number>();
  for (let i = 0; i < count; i++) {
    let port = from + (offset % size);
    while (used.has(port)) port = from + ((port - from + 2) % size);
    used.add(port);
    out.push(port);
    offset = port - from + 2 + 2 * (next() % 6);
  }
  return out;
}

export type Proto = 'tcp' | 'udp';
export interface SocketRow {
  proto: Proto;
  local: string;
  remote: string;
  /** As `ss` names them: LISTEN, ESTAB, UNCONN. */
  state: 'LISTEN' | 'ESTAB' | 'UNCONN';
  /** Which client this connection is (1…), for ESTAB rows. */
  client?: number;
}

export interface PortsState {
  /** The port typed into the classifier. */
  port: number;
  /** Clients connected to SERVER so far. */
  clients: number;
  /** Whether the reader tried a second TCP bind to SERVER. */
  rebind: boolean;
}
export const DEFAULT_STATE: PortsState = { port: 8000, clients: 3, rebind: false };

const addr = (host: string, port: number | '*') => `${host}:${port}`;

/** The server host's sockets, as `ss -tuan` lists them: the listener, each accepted connection, the UDP socket. */
export function sockets(clients: number): SocketRow[] {
  const ports = ephemeralPorts(clients);
  const at = addr(SERVER.host, SERVER.port);
  return [
    { proto: 'tcp', local: at, remote: '0.0.0.0:*', state: 'LISTEN' },
    ...ports.map((p, i): SocketRow => ({ proto: 'tcp', local: at, remote: addr(SERVER.host, p), state: 'ESTAB', client: i + 1 })),
    { proto: 'udp', local: at, remote: '0.0.0.0:*', state: 'UNCONN' },
  ];
}

/** The four-tuple of a row, (local, remote) with the protocol: what must be unique. */
export const tupleOf = (r: SocketRow): string => `${r.proto} ${r.local} ${r.remote}`;

/** A second TCP bind to the listener's address: EADDRINUSE on Linux (errno 98). */
export const REBIND = { errno: 98, name: 'EADDRINUSE', python: "OSError: [Errno 98] Address already in use" } as const;

/** `<port>.<clients>[.b]`: the state in the link. */
export function encodeState(s: PortsState): string {
  return `${s.port}.${s.clients}${s.rebind ? '.b' : ''}`;
}

export function decodeState(v: string): PortsState | null {
  const m = /^(\d{1,5})\.(\d{1,2})(\.b)?$/.exec(v);
  if (!m) return null;
  const port = Number(m[1]);
  const clients = Number(m[2]);
  if (port > MAX_PORT || clients > MAX_CLIENTS) return null;
  return { port, clients, rebind: !!m[3] };
}
