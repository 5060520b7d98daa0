/**
 * The road graph: a directed graph in compressed sparse row (CSR) form, one per travel profile,
 * with travel times in seconds on its arcs.
 *
 * The street readers (src/geo) hand over undirected street pieces as a {@link RoadNetwork}
 * (`edge*` columns, one row per piece between two nodes). A profile decides which pieces a unit
 * may use, how fast it moves on each road class and whether one-way streets bind it; the graph
 * then holds one arc per direction a unit of that profile may travel. Node ids are shared by all
 * profiles' graphs of one network, so a stop snapped once is the same node for cars and walkers.
 *
 * Arcs leaving node `v` are `arcOffset[v] .. arcOffset[v + 1] - 1`. Arc `a` goes to `arcTo[a]`,
 * takes `arcTimeS[a]` seconds and comes from input edge `arcEdge[a]`, in its drawn direction when
 * `arcForward[a]` is 1 and against it when 0 (for drawing a path along the street geometry).
 */
import { RoadClass } from './road_class.ts';

/** The street network as the readers produce it: undirected pieces between numbered nodes. */
export interface RoadNetwork {
  /** Number of nodes; nodes are 0 .. nodeCount - 1. */
  nodeCount: number;
  /** Piece e runs from node edgeFrom[e] to node edgeTo[e] (its drawn direction). */
  edgeFrom: Uint32Array;
  edgeTo: Uint32Array;
  /** Length of piece e along the street, metres. */
  edgeLengthM: Float64Array;
  /** Road class of piece e (see road_class.ts). */
  edgeClass: Uint8Array;
  /** 0 = both ways, 1 = only from edgeFrom to edgeTo, -1 = only from edgeTo to edgeFrom. */
  edgeOneway: Int8Array;
  /** Optional node coordinates in the project's planar CRS, metres (snapping, A*). */
  nodeXs?: Float64Array;
  nodeYs?: Float64Array;
}

/** How a kind of unit moves on the network. */
export interface TravelProfile {
  /** Name shown in summaries ('car', 'foot', 'volunteer'). */
  name: string;
  /**
   * Speed per road class, km/h, indexed by RoadClass. 0 (or anything not > 0) forbids the class.
   * Must have one entry per road class.
   */
  speedKmh: readonly number[];
  /** Whether one-way streets bind this profile (cars yes, walkers no). */
  respectOneway: boolean;
}

const classCount = Object.keys(RoadClass).length;

function speeds(byClass: Partial<Record<keyof typeof RoadClass, number>>, fallback: number): number[] {
  const out = new Array<number>(classCount).fill(fallback);
  for (const [name, kmh] of Object.entries(byClass)) out[RoadClass[name as keyof typeof RoadClass]] = kmh as number;
  return out;
}

/**
 * Patrol car: urban driving speeds by road class (free-flow speeds well under the limits, as a car
 * on patrol in town drives), one-way streets respected, no footways, paths, steps or cycleways.
 */
export const carProfile: TravelProfile = Object.freeze({
  name: 'car',
  speedKmh: Object.freeze(speeds({
    motorway: 80, // urban expressway
    motorwayLink: 40,
    trunk: 50,
    primary: 40,
    secondary: 35,
    tertiary: 30,
    street: 25, // residential
    service: 15,
    alley: 10,
    pedestrian: 0, // not for cars
    track: 10,
    other: 20,
  }, 20)),
  respectOneway: true,
});

/**
 * Officer on foot: 5 km/h on every road class a pedestrian may use; motorways and their ramps
 * (motorway links) are forbidden; one-way streets do not bind a walker.
 */
export const footProfile: TravelProfile = Object.freeze({
  name: 'foot',
  speedKmh: Object.freeze(speeds({ motorway: 0, motorwayLink: 0 }, 5)),
  respectOneway: false,
});

/**
 * Volunteer pair on foot: a slower 4.5 km/h (two people walking, observing), kept off motorways,
 * motorway links and trunk roads; one-way streets do not bind them.
 */
export const volunteerProfile: TravelProfile = Object.freeze({
  name: 'volunteer',
  speedKmh: Object.freeze(speeds({ motorway: 0, motorwayLink: 0, trunk: 0 }, 4.5)),
  respectOneway: false,
});

