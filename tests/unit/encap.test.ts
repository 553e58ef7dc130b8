// The encapsulation widget (W1): its sizes held to content/examples/encapsulation.py run by a real
// python3 (the course's own code, building each frame byte by byte with struct and zlib.crc32),
// its state links, and its picture held to the layout rules at a phone's width and a wide one.
import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { decodeState, DEFAULT_STATE, encapsulate, EncapError, encodeState, maxBytes, onTheWire, type EncapState } from '../../src/widgets/encap/model.ts';
import { encapPicture, narrate } from '../../src/widgets/encap/view.ts';
import { encapText } from '../../src/widgets/encap/i18n.ts';
import { PHONE_WIDTH } from '../../src/widgets/kit/draw/text.ts';
import { problems } from './draw-check.ts';

// For each message length: the segment, packet and frame lengths and the padding that the
// example's own functions produce (TCP without options, and UDP).
const PY = `
import json, sys
sys.path.insert(0, 'content/examples')
import encapsulation as e
out = []
for n in json.loads(sys.argv[1]):
    msg = bytes(n)
    for name, proto, seg in (('tcp', e.TCP, e.tcp_segment(msg)), ('udp', e.UDP, e.udp_datagram(msg))):
        packet = e.ipv4_packet(proto, seg)
        frame, pad = e.ethernet_frame(packet)
        out.append([n, name, len(seg), len(packet), pad, len(frame), len(frame) + 8])
print(json.dumps(out))
`;

describe('sizes, as the course example builds them in CPython', () => {
  test('every message length from 0 to 60 and a sample up to a full frame, over TCP and UDP', () => {
    const lengths = [...Array.from({ length: 61 }, (_, i) => i), 100, 500, 1000, 1400, 1460, 1472];
    const rows = JSON.parse(execFileSync('python3', ['-c', PY, JSON.stringify(lengths)], { encoding: 'utf8' })) as Array<[number, string, number, number, number, number, number]>;
    expect(rows.length).toBe(lengths.length * 2);
    let checked = 0;
    for (const [n, name, seg, packet, pad, frame, wire] of rows) {
      const transport = name as 'tcp' | 'udp';
      if (n > maxBytes({ transport, timestamps: false })) continue; // 1472 over TCP: more than one frame
      const L = encapsulate({ bytes: n, transport, timestamps: false });
      expect([L[1]!.total, L[2]!.total, L[3]!.parts.find((p) => p.kind === 'pad')?.bytes ?? 0, L[3]!.total, L[4]!.total], `${n} bytes over ${name}`).toEqual([seg, packet, pad, frame, wire]);
      checked++;
    }
    expect(checked).toBe(rows.length - 1);
  });

  test("the chapter's numbers: hello is a 64-byte frame, 84 byte times on the wire, 6 % of it data", () => {
    const L = encapsulate({ bytes: 5, transport: 'tcp', timestamps: false });
    expect(L.map((l) => l.total)).toEqual([5, 25, 45, 64, 72]);
    expect(onTheWire(L)).toEqual({ byteTimes: 84, efficiency: 5 / 84 });
    // With Linux's timestamps option the packet is 57 bytes: no padding, a 75-byte frame.
    const ts = encapsulate({ bytes: 5, transport: 'tcp', timestamps: true });
    expect([ts[2]!.total, ts[3]!.total, ts[3]!.parts.some((p) => p.kind === 'pad')]).toEqual([57, 75, false]);
    // UDP: 13 bytes of padding, still 64. A full TCP frame: 1538 byte times, about 95 % data.
    expect(encapsulate({ bytes: 5, transport: 'udp', timestamps: false })[3]!.parts.find((p) => p.kind === 'pad')!.bytes).toBe(13);
    const full = onTheWire(encapsulate({ bytes: 1460, transport: 'tcp', timestamps: false }));
    expect(full.byteTimes).toBe(1538);
    expect(full.efficiency).toBeCloseTo(0.949, 3);
  });

  test('sizes no single frame carries are refused with the limit', () => {
    expect(() => encapsulate({ bytes: 1461, transport: 'tcp', timestamps: false })).toThrow(EncapError);
    expect(() => encapsulate({ bytes: 1449, transport: 'tcp', timestamps: true })).toThrow(EncapError);
    expect(() => encapsulate({ bytes: -1, transport: 'udp', timestamps: false })).toThrow(EncapError);
    try {
      encapsulate({ bytes: 2000, transport: 'udp', timestamps: false });
    } catch (e) {
      expect([(e as EncapError).key, (e as EncapError).limit]).toEqual(['too-big', 1472]);
    }
  });
});

