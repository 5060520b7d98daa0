/**
 * Hot-spot cells for a shift window: each square grid cell (DESIGN.md "Grid", origin at the
 * incidents' extent floored to the cell size) valued by its expected incidents per shift in the
 * window (window_weights.ts), and by its expected violent incidents the same way.
 *
 * Cells are returned best first (value descending, ties by lower cell index), every cell with a
 * value above 0. A cell's point is the weighted mean position of its incidents (weights as the
 * value), which lies where the incidents are rather than at the cell's centre, so snapping it to
 * the streets picks the street the incidents are on.
 */
import { cellIndexOf, extentOf, gridForExtent, type Grid } from '../../stats/grid.ts';
import type { ShiftWindow } from './shift_window.ts';
import { violentCategoryMask } from './violent_categories.ts';
import { weekdaysInMonths, windowWeights } from './window_weights.ts';

/** The incident columns the planner reads (a structural subset of IncidentColumns). */
export interface PlanIncidents {
  /** Planar coordinates, metres, in the same CRS as the street network. */
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  /** Hour 0..23, -1 unknown. */
  hour: ArrayLike<number>;
  /** Day of week 0 = Monday .. 6, -1 unknown. */
  dow: ArrayLike<number>;
  /** Months since 1970-01. */
  monthIndex: ArrayLike<number>;
  /** Index into `categories`. */
  categoryCode: ArrayLike<number>;
  categories: readonly string[];
}

export interface WindowHotSpotOptions {
  /** Cell side, metres. @default 150 (street-block scale) */
  cellM?: number;
  /** Count only incidents of these categories in the value (all when absent or empty). */
  valueCategories?: readonly string[];
  /** Fragments that make a category violent. @default violentCategoryFragments */
  violentFragments?: readonly string[];
}

export interface WindowHotSpots {
  grid: Grid;
  /** Cells with a value above 0, best first. */
  cells: Int32Array;
  /** Expected incidents per shift in the window, per listed cell. */
  value: Float64Array;
  /** Expected violent incidents per shift in the window, per listed cell. */
  violentValue: Float64Array;
  /** Weighted mean position of the cell's incidents, metres. */
  xs: Float64Array;
  ys: Float64Array;
  /** Expected incidents per shift in the window over the whole grid (the value's denominator for shares). */
  totalExpected: number;
  totalViolent: number;
  /** Days of the plan's weekday in the history, and the history's months (first, last). */
  daysInHistory: number;
  firstMonth: number;
  lastMonth: number;
  /** Incidents counted (with a finite position and a category in the value). */
  incidentsUsed: number;
}

export function windowHotSpots(inc: PlanIncidents, window: ShiftWindow, options: WindowHotSpotOptions = {}): WindowHotSpots {
  const cellM = options.cellM ?? 150;
  if (!(cellM > 0) || cellM === Infinity) throw new RangeError(`cellM must be > 0 metres, got ${cellM}`);
  const n = inc.xs.length;
  for (const [name, col] of [['ys', inc.ys], ['hour', inc.hour], ['dow', inc.dow], ['monthIndex', inc.monthIndex], ['categoryCode', inc.categoryCode]] as const) {
    if (col.length !== n) throw new RangeError(`incidents: ${name} has ${col.length} values, xs has ${n}`);
  }
  const extent = extentOf(inc.xs, inc.ys);
  if (!extent) throw new RangeError('no incidents with coordinates');
  let firstMonth = Infinity, lastMonth = -Infinity;
  for (let i = 0; i < n; i++) {
    const m = inc.monthIndex[i];
    if (m < firstMonth) firstMonth = m;
    if (m > lastMonth) lastMonth = m;
  }
  const days = weekdaysInMonths(firstMonth, lastMonth);
  const weights = windowWeights(window, inc.hour, inc.dow, days);

  const cats = inc.categories;
  const violent = violentCategoryMask(cats, options.violentFragments);
  const wanted = options.valueCategories?.length ? new Set(options.valueCategories.map((c) => c.toLowerCase())) : null;
  const counted = Uint8Array.from(cats, (c) => (wanted === null || wanted.has(c.toLowerCase()) ? 1 : 0));

  const grid = gridForExtent(extent, cellM);
  const size = grid.width * grid.height;
  const val = new Float64Array(size), vio = new Float64Array(size), sx = new Float64Array(size), sy = new Float64Array(size);
  let totalExpected = 0, totalViolent = 0, used = 0;
  for (let i = 0; i < n; i++) {
    const c = cellIndexOf(grid, inc.xs[i], inc.ys[i]);
    if (c < 0) continue;
    const w = weights[i], k = inc.categoryCode[i];
    if (violent[k]) { vio[c] += w; totalViolent += w; }
    if (!counted[k]) continue;
    used++;
    val[c] += w;
    sx[c] += w * inc.xs[i];
    sy[c] += w * inc.ys[i];
    totalExpected += w;
  }
  const order: number[] = [];
  for (let c = 0; c < size; c++) if (val[c] > 0) order.push(c);
  order.sort((a, b) => val[b] - val[a] || a - b);
  const m = order.length;
  const out: WindowHotSpots = {
    grid,
    cells: Int32Array.from(order),
    value: new Float64Array(m),
    violentValue: new Float64Array(m),
    xs: new Float64Array(m),
    ys: new Float64Array(m),
    totalExpected,
    totalViolent,
    daysInHistory: days[window.day],
    firstMonth,
    lastMonth,
    incidentsUsed: used,
  };
  for (let k = 0; k < m; k++) {
    const c = order[k];
    out.value[k] = val[c];
    out.violentValue[k] = vio[c];
    out.xs[k] = sx[c] / val[c];
    out.ys[k] = sy[c] / val[c];
  }
  return out;
}
