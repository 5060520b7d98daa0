/**
 * The units of a plan as UNITS.json gives them (DESIGN.md "Command line"), validated, and their
 * expansion into one unit per car, foot officer or volunteer pair.
 *
 * UNITS.json is a list of `{"kind": "car" | "foot" | "volunteer", "count": N (default 1),
 * "start": [lon, lat], "end": [lon, lat] (default start), "shiftStart": "HH:MM", "hours": H,
 * "zone": GeoJSON Polygon (optional), "dwellMin": 15 (default)}`. Also accepted: "zone" as a
 * MultiPolygon or a Feature holding either; "maxWalkKm" (foot and volunteer units: the farthest a
 * stop may be from the base, walking along the streets); "name" (a label for the route sheets).
 * Unknown keys are errors, so a misspelt key does not pass silently.
 */
import { parseClock } from './shift_window.ts';
import type { ZonePolygons } from './point_in_zone.ts';

export type UnitKind = 'car' | 'foot' | 'volunteer';
export const unitKinds: readonly UnitKind[] = ['car', 'foot', 'volunteer'];

/** One entry of UNITS.json, validated, defaults filled in. */
export interface UnitSpec {
  kind: UnitKind;
  count: number;
  /** Base, WGS84 [lon, lat]. */
  start: [number, number];
  end: [number, number];
  /** Shift start as given ('HH:MM') and in minutes after midnight. */
  shiftStart: string;
  shiftStartMin: number;
  /** Shift length, hours. */
  hours: number;
  /** Allowed zone, lon/lat polygons; absent = anywhere. */
  zone?: ZonePolygons;
  /** Minutes at each stop (the Koper curve: 10–15 minutes). */
  dwellMin: number;
  /** Farthest walking distance of a stop from the base, km; absent = no limit. */
  maxWalkKm?: number;
  name?: string;
}

/** One unit of the plan: a car, a foot officer or a volunteer pair. */
export interface PlanUnitSpec extends Omit<UnitSpec, 'count'> {
  /** Label on routes and sheets: 'car 1', 'volunteer 2', or the given name. */
  label: string;
  /** Index of its entry in UNITS.json. */
  entry: number;
}

/** Default dwell at a stop, minutes (Koper 1995: 10–15 minute stops deter longest). */
export const DEFAULT_DWELL_MIN = 15;

const knownKeys = new Set(['kind', 'count', 'start', 'end', 'shiftStart', 'hours', 'zone', 'dwellMin', 'maxWalkKm', 'name']);

/**
 * Validate parsed UNITS.json. Throws a RangeError naming `source` and the unit (`units[i]`) with
 * what was expected and what arrived.
 */
export function parseUnits(json: unknown, source = 'UNITS.json'): UnitSpec[] {
  if (!Array.isArray(json)) throw new RangeError(`${source}: expected a JSON list of units, got ${describe(json)}`);
  if (json.length === 0) throw new RangeError(`${source}: the list of units is empty`);
  return json.map((u, i) => parseUnit(u, `${source}: units[${i}]`));
}

