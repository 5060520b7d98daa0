/**
 * The default KDE bandwidth (DESIGN.md; ArcGIS Pro "Kernel Density", spatial variant of
 * Silverman's rule of thumb):
 *   h = 0.9 * min(SD, sqrt(1 / ln 2) * Dm) * n^-0.2
 * with SD the standard distance sqrt(sum w d_i^2 / sum w) and Dm the (weighted) median distance of
 * the points to their (weighted) mean centre, n the number of points (sum of weights when
 * weighted). Silverman (1986) eq. 3.31; ESRI, "How Kernel Density works".
 */
import type { Chosen } from './grid.ts';

/**
 * The spatial Silverman bandwidth in metres, with the numbers behind it. Returns null when it is
 * undefined: no points, or all points at one place (SD = Dm = 0).
 */
export function silvermanBandwidthM(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  weights?: ArrayLike<number> | null,
): (Chosen & { sdM: number; medianDistanceM: number; n: number }) | null {
  const len = xs.length;
  let sw = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < len; i++) {
    const w = weights ? weights[i] : 1;
    if (!(w > 0) || !Number.isFinite(xs[i]) || !Number.isFinite(ys[i])) continue;
    sw += w;
    sx += w * xs[i];
    sy += w * ys[i];
  }
  if (!(sw > 0)) return null;
  const mx = sx / sw;
  const my = sy / sw;
  const d = new Float64Array(len);
  const dw = new Float64Array(len);
  let m = 0;
  let sd2 = 0;
  for (let i = 0; i < len; i++) {
    const w = weights ? weights[i] : 1;
    if (!(w > 0) || !Number.isFinite(xs[i]) || !Number.isFinite(ys[i])) continue;
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    const d2 = dx * dx + dy * dy;
    sd2 += w * d2;
    d[m] = Math.sqrt(d2);
    dw[m] = w;
    m++;
  }
  const sdM = Math.sqrt(sd2 / sw);
  const medianDistanceM = weights ? weightedMedian(d.subarray(0, m), dw.subarray(0, m), sw) : median(d.subarray(0, m));
  const spread = Math.min(sdM, Math.sqrt(1 / Math.LN2) * medianDistanceM);
  if (!(spread > 0)) return null;
  const value = 0.9 * spread * Math.pow(sw, -0.2);
  const which = sdM <= Math.sqrt(1 / Math.LN2) * medianDistanceM ? 'standard distance' : 'sqrt(1/ln 2) x median distance';
  return {
    value,
    sdM,
    medianDistanceM,
    n: sw,
    reason: `spatial Silverman rule 0.9 * min(SD ${sdM.toFixed(1)} m, sqrt(1/ln 2) * Dm ${(Math.sqrt(1 / Math.LN2) * medianDistanceM).toFixed(1)} m) * n^-0.2 (n = ${+sw.toFixed(3)}); the ${which} is the smaller`,
  };
}

/** Median of the values (average of the two middle ones for an even count). Sorts a copy. */
function median(v: Float64Array): number {
  const s = Float64Array.from(v).sort();
  const n = s.length;
  if (n === 0) return NaN;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/** Weighted median: the smallest value whose cumulative weight reaches half the total. */
function weightedMedian(v: Float64Array, w: Float64Array, total: number): number {
  const order = Array.from(v.keys()).sort((a, b) => v[a] - v[b]);
  let acc = 0;
  for (const i of order) {
    acc += w[i];
    if (acc >= total / 2) return v[i];
  }
  return NaN;
}
