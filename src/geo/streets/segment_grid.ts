/**
 * A uniform grid over line segments, for "which segments are near here" in O(1) per cell.
 *
 * Segment `i` runs from vertex `segFirst[i]` to vertex `segFirst[i] + 1` of the caller's `xs`/`ys`.
 * Each segment is binned into every cell its `pad`-widened footprint touches, row by row (a long
 * diagonal segment fills a band of cells, not its whole bounding box). The cells are row-major:
 * cell `c = col + row * cols` holds segments `items[cellStart[c] .. cellStart[c + 1] - 1]`.
 * Two segments closer than `2 * pad` share at least one cell.
 */

export interface SegmentGrid {
  /** Lower-left corner of cell (0, 0), in the units of xs/ys. */
  minX: number;
  minY: number;
  /** Cell side. */
  cellSize: number;
  cols: number;
  rows: number;
  /** Offsets into items, length cols * rows + 1. */
  cellStart: Uint32Array;
  /** Segment ids, grouped by cell. */
  items: Uint32Array;
  /**
   * With options.segmentCells: the cells of segment i are segCells[segCellStart[i] ..
   * segCellStart[i + 1] - 1] (the inverse of cellStart/items). Empty arrays otherwise.
   */
  segCellStart: Uint32Array;
  segCells: Uint32Array;
}

export interface SegmentGridOptions {
  /** Cell side in the units of xs/ys; must be > 0. */
  cellSize: number;
  /** Each segment's footprint is widened by this much on every side. @default 0 */
  pad?: number;
  /** Also record each segment's cells (segCellStart/segCells). @default false */
  segmentCells?: boolean;
}

/** Bin `segCount` segments into a grid. */
export function buildSegmentGrid(
  xs: Float64Array,
  ys: Float64Array,
  segFirst: Uint32Array,
  segCount: number,
  options: SegmentGridOptions,
): SegmentGrid {
  const cellSize = options.cellSize;
  const pad = options.pad ?? 0;
  if (!(cellSize > 0)) throw new RangeError(`cellSize must be > 0, got ${cellSize}`);
  if (!(pad >= 0)) throw new RangeError(`pad must be >= 0, got ${pad}`);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < segCount; i++) {
    const v = segFirst[i];
    for (let k = v; k <= v + 1; k++) {
      const x = xs[k], y = ys[k];
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  if (segCount === 0) minX = minY = maxX = maxY = 0;
  minX -= pad;
  minY -= pad;
  maxX += pad;
  maxY += pad;
  const cols = Math.max(1, Math.floor((maxX - minX) / cellSize) + 1);
  const rows = Math.max(1, Math.floor((maxY - minY) / cellSize) + 1);
  if (cols * rows > 2 ** 28) throw new RangeError(`grid of ${cols} x ${rows} cells is too large; use a larger cellSize`);
  const grid: SegmentGrid = {
    minX, minY, cellSize, cols, rows, cellStart: new Uint32Array(cols * rows + 1), items: new Uint32Array(0),
    segCellStart: new Uint32Array(0), segCells: new Uint32Array(0),
  };
  const counts = grid.cellStart;
  for (let i = 0; i < segCount; i++) visitCells(grid, xs, ys, segFirst[i], pad, counts, null, 0, null);
  let sum = 0;
  for (let c = 0; c <= cols * rows; c++) {
    const n = counts[c];
    counts[c] = sum;
    sum += n;
  }
  const fill = counts.slice(0, cols * rows);
  grid.items = new Uint32Array(sum);
  const cellsOut = options.segmentCells ? { start: new Uint32Array(segCount + 1), cells: new Uint32Array(sum), n: 0 } : null;
  for (let i = 0; i < segCount; i++) {
    if (cellsOut) cellsOut.start[i] = cellsOut.n;
    visitCells(grid, xs, ys, segFirst[i], pad, fill, grid.items, i, cellsOut);
  }
  if (cellsOut) {
    cellsOut.start[segCount] = cellsOut.n;
    grid.segCellStart = cellsOut.start;
    grid.segCells = cellsOut.cells;
  }
  return grid;
}

/**
 * For each cell the widened segment touches: count it (items null) or place id at fill[c]++.
 * Rows are walked one by one; in each row the segment's x-range inside the row's y-band is used.
 */
function visitCells(
  g: SegmentGrid, xs: Float64Array, ys: Float64Array, v: number, pad: number,
  fill: Uint32Array, items: Uint32Array | null, id: number,
  cellsOut: { cells: Uint32Array; n: number } | null,
): void {
  const x0 = xs[v], y0 = ys[v], x1 = xs[v + 1], y1 = ys[v + 1];
  const size = g.cellSize;
  const ylo = Math.min(y0, y1) - pad, yhi = Math.max(y0, y1) + pad;
  const r0 = clampIndex(Math.floor((ylo - g.minY) / size), g.rows);
  const r1 = clampIndex(Math.floor((yhi - g.minY) / size), g.rows);
  const dy = y1 - y0;
  for (let r = r0; r <= r1; r++) {
    // The part of the (unpadded) segment whose y lies within the row band widened by pad.
    const bandLo = g.minY + r * size - pad, bandHi = bandLo + size + 2 * pad;
    let xa: number, xb: number;
    if (dy === 0) {
      xa = x0;
      xb = x1;
    } else {
      let ta = (bandLo - y0) / dy, tb = (bandHi - y0) / dy;
      if (ta > tb) { const t = ta; ta = tb; tb = t; }
      if (ta < 0) ta = 0;
      if (tb > 1) tb = 1;
      if (ta > tb) { ta = tb = ta > 1 ? 1 : 0; } // widened by pad only: nearest end
      xa = x0 + ta * (x1 - x0);
      xb = x0 + tb * (x1 - x0);
    }
    const lo = Math.min(xa, xb) - pad, hi = Math.max(xa, xb) + pad;
    const c0 = clampIndex(Math.floor((lo - g.minX) / size), g.cols);
    const c1 = clampIndex(Math.floor((hi - g.minX) / size), g.cols);
    const base = r * g.cols;
    if (items === null) {
      for (let c = c0; c <= c1; c++) fill[base + c]++;
    } else {
      for (let c = c0; c <= c1; c++) items[fill[base + c]++] = id;
      if (cellsOut) for (let c = c0; c <= c1; c++) cellsOut.cells[cellsOut.n++] = base + c;
    }
  }
}

function clampIndex(i: number, n: number): number {
  return i < 0 ? 0 : i >= n ? n - 1 : i;
}

/** Column of x in the grid, clamped to the grid. */
export function gridCol(g: SegmentGrid, x: number): number {
  return clampIndex(Math.floor((x - g.minX) / g.cellSize), g.cols);
}

/** Row of y in the grid, clamped to the grid. */
export function gridRow(g: SegmentGrid, y: number): number {
  return clampIndex(Math.floor((y - g.minY) / g.cellSize), g.rows);
}
