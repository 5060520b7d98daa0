/**
 * The plan worker: patrol planning off the main thread, apart from the app worker (protocol in
 * plan_protocol.ts). The flow is the `plan` command's (analysis/commands/plan.ts): streets read
 * and noded in the incidents' planar CRS, candidate stops from the hot-spot cells of the day and
 * the units' hours, officers and volunteers planned together, the baselines on the same problem.
 *
 * Kept between requests: the streets of the last URL (read once), the network built from them in
 * the last CRS, and the last prepared plan (its stops are what edits and `replan` refer to).
 * Requests run one at a time in arrival order; `cancel` overtakes them (see plan_protocol.ts).
 *
 * `buildPlanView` is exported for tests; the message handler is installed only in a worker.
 */
import { monthLabel } from '../data/incident_columns.ts';
import { patrolPlanToGeoJson } from '../geo/patrol_geojson.ts';
import { projector } from '../geo/projection.ts';
import { buildEdgeIndex, nearestEdgeName, type EdgeIndex } from '../geo/streets/nearest_edge.ts';
import { buildStreetNetwork } from '../geo/streets/build_street_network.ts';
import { readStreetGeoJson } from '../geo/streets/read_street_geojson.ts';
import type { StreetLines } from '../geo/streets/street_lines.ts';
import type { StreetNetwork } from '../geo/streets/street_network.ts';
import { parseUnits } from '../routing/plan/plan_units.ts';
import { preparePatrolPlan, type PlanNetwork, type PreparedPatrolPlan } from '../routing/plan/prepare_patrol_plan.ts';
import { solvePatrolPlan, type PatrolPlan } from '../routing/plan/solve_patrol_plan.ts';
import { RoadClass } from '../routing/road_class.ts';
import type {
  PlanEdits, PlanPhase, PlanRequest, PlanResponse, PlanRouteView, PlanSettings, PlanView, SheetStreets,
} from './plan_protocol.ts';

/** Search time limit when the page gives none, milliseconds. */
export const DEFAULT_PLAN_TIME_LIMIT_MS = 3000;

/** The network as the planner and the exports need it. */
export interface PlanStreets {
  net: StreetNetwork;
  planNet: PlanNetwork;
  edgeIndex: EdgeIndex;
}

/** Build the network of `lines` in `crs` (metres), with its edge index for street names. */
export function planStreets(lines: StreetLines, crs: string): PlanStreets {
  const net = buildStreetNetwork(lines, { crs });
  return { net, planNet: { ...net, nodeXs: net.xs, nodeYs: net.ys, nodeLons: net.lons, nodeLats: net.lats }, edgeIndex: buildEdgeIndex(net) };
}

/** The streets of a network as polylines in degrees, for the route sheets' maps. */
export function sheetStreets(net: StreetNetwork): SheetStreets {
  const major = new Uint8Array(net.edgeCount);
  for (let e = 0; e < net.edgeCount; e++) major[e] = net.edgeClass[e] <= RoadClass.tertiary ? 1 : 0;
  return { lons: Float32Array.from(net.geomLons), lats: Float32Array.from(net.geomLats), start: net.edgeGeomStart.slice(), major };
}

/**
 * The page's view of a solved plan: units, candidate stops (with street names and who may take
 * them), routes with their clock times and paths, the GeoJSON export and the summary.
 */
