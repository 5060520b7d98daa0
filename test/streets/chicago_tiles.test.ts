/**
 * The 30 Chicago z13 tiles of ../shared/data/chicago/streets_2017 (SOURCE.md there): read, clip,
 * name, node, keep the largest component. Expected figures come from SOURCE.md and from the
 * derived chicago_roads_z13_named.geojson, not from this code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildStreetNetwork } from '../../src/geo/streets/build_street_network.ts';
import { buildEdgeIndex, nearestEdgeName } from '../../src/geo/streets/nearest_edge.ts';
import { readMvtTilesSync, tileAddressOf, type MvtTile } from '../../src/geo/streets/read_mvt.ts';
import { readStreetGeoJson } from '../../src/geo/streets/read_street_geojson.ts';
import type { StreetLines } from '../../src/geo/streets/street_lines.ts';
import type { StreetNetwork } from '../../src/geo/streets/street_network.ts';
import { projector } from '../../src/geo/projection.ts';
import { RoadClass } from '../../src/routing/road_class.ts';
import { chicagoDir, haveChicago, haversineKm, tilesDir } from './shared_data.ts';

const kmByClass = (l: StreetLines) => {
  const km = new Float64Array(12), named = new Float64Array(12), n = new Uint32Array(12);
  for (let i = 0; i < l.lineCount; i++) {
    const k = haversineKm(l.lons, l.lats, l.lineStart[i], l.lineStart[i + 1]);
    km[l.lineClass[i]] += k;
    n[l.lineClass[i]]++;
    if (l.lineName[i]) named[l.lineClass[i]] += k;
  }
  return { km, named, n, total: km.reduce((a, b) => a + b, 0) };
};

describe.skipIf(!haveChicago)('Chicago z13 tiles (30 tiles, ~400 km²)', () => {
  let tiles: MvtTile[];
  let lines: StreetLines;
  let net: StreetNetwork;
  beforeAll(() => {
    tiles = readdirSync(tilesDir).filter((f) => f.endsWith('.mvt')).map((f) => ({ ...tileAddressOf(f)!, bytes: new Uint8Array(readFileSync(tilesDir + f)) }));
    lines = readMvtTilesSync(tiles);
    net = buildStreetNetwork(lines);
  });

  it('reads 22,643 road pieces: SOURCE.md\'s 22,653 less the 10 `construction` pieces roadClassOf drops', () => {
    expect(tiles.length).toBe(30);
    expect(lines.lineCount).toBe(22653 - 10);
  });

  it('clips to the tile extent: 7,400 km in all and every vertex inside the tiles\' bbox', () => {
    const { total } = kmByClass(lines);
    expect(total).toBeGreaterThan(7399.4 * 0.995); // SOURCE: 7,400 km, of which 0.9 km construction
    expect(total).toBeLessThan(7399.4 * 1.005);
    // SOURCE.md bbox of the tile extent: -87.80273, 41.77131 -> -87.58301, 41.96766.
    for (let v = 0; v < lines.lons.length; v++) {
      if (!(lines.lons[v] >= -87.80274 && lines.lons[v] <= -87.583 && lines.lats[v] >= 41.7713 && lines.lats[v] <= 41.96767)) {
        throw new Error(`vertex ${v} outside the tiles: ${lines.lons[v]}, ${lines.lats[v]}`);
      }
    }
    // Without clipping the buffers overlap and are counted twice.
    const unclipped = kmByClass(readMvtTilesSync(tiles, { clip: false, labelLayer: null })).total;
    expect(unclipped).toBeGreaterThan(total * 1.03);
  });

  it('has km per class in the ballpark of SOURCE.md', () => {
    const { km } = kmByClass(lines);
    // SOURCE.md by Mapbox class; roadClassOf merges street + street_limited, link into tertiary,
    // and splits service into alley (type service:alley) and service.
    const want: [number, number][] = [
      [RoadClass.street, 2914 + 6],
      [RoadClass.service, 2837 - km[RoadClass.alley]],
      [RoadClass.secondary, 544],
      [RoadClass.tertiary, 425 + 31],
      [RoadClass.primary, 311],
      [RoadClass.motorway, 152],
      [RoadClass.motorwayLink, 109],
      [RoadClass.trunk, 46],
      [RoadClass.pedestrian, 13],
      [RoadClass.track, 12],
    ];
    for (const [c, k] of want) {
      expect(Math.abs(km[c] - k), `class ${c}: ${km[c].toFixed(1)} km vs ${k}`).toBeLessThan(Math.max(1, 0.01 * k));
    }
    expect(km[RoadClass.alley]).toBeGreaterThan(2000); // "mostly service:alley"
  });

  it('counts one-way pieces, bridges and tunnels close to SOURCE.md (4,633 / 511 / 408, construction included there)', () => {
    const oneway = lines.lineOneway.reduce((n, o) => n + (o !== 0 ? 1 : 0), 0);
    const bridges = lines.lineStructure.reduce((n, s) => n + (s === 1 ? 1 : 0), 0);
    const tunnels = lines.lineStructure.reduce((n, s) => n + (s === 2 ? 1 : 0), 0);
    expect(Math.abs(oneway - 4633)).toBeLessThanOrEqual(10);
    expect(Math.abs(bridges - 511)).toBeLessThanOrEqual(10);
    expect(Math.abs(tunnels - 408)).toBeLessThanOrEqual(10);
  });

  it('joins names from road_label: 84% of street km, 89-98% of the main classes, as SOURCE.md reports', () => {
    const { km, named } = kmByClass(lines);
    const share = (c: number) => named[c] / km[c];
    expect(share(RoadClass.street)).toBeGreaterThan(0.8);
    for (const c of [RoadClass.secondary, RoadClass.primary, RoadClass.trunk, RoadClass.motorway]) expect(share(c)).toBeGreaterThan(0.88);
    expect(share(RoadClass.alley)).toBeLessThan(0.01);
  });

  it('names the same pieces as the derived chicago_roads_z13_named.geojson (98% agreement)', () => {
    const ref = readStreetGeoJson(readFileSync(`${chicagoDir}streets_2017/chicago_roads_z13_named.geojson`));
    expect(ref.lineCount).toBe(lines.lineCount);
    const key = (l: StreetLines, i: number) => {
      const a = l.lineStart[i], b = l.lineStart[i + 1] - 1;
      return [l.lons[a], l.lats[a], l.lons[b], l.lats[b]].map((x) => x.toFixed(5)).join();
    };
    const refName = new Map<string, string>();
    for (let i = 0; i < ref.lineCount; i++) refName.set(key(ref, i), ref.names[ref.lineName[i]]);
    let matched = 0, agree = 0;
    for (let i = 0; i < lines.lineCount; i++) {
      const r = refName.get(key(lines, i));
      if (r === undefined) continue;
      matched++;
      if (r === lines.names[lines.lineName[i]]) agree++;
    }
    expect(matched).toBeGreaterThan(0.95 * lines.lineCount);
    expect(agree / matched).toBeGreaterThan(0.98);
  });

  it('nodes into one large component holding at least the 96% of km SOURCE.md reports (99.6% here)', () => {
    const r = net.report;
    expect(r.piecesIn).toBe(lines.lineCount);
    expect(r.kmKept / r.kmIn).toBeGreaterThan(0.96);
    expect(r.kmKept / r.kmIn).toBeGreaterThan(0.99); // tolerance joins (T junctions, 3 m) close more gaps than a 1e-5° grid
    expect(r.components).toBeGreaterThan(1);
    expect(r.droppedComponents).toBe(r.components - 1);
    // Lengths add up, up to the metre or so each joined line end moves to its junction.
    expect(Math.abs(r.kmKept + r.droppedKm + r.duplicateKm - r.kmIn)).toBeLessThan(0.001 * r.kmIn);
    expect(r.crossingsSplit).toBeGreaterThan(10000);
    expect(net.nodeCount).toBeGreaterThan(40000);
    expect(net.edgeCount).toBeGreaterThan(net.nodeCount);
    expect(net.crs).toBe('EPSG:32616');
  });

  it('gives street names near known places', () => {
    const index = buildEdgeIndex(net);
    const p = projector('EPSG:4326', net.crs);
    // Milwaukee, Damen and North avenues meet at the Wicker Park six-way corner (41.9104, -87.6776).
    const [x, y] = p.forward(-87.6776, 41.9104);
    const name = nearestEdgeName(index, x, y, 30);
    expect(['N Milwaukee Ave', 'N Damen Ave', 'W North Ave']).toContain(name);
    // A point on W Fullerton Ave (2400 N) between Kedzie (3200 W) and Kimball (3400 W).
    const [fx, fy] = p.forward(-87.7102, 41.92472);
    expect(nearestEdgeName(index, fx, fy, 30)).toBe('W Fullerton Ave');
  });

  it('reads chicago_roads_z13_named.geojson into the same pieces as the tiles', () => {
    const g = readStreetGeoJson(readFileSync(`${chicagoDir}streets_2017/chicago_roads_z13_named.geojson`));
    expect(g.lineCount).toBe(lines.lineCount);
    expect(g.lons.length).toBe(lines.lons.length);
    expect(kmByClass(g).total).toBeCloseTo(kmByClass(lines).total, 0);
  });
});
