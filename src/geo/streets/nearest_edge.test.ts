import { describe, expect, it } from 'vitest';
import { linesFromMetres, TEST_CRS } from '../../../test/streets/test_lines.ts';
import { RoadClass } from '../../routing/road_class.ts';
import { buildEdgeIndex, nearestEdge, nearestEdgeName } from './nearest_edge.ts';
import { nodeLines } from './node_lines.ts';

const X0 = 440000, Y0 = 4640000;

describe('nearestEdge', () => {
  const net = nodeLines(linesFromMetres([
    { pts: [[0, 0], [1000, 0]], name: 'W Fullerton Ave' },
    { pts: [[0, 100], [1000, 100]], name: 'W Altgeld St' },
    { pts: [[0, 60], [1000, 60]], roadClass: RoadClass.alley },
    { pts: [[500, -300], [500, -200], [700, -200]], name: 'N Bend St' },
  ]), { crs: TEST_CRS });
  const index = buildEdgeIndex(net, 50);

  it('finds the nearest edge, the distance to it and the point on it', () => {
    const hit = nearestEdge(index, X0 + 300, Y0 + 10)!;
    expect(net.names[net.edgeName[hit.edge]]).toBe('W Fullerton Ave');
    expect(hit.distanceM).toBeCloseTo(10, 6);
    expect(hit.x - X0).toBeCloseTo(300, 6);
    expect(hit.y - Y0).toBeCloseTo(0, 6);
    expect(hit.alongM).toBeCloseTo(300, 6);
  });

  it('measures alongM along a bent edge from its first node', () => {
    const hit = nearestEdge(index, X0 + 650, Y0 - 190)!;
    expect(net.names[net.edgeName[hit.edge]]).toBe('N Bend St');
    expect(hit.alongM).toBeCloseTo(100 + 150, 6);
  });

  it('returns null beyond maxDistanceM and searches far when allowed', () => {
    expect(nearestEdge(index, X0 + 300, Y0 + 900, { maxDistanceM: 500 })).toBeNull();
    const far = nearestEdge(index, X0 + 300, Y0 + 900, { maxDistanceM: 1000 })!;
    expect(far.distanceM).toBeCloseTo(800, 6);
  });

  it('nearestEdgeName skips the unnamed alley for the nearest named street', () => {
    expect(nearestEdgeName(index, X0 + 300, Y0 + 62)).toBe('W Altgeld St');
    expect(nearestEdgeName(index, X0 + 300, Y0 + 20)).toBe('W Fullerton Ave');
    expect(nearestEdgeName(index, X0 + 300, Y0 + 5000)).toBe('');
  });

  it('agrees with a scan over every edge vertex-segment', () => {
    for (let k = 0; k < 200; k++) {
      const px = X0 - 100 + ((k * 7919) % 1200), py = Y0 - 400 + ((k * 104729) % 600);
      let best = Infinity;
      for (let e = 0; e < net.edgeCount; e++) {
        for (let q = net.edgeGeomStart[e]; q + 1 < net.edgeGeomStart[e + 1]; q++) {
          const ax = net.geomXs[q], ay = net.geomYs[q], dx = net.geomXs[q + 1] - ax, dy = net.geomYs[q + 1] - ay;
          const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
          best = Math.min(best, Math.hypot(ax + t * dx - px, ay + t * dy - py));
        }
      }
      expect(nearestEdge(index, px, py, { maxDistanceM: 5000 })!.distanceM).toBeCloseTo(best, 9);
    }
  });
});
