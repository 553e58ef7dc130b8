// IPv4 addresses and ARP (W4), as the textbook rules and RFC 826 give them: an address is a 32-bit
// unsigned integer written as four decimal octets; a prefix length splits it into network and host
// bits; a host sends to an on-link destination directly and to anything else through its gateway,
// and ARP finds the MAC address of that next hop (broadcast request, unicast reply, both caches
// updated). Pure and deterministic: the widget, the build-time figure and the tests all read this.

/** Why a typed address or prefix was refused; the view turns the key into words in the reader's language. */
export type Ipv4ErrorKey = 'empty' | 'chars' | 'octets' | 'range' | 'leading-zero' | 'prefix' | 'mask';

export class Ipv4Error extends Error {
  readonly key: Ipv4ErrorKey;
  constructor(key: Ipv4ErrorKey, message?: string) {
    super(message ?? key);
    this.name = 'Ipv4Error';
    this.key = key;
  }
}

/** Longer than any address or mask (with spaces around it): refused before it is looked at. */
const MAX_TEXT = 64;

/**
 * Dotted decimal to the 32-bit unsigned integer: exactly four decimal octets 0–255, no leading
 * zeros beyond a lone `0` (Python's ipaddress refuses `010` since 3.9.5: it would be read as octal
 * by inet_aton). Anything else, spaces included, throws an Ipv4Error (the view trims what is typed).
 */
export function parseIPv4(text: string): number {
  const s = String(text);
  if (s === '') throw new Ipv4Error('empty');
  if (s.length > MAX_TEXT || !/^[0-9.]+$/.test(s)) throw new Ipv4Error('chars');
  const parts = s.split('.');
  if (parts.length !== 4 || parts.some((p) => p === '')) throw new Ipv4Error('octets');
  let n = 0;
  for (const p of parts) {
    if (p.length > 3 || Number(p) > 255) throw new Ipv4Error('range');
    if (p.length > 1 && p[0] === '0') throw new Ipv4Error('leading-zero');
    n = n * 256 + Number(p);
  }
  return n;
}

