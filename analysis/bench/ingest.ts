/**
 * Import speed, Node: a generated 1,000,000-row police.uk CSV imported by Sargas (validation,
 * dedupe, projection, rejects) versus a bare DuckDB `CREATE TABLE AS SELECT * FROM read_csv`
 * of the same file, in the same run and process. Goal: ≤ 1.3× the bare read.
 *
 *   npx tsx analysis/bench/ingest.ts [rows=1000000] [repeats=3]
 *
 * The browser figure comes from analysis/bench/ingest_browser.ts.
 */
import { mkdtempSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeDb } from '../../src/data/node_db.ts';
import { ingestFiles } from '../../src/data/ingest.ts';
import { nodeSource } from '../../src/data/node_source.ts';
import { policeUkCsv } from './police_uk_synth.ts';

const rows = Number(process.argv[2] ?? 1_000_000);
const repeats = Number(process.argv[3] ?? 3);
const dir = mkdtempSync(join(tmpdir(), 'sargas-bench-'));
const file = join(dir, 'synthetic-street.csv');
writeFileSync(file, policeUkCsv(rows));
const mb = statSync(file).size / 1e6;

async function timed(fn: (db: NodeDb) => Promise<unknown>): Promise<number> {
  const db = await NodeDb.open();
  try {
    const t = performance.now();
    await fn(db);
    return performance.now() - t;
  } finally {
    db.close();
  }
}

const bare: number[] = [];
const sargas: number[] = [];
let accepted = 0;
for (let r = 0; r < repeats; r++) {
  bare.push(await timed((db) => db.run(`CREATE TABLE bare AS SELECT * FROM read_csv('${file}')`)));
  sargas.push(await timed(async (db) => {
    const s = await ingestFiles(db, [nodeSource(file)]);
    accepted = s.accepted;
  }));
}
const med = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1];
console.log(`| engine | rows | MB | bare read_csv (ms) | Sargas import (ms) | ratio |`);
console.log(`|---|---|---|---|---|---|`);
console.log(`| DuckDB native (Node) | ${rows.toLocaleString('en')} | ${mb.toFixed(0)} | ${med(bare).toFixed(0)} | ${med(sargas).toFixed(0)} | ${(med(sargas) / med(bare)).toFixed(2)}× |`);
console.log(`\nmedian of ${repeats}; accepted ${accepted.toLocaleString('en')} rows`);
