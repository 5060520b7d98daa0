/**
 * The `analyse` request of the app worker: filter the incidents held in memory and compute every
 * layer the workspace draws, by calling the statistics core (src/stats). This is a shell: it
 * picks defaults the way DESIGN.md says, records why, and converts results for transfer; the
 * statistics themselves are in src/stats.
 *
 * Long phases are separated by `checkpoint`, which yields to the worker's event loop (so a
 * `cancel` message can arrive) and throws if the request was cancelled.
 */
import type { IncidentColumns } from '../data/incident_columns.ts';
import { monthIndexOf } from '../data/incident_columns.ts';
import type { IncidentFilter } from '../data/incidents.ts';
import { projector, type Projector } from '../geo/projection.ts';
import { cellCentres, cellIndexOf, defaultCellSizeM, extentOf, gridForExtent, type Extent, type Grid } from '../stats/grid.ts';
import { countPointsOnGrid } from '../stats/grid_counts.ts';
import { kde } from '../stats/kde.ts';
import { silvermanBandwidthM } from '../stats/silverman_bandwidth.ts';
import { giStar } from '../stats/gi_star.ts';
import { benjaminiHochberg } from '../stats/benjamini_hochberg.ts';
import { significanceBins } from '../stats/significance_bins.ts';
import { defaultHotSpotBandM } from '../stats/hot_spot_band.ts';
import { hullMask } from '../stats/study_area.ts';
import { timeProfiles } from '../stats/time_profiles.ts';
import { spaceTimeCube } from '../stats/space_time_cube.ts';
import { emergingHotSpots } from '../stats/emerging_hot_spots.ts';
import type { KernelName } from '../stats/kernels.ts';
import { selectIncidents } from './select_incidents.ts';
import { beatAt, nearestStreetName, type BeatIndex, type StreetNameIndex } from './study_context.ts';
import type { AnalysisParams, AnalysisResult, Corners, Explained, TopCell } from './analysis_types.ts';

/** Most incidents drawn one by one; above it the map gets one point per block of cells. */
export const POINT_LIMIT = 50_000;
/** Largest grid the workspace computes (cells). */
export const MAX_CELLS = 4_000_000;
/** Largest space-time cube (cells x months) for emerging hot spots; coarser cells beyond it. */
export const EMERGING_BUDGET = 2_000_000;
/** Cells per side of the blocks incidents are merged into above POINT_LIMIT. */
const POINT_BLOCK_CELLS = 4;

/** Incidents in memory with what depends only on them (not on the filter). */
export interface LoadedDataset {
  cols: IncidentColumns;
  extent: Extent | null;
  toLonLat: Projector | null;
  /** Grid and study-area mask per cell size. */
  grids: Map<number, { grid: Grid; mask: Uint8Array }>;
}

export interface StudyContext {
  beats: BeatIndex | null;
  streets: StreetNameIndex | null;
}

export function loadedDataset(cols: IncidentColumns): LoadedDataset {
  const extent = cols.n ? extentOf(cols.xs, cols.ys) : null;
  return { cols, extent, toLonLat: extent && cols.crs ? projector(cols.crs, 'EPSG:4326') : null, grids: new Map() };
}

const tick = () => new Promise<void>((ok) => setTimeout(ok, 0));

/**
 * The study-area mask of hullMask (stats/study_area.ts), without sorting a million points: points
 * strictly inside the octagon of the extreme points in eight directions (Akl & Toussaint 1978)
 * cannot be corners of the convex hull, so the hull is taken over the others only; cells holding
 * an incident are marked from one pass. Same mask as hullMask(grid, xs, ys).
 */
