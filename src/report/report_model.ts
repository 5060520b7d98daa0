/**
 * The monthly hot-spot report as data (issue 6): from incidents and parameters to one plain
 * object holding every figure, table, map layer and chart series of the report, with the methods
 * and parameters used and why. Pure: no DOM, no files, no DuckDB; render_html.ts turns it into
 * HTML in English or Lithuanian, so the model holds numbers and keys, never sentences.
 *
 * What the report month T uses (incidents after T are ignored, as if the report were run at the
 * end of T):
 * - headline: counts per category in T, T-1 and T-12, and the mean of the 12 months before T;
 * - hot-spot map: quartic KDE of T's incidents on a fine display grid, Getis–Ord Gi* of T's counts
 *   on the analysis grid (FDR-corrected bins), streets and boundary outlines, all in the planar CRS;
 * - top hot spots: the cells with most incidents in T (ties: higher Gi* z), named by area and street;
 * - emerging hot spots over the `emergingMonths` months ending at T, and the same window ending at
 *   T-1, compared cell by cell;
 * - day-of-week x hour over the 12 months ending at T, and T's hours, where times are known;
 * - forecast: how last month's hot spots (naive counts, and last month's Gi* hot cells) caught T's
 *   incidents, every default method beside it, and the method a 12-month backtest recommends;
 * - patrol stops per shift (when a street network is given): the cells with most incidents in the
 *   shift's hours over the last 12 months, snapped to the nearest street;
 * - data quality from the import summary.
 */
import type { IncidentColumns } from '../data/incident_columns.ts';
import type { IngestSummary } from '../data/ingest.ts';
import type { StreetNetwork } from '../geo/streets/street_network.ts';
import { buildEdgeIndex, nearestEdge, nearestEdgeName, type EdgeIndex } from '../geo/streets/nearest_edge.ts';
import { projector } from '../geo/projection.ts';
import { RoadClass } from '../routing/road_class.ts';
import { extentOf, gridForExtent, gridFromOrigin, type Extent, type Grid } from '../stats/grid.ts';
import { countPointsOnGrid } from '../stats/grid_counts.ts';
import { hullMask } from '../stats/study_area.ts';
import { kde } from '../stats/kde.ts';
import type { KernelName } from '../stats/kernels.ts';
import { silvermanBandwidthM } from '../stats/silverman_bandwidth.ts';
import { giStar } from '../stats/gi_star.ts';
import { benjaminiHochberg } from '../stats/benjamini_hochberg.ts';
import { significanceBins } from '../stats/significance_bins.ts';
import { defaultHotSpotBandM } from '../stats/hot_spot_band.ts';
import { spaceTimeCube } from '../stats/space_time_cube.ts';
import { emergingHotSpots, EMERGING_CATEGORIES, EMERGING_ALPHA, type EmergingCategory } from '../stats/emerging_hot_spots.ts';
import { timeProfiles } from '../stats/time_profiles.ts';
import { countsBetween, defaultForecastMethods, prepareForecastData } from '../stats/forecast_methods.ts';
import { backtestForecasts, evaluateMonth } from '../stats/forecast_evaluation.ts';
import { featureAt, type BoundaryKind, type BoundaryLayer } from './boundaries.ts';
import { formatMonth, parseMonth } from './report_months.ts';

/** A patrol shift: `hours` hours from `startHour` (wrapping past midnight). */
export interface Shift {
  /** i18n key: 'day' | 'evening' | 'night', or any label shown as is. */
  key: string;
  startHour: number;
  hours: number;
}

/** Three 8-hour shifts, the usual police pattern. */
export const DEFAULT_SHIFTS: readonly Shift[] = [
  { key: 'day', startHour: 7, hours: 8 },
  { key: 'evening', startHour: 15, hours: 8 },
  { key: 'night', startHour: 23, hours: 8 },
];

/**
 * Default analysis cell: street-block scale. A month's incidents are far too few for DESIGN.md's
 * display rule (shorter side / 250, ~20 m in a police district), which would leave almost every
 * cell empty; 150 m is also what the `evaluate` command uses, so the forecast figures agree.
 */
export const DEFAULT_REPORT_CELL_M = 150;

export interface ReportParams {
  /** The report month, 'YYYY-MM'. */
  month: string;
  /** Analysis cell side, metres. @default DEFAULT_REPORT_CELL_M */
  cellSizeM?: number;
  /** KDE display cells per analysis cell side (odd, so cell centres coincide). @default 3 */
  kdeCellsPerCell?: number;
  /** KDE kernel. @default 'quartic' */
  kernel?: KernelName;
  /** KDE bandwidth, metres. @default spatial Silverman of the month's incidents */
  bandwidthM?: number;
  /** Gi* distance band, metres. @default Moran's I peak of the month's counts (hot_spot_band.ts) */
  bandM?: number;
  /** Benjamini–Hochberg correction of the Gi* bins. @default true */
  fdr?: boolean;
  /** Months in the emerging hot-spot window. @default 24 */
  emergingMonths?: number;
  /** Share of the study area flagged by each forecast. @default 0.05 */
  coverage?: number;
  /** Rows of the top hot-spot table. @default 10 */
  topN?: number;
  /** @default DEFAULT_SHIFTS */
  shifts?: readonly Shift[];
  /** Suggested stops per shift. @default 5 */
  stopsPerShift?: number;
}

/** Attribution lines: known sources rendered in the report's language, or free text. */
export type Attribution = { kind: 'osm' } | { kind: 'chicago' } | { kind: 'ogl' } | { kind: 'text'; text: string };

export interface ReportInput {
  incidents: IncidentColumns;
  /** The import summary (absent when the incidents came from a stored database). */
  summary?: IngestSummary | null;
  /** Street network in the incidents' planar CRS: basemap, street names, patrol stops. */
  streets?: StreetNetwork | null;
  /** Boundary layers (beats, district), WGS84. */
  boundaries?: readonly BoundaryLayer[];
  /** Name of the study area for the title, e.g. 'Chicago police district 14'. */
  title?: string;
  attributions?: readonly Attribution[];
  /** When the report was made (ISO 8601); the model never reads the clock. */
  generatedAt?: string;
  /** Names of the input files (shown under data quality when there is no import summary). */
  inputNames?: readonly string[];
}

