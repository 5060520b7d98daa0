import { describe, expect, it } from 'vitest';
import type { PatrolProblem } from './patrol_problem.ts';
import { solveTeamOrienteering } from './team_orienteering.ts';

/** A small independent generator (not the solver's): LCG, same numbers everywhere. */
function lcg(seed: number): () => number {
  let s = (seed * 2654435761) >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0), s / 4294967296);
}

interface Scenario {
  problem: PatrolProblem;
  kind: ('car' | 'foot' | 'volunteer')[];
  /** Expected violent incidents per stop, and the threshold above which volunteers may not go. */
  violent: Float64Array;
  violentThreshold: number;
  /** Volunteer zone: x < zoneMaxX. */
  xs: Float64Array;
  zoneMaxX: number;
}

/**
 * A city-like scenario: stops in a 6 km square, two stations, two cars (4 h), a foot officer
 * (3 h) and two volunteer pairs (2 h, zone = west half, never above the violent threshold);
 * 15 min at a stop, 20 for volunteers. With 60 stops or more, not all can be covered.
 * Car times are asymmetric (one-way streets) and, on purpose, not always metric.
 */
function scenario(seed: number, n = 60): Scenario {
  const rnd = lcg(seed);
  const stations = 2;
  const L = n + stations;
  const xs = new Float64Array(L), ys = new Float64Array(L);
  for (let i = 0; i < L; i++) { xs[i] = rnd() * 6000; ys[i] = rnd() * 6000; }
  const value = Float64Array.from({ length: n }, () => -Math.log(1 - rnd()) * 3);
  const violent = Float64Array.from(value, (v) => v * rnd());
  const violentThreshold = 1.5;
  const zoneMaxX = 3000;
  const matrix = (mps: number, asym: number) => {
    const m = new Float64Array(L * L);
    for (let a = 0; a < L; a++) for (let b = 0; b < L; b++) {
      if (a === b) continue;
      m[a * L + b] = (Math.hypot(xs[a] - xs[b], ys[a] - ys[b]) * 1.3 / mps) * (1 + asym * rnd());
    }
    return m;
  };
  const car = matrix(8, 0.3), foot = matrix(1.39, 0), volunteer = matrix(1.25, 0);
  const kind: Scenario['kind'] = ['car', 'car', 'foot', 'volunteer', 'volunteer'];
  const volunteerOk = Uint8Array.from({ length: n }, (_, i) => (violent[i] <= violentThreshold && xs[i] < zoneMaxX ? 1 : 0));
  const s0 = n, s1 = n + 1;
  const problem: PatrolProblem = {
    stopCount: n,
    locationCount: L,
    value,
    dwellS: new Float64Array(n).fill(15 * 60),
    matrices: [car, foot, volunteer],
    units: [
      { matrix: 0, start: s0, end: s0, budgetS: 4 * 3600 },
      { matrix: 0, start: s1, end: s0, budgetS: 4 * 3600 },
      { matrix: 1, start: s0, end: s0, budgetS: 3 * 3600 },
      { matrix: 2, start: s1, end: s1, budgetS: 2 * 3600, eligible: volunteerOk, dwellS: new Float64Array(n).fill(20 * 60) },
      { matrix: 2, start: s0, end: s1, budgetS: 2 * 3600, eligible: volunteerOk, dwellS: new Float64Array(n).fill(20 * 60) },
    ],
  };
  return { problem, kind, violent, violentThreshold, xs, zoneMaxX };
}

