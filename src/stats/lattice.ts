/**
 * Recognising a square lattice in a table of cell centres (x, y), as the gistar and emerging
 * commands receive them: the cell size is the smallest gap between distinct x (or y) values, and
 * every centre must lie on the lattice to within 1e-6 of a cell. Cells absent from the table are
 * outside the study area (mask 0).
 */
import type { Grid } from './grid.ts';

export interface Lattice {
  grid: Grid;
  /** Cell index on `grid` of each input row. */
  index: Int32Array;
  /** 1 for cells present in the input. */
  mask: Uint8Array;
}

/**
 * The lattice of the centres, or null when they do not lie on one square lattice (e.g. hexagon
 * centres). `cellSizeM` may be given; otherwise it is inferred (a single cell gets size 1).
 * Throws when a cell appears twice.
 */
export function latticeOf(xs: ArrayLike<number>, ys: ArrayLike<number>, cellSizeM?: number): Lattice | null {
  const n = xs.length;
  if (n === 0) return null;
  const ux = uniqueSorted(xs);
  const uy = uniqueSorted(ys);
  let s = cellSizeM ?? Math.min(minGap(ux), minGap(uy));
  if (!Number.isFinite(s)) s = 1; // one distinct x and one distinct y
  if (!(s > 0)) return null;
  const tol = 1e-6;
  const minX = ux[0];
  const minY = uy[0];
  const width = Math.round((ux[ux.length - 1] - minX) / s) + 1;
  const height = Math.round((uy[uy.length - 1] - minY) / s) + 1;
  if (width * height > 50_000_000) return null;
  const index = new Int32Array(n);
  const mask = new Uint8Array(width * height);
  for (let i = 0; i < n; i++) {
    const u = (xs[i] - minX) / s;
    const v = (ys[i] - minY) / s;
    const col = Math.round(u);
    const row = Math.round(v);
    if (!(Math.abs(u - col) <= tol && Math.abs(v - row) <= tol)) return null;
    const c = col + row * width;
    if (mask[c]) throw new RangeError(`cell (${xs[i]}, ${ys[i]}) appears twice (rows ${Array.from(index.subarray(0, i)).indexOf(c) + 1} and ${i + 1} of the data)`);
    mask[c] = 1;
    index[i] = c;
  }
  return { grid: { x0: minX - s / 2, y0: minY - s / 2, cellSizeM: s, width, height }, index, mask };
}

function uniqueSorted(v: ArrayLike<number>): Float64Array {
  const s = Float64Array.from(v as ArrayLike<number>).sort();
  let m = 0;
  for (let i = 0; i < s.length; i++) if (i === 0 || s[i] !== s[m - 1]) s[m++] = s[i];
  return s.subarray(0, m);
}

function minGap(u: Float64Array): number {
  let g = Infinity;
  for (let i = 1; i < u.length; i++) {
    const d = u[i] - u[i - 1];
    // Ignore float noise between values that are the same centre written twice.
    if (d > 1e-9 * Math.max(1, Math.abs(u[i])) && d < g) g = d;
  }
  return g;
}
