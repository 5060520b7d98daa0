/**
 * The patrol solver on instances of the Chao, Golden & Wasil team orienteering benchmark
 * (fixtures/top, see SOURCE.md there). Every plan is checked with an independent route-length
 * computation on the instance's points. The full benchmark is analysis/bench/top.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseChaoInstance, type ChaoInstance } from '../../src/routing/chao_instance.ts';
import { solveTeamOrienteering } from '../../src/routing/team_orienteering.ts';

const fixture = (name: string): ChaoInstance =>
  parseChaoInstance(readFileSync(new URL(`./fixtures/top/${name}.txt`, import.meta.url), 'utf8'), name);

/** Read the instance again, by hand: points as [x, y, score]. */
function rawPoints(name: string): { tmax: number; m: number; pts: number[][] } {
  const lines = readFileSync(new URL(`./fixtures/top/${name}.txt`, import.meta.url), 'utf8').trim().split(/\r?\n/);
  return {
    m: Number(lines[1].split(/\s+/)[1]),
    tmax: Number(lines[2].split(/\s+/)[1]),
    pts: lines.slice(3).map((l) => l.trim().split(/\s+/).map(Number)),
  };
}

/** Score of a plan given as point indices, after checking length, coverage and route count. */
function checkedScore(name: string, routes: number[][]): number {
  const { tmax, m, pts } = rawPoints(name);
  expect(routes.length).toBe(m);
  const seen = new Set<number>();
  let score = 0;
  for (const route of routes) {
    const seq = [0, ...route, pts.length - 1];
    let len = 0;
    for (let k = 1; k < seq.length; k++) len += Math.hypot(pts[seq[k]][0] - pts[seq[k - 1]][0], pts[seq[k]][1] - pts[seq[k - 1]][1]);
    if (route.length > 0) expect(len).toBeLessThanOrEqual(tmax);
    for (const p of route) {
      expect(p > 0 && p < pts.length - 1).toBe(true);
      expect(seen.has(p)).toBe(false);
      seen.add(p);
      score += pts[p][2];
    }
  }
  return score;
}

/** Solve and return the plan as point indices (stop i is point i + 1). */
function solve(name: string, seed = 1): number[][] {
  const res = solveTeamOrienteering(fixture(name).problem, { seed, timeLimitMs: 5000 });
  return res.routes.map((r) => Array.from(r, (i) => i + 1));
}

/**
 * Exact optimum of a small instance: every elementary start-to-end path within tmax (depth-first,
 * pruned by the distance back to the end), the shortest length per set of points, then the best
 * m disjoint sets by branch and bound. Only for instances with few reachable points.
 */
function exactOptimum(name: string): number {
  const { tmax, m, pts } = rawPoints(name);
  const N = pts.length, E = N - 1;
  const d = (a: number, b: number) => Math.hypot(pts[a][0] - pts[b][0], pts[a][1] - pts[b][1]);
  const stops = Array.from({ length: N - 2 }, (_, k) => k + 1).filter((i) => d(0, i) + d(i, E) <= tmax);
  const bit = new Map(stops.map((p, k) => [p, 2 ** k]));
  const sets = new Map<number, number>(); // bitmask (as a float, exact up to 2^53) -> score
  const dfs = (at: number, len: number, mask: number, score: number) => {
    if (len + d(at, E) <= tmax) sets.set(mask, score);
    for (const j of stops) {
      const b = bit.get(j)!;
      if (Math.floor(mask / b) % 2 === 1) continue;
      const l = len + d(at, j);
      if (l + d(j, E) <= tmax) dfs(j, l, mask + b, score + pts[j][2]);
    }
  };
  dfs(0, 0, 0, 0);
  const items = [...sets.entries()].sort((a, b) => b[1] - a[1]);
  const disjoint = (a: number, b: number) => {
    for (let x = a, y = b; x > 0 && y > 0; x = Math.floor(x / 2), y = Math.floor(y / 2)) if (x % 2 === 1 && y % 2 === 1) return false;
    return true;
  };
  let best = 0;
  const bb = (from: number, k: number, chosen: number[], value: number) => {
    if (value > best) best = value;
    if (k === m) return;
    for (let i = from; i < items.length; i++) {
      const [mask, s] = items[i];
      if (value + s * (m - k) <= best) return;
      if (chosen.every((c) => disjoint(c, mask))) bb(i + 1, k + 1, [...chosen, mask], value + s);
    }
  };
  bb(0, 0, [], 0);
  return best;
}

describe('team orienteering benchmark instances (Chao et al. 1996)', () => {
  for (const [name, bks] of [['p3.4.k', 350], ['p4.2.c', 452], ['p4.4.j', 732], ['p7.2.e', 290]] as const) {
    it(`${name} reaches the best-known score ${bks}`, () => {
      expect(checkedScore(name, solve(name))).toBe(bks);
    });
  }

  for (const [name, listed, optimum] of [['p1.3.h', 75, 70], ['p2.3.h', 170, 165]] as const) {
    it(`${name}: the listed score ${listed} is out of reach, the solver finds the optimum ${optimum}`, () => {
      expect(exactOptimum(name)).toBe(optimum);
      expect(checkedScore(name, solve(name))).toBe(optimum);
    });
  }

  it('p4.2.p: a feasible plan of 1242, above the listed 1241 (found by the solver)', () => {
    const plan = [
      [30, 57, 73, 16, 64, 40, 58, 54, 72, 77, 27, 95, 83, 93, 37, 61, 91, 25, 46, 5, 13, 1, 90, 15, 75, 12, 17, 2, 48, 19, 31, 8, 36, 45, 39, 62, 55, 74, 78, 24],
      [96, 41, 86, 92, 3, 50, 47, 23, 7, 14, 67, 9, 79, 81, 29, 53, 42, 51, 59, 28, 38, 20, 26, 32, 88, 22, 80, 69, 10, 85, 52, 34, 43, 87, 94, 18, 11, 63, 84, 60, 98, 6, 76, 49, 89],
    ];
    expect(checkedScore('p4.2.p', plan)).toBe(1242);
  });

  it('uses a whole budget to the last digit: p7.2.a-like single stop at exactly tmax', () => {
    // Start and end at (0, 0), tmax 10: a stop at distance 5 (round trip exactly 10) must be taken.
    const inst = parseChaoInstance('n 4\nm 1\ntmax 10\n0 0 0\n5 0 7\n0 6 9\n0 0 0\n');
    const res = solveTeamOrienteering(inst.problem, { seed: 1 });
    expect(res.value).toBe(7);
    expect(Array.from(res.routes[0])).toEqual([0]);
  });
});
