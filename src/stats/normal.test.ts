import { describe, expect, it } from 'vitest';
import { erf, erfc, normalCdf, twoSidedP } from './normal.ts';

// Values from Abramowitz & Stegun table 7.1 / DLMF, to 16 significant digits.
const known: [number, number][] = [
  [0, 1],
  [0.1, 0.8875370839817152],
  [0.5, 0.4795001221869535],
  [1, 0.1572992070502851],
  [1.5, 0.03389485352468927],
  [2, 0.004677734981047266],
  [3, 2.209049699858544e-5],
  [4, 1.541725790028002e-8],
  [5, 1.537459794428035e-12],
  [10, 2.088487583762545e-45],
  [20, 5.395865611607901e-176],
];

describe('erfc', () => {
  it('matches tabulated values to 1e-13 relative, in both tails', () => {
    for (const [x, v] of known) expect(Math.abs(erfc(x) - v) / v).toBeLessThan(1e-13);
  });
  it('is continuous across the switch between series and continued fraction (x = 2)', () => {
    expect(Math.abs(erfc(2 - 1e-12) - erfc(2 + 1e-12))).toBeLessThan(1e-13);
  });
  it('satisfies erfc(-x) = 2 - erfc(x) and erf = 1 - erfc', () => {
    expect(erfc(-1)).toBeCloseTo(2 - 0.1572992070502851, 15);
    expect(erf(0.5)).toBeCloseTo(1 - 0.4795001221869535, 15);
    expect(erf(-0.5)).toBeCloseTo(-(1 - 0.4795001221869535), 15);
  });
  it('returns NaN for NaN and 0 beyond underflow', () => {
    expect(erfc(NaN)).toBeNaN();
    expect(erfc(40)).toBe(0);
    expect(erfc(-40)).toBe(2);
  });
});

describe('normalCdf and twoSidedP', () => {
  it('gives the textbook critical values', () => {
    expect(twoSidedP(1.959963984540054)).toBeCloseTo(0.05, 14);
    expect(twoSidedP(2.5758293035489004)).toBeCloseTo(0.01, 14);
    expect(twoSidedP(-1.6448536269514722)).toBeCloseTo(0.1, 14);
    expect(normalCdf(-1.6448536269514722)).toBeCloseTo(0.05, 14);
    expect(normalCdf(0)).toBe(0.5);
  });
  it('keeps relative accuracy far in the tail', () => {
    // P(|Z| >= 10) = erfc(10 / sqrt 2) = 1.5239706048321166e-23
    expect(Math.abs(twoSidedP(10) - 1.5239706048321166e-23) / 1.5239706048321166e-23).toBeLessThan(1e-12);
    expect(twoSidedP(0)).toBe(1);
  });
});