describe('state links', () => {
  const state = fc.record({
    transport: fc.constantFrom('tcp' as const, 'udp' as const),
    timestamps: fc.boolean(),
    message: fc.oneof(fc.string({ maxLength: 40 }), fc.nat({ max: 1400 })),
  }).map((s): EncapState => ({ ...s, timestamps: s.transport === 'tcp' && s.timestamps }));
  test('round-trip for any state (text in any script, or a count)', () => {
    fc.assert(fc.property(state, (s) => {
      const m = typeof s.message === 'string' ? s.message.toWellFormed() : s.message;
      expect(decodeState(encodeState({ ...s, message: m }))).toEqual({ ...s, message: m });
    }));
    expect(encodeState(DEFAULT_STATE)).toBe('t~xaGVsbG8');
  });
  test('garbage is refused, never thrown', () => {
    for (const raw of ['', 't', 't~', 'x~n5', 'us~n5', 't~n99999', 't~n1461', 't~x!!', 't~xwA', 't~x_w', '\u0000'])
      expect(decodeState(raw), raw).toBeNull();
    fc.assert(fc.property(fc.string(), (raw) => void decodeState(raw)));
  });
});

describe('the picture', () => {
  const cases = [DEFAULT_STATE, { transport: 'udp' as const, timestamps: false, message: 5 }, { transport: 'tcp' as const, timestamps: true, message: 1448 }, { transport: 'tcp' as const, timestamps: false, message: '网络编程' }];
  for (const lang of ['zh', 'en'] as const)
    test(`every step fits its rules at a phone's width, wide, and in presenter mode (${lang})`, () => {
      const t = encapText[lang];
      for (const s of cases) {
        const L = encapsulate({ bytes: typeof s.message === 'number' ? s.message : new TextEncoder().encode(s.message).length, transport: s.transport, timestamps: s.timestamps });
        for (const [width, scale] of [[PHONE_WIDTH, 1], [700, 1], [1200, 1.5]] as const)
          for (let step = 0; step <= 4; step++) {
            const d = encapPicture(L, step, t, { width, scale });
            expect(problems(d, width), `${JSON.stringify(s)} ${width} px ×${scale} step ${step}`).toEqual([]);
            expect(d.width, `${width} px step ${step}`).toBeLessThanOrEqual(Math.max(width, PHONE_WIDTH));
            expect(narrate(L, step, s, t).length).toBeGreaterThan(20);
          }
      }
    });
  test('wide, the rows nest: each payload lies exactly under the row above', () => {
    const L = encapsulate({ bytes: 5, transport: 'tcp', timestamps: false });
    const d = encapPicture(L, 4, encapText.en, { width: 1000, scale: 1 });
    const rects = [...d.svg.matchAll(/data-kind="(\w+)"><rect class="[^"]*" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"/g)].map((m) => ({ kind: m[1]!, x: +m[2]!, w: +m[4]! }));
    // Row by row: data; tcp + inner; ip + inner; eth + inner + pad + fcs; pre + inner + ifg.
    expect(rects.map((r) => r.kind)).toEqual(['data', 'tcp', 'inner', 'ip', 'inner', 'eth', 'inner', 'pad', 'fcs', 'pre', 'inner', 'ifg']);
    const data = rects[0]!;
    expect([rects[2]!.x, rects[2]!.w]).toEqual([data.x, data.w]); // the segment's payload = the message
    expect(rects[4]!.x).toBe(rects[1]!.x); // the packet's payload starts at the TCP header
    expect(rects[10]!.x).toBe(rects[5]!.x); // the bits carry the frame from its Ethernet header
    expect(rects[10]!.x + rects[10]!.w).toBe(rects[8]!.x + rects[8]!.w); // … to its FCS
  });
});
