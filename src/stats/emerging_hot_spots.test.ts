import { describe, expect, it } from 'vitest';
import { classifyEmerging, emergingHotSpots, EMERGING_CATEGORIES, type EmergingCategory } from './emerging_hot_spots.ts';
import { latticeOf } from './lattice.ts';
import { mannKendall } from './mann_kendall.ts';
import { maxRelativeError, readColumns, readRows } from '../../test/stats/reference.ts';

describe('emergingHotSpots against ../shared/reference (Chicago 2016-2019, 1 km cells, 48 months, band 2 km)', () => {
  const cube = readColumns('cube_chicago_2016_2019_c1000.csv', ['x', 'y', 't', 'count']);
  const first = Array.from(cube.t.keys()).filter((i) => cube.t[i] === 0);
  const lat = latticeOf(first.map((i) => cube.x[i]), first.map((i) => cube.y[i]))!;
  const cells = lat.grid.width * lat.grid.height;
  const cellOf = (x: number, y: number) =>
    Math.round((x - lat.grid.x0) / lat.grid.cellSizeM - 0.5) + Math.round((y - lat.grid.y0) / lat.grid.cellSizeM - 0.5) * lat.grid.width;
  const counts = new Float64Array(cells * 48);
  for (let i = 0; i < cube.t.length; i++) counts[cube.t[i] * cells + cellOf(cube.x[i], cube.y[i])] = cube.count[i];
  const result = emergingHotSpots(lat.grid, counts, 48, 2000, { mask: lat.mask });
  const expected = readRows('emerging_chicago_2016_2019_c1000_band2000.csv');
  const at = expected.map((r) => cellOf(Number(r.x), Number(r.y)));

  it('has every one of the 1,376 cells in the study area', () => {
    expect(result.params.cells).toBe(1376);
    expect(expected.length).toBe(1376);
  });
  it('gives exactly the reference category for every cell', () => {
    const ours = at.map((c) => EMERGING_CATEGORIES[result.category[c]]);
    const mismatches = ours.filter((cat, i) => cat !== expected[i].category).length;
    expect(mismatches).toBe(0);
    expect(result.counts).toEqual({ persistent_hot: 123, sporadic_hot: 54, diminishing_hot: 27, intensifying_hot: 24, historical_hot: 1, no_pattern: 1147 });
  });
  it("matches each cell's Mann–Kendall Z and p to 1e-9 relative", () => {
    expect(maxRelativeError(at.map((c) => result.mkZ[c]), expected.map((r) => Number(r.mk_z)))).toBeLessThan(1e-9);
    expect(maxRelativeError(at.map((c) => result.mkP[c]), expected.map((r) => Number(r.mk_p)))).toBeLessThan(1e-9);
  });
});

