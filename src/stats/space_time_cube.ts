/**
 * The monthly space-time cube: counts per grid cell per month, `counts[t * cells + c]` for
 * month step t = 0..steps-1 (t = monthIndex - firstMonth) and cell c of the grid (row-major).
 * Incidents outside the grid or outside [firstMonth, firstMonth + steps) are skipped and counted.
 */
import type { Grid } from './grid.ts';

export interface SpaceTimeCube {
  grid: Grid;
  /** Month index (months since 1970-01) of step 0. */
  firstMonth: number;
  steps: number;
  /** Count (or weight sum) per step and cell: counts[t * width * height + c]. */
  counts: Float64Array;
  /** Incidents skipped (outside the grid, outside the months, or NaN). */
  skipped: number;
}

/** Build the monthly cube of incidents (xs, ys metres; monthIndex months since 1970-01). */
export function spaceTimeCube(
  grid: Grid,
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  monthIndex: ArrayLike<number>,
  firstMonth: number,
  steps: number,
  weights?: ArrayLike<number> | null,
): SpaceTimeCube {
  if (!(Number.isInteger(steps) && steps > 0)) throw new RangeError(`steps must be a positive integer, got ${steps}`);
  if (!Number.isInteger(firstMonth)) throw new RangeError(`firstMonth must be an integer month index, got ${firstMonth}`);
  const n = xs.length;
  if (ys.length !== n || monthIndex.length !== n) throw new RangeError(`xs, ys and monthIndex must have the same length`);
  const { x0, y0, cellSizeM: s, width, height } = grid;
  const cells = width * height;
  const counts = new Float64Array(cells * steps);
  let skipped = 0;
  for (let i = 0; i < n; i++) {
    const t = monthIndex[i] - firstMonth;
    const col = Math.floor((xs[i] - x0) / s);
    const row = Math.floor((ys[i] - y0) / s);
    const w = weights ? weights[i] : 1;
    if (!(t >= 0 && t < steps && col >= 0 && col < width && row >= 0 && row < height && Number.isFinite(w))) {
      skipped++;
      continue;
    }
    counts[t * cells + col + row * width] += w;
  }
  return { grid, firstMonth, steps, counts, skipped };
}
