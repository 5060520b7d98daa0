import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { RoadClass } from '../../routing/road_class.ts';
import { readStreetGeoJson } from './read_street_geojson.ts';
import { Structure } from './street_lines.ts';

const fc = (features: unknown[]) => ({ type: 'FeatureCollection', features }) as FeatureCollection;
const line = (props: Record<string, unknown>, coordinates: number[][] = [[-87.7, 41.9], [-87.69, 41.9]]) =>
  ({ type: 'Feature', properties: props, geometry: { type: 'LineString', coordinates } });

describe('readStreetGeoJson', () => {
  it('reads Mapbox-style properties (as the demo streets file has them)', () => {
    const l = readStreetGeoJson(fc([
      line({ class: 'service', type: 'service:alley', oneway: 'false', structure: 'none', layer: null, name: null }),
      line({ class: 'secondary', type: 'secondary', oneway: 'true', structure: 'bridge', layer: 1, name: 'N Milwaukee Ave' }),
      line({ class: 'major_rail', type: 'rail' }),
    ]));
    expect(l.lineCount).toBe(2);
    expect([...l.lineClass]).toEqual([RoadClass.alley, RoadClass.secondary]);
    expect([...l.lineOneway]).toEqual([0, 1]);
    expect([...l.lineStructure]).toEqual([Structure.none, Structure.bridge]);
    expect([...l.lineLayer]).toEqual([0, 1]);
    expect(l.names[l.lineName[1]]).toBe('N Milwaukee Ave');
  });

  it('reads OSM-style properties by the OSM rules', () => {
    const l = readStreetGeoJson(fc([
      line({ highway: 'residential', oneway: '-1', tunnel: 'yes', layer: '-1', name: 'W Wabansia Ave' }),
      line({ highway: 'motorway' }),
      line({ highway: 'proposed' }),
    ]));
    expect(l.lineCount).toBe(2);
    expect([...l.lineOneway]).toEqual([-1, 1]);
    expect(l.lineStructure[0]).toBe(Structure.tunnel);
    expect(l.lineLayer[0]).toBe(-1);
  });

  it('makes one line per MultiLineString part and skips other geometries', () => {
    const l = readStreetGeoJson(JSON.stringify(fc([
      { type: 'Feature', properties: { class: 'street' }, geometry: { type: 'MultiLineString', coordinates: [[[0, 0], [1, 1]], [[2, 2], [3, 3], [4, 4]]] } },
      { type: 'Feature', properties: { class: 'street' }, geometry: { type: 'Point', coordinates: [0, 0] } },
      { type: 'Feature', properties: { class: 'street' }, geometry: null },
    ])));
    expect(l.lineCount).toBe(2);
    expect([...l.lineStart]).toEqual([0, 2, 5]);
  });

  it('accepts a single Feature and bytes; rejects planar coordinates and non-GeoJSON', () => {
    expect(readStreetGeoJson(line({ class: 'street' }) as never).lineCount).toBe(1);
    expect(readStreetGeoJson(new TextEncoder().encode(JSON.stringify(fc([line({ class: 'street' })])))).lineCount).toBe(1);
    expect(() => readStreetGeoJson(fc([line({ class: 'street' }), line({ class: 'street' }, [[440000, 4640000], [440100, 4640000]])]))).toThrow(/feature 1/);
    expect(() => readStreetGeoJson('{"type":"Topology"}')).toThrow(/not a GeoJSON/);
    expect(() => readStreetGeoJson('{')).toThrow(/not GeoJSON/);
  });
});
