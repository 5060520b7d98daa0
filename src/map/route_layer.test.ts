import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import type { PlanView } from '../worker/plan_protocol.ts';
import { ROUTE_LAYER_IDS, ROUTE_SOURCE, routeBounds, routeColour, routeLayerData, routeLayers, type RouteFeatureProps } from './route_layer.ts';

/** A plan of 5 candidate stops: a car takes 3 then 1, a volunteer pair takes 2; 0 and 4 are free. */
function view(): PlanView {
  const route = (unit: number, kind: 'car' | 'volunteer', stops: number[], path: number[]) => ({
    unit, label: `${kind} 1`, kind, stops: Int32Array.from(stops), arriveMin: new Float64Array(stops.length), departMin: new Float64Array(stops.length),
    startMin: 960, endMin: 1000, timeS: 2400, value: 0.1, share: 0.2, distanceM: 1000, path: Float64Array.from(path),
  });
  return {
    planId: 1, revision: 1, day: 4, units: [], summary: {} as PlanView['summary'], geojson: { type: 'FeatureCollection', features: [] },
    stops: {
      count: 5, lons: Float64Array.from([-87.70, -87.71, -87.72, -87.73, -87.74]), lats: Float64Array.from([41.90, 41.91, 41.92, 41.93, 41.94]),
      value: new Float64Array(5), officersOnly: Uint8Array.from([0, 0, 0, 1, 0]), street: ['', '', '', '', ''], eligible: new Uint8Array(10).fill(1),
    },
    routes: [
      route(0, 'car', [3, 1], [-87.75, 41.89, -87.73, 41.93, -87.71, 41.91, -87.75, 41.89]),
      route(1, 'volunteer', [2], [-87.72, 41.925, -87.72, 41.92]),
    ],
    violentThreshold: 0, violentThresholdRule: '', unplacedRequired: new Int32Array(0),
    history: { firstMonth: '2010-01', lastMonth: '2019-12', daysInHistory: 522, incidentsUsed: 10 }, notes: [],
    timings: { streetsMs: 0, networkMs: 0, prepareMs: 0, solveMs: 0 },
  };
}

const props = (fc: ReturnType<typeof routeLayerData>, feature: RouteFeatureProps['feature']) =>
  fc.features.filter((f) => f.properties.feature === feature).map((f) => f.properties);

describe('routeLayerData', () => {
  it('routeLayerData(plan) draws each route as a line along its path, its stops numbered in visit order', () => {
    const fc = routeLayerData(view());
    const routes = fc.features.filter((f) => f.properties.feature === 'route');
    expect(routes.map((f) => f.geometry.coordinates)).toEqual([
      [[-87.75, 41.89], [-87.73, 41.93], [-87.71, 41.91], [-87.75, 41.89]],
      [[-87.72, 41.925], [-87.72, 41.92]],
    ]);
    expect(routes.map((f) => [f.properties.kind, f.properties.colour])).toEqual([['car', routeColour(0)], ['volunteer', routeColour(1)]]);
    expect(props(fc, 'stop').map((p) => [p.unit, p.order, p.candidate])).toEqual([[0, 1, 3], [0, 2, 1], [1, 1, 2]]);
    const stop3 = fc.features.find((f) => f.properties.feature === 'stop' && f.properties.candidate === 3)!;
    expect(stop3.geometry.coordinates).toEqual([-87.73, 41.93]);
    expect(props(fc, 'stop')[0].officersOnly).toBe(1);
  });

  it('routeLayerData(plan) shows the candidates no route takes, and marks locked, dropped and selected stops', () => {
    const lockedTo = Int32Array.from([-1, 0, -1, -1, -1]);
    const excluded = Uint8Array.from([0, 0, 0, 0, 1]);
    const fc = routeLayerData(view(), { lockedTo, excluded, selected: 0 });
    expect(props(fc, 'candidate').map((p) => [p.candidate, p.dropped, p.selected, p.unit])).toEqual([[0, 0, 1, -1], [4, 1, 0, -1]]);
    expect(props(fc, 'stop').map((p) => [p.candidate, p.locked])).toEqual([[3, 0], [1, 1], [2, 0]]);
  });

  it('routeLayerData(null) is empty; a unit not sent out draws nothing', () => {
    expect(routeLayerData(null).features).toEqual([]);
    const v = view();
    v.routes[1] = { ...v.routes[1], stops: new Int32Array(0), path: new Float64Array(0) };
    const fc = routeLayerData(v);
    expect(props(fc, 'route').map((p) => p.unit)).toEqual([0]);
    expect(props(fc, 'candidate').map((p) => p.candidate)).toEqual([0, 2, 4]);
  });

  it('routeLayers() is a valid MapLibre style over one source, with no glyphs or sprite needed from anywhere', () => {
    const style = {
      version: 8 as const,
      sources: { [ROUTE_SOURCE]: { type: 'geojson' as const, data: routeLayerData(view()) } },
      layers: routeLayers(),
      // A style with symbol layers needs a font source; the app's basemap gives local font-faces.
      glyphs: 'http://localhost/{fontstack}/{range}.pbf',
    };
    expect(validateStyleMin(style)).toEqual([]);
    expect(routeLayers().map((l) => l.id)).toEqual([...ROUTE_LAYER_IDS]);
  });

  it('routeBounds(plan) spans every route path', () => {
    expect(routeBounds(view())).toEqual([[-87.75, 41.89], [-87.71, 41.93]]);
    const v = view();
    v.routes = [];
    expect(routeBounds(v)).toBeNull();
  });
});
