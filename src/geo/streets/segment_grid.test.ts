import { describe, expect, it } from 'vitest';
import { buildSegmentGrid } from './segment_grid.ts';

describe('buildSegmentGrid', () => {
  it('puts segments closer than 2 pad into a common cell, and a far one into none of theirs', () => {
    // Three segments: a diagonal, a short one 1.5 units from it, one far away.
    const xs = Float64Array.of(0, 100, 50, 50, 500, 510);
    const ys = Float64Array.of(0, 100, 52.2, 60, 0, 0);
    const segFirst = Uint32Array.of(0, 2, 4);
    const g = buildSegmentGrid(xs, ys, segFirst, 3, { cellSize: 10, pad: 1, segmentCells: true });
    const cellsOf = (s: number) => new Set(g.segCells.subarray(g.segCellStart[s], g.segCellStart[s + 1]));
    const a = cellsOf(0), b = cellsOf(1), c = cellsOf(2);
    expect([...b].some((x) => a.has(x))).toBe(true);
    expect([...c].some((x) => a.has(x) || b.has(x))).toBe(false);
    // The diagonal fills a band of cells along it, not its 11 x 11 bounding box.
    expect(a.size).toBeLessThan(40);
    expect(a.size).toBeGreaterThanOrEqual(11);
    // items and segCells are inverse lists.
    let n = 0;
    for (let cell = 0; cell < g.cols * g.rows; cell++) {
      for (let it = g.cellStart[cell]; it < g.cellStart[cell + 1]; it++) {
        expect(cellsOf(g.items[it]).has(cell)).toBe(true);
        n++;
      }
    }
    expect(n).toBe(g.segCells.length);
  });

  it('handles no segments and rejects a bad cell size', () => {
    const g = buildSegmentGrid(new Float64Array(0), new Float64Array(0), new Uint32Array(0), 0, { cellSize: 5 });
    expect(g.items.length).toBe(0);
    expect(() => buildSegmentGrid(new Float64Array(2), new Float64Array(2), Uint32Array.of(0), 1, { cellSize: 0 })).toThrow(RangeError);
  });
});