/** A parameter value with the reason it has it: `reason` is an i18n key, `vars` fill it in. */
export interface Explained<T = number> {
  value: T;
  reason: string;
  vars: Record<string, number | string>;
}

export interface CountRow {
  label: string;
  month: number;
  /** null where the data do not reach back that far. */
  previous: number | null;
  lastYear: number | null;
  mean12: number | null;
}

export interface TopSpot {
  rank: number;
  cell: number;
  /** Where the month's incidents in the cell are, on average (planar metres and lon/lat). */
  x: number;
  y: number;
  lon: number;
  lat: number;
  area: string;
  street: string;
  month: number;
  previous: number;
  last12: number;
  z: number;
  bin: number;
  emerging: EmergingCategory | null;
}

export interface EmergingChange {
  cell: number;
  x: number;
  y: number;
  area: string;
  street: string;
  from: EmergingCategory;
  to: EmergingCategory;
  month: number;
}

export interface ForecastRow {
  name: string;
  kind: string;
  params: Record<string, number | string>;
  hitRate: number | null;
  pai: number | null;
  pei: number | null;
  rri: number | null;
  /** Backtest means at the same coverage. */
  meanPai: number | null;
  meanHitRate: number | null;
  winsOverNaive: number;
}

export interface PatrolStop {
  cell: number;
  /** On the street (snapped), planar metres and lon/lat. */
  x: number;
  y: number;
  lon: number;
  lat: number;
  street: string;
  area: string;
  /** Incidents in the shift's hours in the window, and per month. */
  incidents: number;
  perMonth: number;
}

export interface ReportModel {
  version: 1;
  title: string;
  generatedAt: string | null;
  month: string;
  previousMonth: string;
  lastYearMonth: string;
  crs: string;
  data: { firstMonth: string; lastMonth: string; incidents: number; ignoredAfterMonth: number; withoutCoordinates: number };
  headline: {
    total: CountRow;
    categories: CountRow[];
    /** Monthly totals for the trend chart, oldest first. */
    trend: { months: string[]; counts: number[] };
  };
  /** Counts by area (the finest boundary layer, else the incidents' area codes); null when neither. */
  areas: { source: 'boundary' | 'area_code'; layer: string; kind: BoundaryKind; rows: CountRow[]; outside: CountRow | null } | null;
  /** Whether a street network was given (street names, basemap, patrol stops). */
  streetsGiven: boolean;
  map: {
    extent: Extent;
    grid: Grid;
    studyAreaCells: number;
    studyAreaKm2: number;
    /** Gi* bin (-3..3) per analysis cell; 0 outside the study area. */
    giBins: number[];
    binCounts: number[];
    /** Incidents of the month in hot cells (bins 1..3). */
    hotIncidents: number;
    kde: { grid: Grid; density: number[]; max: number };
    incidents: [number, number][];
    streets: { roadClass: number; lines: number[][] }[];
    boundaries: { name: string; kind: BoundaryKind; features: { label: string; rings: number[][]; labelAt: [number, number] }[] }[];
    areaLayer: number;
  };
  top: TopSpot[];
  emerging: {
    from: string;
    to: string;
    steps: number;
    bandM: Explained;
    counts: Partial<Record<EmergingCategory, number>>;
    previousCounts: Partial<Record<EmergingCategory, number>> | null;
    /** Category per analysis cell (index into EMERGING_CATEGORIES). */
    category: number[];
    changed: number;
    /** Cells in a hot-spot category now that were not in one a month earlier. */
    newlyHot: number;
    changes: EmergingChange[];
    transitions: { from: EmergingCategory; to: EmergingCategory; cells: number }[];
  } | null;
  time: {
    from: string;
    to: string;
    dowHour: number[];
    known: number;
    unknown: number;
    monthHour: number[];
    monthDow: number[];
    monthKnown: number;
    monthUnknown: number;
    monthDowKnown: number;
  };
  forecast: {
    coverage: number;
    cellSizeM: number;
    testIncidents: number;
    lastMonthHotSpots: { cells: number; areaShare: number; hits: number; hitRate: number | null; pai: number | null } | null;
    methods: ForecastRow[];
    recommended: { name: string; meanPai: number | null; naiveMeanPai: number | null; winsOverNaive: number };
    backtest: { from: string; to: string; months: number };
  } | null;
  patrol: {
    available: boolean;
    /** i18n key when not available: 'noStreets' | 'noTimes'. */
    reason: string | null;
    windowMonths: number;
    shifts: { key: string; startHour: number; hours: number; incidents: number; covered: number; stops: PatrolStop[] }[];
  };
  quality: {
    hasSummary: boolean;
    files: { file: string; format: string; read: number; accepted: number; rejected: number; byReason: Record<string, number>; error: string | null; notes: string[]; examples: string[] }[];
    accepted: number;
    rejected: number;
    byReason: Record<string, number>;
    monthAccepted: number;
    monthTimeUnknown: number;
    monthOutsideBoundaries: number | null;
    inputNames: string[];
  };
  params: {
    cellSizeM: Explained;
    kernel: Explained<string>;
    bandwidthM: Explained;
    kdeCellM: number;
    kdeMode: string;
    bandM: Explained;
    fdr: Explained<boolean>;
    emergingMonths: Explained;
    emergingAlpha: number;
    coverage: Explained;
    topN: number;
    stopsPerShift: number;
    /** 'boundaries' (cells in the boundary polygons) or 'hull' (convex hull of the incidents). */
    studyArea: 'boundaries' | 'hull';
  };
  attributions: Attribution[];
}

/** Road classes drawn on the report map (alleys, service roads and paths would clutter it at this scale). */
const MAP_CLASSES = new Set<number>([
  RoadClass.motorway, RoadClass.motorwayLink, RoadClass.trunk, RoadClass.primary, RoadClass.secondary, RoadClass.tertiary, RoadClass.street,
]);

