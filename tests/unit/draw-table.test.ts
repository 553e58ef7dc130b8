import { describe, expect, test } from 'vitest';
import { table, type TableInput } from '../../src/widgets/kit/draw/table.ts';

const words = { added: 'added', changed: 'changed', removed: 'removed', head: 'this step' };
const mac: TableInput = {
  caption: 'MAC table',
  columns: ['MAC', 'port'],
  rows: [
    { cells: ['aa:bb:cc:00:00:01', '1'] },
    { cells: ['aa:bb:cc:00:00:02', '3'], mark: 'added' },
    { cells: ['aa:bb:cc:00:00:03', '2'], mark: 'changed' },
    { cells: ['aa:bb:cc:00:00:04', '4'], mark: 'removed' },
  ],
  words,
};

describe('table', () => {
  test('a caption, column headers with scope, and a heading for the mark column', () => {
    const html = table(mac);
    expect(html).toContain('<caption>MAC table</caption>');
    expect(html).toContain('<th scope="col">MAC</th><th scope="col">port</th><th scope="col">this step</th>');
  });
  test('a changed row carries the word (and a sign screen readers skip), not just a style', () => {
    const html = table(mac);
    expect(html).toContain('<tr class="kit-tbl-added" data-mark="added"><td>aa:bb:cc:00:00:02</td><td>3</td><td class="kit-tbl-mark"><span aria-hidden="true">+ </span>added</td></tr>');
    expect(html).toContain('<span aria-hidden="true">~ </span>changed');
  });
  test('a removed row is struck through (del), still readable, still marked', () => {
    expect(table(mac)).toContain('<td><del>aa:bb:cc:00:00:04</del></td><td><del>4</del></td><td class="kit-tbl-mark"><span aria-hidden="true">− </span>removed</td>');
  });
  test('an empty table says so in one cell across all columns', () => {
    expect(table({ ...mac, rows: [], empty: '(empty)' })).toContain('<td colspan="3" class="kit-tbl-empty">(empty)</td>');
  });
  test('cell text is escaped', () => {
    expect(table({ ...mac, rows: [{ cells: ['<b>', '&'] }] })).toContain('<td>&#60;b&#62;</td><td>&#38;</td>');
  });
});
