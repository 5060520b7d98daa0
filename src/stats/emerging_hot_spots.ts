/**
 * Emerging hot spots (DESIGN.md; after ArcGIS Pro's Emerging Hot Spot Analysis, made exact):
 * for each month t, Gi* per cell over that month's counts alone (same band, all cells of the
 * study area); a cell-month is hot if z > 0 and p < 0.10, cold if z < 0 and p < 0.10. The trend is
 * Mann–Kendall on the cell's z series over the T months, significant when its p < 0.10.
 *
 * With H hot months, C cold months and L the last month, a cell is, in this order:
 * historical hot (L not hot, H >= 0.9T); intensifying / diminishing / persistent hot (L hot,
 * H >= 0.9T, trend significantly up / down / neither); new hot (L hot, H = 1); consecutive hot
 * (L hot, the hot months one unbroken run ending at L of at least 2 months, H < 0.9T);
 * oscillating hot (L hot, H < 0.9T, some month cold); sporadic hot (L hot, H < 0.9T otherwise).
 * Cold categories mirror these with hot and cold swapped, checked only where no hot category
 * applies; for cold spots "intensifying" means the z trend is significantly down (colder) and
 * "diminishing" significantly up, as in ArcGIS. Otherwise no pattern; cells that never have an
 * incident are no pattern. H >= 0.9T is tested as 10H >= 9T, in integers.
 */
import type { Grid } from './grid.ts';
import { giStar } from './gi_star.ts';
import { mannKendall } from './mann_kendall.ts';

export const EMERGING_CATEGORIES = [
  'new_hot',
  'consecutive_hot',
  'intensifying_hot',
  'persistent_hot',
  'diminishing_hot',
  'sporadic_hot',
  'oscillating_hot',
  'historical_hot',
  'new_cold',
  'consecutive_cold',
  'intensifying_cold',
  'persistent_cold',
  'diminishing_cold',
  'sporadic_cold',
  'oscillating_cold',
  'historical_cold',
  'no_pattern',
] as const;

export type EmergingCategory = (typeof EMERGING_CATEGORIES)[number];

/** Significance level for hot/cold cell-months and for the trend (DESIGN.md). */
export const EMERGING_ALPHA = 0.1;

/**
 * The category of one cell from its monthly states (+1 hot, -1 cold, 0 neither, in time order)
 * and its Mann–Kendall trend (+1 significantly up, -1 down, 0 neither).
 */
export function classifyEmerging(states: ArrayLike<number>, trend: -1 | 0 | 1): EmergingCategory {
  const hot = side(states, 1, trend);
  if (hot) return `${hot}_hot`;
  const cold = side(states, -1, -trend as -1 | 0 | 1);
  if (cold) return `${cold}_cold`;
  return 'no_pattern';
}

type Kind = 'new' | 'consecutive' | 'intensifying' | 'persistent' | 'diminishing' | 'sporadic' | 'oscillating' | 'historical';

/** The hot (sign = 1) or cold (sign = -1) category, or null; `trend` is already oriented (+1 = towards more extreme). */
function side(states: ArrayLike<number>, sign: 1 | -1, trend: -1 | 0 | 1): Kind | null {
  const T = states.length;
  if (T === 0) return null;
  let h = 0;
  let other = 0;
  for (let t = 0; t < T; t++) {
    if (states[t] === sign) h++;
    else if (states[t] === -sign) other++;
  }
  const lastOn = states[T - 1] === sign;
  const mostly = 10 * h >= 9 * T;
  if (!lastOn) return mostly ? 'historical' : null;
  if (mostly) return trend > 0 ? 'intensifying' : trend < 0 ? 'diminishing' : 'persistent';
  if (h === 1) return 'new';
  let run = 0;
  for (let t = T - 1; t >= 0 && states[t] === sign; t--) run++;
  if (run === h && run >= 2) return 'consecutive';
  if (other > 0) return 'oscillating';
  return 'sporadic';
}

