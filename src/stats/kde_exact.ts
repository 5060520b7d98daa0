/**
 * Exact KDE on a grid: f(c) = sum_i w_i K_h(|c - p_i|) * 1e6 incidents/km² at every cell centre c,
 * as DESIGN.md writes it, summed point by point over the cells within the kernel's support.
 *
 * Quartic and Epanechnikov are exact (to rounding). The Gaussian is summed over the cells whose
 * centres lie within `truncateH * h` of the point along both axes (a square window, so every cell
 * within truncateH * h is included); what is left out is at most
 * 1 - erf(truncateH / sqrt 2)^2 of each point's mass (1.15e-6 at the default 5h). Pass
 * `truncateH: Infinity` for the untruncated sum. Per point the Gaussian factorises into a column
 * profile and a row profile; each is built from two exps by the recurrence
 * g(k+1) = g(k) r(k), r(k+1) = r(k) q, q = exp(-cell^2/h^2) (relative rounding ~1e-14).
 */
import type { Grid } from './grid.ts';
import { DEFAULT_GAUSSIAN_TRUNCATE_H, type KernelName } from './kernels.ts';

export interface KdeExactOptions {
  kernel: KernelName;
  /** Bandwidth h in metres (the standard deviation for the Gaussian). */
  bandwidthM: number;
  /** Weight per point (default 1). Points with a non-finite weight or coordinate are skipped. */
  weights?: ArrayLike<number> | null;
  /** Gaussian truncation in bandwidths; default 5 (DESIGN.md); Infinity for none. */
  truncateH?: number;
  /** Output array of width*height cells, zeroed first. */
  out?: Float64Array;
}

/** Exact kernel density (incidents per km²) at every cell centre of `grid`, row-major. */
export function kdeExact(grid: Grid, xs: ArrayLike<number>, ys: ArrayLike<number>, opts: KdeExactOptions): Float64Array {
  const h = opts.bandwidthM;
  if (!(h > 0) || !Number.isFinite(h)) throw new RangeError(`bandwidthM must be > 0, got ${h}`);
  const n = xs.length;
  if (ys.length !== n) throw new RangeError(`xs and ys must have the same length, got ${n} and ${ys.length}`);
  const weights = opts.weights ?? null;
  if (weights && weights.length !== n) throw new RangeError(`weights must have ${n} values, got ${weights.length}`);
  const truncateH = opts.truncateH ?? DEFAULT_GAUSSIAN_TRUNCATE_H;
  if (!(truncateH >= 5)) throw new RangeError(`truncateH must be >= 5 (DESIGN.md), got ${truncateH}`);
  const { width, height } = grid;
  const size = width * height;
  const out = opts.out ?? new Float64Array(size);
  if (out.length < size) throw new RangeError(`out must hold ${size} cells, got ${out.length}`);
  out.fill(0, 0, size);
  if (opts.kernel === 'gaussian') gaussian(grid, xs, ys, weights, h, truncateH, out);
  else polynomial(grid, xs, ys, weights, h, opts.kernel === 'quartic', out);
  return out;
}

/** Column window [lo, hi] of cells whose centres lie within r of x (clamped to the grid). */
function windowLo(x: number, r: number, origin: number, s: number): number {
  return Math.max(0, Math.ceil((x - r - origin) / s - 0.5));
}
function windowHi(x: number, r: number, origin: number, s: number, count: number): number {
  return Math.min(count - 1, Math.floor((x + r - origin) / s - 0.5));
}

