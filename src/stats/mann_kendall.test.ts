import { describe, expect, it } from 'vitest';
import { mannKendall } from './mann_kendall.ts';
import { readRows } from '../../test/stats/reference.ts';

function series(file: string): Map<string, number[]> {
  const rows = readRows(file).map((r) => ({ cell: r.cell, t: Number(r.t), value: Number(r.value) }));
  rows.sort((a, b) => (a.cell < b.cell ? -1 : a.cell > b.cell ? 1 : a.t - b.t));
  const out = new Map<string, number[]>();
  for (const r of rows) {
    if (!out.has(r.cell)) out.set(r.cell, []);
    out.get(r.cell)!.push(r.value);
  }
  return out;
}

const rel = (a: number, b: number) => (b === 0 ? Math.abs(a) : Math.abs(a - b) / Math.abs(b));

for (const set of ['r_datasets', 'synthetic']) {
  describe(`mannKendall against ../shared/reference (${set})`, () => {
    const data = series(`mk_series_${set}.csv`);
    const expected = readRows(`mk_expected_${set}.csv`);
    it(`reproduces S, Var(S) with ties, Z, p and tau for all ${expected.length} series`, () => {
      expect(expected.length).toBeGreaterThan(3);
      for (const e of expected) {
        const m = mannKendall(data.get(e.cell)!);
        expect(m.n).toBe(Number(e.n));
        expect(m.s).toBe(Number(e.S));
        expect(rel(m.varS, Number(e.var_S))).toBeLessThan(1e-12);
        expect(rel(m.z, Number(e.Z))).toBeLessThan(1e-9);
        expect(rel(m.p, Number(e.p_value))).toBeLessThan(1e-9);
        expect(rel(m.tau, Number(e.tau))).toBeLessThan(1e-12);
        expect(m.trend).toBe(Number(e.trend));
      }
    });
  });
}

describe('mannKendall hand-computed cases', () => {
  it('a strictly increasing series of 5: S = 10, Var = 300/18, Z = 9/sqrt(Var)', () => {
    const m = mannKendall([1, 2, 3, 4, 5]);
    expect(m.s).toBe(10);
    expect(m.varS).toBeCloseTo(300 / 18, 13); // 5*4*15/18
    expect(m.z).toBeCloseTo(9 / Math.sqrt(300 / 18), 14);
    expect(m.tau).toBe(1);
  });
  it('corrects the variance for ties: [1, 1, 2, 2, 2]', () => {
    // S: pairs (1,1) 0; 1<2 six pairs +6; (2,2) 0 -> S = 6. Ties: t = 2 and 3:
    // Var = (5*4*15 - 2*1*9 - 3*2*11) / 18 = (300 - 18 - 66) / 18 = 12.
    const m = mannKendall([1, 1, 2, 2, 2]);
    expect(m.s).toBe(6);
    expect(m.varS).toBe(12);
    expect(m.z).toBeCloseTo(5 / Math.sqrt(12), 14);
  });
  it('decreasing series gets Z = (S + 1)/sqrt(Var) and trend -1', () => {
    const m = mannKendall([9, 7, 8, 5, 3, 2, 1, 0]);
    expect(m.s).toBeLessThan(0);
    expect(m.z).toBeCloseTo((m.s + 1) / Math.sqrt(m.varS), 14);
    expect(m.trend).toBe(-1);
  });
  it('all values tied or fewer than 2 values: S = 0, Z = 0, p = 1', () => {
    for (const s of [[4, 4, 4, 4], [3], []]) {
      const m = mannKendall(s);
      expect(m.s).toBe(0);
      expect(m.z).toBe(0);
      expect(m.p).toBe(1);
    }
  });
});
