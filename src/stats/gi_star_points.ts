/**
 * Getis–Ord Gi* for cells given only by their centres (any layout: hexagons, irregular cells),
 * binary distance band, self included — the same statistic as gi_star.ts (see there), with the
 * neighbours found through buckets of side `bandM` (a point's neighbours lie in its own bucket or
 * the 8 around it). O(n k) for k neighbours per cell; gi_star.ts is the faster path for square
 * grids.
 */
import { twoSidedP } from './normal.ts';
import type { GiStarResult } from './gi_star.ts';

/** Gi* of values at centres (xs, ys), neighbours within bandM metres (distance <= bandM (1 + 1e-9)). */
export function giStarPoints(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  values: ArrayLike<number>,
  bandM: number,
): Omit<GiStarResult, 'halfWidths'> {
  const n = xs.length;
  if (ys.length !== n || values.length !== n) throw new RangeError(`xs, ys and values must have the same length`);
  if (!(bandM >= 0) || !Number.isFinite(bandM)) throw new RangeError(`bandM must be >= 0, got ${bandM}`);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    if (!(Number.isFinite(xs[i]) && Number.isFinite(ys[i]) && Number.isFinite(values[i]))) {
      throw new RangeError(`cell ${i} has a non-finite coordinate or value`);
    }
    sum += values[i];
  }
  const mean = n > 0 ? sum / n : NaN;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - mean) ** 2;
  const sd = n > 0 ? Math.sqrt(ss / n) : NaN;

  // Buckets of side b (at least a tiny positive size so a zero band still works).
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    if (xs[i] < minX) minX = xs[i];
    if (xs[i] > maxX) maxX = xs[i];
    if (ys[i] < minY) minY = ys[i];
    if (ys[i] > maxY) maxY = ys[i];
  }
  const span = Math.max(maxX - minX, maxY - minY, 1e-9);
  const b = Math.max(bandM, span / 2048);
  const bw = Math.floor((maxX - minX) / b) + 1;
  const bh = Math.floor((maxY - minY) / b) + 1;
  const start = new Int32Array(bw * bh + 1);
  const bucketOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = Math.floor((xs[i] - minX) / b) + Math.floor((ys[i] - minY) / b) * bw;
    bucketOf[i] = k;
    start[k + 1]++;
  }
  for (let k = 0; k < bw * bh; k++) start[k + 1] += start[k];
  const fill = start.slice(0, bw * bh);
  const members = new Int32Array(n);
  for (let i = 0; i < n; i++) members[fill[bucketOf[i]]++] = i;

  const band2 = bandM * bandM * (1 + 2e-9);
  const z = new Float64Array(n);
  const neighbours = new Int32Array(n);
  const notes: string[] = [];
  const degenerate = n < 2 || !(sd > 0);
  if (n < 2) notes.push(`only ${n} cell(s): Gi* is undefined, z = 0 and p = 1 everywhere`);
  else if (!(sd > 0)) notes.push(`all ${n} cells have the same value (${mean}): no spatial pattern, z = 0 and p = 1 everywhere`);
  let whole = 0;
  for (let i = 0; i < n; i++) {
    const bx = Math.floor((xs[i] - minX) / b);
    const by = Math.floor((ys[i] - minY) / b);
    let sx = 0;
    let wi = 0;
    for (let yy = Math.max(0, by - 1); yy <= Math.min(bh - 1, by + 1); yy++) {
      for (let xx = Math.max(0, bx - 1); xx <= Math.min(bw - 1, bx + 1); xx++) {
        const k = xx + yy * bw;
        for (let m = start[k]; m < start[k + 1]; m++) {
          const j = members[m];
          const dx = xs[j] - xs[i];
          const dy = ys[j] - ys[i];
          if (dx * dx + dy * dy <= band2) {
            sx += values[j];
            wi++;
          }
        }
      }
    }
    neighbours[i] = wi;
    if (degenerate) continue;
    const denom2 = (n * wi - wi * wi) / (n - 1);
    if (!(denom2 > 0)) {
      whole++;
      continue;
    }
    z[i] = (sx - mean * wi) / (sd * Math.sqrt(denom2));
  }
  if (whole > 0) notes.push(`${whole} cell(s) have every cell as neighbour: z = 0, p = 1 there`);
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) p[i] = twoSidedP(z[i]);
  return { z, p, neighbours, n, mean, sd, bandM, notes };
}
