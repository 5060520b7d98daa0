/**
 * When incidents happen: a day-of-week x hour matrix, an hour histogram and a day-of-week
 * histogram over the incidents whose time (or date) is known, and monthly series per category
 * over all of them. Sources that give only a month (police.uk) or a placeholder time have
 * hour = -1 (and dow = -1 without a date); they are counted as unknown and never spread over
 * hours — the result says how many profiles rest on, and says so in `notes`.
 */

/** The columns this needs; IncidentColumns (src/data/incident_columns.ts) satisfies it. */
export interface IncidentTimes {
  n: number;
  /** Months since 1970-01. */
  monthIndex: ArrayLike<number>;
  /** Hour 0..23, or -1 when the time of day is not known. */
  hour: ArrayLike<number>;
  /** Day of week 0 = Monday .. 6 = Sunday, or -1 when the date is not known. */
  dow: ArrayLike<number>;
  /** Index into `categories`. */
  categoryCode: ArrayLike<number>;
  categories: readonly string[];
}

export const DOW_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

export interface TimeProfiles {
  /** Incidents with known day of week and hour per [dow * 24 + hour]. */
  dowHour: Float64Array;
  /** Incidents per hour 0..23 (time known). */
  hour: Float64Array;
  /** Incidents per day of week (date known). */
  dow: Float64Array;
  /** Incidents with a known hour / with hour unknown. */
  hourKnown: number;
  hourUnknown: number;
  /** Incidents with a known day of week / unknown. */
  dowKnown: number;
  dowUnknown: number;
  /** Monthly series: step t is month firstMonth + t; byCategory[k][t] counts category k. */
  firstMonth: number;
  months: number;
  total: Float64Array;
  byCategory: { category: string; counts: Float64Array }[];
  notes: string[];
}

/** Time profiles of the incidents selected by `filter` (1 = include; default all). */
export function timeProfiles(inc: IncidentTimes, filter?: Uint8Array | null): TimeProfiles {
  const n = inc.n;
  if (inc.monthIndex.length < n || inc.hour.length < n || inc.dow.length < n || inc.categoryCode.length < n) {
    throw new RangeError(`every column must hold n = ${n} values`);
  }
  if (filter && filter.length !== n) throw new RangeError(`filter must have ${n} values, got ${filter.length}`);
  const dowHour = new Float64Array(7 * 24);
  const hour = new Float64Array(24);
  const dow = new Float64Array(7);
  let hourKnown = 0;
  let hourUnknown = 0;
  let dowKnown = 0;
  let dowUnknown = 0;
  let minM = Infinity;
  let maxM = -Infinity;
  let selected = 0;
  for (let i = 0; i < n; i++) {
    if (filter && !filter[i]) continue;
    selected++;
    const h = inc.hour[i];
    const d = inc.dow[i];
    const m = inc.monthIndex[i];
    if (m < minM) minM = m;
    if (m > maxM) maxM = m;
    const hk = h >= 0 && h <= 23;
    const dk = d >= 0 && d <= 6;
    if (hk) {
      hour[h]++;
      hourKnown++;
    } else hourUnknown++;
    if (dk) {
      dow[d]++;
      dowKnown++;
    } else dowUnknown++;
    if (hk && dk) dowHour[d * 24 + h]++;
  }
  const firstMonth = selected > 0 ? minM : 0;
  const months = selected > 0 ? maxM - minM + 1 : 0;
  const total = new Float64Array(months);
  const byCategory = inc.categories.map((category) => ({ category, counts: new Float64Array(months) }));
  for (let i = 0; i < n; i++) {
    if (filter && !filter[i]) continue;
    const t = inc.monthIndex[i] - firstMonth;
    total[t]++;
    const k = inc.categoryCode[i];
    if (byCategory[k]) byCategory[k].counts[t]++;
  }
  const notes: string[] = [];
  if (selected === 0) notes.push('no incidents selected');
  else if (hourKnown === 0) {
    notes.push(`the time of day is unknown for all ${selected} incidents (the source gives only a date or a month): no hour or day-of-week x hour profile`);
  } else if (hourUnknown > 0) {
    notes.push(`the time of day is unknown for ${hourUnknown} of ${selected} incidents (${((100 * hourUnknown) / selected).toFixed(1)}%); hour profiles use the other ${hourKnown}`);
  }
  if (selected > 0 && dowKnown === 0) notes.push(`the date is unknown for all ${selected} incidents (month-only source): no day-of-week profile`);
  else if (dowUnknown > 0) notes.push(`the date is unknown for ${dowUnknown} of ${selected} incidents; day-of-week profiles use the other ${dowKnown}`);
  return {
    dowHour,
    hour,
    dow,
    hourKnown,
    hourUnknown,
    dowKnown,
    dowUnknown,
    firstMonth,
    months,
    total,
    byCategory: byCategory.filter((b) => b.counts.some((v) => v > 0)),
    notes,
  };
}
