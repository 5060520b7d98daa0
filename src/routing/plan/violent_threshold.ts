/**
 * The default violent-risk threshold for volunteers: "the officers' top tier" (DESIGN.md), made
 * exact as the top decile of the candidate stops by expected violent incidents.
 *
 * With the stops' expected violent incidents sorted descending, v[0] >= v[1] >= ..., and the top
 * tier the first k = ceil(share × n) of them, the threshold is v[k], the highest value outside the
 * top tier (0 when every stop is in it). A stop whose value is above the threshold is for officers
 * only. That is the top tier, less any of its stops tied with the first stop outside it: at most
 * k stops are withheld, and a tie is never split arbitrarily.
 */
export function topTierThreshold(violentValue: ArrayLike<number>, share = 0.1): number {
  if (!(share >= 0 && share <= 1)) throw new RangeError(`share must be in [0, 1], got ${share}`);
  const n = violentValue.length;
  const sorted = Float64Array.from(violentValue).sort().reverse();
  for (let i = 0; i < n; i++) if (!(sorted[i] >= 0)) throw new RangeError(`violent values must be >= 0, got ${sorted[i]}`);
  const k = Math.ceil(share * n);
  return k < n ? sorted[k] : 0;
}
