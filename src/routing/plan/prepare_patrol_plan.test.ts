import { describe, expect, it } from 'vitest';
import { RoadClass } from '../road_class.ts';
import { planViolations } from '../patrol_problem.ts';
import { parseUnits } from './plan_units.ts';
import { preparePatrolPlan, type PlanNetwork } from './prepare_patrol_plan.ts';
import { solvePatrolPlan } from './solve_patrol_plan.ts';
import type { PlanIncidents } from './window_hot_spots.ts';

/**
 * A 9 × 9 street grid, 100 m blocks, node (col, row) at x = 1000 + 100 col, y = 1000 + 100 row;
 * lon/lat are x/y scaled by 1e-5 (a made-up, linear "projection").
 */
function gridNetwork(): PlanNetwork {
  const k = 9, xs: number[] = [], ys: number[] = [], from: number[] = [], to: number[] = [];
  for (let r = 0; r < k; r++) for (let c = 0; c < k; c++) { xs.push(1000 + 100 * c); ys.push(1000 + 100 * r); }
  for (let r = 0; r < k; r++) for (let c = 0; c < k; c++) {
    if (c + 1 < k) { from.push(r * k + c); to.push(r * k + c + 1); }
    if (r + 1 < k) { from.push(r * k + c); to.push((r + 1) * k + c); }
  }
  const m = from.length;
  return {
    nodeCount: k * k,
    edgeFrom: Uint32Array.from(from), edgeTo: Uint32Array.from(to),
    edgeLengthM: new Float64Array(m).fill(100), edgeClass: new Uint8Array(m).fill(RoadClass.street), edgeOneway: new Int8Array(m),
    nodeXs: Float64Array.from(xs), nodeYs: Float64Array.from(ys),
    nodeLons: Float64Array.from(xs, (x) => x * 1e-5), nodeLats: Float64Array.from(ys, (y) => y * 1e-5),
  };
}
const project = (lon: number, lat: number): [number, number] => [lon * 1e5, lat * 1e5];
const node = (c: number, r: number): [number, number] => [1000 + 100 * c, 1000 + 100 * r];
const lonlat = (c: number, r: number): [number, number] => [(1000 + 100 * c) * 1e-5, (1000 + 100 * r) * 1e-5];

/** Incidents on Fridays at 18:00 in January 2024 (4 Fridays), at the given points and categories. */
function incidents(points: [number, number, number][]): PlanIncidents {
  return {
    xs: Float64Array.from(points, (p) => p[0]), ys: Float64Array.from(points, (p) => p[1]),
    hour: Int8Array.from(points, () => 18), dow: Int8Array.from(points, () => 4),
    monthIndex: Int32Array.from(points, () => (2024 - 1970) * 12),
    categoryCode: Uint16Array.from(points, (p) => p[2]),
    categories: ['burglary', 'robbery'],
  };
}
const BURGLARY = 0, ROBBERY = 1;
const at = (c: number, r: number, cat: number, n: number): [number, number, number][] =>
  Array.from({ length: n }, () => [...node(c, r), cat] as [number, number, number]);

const car = { kind: 'car', start: lonlat(4, 4), shiftStart: '16:00', hours: 8 };
const volunteer = { kind: 'volunteer', start: lonlat(0, 0), shiftStart: '17:00', hours: 3 };

