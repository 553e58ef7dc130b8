// W2, the MAC dissector: an EUI-48 address read from text in any of the four common spellings,
// and what its bits say (RFC 9542 §2.1, formerly RFC 7042 §2.1). Bit 0 of the first octet (the
// least significant, the first bit on the wire) is I/G: 1 = a group address; bit 1 is U/L:
// 1 = locally administered. All 48 bits set is the broadcast address. Pure: no DOM.

/** Why a text is not a MAC address (the view words each in the reader's language). */
export type MacErrorKey =
  | 'empty' // nothing typed
  | 'too-long' // far longer than any spelling of an address
  | 'bad-char' // a character that is neither a hex digit nor one of : - .
  | 'mixed-separators' // aa:bb-cc…: one spelling at a time
  | 'octet-count' // aa:bb:cc:dd:ee (five octets), or seven
  | 'octet-digits' // an octet of one or three digits: aa:b:cc…
  | 'dot-groups' // the dotted form needs three groups of four digits: aabb.ccdd.eeff
  | 'digit-count'; // bare hex: exactly 12 digits

export class MacError extends Error {
  readonly key: MacErrorKey;
  /** The numbers and characters the message mentions, for a localized message. */
  readonly params: Readonly<Record<string, string | number>>;
  constructor(key: MacErrorKey, message: string, params: Record<string, string | number> = {}) {
    super(message);
    this.name = 'MacError';
    this.key = key;
    this.params = Object.freeze({ ...params });
  }
}

export interface Mac {
  bytes: number[];
  /** The first three octets, upper-case hex with ':' (the OUI of an MA-L block). */
  oui: string;
  /** The last three octets, upper-case hex with ':'. */
  nic: string;
  /** I/G bit set: a group (multicast or broadcast) address. */
  group: boolean;
  /** U/L bit set: locally administered (no OUI, no vendor). */
  local: boolean;
  broadcast: boolean;
}

/** Longer than this is not an address (the longest spelling is 17 characters). */
export const MAX_TEXT = 64;

const HEX = /^[0-9a-f]+$/i;
const hex2 = (b: number) => b.toString(16).padStart(2, '0');

/** What the six octets say. */
export function fromBytes(bytes: readonly number[]): Mac {
  if (bytes.length !== 6 || bytes.some((b) => !Number.isInteger(b) || b < 0 || b > 255)) throw new RangeError('a MAC address is 6 octets of 0–255');
  const up = (a: readonly number[]) => a.map((b) => hex2(b).toUpperCase()).join(':');
  return {
    bytes: [...bytes],
    oui: up(bytes.slice(0, 3)),
    nic: up(bytes.slice(3)),
    group: (bytes[0]! & 1) === 1,
    local: (bytes[0]! & 2) === 2,
    broadcast: bytes.every((b) => b === 255),
  };
}

/**
 * Reads `aa:bb:cc:dd:ee:ff`, `aa-bb-cc-dd-ee-ff`, `aabb.ccdd.eeff` or `aabbccddeeff`, any case,
 * spaces around allowed. Anything else throws a MacError saying what is wrong.
 */
export function parseMac(text: string): Mac {
  const s = String(text).trim();
  if (!s) throw new MacError('empty', 'no address given');
  if (s.length > MAX_TEXT) throw new MacError('too-long', `${s.length} characters: far too long for a MAC address`, { n: s.length });
  const bad = [...s].find((c) => !/[0-9a-f:.-]/i.test(c));
  if (bad !== undefined) throw new MacError('bad-char', `"${bad}" is not a hex digit (0–9, a–f) or a separator (: - .)`, { char: bad });
  const seps = [...new Set(s.replace(/[0-9a-f]/gi, ''))];
  if (seps.length > 1) throw new MacError('mixed-separators', `mixes the separators ${seps.join(' ')}: write one spelling`, { seps: seps.join(' ') });
  const sep = seps[0];
  let digits: string;
  if (sep === ':' || sep === '-') {
    const parts = s.split(sep);
    if (parts.length !== 6) throw new MacError('octet-count', `${parts.length} octets; a MAC address has 6`, { n: parts.length });
    const odd = parts.findIndex((p) => p.length !== 2);
    if (odd >= 0) throw new MacError('octet-digits', `octet ${odd + 1} ("${parts[odd]}") has ${parts[odd]!.length} digits; each octet is 2`, { i: odd + 1, part: parts[odd]!, n: parts[odd]!.length });
    digits = parts.join('');
  } else if (sep === '.') {
    const parts = s.split('.');
    if (parts.length !== 3 || parts.some((p) => p.length !== 4)) throw new MacError('dot-groups', 'the dotted form is three groups of four digits: aabb.ccdd.eeff');
    digits = parts.join('');
  } else {
    if (s.length !== 12) throw new MacError('digit-count', `${s.length} hex digits; a MAC address has 12`, { n: s.length });
    digits = s;
  }
  if (!HEX.test(digits)) throw new MacError('bad-char', 'not hex digits', { char: '?' });
  return fromBytes(Array.from({ length: 6 }, (_, i) => parseInt(digits.slice(2 * i, 2 * i + 2), 16)));
}

