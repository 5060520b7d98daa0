/**
 * Reader for the team orienteering benchmark instances of Chao, Golden & Wasil (1996), as
 * distributed in ../shared/bench/top: lines `n N`, `m M`, `tmax T`, then N lines `x y score`.
 * The first point is the start and the last the end of every route; distances are Euclidean, not
 * rounded; tmax bounds each route.
 *
 * As a {@link PatrolProblem}: stop i is point i + 1 (points 1 .. N - 2), the start is location
 * N - 2 and the end location N - 1; dwell 0; one matrix shared by the M units.
 */
import type { PatrolProblem } from './patrol_problem.ts';

export interface ChaoInstance {
  /** Number of points N, start and end included. */
  pointCount: number;
  /** Number of routes M. */
  routeCount: number;
  /** Time (length) budget per route. */
  tmax: number;
  xs: Float64Array;
  ys: Float64Array;
  scores: Float64Array;
  /** The instance as a patrol problem (see the module comment for the index mapping). */
  problem: PatrolProblem;
}

/** Parse an instance; `source` names the file in error messages. */
export function parseChaoInstance(text: string, source = 'instance'): ChaoInstance {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  const header = (k: number, key: string): number => {
    const parts = (lines[k] ?? '').split(/\s+/);
    const v = Number(parts[1]);
    if (parts[0] !== key || !Number.isFinite(v)) throw new RangeError(`${source}: line ${k + 1} must be '${key} <number>', got '${lines[k] ?? ''}'`);
    return v;
  };
  const N = header(0, 'n'), M = header(1, 'm'), tmax = header(2, 'tmax');
  if (!(Number.isInteger(N) && N >= 2)) throw new RangeError(`${source}: n must be an integer >= 2, got ${N}`);
  if (!(Number.isInteger(M) && M >= 1)) throw new RangeError(`${source}: m must be an integer >= 1, got ${M}`);
  if (!(tmax >= 0)) throw new RangeError(`${source}: tmax must be >= 0, got ${tmax}`);
  if (lines.length - 3 < N) throw new RangeError(`${source}: ${N} points announced, ${lines.length - 3} found`);
  const xs = new Float64Array(N), ys = new Float64Array(N), scores = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const parts = lines[3 + i].split(/\s+/).map(Number);
    if (parts.length < 3 || !parts.slice(0, 3).every(Number.isFinite)) {
      throw new RangeError(`${source}: point line ${4 + i} must be 'x y score', got '${lines[3 + i]}'`);
    }
    [xs[i], ys[i], scores[i]] = parts;
  }
  // Location order: points 1..N-2 (stops), then point 0 (start), then point N-1 (end).
  const L = N;
  const pointOf = (loc: number) => (loc < N - 2 ? loc + 1 : loc === N - 2 ? 0 : N - 1);
  const mat = new Float64Array(L * L);
  for (let a = 0; a < L; a++) {
    const pa = pointOf(a);
    for (let b = 0; b < L; b++) {
      const pb = pointOf(b);
      mat[a * L + b] = Math.sqrt((xs[pa] - xs[pb]) ** 2 + (ys[pa] - ys[pb]) ** 2);
    }
  }
  const stopCount = N - 2;
  const problem: PatrolProblem = {
    stopCount,
    locationCount: L,
    value: scores.slice(1, N - 1),
    matrices: [mat],
    units: Array.from({ length: M }, () => ({ matrix: 0, start: N - 2, end: N - 1, budgetS: tmax })),
  };
  return { pointCount: N, routeCount: M, tmax, xs, ys, scores, problem };
}

/** Euclidean length of a route given as point indices (start and end excluded) of an instance. */
export function chaoRouteLength(inst: ChaoInstance, points: ArrayLike<number>): number {
  const { xs, ys, pointCount: N } = inst;
  let len = 0, at = 0;
  for (let k = 0; k < points.length; k++) {
    const p = points[k];
    len += Math.sqrt((xs[at] - xs[p]) ** 2 + (ys[at] - ys[p]) ** 2);
    at = p;
  }
  return len + Math.sqrt((xs[at] - xs[N - 1]) ** 2 + (ys[at] - ys[N - 1]) ** 2);
}
