/**
 * The common line set every street reader produces (OSM XML, OSM PBF, GeoJSON, Mapbox vector
 * tiles): polylines in WGS84 lon/lat with per-line properties, in flat typed arrays.
 *
 * Line `i` (0 .. lineCount - 1) has its vertices at `lineStart[i] .. lineStart[i + 1] - 1` of
 * `lons`/`lats`; every line has at least two vertices and no two consecutive equal vertices.
 * Lines are not noded: crossings need not share a vertex (see node_lines.ts).
 */
import type { RoadClass } from '../../routing/road_class.ts';

/** How a line passes other lines: at grade, over them or under them. Fits a Uint8Array. */
export const Structure = {
  none: 0,
  bridge: 1,
  tunnel: 2,
} as const;
export type Structure = (typeof Structure)[keyof typeof Structure];

export interface StreetLines {
  /** Number of lines. */
  lineCount: number;
  /** Vertex offsets, length lineCount + 1. */
  lineStart: Uint32Array;
  /** Vertex longitudes and latitudes, degrees WGS84. */
  lons: Float64Array;
  lats: Float64Array;
  /** Road class per line (RoadClass values). */
  lineClass: Uint8Array;
  /** 0 both ways, 1 only in drawn direction, -1 only against it. */
  lineOneway: Int8Array;
  /** Structure per line (Structure values). */
  lineStructure: Uint8Array;
  /** OSM-style layer per line (0 = ground level), clamped to -128..127. */
  lineLayer: Int8Array;
  /** Index into names; 0 = unnamed. */
  lineName: Uint32Array;
  /** Distinct street names; names[0] is '' (unnamed). */
  names: string[];
}

/** Per-line properties as a reader hands them to the builder. */
export interface LineProps {
  roadClass: RoadClass;
  oneway: -1 | 0 | 1;
  structure: Structure;
  layer: number;
  /** '' or undefined for unnamed. */
  name?: string;
}

/** An empty line set. */
export function emptyStreetLines(): StreetLines {
  return {
    lineCount: 0,
    lineStart: new Uint32Array(1),
    lons: new Float64Array(0),
    lats: new Float64Array(0),
    lineClass: new Uint8Array(0),
    lineOneway: new Int8Array(0),
    lineStructure: new Uint8Array(0),
    lineLayer: new Int8Array(0),
    lineName: new Uint32Array(0),
    names: [''],
  };
}
