/**
 * Kernel density of incidents on a grid, in incidents per km² (DESIGN.md "KDE"), with the
 * parameters used and why: the entry point the app, the report and the CLI call.
 *
 * Two ways to compute the same formula:
 * - `exact` (kde_exact.ts): the formula summed point by point; quartic/Epanechnikov to rounding,
 *   the Gaussian truncated at 5h by default (omits <= 1.2e-6 of each point's mass).
 * - `fast` (kde_fast.ts): linear binning + corrected convolution. Its error shrinks with the
 *   number of points under a kernel: ~0.05-0.07% (quartic) / ~0.015% (Gaussian) / ~0.5%
 *   (Epanechnikov, whose kink at d = h the correction cannot undo) of the maximum density for
 *   200,000-1,000,000 clustered points at h = 5 cells (kde_fast.test.ts, analysis/bench/kde.ts),
 *   but ~1.3% (quartic) / ~0.13% (Gaussian) for 696 points at h = 4 cells (kde_fast.test.ts).
 * `auto` (the default) therefore takes the exact sum whenever it is cheap (at most
 * AUTO_EXACT_BUDGET kernel evaluations, ten times that for the Epanechnikov kernel) and the fast
 * path only for large inputs, where it is both needed and accurate.
 */
import type { Chosen, Grid } from './grid.ts';
import { kdeExact } from './kde_exact.ts';
import { FAST_MIN_CELLS_PER_BANDWIDTH, kdeFast } from './kde_fast.ts';
import { DEFAULT_GAUSSIAN_TRUNCATE_H, type KernelName } from './kernels.ts';
import { erfc } from './normal.ts';
import { silvermanBandwidthM } from './silverman_bandwidth.ts';

export type KdeMode = 'exact' | 'fast' | 'auto';

/** Kernel evaluations (points x cells in a kernel's window) below which `auto` sums exactly. */
export const AUTO_EXACT_BUDGET = 20_000_000;

export interface KdeOptions {
  /** Kernel; default 'quartic' (ArcGIS Kernel Density's kernel). */
  kernel?: KernelName;
  /** Bandwidth h in metres (the standard deviation for the Gaussian); default: spatial Silverman. */
  bandwidthM?: number;
  /** Weight per incident (default 1 each). */
  weights?: ArrayLike<number> | null;
  /** Default 'auto'. */
  mode?: KdeMode;
  /** Gaussian truncation in bandwidths, >= 5 (default 5; Infinity for none in exact mode). */
  truncateH?: number;
  out?: Float64Array;
}

export interface KdeResult {
  /** Incidents per km² at each cell centre, row-major `density[col + row * width]`. */
  density: Float64Array;
  grid: Grid;
  maxDensity: number;
  params: {
    kernel: KernelName;
    bandwidthM: number;
    mode: 'exact' | 'fast';
    truncateH: number | null;
    weighted: boolean;
    n: number;
  };
  /** Why each parameter has its value. */
  reasons: { kernel: string; bandwidthM: string; mode: string };
  /** What the result may differ from the formula by. */
  accuracy: string;
}

