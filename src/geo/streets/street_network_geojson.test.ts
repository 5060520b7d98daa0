import { describe, expect, it } from 'vitest';
import { linesFromMetres, TEST_CRS } from '../../../test/streets/test_lines.ts';
import { RoadClass } from '../../routing/road_class.ts';
import { nodeLines } from './node_lines.ts';
import { Structure } from './street_lines.ts';
import { streetLinesToGeoJson, streetNetworkToGeoJson } from './street_network_geojson.ts';

describe('streetNetworkToGeoJson', () => {
  const lines = linesFromMetres([
    { pts: [[0, 0], [200, 0]], name: 'W North Ave', roadClass: RoadClass.secondary, oneway: 1 },
    { pts: [[100, -100], [100, 100]], roadClass: RoadClass.alley },
    { pts: [[0, 300], [200, 300]], structure: Structure.bridge, layer: 1 },
  ]);

  it('gives one LineString per edge with class, name, one-way and structure', () => {
    const net = nodeLines(lines, { crs: TEST_CRS });
    const g = streetNetworkToGeoJson(net);
    expect(g.features.length).toBe(net.edgeCount);
    expect(g.features.length).toBe(5);
    const north = g.features.filter((f) => f.properties.name === 'W North Ave');
    expect(north.length).toBe(2);
    expect(north[0].properties).toEqual({ class: 'secondary', name: 'W North Ave', oneway: 1, structure: 'none' });
    expect(g.features.filter((f) => f.properties.class === 'alley').every((f) => !('name' in f.properties))).toBe(true);
    expect(g.features[4].properties.structure).toBe('bridge');
    const c = g.features[0].geometry.coordinates[0];
    expect(c[0]).toBeCloseTo(net.lons[net.edgeFrom[0]], 6);
    expect(Math.round(c[0] * 1e6)).toBe(c[0] * 1e6);
  });

  it('gives one LineString per input line before noding', () => {
    const g = streetLinesToGeoJson(lines, 7);
    expect(g.features.length).toBe(3);
    expect(g.features[1].geometry.coordinates.length).toBe(2);
    expect(() => streetLinesToGeoJson(lines, -1)).toThrow(RangeError);
  });
});
