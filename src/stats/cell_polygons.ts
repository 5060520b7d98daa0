/**
 * Cell polygons for display: the cells of a square or hexagonal grid as a GeoJSON
 * FeatureCollection built with Turf, each feature carrying its cell index and value. Counting and
 * statistics never go through these objects (they run over typed arrays); this is only the
 * hand-over to the map and exports. `toLonLat` (e.g. a geo/ projector's inverse) converts the
 * planar corners; without it the coordinates stay in metres.
 */
import { featureCollection, polygon } from '@turf/turf';
import type { FeatureCollection, Polygon } from 'geojson';
import { squareCellRing, type Grid } from './grid.ts';
import { hexCellRing, type HexGrid } from './hex_grid.ts';

export interface CellPolygonOptions {
  /** Value per cell, written to `properties.value`. */
  values?: ArrayLike<number>;
  /** Only cells with mask[c] = 1 (default: all). */
  mask?: Uint8Array | null;
  /** Only cells whose value is not 0 (default false). */
  skipZero?: boolean;
  /** Planar metres -> [lon, lat]. */
  toLonLat?: (x: number, y: number) => [number, number];
}

function build(
  count: number,
  ring: (c: number) => [number, number][],
  opts: CellPolygonOptions,
): FeatureCollection<Polygon, { cell: number; value: number | null }> {
  const features = [];
  for (let c = 0; c < count; c++) {
    if (opts.mask && !opts.mask[c]) continue;
    const value = opts.values ? opts.values[c] : null;
    if (opts.skipZero && value === 0) continue;
    const r = opts.toLonLat ? ring(c).map(([x, y]) => opts.toLonLat!(x, y)) : ring(c);
    features.push(polygon([r], { cell: c, value }));
  }
  return featureCollection(features);
}

/** Square cells of `grid` as polygons (counter-clockwise rings). */
export function squareCellPolygons(grid: Grid, opts: CellPolygonOptions = {}) {
  return build(grid.width * grid.height, (c) => squareCellRing(grid, c), opts);
}

/** Hexagons of `grid` as polygons. */
export function hexCellPolygons(grid: HexGrid, opts: CellPolygonOptions = {}) {
  return build(grid.width * grid.height, (c) => hexCellRing(grid, c), opts);
}