describe('preparePatrolPlan on a 9 × 9 street grid', () => {
  it('values stops by expected incidents per shift, and violent ones by violent categories only', () => {
    const inc = incidents([...at(8, 8, BURGLARY, 8), ...at(1, 1, ROBBERY, 4), ...at(2, 6, ROBBERY, 2), ...at(6, 2, BURGLARY, 1)]);
    const prep = preparePatrolPlan({ network: gridNetwork(), incidents: inc, units: parseUnits([car]), day: 4, project });
    // January 2024 has 4 Fridays: 8 burglaries -> 2 per Friday evening.
    expect(Array.from(prep.stops.value)).toEqual([2, 1, 0.5, 0.25]);
    expect(Array.from(prep.stops.violentValue)).toEqual([0, 1, 0.5, 0]);
    expect(Array.from(prep.stops.node)).toEqual([8 * 9 + 8, 1 * 9 + 1, 6 * 9 + 2, 2 * 9 + 6]);
    expect(prep.hotSpots.totalExpected).toBe(3.75);
    // Top tier of 4 stops: ceil(0.4) = 1 stop; threshold = the highest violent value outside it.
    expect(prep.violentThreshold).toBe(0.5);
    expect(Array.from(prep.stops.officersOnly)).toEqual([0, 1, 0, 0]);
  });

  it('withholds stops above the threshold from volunteers only, and takes the coordinator\'s threshold', () => {
    const inc = incidents([...at(1, 1, ROBBERY, 4), ...at(2, 2, ROBBERY, 2), ...at(1, 2, BURGLARY, 1)]);
    const units = parseUnits([car, volunteer]);
    const a = preparePatrolPlan({ network: gridNetwork(), incidents: inc, units, day: 4, project });
    expect(Array.from(a.problem.units[0].eligible!)).toEqual([1, 1, 1]);
    expect(Array.from(a.problem.units[1].eligible!)).toEqual([0, 1, 1]);
    const b = preparePatrolPlan({ network: gridNetwork(), incidents: inc, units, day: 4, project }, { violentThreshold: 0.25 });
    expect(b.violentThresholdRule).toBe('set by the coordinator');
    expect(Array.from(b.problem.units[1].eligible!)).toEqual([0, 0, 1]);
    const plan = solvePatrolPlan(b, gridNetwork(), { timeLimitMs: 200 });
    expect(planViolations(b.problem, plan.routes.map((r) => r.stops))).toEqual([]);
    expect(plan.summary.stops).toBe(3);
    for (const i of plan.routes[1].stops) expect(i).toBe(2);
  });

  it('keeps a unit with a zone to stops inside it, and a walker within maxWalkKm of the base', () => {
    const inc = incidents([...at(1, 1, BURGLARY, 3), ...at(7, 1, BURGLARY, 2), ...at(1, 7, BURGLARY, 1)]);
    const westHalf = { type: 'Polygon', coordinates: [[[0.0095, 0.0095], [0.0145, 0.0095], [0.0145, 0.0185], [0.0095, 0.0185], [0.0095, 0.0095]]] };
    const prep = preparePatrolPlan({
      network: gridNetwork(), incidents: inc, day: 4, project,
      units: parseUnits([{ ...volunteer, zone: westHalf }, { ...volunteer, maxWalkKm: 0.65 }]),
    });
    expect(Array.from(prep.stops.node)).toEqual([10, 16, 64]); // (1,1), (7,1), (1,7)
    expect(Array.from(prep.problem.units[0].eligible!)).toEqual([1, 0, 1]);
    // From (0,0): (1,1) is 200 m, (7,1) 800 m, (1,7) 800 m along the streets.
    expect(Array.from(prep.problem.units[1].eligible!)).toEqual([1, 0, 0]);
    expect(Array.from(prep.eligibleCount)).toEqual([2, 1]);
  });

  it('merges cells that snap to one street node, and skips cells far from every street', () => {
    // With 10 m cells, points 20 m either side of node (3,3) fall in two cells, both nearest to
    // that node; a point 5 km north is farther than 300 m from every street.
    const [x, y] = node(3, 3);
    const inc = incidents([[x - 20, y, BURGLARY], [x - 20, y, BURGLARY], [x + 20, y, BURGLARY], [x, y + 5000, BURGLARY]]);
    const prep = preparePatrolPlan({ network: gridNetwork(), incidents: inc, units: parseUnits([car]), day: 4, project }, { cellM: 10 });
    expect(prep.stops.node.length).toBe(1);
    expect(prep.stops.value[0]).toBe(0.75);
    expect(prep.stops.cellCount[0]).toBe(2);
    expect(prep.cellsMerged).toBe(1);
    expect(prep.cellsTooFar).toBe(1);
  });

  it('names the unit whose base is far from every street it can use', () => {
    const inc = incidents(at(1, 1, BURGLARY, 1));
    const far = { ...car, start: [0.5, 0.5] };
    expect(() => preparePatrolPlan({ network: gridNetwork(), incidents: inc, units: parseUnits([car, far]), day: 4, project }))
      .toThrow(/car 2 \(units\[1\]\): start \[0\.5, 0\.5\] is more than 2000 m from any street a car can use/);
  });
});
