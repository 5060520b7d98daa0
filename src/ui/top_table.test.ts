import { describe, expect, it } from 'vitest';
import { topCellsCsv } from './top_table.ts';
import type { TopCell } from '../worker/analysis_types.ts';

const cell = (over: Partial<TopCell>): TopCell => ({
  rank: 1, cell: 7, col: 3, row: 2, lon: -87.7, lat: 41.9, ring: [], beat: '1431', street: 'N Milwaukee Ave',
  count: 27, lastMonth: 2, previousMonth: 1, z: 4.5, bin: 3, ...over,
} as TopCell);

describe('topCellsCsv', () => {
  it('writes one row per cell under a fixed header', () => {
    const lines = topCellsCsv([cell({})]).trim().split(/\r?\n/);
    expect(lines[0]).toBe('rank,cell,beat,street,lon,lat,incidents,last_month,previous_month,gi_z,gi_bin');
    expect(lines[1]).toBe('1,C3-2,1431,N Milwaukee Ave,-87.7,41.9,27,2,1,4.5,3');
  });

  it('turns data text that looks like a formula into text, and keeps negative numbers numbers', () => {
    const csv = topCellsCsv([cell({ beat: '=HYPERLINK("http://x","y")', street: '@SUM(A1)' })]);
    const row = csv.trim().split(/\r?\n/)[1];
    expect(row).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(row).toContain("'@SUM(A1)");
    expect(row).toContain(',-87.7,');
  });
});
