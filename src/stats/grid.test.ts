import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import { cellCentres, cellIndexOf, defaultCellSizeM, extentOf, gridForExtent, squareCellRing } from './grid.ts';
import { countPointsOnGrid } from './grid_counts.ts';
import { seededRandom } from '../../test/stats/reference.ts';

describe('gridForExtent', () => {
  it('floors the origin to a multiple of the cell size and covers the extent', () => {
    const g = gridForExtent({ minX: 1234, minY: -567, maxX: 1999, maxY: 99 }, 100);
    expect(g).toEqual({ x0: 1200, y0: -600, cellSizeM: 100, width: 8, height: 7 });
  });
  it('adds a column for a point exactly on the upper edge (edge rule)', () => {
    const g = gridForExtent({ minX: 0, minY: 0, maxX: 300, maxY: 250 }, 100);
    expect(g.width).toBe(4);
    expect(g.height).toBe(3);
  });
  it('rejects a non-positive or NaN cell size', () => {
    const e = { minX: 0, minY: 0, maxX: 1, maxY: 1 };
    expect(() => gridForExtent(e, 0)).toThrow(RangeError);
    expect(() => gridForExtent(e, NaN)).toThrow(/cellSizeM/);
  });
});

describe('defaultCellSizeM', () => {
  it('is the shorter side / 250, rounded (DESIGN.md)', () => {
    expect(defaultCellSizeM({ minX: 0, minY: 0, maxX: 12000, maxY: 5100 }).value).toBe(20); // 5100/250 = 20.4
    expect(defaultCellSizeM({ minX: 0, minY: 0, maxX: 12000, maxY: 5130 }).value).toBe(21); // 20.52
    expect(defaultCellSizeM({ minX: 0, minY: 0, maxX: 10, maxY: 10 }).value).toBe(1);
  });
});

describe('countPointsOnGrid', () => {
  const g = { x0: 0, y0: 0, cellSizeM: 10, width: 3, height: 2 };
  it('counts row-major, row 0 the southern row', () => {
    const r = countPointsOnGrid(g, [5, 15, 25, 5, 5], [5, 5, 5, 15, 15]);
    expect(Array.from(r.values)).toEqual([1, 1, 1, 2, 0, 0]);
    expect(r.inside).toBe(5);
  });
  it('puts a point on a shared edge in the cell with the larger index', () => {
    // x = 10 is the edge between columns 0 and 1; y = 10 between rows 0 and 1; (10, 10) a corner.
    const r = countPointsOnGrid(g, [10, 5, 10], [5, 10, 10]);
    expect(Array.from(r.values)).toEqual([0, 1, 0, 1, 1, 0]);
  });
  it('skips points outside the grid or with NaN coordinates, and counts them', () => {
    const r = countPointsOnGrid(g, [-1, 30, 5, NaN], [5, 5, 20, 5]);
    expect(r.inside).toBe(0);
    expect(r.outside).toBe(4);
  });
  it('sums weights when given', () => {
    const r = countPointsOnGrid(g, [5, 6, 25], [5, 6, 15], [2, 0.5, 3]);
    expect(Array.from(r.values)).toEqual([2.5, 0, 0, 0, 0, 3]);
  });
  it("equals Turf's pointsWithinPolygon cell by cell on a random sample", () => {
    const rnd = seededRandom(7);
    const n = 3000;
    const xs = new Float64Array(n);
    const ys = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      // Clustered around two centres plus background, planar metres.
      const k = rnd();
      xs[i] = k < 0.4 ? 500 + 150 * (rnd() - 0.5) * 4 : k < 0.7 ? 1400 + 200 * (rnd() - 0.5) : rnd() * 2000;
      ys[i] = k < 0.4 ? 700 + 150 * (rnd() - 0.5) * 4 : k < 0.7 ? 300 + 200 * (rnd() - 0.5) : rnd() * 1500;
    }
    const grid = gridForExtent(extentOf(xs, ys)!, 100);
    const ours = countPointsOnGrid(grid, xs, ys).values;
    const pts = turf.featureCollection(Array.from(xs, (x, i) => turf.point([x, ys[i]])));
    for (let c = 0; c < grid.width * grid.height; c++) {
      const cell = turf.polygon([squareCellRing(grid, c)]);
      expect(turf.pointsWithinPolygon(pts, cell).features.length).toBe(ours[c]);
    }
  });
});

describe('cellIndexOf and cellCentres', () => {
  it('agree with each other', () => {
    const g = { x0: -50, y0: 20, cellSizeM: 25, width: 4, height: 3 };
    const { cx, cy } = cellCentres(g);
    for (let c = 0; c < 12; c++) expect(cellIndexOf(g, cx[c], cy[c])).toBe(c);
    expect(cellIndexOf(g, -51, 30)).toBe(-1);
    expect(cx[5]).toBe(-50 + 1.5 * 25);
    expect(cy[5]).toBe(20 + 1.5 * 25);
  });
});
