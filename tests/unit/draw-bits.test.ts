// bits(): 32-bit words by octet, network and host bits marked by the prefix (a fill and a solid or
// dashed underline, and each octet's words), every bit drawn exactly once.
import { describe, expect, test } from 'vitest';
import { bits, octetParts } from '../../src/widgets/kit/draw/bits.ts';

const word = (n: number) => (n >>> 0).toString(2).padStart(32, '0');

describe('bits()', () => {
  test('splits each octet into network and host bits by the prefix', () => {
    expect(octetParts(20)).toEqual([[8, 0], [8, 0], [4, 4], [0, 8]]);
    expect(octetParts(0)).toEqual([[0, 8], [0, 8], [0, 8], [0, 8]]);
    expect(octetParts(32)).toEqual([[8, 0], [8, 0], [8, 0], [8, 0]]);
  });
  test('every bit is drawn once, network bits in kit-bn, host bits in kit-bh, and the octets are labelled', () => {
    const html = bits({ label: 'x', split: 20, words: { net: 'net', host: 'host' }, rows: [{ label: 'a', value: 0xac100504, text: '172.16.5.4' }] });
    const net = [...html.matchAll(/<span class="kit-bn">([01]+)<\/span>/g)].map((m) => m[1]).join('');
    const host = [...html.matchAll(/<span class="kit-bh">([01]+)<\/span>/g)].map((m) => m[1]).join('');
    expect(net + host).toBe('10101100000100000000' + '010100000100');
    expect(html).toContain('net 4</span><span class="kit-bh">host 4');
  });
});

describe('bits() on any word and any split', () => {
  test('the bits read back as the word, split where the prefix says, for every prefix length', () => {
    for (let split = 0; split <= 32; split++) {
      const value = (Math.imul(split + 1, 0x9e3779b1) >>> 0);
      const html = bits({ label: 'x', split, words: { net: 'n', host: 'h' }, rows: [{ label: 'a', value, text: 'a' }] });
      const row = html.slice(html.indexOf('kit-bits-row'));
      const net = [...row.matchAll(/<span class="kit-bn">([01]+)<\/span>/g)].map((m) => m[1]).join('');
      const host = [...row.matchAll(/<span class="kit-bh">([01]+)<\/span>/g)].map((m) => m[1]).join('');
      expect(net.length, `/${split}`).toBe(split);
      expect(net + host).toBe(word(value));
    }
  });
  test('text is escaped', () => {
    expect(bits({ label: '<x>', split: 8, words: { net: 'n', host: 'h' }, rows: [{ label: '<a>', value: 1, text: '"b"' }] })).not.toMatch(/<x>|<a>|"b"/);
  });
});
