/**
 * Fast approximate KDE on a grid: linear binning, a blur correction, then a convolution with the
 * kernel sampled at the cell spacing (Wand 1994, "Fast computation of multivariate kernel
 * estimators", JCGS 3(4); the binned KDE of R's KernSmooth).
 *
 * Linear (bilinear) binning spreads each point over the four nearest cell centres. Averaged over a
 * point's position inside a cell, that adds a blur of variance cell²/6 per axis (the linear
 * interpolant of K between nodes overestimates K by cell²/12 K'' on average), which gives 1-3% of
 * the maximum density in error at 4-5 cells per bandwidth. It is corrected at almost no cost:
 * - quartic / Epanechnikov: the binned grid is sharpened along each axis with a 5-tap filter
 *   that inverts the binning blur to fourth order in frequency (see `sharpen`);
 * - Gaussian: the sampled kernel is narrowed to sigma'² = h² - cell²/6, so kernel plus binning
 *   blur have the variance of the requested kernel; the kernel is separable, so the convolution is
 *   done row then column.
 *
 * Error against kdeExact, as a share of the maximum density (kde_fast.test.ts,
 * analysis/bench/kde.ts): on dense clustered data (200,000-1,000,000 points, h = 5 cells)
 * ~0.05-0.07% for the quartic, ~0.015% for the Gaussian, ~0.5% for the Epanechnikov (its kink
 * at d = h is first-order, beyond the smooth correction). The correction removes the average
 * blur, not each point's own interpolation error, so on sparse data the error is larger (696
 * points, h = 4 cells: ~1.3% quartic, ~0.13% Gaussian): `kde` uses the exact sum there.
 */
import type { Grid } from './grid.ts';
import { DEFAULT_GAUSSIAN_TRUNCATE_H, type KernelName } from './kernels.ts';

export interface KdeFastOptions {
  kernel: KernelName;
  /** Bandwidth h in metres (the standard deviation for the Gaussian). */
  bandwidthM: number;
  weights?: ArrayLike<number> | null;
  /** Gaussian truncation in bandwidths (default 5). */
  truncateH?: number;
  out?: Float64Array;
}

/** Smallest bandwidth, in cells, the fast mode accepts for each kernel (below it, use kdeExact). */
export const FAST_MIN_CELLS_PER_BANDWIDTH: Record<KernelName, number> = {
  quartic: 2,
  epanechnikov: 2,
  gaussian: 1,
};

/** Approximate kernel density (incidents per km²) at every cell centre of `grid`, row-major. */
export function kdeFast(grid: Grid, xs: ArrayLike<number>, ys: ArrayLike<number>, opts: KdeFastOptions): Float64Array {
  const h = opts.bandwidthM;
  if (!(h > 0) || !Number.isFinite(h)) throw new RangeError(`bandwidthM must be > 0, got ${h}`);
  const n = xs.length;
  if (ys.length !== n) throw new RangeError(`xs and ys must have the same length, got ${n} and ${ys.length}`);
  const weights = opts.weights ?? null;
  if (weights && weights.length !== n) throw new RangeError(`weights must have ${n} values, got ${weights.length}`);
  const s = grid.cellSizeM;
  const minCells = FAST_MIN_CELLS_PER_BANDWIDTH[opts.kernel];
  if (!(h >= minCells * s)) {
    throw new RangeError(`fast KDE needs bandwidthM >= ${minCells} cells (${minCells * s} m) for the ${opts.kernel} kernel, got ${h}; use the exact mode`);
  }
  const truncateH = opts.truncateH ?? DEFAULT_GAUSSIAN_TRUNCATE_H;
  if (!(truncateH >= 5) || !Number.isFinite(truncateH)) throw new RangeError(`truncateH must be finite and >= 5, got ${truncateH}`);
  const { width, height } = grid;
  const size = width * height;
  const out = opts.out ?? new Float64Array(size);
  if (out.length < size) throw new RangeError(`out must hold ${size} cells, got ${out.length}`);

  const radiusCells = opts.kernel === 'gaussian' ? Math.ceil((truncateH * h) / s) : Math.ceil(h / s);
  // The binning grid: the output grid padded by the kernel radius plus one cell, so every point
  // within reach of an output cell is binned (and the sharpening filter has its neighbours).
  const pad = radiusCells + 1;
  const wp = width + 2 * pad;
  const hp = height + 2 * pad;
  const binned = scratch(0, wp * hp);
  linearBin(binned, wp, hp, grid.x0 - pad * s, grid.y0 - pad * s, s, xs, ys, weights);

  if (opts.kernel === 'gaussian') {
    const sigma2 = h * h - (s * s) / 6;
    convolveGaussian(binned, wp, hp, pad, width, height, Math.sqrt(sigma2), radiusCells, s, out);
  } else {
    sharpen(binned, wp, hp);
    convolveRadial(binned, wp, pad, width, height, h, s, opts.kernel === 'quartic', out);
  }
  return out;
}