function polynomial(
  grid: Grid,
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  weights: ArrayLike<number> | null,
  h: number,
  quartic: boolean,
  out: Float64Array,
): void {
  const { x0, y0, cellSizeM: s, width, height } = grid;
  const invH2 = 1 / (h * h);
  const norm = ((quartic ? 3 : 2) / (Math.PI * h * h)) * 1e6;
  const ex = new Float64Array(width); // (dx/h)^2 per column of the current point's window
  const n = xs.length;
  for (let i = 0; i < n; i++) {
    const x = xs[i];
    const y = ys[i];
    const w = weights ? weights[i] : 1;
    if (!(Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(w))) continue;
    const cLo = windowLo(x, h, x0, s);
    const cHi = windowHi(x, h, x0, s, width);
    const rLo = windowLo(y, h, y0, s);
    const rHi = windowHi(y, h, y0, s, height);
    if (cLo > cHi || rLo > rHi) continue;
    for (let col = cLo; col <= cHi; col++) {
      const dx = x0 + (col + 0.5) * s - x;
      ex[col] = dx * dx * invH2;
    }
    const wn = w * norm;
    for (let row = rLo; row <= rHi; row++) {
      const dy = y0 + (row + 0.5) * s - y;
      const a = 1 - dy * dy * invH2;
      if (a <= 0) continue;
      const base = row * width;
      if (quartic) {
        for (let col = cLo; col <= cHi; col++) {
          const t = a - ex[col];
          if (t > 0) out[base + col] += wn * t * t;
        }
      } else {
        for (let col = cLo; col <= cHi; col++) {
          const t = a - ex[col];
          if (t > 0) out[base + col] += wn * t;
        }
      }
    }
  }
}

/**
 * Gaussian profile along one axis: g[k] = exp(-(centre_k - p)^2 / (2 h^2)) for k in [lo, hi],
 * from the cell nearest p outwards by the exp recurrence.
 */
function profile(g: Float64Array, p: number, origin: number, s: number, lo: number, hi: number, h: number, q: number): void {
  const inv2h2 = 1 / (2 * h * h);
  let k0 = Math.round((p - origin) / s - 0.5);
  if (k0 < lo) k0 = lo;
  if (k0 > hi) k0 = hi;
  const d0 = origin + (k0 + 0.5) * s - p;
  const g0 = Math.exp(-d0 * d0 * inv2h2);
  g[k0] = g0;
  // Going up: d -> d + s, ratio exp(-(2 d s + s^2) / (2h^2)).
  let v = g0;
  let r = Math.exp(-(2 * d0 * s + s * s) * inv2h2);
  for (let k = k0 + 1; k <= hi; k++) {
    v *= r;
    r *= q;
    g[k] = v;
  }
  // Going down: d -> d - s, ratio exp((2 d s - s^2) / (2h^2)).
  v = g0;
  r = Math.exp((2 * d0 * s - s * s) * inv2h2);
  for (let k = k0 - 1; k >= lo; k--) {
    v *= r;
    r *= q;
    g[k] = v;
  }
}

function gaussian(
  grid: Grid,
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  weights: ArrayLike<number> | null,
  h: number,
  truncateH: number,
  out: Float64Array,
): void {
  const { x0, y0, cellSizeM: s, width, height } = grid;
  const r = truncateH * h;
  const norm = (1 / (2 * Math.PI * h * h)) * 1e6;
  const q = Math.exp(-(s * s) / (h * h));
  const gx = new Float64Array(width);
  const gy = new Float64Array(height);
  const n = xs.length;
  for (let i = 0; i < n; i++) {
    const x = xs[i];
    const y = ys[i];
    const w = weights ? weights[i] : 1;
    if (!(Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(w))) continue;
    const cLo = windowLo(x, r, x0, s);
    const cHi = windowHi(x, r, x0, s, width);
    const rLo = windowLo(y, r, y0, s);
    const rHi = windowHi(y, r, y0, s, height);
    if (cLo > cHi || rLo > rHi) continue;
    profile(gx, x, x0, s, cLo, cHi, h, q);
    profile(gy, y, y0, s, rLo, rHi, h, q);
    const wn = w * norm;
    for (let row = rLo; row <= rHi; row++) {
      const f = wn * gy[row];
      const base = row * width;
      for (let col = cLo; col <= cHi; col++) out[base + col] += f * gx[col];
    }
  }
}
