/**
 * Test helper (not used by the app): a line set drawn in planar metres around a point in Chicago
 * (UTM 16N, EPSG:32616), so hand-made noding cases can say "2 m gap" exactly.
 */
import { RoadClass } from '../../src/routing/road_class.ts';
import { projector } from '../../src/geo/projection.ts';
import { Structure, type StreetLines } from '../../src/geo/streets/street_lines.ts';
import { StreetLinesBuilder } from '../../src/geo/streets/street_lines_builder.ts';

export const TEST_CRS = 'EPSG:32616';
const X0 = 440000, Y0 = 4640000;

export interface TestLine {
  /** Vertices as [x, y] metres from the test origin. */
  pts: [number, number][];
  roadClass?: RoadClass;
  oneway?: -1 | 0 | 1;
  structure?: Structure;
  layer?: number;
  name?: string;
}

export function linesFromMetres(lines: TestLine[]): StreetLines {
  const p = projector(TEST_CRS, 'EPSG:4326');
  const b = new StreetLinesBuilder();
  for (const l of lines) {
    for (const [x, y] of l.pts) {
      const [lon, lat] = p.forward(X0 + x, Y0 + y);
      b.addVertex(lon, lat);
    }
    b.endLine({
      roadClass: l.roadClass ?? RoadClass.street,
      oneway: l.oneway ?? 0,
      structure: l.structure ?? Structure.none,
      layer: l.layer ?? 0,
      name: l.name ?? '',
    });
  }
  return b.finish();
}

/** Node coordinates relative to the test origin. */
export function nodeOffset(xs: Float64Array, ys: Float64Array, v: number): [number, number] {
  return [xs[v] - X0, ys[v] - Y0];
}

/** Degree of every node (edges counted once per end). */
export function degrees(nodeCount: number, edgeFrom: Uint32Array, edgeTo: Uint32Array): Uint32Array {
  const d = new Uint32Array(nodeCount);
  for (let e = 0; e < edgeFrom.length; e++) {
    d[edgeFrom[e]]++;
    d[edgeTo[e]]++;
  }
  return d;
}
