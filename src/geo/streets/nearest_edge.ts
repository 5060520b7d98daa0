/**
 * The street edge nearest to a point, through a segment grid over the edge geometry built once
 * per network: for snapping stops onto streets and for naming places ("W Fullerton Ave") in route
 * sheets and hot-spot tables.
 *
 * A query scans the grid cells within r of the point for r = cell, 2 cell, 4 cell, ... up to
 * maxDistanceM, and stops at the first r within which something was found (any segment closer
 * than r has a cell inside that box). Distances are planar metres in the network's CRS.
 */
import { buildSegmentGrid, gridCol, gridRow, type SegmentGrid } from './segment_grid.ts';
import type { StreetNetwork } from './street_network.ts';

export interface EdgeIndex {
  net: StreetNetwork;
  grid: SegmentGrid;
  /** Segment s runs from geometry vertex segFirst[s] to the next; it belongs to edge segEdge[s]. */
  segFirst: Uint32Array;
  segEdge: Uint32Array;
  /** Distance along the edge to the start of each geometry vertex, metres. */
  geomAlongM: Float64Array;
}

export interface NearestEdge {
  edge: number;
  /** Distance from the point to the edge, metres. */
  distanceM: number;
  /** Distance along the edge geometry from edgeFrom to the nearest point, metres. */
  alongM: number;
  /** The nearest point on the edge, planar metres. */
  x: number;
  y: number;
}

/** Index a network's edge geometry. @param cellM grid cell side, metres (default 100) */
export function buildEdgeIndex(net: StreetNetwork, cellM = 100): EdgeIndex {
  if (!(cellM > 0)) throw new RangeError(`cellM must be > 0, got ${cellM}`);
  const segCount = net.geomXs.length - net.edgeCount;
  const segFirst = new Uint32Array(Math.max(0, segCount)), segEdge = new Uint32Array(Math.max(0, segCount));
  const geomAlongM = new Float64Array(net.geomXs.length);
  let s = 0;
  for (let e = 0; e < net.edgeCount; e++) {
    const a = net.edgeGeomStart[e], b = net.edgeGeomStart[e + 1];
    for (let q = a; q + 1 < b; q++) {
      segFirst[s] = q;
      segEdge[s++] = e;
      geomAlongM[q + 1] = geomAlongM[q] + Math.hypot(net.geomXs[q + 1] - net.geomXs[q], net.geomYs[q + 1] - net.geomYs[q]);
    }
  }
  const grid = buildSegmentGrid(net.geomXs, net.geomYs, segFirst, s, { cellSize: cellM });
  return { net, grid, segFirst: segFirst.subarray(0, s), segEdge: segEdge.subarray(0, s), geomAlongM };
}

export interface NearestEdgeOptions {
  /** Ignore edges farther than this, metres. @default 250 */
  maxDistanceM?: number;
  /** Only edges for which this returns true. */
  accept?: (edge: number) => boolean;
}

/** The nearest edge to planar point (x, y), or null if none is within maxDistanceM. */
export function nearestEdge(index: EdgeIndex, x: number, y: number, options: NearestEdgeOptions = {}): NearestEdge | null {
  const maxDistanceM = options.maxDistanceM ?? 250;
  if (!(Number.isFinite(x) && Number.isFinite(y))) throw new RangeError(`point must be finite, got ${x}, ${y}`);
  if (!(maxDistanceM >= 0)) throw new RangeError(`maxDistanceM must be >= 0, got ${maxDistanceM}`);
  const { grid, segFirst, segEdge } = index;
  const gx = index.net.geomXs, gy = index.net.geomYs;
  const accept = options.accept;
  let best = -1, bestD2 = maxDistanceM * maxDistanceM, bestT = 0;
  for (let r = grid.cellSize; ; r *= 2) {
    const rr = Math.min(r, maxDistanceM);
    const c0 = gridCol(grid, x - rr), c1 = gridCol(grid, x + rr);
    const r0 = gridRow(grid, y - rr), r1 = gridRow(grid, y + rr);
    for (let row = r0; row <= r1; row++) {
      for (let col = c0; col <= c1; col++) {
        const cell = col + row * grid.cols;
        for (let it = grid.cellStart[cell]; it < grid.cellStart[cell + 1]; it++) {
          const s = grid.items[it];
          const q = segFirst[s];
          const ax = gx[q], ay = gy[q], dx = gx[q + 1] - ax, dy = gy[q + 1] - ay;
          const l2 = dx * dx + dy * dy;
          let t = l2 > 0 ? ((x - ax) * dx + (y - ay) * dy) / l2 : 0;
          t = t < 0 ? 0 : t > 1 ? 1 : t;
          const ex = ax + t * dx - x, ey = ay + t * dy - y;
          const d2 = ex * ex + ey * ey;
          if (d2 < bestD2 || (d2 === bestD2 && best >= 0 && s < best)) {
            if (accept && !accept(segEdge[s])) continue;
            bestD2 = d2;
            best = s;
            bestT = t;
          }
        }
      }
    }
    if ((best >= 0 && bestD2 <= rr * rr) || rr >= maxDistanceM) break;
  }
  if (best < 0) return null;
  const q = segFirst[best];
  const px = gx[q] + bestT * (gx[q + 1] - gx[q]), py = gy[q] + bestT * (gy[q + 1] - gy[q]);
  return {
    edge: segEdge[best],
    distanceM: Math.sqrt(bestD2),
    alongM: index.geomAlongM[q] + bestT * (index.geomAlongM[q + 1] - index.geomAlongM[q]),
    x: px,
    y: py,
  };
}

/**
 * The name of the nearest named street to planar point (x, y) within maxDistanceM (default 100 m),
 * or '' if there is none (alleys and service roads are usually unnamed, so a point in an alley
 * gets the street beside it).
 */
export function nearestEdgeName(index: EdgeIndex, x: number, y: number, maxDistanceM = 100): string {
  const names = index.net.edgeName;
  const hit = nearestEdge(index, x, y, { maxDistanceM, accept: (e) => names[e] !== 0 });
  return hit ? index.net.names[names[hit.edge]] : '';
}
