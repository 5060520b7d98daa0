/**
 * Patrol routes on the map: each unit's route along the streets in its own colour (volunteer
 * routes dashed), its stops as numbered dots (a locked stop ringed in black), and the candidate
 * stops no route takes as small grey dots (a dropped one ringed in red, the selected one ringed in
 * teal), so the user can see what could be added.
 *
 * `routeLayerData` and `routeLayers` are pure (the plan and the edits to GeoJSON and a style);
 * `showRoutes` adds or updates the one source and its layers on a MapLibre map it is given.
 * Labels use the basemap's bundled font (no glyph requests).
 */
import type { ExpressionSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap, MapLayerMouseEvent } from 'maplibre-gl';
import type { PlanView } from '../worker/plan_protocol.ts';
import { LABEL_FONT } from './basemap_style.ts';

export const ROUTE_SOURCE = 'plan-routes';

/** Colours of the units' routes, in unit order (repeating), chosen apart from the hot-spot reds. */
export const ROUTE_COLOURS = ['#1565c0', '#6a1b9a', '#00796b', '#ef6c00', '#283593', '#ad1457', '#2e7d32', '#5d4037'] as const;

export const routeColour = (unit: number): string => ROUTE_COLOURS[unit % ROUTE_COLOURS.length];

/** What the user has done to the plan, per candidate stop (as PlanEdits), and the selected stop. */
export interface RouteLayerEdits {
  lockedTo?: Int32Array;
  excluded?: Uint8Array;
  /** Candidate stop selected in the panel (e.g. to add it), or -1. */
  selected?: number;
}

export interface RouteFeatureProps {
  feature: 'route' | 'stop' | 'candidate';
  /** Unit index (-1 for a candidate no route takes). */
  unit: number;
  kind: string;
  colour: string;
  /** Candidate stop index (-1 for a route). */
  candidate: number;
  /** Stop number on its route (0 for routes and candidates). */
  order: number;
  locked: 0 | 1;
  dropped: 0 | 1;
  selected: 0 | 1;
  officersOnly: 0 | 1;
}

/** The plan as the route layer's GeoJSON: route lines, then candidates, then the routes' stops. */
export function routeLayerData(view: PlanView | null, edits: RouteLayerEdits = {}): FeatureCollection<LineString | Point, RouteFeatureProps> {
  if (!view) return { type: 'FeatureCollection', features: [] };
  const features: Feature<LineString | Point, RouteFeatureProps>[] = [];
  const { stops } = view;
  const onRoute = new Int32Array(stops.count).fill(-1);
  const base = (feature: RouteFeatureProps['feature'], unit: number, kind: string, candidate: number): RouteFeatureProps => ({
    feature, unit, kind, colour: unit >= 0 ? routeColour(unit) : '#8a8a8a', candidate, order: 0,
    locked: candidate >= 0 && edits.lockedTo && edits.lockedTo[candidate] >= 0 ? 1 : 0,
    dropped: candidate >= 0 && edits.excluded?.[candidate] ? 1 : 0,
    selected: candidate >= 0 && candidate === edits.selected ? 1 : 0,
    officersOnly: candidate >= 0 && stops.officersOnly[candidate] ? 1 : 0,
  });
  for (const r of view.routes) {
    for (const i of r.stops) onRoute[i] = r.unit;
    if (r.path.length < 4) continue;
    const coordinates: number[][] = [];
    for (let k = 0; k + 1 < r.path.length; k += 2) coordinates.push([r.path[k], r.path[k + 1]]);
    features.push({ type: 'Feature', properties: base('route', r.unit, r.kind, -1), geometry: { type: 'LineString', coordinates } });
  }
  for (let i = 0; i < stops.count; i++) {
    if (onRoute[i] >= 0) continue;
    features.push({ type: 'Feature', properties: base('candidate', -1, '', i), geometry: { type: 'Point', coordinates: [stops.lons[i], stops.lats[i]] } });
  }
  for (const r of view.routes) {
    r.stops.forEach((i, k) => {
      const props = base('stop', r.unit, r.kind, i);
      props.order = k + 1;
      features.push({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: [stops.lons[i], stops.lats[i]] } });
    });
  }
  return { type: 'FeatureCollection', features };
}

const is = (feature: RouteFeatureProps['feature']): ExpressionSpecification => ['==', ['get', 'feature'], feature];
const byZoom = (...stops: number[]): ExpressionSpecification => ['interpolate', ['linear'], ['zoom'], ...stops];

/** Layer ids, bottom to top. */
export const ROUTE_LAYER_IDS = ['plan-route-casing', 'plan-route-officer', 'plan-route-volunteer', 'plan-candidate', 'plan-stop', 'plan-stop-number'] as const;

