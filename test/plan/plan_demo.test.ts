/**
 * The patrol planner on the demo (district 14 streets and aggravated assaults, 2 cars and 2
 * volunteer pairs, a Friday): every claim about the plan is checked from outside the planner —
 * route times from a Dijkstra written here over the raw street pieces and the profiles' speeds,
 * zones with Turf, a stop's value recounted from the incident columns.
 */
import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadIncidents } from '../../analysis/load_incidents.ts';
import type { IncidentColumns } from '../../src/data/incident_columns.ts';
import { patrolPlanToGeoJson, type PatrolStopProps } from '../../src/geo/patrol_geojson.ts';
import { projector } from '../../src/geo/projection.ts';
import { buildStreetNetwork, readStreetGeoJson, type StreetNetwork } from '../../src/geo/streets/index.ts';
import { parseUnits } from '../../src/routing/plan/plan_units.ts';
import { preparePatrolPlan, type PlanNetwork, type PreparedPatrolPlan } from '../../src/routing/plan/prepare_patrol_plan.ts';
import { solvePatrolPlan, type PatrolPlan } from '../../src/routing/plan/solve_patrol_plan.ts';
import { travelProfiles, type RoadNetwork, type TravelProfile } from '../../src/routing/road_graph.ts';
import { demoBeats, demoCategory, demoIncidents, demoStreets, demoUnits } from './demo_units.ts';

/** Plain Dijkstra (binary heap, lazy deletion) over the street pieces, written for this test. */
function dijkstra(net: RoadNetwork, profile: TravelProfile, source: number): Float64Array {
  const adj: [number, number][][] = Array.from({ length: net.nodeCount }, () => []);
  for (let e = 0; e < net.edgeFrom.length; e++) {
    const kmh = profile.speedKmh[net.edgeClass[e]];
    if (!(kmh > 0)) continue;
    const t = net.edgeLengthM[e] / (kmh / 3.6), ow = profile.respectOneway ? net.edgeOneway[e] : 0;
    if (ow >= 0) adj[net.edgeFrom[e]].push([net.edgeTo[e], t]);
    if (ow <= 0) adj[net.edgeTo[e]].push([net.edgeFrom[e], t]);
  }
  const dist = new Float64Array(net.nodeCount).fill(Infinity);
  const heap: [number, number][] = [[0, source]];
  dist[source] = 0;
  while (heap.length) {
    const [d, u] = heap[0];
    const last = heap.pop()!;
    if (heap.length) {
      heap[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < heap.length && heap[l][0] < heap[m][0]) m = l;
        if (r < heap.length && heap[r][0] < heap[m][0]) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m], heap[i]];
        i = m;
      }
    }
    if (d > dist[u]) continue;
    for (const [v, t] of adj[u]) {
      if (d + t < dist[v]) {
        dist[v] = d + t;
        heap.push([d + t, v]);
        for (let i = heap.length - 1; i > 0;) {
          const p = (i - 1) >> 1;
          if (heap[p][0] <= heap[i][0]) break;
          [heap[i], heap[p]] = [heap[p], heap[i]];
          i = p;
        }
      }
    }
  }
  return dist;
}

let inc: IncidentColumns;
let net: StreetNetwork;
let prep: PreparedPatrolPlan;
let plan: PatrolPlan;

beforeAll(async () => {
  inc = await loadIncidents([demoIncidents], { defaultCategory: demoCategory });
  net = buildStreetNetwork(readStreetGeoJson(readFileSync(demoStreets)), { crs: inc.crs });
  const toPlanar = projector('EPSG:4326', inc.crs);
  const network: PlanNetwork = { ...net, nodeXs: net.xs, nodeYs: net.ys, nodeLons: net.lons, nodeLats: net.lats };
  prep = preparePatrolPlan(
    { network, incidents: inc, units: parseUnits(demoUnits(), 'demo units'), day: 4, project: (lon, lat) => toPlanar.forward(lon, lat) },
    { candidates: 150, cellM: 150 },
  );
  plan = solvePatrolPlan(prep, net, { seed: 1, timeLimitMs: 2000 });
});

