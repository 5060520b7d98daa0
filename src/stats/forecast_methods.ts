/**
 * Forecast methods for next month's hot spots, each a score per grid cell computed only from the
 * months before the test month:
 * - naive: last month's counts (the baseline DESIGN.md requires beside every result);
 * - counts over the last N months;
 * - KDE (quartic) of the last N months' incidents at a given bandwidth, or Silverman's;
 * - prospective (time-weighted) KDE: each incident weighted by 2^(-age / half-life), age in
 *   months (1 for last month), after Bowers, Johnson & Pease (2004), "Prospective hot-spotting",
 *   Br. J. Criminology 44;
 * - Gi* hot cells: the Gi* z of the last N months' counts (cells ranked by z).
 */
import type { Grid } from './grid.ts';
import { giStar } from './gi_star.ts';
import { defaultHotSpotBandM } from './hot_spot_band.ts';
import { kdeExact } from './kde_exact.ts';
import { silvermanBandwidthM } from './silverman_bandwidth.ts';

export type ForecastMethod =
  | { kind: 'naive'; name: string; why: string }
  | { kind: 'counts'; name: string; why: string; months: number }
  | { kind: 'kde'; name: string; why: string; months: number; bandwidthM: number | 'silverman' }
  | { kind: 'prospective_kde'; name: string; why: string; months: number; bandwidthM: number; halfLifeMonths: number }
  | { kind: 'gistar'; name: string; why: string; months: number; bandM: number | 'auto' };

/** Incidents prepared for forecasting on a grid: monthly counts and the points sorted by month. */
export interface ForecastData {
  grid: Grid;
  /** Study area (1 = in). */
  mask: Uint8Array;
  /** First and last month index (months since 1970-01) with data. */
  firstMonth: number;
  lastMonth: number;
  /** counts[(m - firstMonth) * cells + c]. */
  counts: Float64Array;
  /** Points sorted by month; start[m - firstMonth] .. start[m - firstMonth + 1] are month m's. */
  xs: Float64Array;
  ys: Float64Array;
  month: Int32Array;
  start: Int32Array;
}

/** Sort incidents by month and count them per cell and month (incidents outside the grid are kept for KDE). */
export function prepareForecastData(
  grid: Grid,
  mask: Uint8Array,
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  monthIndex: ArrayLike<number>,
): ForecastData {
  const n = xs.length;
  if (ys.length !== n || monthIndex.length !== n) throw new RangeError('xs, ys and monthIndex must have the same length');
  const cells = grid.width * grid.height;
  if (mask.length !== cells) throw new RangeError(`mask must have ${cells} cells, got ${mask.length}`);
  let firstMonth = Infinity;
  let lastMonth = -Infinity;
  for (let i = 0; i < n; i++) {
    if (!(Number.isFinite(xs[i]) && Number.isFinite(ys[i]))) continue;
    if (monthIndex[i] < firstMonth) firstMonth = monthIndex[i];
    if (monthIndex[i] > lastMonth) lastMonth = monthIndex[i];
  }
  if (!(firstMonth <= lastMonth)) throw new RangeError('no incidents with coordinates');
  const steps = lastMonth - firstMonth + 1;
  const start = new Int32Array(steps + 1);
  for (let i = 0; i < n; i++) if (Number.isFinite(xs[i]) && Number.isFinite(ys[i])) start[monthIndex[i] - firstMonth + 1]++;
  for (let t = 0; t < steps; t++) start[t + 1] += start[t];
  const m = start[steps];
  const sx = new Float64Array(m);
  const sy = new Float64Array(m);
  const sm = new Int32Array(m);
  const fill = start.slice(0, steps);
  const counts = new Float64Array(steps * cells);
  const { x0, y0, cellSizeM: s, width, height } = grid;
  for (let i = 0; i < n; i++) {
    if (!(Number.isFinite(xs[i]) && Number.isFinite(ys[i]))) continue;
    const t = monthIndex[i] - firstMonth;
    const j = fill[t]++;
    sx[j] = xs[i];
    sy[j] = ys[i];
    sm[j] = monthIndex[i];
    const col = Math.floor((xs[i] - x0) / s);
    const row = Math.floor((ys[i] - y0) / s);
    if (col >= 0 && col < width && row >= 0 && row < height) counts[t * cells + col + row * width]++;
  }
  return { grid, mask, firstMonth, lastMonth, counts, xs: sx, ys: sy, month: sm, start };
}

/** Counts per cell summed over months [from, to] (month indices, clipped to the data). */
export function countsBetween(data: ForecastData, from: number, to: number): Float64Array {
  const cells = data.grid.width * data.grid.height;
  const out = new Float64Array(cells);
  for (let m = Math.max(from, data.firstMonth); m <= Math.min(to, data.lastMonth); m++) {
    const base = (m - data.firstMonth) * cells;
    for (let c = 0; c < cells; c++) out[c] += data.counts[base + c];
  }
  return out;
}

