/**
 * The two baselines a plan is reported against (DESIGN.md, "Command line"), on the same problem
 * as the solver:
 *
 * - hand-style: each unit in turn goes to the nearest unvisited stop among the 30 highest-valued
 *   candidates that still lets it get back before the shift ends — routes drawn by hand from a
 *   top-30 list;
 * - greedy: the same nearest-first rule over all candidates, working the whole shift.
 *
 * "In turn" is round robin: unit 0 picks its next stop, then unit 1, ..., then unit 0 again; a
 * unit that can reach no further candidate and still get back stops. "Nearest" is by the unit's
 * own travel time from where it stands (ties: higher value, then lower stop index). A unit only
 * takes stops it is eligible for; stops of value 0 are never candidates (no reason to go there).
 * Each stop is covered at most once and every route fits its budget (travel + dwell).
 */
import { dwellOf, type PatrolProblem } from './patrol_problem.ts';

export interface BaselinePlan {
  /** Stops of each unit's route in visit order (start and end not included). */
  routes: Int32Array[];
  /** Total value of the stops covered. */
  value: number;
  /** Time of each route, seconds. */
  timeS: Float64Array;
}

export interface NearestFirstOptions {
  /** Only the this many highest-valued stops are candidates (ties: lower index). Default: all. */
  topN?: number;
  /** Round robin between units (default), or one unit's whole route after the other. */
  order?: 'roundRobin' | 'unitByUnit';
}

/** Routes built by the nearest-first rule (see the module comment). */
export function nearestFirstPlan(problem: PatrolProblem, options: NearestFirstOptions = {}): BaselinePlan {
  const { stopCount: n, locationCount: L, value, units } = problem;
  const topN = options.topN ?? n;
  if (!(topN >= 0)) throw new RangeError(`topN must be >= 0, got ${topN}`);
  const order = options.order ?? 'roundRobin';
  const candidates = Array.from({ length: n }, (_, i) => i)
    .filter((i) => value[i] > 0)
    .sort((a, b) => value[b] - value[a] || a - b)
    .slice(0, topN);
  const taken = new Uint8Array(n);
  const m = units.length;
  const routes: number[][] = units.map(() => []);
  const at = Int32Array.from(units, (u) => u.start);
  const clock = new Float64Array(m);
  const active = new Uint8Array(m).fill(1);

  /** Unit r's next stop by the rule, or -1. */
  const next = (r: number): number => {
    const u = units[r], mat = problem.matrices[u.matrix];
    const from = at[r] * L;
    let best = -1, bestT = Infinity;
    for (const i of candidates) {
      if (taken[i] || (u.eligible && !u.eligible[i])) continue;
      const t = mat[from + i];
      if (!(clock[r] + t + dwellOf(problem, u, i) + mat[i * L + u.end] <= u.budgetS)) continue;
      if (t < bestT || (t === bestT && (value[i] > value[best] || (value[i] === value[best] && i < best)))) { best = i; bestT = t; }
    }
    return best;
  };
  const step = (r: number): boolean => {
    const i = next(r);
    if (i < 0) { active[r] = 0; return false; }
    const u = units[r];
    clock[r] += problem.matrices[u.matrix][at[r] * L + i] + dwellOf(problem, u, i);
    at[r] = i;
    taken[i] = 1;
    routes[r].push(i);
    return true;
  };

  if (order === 'unitByUnit') {
    for (let r = 0; r < m; r++) while (step(r));
  } else {
    let any = true;
    while (any) {
      any = false;
      for (let r = 0; r < m; r++) if (active[r] && step(r)) any = true;
    }
  }
  const timeS = new Float64Array(m);
  let total = 0;
  for (let r = 0; r < m; r++) {
    const u = units[r];
    timeS[r] = clock[r] + problem.matrices[u.matrix][at[r] * L + u.end];
    for (const i of routes[r]) total += value[i];
  }
  return { routes: routes.map((r) => Int32Array.from(r)), value: total, timeS };
}

/** Hand-style baseline: nearest-first over the 30 highest-valued stops. */
export function handStylePlan(problem: PatrolProblem, topN = 30): BaselinePlan {
  return nearestFirstPlan(problem, { topN });
}

/** Greedy baseline: nearest-first over all candidate stops, for the whole shift. */
export function greedyPlan(problem: PatrolProblem): BaselinePlan {
  return nearestFirstPlan(problem, {});
}
