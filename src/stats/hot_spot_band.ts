/**
 * Choosing the Gi* distance band from the data, the way ArcGIS Pro's Optimized Hot Spot Analysis
 * does for a fishnet of counts (ESRI, "How Optimized Hot Spot Analysis works"): run Incremental
 * Spatial Autocorrelation — global Moran's I of the counts at increasing distance bands — and take
 * the first peak of its z-score that is significant (z > 1.96); without such a peak, take the band
 * that gives each cell about 30 neighbours (OHSA's fallback: the average distance to 30 nearest
 * neighbours). Bands are whole multiples of the cell size from 2 cells (the first with at least
 * 8 neighbours, ArcGIS's rule of thumb) to 10 cells, or less on small grids.
 *
 * Moran's I with binary weights within the band (self excluded), z under the normality
 * assumption (Cliff & Ord 1981): E[I] = -1/(n-1),
 * Var[I] = (n² S1 - n S2 + 3 S0²) / ((n² - 1) S0²) - E[I]², S1 = 2 S0, S2 = 4 sum_i w_i².
 */
import type { Chosen, Grid } from './grid.ts';
import { bandHalfWidths } from './gi_star.ts';

export interface BandProfileRow {
  bandM: number;
  moransI: number;
  z: number;
  /** Mean number of neighbours (self excluded). */
  meanNeighbours: number;
}

/** Global Moran's I and its z for a binary distance band on the grid (self excluded). */
export function moransIGrid(grid: Grid, values: ArrayLike<number>, bandM: number, mask?: Uint8Array | null): BandProfileRow {
  const { width, height, cellSizeM } = grid;
  const size = width * height;
  let n = 0;
  let sum = 0;
  for (let c = 0; c < size; c++) {
    if (mask && !mask[c]) continue;
    n++;
    sum += values[c];
  }
  const mean = sum / n;
  const dev = new Float64Array(size);
  let m2 = 0;
  for (let c = 0; c < size; c++) {
    if (mask && !mask[c]) continue;
    dev[c] = values[c] - mean;
    m2 += dev[c] * dev[c];
  }
  const half = bandHalfWidths(bandM, cellSizeM);
  const R = half.length - 1;
  const W1 = width + 1;
  const P = new Float64Array(W1 * height);
  const Q = new Int32Array(W1 * height);
  for (let row = 0; row < height; row++) {
    let acc = 0;
    let cnt = 0;
    for (let col = 0; col < width; col++) {
      const c = col + row * width;
      acc += dev[c];
      cnt += !mask || mask[c] ? 1 : 0;
      P[row * W1 + col + 1] = acc;
      Q[row * W1 + col + 1] = cnt;
    }
  }
  let cross = 0;
  let s0 = 0;
  let s2 = 0;
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      const c = col + row * width;
      if (mask && !mask[c]) continue;
      let sx = 0;
      let wi = 0;
      for (let r = Math.max(0, row - R); r <= Math.min(height - 1, row + R); r++) {
        const m = half[Math.abs(r - row)];
        const lo = Math.max(0, col - m);
        const hi = Math.min(width, col + m + 1);
        sx += P[r * W1 + hi] - P[r * W1 + lo];
        wi += Q[r * W1 + hi] - Q[r * W1 + lo];
      }
      sx -= dev[c];
      wi -= 1;
      cross += dev[c] * sx;
      s0 += wi;
      s2 += 4 * wi * wi;
    }
  }
  const I = s0 > 0 && m2 > 0 ? (n / s0) * (cross / m2) : NaN;
  const e = -1 / (n - 1);
  const s1 = 2 * s0;
  const v = (n * n * s1 - n * s2 + 3 * s0 * s0) / ((n * n - 1) * s0 * s0) - e * e;
  const z = v > 0 && Number.isFinite(I) ? (I - e) / Math.sqrt(v) : NaN;
  return { bandM, moransI: I, z, meanNeighbours: n > 0 ? s0 / n : 0 };
}

/**
 * The default Gi* band for counts on a grid, with the Moran's I profile behind it.
 * Returns { value (metres), reason, profile }.
 */
export function defaultHotSpotBandM(grid: Grid, values: ArrayLike<number>, mask?: Uint8Array | null): Chosen & { profile: BandProfileRow[] } {
  const s = grid.cellSizeM;
  const maxK = Math.max(2, Math.min(10, Math.floor(Math.max(grid.width, grid.height) / 2)));
  const profile: BandProfileRow[] = [];
  for (let k = 2; k <= maxK; k++) profile.push(moransIGrid(grid, values, k * s, mask));
  for (let i = 0; i < profile.length; i++) {
    const z = profile[i].z;
    const before = i > 0 ? profile[i - 1].z : -Infinity;
    const after = i + 1 < profile.length ? profile[i + 1].z : -Infinity;
    // A peak inside the range (not the last band, where the rise may simply continue).
    if (z > 1.96 && z > before && z >= after && i + 1 < profile.length && i > 0) {
      return {
        value: profile[i].bandM,
        reason: `first significant peak of Moran's I z (${z.toFixed(2)}) over bands of 2..${maxK} cells (Incremental Spatial Autocorrelation, as ArcGIS Optimized Hot Spot Analysis)`,
        profile,
      };
    }
  }
  const k = Math.min(3, maxK);
  return {
    value: k * s,
    reason: `no significant peak of Moran's I z over bands of 2..${maxK} cells; ${k} cells (${k * s} m) gives about 30 neighbours per cell (the fallback of ArcGIS Optimized Hot Spot Analysis)`,
    profile,
  };
}
