/**
 * Patrol planner core: a solver for the team orienteering problem with dwell times, per-unit
 * travel times, budgets and eligibility (see patrol_problem.ts), and with the user's locks.
 *
 * Method: iterated local search with large-neighbourhood moves (ruin and recreate), in the spirit
 * of the ALNS and ILS methods for the TOP:
 *
 * - Construction and repair insert unvisited stops greedily by value per added time (with noise
 *   in the repair), each at its cheapest position in any route with room for it.
 * - Local search, to a local optimum: 2-opt and or-opt (segments of 1–3 stops, either direction)
 *   inside each route to shorten it; insertion of unvisited stops; replacing a visited stop by a
 *   more valuable unvisited one; moving or swapping stops between routes when that shortens them.
 *   All moves use exact times from the units' matrices, so one-way streets (asymmetric times)
 *   are handled; reversed segments use prefix sums of the backward times.
 * - Perturbation: remove some stops (random, a segment of a route, stops near one another, the
 *   least valuable per time, a whole route, or the stops in the way of an unvisited stop that is
 *   then forced in; operators chosen by adaptive weights), repair, local search; accept the
 *   result if it is no worse than the current plan by a random threshold; return to the best
 *   plan after a run of iterations without gain.
 * - Recombination: every route of every local optimum goes into a pool; every 100 iterations
 *   the best set of disjoint pooled routes (one per unit) is sought by branch and bound
 *   (route_pool.ts) and, when it beats the best plan, filled up and polished.
 *
 * The lexicographic objective is the total value, then the shortest total time. A stop required
 * by the user counts as more valuable than all other stops together, so it is placed whenever any
 * route can take it; a locked stop never leaves its unit; a stop of value 0 is only visited when
 * locked or required. A unit whose start-to-end trip alone exceeds its budget gets an empty route.
 * Per-stop time windows are not modelled: a unit's window is its shift (budget from its start).
 *
 * Guarantees: no route ever exceeds its budget (checked with exact left-to-right sums before the
 * result is returned), no unit takes a stop it is not eligible for, no stop is covered twice.
 * Deterministic for a given seed when the search ends on iterations or stalling rather than on
 * the time limit (which depends on the machine).
 *
 * References: I-M. Chao, B. Golden, E. Wasil, "The team orienteering problem", EJOR 88 (1996)
 * 464–474; P. Vansteenwegen, W. Souffriau, G. Vanden Berghe, D. Van Oudheusden, "Iterated local
 * search for the team orienteering problem with time windows", Computers & OR 36 (2009)
 * 3281–3290; S. Ropke, D. Pisinger, "An adaptive large neighborhood search heuristic for the
 * pickup and delivery problem with time windows", Transportation Science 40 (2006) 455–472;
 * S.-W. Lin, "Solving the team orienteering problem using effective multi-start simulated
 * annealing", Applied Soft Computing 13 (2013) 1064–1073.
 */
import {
  planViolations, validatePatrolProblem, type PatrolProblem, type PlanLocks,
} from './patrol_problem.ts';
import { Random } from './random.ts';
import { RoutePool } from './route_pool.ts';

export interface TeamOrienteeringOptions {
  /** Seed of the search's random choices. Default 1. */
  seed?: number;
  /** Wall-clock limit, milliseconds. Default 1000. */
  timeLimitMs?: number;
  /** Largest number of perturbation iterations. Default unlimited. */
  maxIterations?: number;
  /**
   * Stop after this many iterations in a row without a better plan. Default: 1000 + 50 × the
   * number of stops that some unit can reach.
   */
  stallIterations?: number;
  /** Locks, drops and additions kept when re-optimising. */
  locks?: PlanLocks;
  /**
   * A plan to start from (one route of stop indices per unit), e.g. the previous plan when
   * re-optimising. Stops that are no longer allowed are left out and over-long routes shortened.
   */
  initialRoutes?: ArrayLike<number>[];
  /** Checked between iterations; an aborted signal throws its reason. */
  signal?: AbortSignal;
  /** Search parameters, for experiments; the defaults were tuned on the Chao instances. */
  tuning?: Partial<SearchTuning>;
}

export interface SearchTuning {
  /** Largest share of the visited stops one perturbation removes. */
  ruinShare: number;
  /** Largest relative noise on the insertion ratio when repairing. */
  repairNoise: number;
  /** A plan worse than the current one by up to this share of the best total may be accepted. */
  acceptShare: number;
  /** Go back to the best plan after this many iterations without a better one. */
  restartEvery: number;
  /** Recombine pooled routes (set packing) every this many iterations; 0 = never. */
  packEvery: number;
  /** Node limit of one set-packing search. */
  packNodes: number;
  /** 0: accept relative to the current plan (randomised threshold); 1: record-to-record (to the best). */
  acceptMode: number;
  /** 1: local search also moves a stop to another route to make room for an unvisited one. */
  makeRoom: number;
}

export const defaultTuning: Readonly<SearchTuning> = Object.freeze({
  ruinShare: 0.4,
  repairNoise: 1,
  acceptShare: 0.08,
  restartEvery: 2000,
  packEvery: 100,
  packNodes: 50_000,
  acceptMode: 0,
  makeRoom: 1,
});

export interface TeamOrienteeringResult {
  /** Stops of each unit's route in visit order (start and end not included). */
  routes: Int32Array[];
  /** Total value of the stops covered. */
  value: number;
  /** Time of each route, seconds (travel + dwell). */
  timeS: Float64Array;
  /** Perturbation iterations run. */
  iterations: number;
  elapsedMs: number;
  /** Why the search ended: every reachable stop covered, stalled, iteration cap or time limit. */
  stoppedBy: 'complete' | 'stall' | 'iterations' | 'time';
  /** Required stops that no route could take. */
  unplacedRequired: Int32Array;
}

const now = (): number => globalThis.performance.now();

/**
 * Solve a patrol problem. Throws a RangeError on a malformed problem or locks that cannot be
 * kept (stops locked to a unit that do not fit in its budget, a stop locked to a unit that may
 * not take it).
 */