const HOT_ORDER: EmergingCategory[] = [
  'new_hot', 'intensifying_hot', 'consecutive_hot', 'persistent_hot', 'sporadic_hot', 'oscillating_hot', 'diminishing_hot', 'historical_hot',
];

const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;
const roundOrNull = (x: number | null, d = 4) => (x === null || !Number.isFinite(x) ? null : round(x, d));

/** Build the report of month `params.month`. Throws a RangeError on bad parameters or no data. */
export function buildReportModel(input: ReportInput, params: ReportParams): ReportModel {
  const inc = input.incidents;
  const T = parseMonth(params.month);
  const cellM = params.cellSizeM ?? DEFAULT_REPORT_CELL_M;
  if (!(cellM > 0) || !Number.isFinite(cellM)) throw new RangeError(`cellSizeM must be > 0 metres, got ${params.cellSizeM}`);
  const sub = params.kdeCellsPerCell ?? 3;
  if (!(Number.isInteger(sub) && sub >= 1 && sub % 2 === 1)) throw new RangeError(`kdeCellsPerCell must be an odd integer >= 1, got ${params.kdeCellsPerCell}`);
  const coverage = params.coverage ?? 0.05;
  if (!(coverage > 0 && coverage <= 1)) throw new RangeError(`coverage must be in (0, 1], got ${params.coverage}`);
  const topN = params.topN ?? 10;
  if (!(Number.isInteger(topN) && topN >= 1)) throw new RangeError(`topN must be a positive integer, got ${params.topN}`);
  const stopsPerShift = params.stopsPerShift ?? 5;
  if (!(Number.isInteger(stopsPerShift) && stopsPerShift >= 1)) throw new RangeError(`stopsPerShift must be a positive integer, got ${params.stopsPerShift}`);
  if (params.emergingMonths !== undefined && !(Number.isInteger(params.emergingMonths) && params.emergingMonths >= 2)) {
    throw new RangeError(`emergingMonths must be an integer >= 2, got ${params.emergingMonths}`);
  }
  const shifts = params.shifts ?? DEFAULT_SHIFTS;
  for (const s of shifts) {
    if (!(Number.isInteger(s.startHour) && s.startHour >= 0 && s.startHour < 24 && Number.isInteger(s.hours) && s.hours >= 1 && s.hours <= 24)) {
      throw new RangeError(`shift '${s.key}' must start at an hour 0..23 and last 1..24 whole hours, got ${s.startHour} + ${s.hours}`);
    }
  }

  // The incidents the report may use: with coordinates, not after the report month.
  const n = inc.n;
  const use = new Uint8Array(n);
  let firstMonth = Infinity;
  let lastMonth = -Infinity;
  let ignoredAfter = 0;
  let withoutCoordinates = 0;
  for (let i = 0; i < n; i++) {
    if (!(Number.isFinite(inc.xs[i]) && Number.isFinite(inc.ys[i]))) {
      withoutCoordinates++;
      continue;
    }
    const m = inc.monthIndex[i];
    if (m > T) {
      ignoredAfter++;
      continue;
    }
    use[i] = 1;
    if (m < firstMonth) firstMonth = m;
    if (m > lastMonth) lastMonth = m;
  }
  if (!(firstMonth <= lastMonth)) {
    throw new RangeError(`no incidents with coordinates in or before ${params.month}${n ? ` (the data start in ${formatMonth(minOf(inc.monthIndex))})` : ''}`);
  }
  if (lastMonth < T) {
    throw new RangeError(`no incidents in ${params.month}: the data end in ${formatMonth(lastMonth)}`);
  }
  const has = (m: number) => m >= firstMonth;
  const used: number[] = [];
  for (let i = 0; i < n; i++) if (use[i]) used.push(i);
  const ux = Float64Array.from(used, (i) => inc.xs[i]);
  const uy = Float64Array.from(used, (i) => inc.ys[i]);
  const um = Int32Array.from(used, (i) => inc.monthIndex[i]);
  const monthIdx = used.filter((i) => inc.monthIndex[i] === T);
  const mx = Float64Array.from(monthIdx, (i) => inc.xs[i]);
  const my = Float64Array.from(monthIdx, (i) => inc.ys[i]);
  const toLonLat = projector(inc.crs, 'EPSG:4326');

  // Headline: per category and in total.
  const cats = inc.categories.length;
  const perMonthCat = (m: number) => {
    const out = new Float64Array(cats);
    for (const i of used) if (inc.monthIndex[i] === m) out[inc.categoryCode[i]]++;
    return out;
  };
  const cur = perMonthCat(T);
  const prev = perMonthCat(T - 1);
  const ly = perMonthCat(T - 12);
  const sum12 = new Float64Array(cats);
  let months12 = 0;
  for (let m = T - 12; m < T; m++) {
    if (!has(m)) continue;
    months12++;
    const c = perMonthCat(m);
    for (let k = 0; k < cats; k++) sum12[k] += c[k];
  }
  const row = (label: string, a: number, b: number, c: number, s: number): CountRow => ({
    label,
    month: a,
    previous: has(T - 1) ? b : null,
    lastYear: has(T - 12) ? c : null,
    mean12: months12 ? round(s / months12, 2) : null,
  });
  const categoryRows: CountRow[] = [];
  for (let k = 0; k < cats; k++) {
    if (cur[k] + prev[k] + ly[k] + sum12[k] === 0) continue;
    categoryRows.push(row(inc.categories[k], cur[k], prev[k], ly[k], sum12[k]));
  }
  categoryRows.sort((a, b) => b.month - a.month || (b.mean12 ?? 0) - (a.mean12 ?? 0) || a.label.localeCompare(b.label));
  const total = row('', sumOf(cur), sumOf(prev), sumOf(ly), sumOf(sum12));
  const trendFrom = Math.max(firstMonth, T - 24);
  const trendCounts = new Array<number>(T - trendFrom + 1).fill(0);
  for (let k = 0; k < um.length; k++) if (um[k] >= trendFrom) trendCounts[um[k] - trendFrom]++;

  // Boundaries: planar rings for drawing; the finest layer names areas.
  const boundaries = input.boundaries ?? [];
  let areaLayer = -1;
  for (let b = 0; b < boundaries.length; b++) {
    if (areaLayer < 0 || boundaries[b].features.length > boundaries[areaLayer].features.length) areaLayer = b;
  }
  const toPlanar = boundaries.length ? projector('EPSG:4326', inc.crs) : null;
  const planarBoundaries = boundaries.map((layer) => ({
    name: layer.name,
    kind: layer.kind,
    features: layer.features.map((f) => {
      const rings = f.rings.map((r) => {
        const out: number[] = [];
        for (let v = 0; v < r.length; v += 2) {
          const [x, y] = toPlanar!.forward(r[v], r[v + 1]);
          out.push(round(x, 1), round(y, 1));
        }
        return out;
      });
      return { label: f.label, rings, labelAt: labelPoint(rings) };
    }),
  }));

  // Analysis grid and study area: the boundary polygons when given (strays outside them are left
  // out), else the convex hull of the incidents up to T (as `evaluate` and the app do).
  const grid = gridForExtent(boundaries.length ? unionExtent(null, planarBoundaries)! : extentOf(ux, uy)!, cellM);
  const cells = grid.width * grid.height;
  const mask = boundaries.length ? boundaryMask(grid, boundaries, toLonLat, used, inc) : hullMask(grid, ux, uy);
  let areaCells = 0;
  for (let c = 0; c < cells; c++) areaCells += mask[c];
  const monthCounts = countPointsOnGrid(grid, mx, my).values;
  const cellOf = (x: number, y: number) => {
    const col = Math.floor((x - grid.x0) / cellM);
    const r = Math.floor((y - grid.y0) / cellM);
    return col >= 0 && col < grid.width && r >= 0 && r < grid.height ? col + r * grid.width : -1;
  };

  // Gi* of the month's counts.
  let bandM: Explained;
  if (params.bandM !== undefined) {
    if (!(params.bandM >= cellM) || !Number.isFinite(params.bandM)) throw new RangeError(`bandM must be at least one cell (${cellM} m), got ${params.bandM}`);
    bandM = { value: params.bandM, reason: 'given', vars: {} };
  } else {
    bandM = chooseBand(grid, monthCounts, mask);
  }
  const fdr: Explained<boolean> = params.fdr !== undefined ? { value: params.fdr, reason: 'given', vars: {} } : { value: true, reason: 'fdr.default', vars: { cells: areaCells } };
  const binsOf = (values: ArrayLike<number>) => {
    const g = giStar(grid, values, bandM.value, { mask });
    return { z: g.z, bins: significanceBins(g.z, fdr.value ? benjaminiHochberg(g.p) : g.p) };
  };
  const gi = binsOf(monthCounts);
  const binCounts = [0, 0, 0, 0, 0, 0, 0];
  let hotIncidents = 0;
  for (let c = 0; c < cells; c++) {
    if (!mask[c]) continue;
    binCounts[gi.bins[c] + 3]++;
    if (gi.bins[c] > 0) hotIncidents += monthCounts[c];
  }

  // KDE of the month's incidents on a finer grid aligned with the analysis grid.
  const kdeGrid = gridFromOrigin(grid.x0, grid.y0, cellM / sub, grid.width * sub, grid.height * sub);
  let bandwidthM: Explained;
  if (params.bandwidthM !== undefined) {
    if (!(params.bandwidthM > 0) || !Number.isFinite(params.bandwidthM)) throw new RangeError(`bandwidthM must be > 0, got ${params.bandwidthM}`);
    bandwidthM = { value: params.bandwidthM, reason: 'given', vars: {} };
  } else {
    const s = silvermanBandwidthM(mx, my);
    bandwidthM = s
      ? { value: Math.round(s.value), reason: 'bandwidth.silverman', vars: { sd: Math.round(s.sdM), dm: Math.round(s.medianDistanceM), n: s.n } }
      : { value: cellM, reason: 'bandwidth.undefined', vars: { cell: cellM } };
  }
  const kernel: Explained<string> = params.kernel ? { value: params.kernel, reason: 'given', vars: {} } : { value: 'quartic', reason: 'kernel.default', vars: {} };
  const k = kde(kdeGrid, mx, my, { kernel: kernel.value as KernelName, bandwidthM: bandwidthM.value });

  // Emerging hot spots over the window ending at T, and the window ending at T-1.
  const emergingWanted = params.emergingMonths ?? 24;
  const steps = Math.min(emergingWanted, T - firstMonth + 1);
  const emergingMonths: Explained = params.emergingMonths !== undefined
    ? { value: steps, reason: steps < emergingWanted ? 'emerging.short' : 'given', vars: { wanted: emergingWanted, months: steps } }
    : { value: steps, reason: steps < emergingWanted ? 'emerging.short' : 'emerging.default', vars: { wanted: emergingWanted, months: steps } };
  let emerging: ReportModel['emerging'] = null;
  let emergingCat: Uint8Array | null = null;
  const top = topCells(monthCounts, gi.z, topN);
  if (steps >= 2) {
    const cube = spaceTimeCube(grid, ux, uy, um, T - steps + 1, steps);
    const totals = new Float64Array(cells);
    for (let t = 0; t < steps; t++) for (let c = 0; c < cells; c++) totals[c] += cube.counts[t * cells + c];
    const eBand: Explained = params.bandM !== undefined ? bandM : chooseBand(grid, totals, mask);
    const now = emergingHotSpots(grid, cube.counts, steps, eBand.value, { mask });
    emergingCat = now.category;
    let before: ReturnType<typeof emergingHotSpots> | null = null;
    if (T - steps >= firstMonth) {
      const cubePrev = spaceTimeCube(grid, ux, uy, um, T - steps, steps);
      before = emergingHotSpots(grid, cubePrev.counts, steps, eBand.value, { mask });
    }
    const changes: EmergingChange[] = [];
    const transitions = new Map<string, number>();
    let changed = 0;
    let newlyHot = 0;
    if (before) {
      for (let c = 0; c < cells; c++) {
        if (!mask[c] || now.category[c] === before.category[c]) continue;
        changed++;
        const from = EMERGING_CATEGORIES[before.category[c]];
        const to = EMERGING_CATEGORIES[now.category[c]];
        if (to.endsWith('_hot') && !from.endsWith('_hot')) newlyHot++;
        const key = `${from}>${to}`;
        transitions.set(key, (transitions.get(key) ?? 0) + 1);
        const [x, y] = cellCentre(grid, c);
        changes.push({ cell: c, x, y, area: '', street: '', from, to, month: monthCounts[c] });
      }
      const rank = (cat: EmergingCategory) => {
        const h = HOT_ORDER.indexOf(cat);
        return h >= 0 ? h : HOT_ORDER.length + (cat.endsWith('_cold') ? 1 : 0);
      };
      changes.sort((a, b) => rank(a.to) - rank(b.to) || b.month - a.month || a.cell - b.cell);
      changes.length = Math.min(changes.length, topN);
    }
    emerging = {
      from: formatMonth(T - steps + 1),
      to: params.month,
      steps,
      bandM: eBand,
      counts: now.counts,
      previousCounts: before ? before.counts : null,
      category: Array.from(now.category),
      changed,
      newlyHot,
      changes,
      transitions: [...transitions].map(([key, cellsN]) => {
        const [from, to] = key.split('>') as [EmergingCategory, EmergingCategory];
        return { from, to, cells: cellsN };
      }).sort((a, b) => b.cells - a.cells || a.from.localeCompare(b.from) || a.to.localeCompare(b.to)),
    };
  }

  // Naming places: the finest boundary layer, else the incidents' own area codes; the nearest named street.
  const edgeIndex: EdgeIndex | null = input.streets && input.streets.edgeCount > 0 ? buildEdgeIndex(input.streets) : null;
  const areaName = (lon: number, lat: number, members: number[]): string => {
    if (areaLayer >= 0) {
      const f = featureAt(boundaries[areaLayer], lon, lat);
      if (f >= 0) return boundaries[areaLayer].features[f].label;
    }
    const votes = new Map<number, number>();
    for (const i of members) if (inc.areaCode[i]) votes.set(inc.areaCode[i], (votes.get(inc.areaCode[i]) ?? 0) + 1);
    let best = 0;
    let name = '';
    for (const [code, v] of votes) if (v > best) { best = v; name = inc.areas[code] ?? ''; }
    return name;
  };
  const streetName = (x: number, y: number) => (edgeIndex ? nearestEdgeName(edgeIndex, x, y, 150) : '');
  /** Incidents of `members` (row indices) in cell c: their mean position. */
  const placeOf = (c: number, members: number[]) => {
    let sx = 0, sy = 0, slon = 0, slat = 0, k2 = 0;
    for (const i of members) {
      if (cellOf(inc.xs[i], inc.ys[i]) !== c) continue;
      sx += inc.xs[i]; sy += inc.ys[i]; slon += inc.lons[i]; slat += inc.lats[i]; k2++;
    }
    if (!k2) {
      const [x, y] = cellCentre(grid, c);
      const [lon, lat] = toLonLat.forward(x, y);
      return { x, y, lon, lat, members: [] as number[] };
    }
    return { x: sx / k2, y: sy / k2, lon: slon / k2, lat: slat / k2, members: members.filter((i) => cellOf(inc.xs[i], inc.ys[i]) === c) };
  };

  // Top hot spots.
  const last12 = used.filter((i) => inc.monthIndex[i] > T - 12);
  const prevMonthIdx = used.filter((i) => inc.monthIndex[i] === T - 1);
  const countIn = (c: number, members: number[]) => {
    let s = 0;
    for (const i of members) if (cellOf(inc.xs[i], inc.ys[i]) === c) s++;
    return s;
  };
  const topSpots: TopSpot[] = top.map((c, r) => {
    const p = placeOf(c, monthIdx);
    return {
      rank: r + 1,
      cell: c,
      x: round(p.x, 1),
      y: round(p.y, 1),
      lon: round(p.lon, 6),
      lat: round(p.lat, 6),
      area: areaName(p.lon, p.lat, p.members),
      street: streetName(p.x, p.y),
      month: monthCounts[c],
      previous: countIn(c, prevMonthIdx),
      last12: countIn(c, last12),
      z: round(gi.z[c], 3),
      bin: gi.bins[c],
      emerging: emergingCat ? EMERGING_CATEGORIES[emergingCat[c]] : null,
    };
  });
  if (emerging) {
    for (const ch of emerging.changes) {
      const p = placeOf(ch.cell, last12);
      ch.x = round(p.x, 1);
      ch.y = round(p.y, 1);
      ch.area = areaName(p.lon, p.lat, p.members);
      ch.street = streetName(p.x, p.y);
    }
  }

  // Counts by area.
  let areas: ReportModel['areas'] = null;
  const areaMonths = [T, T - 1, T - 12];
  if (areaLayer >= 0) {
    const layer = boundaries[areaLayer];
    const nf = layer.features.length;
    const counts = areaMonths.map(() => new Float64Array(nf + 1));
    const sums = new Float64Array(nf + 1);
    for (const i of used) {
      const m = inc.monthIndex[i];
      const which = areaMonths.indexOf(m);
      const in12 = m >= T - 12 && m < T;
      if (which < 0 && !in12) continue;
      const f = featureAt(layer, inc.lons[i], inc.lats[i]);
      const slot = f >= 0 ? f : nf;
      if (which >= 0) counts[which][slot]++;
      if (in12) sums[slot]++;
    }
    const rows = layer.features.map((f, j) => row(f.label, counts[0][j], counts[1][j], counts[2][j], sums[j]));
    rows.sort((a, b) => b.month - a.month || (b.mean12 ?? 0) - (a.mean12 ?? 0) || a.label.localeCompare(b.label, undefined, { numeric: true }));
    const out = row('', counts[0][nf], counts[1][nf], counts[2][nf], sums[nf]);
    areas = { source: 'boundary', layer: layer.name, kind: layer.kind, rows, outside: out.month + (out.previous ?? 0) + (out.lastYear ?? 0) + (out.mean12 ?? 0) > 0 ? out : null };
  } else if (inc.areas.length > 1) {
    const na = inc.areas.length;
    const counts = areaMonths.map(() => new Float64Array(na));
    const sums = new Float64Array(na);
    for (const i of used) {
      const m = inc.monthIndex[i];
      const which = areaMonths.indexOf(m);
      if (which >= 0) counts[which][inc.areaCode[i]]++;
      if (m >= T - 12 && m < T) sums[inc.areaCode[i]]++;
    }
    const rows: CountRow[] = [];
    for (let a = 1; a < na; a++) {
      if (counts[0][a] + counts[1][a] + counts[2][a] + sums[a] === 0) continue;
      rows.push(row(inc.areas[a], counts[0][a], counts[1][a], counts[2][a], sums[a]));
    }
    rows.sort((a, b) => b.month - a.month || (b.mean12 ?? 0) - (a.mean12 ?? 0) || a.label.localeCompare(b.label, undefined, { numeric: true }));
    const unknown = row('', counts[0][0], counts[1][0], counts[2][0], sums[0]);
    areas = { source: 'area_code', layer: '', kind: inc.areas.some((a) => /^E0\d{7}$|^W0\d{7}$/.test(a)) ? 'lsoa' : 'area', rows, outside: unknown.month + (unknown.previous ?? 0) + (unknown.lastYear ?? 0) > 0 ? unknown : null };
  }

  // When: day-of-week x hour over the 12 months ending at T, and the month itself.
  const windowMask = new Uint8Array(n);
  const monthMask = new Uint8Array(n);
  for (const i of last12) windowMask[i] = 1;
  for (const i of monthIdx) monthMask[i] = 1;
  const tw = timeProfiles(inc, windowMask);
  const tm = timeProfiles(inc, monthMask);

  // Forecast: last month's hot spots against this month, and the backtest's recommendation.
  let forecast: ReportModel['forecast'] = null;
  if (T > firstMonth) {
    const data = prepareForecastData(grid, mask, ux, uy, um);
    const methods = defaultForecastMethods(cellM);
    const ev = evaluateMonth(data, methods, T, [coverage]);
    const backMonths: number[] = [];
    for (let m = Math.max(firstMonth + 1, T - 11); m <= T; m++) backMonths.push(m);
    const bt = backtestForecasts(data, methods, backMonths, coverage);
    const prevBins = binsOf(countsBetween(data, T - 1, T - 1)).bins;
    const test = countsBetween(data, T, T);
    let hotCells = 0, hits = 0, N = 0;
    for (let c = 0; c < cells; c++) {
      if (!mask[c]) continue;
      N += test[c];
      if (prevBins[c] > 0) {
        hotCells++;
        hits += test[c];
      }
    }
    const recIdx = Math.max(0, bt.summary.findIndex((s) => s.name === bt.recommended.name));
    forecast = {
      coverage,
      cellSizeM: cellM,
      testIncidents: ev.testIncidents,
      lastMonthHotSpots: {
        cells: hotCells,
        areaShare: round(hotCells / areaCells, 5),
        hits,
        hitRate: N ? round(hits / N) : null,
        pai: N && hotCells ? round(hits / N / (hotCells / areaCells)) : null,
      },
      methods: ev.methods.map((m, j) => ({
        name: m.name,
        kind: m.kind,
        params: m.params,
        hitRate: roundOrNull(m.scores[0].hitRate),
        pai: roundOrNull(m.scores[0].pai),
        pei: roundOrNull(m.scores[0].pei),
        rri: roundOrNull(m.scores[0].rri),
        meanPai: roundOrNull(bt.summary[j].meanPai),
        meanHitRate: roundOrNull(bt.summary[j].meanHitRate),
        winsOverNaive: bt.summary[j].winsOverNaive,
      })),
      recommended: {
        name: bt.recommended.name,
        meanPai: roundOrNull(bt.recommended.meanPai),
        naiveMeanPai: roundOrNull(bt.recommended.naiveMeanPai),
        winsOverNaive: bt.summary[recIdx].winsOverNaive,
      },
      backtest: { from: formatMonth(backMonths[0]), to: formatMonth(backMonths[backMonths.length - 1]), months: backMonths.length },
    };
  }

  // Patrol: candidate stops per shift, snapped to the street network.
  const windowMonths = Math.min(12, T - firstMonth + 1);
  const patrol: ReportModel['patrol'] = { available: false, reason: null, windowMonths, shifts: [] };
  if (!edgeIndex) patrol.reason = 'noStreets';
  else if (tw.hourKnown === 0) patrol.reason = 'noTimes';
  else {
    patrol.available = true;
    for (const s of shifts) {
      const inShift = last12.filter((i) => inc.hour[i] >= 0 && (inc.hour[i] - s.startHour + 24) % 24 < s.hours);
      const counts = new Float64Array(cells);
      for (const i of inShift) {
        const c = cellOf(inc.xs[i], inc.ys[i]);
        if (c >= 0) counts[c]++;
      }
      const chosen = topCells(counts, gi.z, stopsPerShift);
      let covered = 0;
      const stops: PatrolStop[] = chosen.map((c) => {
        covered += counts[c];
        const p = placeOf(c, inShift);
        const hit = nearestEdge(edgeIndex, p.x, p.y, { maxDistanceM: 250 });
        const x = hit ? hit.x : p.x;
        const y = hit ? hit.y : p.y;
        const [lon, lat] = toLonLat.forward(x, y);
        return {
          cell: c,
          x: round(x, 1),
          y: round(y, 1),
          lon: round(lon, 6),
          lat: round(lat, 6),
          street: streetName(p.x, p.y),
          area: areaName(p.lon, p.lat, p.members),
          incidents: counts[c],
          perMonth: round(counts[c] / windowMonths, 2),
        };
      });
      patrol.shifts.push({ key: s.key, startHour: s.startHour, hours: s.hours, incidents: inShift.length, covered, stops });
    }
  }

  // Data quality.
  const summary = input.summary ?? null;
  let monthTimeUnknown = 0;
  for (const i of monthIdx) if (inc.hour[i] < 0) monthTimeUnknown++;
  let monthOutside: number | null = null;
  if (boundaries.length) {
    monthOutside = 0;
    for (const i of monthIdx) if (!boundaries.some((l) => featureAt(l, inc.lons[i], inc.lats[i]) >= 0)) monthOutside++;
  }
  const quality: ReportModel['quality'] = {
    hasSummary: summary !== null,
    files: (summary?.files ?? []).map((f) => ({
      file: f.file, format: f.format, read: f.read, accepted: f.accepted, rejected: f.rejected, byReason: { ...f.rejectedByReason },
      error: f.error ?? null, notes: [...f.notes], examples: f.examples.slice(0, 3),
    })),
    accepted: summary?.accepted ?? n,
    rejected: summary?.rejected ?? 0,
    byReason: { ...(summary?.rejectedByReason ?? {}) },
    monthAccepted: summary ? (summary.months[params.month] ?? 0) : monthIdx.length,
    monthTimeUnknown,
    monthOutsideBoundaries: monthOutside,
    inputNames: [...(input.inputNames ?? [])],
  };

  // Map layers.
  const mapExtent = unionExtent(
    { minX: grid.x0, minY: grid.y0, maxX: grid.x0 + grid.width * cellM, maxY: grid.y0 + grid.height * cellM },
    planarBoundaries,
  )!;
  const streets = input.streets ? streetLayers(input.streets, mapExtent) : [];

  // Attributions: what the sources need, then what the caller adds.
  const attributions: Attribution[] = [];
  const addAttr = (a: Attribution) => {
    if (!attributions.some((b) => b.kind === a.kind && (a.kind !== 'text' || (b as { text: string }).text === a.text))) attributions.push(a);
  };
  if (summary?.files.some((f) => f.format === 'police_uk')) addAttr({ kind: 'ogl' });
  if (summary?.files.some((f) => f.format === 'chicago_portal')) addAttr({ kind: 'chicago' });
  if (input.streets) addAttr({ kind: 'osm' });
  for (const a of input.attributions ?? []) addAttr(a);

  return {
    version: 1,
    title: input.title ?? '',
    generatedAt: input.generatedAt ?? null,
    month: params.month,
    previousMonth: formatMonth(T - 1),
    lastYearMonth: formatMonth(T - 12),
    crs: inc.crs,
    data: { firstMonth: formatMonth(firstMonth), lastMonth: formatMonth(lastMonth), incidents: used.length, ignoredAfterMonth: ignoredAfter, withoutCoordinates },
    headline: {
      total,
      categories: categoryRows,
      trend: { months: trendCounts.map((_, t) => formatMonth(trendFrom + t)), counts: trendCounts },
    },
    areas,
    streetsGiven: edgeIndex !== null,
    map: {
      extent: mapExtent,
      grid,
      studyAreaCells: areaCells,
      studyAreaKm2: round((areaCells * cellM * cellM) / 1e6, 3),
      giBins: Array.from(gi.bins, (b, c) => (mask[c] ? b : 0)),
      binCounts,
      hotIncidents,
      kde: { grid: kdeGrid, density: Array.from(k.density, (v) => round(v, 3)), max: round(k.maxDensity, 3) },
      incidents: Array.from(mx, (x, j) => [round(x, 1), round(my[j], 1)] as [number, number]),
      streets,
      boundaries: planarBoundaries,
      areaLayer,
    },
    top: topSpots,
    emerging,
    time: {
      from: formatMonth(Math.max(firstMonth, T - 11)),
      to: params.month,
      dowHour: Array.from(tw.dowHour),
      known: tw.hourKnown,
      unknown: tw.hourUnknown,
      monthHour: Array.from(tm.hour),
      monthDow: Array.from(tm.dow),
      monthKnown: tm.hourKnown,
      monthUnknown: tm.hourUnknown,
      monthDowKnown: tm.dowKnown,
    },
    forecast,
    patrol,
    quality,
    params: {
      cellSizeM: params.cellSizeM !== undefined ? { value: cellM, reason: 'given', vars: {} } : { value: cellM, reason: 'cell.default', vars: { cell: cellM } },
      kernel,
      bandwidthM,
      kdeCellM: round(cellM / sub, 3),
      kdeMode: k.params.mode,
      bandM,
      fdr,
      emergingMonths,
      emergingAlpha: EMERGING_ALPHA,
      coverage: params.coverage !== undefined ? { value: coverage, reason: 'given', vars: {} } : { value: coverage, reason: 'coverage.default', vars: {} },
      topN,
      stopsPerShift,
      studyArea: boundaries.length ? 'boundaries' : 'hull',
    },
    attributions,
  };
}

