/**
 * The demo's streets (data/chicago_d14/streets_d14.geojson, district 14 + 1 km, from the same
 * z13 tiles): counts taken from the file with grep, and the network the planner will use.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildStreetNetwork } from '../../src/geo/streets/build_street_network.ts';
import { readStreetGeoJson } from '../../src/geo/streets/read_street_geojson.ts';
import { streetNetworkToGeoJson } from '../../src/geo/streets/street_network_geojson.ts';
import { RoadClass } from '../../src/routing/road_class.ts';

const file = fileURLToPath(new URL('../../data/chicago_d14/streets_d14.geojson', import.meta.url));

describe('demo streets of district 14', () => {
  const lines = readStreetGeoJson(readFileSync(file));

  it('reads all 4,131 pieces with their classes, one-way and bridge flags', () => {
    // grep -o counts on the file: 4,131 features (data/README.md), all LineString;
    // class street 1,128 + street_limited 7, secondary 118, motorway 95, motorway_link 58,
    // tertiary 54 + link 13, primary 34, pedestrian 8, track 8, service 2,608 (alleys and other);
    // 832 "oneway":"true", 73 "structure":"bridge".
    expect(lines.lineCount).toBe(4131);
    const n = (c: number) => lines.lineClass.filter((k) => k === c).length;
    expect(n(RoadClass.street)).toBe(1128 + 7);
    expect(n(RoadClass.secondary)).toBe(118);
    expect(n(RoadClass.motorway)).toBe(95);
    expect(n(RoadClass.motorwayLink)).toBe(58);
    expect(n(RoadClass.tertiary)).toBe(54 + 13);
    expect(n(RoadClass.primary)).toBe(34);
    expect(n(RoadClass.alley) + n(RoadClass.service)).toBe(2608);
    expect(lines.lineOneway.filter((o) => o === 1).length).toBe(832);
    expect(lines.lineStructure.filter((s) => s === 1).length).toBe(73);
  });

  it('builds a network whose largest component keeps nearly all of it, and a basemap from it', () => {
    const net = buildStreetNetwork(lines);
    expect(net.report.kmKept / net.report.kmIn).toBeGreaterThan(0.97);
    expect(net.names).toContain('N Milwaukee Ave');
    const g = streetNetworkToGeoJson(net);
    expect(g.features.length).toBe(net.edgeCount);
    expect(g.features.some((f) => f.properties.name === 'W Fullerton Ave')).toBe(true);
  });
});
