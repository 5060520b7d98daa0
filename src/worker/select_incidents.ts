/**
 * The incident filter applied to typed columns already in the worker's memory, so that a filter
 * change costs one pass over the arrays instead of a database query. The rules are those of
 * filterSql (src/data/incidents.ts): months inclusive; categories by name; days 0 = Monday and
 * hours [from, to) (wrapping past midnight when from > to) drop incidents whose day or time of
 * day is unknown.
 */
import type { IncidentColumns } from '../data/incident_columns.ts';
import { monthIndexOf } from '../data/incident_columns.ts';
import type { IncidentFilter } from '../data/incidents.ts';

/** Row indices (ascending) of the incidents the filter keeps. */
export function selectIncidents(cols: IncidentColumns, filter: IncidentFilter = {}): Uint32Array {
  const n = cols.n;
  const fromM = filter.fromMonth ? monthIndexOf(filter.fromMonth) : -Infinity;
  const toM = filter.toMonth ? monthIndexOf(filter.toMonth) : Infinity;

  let catOk: Uint8Array | null = null;
  if (filter.categories?.length) {
    catOk = new Uint8Array(cols.categories.length);
    const wanted = new Set(filter.categories);
    cols.categories.forEach((c, k) => { if (wanted.has(c)) catOk![k] = 1; });
  }
  let dayOk: Uint8Array | null = null;
  if (filter.days?.length) {
    dayOk = new Uint8Array(7);
    for (const d of filter.days) {
      if (!(Number.isInteger(d) && d >= 0 && d <= 6)) throw new RangeError(`day must be 0..6, got ${d}`);
      dayOk[d] = 1;
    }
  }
  let hourOk: Uint8Array | null = null;
  if (filter.hours) {
    const [a, b] = filter.hours;
    if (!(Number.isInteger(a) && Number.isInteger(b) && a >= 0 && a <= 24 && b >= 0 && b <= 24)) {
      throw new RangeError(`hours must be integers 0..24, got ${a}, ${b}`);
    }
    hourOk = new Uint8Array(24);
    for (let h = 0; h < 24; h++) hourOk[h] = (a <= b ? h >= a && h < b : h >= a || h < b) ? 1 : 0;
  }

  const out = new Uint32Array(n);
  let k = 0;
  const { monthIndex, categoryCode, dow, hour } = cols;
  for (let i = 0; i < n; i++) {
    const m = monthIndex[i];
    if (m < fromM || m > toM) continue;
    if (catOk && !catOk[categoryCode[i]]) continue;
    if (dayOk) {
      const d = dow[i];
      if (d < 0 || !dayOk[d]) continue;
    }
    if (hourOk) {
      const h = hour[i];
      if (h < 0 || !hourOk[h]) continue;
    }
    out[k++] = i;
  }
  return out.slice(0, k);
}