/** The Gi* band for counts on the grid, explained (Moran's I peak, else the 3-cell fallback). */
function chooseBand(grid: Grid, values: ArrayLike<number>, mask: Uint8Array): Explained {
  let total = 0;
  for (let c = 0; c < values.length; c++) if (mask[c]) total += values[c];
  const cells = Math.min(3, Math.max(2, Math.min(10, Math.floor(Math.max(grid.width, grid.height) / 2))));
  if (total < 2) return { value: cells * grid.cellSizeM, reason: 'band.fewIncidents', vars: { cells } };
  const chosen = defaultHotSpotBandM(grid, values, mask);
  const i = chosen.profile.findIndex((r) => r.bandM === chosen.value);
  const r = chosen.profile[i];
  const peak = i > 0 && i + 1 < chosen.profile.length && r.z > 1.96 && r.z > chosen.profile[i - 1].z && r.z >= chosen.profile[i + 1].z;
  return peak
    ? { value: chosen.value, reason: 'band.peak', vars: { z: round(r.z, 2), cells: chosen.value / grid.cellSizeM } }
    : { value: chosen.value, reason: 'band.fallback', vars: { cells: chosen.value / grid.cellSizeM } };
}

/** The k cells with the largest counts (> 0), ties broken by the higher z, then the lower index. */
function topCells(counts: ArrayLike<number>, z: ArrayLike<number>, k: number): number[] {
  const cand: number[] = [];
  for (let c = 0; c < counts.length; c++) if (counts[c] > 0) cand.push(c);
  const zOf = (c: number) => (Number.isFinite(z[c]) ? z[c] : -Infinity);
  cand.sort((a, b) => counts[b] - counts[a] || zOf(b) - zOf(a) || a - b);
  return cand.slice(0, k);
}

