/**
 * KDE benchmark: `npx tsx analysis/bench/kde.ts` (a minute or two; `--quick` for 200,000 points).
 *
 * 1,000,000 clustered points (seeded: 60 Gaussian clusters of sigma 150-2,150 m plus 15%
 * background) on a 500 x 500 grid of 100 m cells; quartic h = 500 m and Gaussian sigma = 250 m.
 * The baseline is d3.contourDensity on the same points and grid with the same kernel variance
 * (bandwidth sigma for the Gaussian, h / sqrt 8 for the quartic), measured in the same run. Times
 * are the fastest of several runs, the methods interleaved in rounds so that load from other
 * processes on a shared machine hits them alike.
 *
 * Errors: the largest |density - exact| over all cells as a share of the maximum exact density.
 * "d3 density grid" re-runs d3's own density step (its binning + d3.blur2, no contouring) to
 * measure how far d3's surface is from the formula; for the quartic rows that includes the
 * difference of kernel shape (d3 always smooths with a Gaussian-like triple box blur).
 * The naive Turf approach (turf.distance for every point-cell pair, no spatial index) runs on
 * 1,000 points x 2,500 cells and is extrapolated to the full size by its cost per pair.
 * Results are printed as a markdown table; see the report of issue 3 for the figures measured.
 */
import * as d3 from 'd3';
import * as turf from '@turf/turf';
import { kdeExact } from '../../src/stats/kde_exact.ts';
import { kdeFast } from '../../src/stats/kde_fast.ts';
import type { Grid } from '../../src/stats/grid.ts';
import type { KernelName } from '../../src/stats/kernels.ts';
import { Random } from '../../src/routing/random.ts';

const quick = process.argv.includes('--quick');
/** Interleaved rounds (more rounds, better odds of a quiet moment on a shared machine). */
const ROUNDS = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 8;
const N = quick ? 200_000 : 1_000_000;
const CELL = 100;
const SIZE = 500;
const grid: Grid = { x0: 0, y0: 0, cellSizeM: CELL, width: SIZE, height: SIZE };

/** A seeded uniform generator in [0, 1) (the solver's mulberry32). */
function seeded(seed: number): () => number {
  const r = new Random(seed);
  return () => r.next();
}

function clusteredPoints(n: number): { xs: Float64Array; ys: Float64Array } {
  const rnd = seeded(1);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const K = 60;
  const span = SIZE * CELL;
  const cx = Array.from({ length: K }, () => 0.1 * span + rnd() * 0.8 * span);
  const cy = Array.from({ length: K }, () => 0.1 * span + rnd() * 0.8 * span);
  const cs = Array.from({ length: K }, () => 150 + rnd() * 2000);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (rnd() < 0.15) {
      xs[i] = rnd() * span;
      ys[i] = rnd() * span;
    } else {
      const k = (rnd() * K) | 0;
      xs[i] = cx[k] + gauss() * cs[k];
      ys[i] = cy[k] + gauss() * cs[k];
    }
  }
  return { xs, ys };
}

/**
 * Fastest wall time in ms of `runs` calls after one warm-up (the warm-up itself when runs = 0) (the minimum is the least disturbed
 * by other processes on a shared machine); returns the last result too.
 */
function time<T>(runs: number, f: () => T): { ms: number; value: T } {
  const a0 = performance.now();
  let value = f();
  let best = runs === 0 ? performance.now() - a0 : Infinity;
  for (let i = 0; i < runs; i++) {
    const a = performance.now();
    value = f();
    best = Math.min(best, performance.now() - a);
  }
  return { ms: best, value };
}

function errorOfMax(exact: Float64Array, other: ArrayLike<number>): number {
  let max = 0;
  let err = 0;
  for (let c = 0; c < exact.length; c++) {
    if (exact[c] > max) max = exact[c];
    const e = Math.abs(exact[c] - other[c]);
    if (e > err) err = e;
  }
  return err / max;
}

/** d3.contourDensity's density step alone (its binning and blur2), on our cells, in incidents/km². */
function d3Grid(xs: Float64Array, ys: Float64Array, bandwidthCells: number): Float64Array {
  const r = (Math.sqrt(4 * bandwidthCells * bandwidthCells + 1) - 1) / 2;
  const o = r * 3;
  const n = (SIZE + o * 2) >> 0;
  const m = (SIZE + o * 2) >> 0;
  const values = new Float32Array(n * m);
  for (let i = 0; i < xs.length; i++) {
    const xi = xs[i] / CELL + o;
    const yi = ys[i] / CELL + o;
    if (xi >= 0 && xi < n && yi >= 0 && yi < m) {
      const x0 = Math.floor(xi);
      const y0 = Math.floor(yi);
      const xt = xi - x0 - 0.5;
      const yt = yi - y0 - 0.5;
      values[x0 + y0 * n] += (1 - xt) * (1 - yt);
      values[x0 + 1 + y0 * n] += xt * (1 - yt);
      values[x0 + 1 + (y0 + 1) * n] += xt * yt;
      values[x0 + (y0 + 1) * n] += (1 - xt) * yt;
    }
  }
  d3.blur2({ data: values, width: n, height: m }, r);
  // Node i of d3's grid is centred on pixel i + 0.5 - o, i.e. on our cell i - o; o is not a whole
  // number, so d3's grid is read at our cell centres by bilinear interpolation. Per cell -> per km².
  const oi = Math.floor(o);
  const f = o - oi;
  const out = new Float64Array(SIZE * SIZE);
  const perKm2 = 1e6 / (CELL * CELL);
  const at = (i: number, j: number) => values[i + j * n];
  for (let row = 0; row < SIZE; row++) {
    for (let col = 0; col < SIZE; col++) {
      const i = col + oi;
      const j = row + oi;
      const v = (1 - f) * (1 - f) * at(i, j) + f * (1 - f) * (at(i + 1, j) + at(i, j + 1)) + f * f * at(i + 1, j + 1);
      out[col + row * SIZE] = v * perKm2;
    }
  }
  return out;
}