/**
 * Zeroed scratch arrays kept between calls: a fresh 2 MB Float64Array costs ~2 ms in page faults
 * on 500 x 500 grids, about 20% of the whole estimate; zeroing a reused one costs ~0.2 ms. JS
 * runs one call at a time per thread (each worker has its own module), and no array escapes a
 * call, so the reuse is invisible to callers.
 */
const scratchArrays: Float64Array[] = [];
function scratch(slot: number, size: number): Float64Array {
  let a = scratchArrays[slot];
  if (!a || a.length < size || a.length > 4 * size) {
    a = new Float64Array(size);
    scratchArrays[slot] = a;
    return a;
  }
  a = a.subarray(0, size);
  a.fill(0);
  return a;
}

/** Linear binning onto cell centres of a grid with lower-left corner (ox, oy). */
function linearBin(
  binned: Float64Array,
  wp: number,
  hp: number,
  ox: number,
  oy: number,
  s: number,
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  weights: ArrayLike<number> | null,
): void {
  const n = xs.length;
  const inv = 1 / s;
  const maxU = wp - 1;
  const maxV = hp - 1;
  for (let i = 0; i < n; i++) {
    const u = (xs[i] - ox) * inv - 0.5;
    const v = (ys[i] - oy) * inv - 0.5;
    // Points outside the padded grid are beyond the kernel's reach (NaN fails these tests too).
    if (!(u >= 0 && u < maxU && v >= 0 && v < maxV)) continue;
    let w = 1;
    if (weights) {
      w = weights[i];
      if (!Number.isFinite(w)) continue;
    }
    const iu = u | 0;
    const iv = v | 0;
    const fu = u - iu;
    const fv = v - iv;
    const c = iu + iv * wp;
    const w1 = w * (1 - fv);
    const w2 = w * fv;
    binned[c] += w1 * (1 - fu);
    binned[c + 1] += w1 * fu;
    binned[c + wp] += w2 * (1 - fu);
    binned[c + wp + 1] += w2 * fu;
  }
}

/**
 * In place, along x then y: the 5-tap filter [1/90, -23/180, 37/30, -23/180, 1/90], whose
 * frequency response 1 + w²/12 + w⁴/240 + O(w⁶) inverts that of linear binning (the tent's
 * 1/sinc²(w/2)) to fourth order. Two cells at each edge are left as they are (they lie in the
 * padding, beyond the kernel's reach of the output).
 */
function sharpen(b: Float64Array, wp: number, hp: number): void {
  const k0 = 37 / 30;
  const k1 = -23 / 180;
  const k2 = 1 / 90;
  const line = new Float64Array(Math.max(wp, hp));
  for (let r = 0; r < hp; r++) {
    const base = r * wp;
    for (let c = 0; c < wp; c++) line[c] = b[base + c];
    for (let c = 2; c < wp - 2; c++) {
      b[base + c] = k0 * line[c] + k1 * (line[c - 1] + line[c + 1]) + k2 * (line[c - 2] + line[c + 2]);
    }
  }
  // Along y, a row at a time: keep the two previous original rows.
  const m2 = b.slice(0, wp);
  const m1 = b.slice(wp, 2 * wp);
  const cur = new Float64Array(wp);
  for (let r = 2; r < hp - 2; r++) {
    const base = r * wp;
    for (let c = 0; c < wp; c++) cur[c] = b[base + c];
    for (let c = 0; c < wp; c++) {
      b[base + c] = k0 * cur[c] + k1 * (m1[c] + b[base + wp + c]) + k2 * (m2[c] + b[base + 2 * wp + c]);
    }
    m2.set(m1);
    m1.set(cur);
  }
}

