// The MAC dissector's model held to Python: for thousands of random addresses, python3 reads the
// same six bytes with its own bit tests (and bytes.hex / bytes.fromhex for the spellings), and
// the model must agree on every field; bad spellings are refused with the right key.
import { describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { flipBit, formatMac, fromBytes, kindOf, MacError, parseMac, PRESETS, vendorOf, type MacForm } from '../../src/widgets/mac/model.ts';

/** A seeded stream of bytes (xorshift32), so a failure can be replayed. */
function randomBytes(count: number, seed: number): number[][] {
  let x = seed >>> 0 || 1;
  const byte = () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x & 0xff;
  };
  return Array.from({ length: count }, () => Array.from({ length: 6 }, byte));
}

const PY = String.raw`
import json, sys
out = []
for t in json.load(sys.stdin):
    b = bytes.fromhex(t)
    out.append({
        'group': bool(b[0] & 0b01),
        'local': bool(b[0] & 0b10),
        'broadcast': b == b'\xff' * 6,
        'oui': b[:3].hex(':').upper(),
        'nic': b[3:].hex(':').upper(),
        'forms': {'colon': b.hex(':'), 'dash': b.hex('-'), 'bare': b.hex(), 'dot': b.hex('.', 2)},
    })
json.dump(out, sys.stdout)
`;

const python = (hexes: string[]) => JSON.parse(execFileSync('python3', ['-c', PY], { input: JSON.stringify(hexes), encoding: 'utf8' }));

describe('parseMac agrees with Python on random addresses', () => {
  // Random bytes, plus the corners: all zero, all ones, each of the two low bits alone.
  const samples = [...randomBytes(4000, 20261206), [0, 0, 0, 0, 0, 0], [255, 255, 255, 255, 255, 255], [1, 0, 0, 0, 0, 0], [2, 0, 0, 0, 0, 0], [255, 255, 255, 255, 255, 254]];
  const hexes = samples.map((b) => Buffer.from(b).toString('hex'));
  const py = python(hexes);

  test('group, local, broadcast, oui and nic are what Python computes from the bytes', () => {
    samples.forEach((b, i) => {
      const m = fromBytes(b);
      const p = py[i];
      expect({ group: m.group, local: m.local, broadcast: m.broadcast, oui: m.oui, nic: m.nic }, hexes[i]).toEqual({ group: p.group, local: p.local, broadcast: p.broadcast, oui: p.oui, nic: p.nic });
    });
  });

  test('every spelling Python writes parses back to the same bytes, in either case', () => {
    samples.forEach((b, i) => {
      for (const form of ['colon', 'dash', 'bare', 'dot'] as MacForm[]) {
        const text = py[i].forms[form] as string;
        expect(formatMac(b, form)).toBe(text);
        expect(parseMac(text).bytes).toEqual(b);
        expect(parseMac(` ${text.toUpperCase()} `).bytes).toEqual(b);
      }
    });
  });
});

describe('parseMac refuses what is not an address, saying why', () => {
  const cases: Array<[string, string]> = [
    ['', 'empty'],
    ['   ', 'empty'],
    ['00:00:5e:00:53', 'octet-count'],
    ['00:00:5e:00:53:01:02', 'octet-count'],
    ['00:00:5e:00:53:zz', 'bad-char'],
    ['00:00:5e:00:53:0g', 'bad-char'],
    ['00 00 5e 00 53 01', 'bad-char'],
    ['00:00:5e-00-53-01', 'mixed-separators'],
    ['0:00:5e:00:53:01', 'octet-digits'],
    ['000:0:5e:00:53:01', 'octet-digits'],
    ['00:00:5e:00:53:', 'octet-digits'],
    ['0000.5e00.53', 'dot-groups'],
    ['00005e.005301', 'dot-groups'],
    ['00005e00530', 'digit-count'],
    ['00005e0053011', 'digit-count'],
    ['x'.repeat(100), 'too-long'],
  ];
  test.each(cases)('%j → %s', (text, key) => {
    let err: unknown;
    try {
      parseMac(text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(MacError);
    expect((err as MacError).key).toBe(key);
  });

  test('Python refuses the same bad spellings (bytes.fromhex after removing one kind of separator)', () => {
    const bad = ['00:00:5e:00:53', '00:00:5e:00:53:zz', '00:00:5e-00-53-01', '00005e00530'];
    const out = execFileSync('python3', ['-c', `import json,sys
r=[]
for t in json.load(sys.stdin):
    try:
        s=t.replace(':','') if ':' in t and '-' not in t else t
        b=bytes.fromhex(s)
        r.append(len(b)==6)
    except ValueError:
        r.append(False)
print(json.dumps(r))`], { input: JSON.stringify(bad), encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual(bad.map(() => false));
  });
});

describe('the bits and the sample', () => {
  test('flipping I/G or U/L changes exactly that bit, and twice gives the address back', () => {
    for (const b of randomBytes(200, 7)) {
      for (const bit of [0, 1] as const) {
        const f = flipBit(b, bit);
        expect(f[0]! ^ b[0]!).toBe(1 << bit);
        expect(f.slice(1)).toEqual(b.slice(1));
        expect(flipBit(f, bit)).toEqual(b);
      }
    }
  });
  test('the presets are what their names say', () => {
    expect(kindOf(parseMac(PRESETS.universal))).toBe('unicast');
    expect(parseMac(PRESETS.universal).local).toBe(false);
    expect(parseMac(PRESETS.random)).toMatchObject({ group: false, local: true });
    expect(kindOf(parseMac(PRESETS.broadcast))).toBe('broadcast');
    expect(parseMac(PRESETS.ipv4mc)).toMatchObject({ group: true, local: false, oui: '01:00:5E' });
    expect(parseMac(PRESETS.ipv6mc)).toMatchObject({ group: true, local: true });
  });
  test('the second hex digit 2, 6, A or E means locally administered unicast', () => {
    for (let d = 0; d < 16; d++) {
      const m = parseMac(`0${d.toString(16)}0000000000`);
      expect(m.local && !m.group, d.toString(16)).toBe([2, 6, 10, 14].includes(d));
    }
  });
  test('vendorOf names a sample OUI, looks past the I/G bit, and never names a local address', () => {
    expect(vendorOf(parseMac('00:50:56:12:34:56'))).toBe('VMware, Inc.');
    expect(vendorOf(parseMac(PRESETS.ipv4mc))).toBe('ICANN, IANA Department');
    expect(vendorOf(parseMac('02:50:56:12:34:56'))).toBeNull();
    expect(vendorOf(parseMac('12:34:56:78:9a:bc'))).toBeNull();
  });
});
