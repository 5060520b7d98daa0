/**
 * CSV for export (tables, top cells, routes, rejected rows), safe to open in a spreadsheet.
 *
 * Text taken from police extracts ends up in exports, and a cell that starts with `=`, `+`, `-`
 * or `@` (or a tab or carriage return) is run as a formula by Excel, LibreOffice and Google
 * Sheets: `=HYPERLINK("http://...")` in an offence description would leak or mislead ("CSV
 * injection", OWASP). Such text cells get a leading apostrophe, which spreadsheets show as text
 * and do not evaluate. Numbers are written as numbers: -0.0912 is a longitude, not a formula.
 * Full-width forms of the four characters (＝ ＋ － ＠), which some Excel locales also take as a
 * formula start, are escaped as well.
 *
 * Quoting follows RFC 4180: a cell holding the delimiter, a double quote, CR or LF is quoted and
 * its quotes doubled; lines end in CRLF.
 *
 * Pure functions with no imports, so the worker, the report and the command line can all use it.
 */

/** Characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
/** A plain number (what a spreadsheet reads as a number, never a formula). */
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A value as the text of one cell, before quoting. */
export type CsvValue = string | number | bigint | boolean | Date | null | undefined;

/** The text with a leading apostrophe when a spreadsheet would run it as a formula. */
export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

export interface CsvOptions {
  /** Field delimiter. @default ',' */
  delimiter?: string;
  /** Prefix formula-like text with an apostrophe. @default true */
  escapeFormulas?: boolean;
}

/** One cell: numbers as numbers (NaN and infinities blank), dates as ISO 8601, text escaped and quoted as needed. */
export function csvCell(value: CsvValue, options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  let text: string;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) text = Number.isNaN(value.getTime()) ? '' : value.toISOString();
  else text = options.escapeFormulas ?? true ? escapeFormula(value) : value;
  const needsQuotes = text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r');
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV document: the header line, then one line per row, each ending in CRLF. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>, options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  if (delimiter.length !== 1 || /["\r\n]/.test(delimiter)) {
    throw new RangeError(`delimiter must be one character other than a quote or line break, got ${JSON.stringify(delimiter)}`);
  }
  const line = (cells: readonly CsvValue[]) => cells.map((c) => csvCell(c, options)).join(delimiter) + '\r\n';
  let out = line(header);
  for (const row of rows) {
    if (row.length !== header.length) throw new RangeError(`a row has ${row.length} cells, the header ${header.length}`);
    out += line(row);
  }
  return out;
}