/** The built-in profiles by name. */
export const travelProfiles: Readonly<Record<'car' | 'foot' | 'volunteer', TravelProfile>> = Object.freeze({
  car: carProfile,
  foot: footProfile,
  volunteer: volunteerProfile,
});

/**
 * A profile derived from another: `travelProfile(footProfile, { name: 'cycle', speedKmh:
 * { street: 15, pedestrian: 10 } })`. Classes not named keep the base's speed; 0 forbids a class.
 */
export function travelProfile(
  base: TravelProfile,
  changes: { name?: string; speedKmh?: Partial<Record<keyof typeof RoadClass, number>>; respectOneway?: boolean },
): TravelProfile {
  const speedKmh = base.speedKmh.slice();
  for (const [cls, kmh] of Object.entries(changes.speedKmh ?? {})) {
    if (!(cls in RoadClass)) throw new RangeError(`unknown road class '${cls}' (known: ${Object.keys(RoadClass).join(', ')})`);
    if (!(kmh! >= 0) || kmh === Infinity) throw new RangeError(`speed of ${cls} must be finite and >= 0 km/h, got ${kmh}`);
    speedKmh[RoadClass[cls as keyof typeof RoadClass]] = kmh!;
  }
  return Object.freeze({
    name: changes.name ?? base.name,
    speedKmh: Object.freeze(speedKmh),
    respectOneway: changes.respectOneway ?? base.respectOneway,
  });
}

/** A directed graph in CSR form with travel times for one profile. */
export interface RoadGraph {
  /** The profile the times are for. */
  profile: TravelProfile;
  nodeCount: number;
  arcCount: number;
  /** Arcs leaving node v: arcOffset[v] .. arcOffset[v + 1] - 1 (length nodeCount + 1). */
  arcOffset: Uint32Array;
  /** Head node of each arc. */
  arcTo: Uint32Array;
  /** Travel time of each arc, seconds. */
  arcTimeS: Float64Array;
  /** Input edge (RoadNetwork row) of each arc. */
  arcEdge: Uint32Array;
  /** 1 when the arc runs in its edge's drawn direction (edgeFrom -> edgeTo), 0 when against it. */
  arcForward: Uint8Array;
  /** Node coordinates (metres) when the network had them, else undefined. */
  nodeXs?: Float64Array;
  nodeYs?: Float64Array;
  /** Highest speed of the profile, metres per second (an A* bound). */
  maxSpeedMps: number;
}

/**
 * Build the road graph of a network for one profile. Pieces of a forbidden class are left out;
 * a one-way piece gives one arc when the profile respects one-way streets, two otherwise.
 * Throws a RangeError on malformed input (mismatched column lengths, node ids out of range,
 * negative or NaN lengths, unknown road classes).
 */
