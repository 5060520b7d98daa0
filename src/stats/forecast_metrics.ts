/**
 * How well a map of scores predicted the next period (DESIGN.md "Forecast evaluation"): flag the
 * top-scoring cells covering a share a/A of the study area, then
 * - hit rate n/N (share of the test period's incidents in the flagged cells);
 * - PAI (n/N)/(a/A) (Chainey, Tompson & Uhlig 2008, "The utility of hotspot mapping for
 *   predicting spatial patterns of crime", Security Journal 21);
 * - PEI = PAI / PAI* with PAI* the PAI of the best possible cells of the same area, i.e. n/n*
 *   (Hunt 2016, "Do crime hot spots move?", NIJ);
 * - RRI (n_test/n_prev)/(N_test/N_prev), the recapture rate index (Levine 2008), with "prev"
 *   the period before the test period.
 *
 * Ties at the cut-off are shared out fairly: when k cells are to be flagged and g cells tie at
 * the k-th score, each tied cell counts with weight (k - cells above)/g. The numbers are thus the
 * expectation over a random order of the tied cells, not an accident of cell numbering (naive
 * counts tie a lot). Undefined ratios (N = 0, n_prev = 0, ...) are null, never NaN.
 */

export interface ForecastScore {
  /** Requested share of the study area. */
  coverage: number;
  /** Cells flagged (k) and cells in the study area (A, in cells). */
  cells: number;
  areaCells: number;
  /** Incidents in flagged cells (expected under random tie-breaking) and in all cells, test period. */
  hits: number;
  total: number;
  hitRate: number | null;
  pai: number | null;
  pei: number | null;
  rri: number | null;
}

/** Weight 0..1 per cell of being flagged: 1 above the cut-off, a shared fraction for cells tied at it. */
export function flagTopCells(score: ArrayLike<number>, mask: Uint8Array | null, k: number): Float64Array {
  const n = score.length;
  const weight = new Float64Array(n);
  const vals: number[] = [];
  for (let c = 0; c < n; c++) if (!mask || mask[c]) vals.push(Number.isNaN(score[c]) ? -Infinity : score[c]);
  if (k <= 0 || vals.length === 0) return weight;
  const sorted = Float64Array.from(vals).sort();
  const kk = Math.min(k, sorted.length);
  const cut = sorted[sorted.length - kk];
  let above = 0;
  let tied = 0;
  for (const v of vals) {
    if (v > cut) above++;
    else if (v === cut) tied++;
  }
  const share = (kk - above) / tied;
  for (let c = 0; c < n; c++) {
    if (mask && !mask[c]) continue;
    const v = Number.isNaN(score[c]) ? -Infinity : score[c];
    if (v > cut) weight[c] = 1;
    else if (v === cut) weight[c] = share;
  }
  return weight;
}

/**
 * Score a forecast (`score` per cell, higher = more expected) against the test period's counts
 * per cell (`test`) and the previous period's (`prev`, for RRI), at one coverage.
 */
export function scoreForecast(
  score: ArrayLike<number>,
  test: ArrayLike<number>,
  prev: ArrayLike<number>,
  mask: Uint8Array | null,
  coverage: number,
): ForecastScore {
  if (!(coverage > 0 && coverage <= 1)) throw new RangeError(`coverage must be in (0, 1], got ${coverage}`);
  const n = score.length;
  if (test.length !== n || prev.length !== n) throw new RangeError(`score, test and prev must have the same length`);
  let areaCells = 0;
  let total = 0;
  let totalPrev = 0;
  const testIn: number[] = [];
  for (let c = 0; c < n; c++) {
    if (mask && !mask[c]) continue;
    areaCells++;
    total += test[c];
    totalPrev += prev[c];
    testIn.push(test[c]);
  }
  const k = Math.max(1, Math.round(coverage * areaCells));
  const w = flagTopCells(score, mask, k);
  let hits = 0;
  let hitsPrev = 0;
  for (let c = 0; c < n; c++) {
    if (w[c] === 0) continue;
    hits += w[c] * test[c];
    hitsPrev += w[c] * prev[c];
  }
  // The best k cells of the test period.
  const best = Float64Array.from(testIn).sort();
  let nStar = 0;
  for (let i = best.length - 1; i >= Math.max(0, best.length - k); i--) nStar += best[i];
  const hitRate = total > 0 ? hits / total : null;
  const share = areaCells > 0 ? Math.min(k, areaCells) / areaCells : 0;
  const pai = hitRate !== null && share > 0 ? hitRate / share : null;
  const pei = nStar > 0 ? hits / nStar : null;
  const rri = hitsPrev > 0 && total > 0 && totalPrev > 0 ? hits / hitsPrev / (total / totalPrev) : null;
  return { coverage, cells: Math.min(k, areaCells), areaCells, hits, total, hitRate, pai, pei, rri };
}
