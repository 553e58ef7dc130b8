// The MAC dissector's words in English (i18n.ts pairs them with i18n.zh.ts; the English bundle
// carries only this one).
import type { MacErrorKey, MacKind } from './model.ts';

type P = Readonly<Record<string, string | number>>;

export const text = {
  title: 'Take a MAC address apart',
  field: 'MAC address (any of the four spellings)',
  presets: 'Try these',
  preset: { universal: 'Universal unicast', random: 'Randomized local', broadcast: 'Broadcast', ipv4mc: 'IPv4 multicast', ipv6mc: 'IPv6 multicast' },
  copy: 'Copy a link to this address',
  spellings: 'The same address in four spellings: ',
  octets: (mac: string) => `The 6 octets of ${mac}: the first 3 and the last 3`,
  ouiBand: (oui: string) => `OUI ${oui}`,
  localBand: 'local, no OUI',
  nicBand: (nic: string) => `assigned ${nic}`,
  bitsTitle: (hex: string, bin: string) => `First octet 0x${hex} = ${bin}`,
  bitsLabel: (hex: string, bin: string) => `The 8 bits of the first octet 0x${hex}, ${bin}; b0 is the I/G bit, b1 the U/L bit`,
  touch: 'Click or tap the I/G or U/L bit (or Tab to it and press Enter) to flip it.',
  flipName: (name: string, bit: number, v: number) => `${name} bit (b${bit}) is ${v}; press to flip`,
  ig: 'I/G',
  ul: 'U/L',
  kind: {
    unicast: 'I/G = 0: a unicast address, naming one network interface.',
    multicast: 'I/G = 1: a group (multicast) address, naming a group of interfaces, not one card.',
    broadcast: 'All 48 bits set: the broadcast address; every interface on the LAN takes it.',
  } satisfies Record<MacKind, string>,
  universal: (oui: string) => `U/L = 0: universally administered; the first 24 bits, ${oui}, are an OUI the IEEE assigned to an organization.`,
  local: (d: string) => `U/L = 1: locally administered, set by an admin or by software; no OUI, so no vendor. The second hex digit is ${d} (a unicast with 2, 6, A or E is this kind): phones' and laptops' randomized Wi-Fi addresses look like this.`,
  localGroup: 'U/L = 1: a locally administered group address.',
  vendor: (v: string) => `In this page's small sample, this OUI belongs to ${v}.`,
  noVendor: "This OUI is not in this page's sample of a dozen (the full list has over 30,000 entries; nothing is looked up online).",
  caveat: 'Careful: the IEEE also assigns MA-M (28-bit prefix) and MA-S (36-bit prefix) blocks, so "the first 6 hex digits are the vendor" is not always true: the vendor part can be 28 or 36 bits.',
  ipv4mc: (ip: string) => `Starts 01:00:5e with the 4th octet below 0x80: IPv4 multicast. The low 23 bits come from the group address, e.g. ${ip} (32 group addresses share this MAC).`,
  ipv6mc: (ip: string) => `Starts 33:33: IPv6 multicast; the last 32 bits are the group address's low 32 bits, e.g. ${ip}.`,
  digit: (d: string) => `Second hex digit ${d}: `,
  digitRule: '0, 4, 8, C are universal unicast; 2, 6, A, E locally administered unicast; odd digits are group addresses.',
  now: (mac: string, kind: string) => `${mac}: ${kind}`,
  kindWord: { unicast: 'unicast', multicast: 'multicast', broadcast: 'broadcast' } satisfies Record<MacKind, string>,
  sep: ', ',
  localWord: 'locally administered',
  universalWord: 'universal',
  flipped: (name: string, bit: number, from: number, to: number, mac: string) => `Flipped the ${name} bit (b${bit}): ${from} → ${to}. Now ${mac}.`,
  staticNote: 'The default address (static version):',
  error: (key: MacErrorKey, p: P): string =>
    ({
      empty: 'Type a MAC address, e.g. 00:00:5e:00:53:01.',
      'too-long': `That is ${p.n} characters; the longest spelling of a MAC address is 17.`,
      'bad-char': `${p.char === ' ' ? 'A space' : `"${p.char}"`} is not a hex digit (0–9, a–f) or a separator (: - .).`,
      'mixed-separators': `It mixes the separators ${p.seps}: write one spelling at a time.`,
      'octet-count': `That is ${p.n} octets; a MAC address has 6.`,
      'octet-digits': `Octet ${p.i}, "${p.part}", has ${p.n} digits; each octet is 2 hex digits.`,
      'dot-groups': 'The dotted spelling is 3 groups of 4 digits: aabb.ccdd.eeff.',
      'digit-count': `That is ${p.n} hex digits; a MAC address has 12.`,
    })[key],
  kept: 'The pictures still show the last valid address.',
};