export function solveTeamOrienteering(problem: PatrolProblem, options: TeamOrienteeringOptions = {}): TeamOrienteeringResult {
  const t0 = now();
  validatePatrolProblem(problem);
  const timeLimitMs = options.timeLimitMs ?? 1000;
  if (!(timeLimitMs >= 0)) throw new RangeError(`timeLimitMs must be >= 0, got ${timeLimitMs}`);
  const maxIterations = options.maxIterations ?? Infinity;
  if (!(maxIterations >= 0)) throw new RangeError(`maxIterations must be >= 0, got ${maxIterations}`);
  const search = new Search(problem, options.locks ?? {}, options.seed ?? 1, { ...defaultTuning, ...options.tuning });
  const stall = options.stallIterations ?? 1000 + 50 * search.reachableCount;
  if (!(stall >= 0)) throw new RangeError(`stallIterations must be >= 0, got ${stall}`);
  const signal = options.signal;
  const deadline = t0 + timeLimitMs;

  search.start(options.initialRoutes);
  let stoppedBy: TeamOrienteeringResult['stoppedBy'] = 'stall';
  let iterations = 0;
  if (search.bestIsComplete()) stoppedBy = 'complete';
  else {
    let sinceBest = 0;
    for (;;) {
      if (iterations >= maxIterations) { stoppedBy = 'iterations'; break; }
      if (sinceBest >= stall) { stoppedBy = 'stall'; break; }
      if (now() >= deadline) { stoppedBy = 'time'; break; }
      if (signal?.aborted) throw signal.reason ?? new Error('aborted');
      iterations++;
      if (search.iterate()) sinceBest = 0;
      else sinceBest++;
      if (search.bestIsComplete()) { stoppedBy = 'complete'; break; }
    }
  }
  const result = search.result();
  const violations = planViolations(problem, result.routes);
  const lockedTo = options.locks?.lockedTo;
  if (lockedTo) {
    for (let i = 0; i < problem.stopCount; i++) {
      const r = lockedTo[i];
      if (r >= 0 && !(options.locks?.excluded?.[i]) && !result.routes[r].includes(i)) violations.push(`stop ${i} locked to unit ${r} is not on it`);
    }
  }
  if (violations.length) throw new Error(`internal error, plan infeasible: ${violations.slice(0, 3).join('; ')}`);
  return { ...result, iterations, elapsedMs: now() - t0, stoppedBy };
}

/**
 * Relative tolerance on estimated times (time + delta) against a budget. A move that passes is
 * applied, the route's exact time summed again, and the move undone if that is over the budget,
 * so plans that use their budget to the last digit are found and none goes over it.
 */
const budgetSlack = 1e-9;

class Search {
  readonly n: number;
  readonly m: number;
  readonly L: number;
  /** Per unit: travel time plus the dwell at the arrival stop, L × L (shared between alike units). */
  readonly cost: Float64Array[];
  readonly startLoc: Int32Array;
  readonly endLoc: Int32Array;
  /** Per unit: the budget, for exact times. */
  readonly limit: Float64Array;
  /** Per unit: the budget plus a hair, for estimated times (see budgetSlack). */
  readonly estLimit: Float64Array;
  /** allowed[r * n + i] = 1 when unit r may take stop i and can reach it within its budget. */
  readonly allowed: Uint8Array;
  /** Search value of each stop (required stops boosted). */
  readonly val: Float64Array;
  readonly value: Float64Array;
  /** Unit a stop is locked to, or -1. */
  readonly locked: Int32Array;
  readonly required: Uint8Array;
  /** Stops some unit can take, ascending. */
  readonly reachable: Int32Array;
  readonly reachableCount: number;
  /** Sum of the search values of all reachable stops: the plan cannot do better. */
  readonly upperBound: number;
  /** A time too small to matter, for ratios and improvement tests. */
  readonly tiny: number;
  readonly rng: Random;

  // Current working plan.
  readonly seq: Int32Array[];
  readonly len: Int32Array;
  readonly routeOf: Int32Array;
  readonly time: Float64Array;
  total = 0;
  readonly dirty: Uint8Array;

  // Accepted (current) and best plans.
  private readonly cur: Snapshot;
  private readonly best: Snapshot;
  private readonly spare: Snapshot;
  packTries = 0;
  packWins = 0;
  private sinceBestImproved = 0;
  private iteration = 0;

  // Scratch.
  private readonly F: Float64Array;
  private readonly B: Float64Array;
  private readonly tmp: Int32Array;
  private readonly insD: Float64Array;
  private readonly insP: Int32Array;
  /**
   * Insertion cache: for stop x and route r (i = x * m + r), the three cheapest insertions
   * cD[3i..3i+2] at positions cP[3i..3i+2], valid while cVer[i] equals the route's version.
   */
  private readonly cD: Float64Array;
  private readonly cP: Int32Array;
  private readonly cVer: Float64Array;
  /** Version of each route: a fresh number after every change. */
  readonly ver: Float64Array;
  verClock = 0;
  private readonly unvisited: Int32Array;
  private readonly scratchN: Float64Array;
  private readonly bak: Int32Array[];
  private readonly bakLen = new Int32Array(2);
  private readonly bakRoute = new Int32Array(2).fill(-1);
  private readonly scratchI: Int32Array;
  /** Roulette weights of the ruin operators, adapted to their success. */
  private readonly opWeight = new Float64Array(ruinOps).fill(1);
  /** Class of interchangeable units of each unit, and the routes met so far. */
  private readonly unitClass: Int32Array;
  private readonly pool: RoutePool;

  readonly tuning: SearchTuning;

  constructor(p: PatrolProblem, locks: PlanLocks, seed: number, tuning: SearchTuning) {
    this.tuning = tuning;
    const n = (this.n = p.stopCount);
    const m = (this.m = p.units.length);
    const L = (this.L = p.locationCount);
    this.rng = new Random(seed);
    const lockedTo = locks.lockedTo, required = locks.required, excluded = locks.excluded;
    for (const [name, arr] of [['lockedTo', lockedTo], ['required', required], ['excluded', excluded]] as const) {
      if (arr && arr.length !== n) throw new RangeError(`locks.${name} has ${arr.length} entries, expected stopCount ${n}`);
    }
    this.value = p.value;
    this.locked = new Int32Array(n).fill(-1);
    this.required = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      if (excluded?.[i]) continue;
      const r = lockedTo ? lockedTo[i] : -1;
      if (r !== -1) {
        if (!(Number.isInteger(r) && r < m)) throw new RangeError(`locks.lockedTo[${i}] must be -1 or a unit 0..${m - 1}, got ${r}`);
        const u = p.units[r];
        if (u.eligible && !u.eligible[i]) throw new RangeError(`stop ${i} is locked to unit ${r}, which may not take it`);
        this.locked[i] = r;
      } else if (required?.[i]) this.required[i] = 1;
    }

    // Folded costs, shared between units with the same matrix and dwell.
    const cache = new Map<string, Float64Array>();
    const dwellIds = new Map<Float64Array | undefined, number>();
    this.cost = p.units.map((u) => {
      const d = u.dwellS ?? p.dwellS;
      if (!dwellIds.has(d)) dwellIds.set(d, dwellIds.size);
      const key = `${u.matrix}/${dwellIds.get(d)}`;
      let c = cache.get(key);
      if (!c) {
        c = p.matrices[u.matrix].slice();
        if (d) for (let a = 0; a < L; a++) for (let b = 0; b < n; b++) c[a * L + b] += d[b];
        cache.set(key, c);
      }
      return c;
    });
    this.startLoc = Int32Array.from(p.units, (u) => u.start);
    this.endLoc = Int32Array.from(p.units, (u) => u.end);
    this.limit = Float64Array.from(p.units, (u) => u.budgetS);
    this.estLimit = Float64Array.from(p.units, (u) => u.budgetS + budgetSlack * Math.max(1, u.budgetS));

