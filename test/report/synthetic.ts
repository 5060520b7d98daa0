// Small hand-made incident sets for the report model and renderer tests: IncidentColumns built
// directly (no import), coordinates around Chicago's district 14 projected to UTM 16N.
import type { IncidentColumns } from '../../src/data/incident_columns.ts';
import { projector } from '../../src/geo/projection.ts';

export interface Row {
  month: string;
  lon: number;
  lat: number;
  category?: string;
  /** -1 (default) when the time is unknown. */
  hour?: number;
  dow?: number;
  area?: string;
}

export const CRS = 'EPSG:32616';

export function incidents(rows: readonly Row[]): IncidentColumns {
  const n = rows.length;
  const toXY = projector('EPSG:4326', CRS);
  const categories = [...new Set(rows.map((r) => r.category ?? 'assault'))].sort();
  const areas = ['', ...[...new Set(rows.map((r) => r.area ?? '').filter(Boolean))].sort()];
  const xs = new Float64Array(n), ys = new Float64Array(n);
  rows.forEach((r, i) => {
    [xs[i], ys[i]] = toXY.forward(r.lon, r.lat);
  });
  return {
    n,
    crs: CRS,
    xs,
    ys,
    lons: Float64Array.from(rows, (r) => r.lon),
    lats: Float64Array.from(rows, (r) => r.lat),
    monthIndex: Int32Array.from(rows, (r) => (Number(r.month.slice(0, 4)) - 1970) * 12 + Number(r.month.slice(5, 7)) - 1),
    hour: Int8Array.from(rows, (r) => r.hour ?? -1),
    dow: Int8Array.from(rows, (r) => r.dow ?? (r.hour === undefined ? -1 : 0)),
    categoryCode: Uint16Array.from(rows, (r) => categories.indexOf(r.category ?? 'assault')),
    categories,
    areaCode: Uint32Array.from(rows, (r) => areas.indexOf(r.area ?? '')),
    areas,
  };
}

/** k incidents scattered around (lon, lat) within about 60 m, deterministic. */
export function cluster(k: number, month: string, lon: number, lat: number, extra: Partial<Row> = {}): Row[] {
  return Array.from({ length: k }, (_, j) => ({
    month,
    lon: lon + 0.0005 * Math.cos(j * 2.39996),
    lat: lat + 0.0004 * Math.sin(j * 2.39996),
    ...extra,
  }));
}

/** Scattered background incidents over the district box, deterministic (a Halton sequence). */
export function background(k: number, month: string, extra: Partial<Row> = {}): Row[] {
  const halton = (i: number, b: number) => {
    let f = 1, r = 0;
    for (let x = i; x > 0; x = Math.floor(x / b)) {
      f /= b;
      r += f * (x % b);
    }
    return r;
  };
  return Array.from({ length: k }, (_, j) => ({ month, lon: -87.735 + 0.06 * halton(j + 1, 2), lat: 41.903 + 0.035 * halton(j + 1, 3), ...extra }));
}
