// The layer mapper (W1): the model's verdicts against the chapter's rule ("see what it is carried
// in"), with the carrying fields checked against the system's own tables (Python's socket module
// reads /etc/protocols and /etc/services; the EtherTypes are Linux's <linux/if_ether.h>); the
// columns line up; the state link round-trips; the picture holds every chip in both languages.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import { answer, answers, BANDS, CARRIED_IN, decodeState, DEFAULT_STATE, encodeState, HOME, judge, MODELS, place, PROTOCOLS, score, type LayersState } from '../../src/widgets/layers/model.ts';
import { columnProblems, columns } from '../../src/widgets/kit/draw/columns.ts';
import { layersText } from '../../src/widgets/layers/i18n.ts';
import { layersPicture, verdictText } from '../../src/widgets/layers/view.ts';
import { spawnSync } from 'node:child_process';

const python = (code: string): string => {
  const r = spawnSync('python3', ['-c', code], { encoding: 'utf8', timeout: 20_000 });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
};

describe('layer mapper model', () => {
  test('the answers: one band per protocol per model, as the chapter\'s table and Figure 1-1 have them', () => {
    const name = (m: (typeof MODELS)[number]) => PROTOCOLS.map((p) => BANDS[m][answer(m, p)]!.key);
    expect(name('osi')).toEqual(['link', 'link', 'network', 'transport', 'transport', 'application', 'application']);
    expect(name('five')).toEqual(['link', 'link', 'network', 'transport', 'transport', 'application', 'application']);
    expect(name('tcpip')).toEqual(['link', 'link', 'internet', 'transport', 'transport', 'application', 'application']);
  });

  test('every (model, protocol, band) is judged exactly once, and only the argued-about placements are close', () => {
    const close: string[] = [];
    let right = 0;
    for (const m of MODELS)
      for (const p of PROTOCOLS)
        BANDS[m].forEach((b, i) => {
          const j = judge(m, p, i);
          if (j.verdict === 'close') close.push(`${m} ${p} ${b.key} ${j.why}`);
          if (j.verdict === 'right') right++;
        });
    // Ethernet is right in OSI's and the five-layer model's physical band too (IEEE 802.3 defines both).
    expect(right).toBe(7 * 3 + 2);
    expect(close.sort()).toEqual(
      ['five arp network arp-network', 'osi arp network arp-network', 'osi ftp presentation app-upper', 'osi ftp session app-upper', 'osi http presentation app-upper', 'osi http session app-upper', 'tcpip arp internet arp-network'].sort(),
    );
  });

  test('the chapter\'s rule: a protocol sits one band above what carries it, except ARP (a link-layer helper carried in Ethernet)', () => {
    for (const m of MODELS)
      for (const p of PROTOCOLS) {
        const c = CARRIED_IN[p];
        if (c.in === 'wire') continue;
        const mine = answer(m, p);
        const carrier = answer(m, c.in);
        const expected = p === 'arp' ? carrier : carrier - 1;
        // In the five and four-layer models nothing sits between the carrier and its cargo; OSI's
        // session and presentation layers sit between TCP and HTTP (they are empty in TCP/IP).
        if (m === 'osi' && (p === 'http' || p === 'ftp')) expect(mine).toBe(carrier - 3);
        else expect(mine, `${m} ${p}`).toBe(expected);
      }
  });

  test('the carrying fields are the system\'s: IP protocol numbers, TCP ports, EtherTypes', () => {
    const out = python(
      'import socket,json; print(json.dumps({"tcp": socket.getprotobyname("tcp"), "udp": socket.getprotobyname("udp"), "http": socket.getservbyname("http", "tcp"), "ftp": socket.getservbyname("ftp", "tcp")}))',
    );
    const sys = JSON.parse(out) as Record<string, number>;
    for (const p of ['tcp', 'udp', 'http', 'ftp'] as const) expect(CARRIED_IN[p].value, p).toBe(sys[p]);
    // ARP has no IP protocol number: it is never carried in IP.
    expect(python('import socket\ntry:\n    socket.getprotobyname("arp"); print("found")\nexcept OSError: print("none")').trim()).toBe('none');
    const header = '/usr/include/linux/if_ether.h';
    if (existsSync(header)) {
      const h = readFileSync(header, 'utf8');
      const eth = (name: string) => Number(new RegExp(`#define\\s+${name}\\s+(0x[0-9a-fA-F]+)`).exec(h)![1]);
      expect(CARRIED_IN.ip.value).toBe(eth('ETH_P_IP'));
      expect(CARRIED_IN.arp.value).toBe(eth('ETH_P_ARP'));
    } else {
      // Without Linux's headers, the course's own encapsulation.py builds an IPv4 frame's type field.
      expect(readFileSync('content/examples/encapsulation.py', 'utf8')).toMatch(/0x0800/);
    }
  });

  test('the home layers cover every band\'s answer, and every model\'s bands cover OSI 1–7 once', () => {
    for (const m of MODELS) expect(BANDS[m].flatMap((b) => b.covers).sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const p of PROTOCOLS) expect(HOME[p].length).toBeGreaterThan(0);
  });

  test('state links round-trip, and anything else is refused', () => {
    const st = fc.record({
      model: fc.constantFrom(...MODELS),
      placed: fc.record({
        osi: fc.array(fc.integer({ min: -1, max: 6 }), { minLength: 7, maxLength: 7 }),
        five: fc.array(fc.integer({ min: -1, max: 4 }), { minLength: 7, maxLength: 7 }),
        tcpip: fc.array(fc.integer({ min: -1, max: 3 }), { minLength: 7, maxLength: 7 }),
      }),
    });
    fc.assert(fc.property(st, (s: LayersState) => {
      expect(decodeState(encodeState(s))).toEqual(s);
    }));
    expect(decodeState(encodeState(DEFAULT_STATE))).toEqual(DEFAULT_STATE);
    for (const bad of ['', 'x.-------.-------.-------', 'f.-------.-------', 'f.------.-------.-------', 'f.-------.-----5-.-------', 'f.-------.-------.---4---', 'f.-------.--a----.-------', 'f.-------.-------.-------.'])
      expect(decodeState(bad), bad).toBeNull();
    fc.assert(fc.property(fc.string(), (s) => void decodeState(s)));
  });

  test('placing and scoring', () => {
    let s = place(DEFAULT_STATE, 'five', 'arp', 2);
    s = place(s, 'five', 'tcp', 1);
    s = place(s, 'five', 'http', 4);
    expect(score(s, 'five')).toEqual({ placed: 3, right: 1, close: 1, wrong: 1 });
    expect(score(s, 'osi').placed).toBe(0);
    expect(score({ ...s, placed: answers() }, 'osi')).toEqual({ placed: 7, right: 7, close: 0, wrong: 0 });
    expect(() => place(s, 'tcpip', 'ip', 4)).toThrow(RangeError);
    expect(place(s, 'five', 'arp', -1).placed.five[1]).toBe(-1);
  });
});