    // Which unit may take which stop: eligible, not excluded, lock respected, reachable in time,
    // and worth going to (a stop of value 0 only when locked or required).
    this.allowed = new Uint8Array(m * n);
    let scaleSum = 0, scaleCount = 0;
    for (let r = 0; r < m; r++) {
      const u = p.units[r], c = this.cost[r], s = u.start, e = u.end;
      for (let i = 0; i < n; i++) {
        if (excluded?.[i]) continue;
        if (!(p.value[i] > 0) && this.locked[i] < 0 && !this.required[i]) continue;
        if (u.eligible && !u.eligible[i]) continue;
        if (this.locked[i] >= 0 && this.locked[i] !== r) continue;
        const t = c[s * L + i] + c[i * L + e];
        if (t <= this.limit[r] || this.locked[i] === r) this.allowed[r * n + i] = 1;
        if (Number.isFinite(t)) { scaleSum += t; scaleCount++; }
      }
    }
    this.tiny = 1e-9 * (scaleCount ? scaleSum / scaleCount : 1) + 1e-12;
    const reach: number[] = [];
    for (let i = 0; i < n; i++) {
      for (let r = 0; r < m; r++) if (this.allowed[r * n + i]) { reach.push(i); break; }
    }
    this.reachable = Int32Array.from(reach);
    this.reachableCount = reach.length;
    let sumValues = 0;
    for (const i of reach) sumValues += p.value[i];
    this.val = new Float64Array(n);
    const boost = sumValues + 1;
    let ub = 0;
    for (let i = 0; i < n; i++) this.val[i] = p.value[i] + (this.required[i] ? boost : 0);
    for (const i of reach) ub += this.val[i];
    this.upperBound = ub;

    this.seq = Array.from({ length: m }, () => new Int32Array(n + 2));
    this.ver = new Float64Array(m);
    this.len = new Int32Array(m);
    this.routeOf = new Int32Array(n).fill(-1);
    this.time = new Float64Array(m);
    this.dirty = new Uint8Array(m);
    for (let r = 0; r < m; r++) this.clearRoute(r);
    this.cur = new Snapshot(n, m);
    this.best = new Snapshot(n, m);
    this.spare = new Snapshot(n, m);
    this.F = new Float64Array(n + 3);
    this.B = new Float64Array(n + 3);
    this.tmp = new Int32Array(n + 2);
    this.insD = new Float64Array(n * m);
    this.insP = new Int32Array(n * m);
    this.cD = new Float64Array(n * m * 3);
    this.cP = new Int32Array(n * m * 3);
    this.cVer = new Float64Array(n * m);
    this.unvisited = new Int32Array(n);
    this.scratchN = new Float64Array(n);

