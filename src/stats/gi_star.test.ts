import { describe, expect, it } from 'vitest';
import { bandHalfWidths, giStar } from './gi_star.ts';
import { giStarPoints } from './gi_star_points.ts';
import { benjaminiHochberg } from './benjamini_hochberg.ts';
import { significanceBins } from './significance_bins.ts';
import { latticeOf } from './lattice.ts';
import { maxRelativeError, readColumns } from '../../test/stats/reference.ts';

describe('giStar against ../shared/reference (district 14, 150 m cells, band 450 m)', () => {
  const ref = readColumns('gistar_d14_c150_band450.csv', ['x', 'y', 'count', 'n_neighbours', 'gi_star_z', 'p_value', 'q_bh', 'gi_bin']);
  const lat = latticeOf(ref.x, ref.y)!;
  const values = new Float64Array(lat.grid.width * lat.grid.height);
  lat.index.forEach((c, i) => (values[c] = ref.count[i]));
  const r = giStar(lat.grid, values, 450, { mask: lat.mask });
  const pick = (a: ArrayLike<number>) => Array.from(lat.index, (c) => a[c]);
  it('reads the cells as a full 34 x 28 lattice of 150 m', () => {
    expect(lat.grid.cellSizeM).toBe(150);
    expect(lat.grid.width * lat.grid.height).toBe(952);
  });
  it('has the same neighbour counts (self included, centres within 450 m)', () => {
    expect(pick(r.neighbours)).toEqual(Array.from(ref.n_neighbours));
  });
  it('matches z and two-sided p to 1e-9 relative', () => {
    expect(maxRelativeError(pick(r.z), ref.gi_star_z)).toBeLessThan(1e-9);
    expect(maxRelativeError(pick(r.p), ref.p_value)).toBeLessThan(1e-9);
  });
  it('matches the Benjamini–Hochberg q and the FDR bins exactly', () => {
    const q = benjaminiHochberg(r.p);
    expect(maxRelativeError(pick(q), ref.q_bh)).toBeLessThan(1e-9);
    expect(pick(significanceBins(r.z, q))).toEqual(Array.from(ref.gi_bin));
  });
  it('gives the same answer through the point-based path (giStarPoints)', () => {
    const p = giStarPoints(ref.x, ref.y, ref.count, 450);
    expect(maxRelativeError(p.z, ref.gi_star_z)).toBeLessThan(1e-9);
    expect(Array.from(p.neighbours)).toEqual(Array.from(ref.n_neighbours));
  });
});

describe('giStar hand-computed cases', () => {
  // A 3 x 1 row of cells, values 1, 2, 6; band = one cell: neighbourhoods {0,1}, {0,1,2}, {1,2}.
  // n = 3, Xbar = 3, S = sqrt((1 + 4 + 36)/3 - 9) = sqrt(14/3).
  // Cell 0: W = 2, sum = 3: z = (3 - 6) / (S sqrt((3*2 - 4)/2)) = -3 / S.
  // Cell 1: W = 3 = n: the whole area, z = 0 by definition here.
  // Cell 2: W = 2, sum = 8: z = (8 - 6) / S = 2 / S.
  const grid = { x0: 0, y0: 0, cellSizeM: 100, width: 3, height: 1 };
  it('computes the formula of DESIGN.md', () => {
    const r = giStar(grid, [1, 2, 6], 100);
    const S = Math.sqrt(14 / 3);
    expect(r.z[0]).toBeCloseTo(-3 / S, 14);
    expect(r.z[1]).toBe(0);
    expect(r.z[2]).toBeCloseTo(2 / S, 14);
    expect(r.p[1]).toBe(1);
    expect(r.notes.join()).toMatch(/whole study area/);
  });
  it('counts empty cells of the study area, but not cells outside the mask', () => {
    // Same values with an extra masked-out cell of value 100: nothing changes.
    const g4 = { x0: 0, y0: 0, cellSizeM: 100, width: 4, height: 1 };
    const r = giStar(g4, [1, 2, 6, 100], 100, { mask: Uint8Array.from([1, 1, 1, 0]) });
    expect(r.z[0]).toBeCloseTo(-3 / Math.sqrt(14 / 3), 14);
    expect(r.z[2]).toBeCloseTo(2 / Math.sqrt(14 / 3), 14);
    expect(r.z[3]).toBeNaN();
    expect(r.n).toBe(3);
  });
  it('gives z = 0, p = 1 and a note when all values are equal, not NaN', () => {
    const r = giStar({ x0: 0, y0: 0, cellSizeM: 10, width: 5, height: 5 }, new Float64Array(25).fill(2), 15);
    expect(Array.from(r.z).every((z) => z === 0)).toBe(true);
    expect(Array.from(r.p).every((p) => p === 1)).toBe(true);
    expect(r.notes[0]).toMatch(/same value/);
  });
  it('gives z = 0, p = 1 and a note for a single cell', () => {
    const r = giStar({ x0: 0, y0: 0, cellSizeM: 10, width: 1, height: 1 }, [7], 10);
    expect(r.z[0]).toBe(0);
    expect(r.p[0]).toBe(1);
    expect(r.notes[0]).toMatch(/only 1 cell/);
  });
  it('rejects values of the wrong length and non-finite values', () => {
    expect(() => giStar(grid, [1, 2], 100)).toThrow(/3 cells/);
    expect(() => giStar(grid, [1, NaN, 2], 100)).toThrow(/finite/);
  });
});

describe('bandHalfWidths', () => {
  it('includes centres exactly on the band (3 cells of 150 m at 450 m)', () => {
    expect(bandHalfWidths(450, 150)).toEqual([3, 2, 2, 0]);
    expect(bandHalfWidths(449, 150)).toEqual([2, 2, 2]); // (2, 2) is 424 m away
    expect(bandHalfWidths(0, 150)).toEqual([0]);
  });
});

describe('benjaminiHochberg', () => {
  it("matches R's p.adjust(method = 'BH') on a textbook example", () => {
    // p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.2), "BH") = 0.025 0.05 0.05 0.025 0.2
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.2]);
    expect(Array.from(q).map((v) => +v.toFixed(12))).toEqual([0.025, 0.05, 0.05, 0.025, 0.2]);
  });
  it('gives tied p-values the same q, caps at 1 and leaves NaN out of m', () => {
    const q = benjaminiHochberg([0.02, 0.02, 0.9, NaN]);
    expect(q[0]).toBeCloseTo(0.03, 15); // 3 * 0.02 / 2
    expect(q[1]).toBe(q[0]);
    expect(q[2]).toBeCloseTo(0.9, 15);
    expect(q[3]).toBeNaN();
    expect(benjaminiHochberg([1, 1])[0]).toBe(1);
  });
});

describe('significanceBins', () => {
  it('bins +-3/2/1 at p <= 0.01/0.05/0.10 by the sign of z, 0 otherwise', () => {
    const b = significanceBins([3, -3, 2, -2, 1.7, 1, NaN], [0.01, 0.002, 0.05, 0.03, 0.1, 0.2, NaN]);
    expect(Array.from(b)).toEqual([3, -3, 2, -2, 1, 0, 0]);
  });
});
