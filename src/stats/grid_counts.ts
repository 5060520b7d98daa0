/**
 * Counting incidents on a square grid (DESIGN.md "Grid"): one pass over typed arrays, no
 * per-point objects. A point on a shared edge goes to the cell with the larger index (the cell
 * whose lower/left edge it lies on); points outside the grid or with NaN coordinates are skipped
 * and counted in `outside`. Division (not multiplication by 1/size) keeps points exactly on an edge
 * on the edge: (x - x0) / s is exact whenever x - x0 is an exact multiple of s.
 */
import type { Grid } from './grid.ts';

export interface GridCounts {
  /** Count (or weight sum) per cell, row-major `values[col + row * width]`. */
  values: Float64Array;
  /** Points counted (weights summed) inside the grid. */
  inside: number;
  /** Points skipped: outside the grid or without finite coordinates (or weight). */
  outside: number;
}

/**
 * Count points (xs, ys in metres) per cell of `grid`, optionally summing `weights` instead.
 * Writes into `out` when given (it is zeroed first), so repeated calls allocate nothing.
 */
export function countPointsOnGrid(
  grid: Grid,
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  weights?: ArrayLike<number> | null,
  out?: Float64Array,
): GridCounts {
  const n = xs.length;
  if (ys.length !== n) throw new RangeError(`xs and ys must have the same length, got ${n} and ${ys.length}`);
  if (weights && weights.length !== n) throw new RangeError(`weights must have ${n} values, got ${weights.length}`);
  const size = grid.width * grid.height;
  const values = out ?? new Float64Array(size);
  if (values.length < size) throw new RangeError(`out must hold ${size} cells, got ${values.length}`);
  values.fill(0, 0, size);
  const { x0, y0, width, height } = grid;
  const s = grid.cellSizeM;
  let inside = 0;
  let outside = 0;
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i] : 1;
    const col = Math.floor((xs[i] - x0) / s);
    const row = Math.floor((ys[i] - y0) / s);
    if (!(col >= 0 && col < width && row >= 0 && row < height && Number.isFinite(w))) {
      outside++;
      continue;
    }
    values[col + row * width] += w;
    inside += w;
  }
  return { values, inside, outside };
}