/** The route layers' style (all on ROUTE_SOURCE). */
export function routeLayers(): LayerSpecification[] {
  return [
    { id: 'plan-route-casing', type: 'line', source: ROUTE_SOURCE, filter: is('route'),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': byZoom(11, 4, 17, 10), 'line-opacity': 0.9 } },
    { id: 'plan-route-officer', type: 'line', source: ROUTE_SOURCE, filter: ['all', is('route'), ['!=', ['get', 'kind'], 'volunteer']],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': ['get', 'colour'], 'line-width': byZoom(11, 2.5, 17, 6) } },
    { id: 'plan-route-volunteer', type: 'line', source: ROUTE_SOURCE, filter: ['all', is('route'), ['==', ['get', 'kind'], 'volunteer']],
      layout: { 'line-join': 'round' },
      paint: { 'line-color': ['get', 'colour'], 'line-width': byZoom(11, 2.5, 17, 6), 'line-dasharray': [2, 1] } },
    { id: 'plan-candidate', type: 'circle', source: ROUTE_SOURCE, filter: is('candidate'),
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, ['case', ['==', ['get', 'selected'], 1], 6, 3], 17, ['case', ['==', ['get', 'selected'], 1], 9, 6]],
        'circle-color': ['case', ['==', ['get', 'dropped'], 1], '#ffffff', '#8a8a8a'],
        'circle-stroke-color': ['case', ['==', ['get', 'selected'], 1], '#00a0b0', ['==', ['get', 'dropped'], 1], '#b00020', '#ffffff'],
        'circle-stroke-width': ['case', ['any', ['==', ['get', 'selected'], 1], ['==', ['get', 'dropped'], 1]], 2.5, 1],
      } },
    { id: 'plan-stop', type: 'circle', source: ROUTE_SOURCE, filter: is('stop'),
      paint: {
        'circle-radius': byZoom(11, 7, 17, 11),
        'circle-color': ['get', 'colour'],
        'circle-stroke-color': ['case', ['==', ['get', 'selected'], 1], '#00a0b0', ['==', ['get', 'locked'], 1], '#111111', '#ffffff'],
        'circle-stroke-width': ['case', ['any', ['==', ['get', 'locked'], 1], ['==', ['get', 'selected'], 1]], 3, 1.5],
      } },
    { id: 'plan-stop-number', type: 'symbol', source: ROUTE_SOURCE, filter: is('stop'),
      layout: {
        'text-field': ['to-string', ['get', 'order']], 'text-font': [LABEL_FONT], 'text-size': byZoom(11, 9, 17, 12),
        'text-allow-overlap': true, 'text-ignore-placement': true,
      },
      paint: { 'text-color': '#ffffff' } },
  ];
}

/** Add the route source and layers to `map` (on top), or update their data. Call after the style has loaded. */
export function showRoutes(map: MapLibreMap, data: FeatureCollection): void {
  const source = map.getSource<GeoJSONSource>(ROUTE_SOURCE);
  if (source) {
    source.setData(data);
    return;
  }
  map.addSource(ROUTE_SOURCE, { type: 'geojson', data });
  for (const layer of routeLayers()) map.addLayer(layer);
}

/** Remove the route layers and source, if present. */
export function removeRoutes(map: MapLibreMap): void {
  for (const id of [...ROUTE_LAYER_IDS].reverse()) if (map.getLayer(id)) map.removeLayer(id);
  if (map.getSource(ROUTE_SOURCE)) map.removeSource(ROUTE_SOURCE);
}

/**
 * Call `onPick(candidate)` when a stop or candidate dot is clicked (the page decides what that
 * means). Returns a function that unbinds it.
 */
export function onRouteStopClick(map: MapLibreMap, onPick: (candidate: number) => void): () => void {
  const click = (ev: MapLayerMouseEvent) => {
    const c = Number(ev.features?.[0]?.properties?.candidate);
    if (Number.isInteger(c) && c >= 0) onPick(c);
  };
  const enter = () => { map.getCanvas().style.cursor = 'pointer'; };
  const leave = () => { map.getCanvas().style.cursor = ''; };
  for (const layer of ['plan-candidate', 'plan-stop']) {
    map.on('click', layer, click);
    map.on('mouseenter', layer, enter);
    map.on('mouseleave', layer, leave);
  }
  return () => {
    for (const layer of ['plan-candidate', 'plan-stop']) {
      map.off('click', layer, click);
      map.off('mouseenter', layer, enter);
      map.off('mouseleave', layer, leave);
    }
  };
}

/** [[west, south], [east, north]] of the routes' paths, or null when no unit is sent out. */
export function routeBounds(view: PlanView): [[number, number], [number, number]] | null {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const r of view.routes) {
    for (let k = 0; k + 1 < r.path.length; k += 2) {
      w = Math.min(w, r.path[k]); e = Math.max(e, r.path[k]);
      s = Math.min(s, r.path[k + 1]); n = Math.max(n, r.path[k + 1]);
    }
  }
  return w <= e ? [[w, s], [e, n]] : null;
}
