// The report model on small hand-made incident sets, with every expected figure worked out here
// from the rows themselves.
import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../src/report/report_model.ts';
import { readBoundaryLayer } from '../../src/report/boundaries.ts';
import { background, cluster, incidents, type Row } from './synthetic.ts';

const months = (from: string, k: number) => Array.from({ length: k }, (_, i) => {
  const m = Number(from.slice(5, 7)) - 1 + i;
  return `${Number(from.slice(0, 4)) + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
});

/** 10 scattered assaults a month 2018-06..2019-06 (time unknown), burglaries clustered at one place late at night, two incidents after the month. */
function rows(): Row[] {
  const out: Row[] = [];
  for (const m of months('2018-06', 13)) out.push(...background(10, m, { category: 'assault' }));
  out.push(...cluster(2, '2019-05', -87.70, 41.92, { category: 'burglary', hour: 22, dow: 4 }));
  out.push(...cluster(6, '2019-06', -87.70, 41.92, { category: 'burglary', hour: 22, dow: 4 }));
  out.push(...background(2, '2019-07', { category: 'assault' }));
  return out;
}

describe('buildReportModel', () => {
  it('counts the month, the month before, the same month last year and the 12-month mean, per category and in total', () => {
    const m = buildReportModel({ incidents: incidents(rows()) }, { month: '2019-06' });
    expect(m.headline.total).toEqual({ label: '', month: 16, previous: 12, lastYear: 10, mean12: 10.17 });
    expect(m.headline.categories).toEqual([
      { label: 'assault', month: 10, previous: 10, lastYear: 10, mean12: 10 },
      { label: 'burglary', month: 6, previous: 2, lastYear: 0, mean12: 0.17 },
    ]);
    expect(m.headline.trend.months).toEqual(months('2018-06', 13));
    expect(m.headline.trend.counts).toEqual([10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 12, 16]);
    expect(m.previousMonth).toBe('2019-05');
    expect(m.lastYearMonth).toBe('2018-06');
  });

  it('ignores incidents after the report month and says how many', () => {
    const m = buildReportModel({ incidents: incidents(rows()) }, { month: '2019-06' });
    expect(m.data).toMatchObject({ firstMonth: '2018-06', lastMonth: '2019-06', incidents: 13 * 10 + 8, ignoredAfterMonth: 2 });
    expect(m.map.incidents.length).toBe(16);
  });

  it('puts the cluster at the top of the hot spots, ranked by the month\'s count', () => {
    const m = buildReportModel({ incidents: incidents(rows()) }, { month: '2019-06' });
    expect(m.top.length).toBe(10);
    expect(Math.abs(m.top[0].lon + 87.70)).toBeLessThan(0.002);
    expect(Math.abs(m.top[0].lat - 41.92)).toBeLessThan(0.002);
    expect(m.top[0].month).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < m.top.length; i++) expect(m.top[i - 1].month).toBeGreaterThanOrEqual(m.top[i].month);
    const inTop = m.top.reduce((s, t) => s + t.month, 0);
    expect(inTop).toBeLessThanOrEqual(16);
  });

  it('counts known and unknown times apart: the day-of-week x hour matrix holds only the known ones', () => {
    const m = buildReportModel({ incidents: incidents(rows()) }, { month: '2019-06' });
    // Window 2018-07..2019-06: 12 x 10 assaults with no time, 2 + 6 burglaries at 22:00 on Fridays.
    expect(m.time).toMatchObject({ from: '2018-07', to: '2019-06', known: 8, unknown: 120, monthKnown: 6, monthUnknown: 10, monthDowKnown: 6 });
    expect(m.time.dowHour[4 * 24 + 22]).toBe(8);
    expect(m.time.dowHour.reduce((a, b) => a + b, 0)).toBe(8);
    expect(m.time.monthHour[22]).toBe(6);
  });

  it('has no patrol stops without a street network', () => {
    const m = buildReportModel({ incidents: incidents(rows()) }, { month: '2019-06' });
    expect(m.patrol).toMatchObject({ available: false, reason: 'noStreets', shifts: [] });
  });

  it('counts incidents per boundary polygon, and those outside every polygon apart', () => {
    const poly = (w: number, e: number) => ({ type: 'Polygon', coordinates: [[[w, 41.90], [e, 41.90], [e, 41.93], [w, 41.93], [w, 41.90]]] });
    const layer = readBoundaryLayer('halves', {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { BEAT_NUM: 'W' }, geometry: poly(-87.74, -87.705) },
        { type: 'Feature', properties: { BEAT_NUM: 'E' }, geometry: poly(-87.705, -87.67) },
      ],
    });
    const rs = rows();
    const m = buildReportModel({ incidents: incidents(rs), boundaries: [layer] }, { month: '2019-06' });
    const june = rs.filter((r) => r.month === '2019-06');
    const west = june.filter((r) => r.lon < -87.705 && r.lat < 41.93).length;
    const east = june.filter((r) => r.lon >= -87.705 && r.lat < 41.93).length;
    const outside = june.length - west - east;
    expect(m.areas?.kind).toBe('beat');
    expect(Object.fromEntries(m.areas!.rows.map((r) => [r.label, r.month]))).toEqual({ W: west, E: east });
    expect(m.areas!.outside?.month ?? 0).toBe(outside);
    expect(m.quality.monthOutsideBoundaries).toBe(outside);
    expect(outside).toBeGreaterThan(0);
  });

  it('has no previous month, no last year, no forecast and no emerging hot spots when the data start in the report month', () => {
    const m = buildReportModel({ incidents: incidents(background(12, '2019-06')) }, { month: '2019-06' });
    expect(m.headline.total).toEqual({ label: '', month: 12, previous: null, lastYear: null, mean12: null });
    expect(m.forecast).toBeNull();
    expect(m.emerging).toBeNull();
  });

  it('evaluates last month\'s hot spots and recommends a method from the backtest', () => {
    const m = buildReportModel({ incidents: incidents(rows()) }, { month: '2019-06' });
    const fc = m.forecast!;
    expect(fc.testIncidents).toBe(16);
    expect(fc.methods.map((x) => x.name)).toContain('naive');
    expect(fc.backtest).toEqual({ from: '2018-07', to: '2019-06', months: 12 });
    expect(fc.methods.some((x) => x.name === fc.recommended.name)).toBe(true);
    const naive = fc.methods.find((x) => x.name === 'naive')!;
    expect(naive.hitRate).toBeGreaterThanOrEqual(0);
    expect(naive.hitRate).toBeLessThanOrEqual(1);
  });

  it('throws a RangeError for a month after the data or not YYYY-MM', () => {
    expect(() => buildReportModel({ incidents: incidents(rows()) }, { month: '2019-09' })).toThrow(/no incidents in 2019-09: the data end in 2019-07/);
    expect(() => buildReportModel({ incidents: incidents(rows()) }, { month: '2019-6' })).toThrow(RangeError);
    expect(() => buildReportModel({ incidents: incidents(rows()) }, { month: '2019-06', cellSizeM: 0 })).toThrow(/cellSizeM must be > 0/);
  });
});
