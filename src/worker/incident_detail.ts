/**
 * One incident's category, time and place for the map's popup: a read-only query over the
 * canonical table (schema.ts), picking row `row` of the order loadIncidentColumns
 * (src/data/incidents.ts) returns incidents in, so the row numbers of the columns held in the
 * worker address the same incidents. Lives here until src/data offers it (see the report).
 */
import type { SqlEngine } from '../data/engine.ts';
import { T } from '../data/schema.ts';
import type { IncidentDetail } from './analysis_types.ts';

export async function incidentDetail(db: SqlEngine, row: number): Promise<IncidentDetail> {
  if (!(Number.isInteger(row) && row >= 0)) throw new RangeError(`row must be a whole number >= 0, got ${row}`);
  const [r] = await db.rows<{ category: string; at: string; tk: boolean; dk: boolean; month: string; loc: string; area: string }>(
    `SELECT COALESCE(category, '') AS category, strftime(occurred_at, '%Y-%m-%dT%H:%M') AS at, time_known AS tk, date_known AS dk,
       month, COALESCE(location_text, '') AS loc, COALESCE(area_code, '') AS area
     FROM ${T.incidents} ORDER BY occurred_at, source, source_row LIMIT 1 OFFSET ${row}`);
  if (!r) throw new RangeError(`no incident at row ${row}`);
  return { category: r.category, occurredAt: r.at, timeKnown: Boolean(r.tk), dateKnown: Boolean(r.dk), month: r.month, locationText: r.loc, areaCode: r.area };
}
