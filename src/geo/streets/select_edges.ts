/**
 * A street network restricted to some of its edges: the edges with keep[e] = 1, in their order,
 * and the nodes they use, renumbered in order of first use (edge order, from before to). Names
 * and the report are carried over unchanged (callers update the report).
 */
import type { StreetNetwork } from './street_network.ts';

export function selectEdges(net: StreetNetwork, keep: Uint8Array): StreetNetwork {
  if (keep.length !== net.edgeCount) throw new RangeError(`keep has ${keep.length} flags for ${net.edgeCount} edges`);
  const newId = new Int32Array(net.nodeCount).fill(-1);
  let edgeCount = 0, nodeCount = 0, geomCount = 0;
  for (let e = 0; e < net.edgeCount; e++) {
    if (!keep[e]) continue;
    edgeCount++;
    geomCount += net.edgeGeomStart[e + 1] - net.edgeGeomStart[e];
    if (newId[net.edgeFrom[e]] < 0) newId[net.edgeFrom[e]] = nodeCount++;
    if (newId[net.edgeTo[e]] < 0) newId[net.edgeTo[e]] = nodeCount++;
  }
  const out: StreetNetwork = {
    crs: net.crs,
    nodeCount,
    xs: new Float64Array(nodeCount),
    ys: new Float64Array(nodeCount),
    lons: new Float64Array(nodeCount),
    lats: new Float64Array(nodeCount),
    edgeCount,
    edgeFrom: new Uint32Array(edgeCount),
    edgeTo: new Uint32Array(edgeCount),
    edgeLengthM: new Float64Array(edgeCount),
    edgeClass: new Uint8Array(edgeCount),
    edgeOneway: new Int8Array(edgeCount),
    edgeName: new Uint32Array(edgeCount),
    edgeStructure: new Uint8Array(edgeCount),
    edgeLine: new Uint32Array(edgeCount),
    names: net.names,
    edgeGeomStart: new Uint32Array(edgeCount + 1),
    geomXs: new Float64Array(geomCount),
    geomYs: new Float64Array(geomCount),
    geomLons: new Float64Array(geomCount),
    geomLats: new Float64Array(geomCount),
    report: { ...net.report },
  };
  for (let v = 0; v < net.nodeCount; v++) {
    const w = newId[v];
    if (w < 0) continue;
    out.xs[w] = net.xs[v];
    out.ys[w] = net.ys[v];
    out.lons[w] = net.lons[v];
    out.lats[w] = net.lats[v];
  }
  let f = 0, g = 0;
  for (let e = 0; e < net.edgeCount; e++) {
    if (!keep[e]) continue;
    out.edgeFrom[f] = newId[net.edgeFrom[e]];
    out.edgeTo[f] = newId[net.edgeTo[e]];
    out.edgeLengthM[f] = net.edgeLengthM[e];
    out.edgeClass[f] = net.edgeClass[e];
    out.edgeOneway[f] = net.edgeOneway[e];
    out.edgeName[f] = net.edgeName[e];
    out.edgeStructure[f] = net.edgeStructure[e];
    out.edgeLine[f] = net.edgeLine[e];
    out.edgeGeomStart[f] = g;
    const a = net.edgeGeomStart[e], b = net.edgeGeomStart[e + 1];
    out.geomXs.set(net.geomXs.subarray(a, b), g);
    out.geomYs.set(net.geomYs.subarray(a, b), g);
    out.geomLons.set(net.geomLons.subarray(a, b), g);
    out.geomLats.set(net.geomLats.subarray(a, b), g);
    g += b - a;
    f++;
  }
  out.edgeGeomStart[edgeCount] = g;
  return out;
}