export function buildRoadGraph(network: RoadNetwork, profile: TravelProfile): RoadGraph {
  const { nodeCount, edgeFrom, edgeTo, edgeLengthM, edgeClass, edgeOneway } = network;
  if (!(Number.isInteger(nodeCount) && nodeCount >= 0)) throw new RangeError(`nodeCount must be an integer >= 0, got ${nodeCount}`);
  const m = edgeFrom.length;
  for (const [name, col] of [['edgeTo', edgeTo], ['edgeLengthM', edgeLengthM], ['edgeClass', edgeClass], ['edgeOneway', edgeOneway]] as const) {
    if (col.length !== m) throw new RangeError(`${name} has ${col.length} rows, edgeFrom has ${m}`);
  }
  if (profile.speedKmh.length !== classCount) {
    throw new RangeError(`profile '${profile.name}' has ${profile.speedKmh.length} speeds, expected one per road class (${classCount})`);
  }
  const mps = new Float64Array(classCount);
  let maxSpeedMps = 0;
  for (let c = 0; c < classCount; c++) {
    const v = profile.speedKmh[c];
    mps[c] = v > 0 ? v / 3.6 : 0;
    if (mps[c] > maxSpeedMps) maxSpeedMps = mps[c];
  }

  // Pass 1: validate and count arcs per tail node.
  const outDegree = new Uint32Array(nodeCount + 1);
  for (let e = 0; e < m; e++) {
    const a = edgeFrom[e], b = edgeTo[e], len = edgeLengthM[e], c = edgeClass[e], ow = edgeOneway[e];
    if (a >= nodeCount || b >= nodeCount) throw new RangeError(`edge ${e}: node ${a >= nodeCount ? a : b} out of range (nodeCount ${nodeCount})`);
    if (!(len >= 0) || len === Infinity) throw new RangeError(`edge ${e}: edgeLengthM must be finite and >= 0, got ${len}`);
    if (c >= classCount) throw new RangeError(`edge ${e}: unknown road class ${c}`);
    if (ow !== 0 && ow !== 1 && ow !== -1) throw new RangeError(`edge ${e}: edgeOneway must be 0, 1 or -1, got ${ow}`);
    if (mps[c] === 0) continue;
    if (!profile.respectOneway || ow >= 0) outDegree[a]++;
    if (!profile.respectOneway || ow <= 0) outDegree[b]++;
  }
  const arcOffset = new Uint32Array(nodeCount + 1);
  for (let v = 0; v < nodeCount; v++) arcOffset[v + 1] = arcOffset[v] + outDegree[v];
  const arcCount = arcOffset[nodeCount];
  const arcTo = new Uint32Array(arcCount);
  const arcTimeS = new Float64Array(arcCount);
  const arcEdge = new Uint32Array(arcCount);
  const arcForward = new Uint8Array(arcCount);
  const fill = outDegree; // reused as the write cursor per node
  fill.set(arcOffset.subarray(0, nodeCount));

  // Pass 2: fill, in input order, so the graph is the same for the same network.
  for (let e = 0; e < m; e++) {
    const c = edgeClass[e];
    if (mps[c] === 0) continue;
    const a = edgeFrom[e], b = edgeTo[e], ow = edgeOneway[e];
    const t = edgeLengthM[e] / mps[c];
    if (!profile.respectOneway || ow >= 0) {
      const k = fill[a]++;
      arcTo[k] = b; arcTimeS[k] = t; arcEdge[k] = e; arcForward[k] = 1;
    }
    if (!profile.respectOneway || ow <= 0) {
      const k = fill[b]++;
      arcTo[k] = a; arcTimeS[k] = t; arcEdge[k] = e; arcForward[k] = 0;
    }
  }
  return { profile, nodeCount, arcCount, arcOffset, arcTo, arcTimeS, arcEdge, arcForward, nodeXs: network.nodeXs, nodeYs: network.nodeYs, maxSpeedMps };
}

/**
 * The reverse of a graph: every arc u -> v becomes v -> u with the same time, edge and a flipped
 * direction flag. Used for many-to-one searches and strong components.
 */
export function reverseRoadGraph(graph: RoadGraph): RoadGraph {
  const { nodeCount, arcCount, arcOffset, arcTo } = graph;
  const inDegree = new Uint32Array(nodeCount + 1);
  for (let a = 0; a < arcCount; a++) inDegree[arcTo[a]]++;
  const rOffset = new Uint32Array(nodeCount + 1);
  for (let v = 0; v < nodeCount; v++) rOffset[v + 1] = rOffset[v] + inDegree[v];
  const fill = inDegree;
  fill.set(rOffset.subarray(0, nodeCount));
  const rTo = new Uint32Array(arcCount);
  const rTime = new Float64Array(arcCount);
  const rEdge = new Uint32Array(arcCount);
  const rForward = new Uint8Array(arcCount);
  for (let u = 0; u < nodeCount; u++) {
    for (let a = arcOffset[u], end = arcOffset[u + 1]; a < end; a++) {
      const k = fill[arcTo[a]]++;
      rTo[k] = u; rTime[k] = graph.arcTimeS[a]; rEdge[k] = graph.arcEdge[a]; rForward[k] = 1 - graph.arcForward[a];
    }
  }
  return { ...graph, arcOffset: rOffset, arcTo: rTo, arcTimeS: rTime, arcEdge: rEdge, arcForward: rForward };
}