describe('plan on the district 14 demo (2 cars, 2 volunteer pairs, Friday)', () => {
  it('makes 150 candidate stops on the streets, in the incidents\' CRS', () => {
    expect(net.crs).toBe(inc.crs);
    expect(prep.stops.node.length).toBe(150);
    expect(new Set(prep.stops.node).size).toBe(150);
    // Every stop sits within 300 m of its cell's incidents and on a street node.
    for (let i = 0; i < 150; i++) expect(prep.stops.xs[i]).toBe(net.xs[prep.stops.node[i]]);
    expect(prep.units.map((u) => u.label)).toEqual(['car 1', 'car 2', 'volunteer 1', 'volunteer 2']);
  });

  it('values the best cell by its Friday 16:00-24:00 assaults per Friday, recounted from the columns', () => {
    // The shifts' union is Friday 16:00-24:00 (cars 16:00 + 8 h, volunteers 17:00-20:00).
    // 2010-01 .. 2019-12 holds 522 Fridays; a Friday assault without a known hour counts 8/24.
    const { grid, cells } = prep.hotSpots;
    const c = cells[0], col = c % grid.width, row = (c - col) / grid.width;
    const x0 = grid.x0 + col * grid.cellSizeM, y0 = grid.y0 + row * grid.cellSizeM;
    let count = 0;
    for (let i = 0; i < inc.n; i++) {
      const inCell = inc.xs[i] >= x0 && inc.xs[i] < x0 + grid.cellSizeM && inc.ys[i] >= y0 && inc.ys[i] < y0 + grid.cellSizeM;
      if (!inCell || inc.dow[i] !== 4) continue;
      if (inc.hour[i] >= 16) count += 1;
      else if (inc.hour[i] === -1) count += 8 / 24;
    }
    expect(count).toBeGreaterThan(3);
    expect(prep.hotSpots.value[0]).toBeCloseTo(count / 522, 12);
    expect(prep.hotSpots.daysInHistory).toBe(522);
  });

  it('keeps every route within its shift, timed by an independent Dijkstra over the raw streets', () => {
    const routed = plan.routes.filter((r) => r.stops.length > 0);
    expect(routed.length).toBe(4);
    for (const route of plan.routes) {
      const unit = prep.units[route.unit];
      const profile = travelProfiles[unit.kind];
      const pu = prep.problem.units[route.unit];
      const seq = [pu.start, ...route.stops, pu.end].map((loc) => prep.locationNode[loc]);
      let t = 0;
      for (let k = 0; k + 1 < seq.length; k++) t += dijkstra(net, profile, seq[k])[seq[k + 1]];
      t += route.stops.length * unit.dwellMin * 60;
      if (route.stops.length === 0) continue;
      expect(t, route.label).toBeLessThanOrEqual(unit.hours * 3600 + 1e-6);
      expect(Math.abs(t - route.timeS), route.label).toBeLessThan(1e-6);
      // The clock: back at the end point within the shift.
      expect(route.endMin - route.startMin).toBeLessThanOrEqual(unit.hours * 60 + 1e-9);
    }
  });

  it('covers no stop twice, officers and volunteers together', () => {
    const all = plan.routes.flatMap((r) => Array.from(r.stops));
    expect(new Set(all).size).toBe(all.length);
    expect(plan.summary.stops).toBe(all.length);
  });

  it('never gives a volunteer pair a stop above the violent-risk threshold, yet gives them routes', () => {
    // Demo incidents are all aggravated assaults, so violent value = value; the top tier
    // (top 10% of 150 = 15 stops, less ties at the cut) goes to officers only.
    const t = prep.violentThreshold;
    const above = Array.from(prep.stops.violentValue).filter((v) => v > t).length;
    expect(above).toBeGreaterThan(0);
    expect(above).toBeLessThanOrEqual(15);
    expect(Array.from(prep.stops.violentValue)).toEqual(Array.from(prep.stops.value));
    for (const route of plan.routes.filter((r) => r.kind === 'volunteer')) {
      expect(route.stops.length, route.label).toBeGreaterThan(0);
      for (const i of route.stops) expect(prep.stops.violentValue[i], `${route.label} stop ${i}`).toBeLessThanOrEqual(t);
    }
    // The officers do take the top tier stops.
    const carStops = new Set(plan.routes.filter((r) => r.kind === 'car').flatMap((r) => Array.from(r.stops)));
    const topTier = Array.from(prep.stops.violentValue.keys()).filter((i) => prep.stops.violentValue[i] > t);
    expect(topTier.filter((i) => carStops.has(i)).length).toBeGreaterThan(topTier.length / 2);
  });

  it('keeps each volunteer pair inside its beat (stops checked with Turf)', () => {
    const beats = demoBeats();
    const beatOf = ['1431', '1434'];
    for (const route of plan.routes.filter((r) => r.kind === 'volunteer')) {
      const beat = beats.get(beatOf[route.unit - 2])!;
      for (const i of route.stops) {
        expect(booleanPointInPolygon([prep.stops.lons[i], prep.stops.lats[i]], beat), `${route.label} stop ${i}`).toBe(true);
      }
    }
  });

  it('covers at least as much as the hand-style and greedy plans on this instance', () => {
    const s = plan.summary;
    expect(s.expectedCovered).toBeGreaterThanOrEqual(s.handStyleCovered);
    expect(s.expectedCovered).toBeGreaterThanOrEqual(s.greedyCovered);
    expect(s.handStyleCovered).toBeGreaterThan(0);
    let sum = 0;
    for (const r of plan.routes) for (const i of r.stops) sum += prep.stops.value[i];
    expect(s.expectedCovered).toBeCloseTo(sum, 12);
    expect(s.coveredShare).toBeCloseTo(sum / prep.hotSpots.totalExpected, 12);
  });

  it('exports routes along the streets through their numbered stops, volunteer stops without incident figures', () => {
    const g = patrolPlanToGeoJson(prep, plan, net);
    const lines = g.features.filter((f) => f.geometry.type === 'LineString');
    const points = g.features.filter((f) => f.geometry.type === 'Point');
    expect(lines.length).toBe(4);
    expect(points.length).toBe(plan.summary.stops);
    for (const line of lines) {
      const coords = (line.geometry as { coordinates: number[][] }).coordinates;
      const key = (p: number[]) => `${p[0]},${p[1]}`;
      const onLine = new Set(coords.map(key));
      const stopsOf = points.filter((p) => (p.properties as PatrolStopProps).unit === line.properties.unit);
      expect(stopsOf.map((p) => (p.properties as PatrolStopProps).order)).toEqual(stopsOf.map((_, k) => k + 1));
      for (const p of stopsOf) expect(onLine.has(key((p.geometry as { coordinates: number[] }).coordinates))).toBe(true);
      // Consecutive vertices are street geometry, never a straight jump across the district.
      for (let k = 1; k < coords.length; k++) {
        const dLon = (coords[k][0] - coords[k - 1][0]) * 74_000, dLat = (coords[k][1] - coords[k - 1][1]) * 111_000;
        expect(Math.hypot(dLon, dLat)).toBeLessThan(1500);
      }
    }
    for (const p of points) {
      const props = p.properties as PatrolStopProps;
      expect(props.arrival).toMatch(/^\d\d:\d\d$/);
      if (props.kind === 'volunteer') {
        expect(props.expected).toBeUndefined();
        expect(props.role).toBe('observe and report');
      } else {
        expect(props.expected).toBeGreaterThan(0);
      }
    }
    expect(points.filter((p) => (p.properties as PatrolStopProps).street !== '').length).toBeGreaterThan(points.length * 0.9);
  });
});