describe('layer mapper view', () => {
  test('the columns line up: every band of every model covers its rows once', () => {
    for (const lang of ['zh', 'en'] as const) {
      const t = layersText[lang];
      const input = { rows: 7, words: t.words, interactive: true, cols: MODELS.map((m) => ({ id: m, title: t.model[m], bands: BANDS[m].map((b) => ({ from: 7 - Math.max(...b.covers), to: 7 - Math.min(...b.covers), label: t.band(m, b.key), items: [] })) })) };
      expect(columnProblems(input)).toEqual([]);
      expect(columns(input)).toContain('grid-row:2/5'); // TCP/IP's application band spans OSI 7, 6, 5
    }
    expect(columnProblems({ rows: 4, words: layersText.en.words, interactive: false, cols: [{ id: 'x', title: 'x', bands: [{ from: 0, to: 0, label: 'a', items: [] }, { from: 2, to: 2, label: 'b', items: [] }] }] })).toHaveLength(2);
  });

  test('the answer key shows each protocol once per column, ARP dashed, no marks', () => {
    for (const lang of ['zh', 'en'] as const) {
      const t = layersText[lang];
      const html = layersPicture({ ...DEFAULT_STATE, placed: answers() }, t, { interactive: false, marks: false });
      for (const p of PROTOCOLS) expect(html.split(`>${t.proto[p]}<`).length - 1, p).toBe(3);
      expect(html.match(/kit-chip-dashed/g)).toHaveLength(3);
      expect(html).not.toContain('<button');
      expect(html).not.toMatch(/kit-chip-(right|close|wrong)/);
    }
  });

  test('a live picture marks each chip with a sign and a word, and every verdict has its sentence', () => {
    const s = place(place(DEFAULT_STATE, 'osi', 'http', 2), 'osi', 'udp', 6);
    const html = layersPicture(s, layersText.en, { interactive: true, picked: { model: 'osi', p: 'udp' } });
    expect(html).toContain('kit-chip-close');
    expect(html).toContain('<span class="sr-only"> close</span>');
    expect(html).toContain('aria-pressed="true">UDP');
    for (const lang of ['zh', 'en'] as const)
      for (const m of MODELS)
        for (const p of PROTOCOLS)
          BANDS[m].forEach((_, i) => {
            const v = verdictText(m, p, i, layersText[lang]);
            expect(v).toContain(layersText[lang].proto[p]);
            expect(v).not.toMatch(/undefined|NaN/);
          });
    expect(verdictText('five', 'arp', 2, layersText.zh)).toContain('0x0806');
    expect(verdictText('tcpip', 'tcp', 0, layersText.en)).toBe(`TCP in Application: wrong, it belongs in Transport. ${layersText.en.about.tcp}`);
  });
});