/** Independent check of a plan: budgets, eligibility from the raw data, coverage, value. */
function checkPlan(sc: Scenario, routes: Int32Array[], reportedValue: number, excluded?: Uint8Array): void {
  const p = sc.problem;
  const L = p.locationCount;
  const seen = new Set<number>();
  let value = 0;
  routes.forEach((route, r) => {
    const u = p.units[r];
    const mat = p.matrices[u.matrix];
    let t = 0, at = u.start;
    for (const i of route) {
      expect(i >= 0 && i < p.stopCount).toBe(true);
      expect(seen.has(i)).toBe(false);
      seen.add(i);
      value += p.value[i];
      t += mat[at * L + i] + (u.dwellS ?? p.dwellS!)[i];
      at = i;
      if (sc.kind[r] === 'volunteer') {
        expect(sc.violent[i]).toBeLessThanOrEqual(sc.violentThreshold);
        expect(sc.xs[i]).toBeLessThan(sc.zoneMaxX);
      }
      if (excluded) expect(excluded[i]).toBe(0);
    }
    t += mat[at * L + u.end];
    if (route.length > 0) expect(t).toBeLessThanOrEqual(u.budgetS);
  });
  expect(reportedValue).toBeCloseTo(value, 9);
}

describe('solveTeamOrienteering on random patrol scenarios', () => {
  it('never breaks a budget, never gives a unit a forbidden stop, never covers a stop twice', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const sc = scenario(seed, 40 + (seed % 4) * 15);
      const res = solveTeamOrienteering(sc.problem, { seed, maxIterations: 150, timeLimitMs: 10_000 });
      checkPlan(sc, res.routes, res.value);
      expect(res.routes.some((r) => r.length > 0)).toBe(true);
    }
  });

  it('copes with unreachable pairs (Infinity) in a unit\'s matrix', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const sc = scenario(200 + seed, 60);
      const car = sc.problem.matrices[0];
      const rnd = lcg(seed);
      for (let c = 0; c < car.length; c++) if (rnd() < 0.08) car[c] = Infinity;
      const res = solveTeamOrienteering(sc.problem, { seed, maxIterations: 150, timeLimitMs: 10_000 });
      checkPlan(sc, res.routes, res.value);
      expect(res.routes[0].length + res.routes[1].length).toBeGreaterThan(0);
    }
  });

  it('keeps volunteers below the violent-risk threshold even when the best stops are violent', () => {
    const sc = scenario(99, 80);
    // Make the most valuable stops in the zone violent: volunteers must leave them to officers.
    const order = Array.from(sc.problem.value.keys()).sort((a, b) => sc.problem.value[b] - sc.problem.value[a]);
    for (const i of order.slice(0, 10)) sc.violent[i] = 10;
    const ok = Uint8Array.from({ length: 80 }, (_, i) => (sc.violent[i] <= sc.violentThreshold && sc.xs[i] < sc.zoneMaxX ? 1 : 0));
    sc.problem.units[3].eligible = ok;
    sc.problem.units[4].eligible = ok;
    const res = solveTeamOrienteering(sc.problem, { seed: 3, maxIterations: 300, timeLimitMs: 10_000 });
    checkPlan(sc, res.routes, res.value);
    expect(res.routes[3].length + res.routes[4].length).toBeGreaterThan(0);
  });

  it('is deterministic for a given seed', () => {
    const sc = scenario(7, 70);
    const a = solveTeamOrienteering(sc.problem, { seed: 42, maxIterations: 200, timeLimitMs: 60_000 });
    const b = solveTeamOrienteering(sc.problem, { seed: 42, maxIterations: 200, timeLimitMs: 60_000 });
    expect(a.routes.map((r) => Array.from(r))).toEqual(b.routes.map((r) => Array.from(r)));
    expect(a.iterations).toBe(200);
  });

  it('stops at the time limit', () => {
    const sc = scenario(8, 90);
    const res = solveTeamOrienteering(sc.problem, { seed: 1, timeLimitMs: 150, stallIterations: 1e9 });
    expect(res.stoppedBy).toBe('time');
    expect(res.elapsedMs).toBeLessThan(1500);
    checkPlan(sc, res.routes, res.value);
  });

  it('stops early when every reachable stop is covered', () => {
    const sc = scenario(9, 12);
    const res = solveTeamOrienteering(sc.problem, { seed: 1, timeLimitMs: 5000 });
    expect(res.stoppedBy).toBe('complete');
    expect(res.routes.reduce((s, r) => s + r.length, 0)).toBe(12);
  });
});

