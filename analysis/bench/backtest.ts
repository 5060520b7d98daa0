/**
 * Forecast backtest on the Chicago demo: `npx tsx analysis/bench/backtest.ts [--coverage 0.05] [--cell 150]`.
 *
 * Police district 14 aggravated assaults (data/chicago_d14, imported for real through
 * analysis/load_incidents.ts), 150 m cells over the incidents' extent, study area = convex hull
 * of the incidents. Every month from 2012-01 to 2019-12 is a test month; each method is trained on
 * the months before it (2010-01 onwards) and scored by PAI at 5% of the study area. Prints the
 * PAI per method per month (markdown), the means, months better than naive, and the time each
 * method takes over all 96 months with its ratio to the naive baseline (same run).
 */
import { loadIncidents } from '../load_incidents.ts';
import { monthIndexOf, monthLabel } from '../../src/data/incident_columns.ts';
import { extentOf, gridForExtent } from '../../src/stats/grid.ts';
import { hullMask } from '../../src/stats/study_area.ts';
import { defaultForecastMethods, forecastScores, prepareForecastData } from '../../src/stats/forecast_methods.ts';
import { backtestForecasts } from '../../src/stats/forecast_evaluation.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const coverage = arg('coverage', 0.05);
const cellM = arg('cell', 150);
const file = 'data/chicago_d14/aggravated_assaults_d14_2010_2019.csv';

const t0 = performance.now();
const inc = await loadIncidents([file]);
const loadMs = performance.now() - t0;
const extent = extentOf(inc.xs, inc.ys)!;
const grid = gridForExtent(extent, cellM);
const mask = hullMask(grid, inc.xs, inc.ys);
const data = prepareForecastData(grid, mask, inc.xs, inc.ys, inc.monthIndex);
const methods = defaultForecastMethods(cellM);
const months: number[] = [];
for (let m = monthIndexOf('2012-01'); m <= monthIndexOf('2019-12'); m++) months.push(m);

const t1 = performance.now();
const bt = backtestForecasts(data, methods, months, coverage);
const btMs = performance.now() - t1;

// Time of each method's scoring over all test months (fastest of 3 passes).
const methodMs = methods.map((m) => {
  let best = Infinity;
  for (let pass = 0; pass < 3; pass++) {
    const a = performance.now();
    for (const t of months) forecastScores(m, data, t);
    best = Math.min(best, performance.now() - a);
  }
  return best;
});
const naiveIdx = methods.findIndex((m) => m.kind === 'naive');

let area = 0;
for (const v of mask) area += v;
const f2 = (x: number | null) => (x === null ? '–' : x.toFixed(2));
console.log(`\nBacktest, Chicago district 14 aggravated assaults (${inc.n} incidents, ${monthLabel(data.firstMonth)}..${monthLabel(data.lastMonth)}), ` +
  `${cellM} m cells, study area ${area} cells (${((area * cellM * cellM) / 1e6).toFixed(1)} km², convex hull), PAI at ${coverage * 100}% coverage, ` +
  `each month trained on the months before it\n`);
console.log(`| month | N | ${methods.map((m) => m.name).join(' | ')} |`);
console.log(`|---|---|${methods.map(() => '---').join('|')}|`);
bt.months.forEach((mo, i) => {
  const best = Math.max(...bt.pai[i].map((v) => v ?? -Infinity));
  const cells = bt.pai[i].map((v) => (v !== null && v === best ? `**${f2(v)}**` : f2(v)));
  console.log(`| ${monthLabel(mo.testMonth)} | ${mo.testIncidents} | ${cells.join(' | ')} |`);
});
console.log(`| **mean PAI** | | ${bt.summary.map((s) => f2(s.meanPai)).join(' | ')} |`);
console.log(`| mean hit rate | | ${bt.summary.map((s) => f2(s.meanHitRate)).join(' | ')} |`);
console.log(`| mean PEI | | ${bt.summary.map((s) => f2(s.meanPei)).join(' | ')} |`);
console.log(`| mean RRI | | ${bt.summary.map((s) => f2(s.meanRri)).join(' | ')} |`);
console.log(`| months better than naive (ties ½) | | ${bt.summary.map((s, j) => (j === naiveIdx ? '–' : s.winsOverNaive)).join(' | ')} |`);
console.log(`| time, all ${months.length} months | | ${methodMs.map((ms) => `${ms.toFixed(1)} ms`).join(' | ')} |`);
console.log(`| time / naive | | ${methodMs.map((ms) => (ms / methodMs[naiveIdx]).toFixed(1)).join(' | ')} |`);
console.log(`\nRecommended: ${bt.recommended.name} — ${bt.recommended.why}`);
console.log(`\nImport ${loadMs.toFixed(0)} ms; whole backtest (${methods.length} methods x ${months.length} months, 1 coverage) ${btMs.toFixed(0)} ms. Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