/** Index range [lo, hi) of the sorted points in months [from, to]. */
function pointRange(data: ForecastData, from: number, to: number): [number, number] {
  const a = Math.min(Math.max(from, data.firstMonth), data.lastMonth + 1) - data.firstMonth;
  const b = Math.min(Math.max(to + 1, data.firstMonth), data.lastMonth + 1) - data.firstMonth;
  return [data.start[a], data.start[Math.max(a, b)]];
}

/** The score map of a method for test month `testMonth` (months before it only), with the parameters it ended up using. */
export function forecastScores(
  method: ForecastMethod,
  data: ForecastData,
  testMonth: number,
): { score: Float64Array; params: Record<string, number | string> } {
  const last = testMonth - 1;
  switch (method.kind) {
    case 'naive':
      return { score: countsBetween(data, last, last), params: { months: 1 } };
    case 'counts':
      return { score: countsBetween(data, testMonth - method.months, last), params: { months: method.months } };
    case 'kde':
    case 'prospective_kde': {
      const [lo, hi] = pointRange(data, testMonth - method.months, last);
      const xs = data.xs.subarray(lo, hi);
      const ys = data.ys.subarray(lo, hi);
      let bandwidthM: number;
      let weights: Float64Array | null = null;
      const params: Record<string, number | string> = { months: method.months, kernel: 'quartic' };
      if (method.kind === 'kde' && method.bandwidthM === 'silverman') {
        const chosen = silvermanBandwidthM(xs, ys);
        bandwidthM = chosen ? Math.max(chosen.value, data.grid.cellSizeM) : data.grid.cellSizeM;
        params.bandwidthRule = 'silverman';
      } else {
        bandwidthM = method.bandwidthM as number;
      }
      if (method.kind === 'prospective_kde') {
        weights = new Float64Array(hi - lo);
        for (let i = lo; i < hi; i++) weights[i - lo] = Math.pow(2, -(testMonth - data.month[i]) / method.halfLifeMonths);
        params.halfLifeMonths = method.halfLifeMonths;
      }
      params.bandwidthM = Math.round(bandwidthM * 10) / 10;
      if (hi === lo) return { score: new Float64Array(data.grid.width * data.grid.height), params };
      return { score: kdeExact(data.grid, xs, ys, { kernel: 'quartic', bandwidthM, weights }), params };
    }
    case 'gistar': {
      const counts = countsBetween(data, testMonth - method.months, last);
      let bandM: number;
      if (method.bandM === 'auto') bandM = defaultHotSpotBandM(data.grid, counts, data.mask).value;
      else bandM = method.bandM;
      const g = giStar(data.grid, counts, bandM, { mask: data.mask, skipP: true });
      return { score: g.z, params: { months: method.months, bandM } };
    }
  }
}

/**
 * The default set of methods for a grid of `cellSizeM` metres, each with why it is there.
 * Bandwidths are in whole cells so they mean the same on any grid.
 */
export function defaultForecastMethods(cellSizeM: number): ForecastMethod[] {
  const s = cellSizeM;
  return [
    { kind: 'naive', name: 'naive', why: "last month's counts: the baseline every method is compared with (DESIGN.md)" },
    { kind: 'counts', name: 'counts_3m', months: 3, why: 'counts of the last 3 months: recent but less noisy than one month' },
    { kind: 'counts', name: 'counts_12m', months: 12, why: 'counts of the last 12 months: stable hot spots, whole seasonal cycle' },
    { kind: 'kde', name: `kde_${2 * s}m`, months: 12, bandwidthM: 2 * s, why: `quartic KDE of the last 12 months, h = 2 cells (${2 * s} m): block-scale smoothing` },
    { kind: 'kde', name: `kde_${4 * s}m`, months: 12, bandwidthM: 4 * s, why: `quartic KDE of the last 12 months, h = 4 cells (${4 * s} m): neighbourhood-scale smoothing` },
    { kind: 'kde', name: 'kde_silverman', months: 12, bandwidthM: 'silverman', why: "quartic KDE of the last 12 months at the spatial Silverman bandwidth (ArcGIS's default)" },
    {
      kind: 'prospective_kde',
      name: 'prospective_kde',
      months: 12,
      bandwidthM: 3 * s,
      halfLifeMonths: 2,
      why: `time-weighted KDE (prospective hot-spotting, Bowers et al. 2004): h = 3 cells (${3 * s} m), weight halves every 2 months, last 12 months`,
    },
    { kind: 'gistar', name: 'gistar_hot', months: 12, bandM: 'auto', why: "Gi* z of the last 12 months' counts, band from the data (Moran's I peak): statistically hot areas first" },
  ];
}