export function studyMask(grid: Grid, xs: Float64Array, ys: Float64Array): Uint8Array {
  const { x0, y0, cellSizeM: s, width, height } = grid;
  const n = xs.length;
  const occupied = new Uint8Array(width * height);
  // Extreme points along x, y, x + y and x - y (both ways).
  const best = new Float64Array(8).fill(-Infinity);
  const at = new Int32Array(8).fill(-1);
  for (let i = 0; i < n; i++) {
    const x = xs[i], y = ys[i];
    if (!(Number.isFinite(x) && Number.isFinite(y))) continue;
    const col = Math.floor((x - x0) / s), row = Math.floor((y - y0) / s);
    if (col >= 0 && col < width && row >= 0 && row < height) occupied[col + row * width] = 1;
    if (x > best[0]) { best[0] = x; at[0] = i; }
    if (x + y > best[1]) { best[1] = x + y; at[1] = i; }
    if (y > best[2]) { best[2] = y; at[2] = i; }
    if (y - x > best[3]) { best[3] = y - x; at[3] = i; }
    if (-x > best[4]) { best[4] = -x; at[4] = i; }
    if (-x - y > best[5]) { best[5] = -x - y; at[5] = i; }
    if (-y > best[6]) { best[6] = -y; at[6] = i; }
    if (x - y > best[7]) { best[7] = x - y; at[7] = i; }
  }
  // The octagon, counter-clockwise (directions in angular order), repeated corners dropped.
  const poly: [number, number][] = [];
  for (let k = 0; k < 8; k++) {
    if (at[k] < 0) continue;
    const p: [number, number] = [xs[at[k]], ys[at[k]]];
    const q = poly[poly.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) poly.push(p);
  }
  while (poly.length > 1 && poly[0][0] === poly[poly.length - 1][0] && poly[0][1] === poly[poly.length - 1][1]) poly.pop();
  const strictlyInside = (x: number, y: number) => {
    if (poly.length < 3) return false;
    for (let e = 0; e < poly.length; e++) {
      const a = poly[e], b = poly[(e + 1) % poly.length];
      if (!((b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]) > 0)) return false;
    }
    return true;
  };
  const cx: number[] = [], cy: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!(Number.isFinite(xs[i]) && Number.isFinite(ys[i])) || strictlyInside(xs[i], ys[i])) continue;
    cx.push(xs[i]);
    cy.push(ys[i]);
  }
  const mask = hullMask(grid, cx, cy);
  for (let c = 0; c < mask.length; c++) if (occupied[c]) mask[c] = 1;
  return mask;
}

function gridFor(ds: LoadedDataset, cellSizeM: number): { grid: Grid; mask: Uint8Array } {
  let g = ds.grids.get(cellSizeM);
  if (!g) {
    const grid = gridForExtent(ds.extent!, cellSizeM);
    if (grid.width * grid.height > MAX_CELLS) {
      throw new RangeError(`a cell size of ${cellSizeM} m gives ${grid.width * grid.height} cells; the workspace draws at most ${MAX_CELLS}: choose a larger cell`);
    }
    g = { grid, mask: studyMask(grid, ds.cols.xs, ds.cols.ys) };
    ds.grids.set(cellSizeM, g);
  }
  return g;
}

function cornersOf(grid: Grid, toLonLat: Projector): Corners {
  const { x0, y0, cellSizeM: s, width, height } = grid;
  const x1 = x0 + width * s, y1 = y0 + height * s;
  return [toLonLat.forward(x0, y1), toLonLat.forward(x1, y1), toLonLat.forward(x1, y0), toLonLat.forward(x0, y0)];
}

const emptyTime = () => ({ dowHour: new Float64Array(168), hourKnown: 0, hourUnknown: 0, dowKnown: 0, dowUnknown: 0, firstMonth: 0, months: 0, byCategory: [] });

