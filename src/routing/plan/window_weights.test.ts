import { describe, expect, it } from 'vitest';
import { shiftWindow } from './shift_window.ts';
import { weekdaysInMonths, windowWeights } from './window_weights.ts';

const month = (y: number, m: number) => (y - 1970) * 12 + m - 1;

describe('weekdaysInMonths', () => {
  it('counts January 2024 (starts on a Monday, 31 days): Mon-Wed 5, Thu-Sun 4', () => {
    expect(Array.from(weekdaysInMonths(month(2024, 1), month(2024, 1)))).toEqual([5, 5, 5, 4, 4, 4, 4]);
  });

  it('counts 2010-2019 as 3,652 days, 522 Fridays (2010-01-01 was a Friday)', () => {
    const d = weekdaysInMonths(month(2010, 1), month(2019, 12));
    expect(d.reduce((a, b) => a + b, 0)).toBe(3652);
    expect(d[4]).toBe(522);
  });
});

describe('windowWeights', () => {
  const days = Float64Array.of(10, 10, 10, 10, 20, 10, 10);
  const fri16to20 = shiftWindow(4, [{ startMin: 16 * 60, hours: 4 }]);

  it('gives an incident in the window 1 / (days of its weekday), outside it 0', () => {
    const w = windowWeights(fri16to20, [17, 15, 17], [4, 4, 3], days);
    expect(Array.from(w)).toEqual([1 / 20, 0, 0]);
  });

  it('spreads an unknown hour over its day, an unknown day over the week', () => {
    const w = windowWeights(fri16to20, [-1, 17, -1], [4, -1, -1], days);
    expect(w[0]).toBeCloseTo(4 / 24 / 20, 15); // 4 of 24 hours of a Friday
    expect(w[1]).toBeCloseTo(1 / 7 / 20, 15); // hour 17 on one day in 7
    expect(w[2]).toBeCloseTo(4 / 168 / 20, 15);
  });

  it('weights a partly covered hour by the share covered', () => {
    const w = windowWeights(shiftWindow(4, [{ startMin: 16 * 60 + 45, hours: 1 }]), [16, 17], [4, 4], days);
    expect(w[0]).toBeCloseTo(0.25 / 20, 15);
    expect(w[1]).toBeCloseTo(0.75 / 20, 15);
  });
});
