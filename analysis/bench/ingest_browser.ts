/**
 * Import speed in the browser: the same generated police.uk CSV imported by Sargas in a Web
 * Worker with DuckDB-WASM, versus a bare `CREATE TABLE AS SELECT * FROM read_csv` in the same
 * worker, in headless Chromium. Builds a small benchmark page, serves it, reads the result.
 *
 *   npx tsx analysis/bench/ingest_browser.ts [rows=1000000] [repeats=3]
 */
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs } from '../../test/browser/harness.ts';

const rows = Number(process.argv[2] ?? 1_000_000);
const repeats = Number(process.argv[3] ?? 3);
const root = resolve(import.meta.dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'sargas-bench-dist-'));
execFileSync('npx', ['vite', 'build', resolve(root, 'analysis/bench/browser'), '--outDir', out, '--emptyOutDir', '--base', './', '--logLevel', 'warn',
  '--config', resolve(root, 'vite.config.ts')], { cwd: root, stdio: 'inherit' });

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
const server = createServer(async (req, res) => {
  try {
    const p = new URL(req.url ?? '/', 'http://x').pathname;
    const file = join(out, p === '/' ? 'index.html' : p);
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(await readFile(file));
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
const port = (server.address() as { port: number }).port;
const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'sargas-chromium-')), {
  executablePath: '/usr/bin/chromium', headless: true, args: chromiumArgs,
});
try {
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  await page.goto(`http://127.0.0.1:${port}/?rows=${rows}&repeats=${repeats}`);
  await page.waitForFunction(() => document.getElementById('out')!.textContent !== 'running…', null, { timeout: 900_000 });
  const r = JSON.parse((await page.textContent('#out'))!);
  if (!r.ok) throw new Error(r.error);
  if (process.env.DEBUG) console.log(r);
  const med = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1];
  console.log(`| engine | rows | MB | bare read_csv (ms) | Sargas import (ms) | ratio |`);
  console.log(`|---|---|---|---|---|---|`);
  console.log(`| DuckDB-WASM (Chromium worker) | ${rows.toLocaleString('en')} | ${r.mb.toFixed(0)} | ${med(r.bare).toFixed(0)} | ${med(r.sargas).toFixed(0)} | ${(med(r.sargas) / med(r.bare)).toFixed(2)}× |`);
  console.log(`\nmedian of ${repeats}; accepted ${r.accepted.toLocaleString('en')} rows`);
} finally {
  await ctx.close();
  server.close();
}
