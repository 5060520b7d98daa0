import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeMvt, type MvtLine } from '../../../test/streets/encode_mvt.ts';
import { RoadClass } from '../../routing/road_class.ts';
import { nodeLines } from './node_lines.ts';
import { readMvtTiles, readMvtTilesSync, tileAddressOf } from './read_mvt.ts';
import { Structure } from './street_lines.ts';

const z = 13, x = 2100, y = 3044;
const lonOf = (tx: number) => (tx / 2 ** z) * 360 - 180;
const latOf = (ty: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * ty) / 2 ** z))) * 180) / Math.PI;
const road = (parts: [number, number][][], props: Record<string, string | number | boolean> = {}): MvtLine => ({
  parts,
  props: { class: 'street', type: 'residential', oneway: 'false', structure: 'none', ...props },
});

describe('readMvtTilesSync', () => {
  it('maps tile units to lon/lat and reads class, type, one-way, structure and layer', () => {
    const bytes = encodeMvt({
      road: [
        road([[[0, 0], [4096, 4096]]]),
        road([[[100, 100], [200, 100]]], { class: 'service', type: 'service:alley' }),
        road([[[100, 200], [200, 200]]], { class: 'primary', type: 'primary', oneway: 'true', structure: 'bridge', layer: 1 }),
        road([[[100, 300], [200, 300]]], { class: 'major_rail', type: 'rail' }),
        road([[[100, 400], [200, 400]]], { class: 'construction', type: 'construction' }),
        { parts: [[[50, 50]]], props: { class: 'turning_circle', type: 'turning_circle' }, type: 1 },
      ],
    });
    const l = readMvtTilesSync([{ z, x, y, bytes }]);
    expect(l.lineCount).toBe(3);
    expect(l.lons[0]).toBeCloseTo(lonOf(x), 12);
    expect(l.lats[0]).toBeCloseTo(latOf(y), 12);
    expect(l.lons[1]).toBeCloseTo(lonOf(x + 1), 12);
    expect(l.lats[1]).toBeCloseTo(latOf(y + 1), 12);
    expect([...l.lineClass]).toEqual([RoadClass.street, RoadClass.alley, RoadClass.primary]);
    expect([...l.lineOneway]).toEqual([0, 0, 1]);
    expect([...l.lineStructure]).toEqual([Structure.none, Structure.none, Structure.bridge]);
    expect([...l.lineLayer]).toEqual([0, 0, 1]);
  });

  it('clips lines to the tile extent, so two tiles sharing a buffer count a street once, and its pieces join', () => {
    // One street from 3000 units into tile x to 1000 units into tile x + 1; each tile carries it
    // into its 128-unit buffer (and beyond, as generalised tiles do).
    const left = encodeMvt({ road: [road([[[3000, 2000], [4224, 2000]]])] });
    const right = encodeMvt({ road: [road([[[-128, 2000], [1000, 2000]]])] });
    const l = readMvtTilesSync([{ z, x, y, bytes: left }, { z, x: x + 1, y, bytes: right }]);
    expect(l.lineCount).toBe(2);
    expect(l.lons[1]).toBeCloseTo(lonOf(x + 1), 12);
    expect(l.lons[2]).toBeCloseTo(lonOf(x + 1), 12);
    const n = nodeLines(l);
    expect(n.edgeCount).toBe(2);
    expect(n.nodeCount).toBe(3);
    const tileWidthM = n.report.kmIn * 1000 / (2096 / 4096);
    expect(tileWidthM).toBeGreaterThan(3500); // a z13 tile at 41.9° N is about 3.6 km wide
    expect(tileWidthM).toBeLessThan(3700);
    const unclipped = readMvtTilesSync([{ z, x, y, bytes: left }, { z, x: x + 1, y, bytes: right }], { clip: false });
    expect(nodeLines(unclipped).report.kmIn).toBeGreaterThan(n.report.kmIn * 1.1);
  });

  it('names roads from parallel road_label lines within 10 units, not from far or crossing ones', () => {
    const bytes = encodeMvt({
      road: [
        road([[[0, 1000], [2000, 1000]]]),
        road([[[0, 2000], [2000, 2000]]]),
        road([[[1000, 2500], [1000, 3500]]]),
      ],
      road_label: [
        { parts: [[[-100, 1004], [2100, 1006]]], props: { name: 'W Armitage Ave', class: 'street' } },
        { parts: [[[0, 2030], [2000, 2030]]], props: { name: 'Too Far St', class: 'street' } },
        { parts: [[[0, 3000], [2000, 3000]]], props: { name: 'Crossing Ave', class: 'street' } },
      ],
    });
    const l = readMvtTilesSync([{ z, x, y, bytes }]);
    expect(l.names[l.lineName[0]]).toBe('W Armitage Ave');
    expect(l.lineName[1]).toBe(0);
    expect(l.lineName[2]).toBe(0);
    const none = readMvtTilesSync([{ z, x, y, bytes }], { labelLayer: null });
    expect([...none.lineName]).toEqual([0, 0, 0]);
  });

  it('gives a label name only to the piece it runs along for most of its length', () => {
    const bytes = encodeMvt({
      road: [road([[[0, 1000], [3000, 1000]]])],
      road_label: [{ parts: [[[0, 1000], [1000, 1000]]], props: { name: 'Short Label St' } }],
    });
    expect(readMvtTilesSync([{ z, x, y, bytes }]).lineName[0]).toBe(0);
    expect(readMvtTilesSync([{ z, x, y, bytes }], { labels: { minShare: 0.3 } }).lineName[0]).toBeGreaterThan(0);
  });

  it('refuses gzip tiles, bad addresses and bytes that are not a tile', () => {
    const bytes = encodeMvt({ road: [road([[[0, 0], [10, 10]]])] });
    expect(() => readMvtTilesSync([{ z, x, y, bytes: gzipSync(bytes) }])).toThrow(/gzip/);
    expect(() => readMvtTilesSync([{ z, x: 2 ** z, y, bytes }])).toThrow(RangeError);
    expect(() => readMvtTilesSync([{ z, x, y, bytes: Uint8Array.of(0xff, 0xff, 0xff) }])).toThrow(/vector tile/);
  });
});

describe('readMvtTiles', () => {
  it('reads gzip-compressed and raw tiles alike', async () => {
    const bytes = encodeMvt({ road: [road([[[0, 0], [10, 10], [20, 5]]])] });
    const a = await readMvtTiles([{ z, x, y, bytes: new Uint8Array(gzipSync(bytes)) }]);
    const b = readMvtTilesSync([{ z, x, y, bytes }]);
    expect([...a.lons]).toEqual([...b.lons]);
    expect(a.lineCount).toBe(1);
  });
});

describe('tileAddressOf', () => {
  it.each([
    ['13-2098-3042.mvt', { z: 13, x: 2098, y: 3042 }],
    ['tiles/13_2098_3042.pbf', { z: 13, x: 2098, y: 3042 }],
    ['/data/tiles/14/4196/6084.mvt.gz', { z: 14, x: 4196, y: 6084 }],
    ['streets.geojson', null],
    ['13-9000-1.mvt', null],
  ])('%s', (name, want) => {
    expect(tileAddressOf(name)).toEqual(want);
  });
});
