import { describe, expect, it } from 'vitest';
import { greedyPlan, handStylePlan, nearestFirstPlan } from './patrol_baselines.ts';
import type { PatrolProblem } from './patrol_problem.ts';
import { solveTeamOrienteering } from './team_orienteering.ts';

/**
 * Stops on a line, 1 second per metre, the depot at x = 0 (location 4):
 * A at x = 1 (value 1), B at x = 2 (value 10), C at x = -3 (value 5), D at x = 10 (value 100).
 */
function lineProblem(units: number, budgetS: number, eligible?: Uint8Array[]): PatrolProblem {
  const xs = [1, 2, -3, 10, 0];
  const L = xs.length;
  const mat = new Float64Array(L * L);
  for (let a = 0; a < L; a++) for (let b = 0; b < L; b++) mat[a * L + b] = Math.abs(xs[a] - xs[b]);
  return {
    stopCount: 4,
    locationCount: L,
    value: Float64Array.of(1, 10, 5, 100),
    matrices: [mat],
    units: Array.from({ length: units }, (_, r) => ({ matrix: 0, start: 4, end: 4, budgetS, eligible: eligible?.[r] })),
  };
}
const [A, B, C] = [0, 1, 2];

describe('baselines on a hand case', () => {
  it('greedy goes to the nearest stop that still lets it get back', () => {
    // 0 -> A (1) -> B (2); then C would end at 2 + 5 + 3 = 10 > 8 and D at 20.
    const plan = greedyPlan(lineProblem(1, 8));
    expect(plan.routes.map((r) => Array.from(r))).toEqual([[A, B]]);
    expect(plan.value).toBe(11);
    expect(plan.timeS[0]).toBe(4);
  });

  it('hand-style only looks at the top-N stops by value', () => {
    // Top 2 are D (100) and B (10); D never fits, so the unit visits B alone.
    const plan = handStylePlan(lineProblem(1, 8), 2);
    expect(plan.routes.map((r) => Array.from(r))).toEqual([[B]]);
    expect(plan.value).toBe(10);
  });

  it('units take turns (round robin), or plan one after the other', () => {
    const p = lineProblem(2, 8);
    // Unit 0 takes A, unit 1 the next nearest B, unit 0 goes on to C (1 + 4 + 3 = 8 <= 8).
    expect(greedyPlan(p).routes.map((r) => Array.from(r))).toEqual([[A, C], [B]]);
    expect(nearestFirstPlan(p, { order: 'unitByUnit' }).routes.map((r) => Array.from(r))).toEqual([[A, B], [C]]);
  });

  it('a unit never takes a stop it is not eligible for', () => {
    const p = lineProblem(2, 8, [Uint8Array.of(1, 1, 1, 1), Uint8Array.of(1, 0, 1, 1)]);
    expect(greedyPlan(p).routes.map((r) => Array.from(r))).toEqual([[A, B], [C]]);
  });

  it('the solver does at least as well as both baselines here', () => {
    const p = lineProblem(2, 8);
    const best = solveTeamOrienteering(p, { maxIterations: 50 });
    expect(best.value).toBeGreaterThanOrEqual(greedyPlan(p).value);
    expect(best.value).toBeGreaterThanOrEqual(handStylePlan(p).value);
    expect(best.value).toBe(16); // A, B and C; D (round trip 20 s) never fits
  });
});
