/**
 * Keep only the largest connected component of a street network (by total edge length; one-way
 * flags ignored), and say in the report what was dropped. Pieces of street that reach the rest
 * of the network only through a gap the noding tolerance did not close (a parking lot's aisles,
 * a tunnel approach whose end was cut, an island of alleys) would otherwise strand a stop that
 * snaps onto them.
 */
import { connectedComponents } from './connected_components.ts';
import { selectEdges } from './select_edges.ts';
import type { StreetNetwork } from './street_network.ts';

export function keepLargestComponent(net: StreetNetwork): StreetNetwork {
  const { count, nodeComponent } = connectedComponents(net.nodeCount, net.edgeFrom, net.edgeTo);
  if (count <= 1) return { ...net, report: { ...net.report, components: count, droppedComponents: 0, droppedKm: 0 } };
  const lengthM = new Float64Array(count);
  for (let e = 0; e < net.edgeCount; e++) lengthM[nodeComponent[net.edgeFrom[e]]] += net.edgeLengthM[e];
  let best = 0;
  for (let c = 1; c < count; c++) if (lengthM[c] > lengthM[best]) best = c;
  const keep = new Uint8Array(net.edgeCount);
  let droppedM = 0;
  for (let e = 0; e < net.edgeCount; e++) {
    if (nodeComponent[net.edgeFrom[e]] === best) keep[e] = 1;
    else droppedM += net.edgeLengthM[e];
  }
  const out = selectEdges(net, keep);
  const lineUsed = new Uint8Array(net.report.piecesIn);
  for (let e = 0; e < out.edgeCount; e++) lineUsed[out.edgeLine[e]] = 1;
  let piecesKept = 0;
  for (let i = 0; i < lineUsed.length; i++) piecesKept += lineUsed[i];
  out.report = {
    ...net.report,
    piecesKept,
    kmKept: lengthM[best] / 1000,
    components: count,
    droppedComponents: count - 1,
    droppedKm: droppedM / 1000,
  };
  return out;
}
