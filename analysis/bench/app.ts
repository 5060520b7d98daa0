/**
 * The workspace in headless Chromium, timed as an analyst meets it (issue 4):
 * - opening the built app (fresh profile: DuckDB start + demo import + first analysis) until the
 *   hot-spot map is drawn, and again after a reload with the data stored;
 * - importing 1,000,000 generated incidents through "Import incidents" (the app's own path) until
 *   their hot-spot map is drawn;
 * - filter changes on those 1,000,000 incidents (month range, days, hours) until the map has
 *   redrawn, with the longest gap between animation frames on the page meanwhile (how responsive
 *   the page stayed) and the worker's time per phase.
 * Prints a markdown table.
 *
 *   npx tsx analysis/bench/app.ts [--rows 1000000] [--seed 7] [--no-build]
 *
 * The incidents are the demo's 3,763 Chicago district 14 points, each copied with a ~40 m
 * Gaussian jitter, at random times 2015-01..2019-12 (Chicago CSV layout of the demo).
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { CliOptions } from '../cli_options.ts';
import { openApp, root, type App } from '../../test/browser/harness.ts';

const opts = new CliOptions(process.argv.slice(2));
const rows = opts.number('rows', 1_000_000);
const seed = opts.number('seed', 7);

/** mulberry32: a small seeded generator, so the data are the same on every run. */
function rng(s: number): () => number {
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function writeIncidents(file: string): Promise<number> {
  const demo = readFileSync(join(root, 'data/chicago_d14/aggravated_assaults_d14_2010_2019.csv'), 'utf8').trim().split('\n').slice(1)
    .map((l) => l.split(','));
  const rand = rng(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const places = ['street', 'residence', 'apartment', 'sidewalk', 'parking lot'];
  const out = createWriteStream(file);
  out.write('date,loc_cat,longitude,latitude,district\n');
  const start = Date.UTC(2015, 0, 1), span = Date.UTC(2020, 0, 1) - start;
  let buf = '';
  for (let i = 0; i < rows; i++) {
    const p = demo[Math.floor(rand() * demo.length)];
    const lon = Number(p[2]) + gauss() * 0.0005, lat = Number(p[3]) + gauss() * 0.00037;
    const d = new Date(start + Math.floor(rand() * span / 60000) * 60000).toISOString();
    buf += `${d.slice(0, 10)} ${d.slice(11, 16)},${places[Math.floor(rand() * places.length)]},${lon.toFixed(5)},${lat.toFixed(5)},14\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
  return rows;
}

const drawn = (app: App) => app.page.locator('#map').getAttribute('data-drawn').then((v) => Number(v ?? 0));
async function waitDrawn(app: App, after: number, timeoutMs = 600_000): Promise<void> {
  await app.page.waitForFunction((n) => {
    const m = document.getElementById('map')!;
    return Number(m.dataset.drawn ?? 0) > n && !m.hasAttribute('aria-busy');
  }, after, { timeout: timeoutMs, polling: 20 });
}

/**
 * Record the longest gap between animation frames from now until stopFrameWatch. Passed as text:
 * tsx names inner functions with a helper the page does not have.
 */
const startFrameWatch = (app: App) => app.page.evaluate(`(() => {
  window.__gap = 0;
  window.__watch = true;
  let last = performance.now();
  const tick = (t) => {
    window.__gap = Math.max(window.__gap, t - last);
    last = t;
    if (window.__watch) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`);
const stopFrameWatch = (app: App) => app.page.evaluate('(() => { window.__watch = false; return window.__gap; })()') as Promise<number>;

interface Row { step: string; incidents: string; ms: number; frameGapMs?: number; worker?: string; page?: string }
const table: Row[] = [];
const fmt = (n: number) => n.toLocaleString('en');

if (!opts.has('no-build')) execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
const csv = join(mkdtempSync(join(tmpdir(), 'sargas-app-bench-')), `incidents_${rows}.csv`);
const tGen = performance.now();
await writeIncidents(csv);
console.error(`generated ${fmt(rows)} incidents in ${((performance.now() - tGen) / 1000).toFixed(1)} s: ${csv}`);

const t0 = performance.now();
const app = await openApp({ viewport: { width: 1280, height: 860 } });
try {
  await waitDrawn(app, 0);
  table.push({ step: 'open the built app, first visit (DuckDB start, demo import, first hot-spot map)', incidents: '3,763', ms: performance.now() - t0 });

  const t1 = performance.now();
  await app.page.reload();
  await waitDrawn(app, 0);
  table.push({ step: 'reopen (data stored in OPFS) to the first hot-spot map', incidents: '3,763', ms: performance.now() - t1 });

  const n0 = await drawn(app);
  const t2 = performance.now();
  await app.page.getByLabel('Import incidents', { exact: true }).setInputFiles(csv);
  await app.page.waitForFunction((n) => /^Imported \d+ incidents/.test(document.getElementById('import-status')!.textContent ?? '') &&
    Number(document.getElementById('map')!.dataset.drawn ?? 0) > n && !document.getElementById('map')!.hasAttribute('aria-busy'), n0, { timeout: 900_000, polling: 50 });
  const imported = await app.page.locator('#import-status').textContent();
  const selected = Number(await app.page.locator('#map').getAttribute('data-selected'));
  table.push({ step: 'import through "Import incidents" to the hot-spot map', incidents: fmt(selected), ms: performance.now() - t2,
    worker: await app.page.locator('#map').getAttribute('data-timings') ?? '' });
  console.error(imported);

  const changes: [string, () => Promise<void>][] = [
    ['filter change: from month 2018-01', async () => { await app.page.getByLabel('From month').selectOption('2018-01'); }],
    ['filter change: Saturday off', () => app.page.getByRole('checkbox', { name: 'Sat' }).uncheck()],
    ['filter change: hours 18:00 to 06:00', async () => {
      await app.page.getByLabel('From hour').selectOption('18');
      await app.page.getByLabel('To hour').selectOption('6');
    }],
    ['filter change: all months, all days, all hours again', async () => {
      await app.page.getByLabel('From month').selectOption({ index: 0 });
      await app.page.getByRole('checkbox', { name: 'Sat' }).check();
      await app.page.getByLabel('From hour').selectOption('0');
      await app.page.getByLabel('To hour').selectOption('24');
    }],
  ];
  for (const [step, change] of changes) {
    const n = await drawn(app);
    await startFrameWatch(app);
    const t = performance.now();
    await change();
    await waitDrawn(app, n);
    const ms = performance.now() - t;
    const gap = await stopFrameWatch(app);
    const map = app.page.locator('#map');
    table.push({ step, incidents: fmt(Number(await map.getAttribute('data-selected'))), ms, frameGapMs: gap,
      worker: await map.getAttribute('data-timings') ?? '',
      page: `panels ${await map.getAttribute('data-panels-ms')}, map layers ${await map.getAttribute('data-update-ms')}` });
  }
  // Baseline for the frame gaps: panning the map, with no analysis running.
  await app.page.locator('.maplibregl-canvas').focus();
  await startFrameWatch(app);
  const tp = performance.now();
  for (let k = 0; k < 4; k++) {
    await app.page.keyboard.press(k % 2 ? 'ArrowLeft' : 'ArrowRight');
    await app.page.waitForTimeout(400);
  }
  table.push({ step: 'baseline: pan the map with the keyboard (no analysis)', incidents: '', ms: performance.now() - tp, frameGapMs: await stopFrameWatch(app) });
  await app.screenshot('bench-1m');
  if (app.foreign().length) throw new Error(`requests to other origins: ${app.foreign().join(', ')}`);
  if (app.errors.length) console.error('page errors:', app.errors);
} finally {
  await app.close();
}

console.log(`| step | incidents drawn from | time (ms) | longest frame gap (ms) | worker phases (ms) | page main thread (ms) |`);
console.log(`|---|---|---|---|---|---|`);
for (const r of table) {
  const phases = r.worker ? Object.entries(JSON.parse(r.worker) as Record<string, number>).map(([k, v]) => `${k} ${Math.round(v)}`).join(', ') : '';
  console.log(`| ${r.step} | ${r.incidents} | ${fmt(Math.round(r.ms))} | ${r.frameGapMs === undefined ? '' : fmt(Math.round(r.frameGapMs))} | ${phases} | ${r.page ?? ''} |`);
}
console.log(`\nheadless Chromium (SwiftShader WebGL), 1280 x 860, ${fmt(rows)} generated incidents (seed ${seed}); times include the map's redraw (until MapLibre is idle)`);
