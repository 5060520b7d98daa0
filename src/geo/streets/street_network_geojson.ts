/**
 * GeoJSON for the map's offline basemap: one LineString per edge of a street network, or per
 * line of a line set, with `class` (RoadClass name, e.g. 'street', 'alley'), `name` (omitted when
 * unnamed), `oneway` (-1/0/1) and `structure` ('none' | 'bridge' | 'tunnel'). Coordinates are
 * WGS84 lon/lat, rounded to `decimals` (default 6, about 0.1 m) to keep the file small.
 */
import type { Feature, FeatureCollection, LineString } from 'geojson';
import { roadClassNames } from '../../routing/road_class.ts';
import type { StreetLines } from './street_lines.ts';
import type { StreetNetwork } from './street_network.ts';

export interface StreetFeatureProps {
  class: string;
  name?: string;
  oneway: number;
  structure: 'none' | 'bridge' | 'tunnel';
}

const structureNames = ['none', 'bridge', 'tunnel'] as const;

/** One feature per edge of the network. */
export function streetNetworkToGeoJson(net: StreetNetwork, decimals = 6): FeatureCollection<LineString, StreetFeatureProps> {
  const features: Feature<LineString, StreetFeatureProps>[] = [];
  for (let e = 0; e < net.edgeCount; e++) {
    features.push(feature(net.geomLons, net.geomLats, net.edgeGeomStart[e], net.edgeGeomStart[e + 1], decimals,
      net.edgeClass[e], net.names[net.edgeName[e]], net.edgeOneway[e], net.edgeStructure[e]));
  }
  return { type: 'FeatureCollection', features };
}

/** One feature per line of a line set (before noding). */
export function streetLinesToGeoJson(lines: StreetLines, decimals = 6): FeatureCollection<LineString, StreetFeatureProps> {
  const features: Feature<LineString, StreetFeatureProps>[] = [];
  for (let i = 0; i < lines.lineCount; i++) {
    features.push(feature(lines.lons, lines.lats, lines.lineStart[i], lines.lineStart[i + 1], decimals,
      lines.lineClass[i], lines.names[lines.lineName[i]], lines.lineOneway[i], lines.lineStructure[i]));
  }
  return { type: 'FeatureCollection', features };
}

function feature(
  lons: Float64Array, lats: Float64Array, a: number, b: number, decimals: number,
  cls: number, name: string, oneway: number, structure: number,
): Feature<LineString, StreetFeatureProps> {
  if (!(Number.isInteger(decimals) && decimals >= 0 && decimals <= 15)) throw new RangeError(`decimals must be an integer in 0..15, got ${decimals}`);
  const f = 10 ** decimals;
  const coordinates: number[][] = [];
  for (let v = a; v < b; v++) coordinates.push([Math.round(lons[v] * f) / f, Math.round(lats[v] * f) / f]);
  const properties: StreetFeatureProps = { class: roadClassNames[cls] ?? 'other', oneway, structure: structureNames[structure] ?? 'none' };
  if (name) properties.name = name;
  return { type: 'Feature', properties, geometry: { type: 'LineString', coordinates } };
}