export interface EmergingResult {
  /** Category per cell (index into EMERGING_CATEGORIES); no_pattern outside the mask. */
  category: Uint8Array;
  /** Mann–Kendall Z and p of each cell's Gi* z series (NaN outside the mask). */
  mkZ: Float64Array;
  mkP: Float64Array;
  /** Hot and cold month counts per cell. */
  hotMonths: Int32Array;
  coldMonths: Int32Array;
  /** Gi* z per month and cell: zCube[t * cells + c]. */
  zCube: Float64Array;
  /** Cells per category name (only categories that occur). */
  counts: Partial<Record<EmergingCategory, number>>;
  params: { bandM: number; steps: number; alpha: number; cells: number };
  notes: string[];
}

/**
 * Emerging hot-spot categories of a monthly cube `counts[t * cells + c]` on `grid` (steps = T),
 * Gi* with band `bandM` over the cells of `mask` (default all).
 */
export function emergingHotSpots(
  grid: Grid,
  counts: ArrayLike<number>,
  steps: number,
  bandM: number,
  opts: { mask?: Uint8Array | null } = {},
): EmergingResult {
  const cells = grid.width * grid.height;
  if (!(Number.isInteger(steps) && steps > 0)) throw new RangeError(`steps must be a positive integer, got ${steps}`);
  if (counts.length !== cells * steps) throw new RangeError(`counts must have ${cells} cells x ${steps} steps = ${cells * steps} values, got ${counts.length}`);
  const mask = opts.mask ?? null;
  const zCube = new Float64Array(cells * steps);
  const state = new Int8Array(cells * steps);
  const notes: string[] = [];
  const slice = new Float64Array(cells);
  for (let t = 0; t < steps; t++) {
    for (let c = 0; c < cells; c++) slice[c] = counts[t * cells + c];
    const g = giStar(grid, slice, bandM, { mask });
    for (const note of g.notes) notes.push(`step ${t}: ${note}`);
    for (let c = 0; c < cells; c++) {
      const z = g.z[c];
      zCube[t * cells + c] = z;
      const p = g.p[c];
      state[t * cells + c] = p < EMERGING_ALPHA ? (z > 0 ? 1 : z < 0 ? -1 : 0) : 0;
    }
  }
  const category = new Uint8Array(cells);
  const mkZ = new Float64Array(cells).fill(NaN);
  const mkP = new Float64Array(cells).fill(NaN);
  const hotMonths = new Int32Array(cells);
  const coldMonths = new Int32Array(cells);
  const counted: Partial<Record<EmergingCategory, number>> = {};
  const series = new Float64Array(steps);
  const states = new Int8Array(steps);
  const noPattern = EMERGING_CATEGORIES.indexOf('no_pattern');
  for (let c = 0; c < cells; c++) {
    if (mask && !mask[c]) {
      category[c] = noPattern;
      continue;
    }
    let total = 0;
    for (let t = 0; t < steps; t++) {
      series[t] = zCube[t * cells + c];
      states[t] = state[t * cells + c];
      total += counts[t * cells + c];
      if (states[t] === 1) hotMonths[c]++;
      else if (states[t] === -1) coldMonths[c]++;
    }
    const mk = mannKendall(series, EMERGING_ALPHA);
    mkZ[c] = mk.z;
    mkP[c] = mk.p;
    const name: EmergingCategory = total === 0 ? 'no_pattern' : classifyEmerging(states, mk.trend);
    category[c] = EMERGING_CATEGORIES.indexOf(name);
    counted[name] = (counted[name] ?? 0) + 1;
  }
  let studyCells = 0;
  for (let c = 0; c < cells; c++) if (!mask || mask[c]) studyCells++;
  return {
    category,
    mkZ,
    mkP,
    hotMonths,
    coldMonths,
    zCube,
    counts: counted,
    params: { bandM, steps, alpha: EMERGING_ALPHA, cells: studyCells },
    notes,
  };
}