/**
 * dst[d + c] += sum_j k[j] * (src[q + c - j] + src[q + c + j]) for c in [0, n), j in [0, k.length);
 * k[0] is half the centre tap. Up to six taps per pass over the row (each pass loads and stores
 * dst once; one tap per pass is about 3x slower in V8). src must hold q - k.length + 1 ..
 * q + n + k.length - 2.
 */
function addSymmetric(src: Float64Array, q: number, k: Float64Array, dst: Float64Array, d: number, n: number): void {
  const m = k.length;
  for (let j = 0; j < m; ) {
    const left = m - j;
    const lo = q - j;
    const hi = q + j;
    if (left >= 6) {
      const k0 = k[j], k1 = k[j + 1], k2 = k[j + 2], k3 = k[j + 3], k4 = k[j + 4], k5 = k[j + 5];
      for (let c = 0; c < n; c++) {
        const a = lo + c;
        const b = hi + c;
        dst[d + c] +=
          k0 * (src[a] + src[b]) + k1 * (src[a - 1] + src[b + 1]) + k2 * (src[a - 2] + src[b + 2]) +
          k3 * (src[a - 3] + src[b + 3]) + k4 * (src[a - 4] + src[b + 4]) + k5 * (src[a - 5] + src[b + 5]);
      }
      j += 6;
    } else if (left === 5) {
      const k0 = k[j], k1 = k[j + 1], k2 = k[j + 2], k3 = k[j + 3], k4 = k[j + 4];
      for (let c = 0; c < n; c++) {
        const a = lo + c;
        const b = hi + c;
        dst[d + c] +=
          k0 * (src[a] + src[b]) + k1 * (src[a - 1] + src[b + 1]) + k2 * (src[a - 2] + src[b + 2]) +
          k3 * (src[a - 3] + src[b + 3]) + k4 * (src[a - 4] + src[b + 4]);
      }
      j += 5;
    } else if (left === 4) {
      const k0 = k[j], k1 = k[j + 1], k2 = k[j + 2], k3 = k[j + 3];
      for (let c = 0; c < n; c++) {
        const a = lo + c;
        const b = hi + c;
        dst[d + c] += k0 * (src[a] + src[b]) + k1 * (src[a - 1] + src[b + 1]) + k2 * (src[a - 2] + src[b + 2]) + k3 * (src[a - 3] + src[b + 3]);
      }
      j += 4;
    } else if (left === 3) {
      const k0 = k[j], k1 = k[j + 1], k2 = k[j + 2];
      for (let c = 0; c < n; c++) {
        const a = lo + c;
        const b = hi + c;
        dst[d + c] += k0 * (src[a] + src[b]) + k1 * (src[a - 1] + src[b + 1]) + k2 * (src[a - 2] + src[b + 2]);
      }
      j += 3;
    } else if (left === 2) {
      const k0 = k[j], k1 = k[j + 1];
      for (let c = 0; c < n; c++) dst[d + c] += k0 * (src[lo + c] + src[hi + c]) + k1 * (src[lo + c - 1] + src[hi + c + 1]);
      j += 2;
    } else {
      const k0 = k[j];
      for (let c = 0; c < n; c++) dst[d + c] += k0 * (src[lo + c] + src[hi + c]);
      j += 1;
    }
  }
}

