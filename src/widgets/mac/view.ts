// What the MAC dissector shows for an address, as strings: the six octets (kit bytes(): the OUI
// and the organisation's part as bands, the first octet outlined), the first octet's bits (kit
// bits(): I/G and U/L named, the bits a reader touches), and the sentences that explain them. Used
// by the build-time figure (Mac.astro), the labs page's still and the live element alike.
import { bytes } from '../kit/draw/bytes.ts';
import { bitsLayout } from '../kit/draw/bitcells.ts';
import type { Fit } from '../kit/draw/fit.ts';
import { formatMac, kindOf, vendorOf, type Mac } from './model.ts';
import type { MacText } from './i18n.ts';

const bin = (b: number) => {
  const s = b.toString(2).padStart(8, '0');
  return `${s.slice(0, 4)} ${s.slice(4)}`;
};

export function octetsSvg(m: Mac, t: MacText, f: Fit): string {
  return bytes({
    bytes: Uint8Array.from(m.bytes),
    bands: [
      { start: 0, end: 3, label: m.local ? t.localBand : t.ouiBand(m.oui), tone: m.local ? 2 : 1 },
      { start: 3, end: 6, label: t.nicBand(m.nic), tone: 3 },
    ],
    highlight: { start: 0, end: 1 },
    view: 'hex',
    width: f.width,
    scale: f.scale,
    label: t.octets(formatMac(m.bytes)),
  }).svg;
}

export function bitsPicture(m: Mac, t: MacText, f: Fit) {
  const b0 = m.bytes[0]!;
  const hex = b0.toString(16).padStart(2, '0');
  return bitsLayout(
    {
      bits: Array.from({ length: 8 }, (_, i) => ((b0 >> (7 - i)) & 1) as 0 | 1),
      named: { 1: { label: t.ul, tone: 2 }, 0: { label: t.ig, tone: 4 } },
      title: t.bitsTitle(hex, bin(b0)),
      label: t.bitsLabel(hex, bin(b0)),
    },
    f,
  );
}

/** The sentences that explain the address, in order. */
export function facts(m: Mac, t: MacText): string[] {
  const out = [t.kind[kindOf(m)]];
  const [a, b, c, d, e, g] = m.bytes as [number, number, number, number, number, number];
  if (a === 0x01 && b === 0x00 && c === 0x5e && d < 0x80) out.push(t.ipv4mc(`224.${d}.${e}.${g}`));
  if (a === 0x33 && b === 0x33) {
    const hi = (c << 8) | d;
    const lo = (e << 8) | g;
    out.push(t.ipv6mc(`ff02::${hi ? `${hi.toString(16)}:` : ''}${lo.toString(16)}`));
  }
  const digit = (a & 0xf).toString(16).toUpperCase();
  if (!m.broadcast) {
    if (m.local) out.push(m.group ? t.localGroup : t.local(digit));
    else {
      out.push(t.universal(m.oui));
      const v = vendorOf(m);
      out.push(v ? t.vendor(v) : t.noVendor);
      out.push(t.caveat);
    }
  }
  out.push(t.digit(digit) + t.digitRule);
  return out;
}

/** The four spellings of the address. */
export const spellings = (m: Mac): string[] => (['colon', 'dash', 'dot', 'bare'] as const).map((f) => formatMac(m.bytes, f));

/** One line for the live region: the address and what it is. */
export function summary(m: Mac, t: MacText): string {
  const words = [t.kindWord[kindOf(m)]];
  if (!m.broadcast) words.push(m.local ? t.localWord : t.universalWord);
  return t.now(formatMac(m.bytes), words.join(t.sep));
}