function emptyResult(total: number, crs: string): AnalysisResult {
  const grid = { x0: 0, y0: 0, cellSizeM: 1, width: 0, height: 0 };
  const none: Explained = { value: 0, given: false, reason: 'reason.none', vars: {} };
  return {
    selected: 0, total, crs, hasData: false, grid, corners: [[0, 0], [0, 0], [0, 0], [0, 0]],
    cellSizeM: none, bandwidthM: none, bandM: none,
    kernel: { value: 'quartic', given: false, reason: 'reason.kernel.default', vars: {} },
    fdr: { value: true, given: false, reason: 'reason.none', vars: {} },
    kde: { mode: 'exact', maxDensity: 0, accuracy: '' },
    counts: new Float32Array(0), density: new Float32Array(0), z: new Float32Array(0), bins: new Int8Array(0), mask: new Uint8Array(0),
    maxCount: 0, binCounts: [0, 0, 0, 0, 0, 0, 0], emerging: null, top: [], lastMonth: null, time: emptyTime(),
    points: { lon: new Float32Array(0), lat: new Float32Array(0), n: new Uint32Array(0), row: new Int32Array(0), category: new Uint16Array(0), aggregated: false },
    categories: [], notes: [], timings: {},
  };
}

/** Analyse the incidents the filter keeps. */
export async function analyse(
  ds: LoadedDataset,
  filter: IncidentFilter,
  params: AnalysisParams,
  ctx: StudyContext,
  signal: AbortSignal,
): Promise<AnalysisResult> {
  const cols = ds.cols;
  if (!ds.extent || !ds.toLonLat) return emptyResult(cols.n, cols.crs);
  const timings: Record<string, number> = {};
  let t0 = performance.now();
  const lap = async (name: string) => {
    const t = performance.now();
    timings[name] = Math.round((t - t0) * 10) / 10;
    await tick();
    signal.throwIfAborted();
    t0 = performance.now();
  };
  const notes: string[] = [];

  // Selection, as compact planar coordinates.
  const sel = selectIncidents(cols, filter);
  const m = sel.length;
  const sx = new Float64Array(m), sy = new Float64Array(m);
  const sm = new Int32Array(m);
  let minMonth = Infinity, maxMonth = -Infinity;
  let firstStored = Infinity;
  for (let i = 0; i < cols.n; i++) if (cols.monthIndex[i] < firstStored) firstStored = cols.monthIndex[i];
  for (let k = 0; k < m; k++) {
    const i = sel[k];
    sx[k] = cols.xs[i];
    sy[k] = cols.ys[i];
    const mi = cols.monthIndex[i];
    sm[k] = mi;
    if (mi < minMonth) minMonth = mi;
    if (mi > maxMonth) maxMonth = mi;
  }
  await lap('select');

  // Grid: DESIGN.md's default cell size from the extent of all stored incidents, so the grid
  // (and the cells of the top-10 table) stay put while filters change.
  let cellSizeM: Explained;
  if (params.cellSizeM !== undefined) {
    if (!(params.cellSizeM > 0) || !Number.isFinite(params.cellSizeM)) throw new RangeError(`cell size must be > 0 m, got ${params.cellSizeM}`);
    cellSizeM = { value: params.cellSizeM, given: true, reason: 'reason.given', vars: {} };
  } else {
    const d = defaultCellSizeM(ds.extent);
    const shorter = Math.min(ds.extent.maxX - ds.extent.minX, ds.extent.maxY - ds.extent.minY);
    cellSizeM = { value: d.value, given: false, reason: 'reason.cell.default', vars: { shorter: Math.round(shorter) } };
  }
  const { grid, mask } = gridFor(ds, cellSizeM.value);
  const cells = grid.width * grid.height;
  const counts = countPointsOnGrid(grid, sx, sy).values;
  let maxCount = 0;
  for (let c = 0; c < cells; c++) if (counts[c] > maxCount) maxCount = counts[c];
  await lap('grid');

  // KDE at the cell centres.
  const kernel: Explained<KernelName> = params.kernel
    ? { value: params.kernel, given: true, reason: 'reason.given', vars: {} }
    : { value: 'quartic', given: false, reason: 'reason.kernel.default', vars: {} };
  let bandwidthM: Explained;
  if (params.bandwidthM !== undefined) {
    if (!(params.bandwidthM > 0) || !Number.isFinite(params.bandwidthM)) throw new RangeError(`bandwidth must be > 0 m, got ${params.bandwidthM}`);
    bandwidthM = { value: params.bandwidthM, given: true, reason: 'reason.given', vars: {} };
  } else {
    const s = silvermanBandwidthM(sx, sy);
    bandwidthM = s
      ? { value: Math.round(s.value), given: false, reason: 'reason.bandwidth.silverman', vars: { sd: Math.round(s.sdM), dm: Math.round(s.medianDistanceM), n: s.n } }
      : { value: grid.cellSizeM, given: false, reason: 'reason.bandwidth.undefined', vars: {} };
  }
  const k = kde(grid, sx, sy, { kernel: kernel.value, bandwidthM: bandwidthM.value });
  await lap('kde');

  // Gi* on the counts of every cell of the study area, empty ones included.
  let bandM: Explained;
  if (params.bandM !== undefined) {
    if (!(params.bandM >= grid.cellSizeM) || !Number.isFinite(params.bandM)) {
      throw new RangeError(`the Gi* band must be at least one cell (${grid.cellSizeM} m), got ${params.bandM}`);
    }
    bandM = { value: params.bandM, given: true, reason: 'reason.given', vars: {} };
  } else {
    const chosen = defaultHotSpotBandM(grid, counts, mask);
    const i = chosen.profile.findIndex((r) => r.bandM === chosen.value);
    const r = chosen.profile[i];
    const peak = i > 0 && i + 1 < chosen.profile.length && r.z > 1.96 && r.z > chosen.profile[i - 1].z && r.z >= chosen.profile[i + 1].z;
    bandM = peak
      ? { value: chosen.value, given: false, reason: 'reason.band.peak', vars: { z: Math.round(r.z * 100) / 100, cells: chosen.value / grid.cellSizeM } }
      : { value: chosen.value, given: false, reason: 'reason.band.fallback', vars: { cells: chosen.value / grid.cellSizeM } };
  }
  const gi = giStar(grid, counts, bandM.value, { mask });
  const fdr: Explained<boolean> = params.fdr !== undefined
    ? { value: params.fdr, given: true, reason: 'reason.given', vars: {} }
    : { value: true, given: false, reason: 'reason.fdr.default', vars: { cells: gi.n } };
  const bins = significanceBins(gi.z, fdr.value ? benjaminiHochberg(gi.p) : gi.p);
  const binCounts = [0, 0, 0, 0, 0, 0, 0];
  for (let c = 0; c < cells; c++) if (mask[c]) binCounts[bins[c] + 3]++;
  for (const note of gi.notes) notes.push(`Gi*: ${note}`);
  await lap('gistar');

  // Top cells: most incidents, ties broken by the higher Gi* z.
  const topCells: number[] = [];
  for (let c = 0; c < cells; c++) {
    if (!(counts[c] > 0)) continue;
    if (topCells.length === 10) {
      const last = topCells[9];
      if (counts[c] < counts[last] || (counts[c] === counts[last] && !(gi.z[c] > gi.z[last]))) continue;
      topCells.pop();
    }
    let at = topCells.length;
    while (at > 0 && (counts[topCells[at - 1]] < counts[c] || (counts[topCells[at - 1]] === counts[c] && gi.z[topCells[at - 1]] < gi.z[c]))) at--;
    topCells.splice(at, 0, c);
  }
  // "Change from last month": the same filter over the last month of the period and the one before.
  const lastMonth = m ? (filter.toMonth ? Math.min(monthIndexOf(filter.toMonth), maxMonth) : maxMonth) : null;
  const perMonth = new Map<number, [number, number]>(topCells.map((c) => [c, [0, 0]]));
  const areaVotes = new Map<number, Map<number, number>>(topCells.map((c) => [c, new Map()]));
  if (lastMonth !== null && topCells.length) {
    const label = (mi: number) => `${1970 + Math.floor(mi / 12)}-${String((mi % 12) + 1).padStart(2, '0')}`;
    const recent = selectIncidents(cols, { ...filter, fromMonth: label(lastMonth - 1), toMonth: label(lastMonth) });
    for (let k2 = 0; k2 < recent.length; k2++) {
      const i = recent[k2];
      const pm = perMonth.get(cellIndexOf(grid, cols.xs[i], cols.ys[i]));
      if (pm) pm[cols.monthIndex[i] === lastMonth ? 0 : 1]++;
    }
    for (let k2 = 0; k2 < m; k2++) {
      const votes = areaVotes.get(cellIndexOf(grid, sx[k2], sy[k2]));
      const a = cols.areaCode[sel[k2]];
      if (votes && a) votes.set(a, (votes.get(a) ?? 0) + 1);
    }
  }
  const centres = cellCentres(grid);
  const top: TopCell[] = topCells.map((c, r) => {
    const col = c % grid.width, row = (c - col) / grid.width;
    const [lon, lat] = ds.toLonLat!.forward(centres.cx[c], centres.cy[c]);
    const s = grid.cellSizeM, x = grid.x0 + col * s, y = grid.y0 + row * s;
    const ring = ([[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]] as const).map(([a, b]) => ds.toLonLat!.forward(a, b));
    let beat = ctx.beats ? beatAt(ctx.beats, lon, lat) : '';
    if (!beat) {
      let best = 0;
      for (const [code, n] of areaVotes.get(c) ?? []) if (n > best) { best = n; beat = cols.areas[code] ?? ''; }
    }
    const [lastN, prevN] = perMonth.get(c) ?? [0, 0];
    return {
      rank: r + 1, cell: c, col, row, lon, lat, ring, beat,
      street: ctx.streets ? nearestStreetName(ctx.streets, lon, lat) : '',
      count: counts[c], lastMonth: lastN, previousMonth: lastMonth !== null && lastMonth - 1 >= firstStored ? prevN : null, z: gi.z[c], bin: bins[c],
    };
  });
  await lap('top');

  // Time profiles over the selection.
  const selMask = new Uint8Array(cols.n);
  for (let k2 = 0; k2 < m; k2++) selMask[sel[k2]] = 1;
  const tp = timeProfiles(cols, selMask);
  const byCategory = [...tp.byCategory].sort((a, b) => sum(b.counts) - sum(a.counts));
  await lap('time');

  // Points for the incident layer.
  const points = m <= POINT_LIMIT ? incidentPoints(cols, sel) : blockPoints(cols, sel, grid, POINT_BLOCK_CELLS);
  if (points.aggregated) notes.push(`over ${POINT_LIMIT} incidents: drawn merged per block of ${POINT_BLOCK_CELLS} x ${POINT_BLOCK_CELLS} cells`);
  await lap('points');

  // Emerging hot spots, on request: monthly Gi* over the period's months.
  let emerging: AnalysisResult['emerging'] = null;
  if (params.emerging && m) {
    const first = filter.fromMonth ? monthIndexOf(filter.fromMonth) : minMonth;
    const last = filter.toMonth ? monthIndexOf(filter.toMonth) : maxMonth;
    const steps = Math.max(1, last - first + 1);
    let factor = 1;
    let ge = gridFor(ds, grid.cellSizeM);
    while (ge.grid.width * ge.grid.height * steps > EMERGING_BUDGET) {
      factor++;
      ge = gridFor(ds, grid.cellSizeM * factor);
    }
    const bandE = Math.max(bandM.value, 2 * ge.grid.cellSizeM);
    const cube = spaceTimeCube(ge.grid, sx, sy, sm, first, steps);
    const e = emergingHotSpots(ge.grid, cube.counts, steps, bandE, { mask: ge.mask });
    const eNotes: string[] = [];
    if (steps < 10) eNotes.push('emerging.fewSteps');
    emerging = { grid: ge.grid, corners: cornersOf(ge.grid, ds.toLonLat), category: e.category, counts: e.counts, steps, bandM: bandE, cellFactor: factor, notes: eNotes };
    await lap('emerging');
  }

  return {
    selected: m, total: cols.n, crs: cols.crs, hasData: true, grid, corners: cornersOf(grid, ds.toLonLat),
    cellSizeM, bandwidthM, kernel, bandM, fdr,
    kde: { mode: k.params.mode, maxDensity: k.maxDensity, accuracy: k.accuracy },
    counts: Float32Array.from(counts), density: Float32Array.from(k.density), z: Float32Array.from(gi.z), bins, mask: mask.slice(),
    maxCount, binCounts, emerging, top, lastMonth,
    time: { dowHour: tp.dowHour, hourKnown: tp.hourKnown, hourUnknown: tp.hourUnknown, dowKnown: tp.dowKnown, dowUnknown: tp.dowUnknown, firstMonth: tp.firstMonth, months: tp.months, byCategory },
    points, categories: cols.categories, notes, timings,
  };
}

