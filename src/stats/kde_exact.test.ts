import { describe, expect, it } from 'vitest';
import { gridFromOrigin } from './grid.ts';
import { kdeExact } from './kde_exact.ts';
import { maxRelativeError, readColumns } from '../../test/stats/reference.ts';

/** The reference KDE grid: 100 m cells over the points' bbox padded by 400 m, row 0 southern. */
function referenceGrid(file: string) {
  const r = readColumns(file, ['row', 'col', 'cx', 'cy', 'density']);
  const width = Math.max(...r.col) + 1;
  const height = Math.max(...r.row) + 1;
  const grid = gridFromOrigin(r.cx[0] - 50, r.cy[0] - 50, 100, width, height);
  const index = Array.from(r.row, (row, i) => r.col[i] + row * width);
  return { grid, index, expected: r.density };
}

describe('kdeExact against ../shared/reference (district 14, 696 points)', () => {
  const pts = readColumns('points_d14_2018_2019.csv', ['x', 'y']);
  it('quartic, h = 400 m, equals the reference to 1e-9 relative in every cell', () => {
    const { grid, index, expected } = referenceGrid('kde_d14_quartic_c100_h400.csv');
    const d = kdeExact(grid, pts.x, pts.y, { kernel: 'quartic', bandwidthM: 400 });
    expect(index.length).toBe(2842);
    expect(maxRelativeError(index.map((c) => d[c]), expected)).toBeLessThan(1e-9);
  });
  it('Gaussian, h = 200 m, untruncated, equals the reference to 1e-9 relative in every cell', () => {
    const { grid, index, expected } = referenceGrid('kde_d14_gaussian_c100_h200.csv');
    const d = kdeExact(grid, pts.x, pts.y, { kernel: 'gaussian', bandwidthM: 200, truncateH: Infinity });
    expect(maxRelativeError(index.map((c) => d[c]), expected)).toBeLessThan(1e-9);
  });
  it('Gaussian truncated at 5h differs from the untruncated sum by less than 1.2e-6 of the total mass per point', () => {
    const { grid } = referenceGrid('kde_d14_gaussian_c100_h200.csv');
    const full = kdeExact(grid, pts.x, pts.y, { kernel: 'gaussian', bandwidthM: 200, truncateH: Infinity });
    const cut = kdeExact(grid, pts.x, pts.y, { kernel: 'gaussian', bandwidthM: 200 });
    let max = 0;
    let diff = 0;
    for (let c = 0; c < full.length; c++) {
      max = Math.max(max, full[c]);
      diff = Math.max(diff, full[c] - cut[c]);
    }
    expect(diff).toBeGreaterThan(0);
    // A point's kernel peak is 1e6 / (2 pi h²) = 3.98 per km²; the tail beyond 5h is below e^-12.5 of it per point.
    expect(diff / max).toBeLessThan(1e-5);
  });
});

describe('kdeExact hand-computed cases', () => {
  // One point at the centre of cell (2, 2) of a 5 x 5 grid of 100 m cells.
  const grid = gridFromOrigin(0, 0, 100, 5, 5);
  const at = (d: Float64Array, col: number, row: number) => d[col + row * 5];
  it('quartic: 3/(pi h²)(1 - d²/h²)² per m², times 1e6 per km²', () => {
    const d = kdeExact(grid, [250], [250], { kernel: 'quartic', bandwidthM: 200 });
    expect(at(d, 2, 2)).toBeCloseTo(75 / Math.PI, 12); // 3e6 / (pi * 40000)
    expect(at(d, 3, 2)).toBeCloseTo((75 / Math.PI) * 0.5625, 12); // d = h/2
    expect(at(d, 3, 3)).toBeCloseTo((75 / Math.PI) * 0.25, 12); // d² = h²/2
    expect(at(d, 4, 2)).toBe(0); // d = h: outside (d < h only)
  });
  it('Epanechnikov: 2/(pi h²)(1 - d²/h²)', () => {
    const d = kdeExact(grid, [250], [250], { kernel: 'epanechnikov', bandwidthM: 200 });
    expect(at(d, 2, 2)).toBeCloseTo(50 / Math.PI, 12);
    expect(at(d, 2, 3)).toBeCloseTo((50 / Math.PI) * 0.75, 12);
    expect(at(d, 0, 2)).toBe(0);
  });
  it('Gaussian: 1/(2 pi h²) exp(-d²/(2h²))', () => {
    const d = kdeExact(grid, [250], [250], { kernel: 'gaussian', bandwidthM: 100 });
    expect(at(d, 2, 2)).toBeCloseTo(50 / Math.PI, 12);
    expect(at(d, 3, 2)).toBeCloseTo((50 / Math.PI) * Math.exp(-0.5), 12);
    expect(at(d, 4, 4)).toBeCloseTo((50 / Math.PI) * Math.exp(-4), 12); // d² = 2 * 200²
  });
  it('weights multiply, and a weight of 2 equals two points', () => {
    const a = kdeExact(grid, [230, 330], [260, 180], { kernel: 'quartic', bandwidthM: 150, weights: [2, 1] });
    const b = kdeExact(grid, [230, 230, 330], [260, 260, 180], { kernel: 'quartic', bandwidthM: 150 });
    for (let c = 0; c < 25; c++) expect(a[c]).toBeCloseTo(b[c], 12);
  });
  it('counts points outside the grid that reach into it, and skips NaN', () => {
    const d = kdeExact(grid, [-50, NaN], [250, 0], { kernel: 'quartic', bandwidthM: 200 });
    expect(at(d, 0, 2)).toBeCloseTo((75 / Math.PI) * 0.5625, 12); // 100 m from the point
    expect(at(d, 1, 2)).toBe(0);
  });
  it('integrates to the number of points (density x cell area in km²)', () => {
    const g = gridFromOrigin(0, 0, 50, 60, 60);
    for (const kernel of ['quartic', 'epanechnikov', 'gaussian'] as const) {
      const d = kdeExact(g, [1500, 1320], [1400, 1610], { kernel, bandwidthM: 300 });
      const mass = d.reduce((a, b) => a + b, 0) * 0.05 * 0.05;
      expect(Math.abs(mass - 2)).toBeLessThan(kernel === 'epanechnikov' ? 2e-2 : 2e-3);
    }
  });
  it('rejects a bandwidth that is not positive, and a truncation closer than 5h', () => {
    expect(() => kdeExact(grid, [0], [0], { kernel: 'quartic', bandwidthM: 0 })).toThrow(/bandwidthM/);
    expect(() => kdeExact(grid, [0], [0], { kernel: 'gaussian', bandwidthM: NaN })).toThrow(RangeError);
    expect(() => kdeExact(grid, [0], [0], { kernel: 'gaussian', bandwidthM: 100, truncateH: 3 })).toThrow(/truncateH/);
  });
});
