/**
 * `grid --input CSV [--cell M] [--hex] --out CSV`
 *
 * Counts points per cell. The input has `x,y` (planar metres, used as they are) or `lon,lat`
 * (WGS84 degrees, projected to their local UTM zone). Writes `cx,cy,count` for every cell of the
 * grid over the points' extent, empty cells included, row-major from the south-west (DESIGN.md's
 * grid: origin floored to a multiple of the cell, a point on a shared edge in the larger index).
 * `--cell` defaults to DESIGN.md's rule (shorter side / 250); `--hex` counts on hexagons of that
 * centre spacing instead, writing their centres. An optional `--weight COLUMN` sums that column.
 */
import { readNumericCsv, writeCsv } from '../table_io.ts';
import { UsageError, type CliOptions, type Command } from '../cli_options.ts';
import { projector, utmCrsFor } from '../../src/geo/projection.ts';
import { defaultCellSizeM, extentOf, gridForExtent, cellCentres, type Chosen } from '../../src/stats/grid.ts';
import { countPointsOnGrid } from '../../src/stats/grid_counts.ts';
import { countPointsOnHexGrid, hexCentre, hexGridForExtent } from '../../src/stats/hex_grid.ts';

export interface PointsInput {
  xs: Float64Array;
  ys: Float64Array;
  weights: Float64Array | null;
  /** 'planar (as given)' or the UTM CRS the lon/lat were projected to. */
  crs: string;
}

/** Read x,y (planar) or lon,lat (projected to the local UTM zone), and an optional weight column. */
export async function readPoints(path: string, weightColumn?: string): Promise<PointsInput> {
  const extra = weightColumn ? [weightColumn] : [];
  let planarError: Error;
  try {
    const c = await readNumericCsv(path, ['x', 'y', ...extra]);
    return { xs: c.x, ys: c.y, weights: weightColumn ? c[weightColumn] : null, crs: 'planar (x, y used as given)' };
  } catch (e) {
    planarError = e as Error;
    if (!/missing column\(s\) (x|y)\b/.test(planarError.message)) throw planarError;
  }
  let c: Record<string, Float64Array>;
  try {
    c = await readNumericCsv(path, ['lon', 'lat', ...extra]);
  } catch (e) {
    const msg = (e as Error).message;
    if (/missing column\(s\) (lon|lat)\b/.test(msg)) {
      throw new Error(`${path}: needs columns x,y (planar metres) or lon,lat (degrees); ${planarError.message.replace(`${path}: `, '')}`);
    }
    throw e;
  }
  const n = c.lon.length;
  if (n === 0) throw new Error(`${path}: no rows`);
  let sLon = 0;
  let sLat = 0;
  for (let i = 0; i < n; i++) {
    if (!(c.lon[i] >= -180 && c.lon[i] <= 180 && c.lat[i] >= -90 && c.lat[i] <= 90)) {
      throw new Error(`${path}: row ${i + 2}: lon ${c.lon[i]}, lat ${c.lat[i]} is not a WGS84 position`);
    }
    sLon += c.lon[i];
    sLat += c.lat[i];
  }
  const crs = utmCrsFor(sLon / n, sLat / n);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  projector('EPSG:4326', crs).forwardInto(c.lon, c.lat, xs, ys);
  return { xs, ys, weights: weightColumn ? c[weightColumn] : null, crs };
}

/** `--cell M` if given (> 0), else DESIGN.md's default for the extent. */
export function cellSizeOption(opts: CliOptions, extent: { minX: number; minY: number; maxX: number; maxY: number }): Chosen {
  if (opts.has('cell')) {
    const v = opts.number('cell');
    if (!(v > 0)) throw new UsageError(`--cell must be > 0 metres, got ${v}`);
    return { value: v, reason: 'given' };
  }
  return defaultCellSizeM(extent);
}

export const run: Command = async (opts) => {
  const input = opts.string('input');
  const out = opts.string('out');
  const pts = await readPoints(input, opts.has('weight') ? opts.string('weight') : undefined);
  const extent = extentOf(pts.xs, pts.ys);
  if (!extent) throw new Error(`${input}: no points with coordinates`);
  const cell = cellSizeOption(opts, extent);
  if (opts.flag('hex')) {
    const g = hexGridForExtent(extent, cell.value);
    const r = countPointsOnHexGrid(g, pts.xs, pts.ys, pts.weights);
    const cells = g.width * g.height;
    const cx = new Float64Array(cells);
    const cy = new Float64Array(cells);
    for (let c = 0; c < cells; c++) [cx[c], cy[c]] = hexCentre(g, c);
    writeCsv(out, ['cx', 'cy', 'count'], [cx, cy, r.values]);
    return {
      out, shape: 'hexagon', cells, width: g.width, height: g.height, cellM: cell.value, cellReason: cell.reason,
      points: pts.xs.length, counted: r.inside, skipped: r.outside, crs: pts.crs,
    };
  }
  const grid = gridForExtent(extent, cell.value);
  const r = countPointsOnGrid(grid, pts.xs, pts.ys, pts.weights);
  const { cx, cy } = cellCentres(grid);
  writeCsv(out, ['cx', 'cy', 'count'], [cx, cy, r.values]);
  return {
    out, shape: 'square', cells: grid.width * grid.height, width: grid.width, height: grid.height, origin: [grid.x0, grid.y0],
    cellM: cell.value, cellReason: cell.reason, points: pts.xs.length, counted: r.inside, skipped: r.outside, crs: pts.crs,
  };
};