/** Kernel density of points (xs, ys metres) at the cell centres of `grid`. */
export function kde(grid: Grid, xs: ArrayLike<number>, ys: ArrayLike<number>, opts: KdeOptions = {}): KdeResult {
  const kernel = opts.kernel ?? 'quartic';
  const weights = opts.weights ?? null;
  const truncateH = opts.truncateH ?? DEFAULT_GAUSSIAN_TRUNCATE_H;
  const s = grid.cellSizeM;

  let bandwidthM: number;
  let bandwidthReason: string;
  if (opts.bandwidthM !== undefined) {
    if (!(opts.bandwidthM > 0) || !Number.isFinite(opts.bandwidthM)) throw new RangeError(`bandwidthM must be > 0, got ${opts.bandwidthM}`);
    bandwidthM = opts.bandwidthM;
    bandwidthReason = 'given';
  } else {
    const chosen: Chosen | null = silvermanBandwidthM(xs, ys, weights);
    if (chosen) {
      bandwidthM = chosen.value;
      bandwidthReason = chosen.reason;
    } else {
      bandwidthM = s;
      bandwidthReason = `Silverman's rule is undefined (no points, or all at one place); one cell (${s} m) used`;
    }
  }

  const radiusCells = (kernel === 'gaussian' ? truncateH * bandwidthM : bandwidthM) / s;
  const windowCells = Math.min(grid.width, 2 * radiusCells + 1) * Math.min(grid.height, 2 * radiusCells + 1);
  const cost = xs.length * windowCells;
  const fastAllowed = bandwidthM >= FAST_MIN_CELLS_PER_BANDWIDTH[kernel] * s && Number.isFinite(truncateH);
  const requested = opts.mode ?? 'auto';
  // The Epanechnikov kernel's kink at d = h keeps the fast path near 0.5% off: sum exactly longer.
  const budget = kernel === 'epanechnikov' ? 10 * AUTO_EXACT_BUDGET : AUTO_EXACT_BUDGET;
  let mode: 'exact' | 'fast';
  let modeReason: string;
  if (requested === 'exact') {
    mode = 'exact';
    modeReason = 'requested';
  } else if (requested === 'fast') {
    if (!fastAllowed) {
      throw new RangeError(`fast KDE needs a finite truncation and bandwidthM >= ${FAST_MIN_CELLS_PER_BANDWIDTH[kernel]} cells (${FAST_MIN_CELLS_PER_BANDWIDTH[kernel] * s} m) for ${kernel}, got ${bandwidthM} m`);
    }
    mode = 'fast';
    modeReason = 'requested';
  } else if (cost <= budget || !fastAllowed) {
    mode = 'exact';
    modeReason = cost <= budget
      ? `exact sum is cheap here (${cost.toExponential(1)} kernel evaluations <= ${budget.toExponential(0)}${kernel === 'epanechnikov' ? ', 10x the usual budget: the fast path is least accurate for this kernel' : ''})`
      : `bandwidth below ${FAST_MIN_CELLS_PER_BANDWIDTH[kernel]} cells, where binning is too coarse`;
  } else {
    mode = 'fast';
    modeReason = `large input (${cost.toExponential(1)} kernel evaluations for the exact sum): binned convolution (error stated in accuracy)`;
  }

  const common = { kernel, bandwidthM, weights, truncateH, out: opts.out };
  const density = mode === 'exact' ? kdeExact(grid, xs, ys, common) : kdeFast(grid, xs, ys, common);
  let maxDensity = 0;
  for (let c = 0; c < density.length; c++) if (density[c] > maxDensity) maxDensity = density[c];
  let n = 0;
  for (let i = 0; i < xs.length; i++) n += weights ? weights[i] : 1;

  const truncation = kernel === 'gaussian'
    ? (Number.isFinite(truncateH) ? `; Gaussian truncated at ${truncateH}h (omits <= ${(1 - erfSq(truncateH)).toExponential(1)} of each point's mass)` : '; Gaussian not truncated')
    : '';
  return {
    density,
    grid,
    maxDensity,
    params: { kernel, bandwidthM, mode, truncateH: kernel === 'gaussian' ? truncateH : null, weighted: weights !== null, n },
    reasons: {
      kernel: opts.kernel ? 'given' : 'default: quartic, as ArcGIS Pro Kernel Density',
      bandwidthM: bandwidthReason,
      mode: modeReason,
    },
    accuracy: (mode === 'exact'
      ? 'exact sum of the formula (to rounding)'
      : `linear binning + corrected convolution: on dense data ~${kernel === 'quartic' ? '0.05-0.07%' : kernel === 'gaussian' ? '0.015%' : '0.5%'} of the max density off the formula (more on sparse data)`)
      + truncation,
  };
}

/** erf(t / sqrt 2)^2: the Gaussian mass inside a square of half-side t sigma. */
function erfSq(t: number): number {
  const e = 1 - erfc(t * Math.SQRT1_2);
  return e * e;
}
