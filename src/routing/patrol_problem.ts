/**
 * The patrol planning problem as the solver and the baselines see it: a team orienteering
 * problem with dwell (service) times, per-unit travel times, budgets and eligibility.
 *
 * Locations are indices into square travel-time matrices. Stops are locations
 * 0 .. stopCount - 1 (stop i is location i); the units' start and end points (stations, bases)
 * are further locations. Each unit has its own matrix (its profile's travel times), start, end,
 * time budget (shift length) and the stops it may take. A route is the list of stops a unit
 * visits, in order, without its start and end; its time is the travel from the start through the
 * stops to the end plus the dwell at every stop, and must not exceed the unit's budget. An empty
 * route is always allowed: the unit is not sent out (even when going straight from its start to
 * its end would take longer than its budget). A stop is covered by at most one unit. The aim is the largest total value of the stops covered.
 *
 * Reference: I-M. Chao, B. Golden, E. Wasil, "The team orienteering problem", EJOR 88 (1996)
 * 464–474, for the case of zero dwell, one shared matrix and equal budgets.
 */

/** One unit (car, foot officer, volunteer pair) of a plan. */
export interface PatrolUnit {
  /** Index into PatrolProblem.matrices: this unit's travel times (its profile). */
  matrix: number;
  /** Location where the route starts and where it ends. */
  start: number;
  end: number;
  /** Time budget of the route (shift length), seconds: travel plus dwell. */
  budgetS: number;
  /** eligible[i] = 1 when the unit may take stop i (zone, violent-risk threshold). Default: all. */
  eligible?: Uint8Array;
  /** Dwell per stop for this unit, seconds; overrides PatrolProblem.dwellS. */
  dwellS?: Float64Array;
}

export interface PatrolProblem {
  /** Number of candidate stops; stop i is location i. */
  stopCount: number;
  /** Side of every matrix: stops plus the units' start and end locations. */
  locationCount: number;
  /** Value of each stop (expected incidents in the window), >= 0. */
  value: Float64Array;
  /** Dwell at each stop, seconds, >= 0. Default 0. */
  dwellS?: Float64Array;
  /**
   * Travel-time matrices, seconds, row-major: m[a * locationCount + b] is the time from location a
   * to location b; Infinity where b cannot be reached from a.
   */
  matrices: Float64Array[];
  units: PatrolUnit[];
}

/**
 * Edits a user made to a plan, kept when re-optimising. Per stop; a stop can be in at most one
 * of them (a lock wins over required, an exclusion over both).
 */
export interface PlanLocks {
  /** lockedTo[i] = unit index the stop must stay on, or -1. */
  lockedTo?: Int32Array;
  /** required[i] = 1: the stop must be covered by some unit if any route can take it. */
  required?: Uint8Array;
  /** excluded[i] = 1: the stop is dropped from the plan. */
  excluded?: Uint8Array;
}

/**
 * Check a problem's shape and numbers; throws a RangeError naming the first problem found.
 * Matrices may hold Infinity (unreachable), never NaN or negative times.
 */
export function validatePatrolProblem(p: PatrolProblem): void {
  const { stopCount: n, locationCount: L } = p;
  if (!(Number.isInteger(n) && n >= 0)) throw new RangeError(`stopCount must be an integer >= 0, got ${n}`);
  if (!(Number.isInteger(L) && L >= n)) throw new RangeError(`locationCount must be an integer >= stopCount (${n}), got ${L}`);
  if (p.value.length !== n) throw new RangeError(`value has ${p.value.length} entries, expected stopCount ${n}`);
  for (let i = 0; i < n; i++) {
    if (!(p.value[i] >= 0) || p.value[i] === Infinity) throw new RangeError(`value[${i}] must be finite and >= 0, got ${p.value[i]}`);
  }
  checkDwell(p.dwellS, n, 'dwellS');
  if (p.matrices.length === 0 && p.units.length > 0) throw new RangeError('no travel-time matrices');
  p.matrices.forEach((mat, k) => {
    if (mat.length !== L * L) throw new RangeError(`matrices[${k}] has ${mat.length} cells, expected ${L}×${L}`);
    for (let c = 0; c < mat.length; c++) {
      if (!(mat[c] >= 0)) throw new RangeError(`matrices[${k}] cell (${Math.floor(c / L)}, ${c % L}) must be >= 0 or Infinity, got ${mat[c]}`);
    }
  });
  p.units.forEach((u, r) => {
    if (!(Number.isInteger(u.matrix) && u.matrix >= 0 && u.matrix < p.matrices.length)) {
      throw new RangeError(`units[${r}].matrix must index matrices (0..${p.matrices.length - 1}), got ${u.matrix}`);
    }
    for (const key of ['start', 'end'] as const) {
      if (!(Number.isInteger(u[key]) && u[key] >= 0 && u[key] < L)) throw new RangeError(`units[${r}].${key} must be a location 0..${L - 1}, got ${u[key]}`);
    }
    if (!(u.budgetS >= 0) || u.budgetS === Infinity) throw new RangeError(`units[${r}].budgetS must be finite and >= 0, got ${u.budgetS}`);
    if (u.eligible && u.eligible.length !== n) throw new RangeError(`units[${r}].eligible has ${u.eligible.length} entries, expected ${n}`);
    checkDwell(u.dwellS, n, `units[${r}].dwellS`);
  });
}

