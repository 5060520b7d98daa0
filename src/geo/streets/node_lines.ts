/**
 * Noding: turn a line set into a street network whose edges meet only at nodes.
 *
 * Generalised sources (z13 vector tiles) drop most intersection vertices, so crossing streets
 * share no vertex, T junctions stop a metre short, and a street cut at a tile edge is two lines
 * whose ends nearly touch. In planar metres (the local UTM zone unless `crs` is given):
 *
 * 1. Line ends join other line ends within `snapM` always (this is what joins tile edges and
 *    bridge ends to their approaches), and within `crossTolM` when both lines are on the same
 *    level (same structure and layer).
 * 2. A line end within `crossTolM` of the middle of another line on the same level becomes a
 *    T junction: the other line is split there. A line of a no-split class (motorways by
 *    default) is split this way only by a line end of a no-split class or a motorway link.
 * 3. Two lines that cross (and not within `crossTolM` of either's end, which 1–2 handle) are
 *    split at the crossing, unless either is a bridge or tunnel, has layer ≠ 0, or is of a no-split
 *    class. With `splitCrossings: false` only crossings at a vertex of both lines are nodes.
 * 4. Split points closer than `snapM` along a line merge into one node; a node sits at the mean
 *    of the points merged into it and edge geometry is pulled to it.
 * 5. Edges that duplicate another edge between the same two nodes (length within 2 % or 1 m and
 *    midpoints within `crossTolM`, e.g. a street lying on a tile edge and read from both tiles)
 *    are dropped; the kept one is two-way if the pair's one-way flags disagree.
 *
 * Segments are binned in a uniform grid (segment_grid.ts) and each pair of segments closer than
 * `crossTolM` is tested once, so the work grows with the number of nearby pairs, not n².
 * Every component is kept (see keepLargestComponent).
 */
import { normaliseCrs, projector, utmCrsFor } from '../projection.ts';
import { RoadClass } from '../../routing/road_class.ts';
import { connectedComponents } from './connected_components.ts';
import { buildSegmentGrid } from './segment_grid.ts';
import { selectEdges } from './select_edges.ts';
import type { StreetLines } from './street_lines.ts';
import { Structure } from './street_lines.ts';
import type { StreetNetwork } from './street_network.ts';

export interface NodeLinesOptions {
  /** Planar CRS for the network. @default the WGS84 UTM zone of the lines' bounding-box centre */
  crs?: string;
  /** Line ends this close always join; split points this close along a line merge, metres. @default 1.5 */
  snapM?: number;
  /** Tolerance for crossings, T junctions and same-level line ends, metres. @default 3 */
  crossTolM?: number;
  /** Road classes never split by crossing lines (they pass over or under). @default [motorway] */
  noSplitClasses?: readonly RoadClass[];
  /** Split lines where they cross between vertices. @default true */
  splitCrossings?: boolean;
  /** Cell side of the segment grid, metres. @default 50 */
  cellM?: number;
  /** Checked between phases. */
  signal?: AbortSignal;
  /** Told how long each phase took (project, pairs, nodes, edges, dedupe), for benchmarks. */
  onPhase?: (phase: string, ms: number) => void;
}

// Junction kinds: where a junction came from.
const KIND_END = 0;
const KIND_CROSSING = 1;
const KIND_FOOT = 2; // the foot of a T junction on the line it meets
const KIND_TOUCH = 3; // lines crossing or touching at a vertex of both (a shared OSM node)

