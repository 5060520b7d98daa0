/**
 * `gistar --input CSV [--band M] [--fdr] --out CSV`
 *
 * Getis–Ord Gi* (DESIGN.md) of `x,y,count` cells — every cell of the study area, empty ones
 * included — with binary weights within `--band` metres of the cell centres, self included.
 * Writes `x,y,z,p,bin` in the input's row order: z-score, two-sided p, bin -3..3 (99/95/90%),
 * the bin taken from the Benjamini–Hochberg q instead of p with `--fdr`.
 * Cells on a square lattice use the fast grid path (absent cells are outside the study area);
 * other layouts (hexagons) the point-based one. Without `--band` the band is chosen from the data
 * (Incremental Spatial Autocorrelation, as ArcGIS Optimized Hot Spot Analysis; lattice only).
 */
import { readNumericCsv, writeCsv } from '../table_io.ts';
import { UsageError, type Command } from '../cli_options.ts';
import { giStarPoints } from '../../src/stats/gi_star_points.ts';
import { benjaminiHochberg } from '../../src/stats/benjamini_hochberg.ts';
import { significanceBins } from '../../src/stats/significance_bins.ts';
import { hotSpotAnalysis } from '../../src/stats/hot_spot_analysis.ts';
import { latticeOf } from '../../src/stats/lattice.ts';

export const run: Command = async (opts) => {
  const input = opts.string('input');
  const out = opts.string('out');
  const fdr = opts.flag('fdr');
  const c = await readNumericCsv(input, ['x', 'y', 'count']);
  const n = c.x.length;
  if (n === 0) throw new Error(`${input}: no cells`);
  let band: number | undefined;
  if (opts.has('band')) {
    band = opts.number('band');
    if (!(band >= 0)) throw new UsageError(`--band must be >= 0 metres, got ${band}`);
  }
  let lattice;
  try {
    lattice = latticeOf(c.x, c.y);
  } catch (e) {
    throw new Error(`${input}: ${(e as Error).message}`);
  }
  let z: Float64Array;
  let p: Float64Array;
  let bin: Int8Array;
  let neighbours: { min: number; max: number };
  let notes: string[];
  let bandReason = 'given';
  let stats: { mean: number; sd: number };
  if (lattice) {
    const values = new Float64Array(lattice.grid.width * lattice.grid.height);
    lattice.index.forEach((cell, i) => (values[cell] = c.count[i]));
    const r = hotSpotAnalysis(lattice.grid, values, { bandM: band, fdr, mask: lattice.mask });
    band = r.params.bandM;
    bandReason = r.reasons.bandM;
    z = Float64Array.from(lattice.index, (cell) => r.z[cell]);
    p = Float64Array.from(lattice.index, (cell) => r.p[cell]);
    bin = Int8Array.from(lattice.index, (cell) => r.bins[cell]);
    neighbours = { min: r.params.neighboursMin, max: r.params.neighboursMax };
    notes = r.notes;
    stats = r.params;
  } else {
    if (band === undefined) throw new UsageError(`${input}: the cells are not on a square lattice; give --band M`);
    const r = giStarPoints(c.x, c.y, c.count, band);
    ({ z, p, notes } = r);
    bin = significanceBins(z, fdr ? benjaminiHochberg(p) : p);
    neighbours = { min: r.neighbours.reduce((a, b) => Math.min(a, b), Infinity), max: r.neighbours.reduce((a, b) => Math.max(a, b), 0) };
    stats = r;
  }
  writeCsv(out, ['x', 'y', 'z', 'p', 'bin'], [c.x, c.y, z, p, bin]);
  const tally: Record<string, number> = {};
  for (const b of bin) tally[b] = (tally[b] ?? 0) + 1;
  return {
    out,
    cells: n,
    layout: lattice ? `square lattice of ${lattice.grid.cellSizeM} m` : 'cell centres (point-based neighbours)',
    bandM: band,
    bandReason,
    fdr,
    binsFrom: fdr ? 'Benjamini-Hochberg q' : 'p',
    bins: tally,
    neighbours,
    mean: stats.mean,
    sd: stats.sd,
    notes,
  };
};
