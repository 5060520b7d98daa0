/**
 * Shortest (fastest) paths on a {@link RoadGraph}: Dijkstra's algorithm with an indexed binary
 * heap on typed arrays, one-to-all, one-to-some (stops once every target is settled) and
 * point-to-point with A* (straight-line distance at the profile's top speed as the bound, when
 * the graph has node coordinates).
 *
 * A {@link ShortestPathSearch} owns its work arrays and is reused across searches on the same
 * graph; each search resets only the nodes the previous one touched. Times are seconds;
 * unreached nodes have time Infinity and predecessor arc -1.
 *
 * Reference: E. W. Dijkstra, "A note on two problems in connexion with graphs", Numerische
 * Mathematik 1 (1959) 269–271; P. Hart, N. Nilsson, B. Raphael, "A formal basis for the heuristic
 * determination of minimum cost paths", IEEE Trans. SSC 4 (1968) 100–107.
 */
import { NodeHeap } from './node_heap.ts';
import type { RoadGraph } from './road_graph.ts';

/**
 * The A* bound is shrunk by this factor so that street lengths measured a little shorter than
 * the straight line between their end nodes (rounding, a different scale factor of the CRS) keep
 * it admissible.
 */
const heuristicSlack = 0.99;

export class ShortestPathSearch {
  readonly graph: RoadGraph;
  /** Time from the last search's source to each node, seconds (Infinity: not reached). */
  readonly timeS: Float64Array;
  /** Arc by which each node was reached in the last search, or -1. */
  readonly predArc: Int32Array;
  /** Source node of the last search, or -1 before the first. */
  source = -1;
  private readonly heap: NodeHeap;
  private readonly settled: Uint8Array;
  private readonly touched: Int32Array;
  private touchedCount = 0;
  private readonly targetMark: Uint8Array;

  constructor(graph: RoadGraph) {
    this.graph = graph;
    const n = graph.nodeCount;
    this.timeS = new Float64Array(n).fill(Infinity);
    this.predArc = new Int32Array(n).fill(-1);
    this.heap = new NodeHeap(n);
    this.settled = new Uint8Array(n);
    this.touched = new Int32Array(n);
    this.targetMark = new Uint8Array(n);
  }

  private reset(source: number): void {
    if (!(Number.isInteger(source) && source >= 0 && source < this.graph.nodeCount)) {
      throw new RangeError(`source node must be an integer in 0..${this.graph.nodeCount - 1}, got ${source}`);
    }
    const { timeS, predArc, settled, touched } = this;
    for (let i = 0; i < this.touchedCount; i++) {
      const v = touched[i];
      timeS[v] = Infinity;
      predArc[v] = -1;
      settled[v] = 0;
    }
    this.touchedCount = 0;
    this.heap.clear();
    this.source = source;
    timeS[source] = 0;
    touched[this.touchedCount++] = source;
    this.heap.push(source, 0);
  }

  /**
   * Dijkstra from `source` to every node (or every node within `maxTimeS` seconds). Afterwards
   * `timeS` and `predArc` hold the tree.
   */
  oneToAll(source: number, maxTimeS = Infinity): void {
    this.reset(source);
    const { heap, timeS, settled } = this;
    while (heap.size > 0) {
      if (heap.peekKey() > maxTimeS) break;
      const u = heap.pop();
      settled[u] = 1;
      this.relax(u, timeS[u]);
    }
  }

  /**
   * Dijkstra from `source` until every node in `targets` is settled (or none is left reachable),
   * then write the time to each target into `out[outOffset + j]` (Infinity when unreachable).
   * Nodes may repeat in `targets`.
   */
  toTargets(source: number, targets: ArrayLike<number>, out: Float64Array, outOffset = 0): void {
    this.reset(source);
    const { heap, timeS, settled, targetMark, graph } = this;
    let remaining = 0;
    for (let j = 0; j < targets.length; j++) {
      const t = targets[j];
      if (!(t >= 0 && t < graph.nodeCount)) throw new RangeError(`target ${j}: node ${t} out of range (nodeCount ${graph.nodeCount})`);
      if (!targetMark[t]) { targetMark[t] = 1; remaining++; }
    }
    while (heap.size > 0 && remaining > 0) {
      const u = heap.pop();
      settled[u] = 1;
      if (targetMark[u]) remaining--;
      this.relax(u, timeS[u]);
    }
    for (let j = 0; j < targets.length; j++) {
      const t = targets[j];
      targetMark[t] = 0;
      out[outOffset + j] = settled[t] ? timeS[t] : (t === source ? 0 : Infinity);
    }
  }

