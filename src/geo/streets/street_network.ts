/**
 * The noded street network: numbered nodes (junctions and dead ends) and undirected edges (street
 * pieces between two nodes), in typed arrays, ready for the routing graph (src/routing builds
 * its CSR graph from nodeCount, edgeFrom, edgeTo, edgeLengthM, edgeClass, edgeOneway).
 *
 * Nodes are 0 .. nodeCount - 1, edges 0 .. edgeCount - 1. Edge e is drawn from node edgeFrom[e]
 * to node edgeTo[e]; its geometry is vertices edgeGeomStart[e] .. edgeGeomStart[e + 1] - 1 of the
 * geom* arrays, whose first and last vertex are exactly its two nodes.
 */

/** What noding and the component filter did. Lengths are planar, in the network's CRS. */
export interface StreetNetworkReport {
  /** Input lines. */
  piecesIn: number;
  /** Input lines with at least one edge in the network. */
  piecesKept: number;
  /** Total length of the input lines, km. */
  kmIn: number;
  /** Total length of the network's edges, km. */
  kmKept: number;
  /** Connected components (ignoring one-way) after noding, before any were dropped. */
  components: number;
  /** Components dropped (all but the largest when only the largest is kept). */
  droppedComponents: number;
  /** Length of the edges in dropped components, km. */
  droppedKm: number;
  /** Distinct nodes made where two lines crossed without sharing a vertex. */
  crossingsSplit: number;
  /** Line ends joined onto the middle of another line (T junctions, within the crossing tolerance). */
  tJunctions: number;
  /** Edges removed as duplicates of another edge between the same nodes (same length and course). */
  duplicateEdges: number;
  /** Their length, km. */
  duplicateKm: number;
}

export interface StreetNetwork {
  /** The planar CRS of xs/ys and geomXs/geomYs, e.g. 'EPSG:32616'. */
  crs: string;
  nodeCount: number;
  /** Node coordinates, planar metres. */
  xs: Float64Array;
  ys: Float64Array;
  /** Node coordinates, degrees WGS84. */
  lons: Float64Array;
  lats: Float64Array;
  edgeCount: number;
  edgeFrom: Uint32Array;
  edgeTo: Uint32Array;
  /** Length along the edge geometry, planar metres. */
  edgeLengthM: Float64Array;
  /** RoadClass per edge. */
  edgeClass: Uint8Array;
  /** 0 both ways, 1 only edgeFrom -> edgeTo, -1 only edgeTo -> edgeFrom. */
  edgeOneway: Int8Array;
  /** Index into names, 0 = unnamed. */
  edgeName: Uint32Array;
  /** Structure per edge (none/bridge/tunnel, see street_lines.ts). */
  edgeStructure: Uint8Array;
  /** Input line each edge came from (index into the StreetLines given to nodeLines). */
  edgeLine: Uint32Array;
  /** Street names; names[0] is ''. */
  names: string[];
  /** Geometry offsets, length edgeCount + 1. */
  edgeGeomStart: Uint32Array;
  /** Edge geometry vertices, planar metres. */
  geomXs: Float64Array;
  geomYs: Float64Array;
  /** Edge geometry vertices, degrees WGS84. */
  geomLons: Float64Array;
  geomLats: Float64Array;
  report: StreetNetworkReport;
}
