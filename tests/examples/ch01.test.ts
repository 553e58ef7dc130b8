// Runs chapter 1's encapsulation example (content/examples/encapsulation.py) with python3 and checks
// what the chapter says about the frames it builds. The checksums and the CRC are recomputed here,
// in TypeScript, from the bytes the script prints, so the test does not trust the script's own code.
import { describe, test, expect, beforeAll } from 'vitest';
import { runExample, type Run } from '../support/python.ts';

/** RFC 1071 Internet checksum: one's-complement sum of 16-bit words, complemented. */
function internetChecksum(bytes: number[]): number {
  let sum = 0;
  for (let i = 0; i < bytes.length; i += 2) sum += (bytes[i]! << 8) + (bytes[i + 1] ?? 0);
  while (sum > 0xffff) sum = (sum & 0xffff) + Math.floor(sum / 0x10000);
  return ~sum & 0xffff;
}

/** IEEE 802.3 CRC-32 (reflected polynomial 0xEDB88320), bit by bit. */
function crc32(bytes: number[]): number {
  let crc = 0xffffffff;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const u16 = (b: number[], i: number) => (b[i]! << 8) | b[i + 1]!;
const u32 = (b: number[], i: number) => ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;

/** The frame printed as a hexdump ("0000  00 00 5e …") after the header line `== "hello" over NAME/…`. */
function frameOf(stdout: string, name: 'TCP' | 'UDP'): number[] {
  const block = stdout.split(`== "hello" over ${name}/IPv4/Ethernet ==`)[1]!.split('\n\n')[0]!;
  const bytes: number[] = [];
  for (const line of block.split('\n')) {
    const m = /^[0-9a-f]{4} {2}((?:[0-9a-f]{2} ?)+)$/.exec(line);
    if (m) bytes.push(...m[1]!.trim().split(' ').map((h) => parseInt(h, 16)));
  }
  return bytes;
}

let run: Run;
beforeAll(async () => {
  run = await runExample('encapsulation.py', { timeoutMs: 10_000 });
});

describe('encapsulation.py: "hello" wrapped in TCP or UDP, IPv4 and Ethernet', () => {
  test('exits 0 with nothing on stderr and no process left behind', () => {
    expect(run.timedOut).toBe(false);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.leftBehind).toBe(false);
  });

  test('our checksum code agrees with the textbook IPv4 header example (0xb861)', () => {
    const h = '450000730000400040110000c0a80001c0a800c7'.match(/../g)!.map((x) => parseInt(x, 16));
    expect(internetChecksum(h)).toBe(0xb861);
  });

  test('TCP: 5 + 20 = 25-byte segment, 20 + 25 = 45-byte packet, 1 byte of padding, a 64-byte frame', () => {
    expect(run.stdout).toMatch(/^TCP segment {7}25 bytes = 20 \+ 5$/m);
    expect(run.stdout).toMatch(/^IPv4 packet {7}45 bytes = 20 \+ 25$/m);
    expect(run.stdout).toMatch(/^padding {12}1 byte \(payload 45 < 46\)$/m);
    expect(run.stdout).toMatch(/^Ethernet frame {4}64 bytes = 14 \+ 45 \+ 1 \+ 4$/m);
    expect(frameOf(run.stdout, 'TCP')).toHaveLength(64);
  });

  test('UDP: 5 + 8 = 13-byte datagram, a 33-byte packet, 13 bytes of padding, still a 64-byte frame', () => {
    expect(run.stdout).toMatch(/^UDP datagram {6}13 bytes = 8 \+ 5$/m);
    expect(run.stdout).toMatch(/^IPv4 packet {7}33 bytes = 20 \+ 13$/m);
    expect(run.stdout).toMatch(/^padding {11}13 bytes \(payload 33 < 46\)$/m);
    expect(frameOf(run.stdout, 'UDP')).toHaveLength(64);
  });

  test('on the wire the preamble and SFD add 8 bytes: 72', () => {
    expect(run.stdout.match(/^on the wire +72 bytes = 7 preamble \+ 1 SFD \+ 64, then a 12-byte gap$/gm)).toHaveLength(2);
  });

  for (const [name, proto, hlen] of [['TCP', 6, 20], ['UDP', 17, 8]] as const) {
    describe(`${name} frame, checked byte by byte`, () => {
      test('Ethernet header: the documentation MACs, EtherType 0x0800 (IPv4)', () => {
        const f = frameOf(run.stdout, name);
        expect(f.slice(0, 6)).toEqual([0x00, 0x00, 0x5e, 0x00, 0x53, 0x02]);
        expect(f.slice(6, 12)).toEqual([0x00, 0x00, 0x5e, 0x00, 0x53, 0x01]);
        expect(u16(f, 12)).toBe(0x0800);
      });

      test('the FCS is the CRC-32 of everything before it, sent low byte first', () => {
        const f = frameOf(run.stdout, name);
        const crc = crc32(f.slice(0, -4));
        expect(f.slice(-4)).toEqual([crc & 0xff, (crc >>> 8) & 0xff, (crc >>> 16) & 0xff, crc >>> 24]);
      });

      test(`IPv4 header: version 4, 20 bytes, TTL 64, protocol ${proto}, and a correct header checksum`, () => {
        const ip = frameOf(run.stdout, name).slice(14, 34);
        expect(ip[0]).toBe(0x45);
        expect(u16(ip, 2)).toBe(20 + hlen + 5);
        expect(ip[8]).toBe(64);
        expect(ip[9]).toBe(proto);
        const zeroed = [...ip.slice(0, 10), 0, 0, ...ip.slice(12)];
        expect(u16(ip, 10)).toBe(internetChecksum(zeroed));
        expect(internetChecksum(ip)).toBe(0); // a correct header sums to 0xffff
      });

      test(`${name} header and data: ports 50000 -> 8000, "hello", and a correct checksum over the pseudo-header`, () => {
        const f = frameOf(run.stdout, name);
        const ip = f.slice(14, 34);
        const seg = f.slice(34, 34 + hlen + 5);
        expect(u16(seg, 0)).toBe(50000);
        expect(u16(seg, 2)).toBe(8000);
        expect(String.fromCharCode(...seg.slice(hlen))).toBe('hello');
        const pseudo = [...ip.slice(12, 20), 0, proto, seg.length >> 8, seg.length & 0xff];
        expect(internetChecksum([...pseudo, ...seg])).toBe(0);
        expect(f.slice(34 + hlen + 5, -4).every((b) => b === 0)).toBe(true); // the padding is zeros
      });
    });
  }

  test('the TCP segment is step 4 of chapter 4: seq 101, ack 301, flags PSH+ACK', () => {
    const seg = frameOf(run.stdout, 'TCP').slice(34);
    expect(u32(seg, 4)).toBe(101);
    expect(u32(seg, 8)).toBe(301);
    expect(seg[12]! >> 4).toBe(5); // data offset: 5 words = 20 bytes
    expect(seg[13]).toBe(0x18);
  });

  test('unwrapping reads EtherType, then the protocol field, then the port, and gets b"hello" back', () => {
    expect(run.stdout).toContain('link:      FCS ok, EtherType 0x0800 -> IPv4');
    expect(run.stdout).toContain('network:   header checksum ok, total length 45, protocol 6 -> TCP');
    expect(run.stdout).toContain('transport: checksum ok, port 50000 -> 8000, seq 101, ack 301');
    expect(run.stdout).toContain("application: b'hello'");
  });
});
