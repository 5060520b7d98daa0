/**
 * A patrol plan as GeoJSON (WGS84 lon/lat): one LineString per unit sent out, along the streets
 * it drives or walks (base, stops in order, end), and one numbered Point per stop.
 *
 * Route properties: unit (label), unitIndex, kind, stops, value (expected incidents per shift at
 * its stops), share (of all expected in the window), minutes (travel + dwell), km, start and end
 * ('HH:MM'). Stop properties: unit, unitIndex, kind, order (1, 2, ...), arrival and departure
 * ('HH:MM'), dwell (minutes), street (nearest named street), stop (candidate index) and, for
 * officers only, expected (expected incidents per shift). Volunteer features carry
 * `role: 'observe and report'` and no incident figures at their stops: their route sheets carry
 * no incident details. Units with no stops get no features.
 */
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import { formatClock } from '../routing/plan/shift_window.ts';
import type { PatrolPlan } from '../routing/plan/solve_patrol_plan.ts';
import type { PreparedPatrolPlan } from '../routing/plan/prepare_patrol_plan.ts';
import { buildEdgeIndex, nearestEdgeName, type EdgeIndex } from './streets/nearest_edge.ts';
import type { StreetNetwork } from './streets/street_network.ts';

export interface PatrolGeoJsonOptions {
  /** Decimals of lon/lat. @default 6 (about 0.1 m) */
  decimals?: number;
  /** An edge index of the network, to reuse (built when absent). */
  edgeIndex?: EdgeIndex;
}

export interface PatrolRouteProps {
  feature: 'route';
  unit: string;
  unitIndex: number;
  kind: string;
  stops: number;
  value: number;
  share: number;
  minutes: number;
  km: number;
  start: string;
  end: string;
  role?: string;
}

export interface PatrolStopProps {
  feature: 'stop';
  unit: string;
  unitIndex: number;
  kind: string;
  order: number;
  arrival: string;
  departure: string;
  dwell: number;
  street: string;
  stop: number;
  expected?: number;
  role?: string;
}

const VOLUNTEER_ROLE = 'observe and report';

export function patrolPlanToGeoJson(
  prep: PreparedPatrolPlan,
  plan: PatrolPlan,
  net: StreetNetwork,
  options: PatrolGeoJsonOptions = {},
): FeatureCollection<LineString | Point, PatrolRouteProps | PatrolStopProps> {
  const decimals = options.decimals ?? 6;
  if (!(Number.isInteger(decimals) && decimals >= 0 && decimals <= 15)) throw new RangeError(`decimals must be an integer in 0..15, got ${decimals}`);
  const f = 10 ** decimals;
  const round = (v: number) => Math.round(v * f) / f;
  const index = options.edgeIndex ?? buildEdgeIndex(net);
  const features: Feature<LineString | Point, PatrolRouteProps | PatrolStopProps>[] = [];
  const { stops } = prep;

  for (const route of plan.routes) {
    if (route.stops.length === 0) continue;
    const unit = prep.units[route.unit];
    const volunteer = route.kind === 'volunteer';
    const coordinates: number[][] = [];
    const push = (q: number) => {
      const p = [round(net.geomLons[q]), round(net.geomLats[q])];
      const last = coordinates[coordinates.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) coordinates.push(p);
    };
    for (let k = 0; k < route.edges.length; k++) {
      const e = route.edges[k], a = net.edgeGeomStart[e], b = net.edgeGeomStart[e + 1];
      if (route.forward[k]) for (let q = a; q < b; q++) push(q);
      else for (let q = b - 1; q >= a; q--) push(q);
    }
    // A route whose stops all sit on its base has no street path: draw it as the stop itself.
    if (coordinates.length === 0) coordinates.push([round(stops.lons[route.stops[0]]), round(stops.lats[route.stops[0]])]);
    if (coordinates.length === 1) coordinates.push([...coordinates[0]]);
    const props: PatrolRouteProps = {
      feature: 'route',
      unit: route.label,
      unitIndex: route.unit,
      kind: route.kind,
      stops: route.stops.length,
      value: Number(route.value.toFixed(4)),
      share: Number(route.share.toFixed(4)),
      minutes: Number((route.timeS / 60).toFixed(1)),
      km: Number((route.distanceM / 1000).toFixed(2)),
      start: formatClock(route.startMin),
      end: formatClock(route.endMin),
    };
    if (volunteer) props.role = VOLUNTEER_ROLE;
    features.push({ type: 'Feature', properties: props, geometry: { type: 'LineString', coordinates } });

    route.stops.forEach((i, k) => {
      const sp: PatrolStopProps = {
        feature: 'stop',
        unit: route.label,
        unitIndex: route.unit,
        kind: route.kind,
        order: k + 1,
        arrival: formatClock(route.arriveMin[k]),
        departure: formatClock(route.departMin[k]),
        dwell: unit.dwellMin,
        street: nearestEdgeName(index, stops.xs[i], stops.ys[i]),
        stop: i,
      };
      if (volunteer) sp.role = VOLUNTEER_ROLE;
      else sp.expected = Number(stops.value[i].toFixed(4));
      features.push({ type: 'Feature', properties: sp, geometry: { type: 'Point', coordinates: [round(stops.lons[i]), round(stops.lats[i])] } });
    });
  }
  return { type: 'FeatureCollection', features };
}
