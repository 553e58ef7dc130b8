// Runs chapter 3's example (content/examples/ip_addresses.py) for real with python3 and checks every
// printed value against expectations computed here, independently of Python's ipaddress module:
// dotted <-> integer <-> binary by plain arithmetic, the RFC 5952 short forms written out by hand,
// the kind of each address from our own table of RFC 6890 blocks, is_private from the IANA registry's
// "globally reachable" column, and on-link or via-gateway by ANDing with the mask.
import { beforeAll, describe, test, expect } from 'vitest';
import { expectClean, runExample, type Run } from '../support/python.ts';

/** Dotted decimal -> unsigned 32-bit integer, with the range checks a parser must make. */
function toInt(dotted: string): number {
  const parts = dotted.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) throw new Error(dotted);
  return parts.reduce((acc, p) => acc * 256 + p, 0);
}
const toDotted = (n: number) => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
const toBinary = (n: number) => n.toString(2).padStart(32, '0').match(/.{8}/g)!.join('.');
const maskOf = (prefix: number) => (prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0);
const and = (a: number, b: number) => (a & b) >>> 0;
function inBlock(addr: string, cidr: string): boolean {
  const [net, len] = cidr.split('/');
  const m = maskOf(Number(len));
  return and(toInt(addr), m) === and(toInt(net!), m);
}

/** The chapter's table, most specific first (255.255.255.255 is also inside 240/4). */
const BLOCKS: [string, string][] = [
  ['0.0.0.0/8', 'this network'],
  ['255.255.255.255/32', 'broadcast'],
  ['10.0.0.0/8', 'private'],
  ['172.16.0.0/12', 'private'],
  ['192.168.0.0/16', 'private'],
  ['100.64.0.0/10', 'shared (CGN)'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'],
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved'],
];
const kindOf = (addr: string) => BLOCKS.find(([cidr]) => inBlock(addr, cidr)) ?? ['-', 'global'];
/** Blocks the IANA IPv4 Special-Purpose Registry marks "not globally reachable" (those our samples touch). */
const NOT_GLOBALLY_REACHABLE = ['0.0.0.0/8', '10.0.0.0/8', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.168.0.0/16', '240.0.0.0/4', '255.255.255.255/32'];


/** The lines between "== title ==" and the next header. */
function section(stdout: string, title: string): string[] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`== ${title}`));
  expect(start, `no section "${title}"`).toBeGreaterThanOrEqual(0);
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => l.startsWith('=='));
  return (end < 0 ? rest : rest.slice(0, end)).filter((l) => l.trim() !== '');
}

describe('ip_addresses.py: three notations, kinds of address, on-link or via the gateway', () => {
  let run: Run;
  beforeAll(async () => {
    run = await runExample('ip_addresses.py', { timeoutMs: 10_000 });
  }, 20_000);

  test('runs cleanly: exit 0, nothing on stderr, no process left behind', () => {
    expectClean(run);
  });

  test('192.168.1.10 is 3232235786 = 11000000.10101000.00000001.00001010, and each line converts both ways', () => {
    const rows = section(run.stdout, 'dotted <-> integer <-> binary');
    const conversions = rows.filter((l) => l.includes(' = '));
    expect(conversions.map((l) => l.split(/\s*=\s*/)[0])).toEqual(['192.168.1.10', '10.0.0.1', '0.0.0.0', '255.255.255.255']);
    for (const line of conversions) {
      const [dotted, int, bin] = line.split(/\s*=\s*/).map((s) => s.trim());
      expect(Number(int), line).toBe(toInt(dotted!));
      expect(bin, line).toBe(toBinary(toInt(dotted!)));
      expect(toDotted(parseInt(bin!.replaceAll('.', ''), 2)), line).toBe(dotted);
    }
    expect(conversions[0]).toMatch(/= 3232235786 = 11000000\.10101000\.00000001\.00001010$/);
    expect(conversions[3]).toMatch(/= 4294967295 = /);
    expect(rows).toContain(`3232235786 -> ${toDotted(3232235786)}`);
  });

  test('IPv6 short forms follow RFC 5952: lowercase, no leading zeros, :: once for the longest (first) run, never for one group', () => {
    expect(section(run.stdout, 'IPv6')).toEqual([
      '2001:0DB8:0000:0000:0000:0000:0000:0001 -> 2001:db8::1',
      '2001:db8:0:0:1:0:0:1 -> 2001:db8::1:0:0:1',
      '2001:db8:0:1:1:1:1:1 -> 2001:db8:0:1:1:1:1:1',
      '0:0:0:0:0:0:0:1 -> ::1',
    ]);
  });

  test('each sample gets the kind of its RFC 6890 block; is_private means "not globally reachable", not RFC 1918', () => {
    const rows = section(run.stdout, 'kinds of address');
    expect(rows).toHaveLength(13);
    for (const line of rows) {
      const m = /^(\S+)\s+(.+?)\s{2,}(\S+(?: \(RFC \d+\))?)\s+is_private=(True|False)$/.exec(line);
      expect(m, `unexpected line: ${line}`).not.toBeNull();
      const [, addr, kind, block, isPrivate] = m!;
      const [cidr, expectedKind] = kindOf(addr!);
      expect(kind, line).toBe(expectedKind);
      expect(block!.split(' ')[0], line).toBe(cidr);
      expect(isPrivate === 'True', line).toBe(NOT_GLOBALLY_REACHABLE.some((b) => inBlock(addr!, b)));
    }
    // The chapter's points, spelled out: the /12 ends at 172.31, and is_private is wider than RFC 1918.
    expect(rows.find((l) => l.startsWith('172.32.0.1 '))).toMatch(/ global .*is_private=False$/);
    expect(rows.find((l) => l.startsWith('127.0.0.1 '))).toMatch(/ loopback .*is_private=True$/);
    expect(rows.find((l) => l.startsWith('255.255.255.255 '))).toMatch(/ broadcast /);
  });

  test('a destination is on-link exactly when dst AND mask equals the host network; otherwise ARP goes to the gateway', () => {
    const rows = section(run.stdout, 'on my link?');
    let host: { net: number; mask: number; gateway: string } | null = null;
    let checked = 0;
    for (const line of rows) {
      const h = /^host (\S+)\/(\d+): mask (\S+), network (\S+), gateway (\S+)$/.exec(line);
      if (h) {
        const mask = maskOf(Number(h[2]));
        expect(h[3]).toBe(toDotted(mask));
        expect(h[4]).toBe(toDotted(and(toInt(h[1]!), mask)));
        host = { net: and(toInt(h[1]!), mask), mask, gateway: h[5]! };
        continue;
      }
      const t = /^ {2}(\S+)\s+& mask = (\S+)\s+-> (.+)$/.exec(line);
      expect(t, `unexpected line: ${line}`).not.toBeNull();
      expect(host).not.toBeNull();
      const masked = and(toInt(t![1]!), host!.mask);
      expect(t![2]).toBe(toDotted(masked));
      expect(t![3]).toBe(masked === host!.net ? `on-link: ARP for ${t![1]} itself` : `off-link: ARP for gateway ${host!.gateway}`);
      checked++;
    }
    expect(checked).toBe(5);
    expect(run.stdout).toContain('172.16.18.1   & mask = 172.16.16.0  -> off-link: ARP for gateway 172.16.0.1');
  });
});
