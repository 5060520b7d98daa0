/**
 * Solve a prepared patrol plan (prepare_patrol_plan.ts) and lay it out for people: the solver's
 * routes (team_orienteering.ts) with each unit's schedule on the clock, the street path of every
 * leg (fastest path on the unit's own graph, for drawing), the value and share of expected
 * incidents each route covers, and the two baselines of DESIGN.md (hand-style over the top 30,
 * greedy over all candidates) on the same problem.
 *
 * Times on the clock are minutes after midnight of the plan's day (past 1440 = the next day).
 */
import { greedyPlan, handStylePlan, type BaselinePlan } from '../patrol_baselines.ts';
import { planValue, routeSchedule, type PlanLocks } from '../patrol_problem.ts';
import { ShortestPathSearch } from '../shortest_path.ts';
import { solveTeamOrienteering, type TeamOrienteeringResult } from '../team_orienteering.ts';
import type { RoadNetwork } from '../road_graph.ts';
import type { UnitKind } from './plan_units.ts';
import type { PreparedPatrolPlan } from './prepare_patrol_plan.ts';

export interface SolvePlanOptions {
  /** Seed of the solver. @default 1 */
  seed?: number;
  /** Solver time limit, milliseconds. @default 10000 */
  timeLimitMs?: number;
  /** The user's locks, drops and additions, kept when re-optimising. */
  locks?: PlanLocks;
  /** Routes to start from (the previous plan). */
  initialRoutes?: ArrayLike<number>[];
  /** Size of the hand-style baseline's top list. @default 30 */
  handStyleTopN?: number;
  signal?: AbortSignal;
}

/** One unit's route. */
export interface PlannedRoute {
  unit: number;
  label: string;
  kind: UnitKind;
  /** Stops in visit order (indices into PreparedPatrolPlan.stops). */
  stops: Int32Array;
  /** Clock minutes (after midnight of the plan's day) of arrival at / departure from each stop. */
  arriveMin: Float64Array;
  departMin: Float64Array;
  startMin: number;
  /** Clock minutes when the unit is back at its end point. */
  endMin: number;
  /** Travel plus dwell, seconds (0 for a unit not sent out). */
  timeS: number;
  /** Expected incidents per shift at its stops, and their share of all expected in the window. */
  value: number;
  share: number;
  /** Street pieces of the whole route (base, stops, end), in travel order, and their direction. */
  edges: Uint32Array;
  forward: Uint8Array;
  /** legEnd[k] = number of edges up to stop k (k < stops.length), then to the end point. */
  legEnd: Uint32Array;
  /** Length of the path, metres. */
  distanceM: number;
}

export interface PlanSummary {
  units: number;
  /** Stops covered by the plan. */
  stops: number;
  /** Expected incidents per shift at the covered stops: the plan, the hand-style and the greedy baselines. */
  expectedCovered: number;
  handStyleCovered: number;
  greedyCovered: number;
  /** Expected incidents per shift in the window over the whole area, and the plan's share of it. */
  expectedInWindow: number;
  coveredShare: number;
  candidates: number;
  violentThreshold: number;
  solverSeconds: number;
  solverStoppedBy: TeamOrienteeringResult['stoppedBy'];
}

export interface PatrolPlan {
  routes: PlannedRoute[];
  handStyle: BaselinePlan;
  greedy: BaselinePlan;
  solver: TeamOrienteeringResult;
  summary: PlanSummary;
}

export function solvePatrolPlan(prep: PreparedPatrolPlan, network: RoadNetwork, options: SolvePlanOptions = {}): PatrolPlan {
  const { problem, units, hotSpots, locationNode } = prep;
  const solver = solveTeamOrienteering(problem, {
    seed: options.seed ?? 1,
    timeLimitMs: options.timeLimitMs ?? 10_000,
    locks: options.locks,
    initialRoutes: options.initialRoutes,
    signal: options.signal,
  });
  const handStyle = handStylePlan(problem, options.handStyleTopN ?? 30);
  const greedy = greedyPlan(problem);
  const total = hotSpots.totalExpected;
  const searches: Partial<Record<UnitKind, ShortestPathSearch>> = {};

  const routes = units.map((u, r): PlannedRoute => {
    const stops = solver.routes[r];
    const sched = routeSchedule(problem, r, stops);
    const value = planValue(problem, [stops]);
    const search = (searches[u.kind] ??= new ShortestPathSearch(prep.graphs[u.kind]!));
    const g = search.graph;
    const edges: number[] = [], forward: number[] = [];
    const legEnd = new Uint32Array(stops.length + 1);
    let distanceM = 0;
    if (stops.length > 0) {
      const pu = problem.units[r];
      const seq = [pu.start, ...stops, pu.end];
      for (let k = 0; k + 1 < seq.length; k++) {
        const a = locationNode[seq[k]], b = locationNode[seq[k + 1]];
        if (a !== b) {
          if (search.pointToPoint(a, b) === Infinity) throw new Error(`internal error: no path for ${u.label} from node ${a} to ${b}`);
          for (const arc of search.pathArcsTo(b)!) {
            const e = g.arcEdge[arc];
            edges.push(e);
            forward.push(g.arcForward[arc]);
            distanceM += network.edgeLengthM[e];
          }
        }
        legEnd[k] = edges.length;
      }
    }
    const start = u.shiftStartMin;
    return {
      unit: r,
      label: u.label,
      kind: u.kind,
      stops: Int32Array.from(stops),
      arriveMin: sched.arriveS.map((s) => start + s / 60),
      departMin: sched.departS.map((s) => start + s / 60),
      startMin: start,
      endMin: start + (stops.length ? sched.endS : 0) / 60,
      timeS: stops.length ? sched.endS : 0,
      value,
      share: total > 0 ? value / total : 0,
      edges: Uint32Array.from(edges),
      forward: Uint8Array.from(forward),
      legEnd,
      distanceM,
    };
  });

  let covered = 0;
  for (const r of routes) covered += r.stops.length;
  return {
    routes,
    handStyle,
    greedy,
    solver,
    summary: {
      units: units.length,
      stops: covered,
      expectedCovered: solver.value,
      handStyleCovered: handStyle.value,
      greedyCovered: greedy.value,
      expectedInWindow: total,
      coveredShare: total > 0 ? solver.value / total : 0,
      candidates: problem.stopCount,
      violentThreshold: prep.violentThreshold,
      solverSeconds: solver.elapsedMs / 1000,
      solverStoppedBy: solver.stoppedBy,
    },
  };
}
