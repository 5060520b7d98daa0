/**
 * Gi* benchmark: `npx tsx analysis/bench/gistar.ts`.
 *
 * 250,000 cells (500 x 500 of 100 m) of clustered counts, binary band of 3 cells (300 m, 29
 * neighbours with self). Rows, all measured in the same run (fastest of several runs after a
 * warm-up):
 * - giStar: the grid path (row prefix sums: a few differences per cell whatever the band), with
 *   p-values; then z only; then with the Benjamini–Hochberg q and bins;
 * - giStarPoints: the same statistic with neighbour search through buckets (any layout);
 * - a weights-list baseline: explicit neighbour lists (CSR, as PySAL's W holds them) built, then
 *   Gi* summed over them — what a weights-matrix implementation does, here in typed arrays.
 * Every path must give the same z (largest difference printed).
 */
import { giStar } from '../../src/stats/gi_star.ts';
import { giStarPoints } from '../../src/stats/gi_star_points.ts';
import { benjaminiHochberg } from '../../src/stats/benjamini_hochberg.ts';
import { significanceBins } from '../../src/stats/significance_bins.ts';
import { twoSidedP } from '../../src/stats/normal.ts';
import { Random } from '../../src/routing/random.ts';

const SIZE = 500;
const CELL = 100;
const BAND = 3 * CELL;
const cells = SIZE * SIZE;
const grid = { x0: 0, y0: 0, cellSizeM: CELL, width: SIZE, height: SIZE };

/** A seeded uniform generator in [0, 1) (the solver's mulberry32). */
function seeded(seed: number): () => number {
  const r = new Random(seed);
  return () => r.next();
}

/** Counts: 400,000 incidents, 85% in 60 Gaussian clusters, binned to cells. */
function clusteredCounts(): Float64Array {
  const rnd = seeded(4);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const v = new Float64Array(cells);
  const K = 60;
  const cx = Array.from({ length: K }, () => rnd() * SIZE);
  const cy = Array.from({ length: K }, () => rnd() * SIZE);
  const cs = Array.from({ length: K }, () => 1 + rnd() * 15);
  for (let i = 0; i < 400_000; i++) {
    let x: number;
    let y: number;
    if (rnd() < 0.15) {
      x = rnd() * SIZE;
      y = rnd() * SIZE;
    } else {
      const k = (rnd() * K) | 0;
      x = cx[k] + gauss() * cs[k];
      y = cy[k] + gauss() * cs[k];
    }
    const col = Math.floor(x);
    const row = Math.floor(y);
    if (col >= 0 && col < SIZE && row >= 0 && row < SIZE) v[col + row * SIZE]++;
  }
  return v;
}

/** Fastest of `runs` calls after a warm-up, with the value of that fastest call. */
function time<T>(runs: number, f: () => T): { ms: number; value: T } {
  let value = f();
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const a = performance.now();
    const v = f();
    const ms = performance.now() - a;
    if (ms < best) {
      best = ms;
      value = v;
    }
  }
  return { ms: best, value };
}

/** Baseline: build explicit neighbour lists (CSR) by scanning each cell's square window, then sum Gi* over them. */
function weightsListGiStar(values: Float64Array): { z: Float64Array; p: Float64Array; buildMs: number } {
  const t0 = performance.now();
  const r = Math.floor(BAND / CELL);
  const b2 = (BAND / CELL) ** 2 * (1 + 1e-9);
  const start = new Int32Array(cells + 1);
  const nb: number[] = [];
  for (let row = 0; row < SIZE; row++) {
    for (let col = 0; col < SIZE; col++) {
      for (let dr = -r; dr <= r; dr++) {
        const rr = row + dr;
        if (rr < 0 || rr >= SIZE) continue;
        for (let dc = -r; dc <= r; dc++) {
          const cc = col + dc;
          if (cc < 0 || cc >= SIZE || dr * dr + dc * dc > b2) continue;
          nb.push(cc + rr * SIZE);
        }
      }
      start[col + row * SIZE + 1] = nb.length;
    }
  }
  const neighbours = Int32Array.from(nb);
  const buildMs = performance.now() - t0;
  let sum = 0;
  for (let c = 0; c < cells; c++) sum += values[c];
  const mean = sum / cells;
  let ss = 0;
  for (let c = 0; c < cells; c++) ss += (values[c] - mean) ** 2;
  const sd = Math.sqrt(ss / cells);
  const z = new Float64Array(cells);
  const p = new Float64Array(cells);
  for (let c = 0; c < cells; c++) {
    let sx = 0;
    for (let k = start[c]; k < start[c + 1]; k++) sx += values[neighbours[k]];
    const wi = start[c + 1] - start[c];
    z[c] = (sx - mean * wi) / (sd * Math.sqrt((cells * wi - wi * wi) / (cells - 1)));
    p[c] = twoSidedP(z[c]);
  }
  return { z, p, buildMs };
}

const values = clusteredCounts();
const { cx, cy } = (() => {
  const x = new Float64Array(cells);
  const y = new Float64Array(cells);
  for (let c = 0; c < cells; c++) {
    x[c] = ((c % SIZE) + 0.5) * CELL;
    y[c] = (Math.floor(c / SIZE) + 0.5) * CELL;
  }
  return { cx: x, cy: y };
})();

const grid_ = time(15, () => giStar(grid, values, BAND));
const zOnly = time(15, () => giStar(grid, values, BAND, { skipP: true }));
const withFdr = time(9, () => {
  const r = giStar(grid, values, BAND);
  const q = benjaminiHochberg(r.p);
  return { r, bins: significanceBins(r.z, q) };
});
const points = time(5, () => giStarPoints(cx, cy, values, BAND));
const wl = time(3, () => weightsListGiStar(values));
const base = wl.ms;

const maxDiff = (a: Float64Array, b: Float64Array) => {
  let d = 0;
  for (let c = 0; c < a.length; c++) d = Math.max(d, Math.abs(a[c] - b[c]));
  return d;
};
const rows: [string, number, string][] = [
  ['weights-list baseline (CSR neighbour lists built + summed, with p) — baseline', wl.ms, `build ${wl.value.buildMs.toFixed(1)} ms of it`],
  ['giStarPoints (bucket neighbour search, with p)', points.ms, `max |dz| vs baseline ${maxDiff(points.value.z, wl.value.z).toExponential(1)}`],
  ['giStar grid path (row prefix sums), z and p', grid_.ms, `max |dz| vs baseline ${maxDiff(grid_.value.z, wl.value.z).toExponential(1)}`],
  ['giStar grid path, z only', zOnly.ms, ''],
  ['giStar grid path + Benjamini–Hochberg q + bins', withFdr.ms, `${withFdr.value.bins.filter((b) => b > 0).length} hot cells (q-based)`],
];
console.log(`\nGi*, ${cells.toLocaleString('en')} cells (${SIZE} x ${SIZE}, ${CELL} m), band ${BAND} m (3 cells, ${grid_.value.halfWidths.reduce((a, h, i) => a + (i ? 2 : 1) * (2 * h + 1), 0)} neighbours incl. self); fastest of several runs, same run\n`);
console.log('| method | time | time / baseline | speed-up | note |');
console.log('|---|---|---|---|---|');
for (const [name, ms, note] of rows) console.log(`| ${name} | ${ms.toFixed(1)} ms | ${(ms / base).toFixed(3)} | ${(base / ms).toFixed(1)}x | ${note} |`);
console.log(`\nGoal: the grid path under 50 ms. Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
