import { describe, expect, it } from 'vitest';
import { spaceTimeCube } from './space_time_cube.ts';

describe('spaceTimeCube', () => {
  it('counts incidents per month step and cell, skipping those outside', () => {
    const grid = { x0: 0, y0: 0, cellSizeM: 10, width: 2, height: 1 };
    const cube = spaceTimeCube(grid, [5, 15, 15, 5, 5, 25], [5, 5, 5, 5, 5, 5], [600, 600, 601, 602, 603, 600], 600, 3);
    expect(Array.from(cube.counts)).toEqual([1, 1, 0, 1, 1, 0]);
    expect(cube.skipped).toBe(2); // month 603 and x = 25
  });
  it('rejects a non-positive number of steps', () => {
    expect(() => spaceTimeCube({ x0: 0, y0: 0, cellSizeM: 1, width: 1, height: 1 }, [], [], [], 0, 0)).toThrow(/steps/);
  });
});