  /**
   * Fastest path from `source` to `target`: A* when the graph has node coordinates, Dijkstra with
   * an early exit otherwise. Returns the time in seconds (Infinity when unreachable); the path is
   * then read with {@link pathArcsTo}.
   */
  pointToPoint(source: number, target: number): number {
    const { graph } = this;
    if (!(target >= 0 && target < graph.nodeCount)) throw new RangeError(`target node ${target} out of range (nodeCount ${graph.nodeCount})`);
    this.reset(source);
    const { heap, timeS, settled, touched, predArc } = this;
    const xs = graph.nodeXs, ys = graph.nodeYs;
    const useBound = xs !== undefined && ys !== undefined && graph.maxSpeedMps > 0;
    const tx = useBound ? xs[target] : 0, ty = useBound ? ys[target] : 0;
    const inv = useBound ? heuristicSlack / graph.maxSpeedMps : 0;
    const { arcOffset, arcTo, arcTimeS } = graph;
    while (heap.size > 0) {
      const u = heap.pop();
      if (settled[u]) continue;
      settled[u] = 1;
      if (u === target) return timeS[u];
      const tu = timeS[u];
      for (let a = arcOffset[u], end = arcOffset[u + 1]; a < end; a++) {
        const v = arcTo[a];
        if (settled[v]) continue;
        const t = tu + arcTimeS[a];
        if (t < timeS[v]) {
          if (timeS[v] === Infinity) touched[this.touchedCount++] = v;
          timeS[v] = t;
          predArc[v] = a;
          const h = useBound ? Math.hypot(xs![v] - tx, ys![v] - ty) * inv : 0;
          heap.push(v, t + h);
        }
      }
    }
    return Infinity;
  }

  private relax(u: number, tu: number): void {
    const { arcOffset, arcTo, arcTimeS } = this.graph;
    const { timeS, predArc, settled, heap, touched } = this;
    for (let a = arcOffset[u], end = arcOffset[u + 1]; a < end; a++) {
      const v = arcTo[a];
      if (settled[v]) continue;
      const t = tu + arcTimeS[a];
      if (t < timeS[v]) {
        if (timeS[v] === Infinity) touched[this.touchedCount++] = v;
        timeS[v] = t;
        predArc[v] = a;
        heap.push(v, t);
      }
    }
  }

  /**
   * Arcs of the last search's path from its source to `target`, in travel order; empty when
   * target is the source, null when the target was not reached.
   */
  pathArcsTo(target: number): Int32Array | null {
    if (target === this.source) return new Int32Array(0);
    if (this.predArc[target] < 0) return null;
    const { predArc } = this;
    const { arcOffset } = this.graph;
    let count = 0;
    for (let v = target; v !== this.source; v = tailOf(arcOffset, predArc[v])) count++;
    const out = new Int32Array(count);
    for (let v = target, i = count - 1; v !== this.source; i--) {
      const a = predArc[v];
      out[i] = a;
      v = tailOf(arcOffset, a);
    }
    return out;
  }
}

/** Tail node of arc `a`: the v with arcOffset[v] <= a < arcOffset[v + 1] (binary search). */
export function tailOf(arcOffset: Uint32Array, a: number): number {
  let lo = 0, hi = arcOffset.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (arcOffset[mid] <= a) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A path as input street pieces, for drawing: edge ids and whether each is walked as drawn. */
export interface EdgePath {
  /** RoadNetwork edge ids in travel order. */
  edges: Uint32Array;
  /** 1 when edge i is travelled from edgeFrom to edgeTo, 0 when against its drawn direction. */
  forward: Uint8Array;
  /** Nodes visited, source first, target last (edges.length + 1 of them). */
  nodes: Uint32Array;
  /** Total travel time, seconds. */
  timeS: number;
}

/** Turn arcs of a path (from {@link ShortestPathSearch.pathArcsTo}) into street pieces. */
export function edgePathOf(graph: RoadGraph, source: number, arcs: Int32Array): EdgePath {
  const edges = new Uint32Array(arcs.length);
  const forward = new Uint8Array(arcs.length);
  const nodes = new Uint32Array(arcs.length + 1);
  nodes[0] = source;
  let timeS = 0;
  for (let i = 0; i < arcs.length; i++) {
    const a = arcs[i];
    edges[i] = graph.arcEdge[a];
    forward[i] = graph.arcForward[a];
    nodes[i + 1] = graph.arcTo[a];
    timeS += graph.arcTimeS[a];
  }
  return { edges, forward, nodes, timeS };
}

/**
 * The fastest path between two nodes as street pieces, or null when `target` cannot be reached
 * from `source`. Pass a `search` to reuse its work arrays over many calls.
 */
export function fastestPath(graph: RoadGraph, source: number, target: number, search = new ShortestPathSearch(graph)): EdgePath | null {
  if (search.graph !== graph) throw new RangeError('search was made for another graph');
  const t = search.pointToPoint(source, target);
  if (t === Infinity) return null;
  return edgePathOf(graph, source, search.pathArcsTo(target)!);
}

/** Travel time from `source` to every node, seconds (Infinity where unreachable). */
export function travelTimesFrom(graph: RoadGraph, source: number, maxTimeS = Infinity): Float64Array {
  const search = new ShortestPathSearch(graph);
  search.oneToAll(source, maxTimeS);
  return search.timeS.slice();
}
