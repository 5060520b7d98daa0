/**
 * The hours a plan is for, as weights on the 168 hour-of-week slots (slot = dow * 24 + hour,
 * dow 0 = Monday, as IncidentColumns.dow). A shift starts on the plan's day at `startMin` minutes
 * after midnight and lasts `hours`; hours after midnight fall on the next day (a 22:00 + 8 h shift
 * on Friday covers Friday 22–24 and Saturday 0–6). A slot's weight is the share of that clock hour
 * the shift covers (0.5 for 07:30–08:00). Several shifts (units with different shifts in one plan)
 * are joined: a slot's weight is the largest any shift gives it, so the window is their union.
 */

export const SLOTS_PER_WEEK = 168;

/** Day names accepted by {@link dayIndexOf}, Monday first. */
export const dayNames = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const fullDayNames = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** 'mon'..'sun' (or the full English name, any case) to 0 = Monday .. 6 = Sunday. */
export function dayIndexOf(name: string): number {
  const s = name.trim().toLowerCase();
  let i = (dayNames as readonly string[]).indexOf(s);
  if (i < 0) i = fullDayNames.indexOf(s);
  if (i < 0) throw new RangeError(`day must be one of ${dayNames.join(', ')}, got '${name}'`);
  return i;
}

/** 'HH:MM' (00:00 .. 23:59) to minutes after midnight. */
export function parseClock(text: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  const h = m ? Number(m[1]) : NaN, min = m ? Number(m[2]) : NaN;
  if (!(h >= 0 && h <= 23 && min >= 0 && min <= 59)) throw new RangeError(`time must be HH:MM (00:00 to 23:59), got '${text}'`);
  return h * 60 + min;
}

/** Minutes after midnight to 'HH:MM' on a 24-hour clock (past midnight wraps: 1500 -> '01:00'). */
export function formatClock(minutes: number): string {
  if (!Number.isFinite(minutes)) throw new RangeError(`minutes must be finite, got ${minutes}`);
  const m = ((Math.round(minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** One shift: start in minutes after midnight of the plan's day, length in hours. */
export interface Shift {
  startMin: number;
  hours: number;
}

export interface ShiftWindow {
  /** Day of the plan, 0 = Monday. */
  day: number;
  /** Weight of each hour-of-week slot (dow * 24 + hour), 0..1. */
  slotWeight: Float64Array;
  /** Hours covered (sum of the weights). */
  hours: number;
}

/**
 * The window of one or more shifts starting on `day` (0 = Monday). Throws a RangeError on a day
 * outside 0..6, a start outside 0..1439 minutes, or a length not in (0, 24] hours.
 */
export function shiftWindow(day: number, shifts: readonly Shift[]): ShiftWindow {
  if (!(Number.isInteger(day) && day >= 0 && day <= 6)) throw new RangeError(`day must be 0 (Monday) .. 6 (Sunday), got ${day}`);
  if (shifts.length === 0) throw new RangeError('at least one shift is needed');
  const slotWeight = new Float64Array(SLOTS_PER_WEEK);
  const one = new Float64Array(SLOTS_PER_WEEK);
  for (const { startMin, hours } of shifts) {
    if (!(startMin >= 0 && startMin < 1440)) throw new RangeError(`shift start must be 0..1439 minutes after midnight, got ${startMin}`);
    if (!(hours > 0 && hours <= 24)) throw new RangeError(`shift length must be > 0 and <= 24 hours, got ${hours}`);
    one.fill(0);
    const a = day * 1440 + startMin, b = a + hours * 60; // minutes of the week, may pass Sunday 24:00
    for (let h = Math.floor(a / 60); h * 60 < b; h++) {
      const covered = Math.min(b, (h + 1) * 60) - Math.max(a, h * 60);
      one[h % SLOTS_PER_WEEK] += covered / 60;
    }
    for (let s = 0; s < SLOTS_PER_WEEK; s++) if (one[s] > slotWeight[s]) slotWeight[s] = Math.min(1, one[s]);
  }
  let total = 0;
  for (let s = 0; s < SLOTS_PER_WEEK; s++) total += slotWeight[s];
  return { day, slotWeight, hours: total };
}