function checkDwell(d: Float64Array | undefined, n: number, name: string): void {
  if (!d) return;
  if (d.length !== n) throw new RangeError(`${name} has ${d.length} entries, expected stopCount ${n}`);
  for (let i = 0; i < n; i++) if (!(d[i] >= 0) || d[i] === Infinity) throw new RangeError(`${name}[${i}] must be finite and >= 0, got ${d[i]}`);
}

/** Dwell of `unit` at stop i, seconds. */
export function dwellOf(p: PatrolProblem, unit: PatrolUnit, i: number): number {
  return unit.dwellS ? unit.dwellS[i] : p.dwellS ? p.dwellS[i] : 0;
}

/**
 * Time of a route, seconds: start -> stops in order -> end, plus the dwell at every stop.
 * Summed left to right, the way the solver checks its budget.
 */
export function routeTimeS(p: PatrolProblem, unitIndex: number, route: ArrayLike<number>): number {
  const u = p.units[unitIndex];
  const mat = p.matrices[u.matrix];
  const L = p.locationCount;
  let t = 0, at = u.start;
  for (let k = 0; k < route.length; k++) {
    const i = route[k];
    t += mat[at * L + i] + dwellOf(p, u, i);
    at = i;
  }
  return t + mat[at * L + u.end];
}

/** Arrival and departure times (seconds after the unit's start) at each stop of a route. */
export interface RouteSchedule {
  arriveS: Float64Array;
  departS: Float64Array;
  /** Arrival back at the end location. */
  endS: number;
}

export function routeSchedule(p: PatrolProblem, unitIndex: number, route: ArrayLike<number>): RouteSchedule {
  const u = p.units[unitIndex];
  const mat = p.matrices[u.matrix];
  const L = p.locationCount;
  const arriveS = new Float64Array(route.length), departS = new Float64Array(route.length);
  let t = 0, at = u.start;
  for (let k = 0; k < route.length; k++) {
    const i = route[k];
    t += mat[at * L + i];
    arriveS[k] = t;
    t += dwellOf(p, u, i);
    departS[k] = t;
    at = i;
  }
  return { arriveS, departS, endS: t + mat[at * L + u.end] };
}

/**
 * Problems with a set of routes (one per unit): every reason it is not a feasible plan — a stop
 * out of range, repeated, ineligible for its unit, or a non-empty route over its budget. Empty
 * when feasible.
 */
export function planViolations(p: PatrolProblem, routes: ArrayLike<number>[]): string[] {
  const out: string[] = [];
  if (routes.length !== p.units.length) out.push(`${routes.length} routes for ${p.units.length} units`);
  const seen = new Int32Array(p.stopCount).fill(-1);
  for (let r = 0; r < Math.min(routes.length, p.units.length); r++) {
    const u = p.units[r];
    const route = routes[r];
    for (let k = 0; k < route.length; k++) {
      const i = route[k];
      if (!(Number.isInteger(i) && i >= 0 && i < p.stopCount)) { out.push(`unit ${r}: stop ${i} out of range`); continue; }
      if (seen[i] >= 0) out.push(`stop ${i} on units ${seen[i]} and ${r}`);
      seen[i] = r;
      if (u.eligible && !u.eligible[i]) out.push(`unit ${r}: stop ${i} not eligible`);
    }
    const t = routeTimeS(p, r, route);
    if (route.length > 0 && !(t <= u.budgetS)) out.push(`unit ${r}: route takes ${t} s, budget ${u.budgetS} s`);
  }
  return out;
}

/** Total value of the stops on the routes. */
export function planValue(p: PatrolProblem, routes: ArrayLike<number>[]): number {
  let v = 0;
  for (const route of routes) for (let k = 0; k < route.length; k++) v += p.value[route[k]];
  return v;
}
