/**
 * `npm run bench`: every benchmark in turn (they print markdown tables). Pass names to run
 * some only, e.g. `npm run bench -- kde gistar`. The browser ones build the app first.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const all = ['ingest', 'kde', 'gistar', 'backtest', 'streets', 'top', 'plan', 'ingest_browser', 'app'];
const chosen = process.argv.slice(2).length ? process.argv.slice(2) : all;
const root = resolve(import.meta.dirname, '../..');
let failed = 0;
for (const name of chosen) {
  if (!all.includes(name)) {
    console.error(`unknown benchmark '${name}'; known: ${all.join(', ')}`);
    failed++;
    continue;
  }
  console.log(`\n## ${name}\n`);
  const r = spawnSync('npx', ['tsx', `analysis/bench/${name}.ts`], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
