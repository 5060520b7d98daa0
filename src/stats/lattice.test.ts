import { describe, expect, it } from 'vitest';
import { latticeOf } from './lattice.ts';

describe('latticeOf', () => {
  it('finds the cell size and grid of cell centres, with absent cells outside the mask', () => {
    const l = latticeOf([75, 225, 375, 75], [75, 75, 75, 375])!;
    expect(l.grid).toEqual({ x0: 0, y0: 0, cellSizeM: 150, width: 3, height: 3 });
    expect(Array.from(l.index)).toEqual([0, 1, 2, 6]);
    expect(l.mask.reduce((a, b) => a + b, 0)).toBe(4);
  });
  it('is null for centres off a square lattice (hexagon centres)', () => {
    expect(latticeOf([0, 100, 50], [0, 0, 86.6])).toBeNull();
  });
  it('rejects a cell given twice, naming the rows', () => {
    expect(() => latticeOf([0, 10, 0], [0, 0, 0])).toThrow(/appears twice \(rows 1 and 3/);
  });
  it('accepts a single cell', () => {
    expect(latticeOf([5], [5])!.grid.width).toBe(1);
  });
});
