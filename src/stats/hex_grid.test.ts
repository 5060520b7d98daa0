import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import { countPointsOnHexGrid, hexAreaM2, hexCellRing, hexCentre, hexGridForExtent, hexIndexOf } from './hex_grid.ts';
import { seededRandom } from '../../test/stats/reference.ts';

describe('hex grids', () => {
  it("counts equal Turf's pointsWithinPolygon on each hexagon for a random sample", () => {
    const rnd = seededRandom(11);
    const n = 2000;
    const xs = Float64Array.from({ length: n }, () => rnd() * 1200);
    const ys = Float64Array.from({ length: n }, () => rnd() * 900);
    const g = hexGridForExtent({ minX: 0, minY: 0, maxX: 1200, maxY: 900 }, 100);
    const r = countPointsOnHexGrid(g, xs, ys);
    expect(r.inside).toBe(n);
    const pts = turf.featureCollection(Array.from(xs, (x, i) => turf.point([x, ys[i]])));
    for (let c = 0; c < g.width * g.height; c++) {
      const hex = turf.polygon([hexCellRing(g, c)]);
      expect(turf.pointsWithinPolygon(pts, hex).features.length).toBe(r.values[c]);
    }
  });
  it('has the hexagon area spacing² sqrt(3)/2 (Turf area of the ring, planar shoelace)', () => {
    const g = hexGridForExtent({ minX: 0, minY: 0, maxX: 500, maxY: 500 }, 100);
    const ring = hexCellRing(g, 7);
    let a = 0;
    for (let i = 0; i < 6; i++) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
    expect(a / 2).toBeCloseTo(hexAreaM2(100), 8);
  });
  it('gives a point equally near two centres to the larger index', () => {
    const g = hexGridForExtent({ minX: 0, minY: 0, maxX: 500, maxY: 500 }, 100);
    const c = 2 + 3 * g.width; // row 3 (odd), col 2
    const [x, y] = hexCentre(g, c);
    // Midpoint between this centre and its right-hand neighbour lies on their shared edge.
    expect(hexIndexOf(g, x + 50, y)).toBe(c + 1);
    expect(hexIndexOf(g, x + 49.999, y)).toBe(c);
  });
  it('returns -1 outside the grid', () => {
    const g = hexGridForExtent({ minX: 0, minY: 0, maxX: 100, maxY: 100 }, 50);
    expect(hexIndexOf(g, -1000, 0)).toBe(-1);
    expect(hexIndexOf(g, NaN, 0)).toBe(-1);
  });
});
