/**
 * The typed contract between the page and the plan worker (plan_worker.ts), a second worker that
 * does nothing but patrol planning, so a plan never waits behind the app worker's database work
 * and a long search never blocks an analysis.
 *
 * Every request carries an id; the worker answers with progress messages and then exactly one
 * `result` or `error` for that id. `cancel` overtakes queued work: a cancelled request that has
 * not started answers an AbortError at once; a running one stops at its next checkpoint (between
 * reading the streets, building the network, preparing the stops and searching; the search itself
 * runs to its time limit). Errors cross as {name, message} and are rebuilt as Errors by the page.
 */
import type { FeatureCollection, LineString, Point } from 'geojson';
import type { PatrolRouteProps, PatrolStopProps } from '../geo/patrol_geojson.ts';
import type { UnitKind } from '../routing/plan/plan_units.ts';
import type { PlannedRoute, PlanSummary } from '../routing/plan/solve_patrol_plan.ts';

/** The incident columns a plan needs (a subset of IncidentColumns); their buffers are transferred. */
export interface PlanIncidentColumns {
  /** Planar CRS of xs/ys; the street network is built in it. */
  crs: string;
  xs: Float64Array;
  ys: Float64Array;
  /** Hour 0..23, -1 unknown. */
  hour: Int8Array;
  /** Day of week 0 = Monday .. 6, -1 unknown. */
  dow: Int8Array;
  /** Months since 1970-01. */
  monthIndex: Int32Array;
  categoryCode: Uint16Array;
  categories: string[];
}

/** Settings of a plan; each has the planner's default when absent. */
export interface PlanSettings {
  /** Number of candidate stops. @default 150 */
  candidates?: number;
  /** Hot-spot cell side, metres. @default 150 */
  cellM?: number;
  /** Expected violent incidents per shift above which a stop is for officers only. @default the officers' top tier */
  violentThreshold?: number;
  /** Search time limit, milliseconds. @default 3000 */
  timeLimitMs?: number;
  /** Seed of the search. @default 1 */
  seed?: number;
}

/** The user's edits, one entry per candidate stop (PlanLocks of src/routing/patrol_problem.ts). */
export interface PlanEdits {
  /** Unit the stop is locked to, or -1. */
  lockedTo: Int32Array;
  /** 1: the stop was added by the user and must be covered if any route can take it. */
  required: Uint8Array;
  /** 1: the stop was dropped. */
  excluded: Uint8Array;
}

export type PlanRequestBody =
  /**
   * Read the streets at `streetsUrl` (once; kept for later plans), build the network in the
   * incidents' CRS, make the candidate stops for `day` (0 = Monday) and the units' shifts, and
   * search. `units` is a list in the UNITS.json form (src/routing/plan/plan_units.ts).
   */
  | { type: 'plan'; streetsUrl: string; incidents: PlanIncidentColumns; units: unknown[]; day: number; settings?: PlanSettings }
  /** Search again on the same stops with the user's edits, starting from `initialRoutes`. */
  | { type: 'replan'; planId: number; edits: PlanEdits; initialRoutes?: Int32Array[]; timeLimitMs?: number; seed?: number }
  | { type: 'cancel'; target: number };

export type PlanRequest = PlanRequestBody & { id: number };

/** One unit of the plan. */
export interface PlanUnitView {
  label: string;
  kind: UnitKind;
  /** 'HH:MM' and hours. */
  shiftStart: string;
  hours: number;
  dwellMin: number;
  /** Base, WGS84 [lon, lat] (as given, before snapping). */
  start: [number, number];
  end: [number, number];
  /** Candidate stops this unit may take (zone, walking distance, violent-risk threshold). */
  eligibleStops: number;
}

/** The candidate stops, index i = stop i of every route and edit. */
export interface PlanStopsView {
  count: number;
  lons: Float64Array;
  lats: Float64Array;
  /** Expected incidents per shift in the window. */
  value: Float64Array;
  /** 1: above the violent-risk threshold, officers only. */
  officersOnly: Uint8Array;
  /** Nearest named street ('' when none). */
  street: string[];
  /** eligible[r * count + i] = 1 when unit r may take stop i. */
  eligible: Uint8Array;
}

/** One unit's route: PlannedRoute without the edge lists, plus its path in degrees. */
export type PlanRouteView = Omit<PlannedRoute, 'edges' | 'forward' | 'legEnd'> & {
  /** The streets driven or walked, [lon0, lat0, lon1, lat1, ...] (the GeoJSON route's coordinates). */
  path: Float64Array;
};

/** Street geometry for the route sheets' maps: polylines in degrees. */
export interface SheetStreets {
  /** Vertices of polyline k are start[k] .. start[k + 1] - 1. */
  lons: Float32Array;
  lats: Float32Array;
  start: Uint32Array;
  /** 1 for major roads (drawn wider). */
  major: Uint8Array;
}

export interface PlanView {
  /** The prepared stops this plan is on; edits and `replan` refer to it. */
  planId: number;
  /** Searches run on these stops so far (1 for a fresh plan). */
  revision: number;
  /** 0 = Monday .. 6 = Sunday. */
  day: number;
  units: PlanUnitView[];
  stops: PlanStopsView;
  routes: PlanRouteView[];
  summary: PlanSummary;
  /** The plan as exported (src/geo/patrol_geojson.ts). */
  geojson: FeatureCollection<LineString | Point, PatrolRouteProps | PatrolStopProps>;
  violentThreshold: number;
  violentThresholdRule: string;
  /** Stops the user added that no route could take. */
  unplacedRequired: Int32Array;
  /** The incidents behind the values: months 'YYYY-MM', days of the plan's weekday, incidents used. */
  history: { firstMonth: string; lastMonth: string; daysInHistory: number; incidentsUsed: number };
  notes: string[];
  /** Present in answers to `plan` only (the page keeps them for the route sheets). */
  streets?: SheetStreets;
  /** Milliseconds per phase (0 for phases served from the cache). */
  timings: { streetsMs: number; networkMs: number; prepareMs: number; solveMs: number };
}

export type PlanPhase = 'streets' | 'network' | 'prepare' | 'solve';

export interface PlanResultOf {
  plan: PlanView;
  replan: PlanView;
  cancel: null;
}

export type PlanResponse =
  | { id: number; type: 'progress'; phase: PlanPhase }
  | { id: number; type: 'result'; result: unknown }
  | { id: number; type: 'error'; error: { name: string; message: string } };
