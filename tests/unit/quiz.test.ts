// src/lib/quiz.ts: grading a self-check answer and the progress kept in localStorage.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { forget, grade, parseNumber, parseProgress, record, score, type Question } from '../../src/lib/quiz.ts';

const choice: Question = { id: 'ports', type: 'choice', answer: 1, choices: 4 };
const num: Question = { id: 'ack', type: 'number', answer: 106, near: [105, 107] };

describe('parseNumber reads numbers the way students type them', () => {
  test.each([
    ['106', 106], [' 106 ', 106], ['１０６', 106], ['+7', 7], ['-15', -15], ['−15', -15], ['－15', -15],
    ['28,232', 28232], ['28 232', 28232], ['28，232', 28232], ['0.5', 0.5], ['.5', 0.5], ['3.', 3], ['１．５', 1.5],
  ])('%j → %d', (text, n) => expect(parseNumber(text)).toBe(n));

  test.each(['', 'abc', '1e3', '0x10', '10%', '1/2', '--1', '1-2', 'NaN', 'Infinity', '١٠٦'])('%j is not a number', (text) => {
    expect(parseNumber(text)).toBeNull();
  });
});

describe('grade', () => {
  test('the right choice is right and any other index is wrong', () => {
    expect(grade(choice, '1')).toEqual({ kind: 'right' });
    for (const i of ['0', '2', '3']) expect(grade(choice, i)).toEqual({ kind: 'wrong' });
  });

  test('no choice, or an index outside the list, is not an answer', () => {
    for (const r of [null, '', '4', '-1', '1.5', 'x']) expect(grade(choice, r).kind).toBe('invalid');
  });

  test('a number question accepts any spelling of the answer', () => {
    for (const r of ['106', '１０６', ' 106']) expect(grade(num, r)).toEqual({ kind: 'right' });
  });

  test('a known wrong value names itself so its explanation can be shown', () => {
    expect(grade(num, '105')).toEqual({ kind: 'wrong', near: 105 });
    expect(grade(num, '１０７')).toEqual({ kind: 'wrong', near: 107 });
    expect(grade(num, '100')).toEqual({ kind: 'wrong' });
  });

  test('text that is not a number, and huge input, are refused without being graded', () => {
    expect(grade(num, 'one hundred six')).toEqual({ kind: 'invalid', reason: 'not-a-number' });
    expect(grade(num, '1'.repeat(10_000))).toEqual({ kind: 'invalid', reason: 'too-long' });
  });

  test('any string at all gets a verdict, never an exception', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (s) => {
      expect(['right', 'wrong', 'invalid']).toContain(grade(num, s).kind);
      expect(['right', 'wrong', 'invalid']).toContain(grade(choice, s).kind);
    }));
  });
});

describe('progress in localStorage', () => {
  test('nothing stored, junk, or the wrong shapes all read as no progress', () => {
    for (const raw of [null, '', '{', 'null', '[]', '42', '"x"', '{"tcp-udp":[true]}', '{"tcp-udp":{"a":"yes"}}', '{"<b>":{"a":true}}']) {
      expect(parseProgress(raw)).toEqual({});
    }
  });

  test('valid entries survive next to invalid ones', () => {
    expect(parseProgress('{"tcp-udp":{"ports":true,"ack":"no","BAD ID":true},"locks":5}')).toEqual({ 'tcp-udp': { ports: true } });
  });

  test('a record round-trips through JSON, and the latest answer wins', () => {
    let p = record({}, 'tcp-udp', 'ack', false);
    p = record(p, 'tcp-udp', 'ack', true);
    p = record(p, 'locks', 'explore', false);
    expect(parseProgress(JSON.stringify(p))).toEqual({ 'tcp-udp': { ack: true }, locks: { explore: false } });
  });

  test('score counts only the questions the chapter has now', () => {
    const p = { 'tcp-udp': { ack: true, ports: false, renamed: true } };
    expect(score(p, 'tcp-udp', ['ack', 'ports', 'udp'])).toEqual({ answered: 2, right: 1, total: 3 });
    expect(score(p, 'locks', ['a'])).toEqual({ answered: 0, right: 0, total: 1 });
  });

  test('forget clears one chapter and keeps the others', () => {
    expect(forget({ a: { x: true }, b: { y: false } }, 'a')).toEqual({ b: { y: false } });
  });

  test('any stored string parses without throwing', () => {
    fc.assert(fc.property(fc.string(), (s) => void parseProgress(s)));
    fc.assert(fc.property(fc.json(), (s) => void parseProgress(s)));
  });
});
