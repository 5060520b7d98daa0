/**
 * From streets, incidents and units to the patrol problem the solver takes (patrol_problem.ts):
 *
 * 1. The shift window: the plan's day and the union of the units' shifts (shift_window.ts).
 * 2. Hot-spot cells for that window, valued by expected incidents per shift (window_hot_spots.ts).
 * 3. Candidate stops: the best cells in order, each snapped (its incidents' mean position) to the
 *    nearest street node that every profile in the plan can reach and leave again (the
 *    intersection of each profile's largest strongly connected component), until `candidates`
 *    stops are found. A cell snapping to a node another stop already has adds its value to that
 *    stop (one place, one stop); a cell farther than `snapMaxM` from any such node is skipped.
 * 4. The violent-risk threshold (violent_threshold.ts, or the coordinator's value): a stop whose
 *    expected violent incidents are above it is for officers only.
 * 5. One unit per car, foot officer and volunteer pair, each with its base snapped to its own
 *    profile's largest strong component, its shift length as its budget, its dwell, and the stops
 *    it may take: volunteers none above the threshold; any unit with a zone only stops inside it;
 *    a unit with maxWalkKm only stops within that walking distance of its base.
 * 6. One travel-time matrix per profile over all locations (stops, then each unit's start and end).
 *
 * Stops are one set for all units, so officers and volunteers planned together never cover the
 * same stop.
 */
import { buildRoadGraph, travelProfiles, type RoadGraph, type RoadNetwork, type TravelProfile } from '../road_graph.ts';
import { NodeSnapper } from '../node_snapper.ts';
import type { PatrolProblem, PatrolUnit } from '../patrol_problem.ts';
import { travelTimesFrom } from '../shortest_path.ts';
import { largestStrongComponentMask } from '../strong_components.ts';
import { travelTimeMatrix } from '../travel_time_matrix.ts';
import { expandUnits, type PlanUnitSpec, type UnitKind, type UnitSpec } from './plan_units.ts';
import { pointInZone } from './point_in_zone.ts';
import { shiftWindow, type ShiftWindow } from './shift_window.ts';
import { topTierThreshold } from './violent_threshold.ts';
import { windowHotSpots, type PlanIncidents, type WindowHotSpots } from './window_hot_spots.ts';

/** The street network as the planner needs it: the routing columns plus node positions. */
export interface PlanNetwork extends RoadNetwork {
  /** Node coordinates, planar metres, in the incidents' CRS. */
  nodeXs: Float64Array;
  nodeYs: Float64Array;
  /** Node coordinates, WGS84 degrees (zones are lon/lat polygons). */
  nodeLons: Float64Array;
  nodeLats: Float64Array;
}

export interface PatrolPlanInput {
  network: PlanNetwork;
  incidents: PlanIncidents;
  units: readonly UnitSpec[];
  /** Day of the plan, 0 = Monday .. 6 = Sunday. */
  day: number;
  /** WGS84 lon/lat to planar metres in the network's CRS (for the units' bases). */
  project: (lon: number, lat: number) => [number, number];
}

export interface PreparePlanOptions {
  /** Number of candidate stops. @default 150 */
  candidates?: number;
  /** Hot-spot cell side, metres. @default 150 */
  cellM?: number;
  /** Expected violent incidents per shift above which a stop is for officers only. @default the top tier rule */
  violentThreshold?: number;
  /** Share of candidate stops in the officers' top tier (default threshold rule). @default 0.1 */
  topTierShare?: number;
  /** Categories counted in a stop's value (all when absent). */
  valueCategories?: readonly string[];
  /** Fragments marking violent categories. @default violentCategoryFragments */
  violentFragments?: readonly string[];
  /** Farthest a candidate's point may be from its street node, metres. @default 300 */
  snapMaxM?: number;
  /** Farthest a unit's base may be from a street node it can use, metres. @default 2000 */
  baseSnapMaxM?: number;
  signal?: AbortSignal;
}

export interface CandidateStops {
  /** Street node of each stop. */
  node: Int32Array;
  /** Expected incidents per shift in the window (merged cells included). */
  value: Float64Array;
  violentValue: Float64Array;
  /** 1 when the stop is above the violent-risk threshold (officers only). */
  officersOnly: Uint8Array;
  /** Grid cell the stop was made from (the best one, when cells were merged) and how many cells it holds. */
  cell: Int32Array;
  cellCount: Uint16Array;
  /** Node position, planar metres and degrees. */
  xs: Float64Array;
  ys: Float64Array;
  lons: Float64Array;
  lats: Float64Array;
}

