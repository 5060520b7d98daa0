/**
 * Patrol planning benchmark on the Chicago network (issue 5, "Must show"):
 *
 * 1. Noding + graph build for the 400 km² of the 30 z13 tiles (../shared/data/chicago/
 *    streets_2017/tiles): read, node, keep the largest component, then the road graph and its
 *    largest strong component for car, foot and volunteer.
 * 2. A 100 × 100 travel-time matrix (car and foot) between street nodes spread over the network.
 * 3. A plan for district 14 on that network: the demo's aggravated assaults (2010–2019), 4 cars
 *    from the district station and 3 volunteer pairs (each in a beat, based in it), an 8-hour
 *    shift, 150 candidate stops, on Friday 16:00 with the full time limit; then every day of the
 *    week at 00:00, 08:00 and 16:00 with a shorter one; with 150 and with 400 candidates. Expected incidents covered per shift
 *    versus the hand-style (nearest unvisited among the top 30) and greedy (nearest-first over
 *    all candidates) plans with the same units, shift and stops.
 *
 * Prints markdown tables. Times are wall-clock, one run each, after nothing else (run it alone:
 * the machine's other load shows in the figures).
 *
 * The configuration has 150 candidates; with 7 units of 8 hours and 15-minute stops (at most
 * 32 stops a unit) that many all fit, so the plan and greedy both cover nearly all of them. The
 * runs with 400 candidates show the planner where the stops do not all fit.
 *
 *   npx tsx analysis/bench/plan.ts [--seconds 10] [--sweep-seconds 2] [--candidates 150 400] [--no-sweep] [--seed 1]
 *
 * A recorded run (Node 20.20, 2-core AMD EPYC shared with other jobs, load average ~5.5, so
 * times are pessimistic): 54,405 nodes / 85,651 edges; read + node + largest component + 3 graphs
 * + 3 strong components 1.09 s; 100 × 100 matrix 1.49 s car, 1.40 s foot (0.77 / 0.80 s in a
 * quieter earlier run). District 14, Friday 16:00 + 8 h, 150 candidates: prepare 1.09 s, solve +
 * baselines + paths 0.33 s (every candidate covered: 7 units of 8 h can take ~220 stops), covered
 * 0.410 expected assaults per shift vs hand-style 0.148 (2.78×) and greedy 0.408 (1.00×). Over
 * 7 days × 3 shifts: plan / hand-style 1.96–2.96× (mean 2.36), plan / greedy 1.00–1.04× (mean
 * 1.01) with 150 candidates; with 400 candidates 1.96–3.12× and 1.00–1.20× (mean 1.03). The demo
 * has only 3,763 assaults in 10 years, so an 8-hour window has ~150–450 cells with any incident
 * and the units can visit nearly all of them: greedy is then close to the plan.
 */
import { cpus } from 'node:os';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, Polygon } from 'geojson';
import { CliOptions } from '../cli_options.ts';
import { loadIncidents } from '../load_incidents.ts';
import { projector } from '../../src/geo/projection.ts';
import { patrolPlanToGeoJson } from '../../src/geo/patrol_geojson.ts';
import { keepLargestComponent } from '../../src/geo/streets/keep_largest_component.ts';
import { nodeLines } from '../../src/geo/streets/node_lines.ts';
import { readMvtTilesSync, tileAddressOf } from '../../src/geo/streets/read_mvt.ts';
import { buildRoadGraph, travelProfiles, type RoadGraph } from '../../src/routing/road_graph.ts';
import { largestStrongComponentMask } from '../../src/routing/strong_components.ts';
import { travelTimeMatrix } from '../../src/routing/travel_time_matrix.ts';
import { parseUnits } from '../../src/routing/plan/plan_units.ts';
import { preparePatrolPlan, type PlanNetwork } from '../../src/routing/plan/prepare_patrol_plan.ts';
import { dayNames } from '../../src/routing/plan/shift_window.ts';
import { solvePatrolPlan } from '../../src/routing/plan/solve_patrol_plan.ts';
import { planViolations } from '../../src/routing/patrol_problem.ts';

const opts = new CliOptions(process.argv.slice(2));
const seconds = opts.number('seconds', 10);
const sweepSeconds = opts.number('sweep-seconds', 2);
const seed = opts.number('seed', 1);
const sweep = !opts.flag('no-sweep');
const candidateCounts = opts.list('candidates').length ? opts.list('candidates').map(Number) : [150, 400];
if (!candidateCounts.every((n) => Number.isInteger(n) && n >= 1)) throw new RangeError(`--candidates must be whole numbers >= 1, got ${opts.list('candidates').join(' ')}`);

