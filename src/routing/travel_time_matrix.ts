/**
 * Many-to-many travel times: one Dijkstra search per source, each stopping as soon as every
 * target is settled. On street networks of a city district this is a fraction of a second for
 * 100 × 100 (see travel_time_matrix.bench.ts).
 */
import type { RoadGraph } from './road_graph.ts';
import { ShortestPathSearch } from './shortest_path.ts';

export interface TravelTimeMatrixOptions {
  /** Write into this array (length >= sources × targets) instead of a new one. */
  out?: Float64Array;
  /** Checked between sources; an aborted signal throws its reason. */
  signal?: AbortSignal;
}

/**
 * Travel times from every source node to every target node, seconds, row-major:
 * `out[i * targets.length + j]` is the time from `sources[i]` to `targets[j]`, Infinity where the
 * target cannot be reached (possible with one-way streets), 0 on the diagonal of equal nodes.
 */
export function travelTimeMatrix(
  graph: RoadGraph,
  sources: ArrayLike<number>,
  targets: ArrayLike<number>,
  options: TravelTimeMatrixOptions = {},
): Float64Array {
  const rows = sources.length, cols = targets.length;
  const out = options.out ?? new Float64Array(rows * cols);
  if (out.length < rows * cols) throw new RangeError(`out has ${out.length} cells, need ${rows * cols}`);
  const search = new ShortestPathSearch(graph);
  for (let i = 0; i < rows; i++) {
    if (options.signal?.aborted) throw options.signal.reason ?? new Error('aborted');
    search.toTargets(sources[i], targets, out, i * cols);
  }
  return out;
}
