import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { textWidth, wrapText, blockSize, TYPE } from '../../src/widgets/kit/draw/text.ts';
import { crosses, overlaps, segments } from '../../src/widgets/kit/draw/geom.ts';
import { Obstacles } from '../../src/widgets/kit/draw/place.ts';
import { textBlock, esc } from '../../src/widgets/kit/draw/svg.ts';

describe('text widths', () => {
  test('a Latin character is 0.62 em, a Chinese one a full em and a bit', () => {
    expect(textWidth('SYN', 10)).toBe(Math.ceil(3 * 0.62 * 10));
    expect(textWidth('等待长度', 12)).toBe(Math.ceil(4 * 1.02 * 12));
    expect(textWidth('A 的', 12)).toBe(Math.ceil((0.62 * 2 + 1.02) * 12));
  });
  test('the minimum size on a phone is 12 px and presenter mode makes it 18', () => {
    expect(TYPE.min * TYPE.presenter).toBe(18);
  });
});

describe('wrapText', () => {
  test('breaks at spaces', () => {
    expect(wrapText('SYN seq=100 len=0', textWidth('SYN seq=100 ', 12), 12)).toEqual(['SYN seq=100 ', 'len=0']);
  });
  test('breaks Chinese between any two characters', () => {
    expect(wrapText('客户端的重传计时器到期', textWidth('客户端的重传', 12), 12)).toEqual(['客户端的重传', '计时器到期']);
  });
  test('cuts a word longer than the line', () => {
    const lines = wrapText('0123456789abcdef', textWidth('01234', 12), 12);
    expect(lines).toEqual(['01234', '56789', 'abcde', 'f']);
  });
  test('an explicit newline always breaks', () => {
    expect(wrapText('a\nb', 500, 12)).toEqual(['a', 'b']);
  });
  test('a word cut to fit keeps room for the space after it (read back, "aaaa a" stays two words)', () => {
    expect(wrapText('aaaa a', 30, 12).join('')).toBe('aaaa a');
  });
  test('every line fits and no character is lost', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', ' ', '字', '=', '9', 'SYN', '中文'), { maxLength: 40 }), fc.integer({ min: 30, max: 300 }), (parts, max) => {
        const s = parts.join('');
        const lines = wrapText(s, max, 12);
        for (const l of lines) expect(textWidth(l, 12) <= max || [...l].length === 1).toBe(true);
        expect(lines.join('').replace(/ /g, '')).toBe(s.replace(/ /g, ''));
        // Read back, Latin lines say what the text said (spaces collapsed, ends trimmed).
        if (!/[字中文]/u.test(s)) expect(lines.join('').replace(/ +/g, ' ').trim()).toBe(s.replace(/ +/g, ' ').trim());
      }),
    );
  });
  test('blockSize is the widest line by the line count', () => {
    expect(blockSize(['ab', 'abcd'], 10)).toEqual({ w: textWidth('abcd', 10), h: 2 * 13 });
  });
});

describe('geometry', () => {
  const box = { x: 10, y: 10, w: 20, h: 10 };
  test('a segment through a box crosses it; one beside it does not', () => {
    expect(crosses({ x1: 0, y1: 15, x2: 40, y2: 15 }, box)).toBe(true);
    expect(crosses({ x1: 0, y1: 25, x2: 40, y2: 25 }, box)).toBe(false);
    expect(crosses({ x1: 0, y1: 0, x2: 40, y2: 40 }, box)).toBe(true);
    expect(crosses({ x1: 0, y1: 0, x2: 8, y2: 40 }, box)).toBe(false);
  });
  test('a segment that only touches an edge does not cross', () => {
    expect(crosses({ x1: 0, y1: 10, x2: 40, y2: 10 }, box)).toBe(false);
  });
  test('boxes that share only an edge do not overlap', () => {
    expect(overlaps(box, { x: 30, y: 10, w: 5, h: 5 })).toBe(false);
    expect(overlaps(box, { x: 29, y: 10, w: 5, h: 5 })).toBe(true);
  });
  test('segments of a polyline', () => {
    expect(segments([0, 0, 10, 0, 10, 10])).toEqual([
      { x1: 0, y1: 0, x2: 10, y2: 0 },
      { x1: 10, y1: 0, x2: 10, y2: 10 },
    ]);
  });
});

describe('the label solver', () => {
  test('takes the first free candidate and blocks it for the next label', () => {
    const o = new Obstacles({ x: 0, y: 0, w: 100, h: 100 });
    o.lines.push({ x1: 0, y1: 50, x2: 100, y2: 50 });
    const onLine = { x: 10, y: 45, w: 30, h: 10 };
    const above = { x: 10, y: 30, w: 30, h: 10 };
    expect(o.place([onLine, above])).toEqual(above);
    expect(o.place([above])).toBeNull();
  });
  test('never places outside the picture', () => {
    const o = new Obstacles({ x: 0, y: 0, w: 100, h: 100 });
    expect(o.place([{ x: 90, y: 0, w: 20, h: 10 }])).toBeNull();
  });
});

describe('svg text', () => {
  test('escapes markup', () => {
    expect(esc('<a href="x">&')).toBe('&#60;a href=&#34;x&#34;&#62;&#38;');
  });
  test('a block puts one tspan per line, a line box apart', () => {
    const s = textBlock({ x: 0, y: 0, w: 50, h: 30 }, ['a', 'b'], 12, 'x', 'start');
    expect(s.match(/<tspan/g)).toHaveLength(2);
    expect(s).toContain('y="11.4"');
    expect(s).toContain('y="26.4"');
  });
});