const root = fileURLToPath(new URL('../../', import.meta.url));
const tilesDir = fileURLToPath(new URL('../../../shared/data/chicago/streets_2017/tiles/', import.meta.url));
const ms = (t: number) => (performance.now() - t);
const f1 = (x: number) => x.toFixed(1);
const rows: [string, string][] = [];
const time = <T>(name: string, f: () => T): T => {
  const t = performance.now();
  const r = f();
  rows.push([name, f1(ms(t))]);
  return r;
};

// Incidents first: the network is noded in their planar CRS.
const tInc = performance.now();
const inc = await loadIncidents([`${root}data/chicago_d14/aggravated_assaults_d14_2010_2019.csv`], { defaultCategory: 'aggravated assault' });
const incMs = ms(tInc);

// 1. Noding and graph build.
const tiles = readdirSync(tilesDir).filter((f) => f.endsWith('.mvt')).map((f) => ({ ...tileAddressOf(f)!, bytes: new Uint8Array(readFileSync(tilesDir + f)) }));
const tAll = performance.now();
const lines = time(`read ${tiles.length} MVT tiles`, () => readMvtTilesSync(tiles));
const noded = time('node (split crossings, join tile edges, dedupe)', () => nodeLines(lines, { crs: inc.crs }));
const net = time('keep largest component', () => keepLargestComponent(noded));
const graphs: Record<string, RoadGraph> = {};
const masks: Record<string, Uint8Array> = {};
for (const k of ['car', 'foot', 'volunteer'] as const) {
  graphs[k] = time(`road graph (CSR), ${k}`, () => buildRoadGraph(net, travelProfiles[k]));
  masks[k] = time(`largest strong component, ${k}`, () => largestStrongComponentMask(graphs[k]));
}
rows.push(['**read + node + graphs + strong components**', f1(ms(tAll))]);

// 2. 100 x 100 matrices between nodes spread over the car component (every k-th such node).
const inCar: number[] = [];
for (let v = 0; v < net.nodeCount; v++) if (masks.car[v] && masks.foot[v]) inCar.push(v);
const pick = Array.from({ length: 100 }, (_, i) => inCar[Math.floor(((i + 0.5) * inCar.length) / 100)]);
const carM = time('100 × 100 travel-time matrix, car', () => travelTimeMatrix(graphs.car, pick, pick));
time('100 × 100 travel-time matrix, foot', () => travelTimeMatrix(graphs.foot, pick, pick));
let unreachable = 0;
for (const t of carM) if (t === Infinity) unreachable++;

console.log(`# Patrol planning benchmark — Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores)\n`);
console.log(`Network: ${tiles.length} z13 tiles, ${net.nodeCount.toLocaleString('en')} nodes, ${net.edgeCount.toLocaleString('en')} edges, ` +
  `${net.report.kmKept.toFixed(0)} km kept of ${net.report.kmIn.toFixed(0)} km, CRS ${net.crs}; car graph ${graphs.car.arcCount.toLocaleString('en')} arcs, ` +
  `car strong component ${masks.car.reduce((a, b) => a + b, 0).toLocaleString('en')} nodes. Car matrix: ${unreachable} of 10,000 cells unreachable.\n`);
console.log('| phase | ms |\n|---|---:|');
for (const [n, t] of rows) console.log(`| ${n} | ${t} |`);

// 3. District 14 plans.
const beats = new Map((JSON.parse(readFileSync(`${root}data/chicago_d14/police_beats_d14.geojson`, 'utf8')) as FeatureCollection<Polygon>)
  .features.map((f) => [String(f.properties?.BEAT_NUM), f.geometry]));
const station: [number, number] = [-87.6973, 41.9205]; // district 14 station, 2150 N California Ave
const volunteerBeats: [string, [number, number]][] = [['1431', [-87.6922, 41.9232]], ['1434', [-87.6820, 41.9143]], ['1422', [-87.7123, 41.9100]]];
const unitsFor = (shiftStart: string) => parseUnits([
  { kind: 'car', count: 4, start: station, shiftStart, hours: 8 },
  ...volunteerBeats.map(([beat, base]) => ({ kind: 'volunteer', start: base, shiftStart, hours: 8, zone: beats.get(beat)! })),
], 'bench units');
const toPlanar = projector('EPSG:4326', inc.crs);
const network: PlanNetwork = { ...net, nodeXs: net.xs, nodeYs: net.ys, nodeLons: net.lons, nodeLats: net.lats };

