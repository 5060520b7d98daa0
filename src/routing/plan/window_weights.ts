/**
 * Expected incidents per shift: what each incident of the history contributes to the expected
 * count in a shift window (shift_window.ts).
 *
 * An incident at hour-of-week slot s (day d, hour h) contributes `slotWeight[s] / days[d]`, where
 * `days[d]` is the number of days with weekday d in the history (from the first day of its first
 * month to the last day of its last month). Summed over a cell, that is the cell's mean count in
 * the window per shift: for each hour of the shift, the mean count in that hour on that weekday,
 * scaled by the share of the hour the shift covers.
 *
 * Incidents whose time of day or day of week is unknown (hour -1 or dow -1: sources that give
 * only a date, or only a month) are spread evenly rather than left out, so a month-only source
 * such as police.uk still yields values: an unknown hour counts as 1/24 in each hour of its day,
 * an unknown day as 1/7 on each day, both unknown as 1/168 in every slot. Left out, they would bias
 * the window against places whose incidents are often recorded without a time.
 */
import { SLOTS_PER_WEEK, type ShiftWindow } from './shift_window.ts';

/** Days of each weekday (0 = Monday) from the first day of month `firstMonth` to the last day of `lastMonth`. */
export function weekdaysInMonths(firstMonth: number, lastMonth: number): Float64Array {
  if (!(Number.isInteger(firstMonth) && Number.isInteger(lastMonth) && lastMonth >= firstMonth)) {
    throw new RangeError(`months must be integers with lastMonth >= firstMonth, got ${firstMonth}, ${lastMonth}`);
  }
  const dayMs = 86_400_000;
  const first = Date.UTC(1970 + Math.floor(firstMonth / 12), firstMonth % 12, 1) / dayMs;
  const end = Date.UTC(1970 + Math.floor((lastMonth + 1) / 12), (lastMonth + 1) % 12, 1) / dayMs;
  const out = new Float64Array(7);
  // Day 0 (1970-01-01) was a Thursday: dow 3 with Monday = 0.
  for (let d = first; d < end; d++) out[(((d + 3) % 7) + 7) % 7]++;
  return out;
}

/**
 * Per-incident weight: expected incidents per shift contributed by incident i (see the module
 * comment). `hour` is 0..23 or -1 (unknown), `dow` 0..6 or -1; `days` from {@link weekdaysInMonths}.
 * Writes into `out` when given.
 */
export function windowWeights(
  window: ShiftWindow,
  hour: ArrayLike<number>,
  dow: ArrayLike<number>,
  days: ArrayLike<number>,
  out?: Float64Array,
): Float64Array {
  const n = hour.length;
  if (dow.length !== n) throw new RangeError(`hour has ${n} values, dow has ${dow.length}`);
  if (days.length !== 7) throw new RangeError(`days must have 7 values, got ${days.length}`);
  const w = out ?? new Float64Array(n);
  if (w.length < n) throw new RangeError(`out must hold ${n} values, got ${w.length}`);
  // Per slot, weight per incident; then the spread versions for unknown hour / day.
  const perSlot = new Float64Array(SLOTS_PER_WEEK);
  for (let s = 0; s < SLOTS_PER_WEEK; s++) {
    const d = Math.floor(s / 24);
    perSlot[s] = window.slotWeight[s] > 0 ? (days[d] > 0 ? window.slotWeight[s] / days[d] : 0) : 0;
  }
  const byDay = new Float64Array(7), byHour = new Float64Array(24);
  let all = 0;
  for (let s = 0; s < SLOTS_PER_WEEK; s++) {
    byDay[Math.floor(s / 24)] += perSlot[s] / 24;
    byHour[s % 24] += perSlot[s] / 7;
    all += perSlot[s] / SLOTS_PER_WEEK;
  }
  for (let i = 0; i < n; i++) {
    const h = hour[i], d = dow[i];
    const hk = h >= 0 && h <= 23, dk = d >= 0 && d <= 6;
    w[i] = hk && dk ? perSlot[d * 24 + h] : dk ? byDay[d] : hk ? byHour[h] : all;
  }
  return w;
}
