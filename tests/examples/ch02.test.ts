// Runs chapter 2's MAC dissector (content/examples/mac_address.py) with python3 and checks what the
// chapter says about MAC addresses. The expected bits are computed here from the address strings
// (bit 0 of the first octet = I/G, bit 1 = U/L), independently of the script.
import { describe, test, expect, beforeAll } from 'vitest';
import { join } from 'node:path';
import { EXAMPLES, expectClean, runExample, runPython, type Run } from '../support/python.ts';

const SCRIPT = join(EXAMPLES, 'mac_address.py');
const dissect = (...macs: string[]) => runPython([SCRIPT, ...macs], { cwd: EXAMPLES, timeoutMs: 10_000 });

/** Six octets from any of the three spellings, computed without the script. */
function octets(text: string): number[] {
  const hex = text.replace(/[:-]/g, '').toLowerCase();
  return hex.match(/../g)!.map((h) => parseInt(h, 16));
}

/** What the chapter says the script prints for one address. */
function expected(text: string): string[] {
  const o = octets(text);
  const first = o[0]!;
  const ig = first & 1;
  const ul = (first >> 1) & 1;
  const broadcast = o.every((b) => b === 0xff);
  const kind = broadcast ? 'broadcast' : ig ? 'multicast' : 'unicast';
  const hex = (b: number) => b.toString(16).padStart(2, '0');
  const lines = [
    `${text} -> ${o.map(hex).join(':')}`,
    `  first octet 0x${hex(first)} = ${first.toString(2).padStart(8, '0')}: I/G=${ig} ${kind}, U/L=${ul} ${ul ? 'local' : 'global'}`,
  ];
  if (broadcast) lines.push('  broadcast: every interface on the LAN accepts it');
  else if (ig) lines.push('  group address: it names a group of interfaces, not one NIC');
  else if (ul) lines.push('  locally administered (e.g. randomized): no OUI, no vendor');
  else {
    lines.push(`  OUI ${o.slice(0, 3).map(hex).join(':')}, NIC-specific part ${o.slice(3).map(hex).join(':')}`);
    lines.push('  (for an MA-L block; MA-M and MA-S prefixes are 28 and 36 bits long)');
  }
  return lines;
}


const SAMPLES = ['00-00-5E-00-53-01', 'a6:3f:1c:9e:20:7b', '01005e0000fb', '33:33:00:00:00:01', 'ff:ff:ff:ff:ff:ff'];

describe('mac_address.py with no arguments: the chapter\'s samples', () => {
  let run: Run;
  beforeAll(async () => {
    run = await runExample('mac_address.py', { timeoutMs: 10_000 });
  });

  test('dissects the five samples exactly as the bits say, then rejects three bad inputs', () => {
    expectClean(run);
    const want = [...SAMPLES.flatMap(expected)];
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.slice(0, want.length)).toEqual(want);
    const rejected = lines.slice(want.length);
    expect(rejected).toHaveLength(3);
    for (const [line, bad] of rejected.map((l, i) => [l, ['00:00:5e:00:53', '00:00:5e:00:53:zz', '00:00:5e-00-53-01'][i]!] as const)) {
      expect(line).toBe(`rejected: not a MAC address: '${bad}' (expected 6 octets written as aa:bb:cc:dd:ee:ff, aa-bb-cc-dd-ee-ff or aabbccddeeff)`);
    }
  });

  test('the documentation address 00-00-5E-00-53-01 is global unicast with OUI 00:00:5e', () => {
    expect(run.stdout).toContain('  OUI 00:00:5e, NIC-specific part 00:53:01');
  });

  test('a randomized address (second hex digit 6) is unicast and locally administered', () => {
    expect('a6:3f:1c:9e:20:7b'[1]).toBe('6');
    expect(run.stdout).toContain('first octet 0xa6 = 10100110: I/G=0 unicast, U/L=1 local');
  });

  test('ff:ff:ff:ff:ff:ff is the broadcast address; 01:00:5e:… and 33:33:… are multicast', () => {
    expect(run.stdout).toContain('first octet 0xff = 11111111: I/G=1 broadcast');
    expect(run.stdout).toContain('first octet 0x01 = 00000001: I/G=1 multicast, U/L=0 global');
    expect(run.stdout).toContain('first octet 0x33 = 00110011: I/G=1 multicast, U/L=1 local');
  });
});

describe('mac_address.py with addresses on the command line', () => {
  test('the second hex digit alone decides: 2, 6, A, E = local unicast; odd = multicast; 0, 4, 8, C = global unicast', async () => {
    const digits = '0123456789abcdef'.split('');
    const macs = digits.map((d) => `0${d}:00:00:00:00:01`);
    const run = await dissect(...macs);
    expectClean(run);
    expect(run.stdout.trimEnd().split('\n')).toEqual(macs.flatMap(expected));
    for (const d of digits) {
      const n = parseInt(d, 16);
      const line = run.stdout.split('\n').find((l) => l.startsWith(`0${d}:00:00:00:00:01 ->`))!;
      const next = run.stdout.split('\n')[run.stdout.split('\n').indexOf(line) + 1]!;
      const local = '26ae'.includes(d);
      const multicast = n % 2 === 1;
      expect(next).toContain(multicast ? 'multicast' : 'unicast');
      if (!multicast) expect(next).toContain(local ? 'U/L=1 local' : 'U/L=0 global');
    }
  });

  test('accepts upper case, dashes and the bare 12-digit form', async () => {
    const macs = ['00-00-5E-00-53-FF', '00005E005342', 'FF-FF-FF-FF-FF-FF'];
    const run = await dissect(...macs);
    expectClean(run);
    expect(run.stdout.trimEnd().split('\n')).toEqual(macs.flatMap(expected));
  });

  for (const bad of ['00:00:5e:00:53', '00:00:5e:00:53:01:02', 'gg:00:5e:00:53:01', '00:00:5e-00-53-01', '0:0:5e:0:53:1', '']) {
    test(`rejects ${JSON.stringify(bad)} with a clear message on stderr and exit status 1`, async () => {
      const run = await dissect(bad);
      expect(run.timedOut).toBe(false);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim()).toBe(`error: not a MAC address: '${bad}' (expected 6 octets written as aa:bb:cc:dd:ee:ff, aa-bb-cc-dd-ee-ff or aabbccddeeff)`);
    });
  }
});
