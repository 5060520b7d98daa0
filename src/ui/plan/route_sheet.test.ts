/**
 * Route sheets: on a hand-made plan (exact content, escaping, both languages) and on the demo plan
 * made the way the plan worker makes it (district 14 streets and aggravated assaults, 2 cars and
 * 2 volunteer pairs on a Friday).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadIncidents } from '../../../analysis/load_incidents.ts';
import { projector } from '../../geo/projection.ts';
import { readStreetGeoJson } from '../../geo/streets/read_street_geojson.ts';
import { parseUnits } from '../../routing/plan/plan_units.ts';
import { preparePatrolPlan } from '../../routing/plan/prepare_patrol_plan.ts';
import { formatClock } from '../../routing/plan/shift_window.ts';
import { solvePatrolPlan } from '../../routing/plan/solve_patrol_plan.ts';
import { buildPlanView, planStreets, sheetStreets } from '../../worker/plan_worker.ts';
import type { PlanView, SheetStreets } from '../../worker/plan_protocol.ts';
import { demoCategory, demoIncidents, demoStreets, demoUnits } from '../../../test/plan/demo_units.ts';
import { routeSheetHtml, routeSheetOf } from './route_sheet.ts';

/** Text of an HTML string without tags (entities of the five escaped characters decoded). */
const textOf = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ')
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');

/** Two units: car 1 takes stops 2 then 0, volunteer 1 takes stop 1 (whose street name has markup). */
function handMadeView(): PlanView {
  const unit = (label: string, kind: 'car' | 'volunteer', start: [number, number]) => ({ label, kind, shiftStart: '16:00', hours: 8, dwellMin: 15, start, end: start, eligibleStops: 3 });
  const route = (u: number, label: string, kind: 'car' | 'volunteer', stops: number[], arrive: number[], value: number, share: number) => ({
    unit: u, label, kind, stops: Int32Array.from(stops), arriveMin: Float64Array.from(arrive), departMin: Float64Array.from(arrive, (a) => a + 15),
    startMin: 960, endMin: arrive[arrive.length - 1] + 30, timeS: 3600, value, share, distanceM: 4321,
    path: Float64Array.from([-87.70, 41.92, -87.69, 41.925, -87.695, 41.93, -87.70, 41.92]),
  });
  return {
    planId: 1, revision: 1, day: 4,
    units: [unit('car 1', 'car', [-87.70, 41.92]), unit('volunteer 1', 'volunteer', [-87.68, 41.91])],
    stops: {
      count: 3, lons: Float64Array.from([-87.695, -87.681, -87.69]), lats: Float64Array.from([41.93, 41.912, 41.925]),
      value: Float64Array.from([0.0123, 0.0456, 0.0789]), officersOnly: new Uint8Array(3),
      street: ['W Armitage Ave', 'N <b>Kedzie</b> & "Co"', 'N California Ave'], eligible: new Uint8Array(6).fill(1),
    },
    routes: [route(0, 'car 1', 'car', [2, 0], [972.4, 1001], 0.0912, 0.2193), route(1, 'volunteer 1', 'volunteer', [1], [1025], 0.0456, 0.1097)],
    summary: {} as PlanView['summary'], geojson: { type: 'FeatureCollection', features: [] },
    violentThreshold: 0.01, violentThresholdRule: '', unplacedRequired: new Int32Array(0),
    history: { firstMonth: '2010-01', lastMonth: '2019-12', daysInHistory: 522, incidentsUsed: 3763 }, notes: [],
    timings: { streetsMs: 0, networkMs: 0, prepareMs: 0, solveMs: 0 },
  };
}

const streets: SheetStreets = {
  lons: Float32Array.from([-87.71, -87.68, -87.70, -87.70, -80, -80.01]),
  lats: Float32Array.from([41.92, 41.92, 41.90, 41.94, 40, 40.01]),
  start: Uint32Array.from([0, 2, 4, 6]),
  major: Uint8Array.from([1, 0, 0]),
};

