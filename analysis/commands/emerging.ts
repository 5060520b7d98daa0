/**
 * `emerging --input CSV --band M --out CSV`
 *
 * Emerging hot-spot categories (DESIGN.md) of a space-time cube `x,y,t,count` — every cell for
 * every step t = 0..T-1 (a missing cell-step counts as 0 and is reported). Writes
 * `x,y,category,mk_z,mk_p` per cell, in order of first appearance. Cells must lie on a square
 * lattice; cells absent from the input are outside the study area.
 */
import { readNumericCsv, writeCsv } from '../table_io.ts';
import { UsageError, type Command } from '../cli_options.ts';
import { emergingHotSpots, EMERGING_CATEGORIES, EMERGING_ALPHA } from '../../src/stats/emerging_hot_spots.ts';
import { latticeOf } from '../../src/stats/lattice.ts';

export const run: Command = async (opts) => {
  const input = opts.string('input');
  const out = opts.string('out');
  const band = opts.number('band');
  if (!(band >= 0)) throw new UsageError(`--band must be >= 0 metres, got ${band}`);
  const c = await readNumericCsv(input, ['x', 'y', 't', 'count']);
  const rows = c.x.length;
  if (rows === 0) throw new Error(`${input}: no rows`);
  // Distinct cells in order of appearance.
  const cellOfKey = new Map<string, number>();
  const ux: number[] = [];
  const uy: number[] = [];
  const rowCell = new Int32Array(rows);
  let maxT = 0;
  for (let i = 0; i < rows; i++) {
    const t = c.t[i];
    if (!(Number.isInteger(t) && t >= 0)) throw new Error(`${input}: row ${i + 2}, column t: '${t}' is not a step 0, 1, 2, ...`);
    if (t > maxT) maxT = t;
    const key = `${c.x[i]},${c.y[i]}`;
    let k = cellOfKey.get(key);
    if (k === undefined) {
      k = ux.length;
      cellOfKey.set(key, k);
      ux.push(c.x[i]);
      uy.push(c.y[i]);
    }
    rowCell[i] = k;
  }
  const lattice = latticeOf(ux, uy);
  if (!lattice) throw new Error(`${input}: the cells (x, y) do not lie on a square lattice`);
  const steps = maxT + 1;
  const cells = lattice.grid.width * lattice.grid.height;
  const counts = new Float64Array(cells * steps);
  const seen = new Uint8Array(ux.length * steps);
  for (let i = 0; i < rows; i++) {
    const j = rowCell[i] * steps + c.t[i];
    if (seen[j]) throw new Error(`${input}: row ${i + 2}: cell (${c.x[i]}, ${c.y[i]}) at t = ${c.t[i]} appears twice`);
    seen[j] = 1;
    counts[c.t[i] * cells + lattice.index[rowCell[i]]] = c.count[i];
  }
  const missing = ux.length * steps - rows;
  const r = emergingHotSpots(lattice.grid, counts, steps, band, { mask: lattice.mask });
  const category = lattice.index.map((cell) => r.category[cell]);
  writeCsv(out, ['x', 'y', 'category', 'mk_z', 'mk_p'], [
    ux,
    uy,
    Array.from(category, (k) => EMERGING_CATEGORIES[k]),
    Float64Array.from(lattice.index, (cell) => r.mkZ[cell]),
    Float64Array.from(lattice.index, (cell) => r.mkP[cell]),
  ]);
  return {
    out,
    cells: ux.length,
    steps,
    cellM: lattice.grid.cellSizeM,
    bandM: band,
    alpha: EMERGING_ALPHA,
    categories: r.counts,
    missingCellSteps: missing,
    ...(missing > 0 ? { missingNote: `${missing} cell-steps absent from the input were counted as 0` } : {}),
    notes: r.notes.slice(0, 10),
  };
};
