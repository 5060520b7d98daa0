import { describe, expect, it } from 'vitest';
import { gridFromOrigin } from './grid.ts';
import { kde, AUTO_EXACT_BUDGET } from './kde.ts';
import { kdeExact } from './kde_exact.ts';
import { silvermanBandwidthM } from './silverman_bandwidth.ts';
import { readColumns, seededRandom } from '../../test/stats/reference.ts';

describe('kde', () => {
  const pts = readColumns('points_d14_2018_2019.csv', ['x', 'y']);
  const grid = gridFromOrigin(600, -100, 100, 60, 50);
  it('sums exactly for small inputs in auto mode, and says why', () => {
    const r = kde(grid, pts.x, pts.y, { kernel: 'quartic', bandwidthM: 400 });
    expect(r.params.mode).toBe('exact');
    expect(r.reasons.mode).toMatch(/cheap/);
    expect(Array.from(r.density)).toEqual(Array.from(kdeExact(grid, pts.x, pts.y, { kernel: 'quartic', bandwidthM: 400 })));
    expect(r.params).toMatchObject({ kernel: 'quartic', bandwidthM: 400, weighted: false, n: 696, truncateH: null });
  });
  it('takes the fast path for large inputs in auto mode', () => {
    const rnd = seededRandom(5);
    const n = Math.ceil(AUTO_EXACT_BUDGET / 81) + 10;
    const xs = Float64Array.from({ length: n }, () => rnd() * 6000);
    const ys = Float64Array.from({ length: n }, () => rnd() * 5000);
    const r = kde(gridFromOrigin(0, 0, 100, 60, 50), xs, ys, { kernel: 'quartic', bandwidthM: 400 });
    expect(r.params.mode).toBe('fast');
    expect(r.accuracy).toMatch(/binning/);
  });
  it('defaults to the quartic kernel and the spatial Silverman bandwidth, with its reason', () => {
    const r = kde(grid, pts.x, pts.y);
    const h = silvermanBandwidthM(pts.x, pts.y)!;
    expect(r.params.kernel).toBe('quartic');
    expect(r.params.bandwidthM).toBe(h.value);
    expect(r.reasons.bandwidthM).toMatch(/Silverman/);
    expect(r.reasons.kernel).toMatch(/default/);
  });
  it('falls back to one cell when Silverman is undefined (all points at one place)', () => {
    const r = kde(grid, [1000, 1000], [1000, 1000]);
    expect(r.params.bandwidthM).toBe(100);
    expect(r.reasons.bandwidthM).toMatch(/undefined/);
  });
  it('states the Gaussian truncation in its accuracy', () => {
    const r = kde(grid, pts.x, pts.y, { kernel: 'gaussian', bandwidthM: 200 });
    expect(r.params.truncateH).toBe(5);
    expect(r.accuracy).toMatch(/truncated at 5h \(omits <= 1\.1e-6/);
  });
  it('refuses the fast mode below its minimum bandwidth, and bad bandwidths', () => {
    expect(() => kde(grid, pts.x, pts.y, { kernel: 'quartic', bandwidthM: 150, mode: 'fast' })).toThrow(/fast KDE/);
    expect(() => kde(grid, pts.x, pts.y, { bandwidthM: -1 })).toThrow(RangeError);
  });
});

describe('silvermanBandwidthM', () => {
  it('uses the standard distance when it is the smaller (square of 4 points)', () => {
    // Mean centre (1, 1); every distance sqrt 2, so SD = Dm = sqrt 2 < sqrt(1/ln 2) * sqrt 2.
    const r = silvermanBandwidthM([0, 2, 0, 2], [0, 0, 2, 2])!;
    expect(r.sdM).toBeCloseTo(Math.SQRT2, 14);
    expect(r.medianDistanceM).toBeCloseTo(Math.SQRT2, 14);
    expect(r.value).toBeCloseTo(0.9 * Math.SQRT2 * 0.757858283255199, 12); // 4^-0.2
  });
  it('uses sqrt(1/ln 2) times the median distance when an outlier inflates SD', () => {
    // x = 0, 1, 2, 3, 100: mean 21.2; distances 21.2, 20.2, 19.2, 18.2, 78.8; median 20.2;
    // SD = sqrt(7766.8 / 5) = 39.41; sqrt(1/ln 2) * 20.2 = 24.2627; h = 0.9 * 24.2627 * 5^-0.2.
    const r = silvermanBandwidthM([0, 1, 2, 3, 100], [0, 0, 0, 0, 0])!;
    expect(r.sdM).toBeCloseTo(Math.sqrt(7766.8 / 5), 10);
    expect(r.medianDistanceM).toBeCloseTo(20.2, 10);
    expect(r.value).toBeCloseTo(0.9 * 1.2011224087864498 * 20.2 * 0.7247796636776955, 10);
    expect(r.reason).toMatch(/median distance is the smaller/);
  });
  it('is null for no points or coincident points', () => {
    expect(silvermanBandwidthM([], [])).toBeNull();
    expect(silvermanBandwidthM([5, 5], [1, 1])).toBeNull();
  });
  it('treats a weight of 2 like a repeated point', () => {
    const a = silvermanBandwidthM([0, 4, 10], [0, 3, 1], [2, 1, 1])!;
    const b = silvermanBandwidthM([0, 0, 4, 10], [0, 0, 3, 1])!;
    expect(a.sdM).toBeCloseTo(b.sdM, 12);
    expect(a.value).toBeCloseTo(b.value, 12);
  });
});