describe('route sheets of a hand-made plan', () => {
  it("an officer's sheet lists the stops in order with street names, arrival and departure times and expected incidents", () => {
    const html = routeSheetHtml(routeSheetOf(handMadeView(), 0), streets, 'en');
    const text = textOf(html);
    expect(text).toContain('Route sheet — car 1');
    expect(text).toContain('Car · Friday, 16:00–17:11 · 4.3 km');
    expect(text).toMatch(/No\. Arrive Leave Street Expected incidents 1 16:12 16:27 N California Ave 0\.079 2 16:41 16:56 W Armitage Ave 0\.012 /);
    expect(text).toContain('Expected incidents per shift at these stops: 0.091 (21.9% of all expected');
    expect(text).not.toContain('observe and report');
  });

  it("a volunteer pair's sheet has no incident details and says they observe and report, never intervene", () => {
    const sheet = routeSheetOf(handMadeView(), 1);
    expect(sheet.covered).toBeUndefined();
    expect(sheet.stops.every((s) => s.expected === undefined)).toBe(true);
    const html = routeSheetHtml(sheet, streets, 'en');
    const text = textOf(html);
    expect(text).toContain('Volunteer patrol: you observe and report — never intervene.');
    expect(text).toMatch(/No\. Arrive Leave Street 1 17:05 17:20 N <b>Kedzie<\/b> & "Co" /);
    expect(text).not.toMatch(/incident|expected|hot spot|assault|violent/i);
    // None of the plan's figures appear: not the stop's value, the route's value or its share.
    for (const figure of ['0.046', '0.0456', '0.11', '11%', '11.0%', '0.05']) expect(text).not.toContain(figure);
  });

  it('even a volunteer sheet given figures does not print them', () => {
    const sheet = routeSheetOf(handMadeView(), 1);
    sheet.stops[0].expected = 0.0456;
    sheet.covered = { value: 0.0456, share: 0.1097 };
    const text = textOf(routeSheetHtml(sheet, streets, 'en'));
    expect(text).not.toMatch(/incident|expected|0\.046|11%/i);
  });

  it('escapes names from the data and draws the route, the base, numbered stops and the nearby streets', () => {
    const html = routeSheetHtml(routeSheetOf(handMadeView(), 1), streets, 'en');
    expect(html).not.toContain('<b>Kedzie</b>');
    expect(html).toContain('N &lt;b&gt;Kedzie&lt;/b&gt; &amp; &quot;Co&quot;');
    const svg = /<svg[\s\S]*<\/svg>/.exec(html)![0];
    expect(svg).toContain('stroke-dasharray'); // volunteer routes are dashed, as on the map
    expect((svg.match(/<g class="stop">/g) ?? []).length).toBe(1);
    expect(svg).toContain('>S</text>');
    // The two streets near the route are drawn (one major, one minor); the far one is not.
    expect((svg.match(/<path d="M/g) ?? []).length).toBe(2);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it('writes Lithuanian, the volunteer line included, with no incident words', () => {
    const off = textOf(routeSheetHtml(routeSheetOf(handMadeView(), 0), streets, 'lt'));
    expect(off).toContain('Maršruto lapas — car 1');
    expect(off).toContain('Automobilis · Penktadienis, 16:00–17:11 · 4,3 km');
    expect(off).toMatch(/Nr\. Atvykti Išvykti Gatvė Tikėtini įvykiai 1 16:12 16:27 N California Ave 0,079/);
    const vol = textOf(routeSheetHtml(routeSheetOf(handMadeView(), 1), streets, 'lt'));
    expect(vol).toContain('Savanorių patrulis: jūs stebite ir pranešate – niekada nesikiškite.');
    expect(vol).not.toMatch(/įvyk|tikėtin|smurt/i);
  });

  it('a unit with no stops gets a sheet that says so', () => {
    const v = handMadeView();
    v.routes[1] = { ...v.routes[1], stops: new Int32Array(0), arriveMin: new Float64Array(0), departMin: new Float64Array(0), path: new Float64Array(0) };
    expect(textOf(routeSheetHtml(routeSheetOf(v, 1), null, 'en'))).toContain('This unit has no stops in the plan.');
    expect(() => routeSheetOf(v, 5)).toThrow(/unit 5 is not in the plan/);
  });
});

describe('route sheets of the demo plan', () => {
  let view: PlanView;
  let sheetMap: SheetStreets;

  beforeAll(async () => {
    const inc = await loadIncidents([demoIncidents], { defaultCategory: demoCategory });
    const ps = planStreets(readStreetGeoJson(readFileSync(demoStreets)), inc.crs);
    const toPlanar = projector('EPSG:4326', inc.crs);
    const prep = preparePatrolPlan(
      { network: ps.planNet, incidents: inc, units: parseUnits(demoUnits(), 'demo units'), day: 4, project: (lon, lat) => toPlanar.forward(lon, lat) },
      { candidates: 150, cellM: 150 },
    );
    view = buildPlanView(1, 1, prep, solvePatrolPlan(prep, ps.net, { seed: 1, timeLimitMs: 500 }), ps, { streetsMs: 0, networkMs: 0, prepareMs: 0, solveMs: 0 });
    sheetMap = sheetStreets(ps.net);
  }, 120_000);

  it('every officer sheet lists each stop of its route with the stop’s street and times', () => {
    for (const r of view.routes.filter((x) => x.kind === 'car')) {
      expect(r.stops.length).toBeGreaterThan(0);
      const text = textOf(routeSheetHtml(routeSheetOf(view, r.unit), sheetMap, 'en'));
      Array.from(r.stops).forEach((i, k) => {
        const street = view.stops.street[i] || 'unnamed street';
        expect(text).toContain(` ${k + 1} ${formatClock(r.arriveMin[k])} ${formatClock(r.departMin[k])} ${street} `);
      });
      expect(text).toMatch(/Expected incidents per shift at these stops/);
    }
  });

  it('volunteer sheets name no category, no incident figure, and say observe and report', () => {
    const vols = view.routes.filter((x) => x.kind === 'volunteer');
    expect(vols.length).toBe(2);
    for (const r of vols) {
      expect(r.stops.length).toBeGreaterThan(0);
      for (const lang of ['en', 'lt'] as const) {
        const html = routeSheetHtml(routeSheetOf(view, r.unit), sheetMap, lang);
        const text = textOf(html);
        expect(text).toContain(lang === 'en' ? 'observe and report — never intervene' : 'stebite ir pranešate – niekada nesikiškite');
        expect(text).not.toMatch(/incident|expected|assault|violent|įvyk|tikėtin|smurt|užpuol/i);
        // No stop value appears, in any format the panel uses.
        for (const i of r.stops) {
          const v = view.stops.value[i];
          for (const s of [String(v), v.toFixed(4), v.toPrecision(2)]) expect(html).not.toContain(s);
        }
      }
    }
  });
});