export type MacForm = 'colon' | 'dash' | 'dot' | 'bare';

/** The address in one spelling (lower case, as Linux prints it). */
export function formatMac(bytes: readonly number[], form: MacForm = 'colon'): string {
  const h = bytes.map(hex2);
  if (form === 'dash') return h.join('-');
  if (form === 'bare') return h.join('');
  if (form === 'dot') return [0, 2, 4].map((i) => h[i]! + h[i + 1]!).join('.');
  return h.join(':');
}

/** The same address with bit 0 (I/G) or bit 1 (U/L) of the first octet flipped. */
export function flipBit(bytes: readonly number[], bit: 0 | 1): number[] {
  return [bytes[0]! ^ (1 << bit), ...bytes.slice(1)];
}

export type MacKind = 'broadcast' | 'multicast' | 'unicast';
export const kindOf = (m: Mac): MacKind => (m.broadcast ? 'broadcast' : m.group ? 'multicast' : 'unicast');

/**
 * A few well-known MA-L assignments, to show what an OUI names. Source: the IEEE Registration
 * Authority's public MA-L listing (standards-oui.ieee.org/oui/oui.txt), as registered names.
 * No lookup service: a real table has over 30 000 entries, and MA-M / MA-S blocks share prefixes.
 */
export const OUI_SAMPLE: Readonly<Record<string, string>> = {
  '00:00:00': 'Xerox Corporation',
  '00:00:0C': 'Cisco Systems',
  '00:00:5E': 'ICANN, IANA Department',
  '00:03:93': 'Apple, Inc.',
  '00:0C:29': 'VMware, Inc.',
  '00:50:56': 'VMware, Inc.',
  '00:15:5D': 'Microsoft Corporation',
  '00:16:3E': 'Xensource, Inc.',
  '00:1A:11': 'Google, Inc.',
  '00:1B:21': 'Intel Corporate',
  '00:E0:4C': 'Realtek Semiconductor Corp.',
  '08:00:27': 'PCS Systemtechnik GmbH (VirtualBox)',
  'B8:27:EB': 'Raspberry Pi Foundation',
  'DC:A6:32': 'Raspberry Pi Trading Ltd',
};

/**
 * The sample's name for a universally administered address's OUI (a group address under an OUI,
 * such as IANA's 01:00:5E, names the OUI with its I/G bit cleared), or null: not in the sample,
 * or locally administered (no OUI at all).
 */
export function vendorOf(m: Mac): string | null {
  if (m.local) return null;
  const key = fromBytes([m.bytes[0]! & 0xfe, ...m.bytes.slice(1)]).oui;
  return OUI_SAMPLE[key] ?? null;
}

/** The presets the widget offers, by name. */
export const PRESETS = {
  universal: '00:00:5e:00:53:01',
  random: 'a6:3f:1c:9e:20:7b',
  broadcast: 'ff:ff:ff:ff:ff:ff',
  ipv4mc: '01:00:5e:00:00:fb',
  ipv6mc: '33:33:00:00:00:01',
} as const;
export type PresetName = keyof typeof PRESETS;
export const DEFAULT_MAC = PRESETS.universal;