function parseUnit(u: unknown, at: string): UnitSpec {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) throw new RangeError(`${at} must be an object, got ${describe(u)}`);
  const o = u as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!knownKeys.has(k)) throw new RangeError(`${at}: unknown key "${k}" (known: ${[...knownKeys].join(', ')})`);
  const kind = o.kind;
  if (typeof kind !== 'string' || !(unitKinds as readonly string[]).includes(kind)) {
    throw new RangeError(`${at}.kind must be one of ${unitKinds.map((k) => `"${k}"`).join(', ')}, got ${describe(kind)}`);
  }
  const count = o.count ?? 1;
  if (!(typeof count === 'number' && Number.isInteger(count) && count >= 1 && count <= 100)) {
    throw new RangeError(`${at}.count must be a whole number 1..100, got ${describe(count)}`);
  }
  const start = position(o.start, `${at}.start`, true)!;
  const end = position(o.end, `${at}.end`, false) ?? start;
  if (typeof o.shiftStart !== 'string') throw new RangeError(`${at}.shiftStart must be "HH:MM", got ${describe(o.shiftStart)}`);
  let shiftStartMin: number;
  try {
    shiftStartMin = parseClock(o.shiftStart);
  } catch {
    throw new RangeError(`${at}.shiftStart must be "HH:MM" (00:00 to 23:59), got ${describe(o.shiftStart)}`);
  }
  const hours = o.hours;
  if (!(typeof hours === 'number' && hours > 0 && hours <= 24)) throw new RangeError(`${at}.hours must be a number of hours, > 0 and <= 24, got ${describe(hours)}`);
  const dwellMin = o.dwellMin ?? DEFAULT_DWELL_MIN;
  if (!(typeof dwellMin === 'number' && dwellMin >= 0 && dwellMin <= 240)) throw new RangeError(`${at}.dwellMin must be minutes, 0..240, got ${describe(dwellMin)}`);
  let maxWalkKm: number | undefined;
  if (o.maxWalkKm !== undefined) {
    if (kind === 'car') throw new RangeError(`${at}.maxWalkKm applies to foot and volunteer units, not to cars`);
    if (!(typeof o.maxWalkKm === 'number' && o.maxWalkKm > 0 && o.maxWalkKm < Infinity)) throw new RangeError(`${at}.maxWalkKm must be a distance in km, > 0, got ${describe(o.maxWalkKm)}`);
    maxWalkKm = o.maxWalkKm;
  }
  let name: string | undefined;
  if (o.name !== undefined) {
    if (typeof o.name !== 'string' || o.name.trim() === '') throw new RangeError(`${at}.name must be a non-empty string, got ${describe(o.name)}`);
    name = o.name.trim();
  }
  const spec: UnitSpec = { kind: kind as UnitKind, count, start, end, shiftStart: o.shiftStart, shiftStartMin, hours, dwellMin };
  if (o.zone !== undefined) spec.zone = zone(o.zone, `${at}.zone`);
  if (maxWalkKm !== undefined) spec.maxWalkKm = maxWalkKm;
  if (name !== undefined) spec.name = name;
  return spec;
}

function position(p: unknown, at: string, required: boolean): [number, number] | undefined {
  if (p === undefined && !required) return undefined;
  if (!(Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number')) {
    throw new RangeError(`${at} must be [lon, lat] in degrees, got ${describe(p)}`);
  }
  const [lon, lat] = p as number[];
  if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) throw new RangeError(`${at} must be [lon, lat] with lon in -180..180 and lat in -90..90, got [${lon}, ${lat}]`);
  return [lon, lat];
}

function zone(z: unknown, at: string): ZonePolygons {
  const o = z as { type?: unknown; coordinates?: unknown; geometry?: unknown };
  if (typeof z !== 'object' || z === null) throw new RangeError(`${at} must be a GeoJSON Polygon, got ${describe(z)}`);
  if (o.type === 'Feature') return zone(o.geometry, at);
  if (o.type === 'Polygon') return [polygon(o.coordinates, `${at}.coordinates`)];
  if (o.type === 'MultiPolygon') {
    if (!Array.isArray(o.coordinates) || o.coordinates.length === 0) throw new RangeError(`${at}.coordinates must be a list of polygons`);
    return o.coordinates.map((p, k) => polygon(p, `${at}.coordinates[${k}]`));
  }
  throw new RangeError(`${at} must be a GeoJSON Polygon (or MultiPolygon, or a Feature of one), got type ${describe(o.type)}`);
}

function polygon(rings: unknown, at: string): number[][][] {
  if (!Array.isArray(rings) || rings.length === 0) throw new RangeError(`${at} must be a list of rings of [lon, lat] positions`);
  return rings.map((ring, r) => {
    if (!Array.isArray(ring) || ring.length < 4) throw new RangeError(`${at}[${r}] must be a ring of at least 4 [lon, lat] positions, got ${describe(ring)}`);
    return ring.map((p, k) => position(p, `${at}[${r}][${k}]`, true)!);
  });
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  const s = JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** One unit per car / officer / pair: entry `count` N gives N units, labelled per kind in order. */
export function expandUnits(specs: readonly UnitSpec[]): PlanUnitSpec[] {
  const perKind: Record<UnitKind, number> = { car: 0, foot: 0, volunteer: 0 };
  const out: PlanUnitSpec[] = [];
  specs.forEach((s, entry) => {
    const { count, ...rest } = s;
    for (let k = 0; k < count; k++) {
      perKind[s.kind]++;
      const label = s.name ? (count > 1 ? `${s.name} ${k + 1}` : s.name) : `${s.kind} ${perKind[s.kind]}`;
      out.push({ ...rest, label, entry });
    }
  });
  return out;
}
