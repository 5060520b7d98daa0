/**
 * The 2012 Logan Square OSM XML extract (../shared/data/chicago/logan_square_2012.osm): the XML
 * reader against counts taken from the file itself (SOURCE.md and an independent parse), and
 * the PBF reader against the XML reader on the same data encoded as PBF.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildStreetNetwork } from '../../src/geo/streets/build_street_network.ts';
import { readOsmPbf } from '../../src/geo/streets/read_osm_pbf.ts';
import { readOsmXml } from '../../src/geo/streets/read_osm_xml.ts';
import type { StreetLines } from '../../src/geo/streets/street_lines.ts';
import { RoadClass } from '../../src/routing/road_class.ts';
import { encodeOsmPbf, parseOsmXmlForTest } from './encode_osm_pbf.ts';
import { chicagoDir, haveChicago } from './shared_data.ts';

describe.skipIf(!haveChicago)('Logan Square OSM XML (2012)', () => {
  let text: string;
  let xml: StreetLines;
  beforeAll(() => {
    text = readFileSync(`${chicagoDir}logan_square_2012.osm`, 'utf8');
    xml = readOsmXml(text);
  });

  it('reads the 258 highway ways, by class as SOURCE.md counts them', () => {
    expect(xml.lineCount).toBe(258);
    const n = (c: number) => xml.lineClass.filter((k) => k === c).length;
    // SOURCE.md: service 105, residential 98, secondary 20, motorway 18, motorway_link 9,
    // tertiary 5, primary 2, secondary_link 1; 99 of the service ways have service=alley.
    expect(n(RoadClass.street)).toBe(98);
    expect(n(RoadClass.alley)).toBe(99);
    expect(n(RoadClass.service)).toBe(105 - 99);
    expect(n(RoadClass.secondary)).toBe(20);
    expect(n(RoadClass.motorway)).toBe(18);
    expect(n(RoadClass.motorwayLink)).toBe(9);
    expect(n(RoadClass.tertiary)).toBe(5 + 1);
    expect(n(RoadClass.primary)).toBe(2);
  });

  it('keeps every node reference, one-way, bridge, layer and name tag (counted with an independent parse)', () => {
    // 2,247 <nd> in highway ways, none missing and no consecutive repeats; 49 one-way
    // (yes/1/-1; 6 motorways are oneway=reversible, so two-way); 10 bridges, all layer 1;
    // 62 distinct names.
    expect(xml.lons.length).toBe(2247);
    expect(xml.lineOneway.filter((o) => o !== 0).length).toBe(49);
    expect(xml.lineOneway.filter((o) => o === -1).length).toBe(6);
    expect(xml.lineStructure.filter((s) => s === 1).length).toBe(10);
    expect(xml.lineLayer.filter((l) => l === 1).length).toBe(10);
    expect(xml.names.length - 1).toBe(62);
  });

  it('reads the same lines from the file encoded as OSM PBF', async () => {
    const { nodes, ways } = parseOsmXmlForTest(text);
    expect(nodes.length).toBe(1984); // SOURCE.md
    expect(ways.length).toBe(318);
    const pbf = await readOsmPbf(encodeOsmPbf(nodes, ways, { blockSize: 500 }));
    expect(pbf.lineCount).toBe(xml.lineCount);
    expect([...pbf.lineStart]).toEqual([...xml.lineStart]);
    expect([...pbf.lineClass]).toEqual([...xml.lineClass]);
    expect([...pbf.lineOneway]).toEqual([...xml.lineOneway]);
    expect([...pbf.lineStructure]).toEqual([...xml.lineStructure]);
    expect([...pbf.lineLayer]).toEqual([...xml.lineLayer]);
    expect([...pbf.lineName].map((k) => pbf.names[k])).toEqual([...xml.lineName].map((k) => xml.names[k]));
    let maxDiff = 0;
    for (let v = 0; v < xml.lons.length; v++) {
      maxDiff = Math.max(maxDiff, Math.abs(pbf.lons[v] - xml.lons[v]), Math.abs(pbf.lats[v] - xml.lats[v]));
    }
    expect(maxDiff).toBeLessThan(1e-9); // 7-decimal XML coordinates are exact at 100-nanodegree granularity
  });

  it('builds the same network from PBF as from XML', async () => {
    const { nodes, ways } = parseOsmXmlForTest(text);
    const a = buildStreetNetwork(xml);
    const b = buildStreetNetwork(await readOsmPbf(encodeOsmPbf(nodes, ways)));
    expect(b.nodeCount).toBe(a.nodeCount);
    expect(b.edgeCount).toBe(a.edgeCount);
    expect([...b.edgeFrom]).toEqual([...a.edgeFrom]);
    expect([...b.edgeTo]).toEqual([...a.edgeTo]);
    for (let e = 0; e < a.edgeCount; e++) expect(b.edgeLengthM[e]).toBeCloseTo(a.edgeLengthM[e], 6);
    for (const [k, v] of Object.entries(a.report)) expect(b.report[k as keyof typeof a.report], k).toBeCloseTo(v, 9);
  });

  it('joins at least every junction OSM itself records as a shared node', () => {
    // Components by shared node ids (the OSM topology), counted here without the app's code.
    const { ways } = parseOsmXmlForTest(text);
    const highway = ways.filter((w) => w.tags.highway && !['construction', 'proposed', 'platform'].includes(w.tags.highway));
    const parent = new Map<number, number>();
    const find = (x: number): number => {
      while (parent.get(x)! !== x) x = parent.get(x)!;
      return x;
    };
    for (const w of highway) for (const r of w.refs) if (!parent.has(r)) parent.set(r, r);
    for (const w of highway) for (let k = 1; k < w.refs.length; k++) parent.set(find(w.refs[k]), find(w.refs[0]));
    const osmComponents = new Set(highway.map((w) => find(w.refs[0]))).size;
    const net = buildStreetNetwork(xml, { keepAllComponents: true });
    expect(net.report.components).toBeLessThanOrEqual(osmComponents);
    expect(net.report.kmIn).toBeGreaterThan(60); // 2 km x 2 km box plus the ways that leave it
  });
});
