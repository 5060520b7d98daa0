// The stats core defines the minimal column shapes it needs (stats/ may not import data/); this
// checks, at type-check time and run time, that the data layer's IncidentColumns satisfies them.
import { describe, expect, it } from 'vitest';
import type { IncidentColumns } from '../../src/data/incident_columns.ts';
import { timeProfiles, type IncidentTimes } from '../../src/stats/time_profiles.ts';

describe('IncidentColumns fits the stats core', () => {
  it('is assignable to IncidentTimes and works with timeProfiles', () => {
    const cols = {
      n: 2,
      crs: 'EPSG:32616',
      xs: Float64Array.of(0, 1),
      ys: Float64Array.of(0, 1),
      lons: Float64Array.of(0, 0),
      lats: Float64Array.of(0, 0),
      monthIndex: Int32Array.of(600, 601),
      hour: Int8Array.of(5, -1),
      dow: Int8Array.of(2, -1),
      categoryCode: Uint16Array.of(0, 0),
      categories: ['assault'],
      areaCode: Uint32Array.of(0, 0),
      areas: [''],
    } as unknown as IncidentColumns;
    const asTimes: IncidentTimes = cols; // compile-time check
    const p = timeProfiles(asTimes);
    expect(p.dowHour[2 * 24 + 5]).toBe(1);
    expect(p.hourUnknown).toBe(1);
  });
});
