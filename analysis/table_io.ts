/**
 * Numeric CSV tables for the analysis commands (grid, kde, gistar, emerging): read with DuckDB's
 * read_csv (never parsed by hand), written as plain CSV.
 */
import { writeFileSync, existsSync } from 'node:fs';
import { NodeDb, sqlString } from '../src/data/node_db.ts';

/**
 * Read the named numeric columns of a CSV file. Throws naming the file and the row of the first
 * value that is missing or not a number.
 */
export async function readNumericCsv(path: string, columns: string[]): Promise<Record<string, Float64Array>> {
  if (!existsSync(path)) throw new Error(`${path}: file not found`);
  const db = await NodeDb.open();
  try {
    const src = `read_csv(${sqlString(path)}, header = true, all_varchar = true)`;
    const [{ names }] = await db.rows<{ names: string[] }>(
      `SELECT list(column_name) AS names FROM (DESCRIBE SELECT * FROM ${src})`);
    const lower = new Map(names.map((n) => [n.trim().toLowerCase(), n]));
    const missing = columns.filter((c) => !lower.has(c.toLowerCase()));
    if (missing.length) throw new Error(`${path}: missing column(s) ${missing.join(', ')} (has ${names.join(', ')})`);
    const q = (c: string) => `"${lower.get(c.toLowerCase())!.replaceAll('"', '""')}"`;
    for (const c of columns) {
      const bad = await db.rows<{ row: bigint; value: string | null }>(
        `SELECT row, value FROM (SELECT row_number() OVER () + 1 AS row, ${q(c)} AS value FROM ${src})
         WHERE TRY_CAST(value AS DOUBLE) IS NULL OR NOT isfinite(TRY_CAST(value AS DOUBLE)) LIMIT 1`);
      if (bad.length) throw new Error(`${path}: row ${bad[0].row} (line of the file), column ${c}: '${bad[0].value ?? ''}' is not a number`);
    }
    return await db.numericColumns(`SELECT ${columns.map((c) => `CAST(${q(c)} AS DOUBLE) AS "${c}"`).join(', ')} FROM ${src}`);
  } finally {
    db.close();
  }
}

/** Write columns as CSV with a header; numbers printed in full precision. */
export function writeCsv(path: string, header: string[], columns: ArrayLike<number | string>[]): void {
  const n = columns.length ? columns[0].length : 0;
  const lines: string[] = [header.join(',')];
  for (let i = 0; i < n; i++) {
    let line = '';
    for (let j = 0; j < columns.length; j++) line += (j ? ',' : '') + String(columns[j][i]);
    lines.push(line);
  }
  writeFileSync(path, lines.join('\n') + '\n');
}
