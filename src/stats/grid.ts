/**
 * Square metric grids (DESIGN.md "Grid"): cell `c = col + row * width`, row 0 the southern row,
 * cell (col, row) covering [x0 + col*cellSizeM, x0 + (col+1)*cellSizeM) x [y0 + row*cellSizeM, ...).
 * A point on a shared edge therefore goes to the cell with the larger index.
 */

/** A row-major square grid in planar metres. */
export interface Grid {
  /** Lower-left corner of cell (0, 0), metres. */
  x0: number;
  y0: number;
  /** Side of a cell, metres. */
  cellSizeM: number;
  /** Number of columns (x) and rows (y). */
  width: number;
  height: number;
}

/** An axis-aligned extent in planar metres. */
export interface Extent {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** The extent of the finite points (NaN or infinite coordinates are skipped); null when none. */
export function extentOf(xs: ArrayLike<number>, ys: ArrayLike<number>): Extent | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const n = xs.length;
  for (let i = 0; i < n; i++) {
    const x = xs[i];
    const y = ys[i];
    if (!(Number.isFinite(x) && Number.isFinite(y))) continue;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return minX <= maxX ? { minX, minY, maxX, maxY } : null;
}

/** The extent grown by `padM` metres on every side. */
export function padExtent(e: Extent, padM: number): Extent {
  return { minX: e.minX - padM, minY: e.minY - padM, maxX: e.maxX + padM, maxY: e.maxY + padM };
}

/** A chosen value and the reason it was chosen, for reports (like ArcGIS's Optimized Hot Spot report). */
export interface Chosen {
  value: number;
  reason: string;
}

/**
 * DESIGN.md's default cell size: the shorter side of the study extent / 250, rounded to whole
 * metres (at least 1 m). A degenerate extent (a single point) gets 1 m.
 */
export function defaultCellSizeM(extent: Extent): Chosen {
  const w = extent.maxX - extent.minX;
  const h = extent.maxY - extent.minY;
  const shorter = Math.min(w, h);
  const value = Math.max(1, Math.round(shorter / 250));
  return {
    value,
    reason: `shorter side of the extent (${shorter.toFixed(0)} m) / 250, rounded to whole metres (min 1 m)`,
  };
}

/**
 * The grid covering an extent. With `snap` (DESIGN.md's rule, the default) the origin is the
 * extent's lower-left corner floored to a multiple of the cell size; without, the origin is the
 * corner itself. The grid always contains the extent's upper/right edge: a point exactly on it
 * falls in one more column/row, as the edge rule says.
 */
export function gridForExtent(extent: Extent, cellSizeM: number, opts: { snap?: boolean } = {}): Grid {
  if (!(cellSizeM > 0) || !Number.isFinite(cellSizeM)) throw new RangeError(`cellSizeM must be > 0, got ${cellSizeM}`);
  if (!(extent.maxX >= extent.minX && extent.maxY >= extent.minY)) {
    throw new RangeError(`extent must have max >= min, got ${JSON.stringify(extent)}`);
  }
  const snap = opts.snap ?? true;
  const x0 = snap ? Math.floor(extent.minX / cellSizeM) * cellSizeM : extent.minX;
  const y0 = snap ? Math.floor(extent.minY / cellSizeM) * cellSizeM : extent.minY;
  const width = Math.floor((extent.maxX - x0) / cellSizeM) + 1;
  const height = Math.floor((extent.maxY - y0) / cellSizeM) + 1;
  return { x0, y0, cellSizeM, width, height };
}

/** A grid from an explicit origin (lower-left corner of cell 0) and size, e.g. a KDE grid over an unsnapped padded extent. */
export function gridFromOrigin(x0: number, y0: number, cellSizeM: number, width: number, height: number): Grid {
  if (!(cellSizeM > 0)) throw new RangeError(`cellSizeM must be > 0, got ${cellSizeM}`);
  if (!(Number.isInteger(width) && width > 0 && Number.isInteger(height) && height > 0)) {
    throw new RangeError(`grid size must be positive integers, got ${width} x ${height}`);
  }
  return { x0, y0, cellSizeM, width, height };
}

/** Index of the cell containing (x, y), or -1 outside the grid (or NaN). */
export function cellIndexOf(grid: Grid, x: number, y: number): number {
  const col = Math.floor((x - grid.x0) / grid.cellSizeM);
  const row = Math.floor((y - grid.y0) / grid.cellSizeM);
  if (!(col >= 0 && col < grid.width && row >= 0 && row < grid.height)) return -1;
  return col + row * grid.width;
}

/** Centres of every cell, row-major: cx[c], cy[c] in metres. */
export function cellCentres(grid: Grid): { cx: Float64Array; cy: Float64Array } {
  const n = grid.width * grid.height;
  const cx = new Float64Array(n);
  const cy = new Float64Array(n);
  for (let row = 0; row < grid.height; row++) {
    const y = grid.y0 + (row + 0.5) * grid.cellSizeM;
    for (let col = 0; col < grid.width; col++) {
      const c = col + row * grid.width;
      cx[c] = grid.x0 + (col + 0.5) * grid.cellSizeM;
      cy[c] = y;
    }
  }
  return { cx, cy };
}

/** The closed ring (5 corners, counter-clockwise) of cell c in planar metres, for display via a projection. */
export function squareCellRing(grid: Grid, c: number): [number, number][] {
  const col = c % grid.width;
  const row = (c - col) / grid.width;
  const s = grid.cellSizeM;
  const x = grid.x0 + col * s;
  const y = grid.y0 + row * s;
  return [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];
}
