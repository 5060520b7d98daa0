import { describe, expect, it } from 'vitest';
import { RoutePool } from './route_pool.ts';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0), s / 4294967296);
}

/** Brute force: best total over one route (or none) per unit, classes respected, disjoint. */
function brute(routes: { cls: number; stops: number[]; score: number }[], unitsPerClass: number[]): number {
  const slots = unitsPerClass.flatMap((u, k) => Array<number>(u).fill(k));
  let best = 0;
  const go = (s: number, used: Set<number>, taken: Set<number>, value: number) => {
    if (value > best) best = value;
    if (s === slots.length) return;
    go(s + 1, used, taken, value);
    routes.forEach((r, i) => {
      if (r.cls !== slots[s] || taken.has(i) || r.stops.some((x) => used.has(x))) return;
      const u2 = new Set(used);
      r.stops.forEach((x) => u2.add(x));
      go(s + 1, u2, new Set(taken).add(i), value + r.score);
    });
  };
  go(0, new Set(), new Set(), 0);
  return best;
}

describe('RoutePool', () => {
  it('bestCombination finds the best disjoint routes, one per unit of each class', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const rnd = lcg(seed);
      const n = 40;
      const unitsPerClass = seed % 3 === 0 ? [3] : [2, 1];
      const pool = new RoutePool(n, unitsPerClass);
      const routes: { cls: number; stops: number[]; score: number }[] = [];
      // A route's score is the sum of its stops' values, as in the solver.
      const w = Array.from({ length: n }, () => Math.round(rnd() * 10));
      for (let k = 0; k < 12; k++) {
        const cls = Math.floor(rnd() * unitsPerClass.length);
        const stops = [...new Set(Array.from({ length: 2 + Math.floor(rnd() * 6) }, () => Math.floor(rnd() * n)))];
        const score = stops.reduce((t, x) => t + w[x], 0);
        routes.push({ cls, stops, score });
        pool.add(cls, Int32Array.from(stops), score, 1);
      }
      const expected = brute(routes, unitsPerClass);
      const got = pool.bestCombination(0, 1e-9);
      if (expected === 0) { expect(got).toBeNull(); continue; }
      expect(got!.value).toBe(expected);
      // The routes returned are disjoint and add up to the value.
      const seen = new Set<number>();
      let sum = 0;
      got!.routes.forEach((list, k) => {
        expect(list.length).toBeLessThanOrEqual(unitsPerClass[k]);
        for (const r of list) {
          for (const x of r) { expect(seen.has(x)).toBe(false); seen.add(x); }
          sum += routes.find((q) => q.cls === k && q.stops.length === r.length && q.stops.every((x) => r.includes(x)))!.score;
        }
      });
      expect(sum).toBe(expected);
      expect(pool.bestCombination(expected, 1e-9)).toBeNull();
    }
  });

  it('keeps the shorter of two routes over the same stops', () => {
    const pool = new RoutePool(10, [1]);
    pool.add(0, Int32Array.of(1, 2, 3), 9, 50);
    pool.add(0, Int32Array.of(3, 1, 2), 9, 40);
    pool.add(0, Int32Array.of(2, 1, 3), 9, 45);
    expect(pool.size).toBe(1);
    expect(Array.from(pool.bestCombination(0, 1e-9)!.routes[0][0])).toEqual([3, 1, 2]);
  });
});
