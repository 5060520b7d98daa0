/**
 * Month indices for the report: months since 1970-01 (year * 12 + month - 1 - 1970 * 12), the
 * convention of IncidentColumns.monthIndex. Kept here because report/ may not import data/ at
 * run time (DESIGN.md layer rule).
 */

/** Month index of 'YYYY-MM'; throws a RangeError naming the value otherwise. */
export function parseMonth(month: string): number {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  const mm = m ? Number(m[2]) : NaN;
  if (!m || !(mm >= 1 && mm <= 12)) throw new RangeError(`month must be YYYY-MM, got '${month}'`);
  return (Number(m[1]) - 1970) * 12 + mm - 1;
}

/** 'YYYY-MM' of a month index. */
export function formatMonth(index: number): string {
  const y = 1970 + Math.floor(index / 12);
  const m = index - (y - 1970) * 12 + 1;
  return `${y}-${String(m).padStart(2, '0')}`;
}

/** Year and month (1..12) of a month index. */
export function yearMonth(index: number): { year: number; month: number } {
  const year = 1970 + Math.floor(index / 12);
  return { year, month: index - (year - 1970) * 12 + 1 };
}
