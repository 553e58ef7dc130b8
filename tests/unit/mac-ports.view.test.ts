// The pictures and words of the MAC dissector and the ports lab, in Node: every preset and every
// flipped bit drawn clean (tests/unit/draw-check.ts) at phone, desktop and presenter sizes; the
// sentences say what the model says, in both languages.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { macText } from '../../src/widgets/mac/i18n.ts';
import { flipBit, fromBytes, parseMac, PRESETS } from '../../src/widgets/mac/model.ts';
import { bitsPicture, facts, octetsSvg, summary } from '../../src/widgets/mac/view.ts';
import { portsText } from '../../src/widgets/ports/i18n.ts';
import { MAX_CLIENTS } from '../../src/widgets/ports/model.ts';
import { lineSvg, portFacts, portWords, socketsTable } from '../../src/widgets/ports/view.ts';
import { numberLineLayout } from '../../src/widgets/kit/draw/numberline.ts';
import { problems } from './draw-check.ts';

const SIZES = [[288, 1], [296, 1], [700, 1], [1200, 1.5]] as const;

describe('MAC dissector view', () => {
  for (const lang of ['zh', 'en'] as const)
    test(`${lang}: every preset and each flipped bit, clean at every size`, () => {
      for (const text of Object.values(PRESETS)) {
        const m = parseMac(text);
        for (const mm of [m, fromBytes(flipBit(m.bytes, 0)), fromBytes(flipBit(m.bytes, 1))])
          for (const [width, scale] of SIZES) expect(problems(bitsPicture(mm, macText[lang], { width, scale }), width), `${text} ${width}`).toEqual([]);
      }
    });
  test('the octets name the OUI, or say a local address has none', () => {
    expect(octetsSvg(parseMac(PRESETS.universal), macText.en, { width: 288, scale: 1 })).toContain('OUI 00:00:5E');
    expect(octetsSvg(parseMac(PRESETS.random), macText.en, { width: 288, scale: 1 })).toContain('local, no OUI');
  });
  test('the facts follow the bits', () => {
    const t = macText.en;
    expect(facts(parseMac(PRESETS.universal), t).join(' ')).toContain('MA-M');
    expect(facts(parseMac(PRESETS.random), t).join(' ')).not.toContain('MA-M');
    expect(facts(parseMac(PRESETS.ipv4mc), t).join(' ')).toContain('224.0.0.251');
    expect(facts(parseMac('01:00:5e:80:00:01'), t).join(' ')).not.toContain('224.');
    expect(facts(parseMac(PRESETS.ipv6mc), t).join(' ')).toContain('ff02::1');
    expect(summary(parseMac(PRESETS.broadcast), macText.zh)).toBe('ff:ff:ff:ff:ff:ff：广播');
  });
  test('zh and en have the same keys', () => {
    expect(Object.keys(macText.zh).sort()).toEqual(Object.keys(macText.en).sort());
    expect(Object.keys(portsText.zh).sort()).toEqual(Object.keys(portsText.en).sort());
  });
});

describe('ports view', () => {
  test('the number line is clean for any port at any size, in both languages', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 65535 }), fc.constantFrom(...SIZES), fc.constantFrom('zh' as const, 'en' as const), (port, [width, scale], lang) => {
        const t = portsText[lang];
        const svg = lineSvg(port, t, { width, scale });
        expect(svg).toContain(portWords(port, t));
        // The same layout as lineSvg draws, checked by the layout rules.
        const d = numberLineLayout({ min: 0, max: 65535, spans: [{ from: 0, to: 1023, label: t.range.system }, { from: 1024, to: 49151, label: t.range.user }, { from: 49152, to: 65535, label: t.range.dynamic }, { from: 32768, to: 60999, label: t.linux }], mark: { at: port, label: portWords(port, t) }, label: 'x' }, { width, scale });
        expect(problems(d, width)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
  test('the words by the mark name the range and Linux’s range', () => {
    expect(portWords(80, portsText.en)).toBe('80 · system port');
    expect(portWords(40000, portsText.en)).toBe('40000 · user port · in Linux’s ephemeral range');
    expect(portFacts(5000, portsText.en).join(' ')).toContain('AirPlay');
  });
  test('the table has the listener, a row per client and the UDP socket; the newest marked', () => {
    const html = socketsTable(MAX_CLIENTS, portsText.en, true);
    expect(html.match(/<tr/g)).toHaveLength(MAX_CLIENTS + 3); // + header row
    expect(html.match(/data-mark="added"/g)).toHaveLength(1);
    expect(html).toContain('<td>udp</td><td>127.0.0.1:8000</td>');
  });
});
