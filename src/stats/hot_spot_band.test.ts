import { describe, expect, it } from 'vitest';
import { defaultHotSpotBandM, moransIGrid } from './hot_spot_band.ts';
import { latticeOf } from './lattice.ts';
import { readColumns, seededRandom } from '../../test/stats/reference.ts';

/** Moran's I and its normality z by brute force over all pairs (an independent check). */
function moransIBrute(xs: number[], ys: number[], v: number[], band: number) {
  const n = v.length;
  const mean = v.reduce((a, b) => a + b, 0) / n;
  const z = v.map((x) => x - mean);
  let s0 = 0;
  let cross = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    let wi = 0;
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      if (Math.hypot(xs[i] - xs[j], ys[i] - ys[j]) <= band + 1e-9) {
        wi++;
        cross += z[i] * z[j];
      }
    }
    s0 += wi;
    s2 += (2 * wi) ** 2;
  }
  const m2 = z.reduce((a, b) => a + b * b, 0);
  const I = (n / s0) * (cross / m2);
  const e = -1 / (n - 1);
  const v2 = (n * n * 2 * s0 - n * s2 + 3 * s0 * s0) / ((n * n - 1) * s0 * s0) - e * e;
  return { I, z: (I - e) / Math.sqrt(v2) };
}

describe("moransIGrid", () => {
  it('equals a brute-force computation over all pairs (random 12 x 9 grid, with a hole)', () => {
    const rnd = seededRandom(2);
    const grid = { x0: 0, y0: 0, cellSizeM: 10, width: 12, height: 9 };
    const values = Float64Array.from({ length: 108 }, () => Math.floor(rnd() * 6));
    const mask = new Uint8Array(108).fill(1);
    for (const c of [0, 1, 12, 50, 107]) mask[c] = 0;
    const xs: number[] = [];
    const ys: number[] = [];
    const v: number[] = [];
    for (let c = 0; c < 108; c++) {
      if (!mask[c]) continue;
      xs.push((c % 12) * 10);
      ys.push(Math.floor(c / 12) * 10);
      v.push(values[c]);
    }
    for (const band of [10, 20, 25, 30]) {
      const ours = moransIGrid(grid, values, band, mask);
      const brute = moransIBrute(xs, ys, v, band);
      expect(ours.moransI).toBeCloseTo(brute.I, 12);
      expect(ours.z).toBeCloseTo(brute.z, 10);
    }
  });
  it('is strongly positive for a smooth surface', () => {
    const grid = { x0: 0, y0: 0, cellSizeM: 1, width: 20, height: 20 };
    const values = Float64Array.from({ length: 400 }, (_, c) => (c % 20) + Math.floor(c / 20));
    expect(moransIGrid(grid, values, 2).z).toBeGreaterThan(10);
  });
});

describe('defaultHotSpotBandM', () => {
  it('picks a band from the data on the district 14 cells, with the profile and the reason', () => {
    const ref = readColumns('cells_d14_2018_2019_c150.csv', ['x', 'y', 'count']);
    const lat = latticeOf(ref.x, ref.y)!;
    const values = new Float64Array(lat.grid.width * lat.grid.height);
    lat.index.forEach((c, i) => (values[c] = ref.count[i]));
    const b = defaultHotSpotBandM(lat.grid, values, lat.mask);
    expect(b.profile.length).toBe(9); // 2..10 cells
    expect(b.value % 150).toBe(0);
    expect(b.value).toBeGreaterThanOrEqual(300);
    expect(b.reason).toMatch(/Moran/);
    const chosen = b.profile.find((p) => p.bandM === b.value)!;
    if (/first significant peak/.test(b.reason)) expect(chosen.z).toBeGreaterThan(1.96);
  });
  it('falls back to 3 cells without a peak (random noise)', () => {
    const rnd = seededRandom(9);
    const grid = { x0: 0, y0: 0, cellSizeM: 100, width: 30, height: 30 };
    const values = Float64Array.from({ length: 900 }, () => Math.floor(rnd() * 3));
    const b = defaultHotSpotBandM(grid, values);
    expect(b.value).toBe(300);
    expect(b.reason).toMatch(/no significant peak/);
  });
});
