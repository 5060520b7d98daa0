import { describe, expect, it } from 'vitest';
import { dayIndexOf, formatClock, parseClock, shiftWindow } from './shift_window.ts';

const slot = (dow: number, hour: number) => dow * 24 + hour;

describe('shiftWindow', () => {
  it('shiftWindow(fri, 22:00 + 8 h) covers Friday 22-24 and Saturday 0-6', () => {
    const w = shiftWindow(dayIndexOf('fri'), [{ startMin: 22 * 60, hours: 8 }]);
    const on: number[] = [];
    w.slotWeight.forEach((x, s) => { if (x > 0) on.push(s); });
    expect(on).toEqual([slot(4, 22), slot(4, 23), ...[0, 1, 2, 3, 4, 5].map((h) => slot(5, h))]);
    expect(w.hours).toBe(8);
  });

  it('shiftWindow weights partly covered hours by the share covered', () => {
    const w = shiftWindow(0, [{ startMin: 7 * 60 + 30, hours: 1 }]);
    expect(w.slotWeight[slot(0, 7)]).toBe(0.5);
    expect(w.slotWeight[slot(0, 8)]).toBe(0.5);
    expect(w.hours).toBe(1);
  });

  it('shiftWindow of Sunday night wraps to Monday morning', () => {
    const w = shiftWindow(6, [{ startMin: 23 * 60, hours: 2 }]);
    expect(w.slotWeight[slot(6, 23)]).toBe(1);
    expect(w.slotWeight[slot(0, 0)]).toBe(1);
  });

  it('shiftWindow of several shifts is their union, not their sum', () => {
    const w = shiftWindow(2, [{ startMin: 16 * 60, hours: 8 }, { startMin: 17 * 60, hours: 3 }]);
    expect(w.hours).toBe(8);
    expect(Math.max(...w.slotWeight)).toBe(1);
  });

  it('shiftWindow rejects a bad day, start or length', () => {
    expect(() => shiftWindow(7, [{ startMin: 0, hours: 1 }])).toThrow(RangeError);
    expect(() => shiftWindow(0, [{ startMin: 1440, hours: 1 }])).toThrow(/shift start/);
    expect(() => shiftWindow(0, [{ startMin: 0, hours: 0 }])).toThrow(/length/);
    expect(() => shiftWindow(0, [{ startMin: 0, hours: NaN }])).toThrow(/length/);
    expect(() => shiftWindow(0, [])).toThrow(/at least one/);
  });
});

describe('clock and day names', () => {
  it('parseClock and formatClock round-trip and wrap past midnight', () => {
    expect(parseClock('07:05')).toBe(425);
    expect(parseClock('7:05')).toBe(425);
    expect(formatClock(425)).toBe('07:05');
    expect(formatClock(1500)).toBe('01:00');
    expect(() => parseClock('24:00')).toThrow(/HH:MM/);
    expect(() => parseClock('7pm')).toThrow(/HH:MM/);
  });

  it('dayIndexOf takes mon..sun and full names, Monday = 0', () => {
    expect(dayIndexOf('mon')).toBe(0);
    expect(dayIndexOf('Fri')).toBe(4);
    expect(dayIndexOf('sunday')).toBe(6);
    expect(() => dayIndexOf('fr')).toThrow(/mon, tue/);
  });
});
