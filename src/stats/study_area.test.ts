import { describe, expect, it } from 'vitest';
import { convexHull, hullMask } from './study_area.ts';

describe('convexHull', () => {
  it('returns the corners of a square counter-clockwise, dropping inner points', () => {
    expect(convexHull([0, 10, 10, 0, 5, 5], [0, 0, 10, 10, 5, 0])).toEqual([[0, 0], [10, 0], [10, 10], [0, 10]]);
  });
});

describe('hullMask', () => {
  it('marks cells whose centre is in the hull of a triangle, and cells holding a point', () => {
    const grid = { x0: 0, y0: 0, cellSizeM: 10, width: 4, height: 4 };
    // Triangle (0,0), (40,0), (0,40): centre (cx, cy) inside when cx + cy <= 40 (on the edge counts).
    const m = hullMask(grid, [0, 40, 0], [0, 0, 40]);
    const expected = new Uint8Array(16);
    for (let r = 0; r < 4; r++) for (let c = 0; c < 4; c++) if (c * 10 + 5 + r * 10 + 5 <= 40) expected[c + r * 4] = 1;
    // (40, 0) and (0, 40) fall in column / row 4, outside the grid: they add no cell.
    expect(Array.from(m)).toEqual(Array.from(expected));
    expect(m[0]).toBe(1);
    expect(m[15]).toBe(0);
  });
});