export function buildPlanView(
  planId: number, revision: number, prep: PreparedPatrolPlan, plan: PatrolPlan, streets: PlanStreets,
  timings: PlanView['timings'],
): PlanView {
  const { stops, units, problem } = prep;
  const n = stops.node.length, m = units.length;
  const eligible = new Uint8Array(m * n);
  problem.units.forEach((u, r) => {
    for (let i = 0; i < n; i++) eligible[r * n + i] = u.eligible ? u.eligible[i] : 1;
  });
  const street = Array.from({ length: n }, (_, i) => nearestEdgeName(streets.edgeIndex, stops.xs[i], stops.ys[i]));
  const geojson = patrolPlanToGeoJson(prep, plan, streets.net, { edgeIndex: streets.edgeIndex });
  const paths = new Map<number, Float64Array>();
  for (const f of geojson.features) {
    if (f.properties.feature === 'route' && f.geometry.type === 'LineString') paths.set(f.properties.unitIndex, Float64Array.from(f.geometry.coordinates.flat()));
  }
  const routes = plan.routes.map(({ edges: _e, forward: _f, legEnd: _l, ...r }): PlanRouteView => ({
    ...r, path: paths.get(r.unit) ?? new Float64Array(0),
  }));
  const hs = prep.hotSpots;
  return {
    planId,
    revision,
    day: prep.window.day,
    units: units.map((u, r) => ({
      label: u.label, kind: u.kind, shiftStart: u.shiftStart, hours: u.hours, dwellMin: u.dwellMin,
      start: u.start, end: u.end, eligibleStops: prep.eligibleCount[r],
    })),
    stops: { count: n, lons: stops.lons, lats: stops.lats, value: stops.value, officersOnly: stops.officersOnly, street, eligible },
    routes,
    summary: plan.summary,
    geojson,
    violentThreshold: prep.violentThreshold,
    violentThresholdRule: prep.violentThresholdRule,
    unplacedRequired: plan.solver.unplacedRequired,
    history: { firstMonth: monthLabel(hs.firstMonth), lastMonth: monthLabel(hs.lastMonth), daysInHistory: hs.daysInHistory, incidentsUsed: hs.incidentsUsed },
    notes: prep.notes,
    timings,
  };
}

/** Buffers of a detached view, to transfer. */
function transferables(v: PlanView): Transferable[] {
  const s = v.stops;
  const out: ArrayBufferLike[] = [s.eligible.buffer, s.lons.buffer, s.lats.buffer, s.value.buffer, s.officersOnly.buffer];
  for (const r of v.routes) out.push(r.arriveMin.buffer, r.departMin.buffer, r.path.buffer);
  if (v.streets) out.push(v.streets.lons.buffer, v.streets.lats.buffer, v.streets.start.buffer, v.streets.major.buffer);
  return [...new Set(out)] as Transferable[];
}

/** Arrays the worker keeps (the prepared plan's) are copied before the view leaves. */
function detach(v: PlanView): PlanView {
  return {
    ...v,
    stops: { ...v.stops, lons: v.stops.lons.slice(), lats: v.stops.lats.slice(), value: v.stops.value.slice(), officersOnly: v.stops.officersOnly.slice() },
    routes: v.routes.map((r) => ({ ...r, stops: r.stops.slice() })),
  };
}

// ---- the worker ----

interface Prepared { id: number; prep: PreparedPatrolPlan; streets: PlanStreets; revision: number }

let streetsCache: { url: string; lines: Promise<StreetLines> } | null = null;
let networkCache: { url: string; crs: string; streets: PlanStreets } | null = null;
let prepared: Prepared | null = null;
let nextPlanId = 1;
const controllers = new Map<number, AbortController>();
const cancelledEarly = new Set<number>();

async function readStreets(url: string, signal: AbortSignal): Promise<StreetLines> {
  if (streetsCache?.url !== url) {
    const lines = fetch(url, { signal }).then(async (res) => {
      if (!res.ok) throw new Error(`${url}: the streets could not be read (HTTP ${res.status})`);
      return readStreetGeoJson(new Uint8Array(await res.arrayBuffer()));
    });
    streetsCache = { url, lines };
    lines.catch(() => { if (streetsCache?.lines === lines) streetsCache = null; });
  }
  return streetsCache.lines;
}

/** Let queued messages (a cancel) in, then stop if this request was cancelled. */
async function checkpoint(signal: AbortSignal): Promise<void> {
  await new Promise((ok) => setTimeout(ok, 0));
  signal.throwIfAborted();
}

function editsOf(e: PlanEdits, n: number) {
  for (const [name, arr] of [['lockedTo', e.lockedTo], ['required', e.required], ['excluded', e.excluded]] as const) {
    if (arr.length !== n) throw new RangeError(`edits.${name} has ${arr.length} entries, the plan has ${n} candidate stops`);
  }
  return { lockedTo: e.lockedTo, required: e.required, excluded: e.excluded };
}

