import { describe, expect, it } from 'vitest';
import { parseChaoInstance } from './chao_instance.ts';
import { planValue, planViolations, routeSchedule, routeTimeS, type PatrolProblem } from './patrol_problem.ts';

/** Two stops and a station on a line, 1 s per metre; stop 0 at x = 10, stop 1 at x = 30, station x = 0. */
function problem(): PatrolProblem {
  const xs = [10, 30, 0];
  const mat = new Float64Array(9);
  for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) mat[a * 3 + b] = Math.abs(xs[a] - xs[b]);
  return {
    stopCount: 2, locationCount: 3, value: Float64Array.of(2, 5), dwellS: Float64Array.of(100, 200),
    matrices: [mat],
    units: [
      { matrix: 0, start: 2, end: 2, budgetS: 400 },
      { matrix: 0, start: 2, end: 2, budgetS: 400, eligible: Uint8Array.of(1, 0), dwellS: Float64Array.of(50, 50) },
    ],
  };
}

describe('patrol problem helpers', () => {
  it('routeSchedule gives arrival and departure times with the unit’s own dwell', () => {
    const p = problem();
    const s = routeSchedule(p, 0, [0, 1]);
    expect(Array.from(s.arriveS)).toEqual([10, 130]);
    expect(Array.from(s.departS)).toEqual([110, 330]);
    expect(s.endS).toBe(360);
    expect(routeTimeS(p, 0, [0, 1])).toBe(360);
    expect(routeTimeS(p, 1, [0])).toBe(10 + 50 + 10);
  });

  it('planViolations names budget, eligibility and double cover problems', () => {
    const p = problem();
    expect(planViolations(p, [[0, 1], []])).toEqual([]);
    expect(planValue(p, [[0, 1], []])).toBe(7);
    p.units[0].budgetS = 359;
    expect(planViolations(p, [[0, 1], []])).toEqual(['unit 0: route takes 360 s, budget 359 s']);
    expect(planViolations(p, [[0], [1]])).toEqual(['unit 1: stop 1 not eligible']);
    expect(planViolations(p, [[0], [0]])).toEqual(['stop 0 on units 0 and 1']);
    // An empty route is always allowed, even when start -> end alone would not fit.
    p.units[1] = { ...p.units[1], start: 1, end: 2, budgetS: 1 };
    expect(planViolations(p, [[], []])).toEqual([]);
  });

  it('parseChaoInstance maps points 1..N-2 to stops and names bad lines', () => {
    const inst = parseChaoInstance('n 4\nm 2\ntmax 7.5\n0 0 0\n3 4 10\n6 8 20\n0 0 0\n');
    expect(inst.problem.stopCount).toBe(2);
    expect(Array.from(inst.problem.value)).toEqual([10, 20]);
    expect(inst.problem.units).toHaveLength(2);
    const L = inst.problem.locationCount;
    // Location 2 is the start (point 0), location 0 is point 1 at distance 5.
    expect(inst.problem.matrices[0][2 * L + 0]).toBe(5);
    expect(() => parseChaoInstance('n 4\nm 2\ntmax 7.5\n0 0 0\n3 x 10\n6 8 20\n0 0 0\n', 'f.txt')).toThrow(/f.txt: point line 5/);
    expect(() => parseChaoInstance('m 2\nn 4\n', 'g.txt')).toThrow(/g.txt: line 1 must be 'n <number>'/);
  });
});
