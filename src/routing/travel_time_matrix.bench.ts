/**
 * Many-to-many travel times at city scale: a 283 × 283 street grid (80 089 nodes, 80 m blocks,
 * every 7th street a primary, every 5th one-way), car profile, 100 stops spread over the whole
 * grid. Run: `npx vitest bench src/routing/travel_time_matrix.bench.ts`.
 *
 * Baseline (2-core VM shared with other jobs, Node 20, `npx vitest bench --run` on this file):
 * graph build 4.4 ms mean, 100 × 100 matrix 433 ms mean.
 */
import { bench, describe } from 'vitest';
import { RoadClass } from './road_class.ts';
import { buildRoadGraph, carProfile, type RoadNetwork } from './road_graph.ts';
import { travelTimeMatrix } from './travel_time_matrix.ts';

function gridNetwork(w: number, h: number): RoadNetwork {
  const from: number[] = [], to: number[] = [];
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      if (c + 1 < w) { from.push(c + r * w); to.push(c + 1 + r * w); }
      if (r + 1 < h) { from.push(c + r * w); to.push(c + (r + 1) * w); }
    }
  }
  const m = from.length;
  const edgeClass = new Uint8Array(m), edgeOneway = new Int8Array(m);
  for (let e = 0; e < m; e++) {
    edgeClass[e] = e % 7 === 0 ? RoadClass.primary : RoadClass.street;
    edgeOneway[e] = e % 5 === 0 ? 1 : 0;
  }
  return { nodeCount: w * h, edgeFrom: Uint32Array.from(from), edgeTo: Uint32Array.from(to), edgeLengthM: new Float64Array(m).fill(80), edgeClass, edgeOneway };
}

const net = gridNetwork(283, 283);
const graph = buildRoadGraph(net, carProfile);
const stops = Array.from({ length: 100 }, (_, i) => (i * 7919 * 13) % net.nodeCount);

describe('road graph at city scale (80k nodes)', () => {
  bench('buildRoadGraph, car', () => { buildRoadGraph(net, carProfile); }, { iterations: 5 });
  bench('travelTimeMatrix 100 × 100', () => { travelTimeMatrix(graph, stops, stops); }, { iterations: 3 });
});