describe('classifyEmerging: one crafted series per category (T = 10, so 0.9T = 9 months)', () => {
  const H = 1;
  const C = -1;
  const _ = 0;
  const cases: [EmergingCategory, number[], -1 | 0 | 1][] = [
    ['new_hot', [_, _, _, _, _, _, _, _, _, H], 0],
    ['consecutive_hot', [_, _, _, _, _, _, _, H, H, H], 0],
    ['intensifying_hot', [H, H, H, H, H, H, H, H, H, H], 1],
    ['persistent_hot', [H, H, H, _, H, H, H, H, H, H], 0],
    ['diminishing_hot', [H, H, H, H, H, H, H, H, H, H], -1],
    ['sporadic_hot', [H, _, _, H, _, _, _, _, H, H], 0],
    ['oscillating_hot', [H, C, _, _, H, _, _, _, _, H], 0],
    ['historical_hot', [H, H, H, H, H, H, H, H, H, _], 0],
    ['new_cold', [_, _, _, _, _, _, _, _, _, C], 0],
    ['consecutive_cold', [_, _, _, _, _, _, C, C, C, C], 0],
    ['intensifying_cold', [C, C, C, C, C, C, C, C, C, C], -1],
    ['persistent_cold', [C, C, C, C, C, C, C, C, C, C], 0],
    ['diminishing_cold', [C, C, C, C, C, C, C, _, C, C], 1],
    ['sporadic_cold', [_, C, _, _, C, _, C, _, _, C], 0],
    ['oscillating_cold', [C, H, H, _, C, _, _, _, _, C], 0],
    ['historical_cold', [C, C, C, C, C, C, C, C, C, _], 0],
    ['no_pattern', [_, _, _, _, _, _, _, _, _, _], 0],
  ];
  it('covers all 17 categories', () => {
    expect(new Set(cases.map((c) => c[0]))).toEqual(new Set(EMERGING_CATEGORIES));
  });
  for (const [category, states, trend] of cases) {
    it(`${category}: [${states.join(' ')}], trend ${trend}`, () => {
      expect(classifyEmerging(states, trend)).toBe(category);
    });
  }
  it('applies the order of DESIGN.md where rules overlap', () => {
    // One hot month after cold ones: new (checked before oscillating).
    expect(classifyEmerging([C, C, _, _, _, _, _, _, _, H], 0)).toBe('new_hot');
    // A run of hot months ending now after a cold month: consecutive (before oscillating).
    expect(classifyEmerging([C, _, _, _, _, _, _, _, H, H], 0)).toBe('consecutive_hot');
    // Hot once long ago, now nothing, cold never: no hot category applies, and no cold one.
    expect(classifyEmerging([H, _, _, _, _, _, _, _, _, _], 0)).toBe('no_pattern');
    // Historical hot wins over a cold last month.
    expect(classifyEmerging([H, H, H, H, H, H, H, H, H, C], 0)).toBe('historical_hot');
    // Hot categories come first: nine cold months and a hot last month is a new hot spot.
    expect(classifyEmerging([C, C, C, C, C, C, C, C, C, H], 0)).toBe('new_hot');
    // 8 of 10 hot months is below 0.9T: sporadic, not persistent.
    expect(classifyEmerging([H, H, _, H, H, _, H, H, H, H], 0)).toBe('sporadic_hot');
  });
  it('a trend of significantly rising z makes an always-hot cell intensifying (Mann–Kendall at p < 0.10)', () => {
    const mk = mannKendall([2.0, 2.1, 2.3, 2.2, 2.6, 2.9, 3.1, 3.0, 3.4, 3.8], 0.1);
    expect(mk.trend).toBe(1);
    expect(classifyEmerging(new Array(10).fill(H), mk.trend)).toBe('intensifying_hot');
  });
});

describe('emergingHotSpots on a crafted cube', () => {
  // 9 x 9 cells of 100 m, every cell 1 incident a month; three 3 x 3 blocks of 10:
  // A (centre 1,1) only in the last month; B (centre 4,4) every month; C (centre 7,7) in all but
  // the last. Each month has exactly two high blocks, so the global mean and S never change.
  const grid = { x0: 0, y0: 0, cellSizeM: 100, width: 9, height: 9 };
  const T = 10;
  const counts = new Float64Array(81 * T).fill(1);
  const block = (t: number, cc: number, rc: number) => {
    for (let r = rc - 1; r <= rc + 1; r++) for (let c = cc - 1; c <= cc + 1; c++) counts[t * 81 + c + r * 9] = 10;
  };
  for (let t = 0; t < T; t++) {
    block(t, 4, 4);
    if (t === T - 1) block(t, 1, 1);
    else block(t, 7, 7);
  }
  const r = emergingHotSpots(grid, counts, T, 100);
  const cat = (col: number, row: number) => EMERGING_CATEGORIES[r.category[col + row * 9]];
  it('finds the new, persistent and historical hot spots', () => {
    expect(cat(1, 1)).toBe('new_hot');
    expect(cat(4, 4)).toBe('persistent_hot');
    expect(cat(7, 7)).toBe('historical_hot');
    expect(r.hotMonths[4 + 4 * 9]).toBe(10);
  });
  it('calls cells that never have an incident no pattern', () => {
    const c2 = counts.slice();
    for (let t = 0; t < T; t++) c2[t * 81 + 8] = 0; // cell (8, 0) empty throughout
    const r2 = emergingHotSpots(grid, c2, T, 100);
    expect(EMERGING_CATEGORIES[r2.category[8]]).toBe('no_pattern');
  });
  it('rejects a cube of the wrong size', () => {
    expect(() => emergingHotSpots(grid, new Float64Array(10), T, 100)).toThrow(/values/);
  });
});
