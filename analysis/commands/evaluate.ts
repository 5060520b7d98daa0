/**
 * `evaluate --input FILES --test-month YYYY-MM [--coverage 0.05] [--cell M] [--crs EPSG:N]
 *  [--project-crs EPSG:N] --out JSON`
 *
 * How well would each forecast method, trained on the months before the test month, have
 * flagged that month's incidents (DESIGN.md "Forecast evaluation")? Incidents are imported from
 * the files for real (DuckDB, as `ingest`). Methods: naive (last month's counts), counts of the
 * last 3/12 months, quartic KDE at 2 and 4 cells and at Silverman's bandwidth, prospective
 * (time-weighted) KDE, Gi* hot cells; scored by hit rate, PAI, PEI and RRI at `--coverage` and
 * at 1-20%; then a backtest over the 12 months ending at the test month recommends the method
 * with the best mean PAI, the naive baseline beside it.
 *
 * The JSON file holds `{testMonth, coverage, cellM, methods: [{name, hitRate, pai, pei, rri,
 * params, why, byCoverage}], recommended, backtest, studyArea, reasons, notes}`; stdout the same
 * without the per-coverage and per-month detail.
 */
import { writeFileSync } from 'node:fs';
import { loadIncidents, type LoadOptions } from '../load_incidents.ts';
import { UsageError, type Command } from '../cli_options.ts';
import { monthIndexOf, monthLabel } from '../../src/data/incident_columns.ts';
import { extentOf, gridForExtent } from '../../src/stats/grid.ts';
import { hullMask } from '../../src/stats/study_area.ts';
import { defaultForecastMethods, prepareForecastData } from '../../src/stats/forecast_methods.ts';
import { backtestForecasts, evaluateMonth, DEFAULT_COVERAGES } from '../../src/stats/forecast_evaluation.ts';

/** Default forecasting cell: see the reason below. */
export const DEFAULT_FORECAST_CELL_M = 150;

const round = (x: number | null, d = 4) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);

export const run: Command = async (opts) => {
  const files = opts.list('input');
  if (!files.length) throw new UsageError('missing --input FILE...');
  const out = opts.string('out');
  let testMonth: number;
  try {
    testMonth = monthIndexOf(opts.string('test-month'));
  } catch (e) {
    throw new UsageError(`--test-month: ${(e as Error).message}`);
  }
  const coverage = opts.number('coverage', 0.05);
  if (!(coverage > 0 && coverage <= 1)) throw new UsageError(`--coverage must be a share in (0, 1], e.g. 0.05, got ${coverage}`);
  let cellM = DEFAULT_FORECAST_CELL_M;
  let cellReason =
    `default ${DEFAULT_FORECAST_CELL_M} m: street-block scale, as the reference grids of district 14; a month's incidents are ` +
    "too few for DESIGN.md's display rule (shorter side / 250), which would leave almost every cell empty";
  if (opts.has('cell')) {
    cellM = opts.number('cell');
    if (!(cellM > 0)) throw new UsageError(`--cell must be > 0 metres, got ${cellM}`);
    cellReason = 'given';
  }
  const load: LoadOptions = {};
  if (opts.has('crs')) load.crs = opts.string('crs');
  if (opts.has('project-crs')) load.projectCrs = opts.string('project-crs');

  const inc = await loadIncidents(files, load);
  const extent = extentOf(inc.xs, inc.ys);
  if (!extent) throw new Error(`${files.join(', ')}: no incidents with coordinates`);
  const grid = gridForExtent(extent, cellM);
  const mask = hullMask(grid, inc.xs, inc.ys);
  const data = prepareForecastData(grid, mask, inc.xs, inc.ys, inc.monthIndex);
  if (testMonth <= data.firstMonth) {
    throw new Error(`--test-month ${monthLabel(testMonth)}: the data start in ${monthLabel(data.firstMonth)}; there is no earlier month to train on`);
  }
  if (testMonth > data.lastMonth) {
    throw new Error(`--test-month ${monthLabel(testMonth)}: the data end in ${monthLabel(data.lastMonth)}; nothing to test against`);
  }
  const methods = defaultForecastMethods(cellM);
  const coverages = [...new Set([coverage, ...DEFAULT_COVERAGES])].sort((a, b) => a - b);
  const ci = coverages.indexOf(coverage);
  const ev = evaluateMonth(data, methods, testMonth, coverages);
  const backMonths: number[] = [];
  for (let m = Math.max(data.firstMonth + 1, testMonth - 11); m <= testMonth; m++) backMonths.push(m);
  const bt = backtestForecasts(data, methods, backMonths, coverage);
  let areaCells = 0;
  for (const v of mask) areaCells += v;

  const methodRows = ev.methods.map((m) => {
    const s = m.scores[ci];
    return { name: m.name, hitRate: round(s.hitRate), pai: round(s.pai), pei: round(s.pei), rri: round(s.rri), params: m.params };
  });
  const summary = {
    testMonth: monthLabel(testMonth),
    coverage,
    cellM,
    methods: methodRows,
    recommended: {
      name: bt.recommended.name,
      meanPai: round(bt.recommended.meanPai),
      naiveMeanPai: round(bt.recommended.naiveMeanPai),
      months: `${monthLabel(backMonths[0])}..${monthLabel(backMonths[backMonths.length - 1])}`,
      why: bt.recommended.why,
    },
    testIncidents: ev.testIncidents,
    incidents: inc.n,
    crs: inc.crs,
  };
  const full = {
    ...summary,
    methods: ev.methods.map((m, j) => ({
      ...methodRows[j],
      why: m.why,
      byCoverage: m.scores.map((s) => ({
        coverage: s.coverage, cells: s.cells, hits: round(s.hits, 3), hitRate: round(s.hitRate), pai: round(s.pai), pei: round(s.pei), rri: round(s.rri),
      })),
    })),
    backtest: {
      coverage,
      months: backMonths.map(monthLabel),
      summary: bt.summary.map((s) => ({ ...s, meanPai: round(s.meanPai), meanHitRate: round(s.meanHitRate), meanPei: round(s.meanPei), meanRri: round(s.meanRri) })),
      pai: Object.fromEntries(bt.months.map((mo, i) => [monthLabel(mo.testMonth), Object.fromEntries(methods.map((m, j) => [m.name, round(bt.pai[i][j])]))])),
    },
    studyArea: {
      cells: areaCells,
      km2: round((areaCells * cellM * cellM) / 1e6, 3),
      grid: { x0: grid.x0, y0: grid.y0, cellM, width: grid.width, height: grid.height },
      rule: 'cells whose centre lies in the convex hull of all incidents, or holding one (no boundary file given)',
    },
    reasons: {
      cellM: cellReason,
      coverage: opts.has('coverage') ? 'given' : 'default 5% of the study area',
      rri: 'RRI compares the flagged cells with the month before the test month',
      ties: 'cells tied at the cut-off share the remaining flags (expected value under random order)',
    },
    notes: ev.notes,
  };
  writeFileSync(out, JSON.stringify(full, null, 2) + '\n');
  return { out, ...summary };
};