/**
 * out[r][c] = sum over taps (a, b) with a² + b² < (h/s)² of K(a, b) * binned[r + pad + a][c + pad + b].
 * The kernel is symmetric in a and in b: rows r+a and r-a are added first, then each row of taps
 * is applied symmetrically (addSymmetric).
 */
function convolveRadial(
  binned: Float64Array,
  wp: number,
  pad: number,
  width: number,
  height: number,
  h: number,
  s: number,
  quartic: boolean,
  out: Float64Array,
): void {
  const rh = h / s;
  const rc = Math.ceil(rh);
  const norm = ((quartic ? 3 : 2) / (Math.PI * h * h)) * 1e6;
  // taps[a][b] for b >= 0 while nonzero, the centre halved (addSymmetric counts it twice).
  const taps: Float64Array[] = [];
  for (let a = 0; a <= rc; a++) {
    const row: number[] = [];
    for (let b = 0; b <= rc; b++) {
      const t = 1 - (a * a + b * b) / (rh * rh);
      if (!(t > 0)) break;
      row.push(norm * (quartic ? t * t : t) * (b === 0 ? 0.5 : 1));
    }
    if (row.length === 0) break;
    taps.push(Float64Array.from(row));
  }
  const sum = new Float64Array(wp);
  out.fill(0, 0, width * height);
  for (let r = 0; r < height; r++) {
    const o = r * width;
    const centre = (r + pad) * wp;
    addSymmetric(binned, centre + pad, taps[0], out, o, width);
    for (let a = 1; a < taps.length; a++) {
      const up = centre + a * wp;
      const down = centre - a * wp;
      for (let c = 0; c < wp; c++) sum[c] = binned[up + c] + binned[down + c];
      addSymmetric(sum, pad, taps[a], out, o, width);
    }
  }
}

/** Separable Gaussian of standard deviation sigmaM, taps -radius..radius, rows then columns. */
function convolveGaussian(
  binned: Float64Array,
  wp: number,
  hp: number,
  pad: number,
  width: number,
  height: number,
  sigmaM: number,
  radius: number,
  s: number,
  out: Float64Array,
): void {
  const norm = (1 / (2 * Math.PI * sigmaM * sigmaM)) * 1e6;
  const inv2 = (s * s) / (2 * sigmaM * sigmaM);
  const g = new Float64Array(radius + 1);
  for (let b = 0; b <= radius; b++) g[b] = Math.exp(-b * b * inv2) * (b === 0 ? 0.5 : 1);
  // Pass 1: along rows, for every padded row, onto the output's columns.
  const tmp = scratch(1, width * hp);
  for (let r = 0; r < hp; r++) addSymmetric(binned, r * wp + pad, g, tmp, r * width, width);
  // Pass 2: along columns, onto the output's rows; rows r+a and r-a are added first.
  out.fill(0, 0, width * height);
  const gn = g.map((v) => v * norm);
  const m = gn.length;
  for (let r = 0; r < height; r++) {
    const dst = r * width;
    const centre = (r + pad) * width;
    let a = 0;
    for (; a + 3 < m; a += 4) {
      const k0 = gn[a];
      const k1 = gn[a + 1];
      const k2 = gn[a + 2];
      const k3 = gn[a + 3];
      const u0 = centre + a * width;
      const d0 = centre - a * width;
      const u1 = u0 + width;
      const d1 = d0 - width;
      const u2 = u1 + width;
      const d2 = d1 - width;
      const u3 = u2 + width;
      const d3 = d2 - width;
      for (let c = 0; c < width; c++) {
        out[dst + c] +=
          k0 * (tmp[u0 + c] + tmp[d0 + c]) +
          k1 * (tmp[u1 + c] + tmp[d1 + c]) +
          k2 * (tmp[u2 + c] + tmp[d2 + c]) +
          k3 * (tmp[u3 + c] + tmp[d3 + c]);
      }
    }
    for (; a < m; a++) {
      const k = gn[a];
      const u = centre + a * width;
      const d = centre - a * width;
      for (let c = 0; c < width; c++) out[dst + c] += k * (tmp[u + c] + tmp[d + c]);
    }
  }
}