describe('solveTeamOrienteering with locks (re-optimising an edited plan)', () => {
  it('keeps locked stops on their unit, leaves dropped stops out, forces added stops in', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const sc = scenario(100 + seed, 70);
      const first = solveTeamOrienteering(sc.problem, { seed, maxIterations: 100 });
      const n = sc.problem.stopCount;
      const lockedTo = new Int32Array(n).fill(-1);
      const excluded = new Uint8Array(n);
      const required = new Uint8Array(n);
      // Lock the first stop of unit 0 to unit 1 (a car from the other station), drop the first
      // stop of unit 2, and add the least valuable stop nobody visited.
      if (first.routes[0].length) lockedTo[first.routes[0][0]] = 1;
      if (first.routes[2].length) excluded[first.routes[2][0]] = 1;
      const covered = new Set(first.routes.flatMap((r) => Array.from(r)));
      const unvisited = Array.from({ length: n }, (_, i) => i).filter((i) => !covered.has(i) && !excluded[i] && lockedTo[i] < 0);
      unvisited.sort((a, b) => sc.problem.value[a] - sc.problem.value[b]);
      expect(unvisited.length).toBeGreaterThan(0);
      const add = unvisited[0];
      required[add] = 1;
      const res = solveTeamOrienteering(sc.problem, {
        seed, maxIterations: 100, initialRoutes: first.routes, locks: { lockedTo, excluded, required },
      });
      checkPlan(sc, res.routes, res.value, excluded);
      for (let i = 0; i < n; i++) if (lockedTo[i] >= 0) expect(Array.from(res.routes[lockedTo[i]])).toContain(i);
      // The added stop is covered, unless no route could take it even alone.
      const placed = res.routes.some((r) => r.includes(add));
      expect(placed || res.unplacedRequired.includes(add)).toBe(true);
      if (!placed) {
        const L = sc.problem.locationCount;
        for (const u of sc.problem.units) {
          if (u.eligible && !u.eligible[add]) continue;
          const mat = sc.problem.matrices[u.matrix];
          expect(mat[u.start * L + add] + (u.dwellS ?? sc.problem.dwellS!)[add] + mat[add * L + u.end]).toBeGreaterThan(u.budgetS);
        }
      }
    }
  });

  it('never does worse than the plan it starts from', () => {
    const sc = scenario(31, 60);
    const first = solveTeamOrienteering(sc.problem, { seed: 1, maxIterations: 50 });
    const again = solveTeamOrienteering(sc.problem, { seed: 2, maxIterations: 0, initialRoutes: first.routes });
    expect(again.value).toBeGreaterThanOrEqual(first.value - 1e-9);
  });

  it('throws when locked stops do not fit their unit', () => {
    const sc = scenario(5, 40);
    const lockedTo = new Int32Array(40).fill(2); // every stop on the foot officer's 4-hour shift
    expect(() => solveTeamOrienteering(sc.problem, { locks: { lockedTo } })).toThrow(/locked stops need/);
  });

  it('throws when a stop is locked to a unit that may not take it', () => {
    const sc = scenario(5, 40);
    const bad = sc.problem.units[3].eligible!.indexOf(0);
    const lockedTo = new Int32Array(40).fill(-1);
    lockedTo[bad] = 3;
    expect(() => solveTeamOrienteering(sc.problem, { locks: { lockedTo } })).toThrow(/may not take it/);
  });

  it('rejects malformed problems with a message naming the field', () => {
    const sc = scenario(5, 10);
    expect(() => solveTeamOrienteering({ ...sc.problem, value: new Float64Array(3) })).toThrow(/value has 3 entries/);
    const m = sc.problem.matrices[0].slice();
    m[5] = NaN;
    expect(() => solveTeamOrienteering({ ...sc.problem, matrices: [m, m, m] })).toThrow(/matrices\[0\] cell \(0, 5\)/);
    expect(() => solveTeamOrienteering({ ...sc.problem, units: [{ ...sc.problem.units[0], budgetS: -1 }] })).toThrow(/budgetS/);
  });
});
