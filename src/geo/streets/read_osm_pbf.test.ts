import { describe, expect, it } from 'vitest';
import { encodeOsmPbf, type OsmNode, type OsmWay } from '../../../test/streets/encode_osm_pbf.ts';
import { RoadClass } from '../../routing/road_class.ts';
import { readOsmPbf } from './read_osm_pbf.ts';
import { Structure } from './street_lines.ts';

const nodes: OsmNode[] = [
  { id: 1, lon: -87.7, lat: 41.9 },
  { id: 2, lon: -87.69, lat: 41.9, tags: { highway: 'traffic_signals' } },
  { id: 3, lon: -87.69, lat: 41.91 },
  { id: 4, lon: -87.7, lat: 41.91 },
  { id: 5000000000, lon: -87.705, lat: 41.915 }, // an id above 2^32
];
const ways: OsmWay[] = [
  { id: 10, refs: [1, 2, 3], tags: { highway: 'residential', name: 'N Kedzie Ave', oneway: 'yes' } },
  { id: 11, refs: [3, 4], tags: { highway: 'service', service: 'alley' } },
  { id: 12, refs: [4, 1], tags: { highway: 'primary', bridge: 'yes', layer: '1' } },
  { id: 13, refs: [1, 3], tags: { building: 'yes' } },
  { id: 14, refs: [4, 5000000000], tags: { highway: 'tertiary' } },
];

describe('readOsmPbf', () => {
  it('reads highway ways from dense nodes in zlib blobs', async () => {
    const l = await readOsmPbf(encodeOsmPbf(nodes, ways));
    expect(l.lineCount).toBe(4);
    expect([...l.lineStart]).toEqual([0, 3, 5, 7, 9]);
    expect(l.lons[0]).toBeCloseTo(-87.7, 9);
    expect(l.lats[2]).toBeCloseTo(41.91, 9);
    expect(l.lons[8]).toBeCloseTo(-87.705, 9);
    expect([...l.lineClass]).toEqual([RoadClass.street, RoadClass.alley, RoadClass.primary, RoadClass.tertiary]);
    expect([...l.lineOneway]).toEqual([1, 0, 0, 0]);
    expect([...l.lineStructure]).toEqual([Structure.none, Structure.none, Structure.bridge, Structure.none]);
    expect(l.names[l.lineName[0]]).toBe('N Kedzie Ave');
  });

  it('reads plain nodes, raw blobs, several blocks and another granularity the same way', async () => {
    const a = await readOsmPbf(encodeOsmPbf(nodes, ways));
    const b = await readOsmPbf(encodeOsmPbf(nodes, ways, { dense: false, compression: 'raw', blockSize: 2, granularity: 1000 }));
    expect(b.lineCount).toBe(a.lineCount);
    expect([...b.lineStart]).toEqual([...a.lineStart]);
    for (let v = 0; v < a.lons.length; v++) {
      expect(b.lons[v]).toBeCloseTo(a.lons[v], 6);
      expect(b.lats[v]).toBeCloseTo(a.lats[v], 6);
    }
  });

  it('splits ways at nodes missing from the file', async () => {
    const l = await readOsmPbf(encodeOsmPbf(nodes, [{ id: 1, refs: [1, 2, 77, 3, 4], tags: { highway: 'residential' } }]));
    expect([...l.lineStart]).toEqual([0, 2, 4]);
  });

  it('refuses files that need features it lacks, and files that are not PBF', async () => {
    await expect(readOsmPbf(encodeOsmPbf(nodes, ways, { requiredFeatures: ['OsmSchema-V0.6', 'Sargas-Future'] }))).rejects.toThrow(/Sargas-Future/);
    await expect(readOsmPbf(new TextEncoder().encode('<osm version="0.6"></osm>'))).rejects.toThrow(/OSM PBF/);
    const good = encodeOsmPbf(nodes, ways);
    await expect(readOsmPbf(good.subarray(0, good.length - 10))).rejects.toThrow(/past the end/);
  });

  it('stops when aborted', async () => {
    const c = new AbortController();
    c.abort();
    await expect(readOsmPbf(encodeOsmPbf(nodes, ways), { signal: c.signal })).rejects.toThrow();
  });
});