/** The integer (0 … 2³²−1) as dotted decimal. */
export function formatIPv4(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new RangeError(`not a 32-bit address: ${n}`);
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

/** The mask of a prefix length as an integer: /24 → 255.255.255.0. */
export function maskOf(prefixLength: number): number {
  checkPrefix(prefixLength);
  return prefixLength === 0 ? 0 : (0xffffffff << (32 - prefixLength)) >>> 0;
}

function checkPrefix(p: number): void {
  if (!Number.isInteger(p) || p < 0 || p > 32) throw new Ipv4Error('prefix');
}

/** `n AND mask`, unsigned. */
export const networkOf = (n: number, prefixLength: number): number => (n & maskOf(prefixLength)) >>> 0;

/**
 * A prefix as the reader types it: `24`, `/24`, or a mask in dotted decimal (`255.255.240.0`,
 * whose ones must be contiguous). Throws an Ipv4Error ('prefix', 'mask', or the address keys).
 */
export function parsePrefix(text: string): number {
  const s = String(text).trim();
  if (s === '') throw new Ipv4Error('empty');
  const m = /^\/?(\d{1,2})$/.exec(s);
  if (m) {
    const p = Number(m[1]);
    if (p > 32 || (m[1]!.length > 1 && m[1]![0] === '0')) throw new Ipv4Error('prefix');
    return p;
  }
  if (!s.includes('.')) throw new Ipv4Error('prefix');
  const mask = parseIPv4(s);
  for (let p = 0; p <= 32; p++) if (maskOf(p) === mask) return p;
  throw new Ipv4Error('mask');
}

export type AddressKind = 'this-network' | 'private' | 'loopback' | 'link-local' | 'multicast' | 'reserved' | 'broadcast' | 'shared' | 'public';

/** The special ranges in the order they are checked (255.255.255.255 before 240/4, which holds it). */
export const RANGES: ReadonlyArray<{ kind: AddressKind; net: string; prefix: number; rfc: string }> = [
  { kind: 'broadcast', net: '255.255.255.255', prefix: 32, rfc: 'RFC 919' },
  { kind: 'this-network', net: '0.0.0.0', prefix: 8, rfc: 'RFC 1122' },
  { kind: 'private', net: '10.0.0.0', prefix: 8, rfc: 'RFC 1918' },
  { kind: 'private', net: '172.16.0.0', prefix: 12, rfc: 'RFC 1918' },
  { kind: 'private', net: '192.168.0.0', prefix: 16, rfc: 'RFC 1918' },
  { kind: 'shared', net: '100.64.0.0', prefix: 10, rfc: 'RFC 6598' },
  { kind: 'loopback', net: '127.0.0.0', prefix: 8, rfc: 'RFC 1122' },
  { kind: 'link-local', net: '169.254.0.0', prefix: 16, rfc: 'RFC 3927' },
  { kind: 'multicast', net: '224.0.0.0', prefix: 4, rfc: 'RFC 5771' },
  { kind: 'reserved', net: '240.0.0.0', prefix: 4, rfc: 'RFC 1112' },
];
const RANGE_INTS = RANGES.map((r) => ({ ...r, base: parseIPv4(r.net) }));

/** The range an address falls in (undefined: an ordinary public address). */
export function rangeOf(n: number): (typeof RANGES)[number] | undefined {
  return RANGE_INTS.find((r) => networkOf(n, r.prefix) === r.base);
}

export function classify(n: number): AddressKind {
  formatIPv4(n); // throws on anything that is not an address
  return rangeOf(n)?.kind ?? 'public';
}

export function sameSubnet(a: number, b: number, prefixLength: number): boolean {
  return networkOf(a, prefixLength) === networkOf(b, prefixLength);
}

/** The address a host ARPs for: the destination itself when on-link, else its gateway. */
export function nextHop(src: number, dst: number, prefixLength: number, gateway: number): number {
  return sameSubnet(src, dst, prefixLength) ? dst : gateway;
}

/** The 32 bits, most significant first, as a string of 0 and 1. */
export const bitsOf = (n: number): string => n.toString(2).padStart(32, '0');

// ---------------------------------------------------------------------------------------------
// ARP on one LAN: hosts A and B and the router's interface R on 192.168.1.0/24, and a far host D
// behind the router. A run is the list of steps one host takes to send one IP packet.

export interface Host {
  id: 'A' | 'B' | 'R';
  ip: number;
  mac: string;
}
export const LAN_PREFIX = 24;
export const HOSTS: readonly Host[] = [
  { id: 'A', ip: parseIPv4('192.168.1.10'), mac: '02:00:00:00:01:0a' },
  { id: 'B', ip: parseIPv4('192.168.1.20'), mac: '02:00:00:00:01:14' },
  { id: 'R', ip: parseIPv4('192.168.1.1'), mac: '02:00:00:00:01:01' },
];
export const GATEWAY = HOSTS[2]!;
export const BROADCAST_MAC = 'ff:ff:ff:ff:ff:ff';
/** The far host of the off-subnet preset (on the router's other network). */
export const FAR = parseIPv4('192.168.2.20');

export type HostId = Host['id'];
export const hostById = (id: HostId): Host => HOSTS.find((h) => h.id === id)!;

export interface ArpScenario {
  /** The sender: A or B (the router only forwards in this picture). */
  src: 'A' | 'B';
  /** The packet's destination IP. */
  dst: number;
  /** The sender's cache already holds the next hop (a hit: no ARP at all). */
  cached: boolean;
}

export type CacheRow = { ip: number; mac: string; mark?: 'added' | 'changed' };
export type Caches = Record<HostId, CacheRow[]>;

/** A frame on the wire: its Ethernet header, and the ARP message or IP header it carries. */
export interface Frame {
  from: HostId;
  /** The lane it is drawn to (a broadcast is drawn to the host it asks for). */
  to: HostId;
  srcMac: string;
  dstMac: string;
  type: 'ARP' | 'IPv4';
  arp?: { op: 'request' | 'reply'; senderIp: number; senderMac: string; targetIp: number; targetMac: string };
  ip?: { src: number; dst: number };
}

export type ArpStep =
  | { kind: 'start' }
  | { kind: 'route'; host: HostId; onLink: boolean; hop: number }
  | { kind: 'lookup'; host: HostId; hop: number; hit: boolean; mac?: string }
  | { kind: 'request'; frame: Frame }
  | { kind: 'ignore'; host: HostId }
  | { kind: 'learn'; host: HostId; ip: number; mac: string }
  | { kind: 'reply'; frame: Frame }
  | { kind: 'send'; frame: Frame }
  | { kind: 'unreachable'; host: HostId; hop: number }
  | { kind: 'local'; host: HostId };

/** A step with every cache after it (rows this step added or changed are marked). */
export type ArpState = ArpStep & { caches: Caches };

export const ARP_PRESETS: Record<'miss' | 'hit' | 'gateway', ArpScenario> = {
  miss: { src: 'A', dst: parseIPv4('192.168.1.20'), cached: false },
  hit: { src: 'A', dst: parseIPv4('192.168.1.20'), cached: true },
  gateway: { src: 'A', dst: FAR, cached: false },
};
export type ArpPreset = keyof typeof ARP_PRESETS;

/** The run of one scenario: every step, from the start to the packet on the wire. */
export function arpRun(sc: ArpScenario): ArpState[] {
  const src = hostById(sc.src);
  const caches: Caches = { A: [], B: [], R: [] };
  const out: ArpState[] = [];
  const push = (s: ArpStep) => {
    out.push({ ...s, caches: { A: caches.A.map((r) => ({ ...r })), B: caches.B.map((r) => ({ ...r })), R: caches.R.map((r) => ({ ...r })) } });
    for (const k of ['A', 'B', 'R'] as const) for (const r of caches[k]) delete r.mark;
  };
  const learn = (h: HostId, ip: number, mac: string, mark = true) => {
    const row = caches[h].find((r) => r.ip === ip);
    if (row) {
      if (row.mac !== mac) Object.assign(row, { mac }, mark ? { mark: 'changed' } : {});
    } else caches[h].push(mark ? { ip, mac, mark: 'added' } : { ip, mac });
  };
  const hop = nextHop(src.ip, sc.dst, LAN_PREFIX, GATEWAY.ip);
  const target = HOSTS.find((h) => h.ip === hop);
  if (sc.cached && target && target !== src) learn(src.id, target.ip, target.mac, false);
  push({ kind: 'start' });
  if (sc.dst === src.ip) {
    push({ kind: 'local', host: src.id });
    return out;
  }
  push({ kind: 'route', host: src.id, onLink: hop === sc.dst, hop });
  const known = caches[src.id].find((r) => r.ip === hop);
  push({ kind: 'lookup', host: src.id, hop, hit: !!known, mac: known?.mac });
  let mac = known?.mac;
  if (!known) {
    const others = HOSTS.filter((h) => h !== src);
    const drawnTo = target && target !== src ? target : others[0]!;
    push({
      kind: 'request',
      frame: { from: src.id, to: drawnTo.id, srcMac: src.mac, dstMac: BROADCAST_MAC, type: 'ARP', arp: { op: 'request', senderIp: src.ip, senderMac: src.mac, targetIp: hop, targetMac: '00:00:00:00:00:00' } },
    });
    for (const h of others) if (h !== target) push({ kind: 'ignore', host: h.id });
    if (!target) {
      push({ kind: 'unreachable', host: src.id, hop });
      return out;
    }
    // RFC 826: the target adds the sender before it replies (it will most likely answer it soon).
    learn(target.id, src.ip, src.mac);
    push({ kind: 'learn', host: target.id, ip: src.ip, mac: src.mac });
    push({
      kind: 'reply',
      frame: { from: target.id, to: src.id, srcMac: target.mac, dstMac: src.mac, type: 'ARP', arp: { op: 'reply', senderIp: target.ip, senderMac: target.mac, targetIp: src.ip, targetMac: src.mac } },
    });
    learn(src.id, target.ip, target.mac);
    push({ kind: 'learn', host: src.id, ip: target.ip, mac: target.mac });
    mac = target.mac;
  }
  push({ kind: 'send', frame: { from: src.id, to: target!.id, srcMac: src.mac, dstMac: mac!, type: 'IPv4', ip: { src: src.ip, dst: sc.dst } } });
  return out;
}

// ---------------------------------------------------------------------------------------------
// The widget's state in a link: `<addr>_<prefix>_<addr2>.<src><dst>.<c|m>.<step>`, e.g.
// `192.168.1.10_24_192.168.1.20.A192.168.2.20.m.3`. Anything else is refused (undefined).

export interface Ipv4State {
  addr: number;
  prefix: number;
  other: number;
  arp: ArpScenario;
  step: number;
}

export const DEFAULT_STATE: Ipv4State = {
  addr: parseIPv4('192.168.1.10'),
  prefix: 24,
  other: parseIPv4('192.168.2.20'),
  arp: ARP_PRESETS.miss,
  step: 0,
};

export const encodeState = (s: Ipv4State): string =>
  `${formatIPv4(s.addr)}_${s.prefix}_${formatIPv4(s.other)}.${s.arp.src}${formatIPv4(s.arp.dst)}.${s.arp.cached ? 'c' : 'm'}.${s.step}`;

export function decodeState(raw: string): Ipv4State | undefined {
  const m = /^([\d.]{7,15})_(\d{1,2})_([\d.]{7,15})\.([AB])([\d.]{7,15})\.([cm])\.(\d{1,3})$/.exec(raw);
  if (!m) return undefined;
  try {
    const prefix = Number(m[2]);
    checkPrefix(prefix);
    const arp: ArpScenario = { src: m[4] as 'A' | 'B', dst: parseIPv4(m[5]!), cached: m[6] === 'c' };
    const step = Number(m[7]);
    if (step >= arpRun(arp).length) return undefined;
    return { addr: parseIPv4(m[1]!), prefix, other: parseIPv4(m[3]!), arp, step };
  } catch {
    return undefined;
  }
}

/** The preset a scenario is, if any. */
export function presetOf(sc: ArpScenario): ArpPreset | undefined {
  return (Object.keys(ARP_PRESETS) as ArpPreset[]).find((k) => {
    const p = ARP_PRESETS[k];
    return p.src === sc.src && p.dst === sc.dst && p.cached === sc.cached;
  });
}
