import { describe, expect, it } from 'vitest';
import { timeProfiles, type IncidentTimes } from './time_profiles.ts';

function incidents(rows: [month: number, dow: number, hour: number, cat: number][], categories = ['assault', 'burglary']): IncidentTimes {
  return {
    n: rows.length,
    monthIndex: Int32Array.from(rows.map((r) => r[0])),
    dow: Int8Array.from(rows.map((r) => r[1])),
    hour: Int8Array.from(rows.map((r) => r[2])),
    categoryCode: Uint16Array.from(rows.map((r) => r[3])),
    categories,
  };
}

describe('timeProfiles', () => {
  it('counts day-of-week x hour, hours and days over incidents with known times', () => {
    const p = timeProfiles(incidents([[600, 0, 22, 0], [600, 0, 22, 1], [601, 4, 3, 0], [602, 6, -1, 1]]));
    expect(p.dowHour[0 * 24 + 22]).toBe(2);
    expect(p.dowHour[4 * 24 + 3]).toBe(1);
    expect(p.dowHour.reduce((a, b) => a + b, 0)).toBe(3);
    expect(p.hour[22]).toBe(2);
    expect(p.dow[6]).toBe(1); // date known, time not
    expect(p.hourKnown).toBe(3);
    expect(p.hourUnknown).toBe(1);
    expect(p.notes.join()).toMatch(/unknown for 1 of 4/);
  });
  it('builds monthly series per category, with empty months as zeros', () => {
    const p = timeProfiles(incidents([[600, 0, 1, 0], [603, 1, 2, 0], [603, 2, 3, 1]]));
    expect(p.firstMonth).toBe(600);
    expect(p.months).toBe(4);
    expect(Array.from(p.total)).toEqual([1, 0, 0, 2]);
    expect(p.byCategory.map((b) => [b.category, Array.from(b.counts)])).toEqual([
      ['assault', [1, 0, 0, 1]],
      ['burglary', [0, 0, 0, 1]],
    ]);
  });
  it('says a month-only source has no hours or days instead of inventing them', () => {
    const p = timeProfiles(incidents([[600, -1, -1, 0], [601, -1, -1, 0]]));
    expect(p.hour.every((v) => v === 0)).toBe(true);
    expect(p.dowHour.every((v) => v === 0)).toBe(true);
    expect(p.hourKnown).toBe(0);
    expect(p.notes.join(' ')).toMatch(/time of day is unknown for all 2 incidents/);
    expect(p.notes.join(' ')).toMatch(/date is unknown for all 2/);
    expect(Array.from(p.total)).toEqual([1, 1]);
  });
  it('applies a filter', () => {
    const p = timeProfiles(incidents([[600, 0, 1, 0], [600, 0, 2, 1]]), Uint8Array.from([0, 1]));
    expect(p.hour[1]).toBe(0);
    expect(p.hour[2]).toBe(1);
  });
});
