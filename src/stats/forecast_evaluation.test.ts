import { describe, expect, it } from 'vitest';
import { backtestForecasts, evaluateMonth } from './forecast_evaluation.ts';
import { defaultForecastMethods, forecastScores, prepareForecastData } from './forecast_methods.ts';

// 10 x 10 cells of 100 m, months 0..12. Every month cell 0 has 3 incidents and cell 1 has 2;
// month 11 also has a one-off of 4 in cell 50; month 12 (the test month) has 5 in cell 99.
function incidents() {
  const xs: number[] = [];
  const ys: number[] = [];
  const ms: number[] = [];
  const add = (cell: number, month: number, k: number) => {
    for (let i = 0; i < k; i++) {
      xs.push((cell % 10) * 100 + 50);
      ys.push(Math.floor(cell / 10) * 100 + 50);
      ms.push(month);
    }
  };
  for (let m = 0; m <= 12; m++) {
    add(0, m, 3);
    add(1, m, 2);
  }
  add(50, 11, 4);
  add(99, 12, 5);
  return { xs, ys, ms };
}
const grid = { x0: 0, y0: 0, cellSizeM: 100, width: 10, height: 10 };
const mask = new Uint8Array(100).fill(1);
const inc = incidents();
const data = prepareForecastData(grid, mask, inc.xs, inc.ys, inc.ms);
const methods = defaultForecastMethods(100);

describe('evaluateMonth (hand-computed, 2% coverage = 2 cells)', () => {
  const ev = evaluateMonth(data, methods, 12, [0.02]);
  const get = (name: string) => ev.methods.find((m) => m.name === name)!.scores[0];
  it('naive flags last month\'s cells 50 and 0: 3 of 10 hits', () => {
    const s = get('naive');
    expect(s.hitRate).toBeCloseTo(0.3, 15);
    expect(s.pai).toBeCloseTo(15, 13); // 0.3 / 0.02
    expect(s.pei).toBeCloseTo(3 / 8, 15); // best 2 cells: 5 + 3
    expect(s.rri).toBeCloseTo(3 / 7 / (10 / 9), 14); // previous month: 7 of 9 in the flagged cells
  });
  it('12-month counts flag cells 0 and 1: 5 of 10 hits', () => {
    const s = get('counts_12m');
    expect(s.hitRate).toBeCloseTo(0.5, 15);
    expect(s.pai).toBeCloseTo(25, 13);
    expect(s.pei).toBeCloseTo(5 / 8, 15);
    expect(s.rri).toBeCloseTo(5 / 5 / (10 / 9), 14);
    expect(get('counts_3m').hitRate).toBeCloseTo(0.5, 15);
  });
  it('reports the incidents and every method with its parameters and reason', () => {
    expect(ev.testIncidents).toBe(10);
    expect(ev.previousIncidents).toBe(9);
    expect(ev.methods.map((m) => m.name)).toContain('prospective_kde');
    for (const m of ev.methods) {
      expect(m.why.length).toBeGreaterThan(10);
      expect(Object.keys(m.params).length).toBeGreaterThan(0);
    }
  });
  it('learns nothing from the test month or later (no leakage)', () => {
    const extra = { xs: [...inc.xs, 950, 950], ys: [...inc.ys, 950, 50], ms: [...inc.ms, 12, 13] };
    const data2 = prepareForecastData(grid, mask, extra.xs, extra.ys, extra.ms);
    for (const m of methods) {
      expect(Array.from(forecastScores(m, data2, 12).score)).toEqual(Array.from(forecastScores(m, data, 12).score));
    }
  });
  it('requires the naive baseline among the methods', () => {
    expect(() => evaluateMonth(data, methods.slice(1), 12)).toThrow(/naive/);
  });
});

describe('backtestForecasts', () => {
  it('recommends a method that beats naive on mean PAI and says so, naive beside it', () => {
    const bt = backtestForecasts(data, methods, [8, 9, 10, 11, 12], 0.02);
    expect(bt.pai.length).toBe(5);
    expect(bt.recommended.name).not.toBe('naive');
    expect(bt.recommended.meanPai!).toBeGreaterThan(bt.recommended.naiveMeanPai!);
    // Naive flags cells 0 and 1 for months 8..11: PAI 50 in 8..10, and (5/9)/0.02 in month 11
    // (the one-off 4 in cell 50 is missed); month 12: 15.
    expect(bt.recommended.naiveMeanPai).toBeCloseTo((3 * 50 + 5 / 9 / 0.02 + 15) / 5, 12);
    expect(bt.recommended.why).toMatch(/naive baseline/);
  });
});
