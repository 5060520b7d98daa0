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
import { giStar } from '../../src/stats/gi_star.ts';
import { giStarPoints } from '../../src/stats/gi_star_points.ts';
import { benjaminiHochberg } from '../../src/stats/benjamini_hochberg.ts';
import { significanceBins } from '../../src/stats/significance_bins.ts';
import { defaultHotSpotBandM } from '../../src/stats/hot_spot_band.ts';
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
  let neighbours: Int32Array;
  let notes: string[];
  let bandReason = 'given';
  let stats: { n: number; mean: number; sd: number };
  if (lattice) {
    const values = new Float64Array(lattice.grid.width * lattice.grid.height);
    lattice.index.forEach((cell, i) => (values[cell] = c.count[i]));
    if (band === undefined) {
      const chosen = defaultHotSpotBandM(lattice.grid, values, lattice.mask);
      band = chosen.value;
      bandReason = chosen.reason;
    }
    const r = giStar(lattice.grid, values, band, { mask: lattice.mask });
    z = Float64Array.from(lattice.index, (cell) => r.z[cell]);
    p = Float64Array.from(lattice.index, (cell) => r.p[cell]);
    neighbours = Int32Array.from(lattice.index, (cell) => r.neighbours[cell]);
    notes = r.notes;
    stats = r;
  } else {
    if (band === undefined) throw new UsageError(`${input}: the cells are not on a square lattice; give --band M`);
    const r = giStarPoints(c.x, c.y, c.count, band);
    ({ z, p, neighbours, notes } = r);
    stats = r;
  }
  const q = fdr ? benjaminiHochberg(p) : null;
  const bin = significanceBins(z, q ?? p);
  writeCsv(out, ['x', 'y', 'z', 'p', 'bin'], [c.x, c.y, z, p, bin]);
  const tally: Record<string, number> = {};
  for (const b of bin) tally[b] = (tally[b] ?? 0) + 1;
  let minNb = Infinity;
  let maxNb = 0;
  for (const k of neighbours) {
    minNb = Math.min(minNb, k);
    maxNb = Math.max(maxNb, k);
  }
  return {
    out,
    cells: n,
    layout: lattice ? `square lattice of ${lattice.grid.cellSizeM} m` : 'cell centres (point-based neighbours)',
    bandM: band,
    bandReason,
    fdr,
    binsFrom: fdr ? 'Benjamini-Hochberg q' : 'p',
    bins: tally,
    neighbours: { min: minNb, max: maxNb },
    mean: stats.mean,
    sd: stats.sd,
    notes,
  };
};
