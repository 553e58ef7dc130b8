// The IPv4/ARP explorer's pictures: every preset's lanes laid out clean (no text on text, no line
// through text) at phone, tablet and desktop widths and at the presenter scale, in both languages;
// the bits picture marks network and host bits by the prefix; the caches and headers say what the
// model's run says.
import { describe, expect, test } from 'vitest';
import { crosses, grow, overlaps } from '../../src/widgets/kit/draw/geom.ts';
import { ARP_PRESETS, arpRun, parseIPv4, type ArpScenario } from '../../src/widgets/ipv4/model.ts';
import { text } from '../../src/widgets/ipv4/i18n.ts';
import { arpLayout, cachesHtml, explorerHtml, headersHtml, laneOrder, narrate } from '../../src/widgets/ipv4/view.ts';

const SCENARIOS: Array<[string, ArpScenario]> = [
  ...Object.entries(ARP_PRESETS),
  ['B to the router', { src: 'B', dst: parseIPv4('192.168.1.1'), cached: false }],
  ['nobody there', { src: 'A', dst: parseIPv4('192.168.1.99'), cached: false }],
  ['itself', { src: 'A', dst: parseIPv4('192.168.1.10'), cached: false }],
];

describe('the ARP lanes', () => {
  for (const [name, sc] of SCENARIOS)
    for (const lang of ['zh', 'en'] as const)
      for (const [width, scale] of [[288, 1], [296, 1], [560, 1], [900, 1], [1100, 1.5], [700, 1.5]] as const)
        test(`${name}, ${lang}, ${width} px ×${scale}: nothing overlaps`, () => {
          const run = arpRun(sc);
          const l = arpLayout(run, sc, text[lang], width, scale);
          expect(l.ends).toHaveLength(run.length);
          expect(l.width).toBeLessThanOrEqual(Math.max(width, 288));
          for (let i = 0; i < l.boxes.length; i++) {
            for (let j = i + 1; j < l.boxes.length; j++) expect(overlaps(l.boxes[i]!, l.boxes[j]!), `boxes ${i} and ${j}`).toBe(false);
            for (const s of l.lines) expect(crosses(s, grow(l.boxes[i]!, -0.5)), `a line through box ${i}`).toBe(false);
          }
        });
  test('the sender is the first lane and its frames go to the second', () => {
    expect(laneOrder(arpRun(ARP_PRESETS.gateway), ARP_PRESETS.gateway)).toEqual(['A', 'R', 'B']);
    expect(laneOrder(arpRun(ARP_PRESETS.miss), ARP_PRESETS.miss)).toEqual(['A', 'B', 'R']);
  });
});

describe('words, caches and headers', () => {
  test('every step of every scenario is narrated in both languages', () => {
    for (const [, sc] of SCENARIOS)
      for (const lang of ['zh', 'en'] as const) {
        const run = arpRun(sc);
        const said = run.map((_, i) => narrate(run, i, sc, text[lang]));
        expect(new Set(said).size).toBe(said.length);
        for (const s of said) expect(s).not.toMatch(/undefined|NaN/);
      }
  });
  test('off the subnet, the IP packet’s frame is addressed to the router and the packet to the far host', () => {
    const run = arpRun(ARP_PRESETS.gateway);
    const html = headersHtml(run.at(-1)!, text.en);
    expect(html).toMatch(/destination MAC<\/dt><dd><code>02:00:00:00:01:01</);
    expect(html).toMatch(/destination IP<\/dt><dd><code>192.168.2.20</);
  });
  test('the request is broadcast; caches mark what a step added', () => {
    const run = arpRun(ARP_PRESETS.miss);
    expect(headersHtml(run[3]!, text.zh)).toContain('ff:ff:ff:ff:ff:ff');
    expect(cachesHtml(run[5]!, text.en)).toMatch(/<tr class="kit-tbl-added" data-mark="added"><td>192.168.1.10<\/td>/);
    expect(cachesHtml(run[6]!, text.en)).not.toContain('kit-tbl-added');
  });
  test('the explorer says same subnet or not, and the kind of each address', () => {
    expect(explorerHtml(parseIPv4('192.168.1.10'), 24, parseIPv4('192.168.1.20'), text.en)).toContain('data-same="true"');
    const off = explorerHtml(parseIPv4('172.16.5.4'), 20, parseIPv4('172.16.18.1'), text.en);
    expect(off).toContain('data-same="false"');
    expect(off).toContain('172.16.16.0');
    expect(off).toContain('private (RFC 1918');
  });
});
