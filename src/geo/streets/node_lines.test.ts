import { describe, expect, it } from 'vitest';
import { RoadClass } from '../../routing/road_class.ts';
import { degrees, linesFromMetres, nodeOffset, TEST_CRS } from '../../../test/streets/test_lines.ts';
import { connectedComponents } from './connected_components.ts';
import { nodeLines } from './node_lines.ts';
import { Structure } from './street_lines.ts';
import type { StreetNetwork } from './street_network.ts';

const node = (lines: Parameters<typeof linesFromMetres>[0], opts = {}) => nodeLines(linesFromMetres(lines), { crs: TEST_CRS, ...opts });
const components = (n: StreetNetwork) => connectedComponents(n.nodeCount, n.edgeFrom, n.edgeTo).count;
const totalM = (n: StreetNetwork) => n.edgeLengthM.reduce((a, b) => a + b, 0);

describe('nodeLines', () => {
  it('splits an X crossing into 4 edges meeting at one node at the crossing point', () => {
    const n = node([
      { pts: [[0, 0], [100, 100]] },
      { pts: [[0, 100], [100, 0]] },
    ]);
    expect(n.edgeCount).toBe(4);
    expect(n.nodeCount).toBe(5);
    const deg = degrees(n.nodeCount, n.edgeFrom, n.edgeTo);
    const centre = deg.indexOf(4);
    expect(centre).toBeGreaterThanOrEqual(0);
    const [cx, cy] = nodeOffset(n.xs, n.ys, centre);
    expect(cx).toBeCloseTo(50, 6);
    expect(cy).toBeCloseTo(50, 6);
    for (let e = 0; e < 4; e++) expect(n.edgeLengthM[e]).toBeCloseTo(50 * Math.SQRT2, 6);
    expect(n.report.crossingsSplit).toBe(1);
    expect(components(n)).toBe(1);
  });

  it('splits a street crossed by several others at each crossing, in order', () => {
    const n = node([
      { pts: [[0, 0], [300, 0]] },
      { pts: [[50, -50], [50, 50]] },
      { pts: [[150, -50], [150, 50]] },
      { pts: [[250, -50], [250, 50]] },
    ]);
    expect(n.report.crossingsSplit).toBe(3);
    expect(n.edgeCount).toBe(4 + 3 * 2);
    const main = [...n.edgeLine].map((l, e) => (l === 0 ? n.edgeLengthM[e] : -1)).filter((x) => x >= 0);
    expect(main.map((x) => Math.round(x))).toEqual([50, 100, 100, 50]);
    expect(totalM(n)).toBeCloseTo(300 + 3 * 100, 6);
  });

  it('does not split a bridge over a street, a street over a tunnel, layered lines or a motorway', () => {
    for (const over of [
      { structure: Structure.bridge, layer: 1 },
      { structure: Structure.tunnel, layer: -1 },
      { structure: Structure.none, layer: 1 },
      { roadClass: RoadClass.motorway },
    ]) {
      const n = node([
        { pts: [[0, 50], [100, 50]], ...over },
        { pts: [[50, 0], [50, 100]] },
      ]);
      expect(n.edgeCount).toBe(2);
      expect(n.nodeCount).toBe(4);
      expect(n.report.crossingsSplit).toBe(0);
      expect(components(n)).toBe(2);
    }
  });

  it('joins a T junction whose stem stops 2 m short of the cross street, splitting the cross street', () => {
    const n = node([
      { pts: [[0, 0], [200, 0]] },
      { pts: [[100, 2], [100, 80]] },
    ]);
    expect(components(n)).toBe(1);
    expect(n.edgeCount).toBe(3);
    expect(n.nodeCount).toBe(4);
    expect(n.report.tJunctions).toBe(1);
    const deg = degrees(n.nodeCount, n.edgeFrom, n.edgeTo);
    const j = deg.indexOf(3);
    const [jx, jy] = nodeOffset(n.xs, n.ys, j);
    expect(jx).toBeCloseTo(100, 6);
    expect(jy).toBeCloseTo(0, 6); // on the cross street, which stays straight; the stem's end moves
  });

  it('joins a T junction whose stem overshoots the cross street by 2 m without leaving a stub', () => {
    const n = node([
      { pts: [[0, 0], [200, 0]] },
      { pts: [[100, -2], [100, 80]] },
    ]);
    expect(components(n)).toBe(1);
    expect(n.edgeCount).toBe(3);
    expect(Math.min(...n.edgeLengthM)).toBeGreaterThan(50);
  });

  it('leaves a stem 5 m short of the cross street unjoined (beyond the 3 m tolerance)', () => {
    const n = node([
      { pts: [[0, 0], [200, 0]] },
      { pts: [[100, 5], [100, 80]] },
    ]);
    expect(components(n)).toBe(2);
    expect(n.edgeCount).toBe(2);
  });

  it('does not join a street ending 2 m from a motorway, but joins a motorway ramp ending on it', () => {
    const street = node([
      { pts: [[0, 0], [400, 0]], roadClass: RoadClass.motorway, oneway: 1 },
      { pts: [[200, 2], [200, 80]] },
    ]);
    expect(components(street)).toBe(2);
    const ramp = node([
      { pts: [[0, 0], [400, 0]], roadClass: RoadClass.motorway, oneway: 1 },
      { pts: [[200, 1], [300, 80]], roadClass: RoadClass.motorwayLink, oneway: 1 },
    ]);
    expect(components(ramp)).toBe(1);
    expect(ramp.edgeCount).toBe(3);
  });

  it('joins the pieces of a street cut at a tile edge whose ends are 0.8 m or (same level) 2.5 m apart', () => {
    const n = node([
      { pts: [[0, 0], [100, 0]] },
      { pts: [[100.8, 0], [200, 0]] },
      { pts: [[0, 300], [100, 300]], structure: Structure.bridge, layer: 1 },
      { pts: [[102.5, 300], [200, 300]], structure: Structure.bridge, layer: 1 },
    ]);
    expect(components(n)).toBe(2);
    expect(n.edgeCount).toBe(4);
    expect(n.nodeCount).toBe(6);
  });

  it('joins a bridge to its approach at a shared end but not a bridge end 2.5 m from a street end', () => {
    const shared = node([
      { pts: [[0, 0], [100, 0]] },
      { pts: [[100, 0], [200, 0]], structure: Structure.bridge, layer: 1 },
    ]);
    expect(components(shared)).toBe(1);
    const apart = node([
      { pts: [[0, 0], [100, 0]] },
      { pts: [[102.5, 0], [200, 0]], structure: Structure.bridge, layer: 1 },
    ]);
    expect(components(apart)).toBe(2);
  });

  it('keeps one-way flags and the drawn direction of each piece', () => {
    const n = node([
      { pts: [[0, 0], [200, 0]], oneway: 1 },
      { pts: [[100, 100], [100, -100]], oneway: -1 },
    ]);
    expect(n.edgeCount).toBe(4);
    for (let e = 0; e < 4; e++) {
      const [fx, fy] = nodeOffset(n.xs, n.ys, n.edgeFrom[e]);
      const [tx, ty] = nodeOffset(n.xs, n.ys, n.edgeTo[e]);
      if (n.edgeLine[e] === 0) {
        expect(n.edgeOneway[e]).toBe(1);
        expect(tx).toBeGreaterThan(fx);
      } else {
        expect(n.edgeOneway[e]).toBe(-1);
        expect(ty).toBeLessThan(fy);
      }
    }
  });

  it('keeps geometry: edge vertices start and end at their nodes and follow the line', () => {
    const n = node([
      { pts: [[0, 0], [50, 10], [100, 0], [150, 10], [200, 0]] },
      { pts: [[75, -50], [75, 50]] },
    ]);
    let vertices = 0;
    for (let e = 0; e < n.edgeCount; e++) {
      const a = n.edgeGeomStart[e], b = n.edgeGeomStart[e + 1] - 1;
      expect(n.geomXs[a]).toBe(n.xs[n.edgeFrom[e]]);
      expect(n.geomYs[b]).toBe(n.ys[n.edgeTo[e]]);
      expect(n.geomLons[a]).toBeCloseTo(n.lons[n.edgeFrom[e]], 12);
      let len = 0;
      for (let q = a + 1; q <= b; q++) len += Math.hypot(n.geomXs[q] - n.geomXs[q - 1], n.geomYs[q] - n.geomYs[q - 1]);
      expect(len).toBeCloseTo(n.edgeLengthM[e], 9);
      vertices += b - a + 1;
    }
    expect(vertices).toBe(n.geomXs.length);
    expect(totalM(n)).toBeCloseTo(4 * Math.hypot(50, 10) + 100, 6);
  });

  it('drops a duplicate of a line (a street on a tile edge read from both tiles)', () => {
    const n = node([
      { pts: [[0, 0], [100, 0]], oneway: 1, name: 'W Main St' },
      { pts: [[100, 0], [0, 0]], oneway: 1 },
    ]);
    expect(n.edgeCount).toBe(1);
    expect(n.report.duplicateEdges).toBe(1);
    expect(n.edgeOneway[0]).toBe(0); // one drawn each way: both directions
    expect(n.names[n.edgeName[0]]).toBe('W Main St');
  });

  it('keeps two one-way carriageways between the same nodes that run apart', () => {
    const n = node([
      { pts: [[0, 0], [50, 15], [100, 0]], oneway: 1 },
      { pts: [[100, 0], [50, -15], [0, 0]], oneway: 1 },
    ]);
    expect(n.edgeCount).toBe(2);
    expect(n.report.duplicateEdges).toBe(0);
  });

  it('with splitCrossings false, joins only crossings at a shared vertex', () => {
    const lines = [
      { pts: [[0, 0], [100, 100]] as [number, number][] },
      { pts: [[0, 100], [100, 0]] as [number, number][] },
      { pts: [[200, 0], [250, 50], [300, 100]] as [number, number][] },
      { pts: [[200, 100], [250, 50], [300, 0]] as [number, number][] },
    ];
    const n = node(lines, { splitCrossings: false });
    expect(components(n)).toBe(3);
    expect(n.edgeCount).toBe(2 + 4);
  });

  it('keeps a closed ring as one loop edge and drops lines shorter than the snap distance', () => {
    const n = node([
      { pts: [[0, 0], [100, 0], [100, 100], [0, 100], [0, 0]] },
      { pts: [[500, 0], [501, 0]] },
    ]);
    expect(n.edgeCount).toBe(1);
    expect(n.edgeFrom[0]).toBe(n.edgeTo[0]);
    expect(n.edgeLengthM[0]).toBeCloseTo(400, 6);
    expect(n.report.piecesIn).toBe(2);
    expect(n.report.piecesKept).toBe(1);
  });

  it('reports input and kept length and projects into the local UTM zone by default', () => {
    const n = nodeLines(linesFromMetres([{ pts: [[0, 0], [0, 1000]] }]));
    expect(n.crs).toBe('EPSG:32616');
    expect(n.report.kmIn).toBeCloseTo(1, 6);
    expect(n.report.kmKept).toBeCloseTo(1, 6);
  });

  it('rejects bad tolerances', () => {
    const lines = linesFromMetres([{ pts: [[0, 0], [10, 0]] }]);
    expect(() => nodeLines(lines, { snapM: NaN })).toThrow(RangeError);
    expect(() => nodeLines(lines, { snapM: 2, crossTolM: 1 })).toThrow(/crossTolM/);
    expect(() => nodeLines(lines, { cellM: 0 })).toThrow(/cellM/);
  });

  it('gives the same network whatever the grid cell size', () => {
    const lines = [];
    for (let k = 0; k < 12; k++) {
      lines.push({ pts: [[-100, k * 37], [600, k * 37 + 20]] as [number, number][] });
      lines.push({ pts: [[k * 41 + 1.5, -100], [k * 41 - 30, 560]] as [number, number][] });
    }
    const a = node(lines, { cellM: 7 }), b = node(lines, { cellM: 1000 });
    expect(a.edgeCount).toBe(b.edgeCount);
    expect(a.nodeCount).toBe(b.nodeCount);
    expect([...a.edgeLengthM]).toEqual([...b.edgeLengthM]);
    expect(a.report.crossingsSplit).toBe(144); // 12 x 12, all well inside both lines
    expect(a.edgeCount).toBe(24 * 13);
  });
});