export function nodeLines(lines: StreetLines, options: NodeLinesOptions = {}): StreetNetwork {
  const snapM = options.snapM ?? 1.5;
  const crossTolM = options.crossTolM ?? 3;
  const cellM = options.cellM ?? 50;
  const splitCrossings = options.splitCrossings ?? true;
  if (!(snapM >= 0)) throw new RangeError(`snapM must be >= 0, got ${snapM}`);
  if (!(crossTolM >= snapM)) throw new RangeError(`crossTolM must be >= snapM (${snapM}), got ${crossTolM}`);
  if (!(cellM > 0)) throw new RangeError(`cellM must be > 0, got ${cellM}`);
  const signal = options.signal;
  let t0 = performance.now();
  const phase = (name: string) => {
    signal?.throwIfAborted();
    if (options.onPhase) {
      const t = performance.now();
      options.onPhase(name, t - t0);
      t0 = t;
    }
  };
  const nLines = lines.lineCount;
  const nVert = lines.lons.length;
  const lineStart = lines.lineStart;

  // Project.
  const crs = options.crs ? normaliseCrs(options.crs) : crsForLines(lines);
  const proj = projector('EPSG:4326', crs);
  const xs = new Float64Array(nVert), ys = new Float64Array(nVert);
  proj.forwardInto(lines.lons, lines.lats, xs, ys);
  const cum = new Float64Array(nVert); // distance along its line to each vertex
  let mIn = 0;
  for (let i = 0; i < nLines; i++) {
    for (let v = lineStart[i] + 1; v < lineStart[i + 1]; v++) cum[v] = cum[v - 1] + Math.hypot(xs[v] - xs[v - 1], ys[v] - ys[v - 1]);
    mIn += cum[lineStart[i + 1] - 1];
  }
  phase('project');

  // Line levels: structure and layer; splittable = at grade and not a no-split class.
  const noSplit = new Uint8Array(256);
  for (const c of options.noSplitClasses ?? [RoadClass.motorway]) noSplit[c] = 1;
  const level = new Int32Array(nLines);
  const splittable = new Uint8Array(nLines);
  const attachesToNoSplit = new Uint8Array(nLines);
  for (let i = 0; i < nLines; i++) {
    level[i] = lines.lineStructure[i] * 256 + lines.lineLayer[i] + 128;
    splittable[i] = lines.lineStructure[i] === Structure.none && lines.lineLayer[i] === 0 && !noSplit[lines.lineClass[i]] ? 1 : 0;
    attachesToNoSplit[i] = noSplit[lines.lineClass[i]] || lines.lineClass[i] === RoadClass.motorwayLink ? 1 : 0;
  }

  // Segments: segment s runs from vertex segFirst[s] = s + segLine[s] to the next.
  const segCount = nVert - nLines;
  const segFirst = new Uint32Array(segCount), segLine = new Uint32Array(segCount);
  for (let i = 0, s = 0; i < nLines; i++) {
    for (let v = lineStart[i]; v + 1 < lineStart[i + 1]; v++, s++) {
      segFirst[s] = v;
      segLine[s] = i;
    }
  }

  // Junctions: 2i and 2i + 1 are the ends of line i; more are added at crossings.
  const junctions = new Junctions(2 * nLines);
  for (let i = 0; i < nLines; i++) {
    const a = lineStart[i], b = lineStart[i + 1] - 1;
    junctions.set(2 * i, xs[a], ys[a], KIND_END);
    junctions.set(2 * i + 1, xs[b], ys[b], KIND_END);
  }
  // Events: junction evJ[k] lies on segment evSeg[k] at parameter evT[k].
  const events = new Events();
  let tJunctions = 0;
  const endJoinedT = new Uint8Array(2 * nLines);
  const tol2 = crossTolM * crossTolM;
  const snap2 = snapM * snapM;

  /**
   * Line end (ex, ey) = junction jE of line E, against segment h of line H. Returns nothing;
   * records unions and events.
   */
  const endpointTo = (jE: number, E: number, ex: number, ey: number, h: number, H: number) => {
    const v = segFirst[h];
    const hx0 = xs[v], hy0 = ys[v], hx1 = xs[v + 1], hy1 = ys[v + 1];
    const hStart = v === lineStart[H], hEnd = v + 2 === lineStart[H + 1];
    // Line end to line end.
    const d0 = hStart ? sq(ex - hx0) + sq(ey - hy0) : Infinity;
    const d1 = hEnd ? sq(ex - hx1) + sq(ey - hy1) : Infinity;
    const dEnd = Math.min(d0, d1);
    if (dEnd <= tol2) {
      if (dEnd <= snap2 || level[E] === level[H]) junctions.union(jE, d0 <= d1 ? 2 * H : 2 * H + 1);
      return;
    }
    // Line end to the middle of H: a T junction.
    if (level[E] !== level[H] || (!splittable[H] && noSplit[lines.lineClass[H]] && !attachesToNoSplit[E])) return;
    const dx = hx1 - hx0, dy = hy1 - hy0;
    const l2 = dx * dx + dy * dy;
    let t = ((ex - hx0) * dx + (ey - hy0) * dy) / l2;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    const fx = hx0 + t * dx, fy = hy0 + t * dy;
    if (sq(fx - ex) + sq(fy - ey) > tol2) return;
    const jF = junctions.add(fx, fy, KIND_FOOT);
    junctions.union(jE, jF);
    events.add(h, t, jF);
    if (!endJoinedT[jE]) {
      endJoinedT[jE] = 1;
      tJunctions++;
    }
  };

  const testPair = (a: number, b: number) => {
    const A = segLine[a], B = segLine[b];
    const va = segFirst[a], vb = segFirst[b];
    if (A === B && (vb === va + 1 || va === vb + 1)) return;
    const ax0 = xs[va], ay0 = ys[va], ax1 = xs[va + 1], ay1 = ys[va + 1];
    const bx0 = xs[vb], by0 = ys[vb], bx1 = xs[vb + 1], by1 = ys[vb + 1];
    if (Math.max(ax0, ax1) + crossTolM < Math.min(bx0, bx1) || Math.max(bx0, bx1) + crossTolM < Math.min(ax0, ax1)) return;
    if (Math.max(ay0, ay1) + crossTolM < Math.min(by0, by1) || Math.max(by0, by1) + crossTolM < Math.min(ay0, ay1)) return;
    const aStart = va === lineStart[A], aEnd = va + 2 === lineStart[A + 1];
    const bStart = vb === lineStart[B], bEnd = vb + 2 === lineStart[B + 1];
    if (aStart) endpointTo(2 * A, A, ax0, ay0, b, B);
    if (aEnd) endpointTo(2 * A + 1, A, ax1, ay1, b, B);
    if (bStart) endpointTo(2 * B, B, bx0, by0, a, A);
    if (bEnd) endpointTo(2 * B + 1, B, bx1, by1, a, A);
    if (!splittable[A] || !splittable[B]) return;
    // Crossing.
    const rx = ax1 - ax0, ry = ay1 - ay0, sx = bx1 - bx0, sy = by1 - by0;
    const den = rx * sy - ry * sx;
    if (Math.abs(den) <= 1e-12 * Math.hypot(rx, ry) * Math.hypot(sx, sy)) return; // parallel
    const qx = bx0 - ax0, qy = by0 - ay0;
    let tA = (qx * sy - qy * sx) / den, tB = (qx * ry - qy * rx) / den;
    const eps = 1e-9;
    if (tA < -eps || tA > 1 + eps || tB < -eps || tB > 1 + eps) return;
    tA = tA < 0 ? 0 : tA > 1 ? 1 : tA;
    tB = tB < 0 ? 0 : tB > 1 ? 1 : tB;
    const atVertices = (tA <= eps || tA >= 1 - eps) && (tB <= eps || tB >= 1 - eps);
    if (!splitCrossings && !atVertices) return;
    const px = ax0 + tA * rx, py = ay0 + tA * ry;
    // Near a line end: the end rules above decide.
    if (nearEnd(A, px, py) || nearEnd(B, px, py)) return;
    const j = junctions.add(px, py, atVertices ? KIND_TOUCH : KIND_CROSSING);
    events.add(a, tA, j);
    events.add(b, tB, j);
  };
  const nearEnd = (L: number, px: number, py: number) => {
    const a = lineStart[L], b = lineStart[L + 1] - 1;
    return sq(px - xs[a]) + sq(py - ys[a]) <= tol2 || sq(px - xs[b]) + sq(py - ys[b]) <= tol2;
  };

  // Candidate pairs: segments sharing a grid cell, each pair once.
  const grid = buildSegmentGrid(xs, ys, segFirst, segCount, { cellSize: cellM, pad: crossTolM / 2, segmentCells: true });
  const mark = new Int32Array(segCount).fill(-1);
  for (let a = 0; a < segCount; a++) {
    for (let q = grid.segCellStart[a]; q < grid.segCellStart[a + 1]; q++) {
      const c = grid.segCells[q];
      for (let it = grid.cellStart[c]; it < grid.cellStart[c + 1]; it++) {
        const b = grid.items[it];
        if (b <= a || mark[b] === a) continue;
        mark[b] = a;
        testPair(a, b);
      }
    }
  }
  phase('pairs');

  // Events in order along each line, as distances from the line's start.
  const nEv = events.count;
  const evD = new Float64Array(nEv);
  for (let k = 0; k < nEv; k++) {
    const v = segFirst[events.seg[k]];
    evD[k] = cum[v] + events.t[k] * (cum[v + 1] - cum[v]);
  }
  const order = new Uint32Array(nEv);
  for (let k = 0; k < nEv; k++) order[k] = k;
  order.sort((p, q) => events.seg[p] - events.seg[q] || evD[p] - evD[q] || p - q);
  const evLine = (k: number) => segLine[events.seg[k]];

  // Pass 1: merge split points closer than snapM along each line (and to its ends).
  const keptEv = new Uint8Array(nEv);
  for (let i = 0, o = 0; i < nLines; i++) {
    const L = cum[lineStart[i + 1] - 1];
    let prevD = 0, prevJ = 2 * i, prevK = -1;
    for (; o < nEv && evLine(order[o]) === i; o++) {
      const k = order[o];
      if (evD[k] - prevD < snapM) {
        junctions.union(prevJ, events.j[k]);
      } else {
        keptEv[k] = 1;
        prevD = evD[k];
        prevJ = events.j[k];
        prevK = k;
      }
    }
    if (L - prevD < snapM) {
      junctions.union(prevJ, 2 * i + 1);
      if (prevK >= 0) keptEv[prevK] = 0;
    }
  }

  // Nodes: one per junction set. A node sits at the mean of its crossing points and T feet,
  // which lie on the lines that go on through it, so those stay straight and only the ends that
  // stopped short (or overshot) move; a node of line ends only sits at their mean.
  const nJ = junctions.count;
  const root = new Int32Array(nJ);
  for (let j = 0; j < nJ; j++) root[j] = junctions.find(j);
  const nodeOf = new Int32Array(nJ).fill(-1);
  let nodeCount = 0;
  for (let j = 0; j < nJ; j++) if (nodeOf[root[j]] < 0) nodeOf[root[j]] = nodeCount++;
  const nodeX = new Float64Array(nodeCount), nodeY = new Float64Array(nodeCount);
  const endX = new Float64Array(nodeCount), endY = new Float64Array(nodeCount);
  const nodeN = new Uint32Array(nodeCount), endN = new Uint32Array(nodeCount);
  const nodeHasCrossing = new Uint8Array(nodeCount);
  for (let j = 0; j < nJ; j++) {
    const v = nodeOf[root[j]];
    if (junctions.kind[j] === KIND_END) {
      endX[v] += junctions.x[j];
      endY[v] += junctions.y[j];
      endN[v]++;
    } else {
      nodeX[v] += junctions.x[j];
      nodeY[v] += junctions.y[j];
      nodeN[v]++;
      if (junctions.kind[j] === KIND_CROSSING) nodeHasCrossing[v] = 1;
    }
  }
  let crossingsSplit = 0;
  for (let v = 0; v < nodeCount; v++) {
    if (nodeN[v] > 0) {
      nodeX[v] /= nodeN[v];
      nodeY[v] /= nodeN[v];
    } else {
      nodeX[v] = endX[v] / endN[v];
      nodeY[v] = endY[v] / endN[v];
    }
    crossingsSplit += nodeHasCrossing[v];
  }
  phase('nodes');

  // Pass 2: edges between consecutive kept points of each line.
  let keptCount = 0;
  for (let k = 0; k < nEv; k++) keptCount += keptEv[k];
  const maxEdges = nLines + keptCount;
  const edgeFrom = new Uint32Array(maxEdges), edgeTo = new Uint32Array(maxEdges);
  const edgeLengthM = new Float64Array(maxEdges), edgeLine = new Uint32Array(maxEdges);
  const edgeGeomStart = new Uint32Array(maxEdges + 1);
  const maxGeom = nVert + 2 * maxEdges;
  const geomXs = new Float64Array(maxGeom), geomYs = new Float64Array(maxGeom);
  const geomLons = new Float64Array(maxGeom), geomLats = new Float64Array(maxGeom);
  const geomFromNode = new Int32Array(maxGeom); // node id for end vertices (lon/lat filled later), else -1
  let edgeCount = 0, g = 0;
  const minLoopM = 2 * crossTolM;
  let vCursor = 0; // pieces of a line come in order: the next vertex to consider
  const emitPiece = (i: number, dFrom: number, nFrom: number, dTo: number, nTo: number) => {
    const g0 = g;
    geomXs[g] = nodeX[nFrom];
    geomYs[g] = nodeY[nFrom];
    geomFromNode[g++] = nFrom;
    let v = vCursor;
    while (v < lineStart[i + 1] && cum[v] <= dFrom + 1e-6) v++;
    for (; v < lineStart[i + 1] && cum[v] < dTo - 1e-6; v++) {
      geomXs[g] = xs[v];
      geomYs[g] = ys[v];
      geomLons[g] = lines.lons[v];
      geomLats[g] = lines.lats[v];
      geomFromNode[g++] = -1;
    }
    vCursor = v;
    geomXs[g] = nodeX[nTo];
    geomYs[g] = nodeY[nTo];
    geomFromNode[g++] = nTo;
    let len = 0;
    for (let q = g0 + 1; q < g; q++) len += Math.hypot(geomXs[q] - geomXs[q - 1], geomYs[q] - geomYs[q - 1]);
    if (nFrom === nTo && len < minLoopM) {
      g = g0; // a loop that is only the tolerance around one node
      return;
    }
    edgeFrom[edgeCount] = nFrom;
    edgeTo[edgeCount] = nTo;
    edgeLengthM[edgeCount] = len;
    edgeLine[edgeCount] = i;
    edgeGeomStart[edgeCount] = g0;
    edgeCount++;
  };
  for (let i = 0, o = 0; i < nLines; i++) {
    let dPrev = 0, nPrev = nodeOf[root[2 * i]];
    vCursor = lineStart[i];
    for (; o < nEv && evLine(order[o]) === i; o++) {
      const k = order[o];
      if (!keptEv[k]) continue;
      const n = nodeOf[root[events.j[k]]];
      emitPiece(i, dPrev, nPrev, evD[k], n);
      dPrev = evD[k];
      nPrev = n;
    }
    emitPiece(i, dPrev, nPrev, cum[lineStart[i + 1] - 1], nodeOf[root[2 * i + 1]]);
  }
  edgeGeomStart[edgeCount] = g;

  // Node lon/lat, once per node; edge end vertices take them.
  const nodeLon = new Float64Array(nodeCount), nodeLat = new Float64Array(nodeCount);
  for (let v = 0; v < nodeCount; v++) {
    const p = proj.inverse(nodeX[v], nodeY[v]);
    nodeLon[v] = p[0];
    nodeLat[v] = p[1];
  }
  for (let q = 0; q < g; q++) {
    const v = geomFromNode[q];
    if (v >= 0) {
      geomLons[q] = nodeLon[v];
      geomLats[q] = nodeLat[v];
    }
  }

  const edgeClass = new Uint8Array(edgeCount), edgeOneway = new Int8Array(edgeCount);
  const edgeName = new Uint32Array(edgeCount), edgeStructure = new Uint8Array(edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    const i = edgeLine[e];
    edgeClass[e] = lines.lineClass[i];
    edgeOneway[e] = lines.lineOneway[i];
    edgeName[e] = lines.lineName[i];
    edgeStructure[e] = lines.lineStructure[i];
  }
  const raw: StreetNetwork = {
    crs,
    nodeCount,
    xs: nodeX,
    ys: nodeY,
    lons: nodeLon,
    lats: nodeLat,
    edgeCount,
    edgeFrom: edgeFrom.slice(0, edgeCount),
    edgeTo: edgeTo.slice(0, edgeCount),
    edgeLengthM: edgeLengthM.slice(0, edgeCount),
    edgeClass,
    edgeOneway,
    edgeName,
    edgeStructure,
    edgeLine: edgeLine.slice(0, edgeCount),
    names: lines.names,
    edgeGeomStart: edgeGeomStart.slice(0, edgeCount + 1),
    geomXs: geomXs.slice(0, g),
    geomYs: geomYs.slice(0, g),
    geomLons: geomLons.slice(0, g),
    geomLats: geomLats.slice(0, g),
    report: {
      piecesIn: nLines,
      piecesKept: 0,
      kmIn: mIn / 1000,
      kmKept: 0,
      components: 0,
      droppedComponents: 0,
      droppedKm: 0,
      crossingsSplit,
      tJunctions,
      duplicateEdges: 0,
      duplicateKm: 0,
    },
  };

  phase('edges');

  // Duplicates, then the report's totals.
  const keep = duplicateFreeEdges(raw, crossTolM);
  let dupEdges = 0, dupM = 0;
  for (let e = 0; e < edgeCount; e++) {
    if (!keep[e]) {
      dupEdges++;
      dupM += raw.edgeLengthM[e];
    }
  }
  const net = dupEdges > 0 ? selectEdges(raw, keep) : raw;
  net.report.duplicateEdges = dupEdges;
  net.report.duplicateKm = dupM / 1000;
  const lineUsed = new Uint8Array(nLines);
  let mKept = 0;
  for (let e = 0; e < net.edgeCount; e++) {
    lineUsed[net.edgeLine[e]] = 1;
    mKept += net.edgeLengthM[e];
  }
  let piecesKept = 0;
  for (let i = 0; i < nLines; i++) piecesKept += lineUsed[i];
  net.report.piecesKept = piecesKept;
  net.report.kmKept = mKept / 1000;
  net.report.components = connectedComponents(net.nodeCount, net.edgeFrom, net.edgeTo).count;
  phase('dedupe');
  return net;
}

