import { describe, expect, it } from 'vitest';
import { NodeSnapper } from './node_snapper.ts';

function points(n: number, seed: number, spread: number): [Float64Array, Float64Array] {
  let s = seed >>> 0;
  const rnd = () => ((s = (s * 1664525 + 1013904223) >>> 0), s / 4294967296);
  const xs = new Float64Array(n), ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // Clustered, like street nodes: dense blocks with gaps.
    const cluster = Math.floor(rnd() * 5);
    xs[i] = 1000 * cluster + rnd() * spread;
    ys[i] = 700 * (cluster % 2) + rnd() * spread;
  }
  return [xs, ys];
}

function bruteNearest(xs: Float64Array, ys: Float64Array, x: number, y: number, mask?: Uint8Array): number {
  let best = -1, bd = Infinity;
  for (let v = 0; v < xs.length; v++) {
    if (mask && !mask[v]) continue;
    const d = (xs[v] - x) ** 2 + (ys[v] - y) ** 2;
    if (d < bd) { bd = d; best = v; }
  }
  return best;
}

describe('NodeSnapper', () => {
  it('nearest(x, y) equals a brute-force search, inside and far outside the extent', () => {
    const [xs, ys] = points(3000, 11, 400);
    const snapper = new NodeSnapper(xs, ys);
    const [qx, qy] = points(500, 99, 900);
    for (let i = 0; i < qx.length; i++) {
      expect(snapper.nearest(qx[i], qy[i])).toBe(bruteNearest(xs, ys, qx[i], qy[i]));
    }
    expect(snapper.nearest(-50_000, 80_000)).toBe(bruteNearest(xs, ys, -50_000, 80_000));
  });

  it('respects the mask and maxDistM', () => {
    const [xs, ys] = points(800, 5, 300);
    const mask = new Uint8Array(800);
    for (let v = 0; v < 800; v += 3) mask[v] = 1;
    const snapper = new NodeSnapper(xs, ys, { mask });
    const [qx, qy] = points(200, 6, 300);
    const out = snapper.snapInto(qx, qy);
    for (let i = 0; i < qx.length; i++) {
      expect(out[i]).toBe(bruteNearest(xs, ys, qx[i], qy[i], mask));
      expect(out[i] % 3).toBe(0);
    }
    expect(snapper.nearest(1e6, 1e6, 100)).toBe(-1);
  });

  it('has no candidates when the mask is empty', () => {
    const snapper = new NodeSnapper(Float64Array.of(0, 1), Float64Array.of(0, 1), { mask: new Uint8Array(2) });
    expect(snapper.nearest(0, 0)).toBe(-1);
  });
});