    // Units are interchangeable when they share times, start, end, budget and eligibility and
    // nothing is locked to them.
    this.unitClass = new Int32Array(m);
    const classKeys: string[] = [];
    const unitsPerClass: number[] = [];
    const lockedUnits = new Set<number>();
    for (let i = 0; i < n; i++) if (this.locked[i] >= 0) lockedUnits.add(this.locked[i]);
    const ids = new Map<object | undefined, number>();
    const idOf = (o: object | undefined) => { if (!ids.has(o)) ids.set(o, ids.size); return ids.get(o)!; };
    for (let r = 0; r < m; r++) {
      const u = p.units[r];
      const key = lockedUnits.has(r) ? `unit${r}` : `${idOf(this.cost[r])}/${u.start}/${u.end}/${u.budgetS}/${idOf(u.eligible)}`;
      let k = classKeys.indexOf(key);
      if (k < 0) { k = classKeys.length; classKeys.push(key); unitsPerClass.push(0); }
      this.unitClass[r] = k;
      unitsPerClass[k]++;
    }
    this.pool = new RoutePool(n, unitsPerClass);
    this.bak = [new Int32Array(n + 2), new Int32Array(n + 2)];
    this.scratchI = new Int32Array(n);
  }

  // ---------------------------------------------------------------- basic route edits

  private clearRoute(r: number): void {
    const s = this.seq[r];
    for (let k = 1; k < this.len[r] - 1; k++) {
      this.routeOf[s[k]] = -1;
      this.total -= this.val[s[k]];
    }
    s[0] = this.startLoc[r];
    s[1] = this.endLoc[r];
    this.len[r] = 2;
    this.recompute(r);
  }

  /** Exact time of route r, summed left to right. */
  private recompute(r: number): void {
    const s = this.seq[r], c = this.cost[r], L = this.L;
    let t = 0;
    for (let k = 0, K = this.len[r] - 1; k < K; k++) t += c[s[k] * L + s[k + 1]];
    this.time[r] = t;
    this.dirty[r] = 1;
    this.ver[r] = ++this.verClock;
  }

  /** Insert stop u into route r before position pos (1 .. len - 1). */
  private insertAt(u: number, r: number, pos: number): void {
    const s = this.seq[r];
    s.copyWithin(pos + 1, pos, this.len[r]);
    s[pos] = u;
    this.len[r]++;
    this.routeOf[u] = r;
    this.total += this.val[u];
    this.recompute(r);
  }

  /** Remove the stop at position pos (1 .. len - 2) of route r. */
  private removeAt(r: number, pos: number): number {
    const s = this.seq[r];
    const u = s[pos];
    s.copyWithin(pos, pos + 1, this.len[r]);
    this.len[r]--;
    this.routeOf[u] = -1;
    this.total -= this.val[u];
    this.recompute(r);
    return u;
  }

  private positionOf(u: number): number {
    const r = this.routeOf[u], s = this.seq[r];
    for (let k = 1; k < this.len[r] - 1; k++) if (s[k] === u) return k;
    return -1;
  }

  /** Keep copies of routes r1 and r2 (-1: none) so that a move on them can be undone. */
  private saveRoutes(r1: number, r2: number): void {
    this.bakRoute[0] = r1;
    this.bakRoute[1] = r2;
    for (let z = 0; z < 2; z++) {
      const r = this.bakRoute[z];
      if (r < 0) continue;
      this.bakLen[z] = this.len[r];
      this.bak[z].set(this.seq[r].subarray(0, this.len[r]));
    }
  }

  /** Put back the routes saved by saveRoutes. */
  private restoreRoutes(): void {
    for (let z = 0; z < 2; z++) {
      const r = this.bakRoute[z];
      if (r < 0) continue;
      const s = this.seq[r];
      for (let k = 1; k < this.len[r] - 1; k++) { this.routeOf[s[k]] = -1; this.total -= this.val[s[k]]; }
    }
    for (let z = 0; z < 2; z++) {
      const r = this.bakRoute[z];
      if (r < 0) continue;
      const s = this.seq[r];
      s.set(this.bak[z].subarray(0, this.bakLen[z]));
      this.len[r] = this.bakLen[z];
      for (let k = 1; k < this.len[r] - 1; k++) { this.routeOf[s[k]] = r; this.total += this.val[s[k]]; }
      this.recompute(r);
    }
  }

  /** After a move on the saved routes: keep it if they fit their budgets exactly, else undo it. */
  private keepIfFits(): boolean {
    for (let z = 0; z < 2; z++) {
      const r = this.bakRoute[z];
      if (r >= 0 && !(this.time[r] <= this.limit[r])) {
        this.restoreRoutes();
        return false;
      }
    }
    return true;
  }

  /** Cheapest insertion of u into route r: returns the added time, position in this.bestPos. */
  private bestPos = 0;
  private insertionCost(u: number, r: number): number {
    const s = this.seq[r], c = this.cost[r], L = this.L, K = this.len[r];
    const uRow = u * L;
    let best = Infinity, bp = -1;
    let a = s[0];
    for (let k = 1; k < K; k++) {
      const b = s[k];
      const d = c[a * L + u] + c[uRow + b] - c[a * L + b];
      if (d < best) { best = d; bp = k; }
      a = b;
    }
    this.bestPos = bp;
    return best;
  }

  /**
   * Offset into cD/cP of the three cheapest insertions of stop x into route r (x not on r),
   * computed on demand and kept until the route changes.
   */
  private ins3(x: number, r: number): number {
    const i = x * this.m + r;
    const o = i * 3;
    if (this.cVer[i] === this.ver[r]) return o;
    this.cVer[i] = this.ver[r];
    const s = this.seq[r], c = this.cost[r], L = this.L, K = this.len[r];
    const D = this.cD, P = this.cP;
    let d0 = Infinity, d1 = Infinity, d2 = Infinity, p0 = -1, p1 = -1, p2 = -1;
    const xRow = x * L;
    let a = s[0];
    for (let k = 1; k < K; k++) {
      const b = s[k];
      const d = c[a * L + x] + c[xRow + b] - c[a * L + b];
      if (d < d2) {
        if (d < d1) {
          d2 = d1; p2 = p1;
          if (d < d0) { d1 = d0; p1 = p0; d0 = d; p0 = k; } else { d1 = d; p1 = k; }
        } else { d2 = d; p2 = k; }
      }
      a = b;
    }
    D[o] = d0; D[o + 1] = d1; D[o + 2] = d2;
    P[o] = p0; P[o + 1] = p1; P[o + 2] = p2;
    return o;
  }

  /** Time saved by removing the stop at position k of route r. */
  private removalGain(r: number, k: number): number {
    const s = this.seq[r], c = this.cost[r], L = this.L;
    const a = s[k - 1], v = s[k], b = s[k + 1];
    return c[a * L + v] + c[v * L + b] - c[a * L + b];
  }

  // ---------------------------------------------------------------- construction and repair

  /**
   * Insert unvisited stops while any fits, each time the one with the best value per added time
   * (times a random factor in [1 - noise, 1 + noise]). Returns the number inserted.
   */
  private greedyInsert(noise: number): number {
    const { n, m, allowed, unvisited, val, time, estLimit, rng, tiny, cD, cP } = this;
    const banned = this.insD; // insD[u * m + r] = 1 when (u, r) failed the exact check this round
    let U = 0;
    for (let q = 0; q < this.reachableCount; q++) {
      const u = this.reachable[q];
      if (this.routeOf[u] >= 0) continue;
      unvisited[U++] = u;
      for (let r = 0; r < m; r++) banned[u * m + r] = 0;
    }
    let inserted = 0;
    while (U > 0) {
      let bestQ = -1, bestR = -1, bestScore = -Infinity, bestPos = -1;
      for (let q = 0; q < U; q++) {
        const u = unvisited[q];
        for (let r = 0; r < m; r++) {
          if (!allowed[r * n + u] || banned[u * m + r]) continue;
          const o = this.ins3(u, r);
          const d = cD[o];
          if (!(time[r] + d <= estLimit[r])) continue;
          let score = val[u] / (d > tiny ? d : tiny);
          if (noise > 0) score *= 1 + noise * (2 * rng.next() - 1);
          if (score > bestScore) { bestScore = score; bestQ = q; bestR = r; bestPos = cP[o]; }
        }
      }
      if (bestQ < 0) break;
      const u = unvisited[bestQ];
      this.saveRoutes(bestR, -1);
      this.insertAt(u, bestR, bestPos);
      if (!(time[bestR] <= this.limit[bestR])) {
        // Over by rounding only: undo, and do not try this pair again in this round.
        this.restoreRoutes();
        banned[u * m + bestR] = 1;
        continue;
      }
      inserted++;
      unvisited[bestQ] = unvisited[--U];
    }
    return inserted;
  }

  // ---------------------------------------------------------------- local search

  /** 2-opt and or-opt inside route r until neither shortens it. */
  private intraRoute(r: number): boolean {
    let any = false;
    for (let guard = 0; guard < 1000; guard++) {
      if (this.len[r] < 4) break;
      const before = this.time[r];
      this.saveRoutes(r, -1);
      if (this.twoOpt(r) || this.orOpt(r)) {
        if (this.time[r] < before) { any = true; continue; }
        this.restoreRoutes(); // no exact gain (rounding): stop here
      }
      break;
    }
    this.dirty[r] = 0;
    return any;
  }

  private prefixSums(r: number): void {
    const s = this.seq[r], c = this.cost[r], L = this.L, K = this.len[r];
    const F = this.F, B = this.B;
    F[0] = 0; B[0] = 0;
    for (let p = 0; p < K - 1; p++) {
      F[p + 1] = F[p] + c[s[p] * L + s[p + 1]];
      B[p + 1] = B[p] + c[s[p + 1] * L + s[p]];
    }
  }

  /** Best-improvement 2-opt (segment reversal), asymmetric times allowed. */
  private twoOpt(r: number): boolean {
    const K = this.len[r];
    if (K < 4) return false;
    this.prefixSums(r);
    const s = this.seq[r], c = this.cost[r], L = this.L, F = this.F, B = this.B;
    let bestD = -this.tiny * 10, bi = -1, bj = -1;
    for (let i = 1; i < K - 2; i++) {
      const a = s[i - 1], f = s[i];
      for (let j = i + 1; j < K - 1; j++) {
        const g = s[j], b = s[j + 1];
        const oldC = F[j + 1] - F[i - 1];
        const newC = c[a * L + g] + (B[j] - B[i]) + c[f * L + b];
        const d = newC - oldC;
        if (d < bestD) { bestD = d; bi = i; bj = j; }
      }
    }
    if (bi < 0) return false;
    for (let i = bi, j = bj; i < j; i++, j--) { const t = s[i]; s[i] = s[j]; s[j] = t; }
    this.recompute(r);
    return true;
  }

  /** Best-improvement or-opt: move a segment of 1–3 stops elsewhere in the route, maybe reversed. */
  private orOpt(r: number): boolean {
    const K = this.len[r];
    if (K < 4) return false;
    this.prefixSums(r);
    const s = this.seq[r], c = this.cost[r], L = this.L, F = this.F, B = this.B;
    let bestD = -this.tiny * 10, bi = -1, bl = 0, bp = -1, brev = false;
    for (let l = 1; l <= 3; l++) {
      for (let i = 1; i + l - 1 <= K - 2; i++) {
        const a = s[i - 1], f = s[i], g = s[i + l - 1], b = s[i + l];
        const save = c[a * L + f] + c[g * L + b] - c[a * L + b];
        const inner = l > 1 ? (B[i + l - 1] - B[i]) - (F[i + l - 1] - F[i]) : 0;
        // Insert between s[p] and s[p + 1], p outside [i - 1, i + l - 1].
        for (let p = 0; p < K - 1; p++) {
          if (p >= i - 1 && p <= i + l - 1) continue;
          const x = s[p], y = s[p + 1];
          const base = -c[x * L + y] - save;
          const dF = c[x * L + f] + c[g * L + y] + base;
          if (dF < bestD) { bestD = dF; bi = i; bl = l; bp = p; brev = false; }
          if (l > 1) {
            const dR = c[x * L + g] + c[f * L + y] + inner + base;
            if (dR < bestD) { bestD = dR; bi = i; bl = l; bp = p; brev = true; }
          }
        }
      }
    }
    if (bi < 0) return false;
    // Rebuild: everything but the segment, with the segment after position bp.
    const t = this.tmp;
    let w = 0;
    for (let p = 0; p < K; p++) {
      if (p >= bi && p < bi + bl) continue;
      t[w++] = s[p];
      if (p === bp) {
        if (brev) for (let q = bi + bl - 1; q >= bi; q--) t[w++] = s[q];
        else for (let q = bi; q < bi + bl; q++) t[w++] = s[q];
      }
    }
    s.set(t.subarray(0, K));
    this.recompute(r);
    return true;
  }

  /**
   * Replace a visited stop by an unvisited one of higher value (or equal value and less time),
   * best move over all routes. Locked stops stay.
   */
  private replace(): boolean {
    const { n, m, allowed, val, time, estLimit, L, locked, cD, cP } = this;
    let U = 0;
    const unv = this.unvisited;
    for (let q = 0; q < this.reachableCount; q++) {
      const u = this.reachable[q];
      if (this.routeOf[u] < 0) unv[U++] = u;
    }
    if (U === 0) return false;
    const eps = 1e-9 * Math.max(1, this.upperBound);
    const timeEps = this.tiny * 10;
    let bestGain = 0, bestDt = 0, bu = -1, br = -1, bk = -1, bpos = -1;
    for (let r = 0; r < m; r++) {
      const K = this.len[r];
      if (K < 3) continue;
      const s = this.seq[r], c = this.cost[r];
      for (let q = 0; q < U; q++) {
        const u = unv[q];
        if (!allowed[r * n + u]) continue;
        const vu = val[u];
        let o = -1;
        for (let k = 1; k < K - 1; k++) {
          const v = s[k];
          if (locked[v] >= 0) continue;
          const dv = vu - val[v];
          // Never lose value, and only look at moves that can match the best gain so far.
          if (dv < -eps || dv < bestGain - eps) continue;
          if (o < 0) o = this.ins3(u, r);
          const a = s[k - 1], b = s[k + 1];
          const gain = c[a * L + v] + c[v * L + b] - c[a * L + b];
          // Cheapest place for u once v is gone: v's old slot, or the best slot not touching v.
          let ins = c[a * L + u] + c[u * L + b] - c[a * L + b], pos = k;
          for (let z = 0; z < 3; z++) {
            const p = cP[o + z];
            if (p < 0) break;
            if (p === k || p === k + 1) continue;
            if (cD[o + z] < ins) { ins = cD[o + z]; pos = p > k ? p - 1 : p; }
            break;
          }
          const dt = ins - gain;
          if (!(time[r] + dt <= estLimit[r])) continue;
          const sameValue = dv <= eps;
          if (sameValue && !(dt < -timeEps)) continue; // an equal swap must save time
          const better = bu < 0 || dv > bestGain + eps || (Math.abs(dv - bestGain) <= eps && dt < bestDt);
          if (better) { bestGain = sameValue ? 0 : dv; bestDt = dt; bu = u; br = r; bk = k; bpos = pos; }
        }
      }
    }
    if (bu < 0) return false;
    this.saveRoutes(br, -1);
    this.removeAt(br, bk);
    this.insertAt(bu, br, bpos);
    return this.keepIfFits();
  }

  /** Move one stop to another route where that lowers the total time (best move). */
  private relocate(): boolean {
    const { n, m, allowed, time, estLimit, locked } = this;
    if (m < 2) return false;
    let bestD = -this.tiny * 10, bv = -1, br2 = -1, bpos = -1, br1 = -1, bk = -1;
    for (let r1 = 0; r1 < m; r1++) {
      const s = this.seq[r1];
      for (let k = 1; k < this.len[r1] - 1; k++) {
        const v = s[k];
        if (locked[v] >= 0) continue;
        const gain = this.removalGain(r1, k);
        for (let r2 = 0; r2 < m; r2++) {
          if (r2 === r1 || !allowed[r2 * n + v]) continue;
          const o = this.ins3(v, r2);
          const d = this.cD[o];
          if (!(time[r2] + d <= estLimit[r2])) continue;
          if (d - gain < bestD) { bestD = d - gain; bv = v; br1 = r1; bk = k; br2 = r2; bpos = this.cP[o]; }
        }
      }
    }
    if (bv < 0) return false;
    this.saveRoutes(br1, br2);
    this.removeAt(br1, bk);
    this.insertAt(bv, br2, bpos);
    return this.keepIfFits();
  }

  /** Swap two stops of different routes where that lowers the total time (best move). */
  private swap(): boolean {
    const { n, m, allowed, time, estLimit, locked, L } = this;
    if (m < 2) return false;
    let bestD = -this.tiny * 10, b1 = -1, b2 = -1, bk1 = -1, bk2 = -1, bp1 = -1, bp2 = -1;
    const topD = this.cD, topP = this.cP;
    for (let r1 = 0; r1 < m; r1++) {
      const s1 = this.seq[r1], c1 = this.cost[r1];
      for (let k1 = 1; k1 < this.len[r1] - 1; k1++) {
        const v1 = s1[k1];
        if (locked[v1] >= 0) continue;
        const a1 = s1[k1 - 1], b1n = s1[k1 + 1];
        const g1 = c1[a1 * L + v1] + c1[v1 * L + b1n] - c1[a1 * L + b1n];
        for (let r2 = r1 + 1; r2 < m; r2++) {
          if (!allowed[r2 * n + v1]) continue;
          const s2 = this.seq[r2], c2 = this.cost[r2];
          for (let k2 = 1; k2 < this.len[r2] - 1; k2++) {
            const v2 = s2[k2];
            if (locked[v2] >= 0 || !allowed[r1 * n + v2]) continue;
            const a2 = s2[k2 - 1], b2n = s2[k2 + 1];
            const g2 = c2[a2 * L + v2] + c2[v2 * L + b2n] - c2[a2 * L + b2n];
            // v2 into r1 without v1.
            let i1 = c1[a1 * L + v2] + c1[v2 * L + b1n] - c1[a1 * L + b1n], p1 = k1;
            let o = this.ins3(v2, r1);
            for (let z = 0; z < 3; z++) {
              const p = topP[o + z];
              if (p < 0) break;
              if (p === k1 || p === k1 + 1) continue;
              if (topD[o + z] < i1) { i1 = topD[o + z]; p1 = p > k1 ? p - 1 : p; }
              break;
            }
            if (!(time[r1] - g1 + i1 <= estLimit[r1])) continue;
            let i2 = c2[a2 * L + v1] + c2[v1 * L + b2n] - c2[a2 * L + b2n], p2 = k2;
            o = this.ins3(v1, r2);
            for (let z = 0; z < 3; z++) {
              const p = topP[o + z];
              if (p < 0) break;
              if (p === k2 || p === k2 + 1) continue;
              if (topD[o + z] < i2) { i2 = topD[o + z]; p2 = p > k2 ? p - 1 : p; }
              break;
            }
            if (!(time[r2] - g2 + i2 <= estLimit[r2])) continue;
            const d = i1 - g1 + i2 - g2;
            if (d < bestD) { bestD = d; b1 = r1; b2 = r2; bk1 = k1; bk2 = k2; bp1 = p1; bp2 = p2; }
          }
        }
      }
    }
    if (b1 < 0) return false;
    this.saveRoutes(b1, b2);
    const v1 = this.removeAt(b1, bk1);
    const v2 = this.removeAt(b2, bk2);
    this.insertAt(v2, b1, bp1);
    this.insertAt(v1, b2, bp2);
    return this.keepIfFits();
  }

  /**
   * Make room for an unvisited stop: move a visited stop v from route r1 to another route r2
   * that has time for it, so that the unvisited stop u fits into r1 in v's place (or anywhere
   * else in r1). Best move by value gained, then by time added.
   */
  private makeRoom(): boolean {
    const { n, m, allowed, val, time, estLimit, L, locked, cD, cP } = this;
    if (m < 2) return false;
    let U = 0;
    const unv = this.unvisited;
    for (let q = 0; q < this.reachableCount; q++) {
      const u = this.reachable[q];
      if (this.routeOf[u] < 0) unv[U++] = u;
    }
    if (U === 0) return false;
    // Cheapest insertion of every visited stop into every other route that has room for it.
    const insD = this.insD, insP = this.insP;
    for (let r = 0; r < m; r++) {
      const s = this.seq[r];
      for (let k = 1; k < this.len[r] - 1; k++) {
        const v = s[k];
        for (let r2 = 0; r2 < m; r2++) {
          let d = Infinity;
          let p = -1;
          if (r2 !== r && allowed[r2 * n + v] && locked[v] < 0) {
            const o = this.ins3(v, r2);
            d = cD[o];
            p = cP[o];
            if (!(time[r2] + d <= estLimit[r2])) d = Infinity;
          }
          insD[v * m + r2] = d;
          insP[v * m + r2] = p;
        }
      }
    }
    let bestV = 0, bestDt = Infinity, bu = -1, br1 = -1, bk = -1, bpos = -1, br2 = -1;
    for (let q = 0; q < U; q++) {
      const u = unv[q];
      if (val[u] < bestV) continue;
      for (let r1 = 0; r1 < m; r1++) {
        if (!allowed[r1 * n + u]) continue;
        const K = this.len[r1];
        if (K < 3) continue;
        const s = this.seq[r1], c = this.cost[r1];
        const o = this.ins3(u, r1);
        for (let k = 1; k < K - 1; k++) {
          const v = s[k];
          if (locked[v] >= 0) continue;
          let r2 = -1, d2 = Infinity;
          for (let z = 0; z < m; z++) {
            const d = insD[v * m + z];
            if (d < d2) { d2 = d; r2 = z; }
          }
          if (r2 < 0) continue;
          const a = s[k - 1], b = s[k + 1];
          const gain = c[a * L + v] + c[v * L + b] - c[a * L + b];
          let ins = c[a * L + u] + c[u * L + b] - c[a * L + b], pos = k;
          for (let z = 0; z < 3; z++) {
            const p = cP[o + z];
            if (p < 0) break;
            if (p === k || p === k + 1) continue;
            if (cD[o + z] < ins) { ins = cD[o + z]; pos = p > k ? p - 1 : p; }
            break;
          }
          if (!(time[r1] - gain + ins <= estLimit[r1])) continue;
          const dt = ins - gain + d2;
          if (val[u] > bestV || (val[u] === bestV && dt < bestDt)) {
            bestV = val[u]; bestDt = dt; bu = u; br1 = r1; bk = k; bpos = pos; br2 = r2;
          }
        }
      }
    }
    if (bu < 0) return false;
    const v = this.seq[br1][bk];
    const p2 = insP[v * m + br2];
    this.saveRoutes(br1, br2);
    this.removeAt(br1, bk);
    this.insertAt(bu, br1, bpos);
    this.insertAt(v, br2, p2);
    return this.keepIfFits();
  }

  /** Local search to a local optimum of all moves. */
  private localSearch(): void {
    for (let guard = 0; guard < 10_000; guard++) {
      for (let r = 0; r < this.m; r++) if (this.dirty[r]) this.intraRoute(r);
      if (this.greedyInsert(0) > 0) continue;
      if (this.replace()) continue;
      if (this.relocate()) continue;
      if (this.swap()) continue;
      if (this.tuning.makeRoom && this.makeRoom()) continue;
      break;
    }
  }

  // ---------------------------------------------------------------- perturbation

  /** Remove the visited, unlocked stop u. */
  private drop(u: number): void {
    const r = this.routeOf[u];
    if (r < 0 || this.locked[u] >= 0) return;
    this.removeAt(r, this.positionOf(u));
  }

  private visitedUnlocked(out: Int32Array): number {
    let c = 0;
    for (let r = 0; r < this.m; r++) {
      const s = this.seq[r];
      for (let k = 1; k < this.len[r] - 1; k++) if (this.locked[s[k]] < 0) out[c++] = s[k];
    }
    return c;
  }

  /** Ruin with operator op, removing about q stops. */
  private ruin(op: number, q: number): void {
    const { rng } = this;
    const list = this.scratchI;
    const count = this.visitedUnlocked(list);
    if (count === 0 && op !== OP_FORCE) return;
    q = Math.min(q, count);
    switch (op) {
      case OP_RANDOM: {
        for (let t = 0; t < q; t++) {
          const j = t + rng.int(count - t);
          const x = list[j]; list[j] = list[t]; list[t] = x;
          this.drop(x);
        }
        break;
      }
      case OP_SEGMENT: {
        const u = list[rng.int(count)];
        const r = this.routeOf[u];
        let k = this.positionOf(u);
        for (let t = 0; t < q && k < this.len[r] - 1; t++) {
          const v = this.seq[r][k];
          if (this.locked[v] >= 0) k++;
          else this.removeAt(r, k);
        }
        break;
      }
      case OP_RELATED: {
        const seed = list[rng.int(count)];
        const c = this.cost[this.routeOf[seed]], L = this.L;
        const d = this.scratchN;
        for (let j = 0; j < count; j++) d[j] = c[seed * L + list[j]] + c[list[j] * L + seed];
        const order = Array.from({ length: count }, (_, j) => j).sort((x, y) => d[x] - d[y] || x - y);
        const victims = order.slice(0, q).map((j) => list[j]);
        for (const v of victims) this.drop(v);
        break;
      }
      case OP_WORST: {
        const d = this.scratchN;
        for (let j = 0; j < count; j++) {
          const v = list[j], r = this.routeOf[v];
          const gain = this.removalGain(r, this.positionOf(v));
          d[j] = (this.val[v] / (gain > this.tiny ? gain : this.tiny)) * Math.pow(rng.next(), 0.5);
        }
        const order = Array.from({ length: count }, (_, j) => j).sort((x, y) => d[x] - d[y] || x - y);
        const victims = order.slice(0, q).map((j) => list[j]);
        for (const v of victims) this.drop(v);
        break;
      }
      case OP_ROUTE: {
        const r = this.routeOf[list[rng.int(count)]];
        const s = this.seq[r];
        for (let k = this.len[r] - 2; k >= 1; k--) if (this.locked[s[k]] < 0 && rng.next() < 0.8) this.removeAt(r, k);
        break;
      }
      case OP_FORCE: {
        // Pick an unvisited stop and make room for it in a route where it is cheap to add.
        let U = 0;
        const unv = this.unvisited;
        for (let j = 0; j < this.reachableCount; j++) {
          const u = this.reachable[j];
          if (this.routeOf[u] < 0) unv[U++] = u;
        }
        if (U === 0) return this.ruin(OP_RANDOM, q);
        const u = unv[rng.int(U)];
        let bestR = -1, bestD = Infinity, bestPos = -1;
        for (let r = 0; r < this.m; r++) {
          if (!this.allowed[r * this.n + u]) continue;
          const d = this.insertionCost(u, r) * (0.7 + 0.6 * rng.next());
          if (d < bestD) { bestD = d; bestR = r; bestPos = this.bestPos; }
        }
        if (bestR < 0) return;
        const r = bestR;
        this.insertAt(u, r, bestPos);
        // Drop the neighbours of u with the lowest value per time saved until the route fits.
        for (let guard = 0; guard < this.n && this.time[r] > this.limit[r]; guard++) {
          const s = this.seq[r];
          let worst = -1, worstScore = Infinity;
          for (let k = 1; k < this.len[r] - 1; k++) {
            const v = s[k];
            if (v === u || this.locked[v] >= 0) continue;
            const gain = this.removalGain(r, k);
            const score = (this.val[v] / (gain > this.tiny ? gain : this.tiny)) * (0.8 + 0.4 * rng.next());
            if (score < worstScore) { worstScore = score; worst = k; }
          }
          if (worst < 0) break;
          this.removeAt(r, worst);
        }
        if (this.time[r] > this.limit[r]) this.drop(u);
        if (this.time[r] > this.limit[r]) this.intraRoute(r);
        break;
      }
    }
  }

  // ---------------------------------------------------------------- driver

  /** Build the first plan: the initial routes (cleaned), the locks, then greedy + local search. */
  start(initial: ArrayLike<number>[] | undefined): void {
    const { n, m } = this;
    if (initial) {
      if (initial.length !== m) throw new RangeError(`initialRoutes has ${initial.length} routes, expected ${m}`);
      for (let r = 0; r < m; r++) {
        const route = initial[r];
        for (let k = 0; k < route.length; k++) {
          const i = route[k];
          if (!(Number.isInteger(i) && i >= 0 && i < n)) throw new RangeError(`initialRoutes[${r}][${k}]: stop ${i} out of range`);
          if (this.routeOf[i] >= 0 || !this.allowed[r * n + i]) continue;
          this.insertAt(i, r, this.len[r] - 1);
        }
      }
    }
    // Locked stops onto their units.
    for (let i = 0; i < n; i++) {
      const r = this.locked[i];
      if (r < 0 || this.routeOf[i] === r) continue;
      this.insertionCost(i, r);
      this.insertAt(i, r, this.bestPos);
    }
    // Shorten every route; drop unlocked stops by the lowest value per time until it fits.
    for (let r = 0; r < m; r++) {
      this.intraRoute(r);
      if (!this.fitRoute(r)) {
        throw new RangeError(`unit ${r}: its locked stops need ${this.time[r].toFixed(1)} s, more than its budget of ${(this.limit[r]).toFixed(1)} s`);
      }
    }
    this.greedyInsert(0);
    this.localSearch();
    this.cur.save(this);
    this.best.save(this);
  }

  /**
   * Make route r fit its budget by dropping unlocked stops, lowest value per time saved first,
   * re-optimising the order after each. False when only locked stops are left and it still
   * does not fit. (With travel times that obey the triangle inequality, as shortest paths do,
   * removing stops never lengthens a route, so this only matters for the initial plan.)
   */
  private fitRoute(r: number): boolean {
    while (!(this.time[r] <= this.limit[r]) && this.len[r] > 2) {
      let worst = -1, worstScore = Infinity;
      for (let k = 1; k < this.len[r] - 1; k++) {
        const v = this.seq[r][k];
        if (this.locked[v] >= 0) continue;
        const gain = this.removalGain(r, k);
        const score = this.val[v] / (gain > this.tiny ? gain : this.tiny);
        if (!(score >= worstScore)) { worstScore = score; worst = k; }
      }
      if (worst < 0) return false;
      this.removeAt(r, worst);
      this.intraRoute(r);
    }
    return true;
  }

  /** Put the working plan's routes in the pool. */
  private poolRoutes(): void {
    for (let r = 0; r < this.m; r++) {
      const K = this.len[r];
      if (K <= 2) continue;
      const stops = this.seq[r].subarray(1, K - 1);
      let score = 0;
      for (let k = 0; k < stops.length; k++) score += this.val[stops[k]];
      this.pool.add(this.unitClass[r], stops, score, this.time[r]);
    }
  }

  /**
   * Recombine pooled routes: when some set of disjoint routes, one per unit, is worth more than
   * the best plan, make it the working plan, fill it up and polish it. True when it did.
   */
  private pack(): boolean {
    const eps = 1e-9 * Math.max(1, this.best.total);
    const combo = this.pool.bestCombination(this.best.total, eps, this.tuning.packNodes);
    if (!combo) return false;
    for (let r = 0; r < this.m; r++) this.clearRoute(r);
    const next = combo.routes.map(() => 0);
    for (let r = 0; r < this.m; r++) {
      const k = this.unitClass[r];
      const stops = combo.routes[k][next[k]++];
      if (!stops) continue;
      for (let j = 0; j < stops.length; j++) this.insertAt(stops[j], r, this.len[r] - 1);
      if (!(this.time[r] <= this.limit[r])) this.fitRoute(r);
    }
    this.greedyInsert(0);
    this.localSearch();
    return true;
  }

  bestIsComplete(): boolean {
    return this.best.total >= this.upperBound - 1e-9 * Math.max(1, this.upperBound);
  }

  /** One perturbation + repair + local search. Returns true when the best plan improved. */
  iterate(): boolean {
    const { rng } = this;
    this.iteration++;
    let visited = 0;
    for (let r = 0; r < this.m; r++) visited += this.len[r] - 2;
    const qMax = Math.max(2, Math.round(visited * this.tuning.ruinShare));
    const q = 1 + rng.int(qMax);
    const op = this.pickOp();
    this.ruin(op, q);
    for (let r = 0; r < this.m; r++) if (!(this.time[r] <= this.limit[r])) this.fitRoute(r);
    this.greedyInsert(this.tuning.repairNoise * rng.next());
    this.localSearch();
    this.poolRoutes();
    const every = this.tuning.packEvery;
    if (every > 0 && this.iteration % every === 0 && this.compare(this.best) <= 0) {
      // Try the recombination instead of this iteration's plan when it is no better.
      this.spare.save(this);
      const packed = this.pack();
      if (packed) this.packTries++;
      if (!packed || this.compare(this.best) <= 0) this.spare.load(this);
      else this.packWins++;
    }

    let improved = false;
    const cmpBest = this.compare(this.best);
    if (cmpBest > 0) {
      this.best.save(this);
      this.cur.save(this);
      improved = true;
      this.sinceBestImproved = 0;
      this.opWeight[op] += 2;
    } else {
      this.sinceBestImproved++;
      const cmpCur = this.compare(this.cur);
      // Threshold acceptance: take plans a little worse than the current one, so the search can
      // cross valleys; go back to the best plan after a run without gain.
      const threshold = this.tuning.acceptShare * this.best.total;
      if (cmpCur > 0) this.opWeight[op] += 0.5;
      if (this.sinceBestImproved % this.tuning.restartEvery === 0) {
        this.best.load(this);
        this.cur.save(this);
      } else if (cmpCur >= 0 || (this.tuning.acceptMode === 1 ? this.total >= this.best.total - threshold : this.total >= this.cur.total - threshold * rng.next())) {
        this.cur.save(this);
      } else {
        this.cur.load(this);
      }
    }
    // Decay the operator weights towards 1.
    for (let k = 0; k < ruinOps; k++) this.opWeight[k] = 1 + (this.opWeight[k] - 1) * 0.99;
    return improved;
  }

  private pickOp(): number {
    let sum = 0;
    for (let k = 0; k < ruinOps; k++) sum += this.opWeight[k];
    let x = this.rng.next() * sum;
    for (let k = 0; k < ruinOps; k++) {
      x -= this.opWeight[k];
      if (x < 0) return k;
    }
    return ruinOps - 1;
  }

  /** +1 when the working plan beats snapshot s (more value, or equal value and less time), -1 worse, 0 equal. */
  private compare(s: Snapshot): number {
    const eps = 1e-9 * Math.max(1, Math.abs(s.total));
    if (this.total > s.total + eps) return 1;
    if (this.total < s.total - eps) return -1;
    let t = 0;
    for (let r = 0; r < this.m; r++) t += this.time[r];
    const teps = this.tiny * 10;
    if (t < s.totalTime - teps) return 1;
    if (t > s.totalTime + teps) return -1;
    return 0;
  }

  result(): Omit<TeamOrienteeringResult, 'iterations' | 'elapsedMs' | 'stoppedBy'> {
    this.best.load(this);
    const routes = Array.from({ length: this.m }, (_, r) => this.seq[r].slice(1, this.len[r] - 1));
    let value = 0;
    for (const route of routes) for (const i of route) value += this.value[i];
    const unplaced: number[] = [];
    for (let i = 0; i < this.n; i++) if (this.required[i] && this.routeOf[i] < 0) unplaced.push(i);
    return { routes, value, timeS: this.time.slice(), unplacedRequired: Int32Array.from(unplaced) };
  }
}

