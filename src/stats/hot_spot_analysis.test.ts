import { describe, expect, it } from 'vitest';
import { hotSpotAnalysis } from './hot_spot_analysis.ts';
import { latticeOf } from './lattice.ts';
import { readColumns } from '../../test/stats/reference.ts';

describe('hotSpotAnalysis', () => {
  const ref = readColumns('gistar_d14_c150_band450.csv', ['x', 'y', 'count', 'gi_bin']);
  const lat = latticeOf(ref.x, ref.y)!;
  const values = new Float64Array(lat.grid.width * lat.grid.height);
  lat.index.forEach((c, i) => (values[c] = ref.count[i]));
  it('with a given band and FDR, bins like the reference and reports its parameters and reasons', () => {
    const r = hotSpotAnalysis(lat.grid, values, { bandM: 450, fdr: true, mask: lat.mask });
    expect(Array.from(lat.index, (c) => r.bins[c])).toEqual(Array.from(ref.gi_bin));
    expect(r.params).toMatchObject({ bandM: 450, fdr: true, cells: 952, cellSizeM: 150, neighboursMin: 11, neighboursMax: 29 });
    expect(r.reasons.bandM).toBe('given');
    expect(r.reasons.fdr).toMatch(/Benjamini/);
    const expectedCounts: Record<string, number> = {};
    for (const b of ref.gi_bin) expectedCounts[b] = (expectedCounts[b] ?? 0) + 1;
    expect(r.binCounts).toEqual(expectedCounts);
  });
  it('chooses the band from the data when none is given, and shows the Moran profile', () => {
    const r = hotSpotAnalysis(lat.grid, values, { mask: lat.mask });
    expect(r.bandProfile!.length).toBeGreaterThan(2);
    expect(r.reasons.bandM).toMatch(/Moran/);
    expect(r.q).toBeNull();
  });
  it('notes neighbourhoods below 8 cells', () => {
    const r = hotSpotAnalysis(lat.grid, values, { bandM: 150, mask: lat.mask });
    expect(r.notes.join()).toMatch(/at least 8/);
  });
});