export interface PreparedPatrolPlan {
  units: PlanUnitSpec[];
  window: ShiftWindow;
  hotSpots: WindowHotSpots;
  stops: CandidateStops;
  violentThreshold: number;
  /** How the threshold was set, for the report. */
  violentThresholdRule: string;
  /** Road graph of each profile used. */
  graphs: Partial<Record<UnitKind, RoadGraph>>;
  problem: PatrolProblem;
  /** Street node of every location of the problem (stops, then each unit's start and end). */
  locationNode: Int32Array;
  /** Stops each unit may take (after threshold, zone and walking distance). */
  eligibleCount: Int32Array;
  /** Cells skipped as too far from the streets, and merged into another stop. */
  cellsTooFar: number;
  cellsMerged: number;
  notes: string[];
}

/** Profile with speed 3.6 km/h = 1 m/s on every class the profile may use: its times are metres. */
function metresProfile(p: TravelProfile): TravelProfile {
  return { name: `${p.name} (metres)`, speedKmh: p.speedKmh.map((v) => (v > 0 ? 3.6 : 0)), respectOneway: p.respectOneway };
}

export function preparePatrolPlan(input: PatrolPlanInput, options: PreparePlanOptions = {}): PreparedPatrolPlan {
  const { network: net, incidents } = input;
  const want = options.candidates ?? 150;
  if (!(Number.isInteger(want) && want >= 1)) throw new RangeError(`candidates must be a whole number >= 1, got ${want}`);
  const snapMaxM = options.snapMaxM ?? 300;
  if (!(snapMaxM > 0)) throw new RangeError(`snapMaxM must be > 0 metres, got ${snapMaxM}`);
  const baseSnapMaxM = options.baseSnapMaxM ?? 2000;
  if (!(baseSnapMaxM > 0)) throw new RangeError(`baseSnapMaxM must be > 0 metres, got ${baseSnapMaxM}`);
  if (options.violentThreshold !== undefined && !(options.violentThreshold >= 0)) {
    throw new RangeError(`violentThreshold must be >= 0 expected incidents, got ${options.violentThreshold}`);
  }
  for (const [name, col] of [['nodeYs', net.nodeYs], ['nodeLons', net.nodeLons], ['nodeLats', net.nodeLats]] as const) {
    if (col.length !== net.nodeCount || net.nodeXs.length !== net.nodeCount) throw new RangeError(`network: ${name} has ${col.length} values, nodeCount is ${net.nodeCount}`);
  }
  const signal = options.signal;
  const notes: string[] = [];

  const units = expandUnits(input.units);
  const window = shiftWindow(input.day, units.map((u) => ({ startMin: u.shiftStartMin, hours: u.hours })));
  const hotSpots = windowHotSpots(incidents, window, {
    cellM: options.cellM, valueCategories: options.valueCategories, violentFragments: options.violentFragments,
  });
  signal?.throwIfAborted();

  // Graphs and largest strong components of the profiles in use.
  const kinds = [...new Set(units.map((u) => u.kind))];
  const graphs: Partial<Record<UnitKind, RoadGraph>> = {};
  const masks: Partial<Record<UnitKind, Uint8Array>> = {};
  const common = new Uint8Array(net.nodeCount).fill(1);
  for (const k of kinds) {
    const g = buildRoadGraph(net, travelProfiles[k]);
    const mask = largestStrongComponentMask(g);
    graphs[k] = g;
    masks[k] = mask;
    for (let v = 0; v < net.nodeCount; v++) common[v] &= mask[v];
    signal?.throwIfAborted();
  }

  // Candidate stops.
  const stopSnapper = new NodeSnapper(net.nodeXs, net.nodeYs, { mask: common });
  if (stopSnapper.count === 0) throw new RangeError(`no street node is in the largest strongly connected component of every profile (${kinds.join(', ')})`);
  const stopOfNode = new Map<number, number>();
  const node: number[] = [], value: number[] = [], violent: number[] = [], cell: number[] = [], cellCount: number[] = [];
  let cellsTooFar = 0, cellsMerged = 0;
  for (let k = 0; k < hotSpots.cells.length && node.length < want; k++) {
    const v = stopSnapper.nearest(hotSpots.xs[k], hotSpots.ys[k], snapMaxM);
    if (v < 0) { cellsTooFar++; continue; }
    const s = stopOfNode.get(v);
    if (s !== undefined) {
      value[s] += hotSpots.value[k];
      violent[s] += hotSpots.violentValue[k];
      cellCount[s]++;
      cellsMerged++;
      continue;
    }
    stopOfNode.set(v, node.length);
    node.push(v); value.push(hotSpots.value[k]); violent.push(hotSpots.violentValue[k]); cell.push(hotSpots.cells[k]); cellCount.push(1);
  }
  const n = node.length;
  if (n === 0) throw new RangeError(`no hot-spot cell lies within ${snapMaxM} m of the street network: are the streets and the incidents of the same place?`);
  if (n < want) notes.push(`${n} candidate stops (asked for ${want}): only ${hotSpots.cells.length} cells have incidents in the window`);
  if (cellsTooFar > 0) notes.push(`${cellsTooFar} hot-spot cells skipped: farther than ${snapMaxM} m from the street network`);
  const stops: CandidateStops = {
    node: Int32Array.from(node),
    value: Float64Array.from(value),
    violentValue: Float64Array.from(violent),
    officersOnly: new Uint8Array(n),
    cell: Int32Array.from(cell),
    cellCount: Uint16Array.from(cellCount),
    xs: Float64Array.from(node, (v) => net.nodeXs[v]),
    ys: Float64Array.from(node, (v) => net.nodeYs[v]),
    lons: Float64Array.from(node, (v) => net.nodeLons[v]),
    lats: Float64Array.from(node, (v) => net.nodeLats[v]),
  };

  // Violent-risk threshold.
  const share = options.topTierShare ?? 0.1;
  let violentThreshold: number, violentThresholdRule: string;
  if (options.violentThreshold !== undefined) {
    violentThreshold = options.violentThreshold;
    violentThresholdRule = 'set by the coordinator';
  } else {
    violentThreshold = topTierThreshold(stops.violentValue, share);
    violentThresholdRule = `officers' top tier: stops above the highest expected violent incidents outside the top ${Math.round(share * 100)}% of the ${n} candidate stops`;
  }
  let officersOnly = 0;
  for (let i = 0; i < n; i++) if (stops.violentValue[i] > violentThreshold) { stops.officersOnly[i] = 1; officersOnly++; }
  if (hotSpots.totalViolent === 0) notes.push('no incident is of a violent category: the violent-risk threshold withholds no stop');

  // Units: bases, eligibility, dwell.
  const m = units.length;
  const L = n + 2 * m;
  const locationNode = new Int32Array(L);
  locationNode.set(stops.node);
  const baseSnappers: Partial<Record<UnitKind, NodeSnapper>> = {};
  const problemUnits: PatrolUnit[] = [];
  const eligibleCount = new Int32Array(m);
  const matrixOf: Partial<Record<UnitKind, number>> = {};
  kinds.forEach((k, j) => { matrixOf[k] = j; });
  units.forEach((u, r) => {
    const snapper = (baseSnappers[u.kind] ??= new NodeSnapper(net.nodeXs, net.nodeYs, { mask: masks[u.kind] }));
    const snapBase = (p: [number, number], what: string): number => {
      const [x, y] = input.project(p[0], p[1]);
      const v = Number.isFinite(x) && Number.isFinite(y) ? snapper.nearest(x, y, baseSnapMaxM) : -1;
      if (v < 0) throw new RangeError(`${u.label} (units[${u.entry}]): ${what} [${p[0]}, ${p[1]}] is more than ${baseSnapMaxM} m from any street a ${u.kind} can use`);
      return v;
    };
    const startNode = snapBase(u.start, 'start'), endNode = snapBase(u.end, 'end');
    locationNode[n + 2 * r] = startNode;
    locationNode[n + 2 * r + 1] = endNode;
    const eligible = new Uint8Array(n).fill(1);
    if (u.kind === 'volunteer') for (let i = 0; i < n; i++) if (stops.officersOnly[i]) eligible[i] = 0;
    if (u.zone) for (let i = 0; i < n; i++) if (eligible[i] && !pointInZone(stops.lons[i], stops.lats[i], u.zone)) eligible[i] = 0;
    if (u.maxWalkKm !== undefined) {
      const metres = travelTimesFrom(buildRoadGraph(net, metresProfile(travelProfiles[u.kind])), startNode);
      const maxM = u.maxWalkKm * 1000;
      for (let i = 0; i < n; i++) if (eligible[i] && !(metres[stops.node[i]] <= maxM)) eligible[i] = 0;
    }
    for (let i = 0; i < n; i++) eligibleCount[r] += eligible[i];
    if (eligibleCount[r] === 0) notes.push(`${u.label}: no candidate stop is allowed (zone, walking distance or violent-risk threshold)`);
    problemUnits.push({
      matrix: matrixOf[u.kind]!,
      start: n + 2 * r,
      end: n + 2 * r + 1,
      budgetS: u.hours * 3600,
      eligible,
      dwellS: new Float64Array(n).fill(u.dwellMin * 60),
    });
  });
  signal?.throwIfAborted();

  const matrices = kinds.map((k) => travelTimeMatrix(graphs[k]!, locationNode, locationNode, { signal }));
  const problem: PatrolProblem = {
    stopCount: n,
    locationCount: L,
    value: stops.value,
    matrices,
    units: problemUnits,
  };
  if (officersOnly > 0 && units.some((u) => u.kind === 'volunteer')) {
    notes.push(`${officersOnly} of ${n} stops are above the violent-risk threshold (${violentThreshold.toFixed(4)} expected violent incidents per shift): officers only`);
  }
  return {
    units, window, hotSpots, stops, violentThreshold, violentThresholdRule, graphs, problem, locationNode, eligibleCount,
    cellsTooFar, cellsMerged, notes,
  };
}
