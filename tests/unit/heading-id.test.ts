import { describe, expect, test } from 'vitest';
import { isSectionId, parseHeadingId } from '../../src/lib/heading-id.ts';

describe('parseHeadingId', () => {
  test('takes the id off the end of the heading text', () => {
    expect(parseHeadingId('三次握手 {#three-way-handshake}')).toEqual({ text: '三次握手', id: 'three-way-handshake' });
  });
  test('returns null when there is no marker', () => {
    expect(parseHeadingId('三次握手')).toBeNull();
    expect(parseHeadingId('a {#x} b')).toBeNull();
  });
  test('keeps braces that are not a trailing marker', () => {
    expect(parseHeadingId('dict {a} {#dict}')).toEqual({ text: 'dict {a}', id: 'dict' });
  });
  test('an empty marker parses as an empty id, which isSectionId rejects', () => {
    expect(parseHeadingId('x {#}')).toEqual({ text: 'x', id: '' });
    expect(isSectionId('')).toBe(false);
  });
});

describe('isSectionId', () => {
  test('accepts lower-case ASCII words joined by single dashes', () => {
    for (const id of ['ports', 'three-way-handshake', 'time-wait-2msl', 'p1']) expect(isSectionId(id)).toBe(true);
  });
  test('rejects Chinese, capitals, spaces, leading digits and loose dashes', () => {
    for (const id of ['三次握手', 'Ports', 'two words', '1st', '-a', 'a-', 'a--b', 'a_b']) expect(isSectionId(id)).toBe(false);
  });
});
