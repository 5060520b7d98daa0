/**
 * Benjamini–Hochberg adjusted p-values (q-values), controlling the false discovery rate
 * (Benjamini & Hochberg 1995; R's p.adjust(method = "BH"), scipy.stats.false_discovery_control):
 *   q_(k) = min_{j >= k} min(1, m p_(j) / j)
 * over the m finite p-values sorted ascending. Tied p-values get the same q. NaN stays NaN and
 * is not counted in m.
 */
export function benjaminiHochberg(p: ArrayLike<number>): Float64Array {
  const n = p.length;
  const q = new Float64Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) if (Number.isFinite(p[i])) m++;
  if (m === 0) return q.fill(NaN);
  // Sorting the values natively and looking each p up by binary search avoids an index sort with
  // a comparator (several times slower on 250,000 cells); ties share a q, so this is exact.
  const sorted = new Float64Array(m);
  for (let i = 0, k = 0; i < n; i++) if (Number.isFinite(p[i])) sorted[k++] = p[i];
  sorted.sort();
  const qs = new Float64Array(m);
  let run = 1;
  for (let k = m - 1; k >= 0; k--) {
    const v = (m * sorted[k]) / (k + 1);
    if (v < run) run = v;
    qs[k] = run;
  }
  for (let i = 0; i < n; i++) {
    const v = p[i];
    if (!Number.isFinite(v)) {
      q[i] = NaN;
      continue;
    }
    // Last index with sorted[k] <= v: the largest rank of the tie group, whose q is the group's.
    let lo = 0;
    let hi = m - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sorted[mid] <= v) lo = mid;
      else hi = mid - 1;
    }
    q[i] = qs[lo];
  }
  return q;
}