async function plan(req: Extract<PlanRequest, { type: 'plan' }>, signal: AbortSignal, phase: (p: PlanPhase) => void): Promise<PlanView> {
  const settings: PlanSettings = req.settings ?? {};
  const units = parseUnits(req.units, 'units');
  const timings = { streetsMs: 0, networkMs: 0, prepareMs: 0, solveMs: 0 };
  let t = performance.now();
  let streets: PlanStreets;
  if (networkCache && networkCache.url === req.streetsUrl && networkCache.crs === req.incidents.crs) {
    streets = networkCache.streets;
  } else {
    phase('streets');
    const lines = await readStreets(req.streetsUrl, signal);
    if (lines.lineCount === 0) throw new Error(`${req.streetsUrl}: no street lines`);
    timings.streetsMs = performance.now() - t;
    phase('network');
    await checkpoint(signal);
    t = performance.now();
    streets = planStreets(lines, req.incidents.crs);
    networkCache = { url: req.streetsUrl, crs: req.incidents.crs, streets };
    timings.networkMs = performance.now() - t;
  }
  phase('prepare');
  await checkpoint(signal);
  t = performance.now();
  const toPlanar = projector('EPSG:4326', req.incidents.crs);
  const prep = preparePatrolPlan(
    { network: streets.planNet, incidents: req.incidents, units, day: req.day, project: (lon, lat) => toPlanar.forward(lon, lat) },
    { candidates: settings.candidates, cellM: settings.cellM, violentThreshold: settings.violentThreshold, signal },
  );
  timings.prepareMs = performance.now() - t;
  phase('solve');
  await checkpoint(signal);
  t = performance.now();
  const solved = solvePatrolPlan(prep, streets.net, { seed: settings.seed ?? 1, timeLimitMs: settings.timeLimitMs ?? DEFAULT_PLAN_TIME_LIMIT_MS, signal });
  timings.solveMs = performance.now() - t;
  prepared = { id: nextPlanId++, prep, streets, revision: 1 };
  const view = detach(buildPlanView(prepared.id, 1, prep, solved, streets, timings));
  view.streets = sheetStreets(streets.net);
  return view;
}

async function replan(req: Extract<PlanRequest, { type: 'replan' }>, signal: AbortSignal, phase: (p: PlanPhase) => void): Promise<PlanView> {
  if (!prepared || prepared.id !== req.planId) throw new RangeError(`plan ${req.planId} is no longer kept here (a newer plan replaced it): plan again`);
  const { prep, streets } = prepared;
  const locks = editsOf(req.edits, prep.stops.node.length);
  phase('solve');
  await checkpoint(signal);
  const t = performance.now();
  const solved = solvePatrolPlan(prep, streets.net, {
    seed: req.seed ?? 1, timeLimitMs: req.timeLimitMs ?? DEFAULT_PLAN_TIME_LIMIT_MS, locks, initialRoutes: req.initialRoutes, signal,
  });
  const timings = { streetsMs: 0, networkMs: 0, prepareMs: 0, solveMs: performance.now() - t };
  prepared.revision++;
  return detach(buildPlanView(prepared.id, prepared.revision, prep, solved, streets, timings));
}

function install(scope: DedicatedWorkerGlobalScope): void {
  const post = (msg: PlanResponse, transfer: Transferable[] = []) => scope.postMessage(msg, transfer);

  async function handle(req: PlanRequest): Promise<void> {
    if (req.type === 'cancel') {
      const ctrl = controllers.get(req.target);
      if (ctrl) ctrl.abort();
      else cancelledEarly.add(req.target);
      post({ id: req.id, type: 'result', result: null });
      return;
    }
    if (cancelledEarly.delete(req.id)) {
      post({ id: req.id, type: 'error', error: { name: 'AbortError', message: 'cancelled before it started' } });
      return;
    }
    const ctrl = new AbortController();
    controllers.set(req.id, ctrl);
    const phase = (p: PlanPhase) => post({ id: req.id, type: 'progress', phase: p });
    try {
      const view = req.type === 'plan' ? await plan(req, ctrl.signal, phase) : await replan(req, ctrl.signal, phase);
      post({ id: req.id, type: 'result', result: view }, transferables(view));
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      const aborted = ctrl.signal.aborted || err.name === 'AbortError';
      post({ id: req.id, type: 'error', error: { name: aborted ? 'AbortError' : err.name, message: aborted ? 'cancelled' : err.message } });
    } finally {
      controllers.delete(req.id);
    }
  }

  let queue: Promise<void> = Promise.resolve();
  scope.onmessage = (ev: MessageEvent<PlanRequest>) => {
    const req = ev.data;
    if (req.type === 'cancel') void handle(req);
    else queue = queue.then(() => handle(req));
  };
}

if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  install(self as unknown as DedicatedWorkerGlobalScope);
}
