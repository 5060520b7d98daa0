/**
 * Hot/cold significance bins as ArcGIS Hot Spot Analysis reports them (Gi_Bin): +3/+2/+1 for hot
 * spots at 99/95/90% confidence (p <= 0.01 / 0.05 / 0.10), -3/-2/-1 for cold spots, 0 otherwise.
 * With FDR correction the Benjamini–Hochberg q-value takes the place of p (as in
 * ../shared/reference: gi_bin ±3/2/1 at q <= 0.01/0.05/0.10). NaN z or p gives 0.
 */
export function significanceBins(z: ArrayLike<number>, pOrQ: ArrayLike<number>, out?: Int8Array): Int8Array {
  const n = z.length;
  if (pOrQ.length !== n) throw new RangeError(`z and p must have the same length, got ${n} and ${pOrQ.length}`);
  const bins = out ?? new Int8Array(n);
  for (let i = 0; i < n; i++) {
    const p = pOrQ[i];
    const level = p <= 0.01 ? 3 : p <= 0.05 ? 2 : p <= 0.1 ? 1 : 0;
    bins[i] = z[i] > 0 ? level : z[i] < 0 ? -level : 0;
  }
  return bins;
}

/** Confidence level of a bin, in words, for legends and reports. */
export function binLabel(bin: number): string {
  const conf = ['not significant', '90% confidence', '95% confidence', '99% confidence'][Math.abs(bin)] ?? 'invalid bin';
  return bin > 0 ? `hot spot, ${conf}` : bin < 0 ? `cold spot, ${conf}` : conf;
}
