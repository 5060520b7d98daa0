/**
 * CSV export escaping (issue 7, "injection"): formula-like text is made inert, numbers stay
 * numbers, quoting is RFC 4180 — checked by reading the output back with DuckDB's CSV reader.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvCell, escapeFormula, toCsv } from '../../src/csv_export.ts';
import { NodeDb } from '../../src/data/node_db.ts';

describe('escapeFormula', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['=HYPERLINK("http://example.invalid","x")', `'=HYPERLINK("http://example.invalid","x")`],
    ['+SUM(A1:A9)', "'+SUM(A1:A9)"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['＝1+1', "'＝1+1"],
    ['－1', "'－1"],
  ])('prefixes %j with an apostrophe', (input, output) => {
    expect(escapeFormula(input)).toBe(output);
  });

  it.each(['theft', 'On or near Main St', ' =1 (leading space)', 'a=b', "'already text", '', '<img src=x onerror=alert(1)>'])(
    'leaves %j alone', (input) => {
      expect(escapeFormula(input)).toBe(input);
    });

  it.each(['-0.0912', '+51.5', '-87', '-1e-5', '.5'])('leaves the plain number %j alone', (input) => {
    expect(escapeFormula(input)).toBe(input);
  });
});

describe('csvCell', () => {
  it('writes numbers as numbers, negative ones included, and NaN or infinity as blank', () => {
    expect([csvCell(-0.0912), csvCell(51.5), csvCell(0), csvCell(NaN), csvCell(Infinity), csvCell(12n)]).toEqual(['-0.0912', '51.5', '0', '', '', '12']);
  });

  it('writes null and undefined as blank, booleans and dates as text', () => {
    expect([csvCell(null), csvCell(undefined), csvCell(true), csvCell(new Date(Date.UTC(2019, 6, 1, 22, 5)))])
      .toEqual(['', '', 'true', '2019-07-01T22:05:00.000Z']);
  });

  it('quotes cells with the delimiter, quotes or line breaks, after escaping', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=A1,"x"')).toBe(`"'=A1,""x"""`);
    expect(csvCell('a;b', { delimiter: ';' })).toBe('"a;b"');
    expect(csvCell('a;b')).toBe('a;b');
  });

  it('can leave formulas as they are when asked', () => {
    expect(csvCell('=1+1', { escapeFormulas: false })).toBe('=1+1');
  });
});

describe('toCsv', () => {
  it('rejects rows of the wrong width and unusable delimiters', () => {
    expect(() => toCsv(['a', 'b'], [[1]])).toThrow(RangeError);
    expect(() => toCsv(['a'], [], { delimiter: '"' })).toThrow(RangeError);
    expect(() => toCsv(['a'], [], { delimiter: ',,' })).toThrow(RangeError);
  });

  it('reads back with DuckDB: every payload as inert text, numbers as numbers', async () => {
    const payloads = ['=HYPERLINK("http://example.invalid","click")', '+1', '-1+1', '@SUM(A1)', '\t=1', '<img src=x onerror=alert(1)>',
      'On or near "The Crown", Main St', 'two\r\nlines', 'Šiaulių g. 5', ''];
    const rows = payloads.map((p, i) => [i, p, -0.09 - i / 1000, 51.5]);
    const csv = toCsv(['id', 'category', 'lon', 'lat'], rows);
    expect(csv.endsWith('\r\n')).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'sargas-csv-'));
    const path = join(dir, 'export.csv');
    writeFileSync(path, csv);
    const db = await NodeDb.open();
    try {
      const back = await db.rows<{ id: number; category: string | null; lon: number; lat: number }>(
        `SELECT * FROM read_csv('${path}', header = true, columns = {'id': 'INTEGER', 'category': 'VARCHAR', 'lon': 'DOUBLE', 'lat': 'DOUBLE'}) ORDER BY id`);
      expect(back.map((r) => r.category ?? '')).toEqual([`'=HYPERLINK("http://example.invalid","click")`, '+1', "'-1+1", "'@SUM(A1)", "'\t=1",
        '<img src=x onerror=alert(1)>', 'On or near "The Crown", Main St', 'two\r\nlines', 'Šiaulių g. 5', '']);
      expect(back.map((r) => r.lon)).toEqual(rows.map((r) => r[2]));
      // No text cell of the file starts a formula ('+1' is the number 1).
      for (const r of back) expect(r.category ?? '').not.toMatch(/^([=@\t\r]|[+-].*[^\d.])/);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