/** The WGS84 UTM zone of the centre of the lines' bounding box (EPSG:32631 for an empty set). */
export function crsForLines(lines: StreetLines): string {
  let minLon = Infinity, maxLon = -Infinity, minLat = Infinity, maxLat = -Infinity;
  for (let v = 0; v < lines.lons.length; v++) {
    const lon = lines.lons[v], lat = lines.lats[v];
    if (lon < minLon) minLon = lon;
    if (lon > maxLon) maxLon = lon;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
  }
  if (!(minLon <= maxLon)) return 'EPSG:32631';
  return utmCrsFor((minLon + maxLon) / 2, Math.max(-80, Math.min(84, (minLat + maxLat) / 2)));
}

/**
 * Flags (1 = keep) that drop edges duplicating an earlier edge between the same two nodes:
 * length within max(1 m, 2 %) and midpoints within tolM. The kept edge takes the more important
 * class, a name if it had none, and becomes two-way when the one-way flags disagree.
 */
function duplicateFreeEdges(net: StreetNetwork, tolM: number): Uint8Array {
  const n = net.edgeCount;
  const keep = new Uint8Array(n).fill(1);
  const lo = new Uint32Array(n), hi = new Uint32Array(n);
  for (let e = 0; e < n; e++) {
    lo[e] = Math.min(net.edgeFrom[e], net.edgeTo[e]);
    hi[e] = Math.max(net.edgeFrom[e], net.edgeTo[e]);
  }
  const order = new Uint32Array(n);
  for (let e = 0; e < n; e++) order[e] = e;
  order.sort((p, q) => lo[p] - lo[q] || hi[p] - hi[q] || p - q);
  const mid = new Float64Array(2), mid2 = new Float64Array(2);
  for (let s = 0; s < n; ) {
    let t = s + 1;
    while (t < n && lo[order[t]] === lo[order[s]] && hi[order[t]] === hi[order[s]]) t++;
    for (let p = s; p < t; p++) {
      const e = order[p];
      if (!keep[e]) continue;
      for (let q = p + 1; q < t; q++) {
        const f = order[q];
        if (!keep[f]) continue;
        const le = net.edgeLengthM[e], lf = net.edgeLengthM[f];
        if (Math.abs(le - lf) > Math.max(1, 0.02 * Math.max(le, lf))) continue;
        pointAlong(net, e, le / 2, mid);
        pointAlong(net, f, lf / 2, mid2);
        if (sq(mid[0] - mid2[0]) + sq(mid[1] - mid2[1]) > tolM * tolM) continue;
        keep[f] = 0;
        if (net.edgeClass[f] < net.edgeClass[e]) net.edgeClass[e] = net.edgeClass[f];
        if (net.edgeName[e] === 0) net.edgeName[e] = net.edgeName[f];
        const sameWay = net.edgeFrom[e] === net.edgeFrom[f];
        const of = sameWay ? net.edgeOneway[f] : -net.edgeOneway[f];
        if (of !== net.edgeOneway[e]) net.edgeOneway[e] = 0;
      }
    }
    s = t;
  }
  return keep;
}

