/**
 * Connected components of an undirected graph given as an edge list (one-way flags ignored: a
 * street network's weak components), by union–find with path halving.
 */

export interface Components {
  /** Number of components among the nodes that have at least one edge. */
  count: number;
  /** Component id per node, 0 .. count - 1 in order of first appearance; -1 for nodes with no edge. */
  nodeComponent: Int32Array;
}

export function connectedComponents(nodeCount: number, edgeFrom: Uint32Array, edgeTo: Uint32Array): Components {
  const parent = new Int32Array(nodeCount);
  for (let v = 0; v < nodeCount; v++) parent[v] = v;
  const find = (v: number): number => {
    while (parent[v] !== v) {
      parent[v] = parent[parent[v]];
      v = parent[v];
    }
    return v;
  };
  const used = new Uint8Array(nodeCount);
  for (let e = 0; e < edgeFrom.length; e++) {
    const a = edgeFrom[e], b = edgeTo[e];
    if (!(a < nodeCount && b < nodeCount)) throw new RangeError(`edge ${e} refers to node ${Math.max(a, b)} of ${nodeCount}`);
    used[a] = used[b] = 1;
    const ra = find(a), rb = find(b);
    if (ra !== rb) parent[ra < rb ? rb : ra] = ra < rb ? ra : rb;
  }
  const nodeComponent = new Int32Array(nodeCount).fill(-1);
  const rootComponent = new Int32Array(nodeCount).fill(-1);
  let count = 0;
  for (let v = 0; v < nodeCount; v++) {
    if (!used[v]) continue;
    const r = find(v);
    if (rootComponent[r] < 0) rootComponent[r] = count++;
    nodeComponent[v] = rootComponent[r];
  }
  return { count, nodeComponent };
}
