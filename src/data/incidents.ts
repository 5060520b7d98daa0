/**
 * Incidents out of DuckDB as typed columns (IncidentColumns): the one place rows become arrays.
 * Filters are built from validated values only, never from raw UI text.
 */
import type { SqlEngine } from './engine.ts';
import type { IncidentColumns } from './incident_columns.ts';
import { T } from './schema.ts';

export interface IncidentFilter {
  /** Inclusive months 'YYYY-MM'. */
  fromMonth?: string;
  toMonth?: string;
  /** Normalised categories to keep (all when absent or empty). */
  categories?: string[];
  /** Days of week to keep, 0 = Monday .. 6 = Sunday; rows with unknown day are dropped when set. */
  days?: number[];
  /** Hours [from, to) to keep, wrapping past midnight when from > to; rows with unknown time dropped when set. */
  hours?: [number, number];
}

const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;
const month = (m: string) => {
  if (!/^\d{4}-\d{2}$/.test(m)) throw new RangeError(`month must be YYYY-MM, got '${m}'`);
  return lit(m);
};

/** The WHERE clause of a filter (always valid SQL; 'true' for no filter). */
export function filterSql(f: IncidentFilter = {}): string {
  const parts: string[] = [];
  if (f.fromMonth) parts.push(`month >= ${month(f.fromMonth)}`);
  if (f.toMonth) parts.push(`month <= ${month(f.toMonth)}`);
  if (f.categories?.length) parts.push(`category IN (${f.categories.map(lit).join(', ')})`);
  if (f.days?.length) {
    const days = f.days.map((d) => {
      if (!(Number.isInteger(d) && d >= 0 && d <= 6)) throw new RangeError(`day must be 0..6, got ${d}`);
      return d;
    });
    parts.push(`date_known AND (isodow(occurred_at) - 1) IN (${days.join(', ')})`);
  }
  if (f.hours) {
    const [a, b] = f.hours;
    if (!(Number.isInteger(a) && Number.isInteger(b) && a >= 0 && a <= 24 && b >= 0 && b <= 24)) {
      throw new RangeError(`hours must be integers 0..24, got ${a}, ${b}`);
    }
    const h = 'hour(occurred_at)';
    parts.push(a <= b ? `time_known AND ${h} >= ${a} AND ${h} < ${b}` : `time_known AND (${h} >= ${a} OR ${h} < ${b})`);
  }
  return parts.length ? parts.join(' AND ') : 'true';
}

/** Load filtered incidents as typed columns. */
export async function loadIncidentColumns(db: SqlEngine, filter: IncidentFilter = {}): Promise<IncidentColumns> {
  const [meta] = await db.rows<{ value: string }>(`SELECT value FROM ${T.meta} WHERE key = 'crs'`);
  const where = filterSql(filter);
  const categories = (await db.rows<{ c: string }>(
    `SELECT DISTINCT COALESCE(category, '') AS c FROM ${T.incidents} WHERE ${where} ORDER BY c`)).map((r) => r.c);
  const areas = ['', ...(await db.rows<{ a: string }>(
    `SELECT DISTINCT area_code AS a FROM ${T.incidents} WHERE ${where} AND area_code IS NOT NULL AND area_code <> '' ORDER BY a`)).map((r) => r.a)];
  const cols = await db.numericColumns(`
    SELECT i.x, i.y, i.lon, i.lat,
      (year(occurred_at) - 1970) * 12 + month(occurred_at) - 1 AS mi,
      CASE WHEN time_known THEN hour(occurred_at) ELSE -1 END AS hr,
      CASE WHEN date_known THEN isodow(occurred_at) - 1 ELSE -1 END AS dw,
      cat.code AS cc, COALESCE(ar.code, 0) AS ac
    FROM ${T.incidents} i
    LEFT JOIN (SELECT c, row_number() OVER (ORDER BY c) - 1 AS code FROM (SELECT DISTINCT COALESCE(category, '') AS c FROM ${T.incidents} WHERE ${where})) cat
      ON COALESCE(i.category, '') = cat.c
    LEFT JOIN (SELECT a, row_number() OVER (ORDER BY a) AS code FROM (SELECT DISTINCT area_code AS a FROM ${T.incidents} WHERE ${where} AND area_code IS NOT NULL AND area_code <> '')) ar
      ON i.area_code = ar.a
    WHERE ${where}
    ORDER BY i.occurred_at, i.source, i.source_row`);
  const n = cols.x.length;
  return {
    n,
    crs: meta?.value ?? '',
    xs: cols.x,
    ys: cols.y,
    lons: cols.lon,
    lats: cols.lat,
    monthIndex: Int32Array.from(cols.mi),
    hour: Int8Array.from(cols.hr),
    dow: Int8Array.from(cols.dw),
    categoryCode: Uint16Array.from(cols.cc),
    categories,
    areaCode: Uint32Array.from(cols.ac),
    areas,
  };
}
