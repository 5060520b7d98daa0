import { describe, expect, it } from 'vitest';
import { flagTopCells, scoreForecast } from './forecast_metrics.ts';

// 10 cells; test month N = 10, previous month N_prev = 4.
const test = [5, 3, 0, 0, 1, 0, 0, 0, 1, 0];
const prev = [2, 0, 1, 0, 0, 0, 0, 0, 0, 1];
const ranked = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0];

describe('scoreForecast', () => {
  it('computes hit rate, PAI, PEI and RRI by hand', () => {
    // 20% of 10 cells = 2 cells: 0 and 1, holding 8 of 10 test incidents.
    const s = scoreForecast(ranked, test, prev, null, 0.2);
    expect(s.cells).toBe(2);
    expect(s.hitRate).toBeCloseTo(0.8, 15);
    expect(s.pai).toBeCloseTo(4, 14); // 0.8 / 0.2
    expect(s.pei).toBeCloseTo(1, 15); // the best 2 cells hold 5 + 3 = 8
    expect(s.rri).toBeCloseTo(1.6, 14); // (8 / 2) / (10 / 4)
  });
  it('scores a miss as zero, not undefined', () => {
    const s = scoreForecast([0, 0, 9, 0, 0, 0, 0, 0, 0, 0], test, prev, null, 0.1);
    expect(s).toMatchObject({ cells: 1, hits: 0, hitRate: 0, pai: 0, pei: 0, rri: 0 });
  });
  it('shares the flags out among cells tied at the cut-off (expected value)', () => {
    // Four cells tie for 2 places: each counts half: (5 + 3 + 0 + 0) / 2 = 4 hits.
    const s = scoreForecast([1, 1, 1, 1, 0, 0, 0, 0, 0, 0], test, prev, null, 0.2);
    expect(s.hits).toBeCloseTo(4, 15);
    expect(s.hitRate).toBeCloseTo(0.4, 15);
    expect(s.pai).toBeCloseTo(2, 14);
  });
  it('counts only the study area (mask) in A and N', () => {
    const mask = Uint8Array.from([1, 1, 1, 1, 1, 0, 0, 0, 0, 0]); // 5 cells, test N = 9
    const s = scoreForecast(ranked, test, prev, mask, 0.2); // 1 cell
    expect(s.areaCells).toBe(5);
    expect(s.cells).toBe(1);
    expect(s.hitRate).toBeCloseTo(5 / 9, 15);
    expect(s.pai).toBeCloseTo(5 / 9 / 0.2, 14);
  });
  it('reports undefined ratios as null: no test incidents, no previous incidents in the flagged cells', () => {
    const s = scoreForecast(ranked, new Array(10).fill(0), prev, null, 0.2);
    expect(s.hitRate).toBeNull();
    expect(s.pai).toBeNull();
    expect(s.pei).toBeNull();
    const r = scoreForecast([0, 9, 0, 0, 0, 0, 0, 0, 0, 0], test, prev, null, 0.1); // cell 1: prev 0
    expect(r.rri).toBeNull();
  });
  it('rejects a coverage outside (0, 1]', () => {
    expect(() => scoreForecast(ranked, test, prev, null, 0)).toThrow(/coverage/);
    expect(() => scoreForecast(ranked, test, prev, null, NaN)).toThrow(RangeError);
  });
});

describe('flagTopCells', () => {
  it('flags k cells in total weight, NaN scores last', () => {
    const w = flagTopCells([NaN, 3, 2, 2, 1], null, 2);
    expect(Array.from(w)).toEqual([0, 1, 0.5, 0.5, 0]);
  });
});
