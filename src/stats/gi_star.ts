/**
 * Getis–Ord Gi* on a square grid (DESIGN.md; Getis & Ord 1992, Ord & Getis 1995 eq. 1.4 as used
 * by ArcGIS Hot Spot Analysis and PySAL esda.G_Local(star=True)), binary weights: w_ij = 1 when
 * the centres of cells i and j are within `bandM` metres (self included), else 0.
 *
 *   G*_i = (sum_j w_ij x_j - Xbar W_i) / (S sqrt((n sum_j w_ij² - W_i²) / (n - 1)))
 *
 * over the n cells of the study area (`mask`, default every cell), empty ones included;
 * Xbar and S the mean and (population) standard deviation of x over those cells. p is two-sided
 * normal. Only cells in the study area count as neighbours.
 *
 * The grid structure replaces a weights matrix: the neighbourhood is the same set of row offsets
 * for every cell, each row a contiguous run of columns, so each neighbourhood sum is a handful of
 * differences of row prefix sums (O(rows of the band) per cell, whatever the band).
 *
 * Degenerate input gets a clear answer, never NaN: with fewer than 2 cells, or all values equal
 * (S = 0), every z is 0 and p is 1, with a note; a cell whose neighbourhood is the whole study
 * area (n W_i = W_i²) has z = 0, p = 1, counted in a note. Cells outside the mask get NaN.
 */
import type { Grid } from './grid.ts';
import { twoSidedP } from './normal.ts';

export interface GiStarOptions {
  /** 1 = cell in the study area (counted in n), 0 = not part of it. Default: every cell. */
  mask?: Uint8Array | null;
  /** Skip p-values (z only), e.g. inside loops that only need z. Default false. */
  skipP?: boolean;
}

export interface GiStarResult {
  /** z-score per cell (NaN outside the mask). */
  z: Float64Array;
  /** Two-sided normal p per cell (NaN outside the mask; empty when skipP). */
  p: Float64Array;
  /** Number of neighbours W_i (self included) per cell. */
  neighbours: Int32Array;
  /** n, Xbar, S of the study area's values. */
  n: number;
  mean: number;
  sd: number;
  bandM: number;
  /** Row half-widths of the neighbourhood: offsets (dr, dc) with |dc| <= halfWidths[|dr|]. */
  halfWidths: number[];
  /** Degenerate cases met, in words. */
  notes: string[];
}

/**
 * Half-widths of a distance band on cells of side s: for each row offset r = 0..R, the largest
 * column offset c with (r² + c²) s² <= band² (a relative tolerance of 1e-9 keeps centres lying
 * exactly on the band, like 3 cells at 450 m on 150 m cells, inside).
 */
export function bandHalfWidths(bandM: number, cellSizeM: number): number[] {
  if (!(bandM >= 0) || !Number.isFinite(bandM)) throw new RangeError(`bandM must be >= 0, got ${bandM}`);
  const b2 = (bandM / cellSizeM) ** 2 * (1 + 1e-9);
  const out: number[] = [];
  for (let r = 0; r * r <= b2; r++) out.push(Math.floor(Math.sqrt(b2 - r * r)));
  return out;
}

/** Gi* of `values` (row-major on `grid`) with a binary distance band of `bandM` metres. */
export function giStar(grid: Grid, values: ArrayLike<number>, bandM: number, opts: GiStarOptions = {}): GiStarResult {
  const { width, height, cellSizeM } = grid;
  const size = width * height;
  if (values.length !== size) throw new RangeError(`values must have ${size} cells (${width} x ${height}), got ${values.length}`);
  const mask = opts.mask ?? null;
  if (mask && mask.length !== size) throw new RangeError(`mask must have ${size} cells, got ${mask.length}`);
  const half = bandHalfWidths(bandM, cellSizeM);
  const R = half.length - 1;

  // Global statistics over the study area (two-pass for the variance).
  let n = 0;
  let sum = 0;
  for (let c = 0; c < size; c++) {
    if (mask && !mask[c]) continue;
    const x = values[c];
    if (!Number.isFinite(x)) throw new RangeError(`values[${c}] is not a finite number: ${x}`);
    n++;
    sum += x;
  }
  const mean = n > 0 ? sum / n : NaN;
  let ss = 0;
  for (let c = 0; c < size; c++) {
    if (mask && !mask[c]) continue;
    const d = values[c] - mean;
    ss += d * d;
  }
  const sd = n > 0 ? Math.sqrt(ss / n) : NaN;

  // Row prefix sums of values and of study-area membership: P[row*(W+1) + c] = sum of the row's first c cells.
  const W1 = width + 1;
  const P = new Float64Array(W1 * height);
  const Q = new Int32Array(W1 * height);
  for (let row = 0; row < height; row++) {
    let acc = 0;
    let cnt = 0;
    const base = row * W1;
    const vb = row * width;
    for (let col = 0; col < width; col++) {
      const inside = !mask || mask[vb + col] ? 1 : 0;
      if (inside) acc += values[vb + col];
      cnt += inside;
      P[base + col + 1] = acc;
      Q[base + col + 1] = cnt;
    }
  }

  const z = new Float64Array(size);
  const neighbours = new Int32Array(size);
  const notes: string[] = [];
  const degenerate = n < 2 || !(sd > 0);
  if (n < 2) notes.push(`only ${n} cell(s) in the study area: Gi* is undefined, z = 0 and p = 1 everywhere`);
  else if (!(sd > 0)) notes.push(`all ${n} cells have the same value (${mean}): no spatial pattern, z = 0 and p = 1 everywhere`);
  let whole = 0;
  for (let row = 0; row < height; row++) {
    const rLo = Math.max(0, row - R);
    const rHi = Math.min(height - 1, row + R);
    for (let col = 0; col < width; col++) {
      const c = col + row * width;
      if (mask && !mask[c]) {
        z[c] = NaN;
        continue;
      }
      let sx = 0;
      let wi = 0;
      for (let r = rLo; r <= rHi; r++) {
        const m = half[r > row ? r - row : row - r];
        const lo = col - m < 0 ? 0 : col - m;
        const hi = col + m + 1 > width ? width : col + m + 1;
        const base = r * W1;
        sx += P[base + hi] - P[base + lo];
        wi += Q[base + hi] - Q[base + lo];
      }
      neighbours[c] = wi;
      if (degenerate) continue; // z stays 0
      const denom2 = (n * wi - wi * wi) / (n - 1);
      if (!(denom2 > 0)) {
        whole++;
        continue;
      }
      z[c] = (sx - mean * wi) / (sd * Math.sqrt(denom2));
    }
  }
  if (whole > 0) notes.push(`${whole} cell(s) have the whole study area as neighbourhood: z = 0, p = 1 there`);

  let p = new Float64Array(0);
  if (!opts.skipP) {
    p = new Float64Array(size);
    for (let c = 0; c < size; c++) p[c] = Number.isNaN(z[c]) ? NaN : twoSidedP(z[c]);
  }
  return { z, p, neighbours, n, mean, sd, bandM, halfWidths: half, notes };
}
