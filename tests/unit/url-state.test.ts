// src/widgets/kit/url-state.ts: how a widget's state is written to and read from the query.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { MAX_STATE, readState, stateUrl, withParam } from '../../src/widgets/kit/url-state.ts';

describe('withParam', () => {
  test('the characters of the models\' codes stay readable (no %7E for ~)', () => {
    expect(withParam('', 'handshake', '1~l8~w.9')).toBe('?handshake=1~l8~w.9');
    expect(withParam('', 'framing', 'a*b-c_d.e')).toBe('?framing=a*b-c_d.e');
  });

  test('other parameters are kept exactly as written; the widget\'s own goes last', () => {
    expect(withParam('?a=1&handshake=old&z=%7E', 'handshake', 'new')).toBe('?a=1&z=%7E&handshake=new');
    expect(withParam('?a=1', 'locks', 'x')).toBe('?a=1&locks=x');
    expect(withParam('?a=1&locks=x', 'locks', 'y')).toBe('?a=1&locks=y');
  });

  test('a repeated key is collapsed into one; null removes it', () => {
    expect(withParam('?k=1&b=2&k=3', 'k', '9')).toBe('?b=2&k=9');
    expect(withParam('?k=1&b=2&k=3', 'k', null)).toBe('?b=2');
    expect(withParam('?k=1', 'k', null)).toBe('');
  });

  test('broken escapes in other parameters do not throw', () => {
    expect(withParam('?bad=%E0%A4%A&x=%', 'k', 'v')).toBe('?bad=%E0%A4%A&x=%&k=v');
  });

  test('whatever a model writes, reading gives it back', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 40 }), (value, other) => {
      const search = withParam(withParam('', 'other', other), 'w', value);
      expect(readState('w', search)).toBe(value);
      expect(readState('other', search)).toBe(other);
    }));
  });

  test('any string, lone surrogates too, is written without throwing and read back well-formed', () => {
    expect(readState('w', withParam('', 'w', 'a\uD800b'))).toBe('a\uFFFDb');
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (value) => {
      expect(readState('w', withParam('', 'w', value))).toBe(value.toWellFormed());
    }));
  });

  test('links written by URLSearchParams (the old writer) read the same', () => {
    const old = new URLSearchParams({ handshake: '1~l8.9' }).toString();
    expect(old).toBe('handshake=1%7El8.9');
    expect(readState('handshake', `?${old}`)).toBe('1~l8.9');
  });
});

describe('stateUrl', () => {
  test('points at the widget, keeps the page, drops a search highlight', () => {
    expect(stateUrl('handshake', '1~p.7', 'http://h/zh/tcp-udp/?highlight=%E6%8F%A1&x=1#three-way-handshake'))
      .toBe('http://h/zh/tcp-udp/?x=1&handshake=1~p.7#handshake');
  });
});

describe('readState', () => {
  test('a value longer than MAX_STATE is garbage before any model sees it', () => {
    expect(readState('w', `?w=${'a'.repeat(MAX_STATE + 1)}`)).toBe('\u0000');
    expect(readState('w', '?v=1')).toBeNull();
  });
});
