/**
 * Mann–Kendall trend test (Mann 1945; Kendall 1975; as in R's Kendall::MannKendall and
 * pymannkendall.original_test), DESIGN.md:
 *   S = sum_{k<j} sign(x_j - x_k)
 *   Var(S) = [n(n-1)(2n+5) - sum_g t_g(t_g-1)(2t_g+5)] / 18   (t_g = size of each group of ties)
 *   Z = (S - 1)/sqrt(Var) for S > 0, (S + 1)/sqrt(Var) for S < 0, else 0   (continuity correction)
 *   p = two-sided normal p of Z;  tau = S / (n(n-1)/2)
 * Ties are exact equality. NaN values are left out. With fewer than 2 values, or every value
 * tied (Var = 0), S = 0, Z = 0 and p = 1.
 */
import { twoSidedP } from './normal.ts';

export interface MannKendall {
  n: number;
  s: number;
  varS: number;
  z: number;
  p: number;
  tau: number;
  /** +1 significant upward, -1 downward, 0 neither, at `alpha` (default 0.10 in emerging hot spots). */
  trend: -1 | 0 | 1;
}

/** Mann–Kendall test of a series in time order; `alpha` (default 0.05) decides `trend`. */
export function mannKendall(series: ArrayLike<number>, alpha = 0.05): MannKendall {
  const x: number[] = [];
  for (let i = 0; i < series.length; i++) if (!Number.isNaN(series[i])) x.push(series[i]);
  const n = x.length;
  let s = 0;
  for (let k = 0; k < n - 1; k++) {
    const xk = x[k];
    for (let j = k + 1; j < n; j++) {
      const d = x[j] - xk;
      s += d > 0 ? 1 : d < 0 ? -1 : 0;
    }
  }
  // Tie groups from the sorted values.
  const sorted = Float64Array.from(x).sort();
  let tieTerm = 0;
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && sorted[j] === sorted[i]) j++;
    const t = j - i;
    if (t > 1) tieTerm += t * (t - 1) * (2 * t + 5);
    i = j;
  }
  const varS = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  let z = 0;
  if (varS > 0) {
    if (s > 0) z = (s - 1) / Math.sqrt(varS);
    else if (s < 0) z = (s + 1) / Math.sqrt(varS);
  }
  const p = varS > 0 ? twoSidedP(z) : 1;
  const tau = n > 1 ? s / ((n * (n - 1)) / 2) : 0;
  const trend = p < alpha ? (z > 0 ? 1 : z < 0 ? -1 : 0) : 0;
  return { n, s, varS, z, p, tau, trend };
}