function cellCentre(grid: Grid, c: number): [number, number] {
  const col = c % grid.width;
  const row = (c - col) / grid.width;
  return [grid.x0 + (col + 0.5) * grid.cellSizeM, grid.y0 + (row + 0.5) * grid.cellSizeM];
}

/** Area-weighted centroid of the largest ring (shoelace), for a label; the vertex mean if degenerate. */
function labelPoint(rings: number[][]): [number, number] {
  let best: number[] | null = null;
  let bestA = 0;
  for (const r of rings) {
    let a = 0;
    for (let i = 0, j = r.length - 2; i < r.length; j = i, i += 2) a += r[j] * r[i + 1] - r[i] * r[j + 1];
    if (Math.abs(a) > bestA) { bestA = Math.abs(a); best = r; }
  }
  if (!best) return [NaN, NaN];
  let cx = 0, cy = 0, a2 = 0;
  for (let i = 0, j = best.length - 2; i < best.length; j = i, i += 2) {
    const f = best[j] * best[i + 1] - best[i] * best[j + 1];
    cx += (best[j] + best[i]) * f;
    cy += (best[j + 1] + best[i + 1]) * f;
    a2 += f;
  }
  if (a2 === 0) {
    let sx = 0, sy = 0;
    for (let i = 0; i < best.length; i += 2) { sx += best[i]; sy += best[i + 1]; }
    return [sx / (best.length / 2), sy / (best.length / 2)];
  }
  return [round(cx / (3 * a2), 1), round(cy / (3 * a2), 1)];
}

