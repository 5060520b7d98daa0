import { describe, expect, it } from 'vitest';
import { gridFromOrigin, type Grid } from './grid.ts';
import { kdeExact } from './kde_exact.ts';
import { kdeFast } from './kde_fast.ts';
import type { KernelName } from './kernels.ts';
import { readColumns, seededRandom } from '../../test/stats/reference.ts';

/** Largest |fast - exact| as a share of the maximum exact density. */
function errorOfMax(grid: Grid, xs: Float64Array, ys: Float64Array, kernel: KernelName, h: number): number {
  const e = kdeExact(grid, xs, ys, { kernel, bandwidthM: h });
  const f = kdeFast(grid, xs, ys, { kernel, bandwidthM: h });
  let max = 0;
  let err = 0;
  for (let c = 0; c < e.length; c++) {
    max = Math.max(max, e[c]);
    err = Math.max(err, Math.abs(e[c] - f[c]));
  }
  return err / max;
}

/** 200,000 clustered points (30 Gaussian clusters, 15% background) over 10 x 10 km. */
function clustered(seed: number, n: number) {
  const rnd = seededRandom(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const k = 30;
  const cx = Array.from({ length: k }, () => 1000 + rnd() * 8000);
  const cy = Array.from({ length: k }, () => 1000 + rnd() * 8000);
  const cs = Array.from({ length: k }, () => 60 + rnd() * 400);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (rnd() < 0.15) {
      xs[i] = rnd() * 10000;
      ys[i] = rnd() * 10000;
    } else {
      const j = (rnd() * k) | 0;
      xs[i] = cx[j] + gauss() * cs[j];
      ys[i] = cy[j] + gauss() * cs[j];
    }
  }
  return { xs, ys };
}

describe('kdeFast error against the exact sum', () => {
  const grid = gridFromOrigin(0, 0, 50, 200, 200);
  const { xs, ys } = clustered(3, 200_000);
  it('quartic, 200,000 clustered points, h = 5 cells: within 0.1% of the maximum density', () => {
    expect(errorOfMax(grid, xs, ys, 'quartic', 250)).toBeLessThan(1e-3);
  });
  it('Gaussian, same points, sigma = 2.5 cells: within 0.1% of the maximum density', () => {
    expect(errorOfMax(grid, xs, ys, 'gaussian', 125)).toBeLessThan(1e-3);
  });
  it('Epanechnikov, same points, h = 5 cells: within 1% (its kink at d = h defeats the smooth correction; measured 0.5%)', () => {
    expect(errorOfMax(grid, xs, ys, 'epanechnikov', 250)).toBeLessThan(1e-2);
  });
  it('without the blur correction the error would be several times larger (the correction matters)', () => {
    // Quartic at h = 5 cells: the correction is what brings the error under 0.1%; compare to
    // a plain linear-binning estimate, i.e. the same points moved to cell centres exactly.
    const e = kdeExact(grid, xs, ys, { kernel: 'quartic', bandwidthM: 250 });
    const snapped = kdeExact(grid, xs.map((x) => (Math.floor(x / 50) + 0.5) * 50), ys.map((y) => (Math.floor(y / 50) + 0.5) * 50), { kernel: 'quartic', bandwidthM: 250 });
    let max = 0;
    let err = 0;
    for (let c = 0; c < e.length; c++) {
      max = Math.max(max, e[c]);
      err = Math.max(err, Math.abs(e[c] - snapped[c]));
    }
    expect(err / max).toBeGreaterThan(5 * errorOfMax(grid, xs, ys, 'quartic', 250));
  });
});

describe('kdeFast on sparse data (the stated limit: use exact mode there)', () => {
  const pts = readColumns('points_d14_2018_2019.csv', ['x', 'y']);
  const grid = gridFromOrigin(0, -500, 100, 70, 60);
  it('696 points, quartic h = 4 cells: error under 2% of the maximum', () => {
    const err = errorOfMax(grid, pts.x, pts.y, 'quartic', 400);
    expect(err).toBeLessThan(0.02);
    expect(err).toBeGreaterThan(1e-3); // the reason `kde` chooses exact mode for small inputs
  });
  it('696 points, Gaussian sigma = 4 cells: error under 0.3% of the maximum', () => {
    expect(errorOfMax(grid, pts.x, pts.y, 'gaussian', 400)).toBeLessThan(3e-3);
  });
});

describe('kdeFast arguments', () => {
  const grid = gridFromOrigin(0, 0, 100, 10, 10);
  it('refuses bandwidths below its minimum number of cells', () => {
    expect(() => kdeFast(grid, [500], [500], { kernel: 'quartic', bandwidthM: 150 })).toThrow(/exact mode/);
    expect(() => kdeFast(grid, [500], [500], { kernel: 'gaussian', bandwidthM: 50 })).toThrow(RangeError);
  });
  it('ignores points beyond the kernel reach and NaN points', () => {
    const a = kdeFast(grid, [500, 1e7, NaN], [500, 1e7, 3], { kernel: 'quartic', bandwidthM: 300 });
    const b = kdeFast(grid, [500], [500], { kernel: 'quartic', bandwidthM: 300 });
    expect(Array.from(a)).toEqual(Array.from(b));
  });
});