/** The point at distance d along edge e's planar geometry, into out [x, y]. */
function pointAlong(net: StreetNetwork, e: number, d: number, out: Float64Array): void {
  const a = net.edgeGeomStart[e], b = net.edgeGeomStart[e + 1];
  let acc = 0;
  for (let q = a + 1; q < b; q++) {
    const l = Math.hypot(net.geomXs[q] - net.geomXs[q - 1], net.geomYs[q] - net.geomYs[q - 1]);
    if (acc + l >= d && l > 0) {
      const f = (d - acc) / l;
      out[0] = net.geomXs[q - 1] + f * (net.geomXs[q] - net.geomXs[q - 1]);
      out[1] = net.geomYs[q - 1] + f * (net.geomYs[q] - net.geomYs[q - 1]);
      return;
    }
    acc += l;
  }
  out[0] = net.geomXs[b - 1];
  out[1] = net.geomYs[b - 1];
}

function sq(x: number): number {
  return x * x;
}

/** Junction positions and kinds, with union–find over them. */
class Junctions {
  x: Float64Array;
  y: Float64Array;
  kind: Uint8Array;
  private parent: Int32Array;
  count: number;

  constructor(n: number) {
    const cap = Math.max(16, n * 2);
    this.x = new Float64Array(cap);
    this.y = new Float64Array(cap);
    this.kind = new Uint8Array(cap);
    this.parent = new Int32Array(cap);
    for (let j = 0; j < cap; j++) this.parent[j] = j;
    this.count = n;
  }