/**
 * Study-area cells from boundary polygons: cells whose centre lies in any polygon of any layer,
 * plus cells holding an incident that lies in one (so no incident inside the area is lost to a
 * cell whose centre falls just outside).
 */
function boundaryMask(grid: Grid, layers: readonly BoundaryLayer[], toLonLat: ReturnType<typeof projector>, used: number[], inc: IncidentColumns): Uint8Array {
  const mask = new Uint8Array(grid.width * grid.height);
  const inAny = (lon: number, lat: number) => layers.some((l) => featureAt(l, lon, lat) >= 0);
  for (let c = 0; c < mask.length; c++) {
    const [x, y] = cellCentre(grid, c);
    const [lon, lat] = toLonLat.forward(x, y);
    if (inAny(lon, lat)) mask[c] = 1;
  }
  const s = grid.cellSizeM;
  for (const i of used) {
    const col = Math.floor((inc.xs[i] - grid.x0) / s);
    const row = Math.floor((inc.ys[i] - grid.y0) / s);
    if (col < 0 || col >= grid.width || row < 0 || row >= grid.height) continue;
    const c = col + row * grid.width;
    if (!mask[c] && inAny(inc.lons[i], inc.lats[i])) mask[c] = 1;
  }
  return mask;
}

/** The extent `e` (or none) grown to take in every ring vertex; null when both are empty. */
function unionExtent(e: Extent | null, layers: { features: { rings: number[][] }[] }[]): Extent | null {
  const out = e ? { ...e } : { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const l of layers) {
    for (const f of l.features) {
      for (const r of f.rings) {
        for (let i = 0; i < r.length; i += 2) {
          if (r[i] < out.minX) out.minX = r[i];
          if (r[i] > out.maxX) out.maxX = r[i];
          if (r[i + 1] < out.minY) out.minY = r[i + 1];
          if (r[i + 1] > out.maxY) out.maxY = r[i + 1];
        }
      }
    }
  }
  return out.minX <= out.maxX ? out : null;
}