const sum = (a: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
};

function incidentPoints(cols: IncidentColumns, sel: Uint32Array): AnalysisResult['points'] {
  const m = sel.length;
  const lon = new Float32Array(m), lat = new Float32Array(m), n = new Uint32Array(m).fill(1), row = new Int32Array(m), category = new Uint16Array(m);
  for (let k = 0; k < m; k++) {
    const i = sel[k];
    lon[k] = cols.lons[i];
    lat[k] = cols.lats[i];
    row[k] = i;
    category[k] = cols.categoryCode[i];
  }
  return { lon, lat, n, row, category, aggregated: false };
}

/** One point per occupied block of `b` x `b` cells, at the mean lon/lat of its incidents; row = -1. */
function blockPoints(cols: IncidentColumns, sel: Uint32Array, grid: Grid, b: number): AnalysisResult['points'] {
  const bw = Math.ceil(grid.width / b), bh = Math.ceil(grid.height / b);
  const s = grid.cellSizeM * b;
  const nIn = new Uint32Array(bw * bh), sLon = new Float64Array(bw * bh), sLat = new Float64Array(bw * bh);
  const catOf = new Uint16Array(bw * bh);
  for (let k = 0; k < sel.length; k++) {
    const i = sel[k];
    const col = Math.floor((cols.xs[i] - grid.x0) / s), row = Math.floor((cols.ys[i] - grid.y0) / s);
    if (!(col >= 0 && col < bw && row >= 0 && row < bh)) continue;
    const c = col + row * bw;
    nIn[c]++;
    sLon[c] += cols.lons[i];
    sLat[c] += cols.lats[i];
    catOf[c] = cols.categoryCode[i];
  }
  let occupied = 0;
  for (let c = 0; c < nIn.length; c++) if (nIn[c]) occupied++;
  const lon = new Float32Array(occupied), lat = new Float32Array(occupied), n = new Uint32Array(occupied), row = new Int32Array(occupied).fill(-1), category = new Uint16Array(occupied);
  for (let c = 0, k = 0; c < nIn.length; c++) {
    if (!nIn[c]) continue;
    lon[k] = sLon[c] / nIn[c];
    lat[k] = sLat[c] / nIn[c];
    n[k] = nIn[c];
    category[k] = catOf[c];
    k++;
  }
  return { lon, lat, n, row, category, aggregated: true };
}

/** The buffers of a result, to transfer rather than copy. */
export function transferables(r: AnalysisResult): Transferable[] {
  const arrays: ArrayBufferView[] = [
    r.counts, r.density, r.z, r.bins, r.mask, r.time.dowHour,
    r.points.lon, r.points.lat, r.points.n, r.points.row, r.points.category,
    ...r.time.byCategory.map((b) => b.counts),
  ];
  if (r.emerging) arrays.push(r.emerging.category);
  const seen = new Set<ArrayBufferLike>();
  for (const a of arrays) seen.add(a.buffer);
  return [...seen] as Transferable[];
}
