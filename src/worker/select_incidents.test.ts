/**
 * The worker's in-memory filter against the database's own (filterSql through
 * loadIncidentColumns), on the demo imported into DuckDB: the same incidents, in the same order,
 * for every kind of filter. And incidentDetail's row numbers address the same incidents.
 */
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeDb } from '../data/node_db.ts';
import { ingestFiles } from '../data/ingest.ts';
import { nodeSource } from '../data/node_source.ts';
import { loadIncidentColumns, type IncidentFilter } from '../data/incidents.ts';
import type { IncidentColumns } from '../data/incident_columns.ts';
import { monthLabel } from '../data/incident_columns.ts';
import { selectIncidents } from './select_incidents.ts';
import { incidentDetail } from './incident_detail.ts';

const demo = join(resolve(import.meta.dirname, '../..'), 'data/chicago_d14/aggravated_assaults_d14_2010_2019.csv');

describe('selectIncidents(cols, filter)', () => {
  let db: NodeDb;
  let all: IncidentColumns;
  beforeAll(async () => {
    db = await NodeDb.open();
    await ingestFiles(db, [nodeSource(demo)], { defaultCategory: 'aggravated assault' });
    all = await loadIncidentColumns(db);
  }, 60_000);
  afterAll(() => db?.close());

  const cases: [string, IncidentFilter][] = [
    ['no filter', {}],
    ['a month range', { fromMonth: '2014-03', toMonth: '2016-11' }],
    ['from a month on', { fromMonth: '2019-06' }],
    ['a category that exists', { categories: ['aggravated assault'] }],
    ['a category that does not', { categories: ['burglary'] }],
    ['weekend days (unknown days dropped)', { days: [5, 6] }],
    ['hours 9 to 17', { hours: [9, 17] }],
    ['hours wrapping past midnight, 22 to 6', { hours: [22, 6] }],
    ['everything at once', { fromMonth: '2012-01', toMonth: '2018-12', categories: ['aggravated assault'], days: [0, 4], hours: [18, 2] }],
  ];
  for (const [name, filter] of cases) {
    it(`keeps the incidents filterSql keeps: ${name}`, async () => {
      const sql = await loadIncidentColumns(db, filter);
      const sel = selectIncidents(all, filter);
      expect(sel.length).toBe(sql.n);
      for (let k = 0; k < sel.length; k++) {
        const i = sel[k];
        if (all.xs[i] !== sql.xs[k] || all.ys[i] !== sql.ys[k] || all.monthIndex[i] !== sql.monthIndex[k] || all.hour[i] !== sql.hour[k]) {
          throw new Error(`row ${k} differs: all[${i}] vs sql[${k}]`);
        }
      }
    });
  }

  it('rejects days and hours out of range, as filterSql does', () => {
    expect(() => selectIncidents(all, { days: [7] })).toThrow(RangeError);
    expect(() => selectIncidents(all, { hours: [0, 25] })).toThrow(RangeError);
  });

  it('incidentDetail(row) is the incident at that row of the columns', async () => {
    for (const row of [0, 1, 1234, all.n - 1]) {
      const d = await incidentDetail(db, row);
      expect(d.month).toBe(monthLabel(all.monthIndex[row]));
      expect(d.category).toBe(all.categories[all.categoryCode[row]]);
      if (d.timeKnown) expect(Number(d.occurredAt.slice(11, 13))).toBe(all.hour[row]);
      else expect(all.hour[row]).toBe(-1);
    }
    await expect(incidentDetail(db, all.n)).rejects.toThrow(RangeError);
    await expect(incidentDetail(db, -1)).rejects.toThrow(RangeError);
  });
});
