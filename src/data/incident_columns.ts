/**
 * Incidents as typed columns: what the statistics core, the map and the planner consume.
 * Made from the canonical table (schema.ts) by loadIncidentColumns in incidents.ts, the one
 * place Arrow/DuckDB rows become typed arrays. Row i of every column is incident i.
 */
export interface IncidentColumns {
  /** Number of incidents. */
  n: number;
  /** Planar CRS of xs/ys, e.g. 'EPSG:32616'. */
  crs: string;
  /** Planar coordinates, metres. */
  xs: Float64Array;
  ys: Float64Array;
  /** WGS84 coordinates, degrees. */
  lons: Float64Array;
  lats: Float64Array;
  /** Month as months since 1970-01: year * 12 + (month - 1) - 1970 * 12. */
  monthIndex: Int32Array;
  /** Local hour 0..23, or -1 where the time of day is not known (time_known = false). */
  hour: Int8Array;
  /** Day of week 0 = Monday .. 6 = Sunday, or -1 where only the month is known. */
  dow: Int8Array;
  /** Category code, an index into `categories`. */
  categoryCode: Uint16Array;
  /** Normalised category names, sorted. */
  categories: string[];
  /** Area code (LSOA, beat, ...) index into `areas`; 0 = '' (unknown). */
  areaCode: Uint32Array;
  areas: string[];
}

/** Month index (see IncidentColumns.monthIndex) of 'YYYY-MM'. */
export function monthIndexOf(month: string): number {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) throw new RangeError(`month must be YYYY-MM, got '${month}'`);
  const mm = Number(m[2]);
  if (!(mm >= 1 && mm <= 12)) throw new RangeError(`month must be YYYY-MM, got '${month}'`);
  return (Number(m[1]) - 1970) * 12 + mm - 1;
}

/** 'YYYY-MM' of a month index. */
export function monthLabel(index: number): string {
  const y = 1970 + Math.floor(index / 12);
  const m = index - (y - 1970) * 12 + 1;
  return `${y}-${String(m).padStart(2, '0')}`;
}