interface PlanRow {
  day: string; shift: string; prepMs: number; solveMs: number; covered: number; hand: number; greedy: number; window: number;
  candidatesValue: number; stops: number; volunteerStops: number; officersOnly: number; stoppedBy: string;
}
function runPlan(day: number, shiftStart: string, timeLimitMs: number, candidates: number, withGeoJson = false): PlanRow {
  const t0 = performance.now();
  const prep = preparePatrolPlan({ network, incidents: inc, units: unitsFor(shiftStart), day, project: (lon, lat) => toPlanar.forward(lon, lat) }, { candidates });
  const prepMs = ms(t0);
  const t1 = performance.now();
  const plan = solvePatrolPlan(prep, net, { seed, timeLimitMs });
  const solveMs = ms(t1);
  // Independent of the solver's own check: the plan and both baselines are feasible.
  for (const [name, routes] of [['plan', plan.routes.map((r) => r.stops)], ['hand-style', plan.handStyle.routes], ['greedy', plan.greedy.routes]] as const) {
    const v = planViolations(prep.problem, routes);
    if (v.length) throw new Error(`${name} infeasible: ${v.slice(0, 3).join('; ')}`);
  }
  if (withGeoJson) {
    const t2 = performance.now();
    const g = patrolPlanToGeoJson(prep, plan, net);
    console.log(`\nGeoJSON of the Friday plan: ${g.features.length} features in ${f1(ms(t2))} ms (street names by nearest named edge).`);
  }
  const s = plan.summary;
  return {
    day: dayNames[day], shift: `${shiftStart}+8h`, prepMs, solveMs, covered: s.expectedCovered, hand: s.handStyleCovered, greedy: s.greedyCovered,
    window: s.expectedInWindow, candidatesValue: prep.stops.value.reduce((a, b) => a + b, 0), stops: s.stops, stoppedBy: s.solverStoppedBy,
    volunteerStops: plan.routes.filter((r) => r.kind === 'volunteer').reduce((a, r) => a + r.stops.length, 0),
    officersOnly: prep.stops.officersOnly.reduce((a, b) => a + b, 0),
  };
}

const r3 = (x: number) => x.toFixed(3);
const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '—');
console.log(`\nIncidents: ${inc.n} (import ${f1(incMs)} ms).`);
for (const n of candidateCounts) {
  const main = runPlan(4, '16:00', seconds * 1000, n, n === candidateCounts[0]);
  console.log(`\n## District 14, Friday 16:00 + 8 h, 4 cars + 3 volunteer pairs, ${n} candidates, solver ${seconds} s, seed ${seed}\n`);
  console.log(`Expected incidents per shift in the window, whole district: ${r3(main.window)}. Candidates' total: ${r3(main.candidatesValue)}.\n`);
  console.log('| prepare ms (hot spots, snapping, strong components, matrices) | solve + baselines + paths ms | stops | volunteer stops | officers-only stops | expected covered | hand-style | greedy | plan / hand-style | plan / greedy |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  console.log(`| ${f1(main.prepMs)} | ${f1(main.solveMs)} | ${main.stops} | ${main.volunteerStops} | ${main.officersOnly} | ${r3(main.covered)} | ${r3(main.hand)} | ${r3(main.greedy)} | ${ratio(main.covered, main.hand)} | ${ratio(main.covered, main.greedy)} |`);
}

if (sweep) {
  for (const n of candidateCounts) {
    const all: PlanRow[] = [];
    for (let day = 0; day < 7; day++) for (const shift of ['00:00', '08:00', '16:00']) all.push(runPlan(day, shift, sweepSeconds * 1000, n));
    console.log(`\n## Every day × 3 shifts: same units, 8 h, ${n} candidates, solver ${sweepSeconds} s each\n`);
    console.log('| day | shift | expected in window | candidates\' total | covered | hand-style | greedy | plan / hand-style | plan / greedy | stopped by |');
    console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---|');
    for (const r of all) {
      console.log(`| ${r.day} | ${r.shift} | ${r3(r.window)} | ${r3(r.candidatesValue)} | ${r3(r.covered)} | ${r3(r.hand)} | ${r3(r.greedy)} | ${ratio(r.covered, r.hand)} | ${ratio(r.covered, r.greedy)} | ${r.stoppedBy} |`);
    }
    const rh = all.map((r) => r.covered / r.hand), rg = all.map((r) => r.covered / r.greedy);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    console.log(`\n${n} candidates — plan / hand-style: mean ${mean(rh).toFixed(2)}, min ${Math.min(...rh).toFixed(2)}, max ${Math.max(...rh).toFixed(2)}; ` +
      `plan / greedy: mean ${mean(rg).toFixed(2)}, min ${Math.min(...rg).toFixed(2)}, max ${Math.max(...rg).toFixed(2)}; ` +
      `plans below greedy (by more than 1e-9, float sums): ${rg.filter((x) => x < 1 - 1e-9).length} of ${rg.length}; ` +
      `plans stopped by the time limit: ${all.filter((r) => r.stoppedBy === 'time').length}.`);
  }
}
