import { describe, expect, it } from 'vitest';
import { topTierThreshold } from './violent_threshold.ts';
import { isViolentCategory, violentCategoryMask } from './violent_categories.ts';

describe('topTierThreshold', () => {
  it('is the highest value outside the top decile', () => {
    expect(topTierThreshold([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])).toBe(8); // only 9 is above
    expect(topTierThreshold([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBe(8); // ceil(1.1) = 2: 10 and 9 above
  });

  it('never splits a tie: stops tied with the first stop outside the tier stay allowed', () => {
    const v = [5, 4, 4, 3, 2, 1, 1, 1, 0, 0];
    expect(topTierThreshold(v, 0.2)).toBe(4);
    expect(v.filter((x) => x > topTierThreshold(v, 0.2))).toEqual([5]);
  });

  it('is 0 when every stop is in the tier, and rejects NaN or negative values', () => {
    expect(topTierThreshold([3, 2], 1)).toBe(0);
    expect(topTierThreshold([])).toBe(0);
    expect(() => topTierThreshold([1, NaN])).toThrow(RangeError);
    expect(() => topTierThreshold([1, -1])).toThrow(RangeError);
    expect(() => topTierThreshold([1], 1.5)).toThrow(/share/);
  });
});

describe('violent categories', () => {
  it('matches police.uk and Chicago violent categories, not property crime', () => {
    for (const c of ['violence and sexual offences', 'robbery', 'possession of weapons', 'aggravated assault', 'BATTERY', 'homicide', 'weapons violation', 'criminal sexual assault']) {
      expect(isViolentCategory(c), c).toBe(true);
    }
    for (const c of ['burglary', 'vehicle crime', 'anti-social behaviour', 'shoplifting', 'criminal damage and arson', 'theft', '']) {
      expect(isViolentCategory(c), c).toBe(false);
    }
    expect(Array.from(violentCategoryMask(['robbery', 'burglary']))).toEqual([1, 0]);
  });
});