/** Naive Turf KDE: turf.distance for every (point, cell) pair, lon/lat from a local equirectangular frame. */
function turfNaive(xs: Float64Array, ys: Float64Array, cells: number, kernel: KernelName, h: number): Float64Array {
  const lat0 = 41.9;
  const lon0 = -87.9;
  const toLonLat = (x: number, y: number) => [lon0 + x / (111320 * Math.cos((lat0 * Math.PI) / 180)), lat0 + y / 110574];
  const pts = Array.from(xs, (x, i) => turf.point(toLonLat(x, ys[i])));
  const side = Math.round(Math.sqrt(cells));
  const out = new Float64Array(side * side);
  const reach = kernel === 'gaussian' ? 5 * h : h;
  for (let row = 0; row < side; row++) {
    for (let col = 0; col < side; col++) {
      // A block of cells in the middle of the grid.
      const c = turf.point(toLonLat((200 + col + 0.5) * CELL, (200 + row + 0.5) * CELL));
      let f = 0;
      for (const p of pts) {
        const d = turf.distance(c, p, { units: 'meters' });
        if (d >= reach) continue;
        const u = (d * d) / (h * h);
        f += kernel === 'gaussian' ? Math.exp(-u / 2) / (2 * Math.PI * h * h) : (3 / (Math.PI * h * h)) * (1 - u) * (1 - u);
      }
      out[col + row * side] = f * 1e6;
    }
  }
  return out;
}

const { xs, ys } = clusteredPoints(N);
const indices = Array.from({ length: N }, (_, i) => i);
const rows: string[] = [];
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
const pct = (e: number) => `${(100 * e).toFixed(3)}%`;

for (const [kernel, h] of [['quartic', 500], ['gaussian', 250]] as const) {
  const sigmaCells = (kernel === 'quartic' ? h / Math.sqrt(8) : h) / CELL;
  // Interleaved rounds, fastest per method: load from other processes hits every method alike.
  const runD3 = () =>
    d3
      .contourDensity<number>()
      .x((i) => xs[i] / CELL)
      .y((i) => ys[i] / CELL)
      .size([SIZE, SIZE])
      .cellSize(1)
      .bandwidth(sigmaCells)(indices);
  const d3full = { ms: Infinity };
  const d3grid = { ms: Infinity, value: new Float64Array(0) };
  const exact = { ms: Infinity, value: new Float64Array(0) };
  const fast = { ms: Infinity, value: new Float64Array(0) };
  for (let round = 0; round < ROUNDS; round++) {
    const a = time(2, runD3);
    const b = time(2, () => d3Grid(xs, ys, sigmaCells));
    const c = round < 3 ? time(0, () => kdeExact(grid, xs, ys, { kernel, bandwidthM: h })) : { ms: Infinity, value: exact.value };
    const d = time(4, () => kdeFast(grid, xs, ys, { kernel, bandwidthM: h }));
    d3full.ms = Math.min(d3full.ms, a.ms);
    if (b.ms < d3grid.ms) Object.assign(d3grid, b);
    if (c.ms < exact.ms) Object.assign(exact, c);
    if (d.ms < fast.ms) Object.assign(fast, d);
  }
  const base = d3full.ms;
  const line = (name: string, ms: number, err: string) =>
    rows.push(`| ${kernel} | ${name} | ${fmt(ms)} | ${(ms / base).toFixed(2)} | ${(base / ms).toFixed(1)}x | ${err} |`);
  line(`d3.contourDensity, bandwidth ${sigmaCells.toFixed(3)} cells (baseline)`, d3full.ms, 'see d3 grid');
  line("d3 density grid only (d3's binning + blur2)", d3grid.ms, pct(errorOfMax(exact.value, d3grid.value)));
  line('kdeExact (the formula)', exact.ms, kernel === 'gaussian' ? 'reference (5h truncation)' : 'reference');
  line('kdeFast (linear binning + corrected convolution)', fast.ms, pct(errorOfMax(exact.value, fast.value)));
  // Naive Turf on a subsample: 1,000 points x 50 x 50 cells, extrapolated per pair to N x 250,000.
  const sub = 1000;
  const cellsSub = 2500;
  const t0 = performance.now();
  turfNaive(xs.subarray(0, sub), ys.subarray(0, sub), cellsSub, kernel, h);
  const turfMs = performance.now() - t0;
  const extrapolated = turfMs * (N / sub) * ((SIZE * SIZE) / cellsSub);
  line(`naive Turf (turf.distance per pair), ${sub} points x ${cellsSub} cells: ${fmt(turfMs)}; extrapolated to the full size`, extrapolated, 'n/a (geodesic distances)');
}

console.log(`\nKDE, ${N.toLocaleString('en')} clustered points, ${SIZE} x ${SIZE} grid of ${CELL} m cells; fastest of several runs; baseline d3.contourDensity (same run)\n`);
console.log('| kernel | method | time | time / d3 | speed vs d3 | max error (% of max density) |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
console.log(`\nNode ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