  set(j: number, x: number, y: number, kind: number): void {
    this.x[j] = x;
    this.y[j] = y;
    this.kind[j] = kind;
  }

  add(x: number, y: number, kind: number): number {
    const j = this.count;
    if (j === this.x.length) {
      const cap = 2 * j;
      const nx = new Float64Array(cap), ny = new Float64Array(cap), nk = new Uint8Array(cap), np = new Int32Array(cap);
      nx.set(this.x);
      ny.set(this.y);
      nk.set(this.kind);
      np.set(this.parent);
      for (let q = j; q < cap; q++) np[q] = q;
      this.x = nx;
      this.y = ny;
      this.kind = nk;
      this.parent = np;
    }
    this.set(j, x, y, kind);
    this.count = j + 1;
    return j;
  }

  find(j: number): number {
    const p = this.parent;
    while (p[j] !== j) {
      p[j] = p[p[j]];
      j = p[j];
    }
    return j;
  }

  union(a: number, b: number): void {
    const ra = this.find(a), rb = this.find(b);
    if (ra === rb) return;
    if (ra < rb) this.parent[rb] = ra;
    else this.parent[ra] = rb;
  }
}

/** Split points: junction j[k] on segment seg[k] at parameter t[k] (0..1). */
class Events {
  seg = new Uint32Array(1024);
  t = new Float64Array(1024);
  j = new Uint32Array(1024);
  count = 0;

  add(seg: number, t: number, j: number): void {
    const k = this.count;
    if (k === this.seg.length) {
      const s = new Uint32Array(2 * k), tt = new Float64Array(2 * k), jj = new Uint32Array(2 * k);
      s.set(this.seg);
      tt.set(this.t);
      jj.set(this.j);
      this.seg = s;
      this.t = tt;
      this.j = jj;
    }
    this.seg[k] = seg;
    this.t[k] = t;
    this.j[k] = j;
    this.count = k + 1;
  }
}