/** Street edges of the drawn classes touching the extent, as flat [x0, y0, x1, y1, ...] per edge (1 m precision, 2 m spacing). */
function streetLayers(net: StreetNetwork, e: Extent): { roadClass: number; lines: number[][] }[] {
  const byClass = new Map<number, number[][]>();
  for (let ed = 0; ed < net.edgeCount; ed++) {
    const cls = net.edgeClass[ed];
    if (!MAP_CLASSES.has(cls)) continue;
    const a = net.edgeGeomStart[ed], b = net.edgeGeomStart[ed + 1];
    let inside = false;
    for (let q = a; q < b && !inside; q++) {
      const x = net.geomXs[q], y = net.geomYs[q];
      inside = x >= e.minX && x <= e.maxX && y >= e.minY && y <= e.maxY;
    }
    if (!inside) continue;
    const line: number[] = [];
    let lx = NaN, ly = NaN;
    for (let q = a; q < b; q++) {
      const x = Math.round(net.geomXs[q]), y = Math.round(net.geomYs[q]);
      if (q > a && q < b - 1 && Math.hypot(x - lx, y - ly) < 2) continue;
      line.push(x, y);
      lx = x;
      ly = y;
    }
    if (line.length < 4) continue;
    let list = byClass.get(cls);
    if (!list) byClass.set(cls, (list = []));
    list.push(line);
  }
  return [...byClass].sort((p, q) => q[0] - p[0]).map(([roadClass, lines]) => ({ roadClass, lines }));
}

function sumOf(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}

function minOf(a: ArrayLike<number>): number {
  let m = Infinity;
  for (let i = 0; i < a.length; i++) if (a[i] < m) m = a[i];
  return m;
}
