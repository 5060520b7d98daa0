/**
 * Forecast evaluation and backtest (DESIGN.md "Forecast evaluation"): train every method on the
 * months before a test month, flag its top cells at each coverage, score them (forecast_metrics.ts),
 * always beside the naive baseline; repeat over the last 12 months and recommend the method with
 * the best mean PAI, with its numbers and the reason.
 */
import { countsBetween, forecastScores, type ForecastData, type ForecastMethod } from './forecast_methods.ts';
import { scoreForecast, type ForecastScore } from './forecast_metrics.ts';

/** Area coverages reported by default: 1% to 20% of the study area. */
export const DEFAULT_COVERAGES = [0.01, 0.02, 0.05, 0.1, 0.15, 0.2];

export interface MethodEvaluation {
  name: string;
  kind: ForecastMethod['kind'];
  why: string;
  params: Record<string, number | string>;
  /** One score per coverage, in the order asked. */
  scores: ForecastScore[];
}

export interface MonthEvaluation {
  testMonth: number;
  /** Incidents in the study area in the test month and the month before. */
  testIncidents: number;
  previousIncidents: number;
  /** Months of history before the test month. */
  historyMonths: number;
  methods: MethodEvaluation[];
  notes: string[];
}

/** Evaluate every method on one test month (month index). */
export function evaluateMonth(
  data: ForecastData,
  methods: ForecastMethod[],
  testMonth: number,
  coverages: number[] = DEFAULT_COVERAGES,
): MonthEvaluation {
  if (!methods.some((m) => m.kind === 'naive')) throw new RangeError('the methods must include the naive baseline');
  const test = countsBetween(data, testMonth, testMonth);
  const prev = countsBetween(data, testMonth - 1, testMonth - 1);
  let testIncidents = 0;
  let previousIncidents = 0;
  for (let c = 0; c < test.length; c++) {
    if (!data.mask[c]) continue;
    testIncidents += test[c];
    previousIncidents += prev[c];
  }
  const historyMonths = Math.max(0, testMonth - data.firstMonth);
  const notes: string[] = [];
  if (historyMonths === 0) notes.push('no months before the test month: every method has nothing to learn from');
  else if (historyMonths < 12) notes.push(`only ${historyMonths} month(s) of history before the test month; 12-month methods use what there is`);
  if (testMonth > data.lastMonth) notes.push('the test month has no data');
  else if (testIncidents === 0) notes.push('no incidents in the study area in the test month: hit rate and PAI are undefined');
  const out: MethodEvaluation[] = methods.map((m) => {
    const { score, params } = forecastScores(m, data, testMonth);
    return {
      name: m.name,
      kind: m.kind,
      why: m.why,
      params,
      scores: coverages.map((a) => scoreForecast(score, test, prev, data.mask, a)),
    };
  });
  return { testMonth, testIncidents, previousIncidents, historyMonths, methods: out, notes };
}

export interface MethodSummary {
  name: string;
  /** Mean of each metric over the months where it is defined, at the backtest coverage. */
  meanPai: number | null;
  meanHitRate: number | null;
  meanPei: number | null;
  meanRri: number | null;
  /** Months where this method's PAI beat the naive baseline's (ties count half). */
  winsOverNaive: number;
  months: number;
}

export interface Backtest {
  coverage: number;
  testMonths: number[];
  /** pai[monthIndexInTestMonths][methodIndex] at `coverage` (null where undefined). */
  pai: (number | null)[][];
  months: MonthEvaluation[];
  summary: MethodSummary[];
  recommended: { name: string; meanPai: number | null; naiveMeanPai: number | null; why: string };
}

const mean = (v: (number | null)[]): number | null => {
  const d = v.filter((x): x is number => x !== null && Number.isFinite(x));
  return d.length ? d.reduce((a, b) => a + b, 0) / d.length : null;
};

/** Backtest the methods over `testMonths` at one coverage and recommend one. */
export function backtestForecasts(
  data: ForecastData,
  methods: ForecastMethod[],
  testMonths: number[],
  coverage = 0.05,
): Backtest {
  if (testMonths.length === 0) throw new RangeError('backtest needs at least one test month');
  const months = testMonths.map((t) => evaluateMonth(data, methods, t, [coverage]));
  const pai = months.map((m) => m.methods.map((e) => e.scores[0].pai));
  const naiveIdx = methods.findIndex((m) => m.kind === 'naive');
  const summary: MethodSummary[] = methods.map((m, j) => {
    let wins = 0;
    for (let i = 0; i < months.length; i++) {
      const a = pai[i][j];
      const b = pai[i][naiveIdx];
      if (a === null || b === null) continue;
      wins += a > b ? 1 : a === b ? 0.5 : 0;
    }
    const col = (f: (s: ForecastScore) => number | null) => mean(months.map((mo) => f(mo.methods[j].scores[0])));
    return {
      name: m.name,
      meanPai: col((s) => s.pai),
      meanHitRate: col((s) => s.hitRate),
      meanPei: col((s) => s.pei),
      meanRri: col((s) => s.rri),
      winsOverNaive: wins,
      months: months.length,
    };
  });
  let best = naiveIdx;
  for (let j = 0; j < summary.length; j++) {
    if ((summary[j].meanPai ?? -Infinity) > (summary[best].meanPai ?? -Infinity)) best = j;
  }
  const b = summary[best];
  const naive = summary[naiveIdx];
  const fmt = (x: number | null) => (x === null ? 'undefined' : x.toFixed(2));
  const why = best === naiveIdx
    ? `no method beat the naive baseline's mean PAI (${fmt(naive.meanPai)}) at ${(coverage * 100).toFixed(0)}% coverage over ${months.length} month(s)`
    : `highest mean PAI at ${(coverage * 100).toFixed(0)}% coverage over ${months.length} month(s): ${fmt(b.meanPai)} vs ${fmt(naive.meanPai)} for the naive baseline (better in ${b.winsOverNaive} of ${months.length} months); ${methods[best].why}`;
  return {
    coverage,
    testMonths,
    pai,
    months,
    summary,
    recommended: { name: b.name, meanPai: b.meanPai, naiveMeanPai: naive.meanPai, why },
  };
}