const OP_RANDOM = 0, OP_SEGMENT = 1, OP_RELATED = 2, OP_WORST = 3, OP_ROUTE = 4, OP_FORCE = 5;
const ruinOps = 6;

/** A saved plan. */
class Snapshot {
  readonly seq: Int32Array[];
  readonly len: Int32Array;
  readonly routeOf: Int32Array;
  readonly time: Float64Array;
  total = 0;
  totalTime = 0;

  constructor(n: number, m: number) {
    this.seq = Array.from({ length: m }, () => new Int32Array(n + 2));
    this.len = new Int32Array(m);
    this.routeOf = new Int32Array(n);
    this.time = new Float64Array(m);
  }

  save(s: Search): void {
    for (let r = 0; r < s.m; r++) this.seq[r].set(s.seq[r].subarray(0, s.len[r]));
    this.len.set(s.len);
    this.routeOf.set(s.routeOf);
    this.time.set(s.time);
    this.total = s.total;
    let t = 0;
    for (let r = 0; r < s.m; r++) t += s.time[r];
    this.totalTime = t;
  }

  load(s: Search): void {
    for (let r = 0; r < s.m; r++) s.seq[r].set(this.seq[r].subarray(0, this.len[r]));
    s.len.set(this.len);
    s.routeOf.set(this.routeOf);
    s.time.set(this.time);
    s.total = this.total;
    s.dirty.fill(0);
    for (let r = 0; r < s.m; r++) s.ver[r] = ++s.verClock;
  }
}
