/**
 * Strongly connected components of a road graph (Kosaraju's two-pass algorithm, iterative, on
 * typed arrays). With one-way streets a car may enter a dead end it cannot leave; stops snapped
 * to the largest strong component can always be reached from, and return to, each other.
 *
 * Reference: M. Sharir, "A strong-connectivity algorithm and its applications in data flow
 * analysis", Computers & Mathematics with Applications 7 (1981) 67–72.
 */
import { reverseRoadGraph, type RoadGraph } from './road_graph.ts';

export interface StrongComponents {
  /** Component id of each node, 0 .. count - 1. */
  component: Int32Array;
  count: number;
  /** Number of nodes in each component. */
  sizes: Uint32Array;
}

/** Label every node with its strongly connected component. */
export function strongComponents(graph: RoadGraph): StrongComponents {
  const n = graph.nodeCount;
  const { arcOffset, arcTo } = graph;
  // Pass 1: finishing order of a depth-first search over the graph.
  const order = new Int32Array(n);
  let orderCount = 0;
  const visited = new Uint8Array(n);
  const stack = new Int32Array(n);
  const cursor = new Uint32Array(n);
  for (let s = 0; s < n; s++) {
    if (visited[s]) continue;
    let top = 0;
    stack[0] = s;
    visited[s] = 1;
    cursor[s] = arcOffset[s];
    while (top >= 0) {
      const u = stack[top];
      if (cursor[u] < arcOffset[u + 1]) {
        const v = arcTo[cursor[u]++];
        if (!visited[v]) {
          visited[v] = 1;
          cursor[v] = arcOffset[v];
          stack[++top] = v;
        }
      } else {
        order[orderCount++] = u;
        top--;
      }
    }
  }
  // Pass 2: on the reverse graph, in reverse finishing order, each search is one component.
  const rev = reverseRoadGraph(graph);
  const component = new Int32Array(n).fill(-1);
  const sizesList: number[] = [];
  for (let k = n - 1; k >= 0; k--) {
    const s = order[k];
    if (component[s] >= 0) continue;
    const id = sizesList.length;
    let size = 0, top = 0;
    stack[0] = s;
    component[s] = id;
    while (top >= 0) {
      const u = stack[top--];
      size++;
      for (let a = rev.arcOffset[u], end = rev.arcOffset[u + 1]; a < end; a++) {
        const v = rev.arcTo[a];
        if (component[v] < 0) {
          component[v] = id;
          stack[++top] = v;
        }
      }
    }
    sizesList.push(size);
  }
  return { component, count: sizesList.length, sizes: Uint32Array.from(sizesList) };
}

/**
 * Mask of the nodes in the largest strong component (1 = in it). Ties go to the component found
 * first. Nodes with no arcs at all are never in it unless the graph has no arcs.
 */
export function largestStrongComponentMask(graph: RoadGraph): Uint8Array {
  const { component, count, sizes } = strongComponents(graph);
  let best = 0;
  for (let c = 1; c < count; c++) if (sizes[c] > sizes[best]) best = c;
  const mask = new Uint8Array(graph.nodeCount);
  for (let v = 0; v < graph.nodeCount; v++) mask[v] = component[v] === best ? 1 : 0;
  return mask;
}
