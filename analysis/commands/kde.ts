/**
 * `kde --input CSV [--cell M] [--bandwidth M] [--kernel quartic|epanechnikov|gaussian]
 *  [--mode auto|exact|fast] [--weight COLUMN] --out CSV`
 *
 * Kernel density in incidents per km² at every cell centre (DESIGN.md "KDE"), written as
 * `cx,cy,density`. Input as for `grid` (x,y planar metres or lon,lat). The grid covers the
 * points' extent padded by the kernel's reach (h; 3 sigma for the Gaussian), with DESIGN.md's
 * origin rule. Defaults: quartic kernel, spatial Silverman bandwidth, cell size by DESIGN.md's
 * rule, mode auto (exact unless the input is large). The summary says which were used and why.
 */
import { writeCsv } from '../table_io.ts';
import { UsageError, type Command } from '../cli_options.ts';
import { cellSizeOption, readPoints } from './grid.ts';
import { cellCentres, extentOf, gridForExtent, padExtent } from '../../src/stats/grid.ts';
import { kde, type KdeMode } from '../../src/stats/kde.ts';
import { parseKernel } from '../../src/stats/kernels.ts';
import { silvermanBandwidthM } from '../../src/stats/silverman_bandwidth.ts';

export const run: Command = async (opts) => {
  const input = opts.string('input');
  const out = opts.string('out');
  let kernel;
  try {
    kernel = parseKernel(opts.string('kernel', 'quartic'));
  } catch (e) {
    throw new UsageError(`--kernel: ${(e as Error).message}`);
  }
  const mode = opts.string('mode', 'auto') as KdeMode;
  if (!['auto', 'exact', 'fast'].includes(mode)) throw new UsageError(`--mode must be auto, exact or fast, got '${mode}'`);
  let bandwidthM: number | undefined;
  if (opts.has('bandwidth')) {
    bandwidthM = opts.number('bandwidth');
    if (!(bandwidthM > 0)) throw new UsageError(`--bandwidth must be > 0 metres, got ${bandwidthM}`);
  }
  const pts = await readPoints(input, opts.has('weight') ? opts.string('weight') : undefined);
  const extent = extentOf(pts.xs, pts.ys);
  if (!extent) throw new Error(`${input}: no points with coordinates`);
  // The bandwidth is needed before the grid (its padding); compute Silverman's here when not given.
  const h = bandwidthM ?? silvermanBandwidthM(pts.xs, pts.ys, pts.weights)?.value;
  const reach = h === undefined ? 0 : kernel === 'gaussian' ? 3 * h : h;
  const padded = padExtent(extent, reach);
  const cell = cellSizeOption(opts, padded);
  const grid = gridForExtent(padded, cell.value);
  const r = kde(grid, pts.xs, pts.ys, { kernel, bandwidthM, mode, weights: pts.weights });
  const { cx, cy } = cellCentres(grid);
  writeCsv(out, ['cx', 'cy', 'density'], [cx, cy, r.density]);
  return {
    out,
    cells: grid.width * grid.height,
    width: grid.width,
    height: grid.height,
    origin: [grid.x0, grid.y0],
    cellM: cell.value,
    kernel: r.params.kernel,
    bandwidthM: r.params.bandwidthM,
    mode: r.params.mode,
    points: pts.xs.length,
    maxDensity: r.maxDensity,
    units: 'incidents per km²',
    reasons: { cellM: cell.reason, ...r.reasons, extent: `points' extent padded by ${kernel === 'gaussian' ? '3 sigma' : 'h'}` },
    accuracy: r.accuracy,
    crs: pts.crs,
  };
};
