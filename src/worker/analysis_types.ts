/**
 * The shapes of the `analyse`, `incidentDetail` and `context` answers of the app worker
 * (protocol.ts). Typed arrays here are transferred, not copied, from the worker to the page.
 */
import type { Grid } from '../stats/grid.ts';
import type { KernelName } from '../stats/kernels.ts';
import type { EmergingCategory } from '../stats/emerging_hot_spots.ts';

/** Method parameters; an absent value means "use the default", which the result then explains. */
export interface AnalysisParams {
  /** Side of a square grid cell, metres. Default: shorter side of the data's extent / 250 (DESIGN.md). */
  cellSizeM?: number;
  /** KDE bandwidth h, metres. Default: spatial Silverman rule on the selected incidents. */
  bandwidthM?: number;
  /** KDE kernel. Default quartic (ArcGIS Pro Kernel Density). */
  kernel?: KernelName;
  /** Gi* distance band, metres. Default: first significant peak of Moran's I (Incremental Spatial Autocorrelation). */
  bandM?: number;
  /** Benjamini–Hochberg FDR correction of the Gi* p-values. Default true. */
  fdr?: boolean;
  /** Also compute the emerging hot-spot categories (costly; only when that layer is shown). */
  emerging?: boolean;
}

/** A value the analysis used and why, as a message key and its numbers (translated by the page). */
export interface Explained<T = number> {
  value: T;
  /** True when the user gave the value. */
  given: boolean;
  /** Message key of the reason (src/ui/i18n.ts) and the numbers it quotes. */
  reason: string;
  vars: Record<string, number | string>;
}

/** Four corners [lon, lat] of a grid, clockwise from the top left (MapLibre image coordinates). */
export type Corners = [[number, number], [number, number], [number, number], [number, number]];

export interface TopCell {
  /** Rank 1..10. */
  rank: number;
  /** Cell index on the analysis grid, and its column and row (row 0 = south). */
  cell: number;
  col: number;
  row: number;
  /** Centre and corners (closed ring) in lon/lat. */
  lon: number;
  lat: number;
  ring: [number, number][];
  /** Police beat (or area code) at the centre; '' when unknown. */
  beat: string;
  /** Name of the nearest named street within 200 m; '' when none. */
  street: string;
  /** Incidents in the cell over the selected period. */
  count: number;
  /** Incidents in the last month of the period, and in the month before it (null when the data start after it). */
  lastMonth: number;
  previousMonth: number | null;
  /** Gi* z and significance bin (-3..3) of the cell. */
  z: number;
  bin: number;
}

export interface AnalysisResult {
  /** Incidents kept by the filter, and stored in all. */
  selected: number;
  total: number;
  crs: string;
  /** False when nothing is stored: every other field is empty then. */
  hasData: boolean;
  grid: Grid;
  corners: Corners;
  cellSizeM: Explained;
  bandwidthM: Explained;
  kernel: Explained<KernelName>;
  bandM: Explained;
  fdr: Explained<boolean>;
  kde: { mode: 'exact' | 'fast'; maxDensity: number; accuracy: string };
  /** Per cell, row-major (row 0 = south): incidents, KDE density (incidents/km²), Gi* z and bin, study-area mask. */
  counts: Float32Array;
  density: Float32Array;
  z: Float32Array;
  bins: Int8Array;
  mask: Uint8Array;
  maxCount: number;
  /** Cells per Gi* bin, index bin + 3 (-3..3). */
  binCounts: number[];
  /** Emerging hot spots on their own (possibly coarser) grid; null unless requested. */
  emerging: null | {
    grid: Grid;
    corners: Corners;
    /** Index into EMERGING_CATEGORIES per cell. */
    category: Uint8Array;
    counts: Partial<Record<EmergingCategory, number>>;
    steps: number;
    bandM: number;
    cellFactor: number;
    notes: string[];
  };
  top: TopCell[];
  /** Month index (months since 1970-01) of "last month" for the top cells' change; null without data. */
  lastMonth: number | null;
  time: {
    /** Incidents per [dow * 24 + hour], dow 0 = Monday. */
    dowHour: Float64Array;
    hourKnown: number;
    hourUnknown: number;
    dowKnown: number;
    dowUnknown: number;
    firstMonth: number;
    months: number;
    byCategory: { category: string; counts: Float64Array }[];
  };
  /**
   * Incidents to draw: one point per incident (n = 1) when at most POINT_LIMIT are selected,
   * otherwise one point per occupied block of cells at the mean position (n = incidents there).
   */
  points: { lon: Float32Array; lat: Float32Array; n: Uint32Array; row: Int32Array; category: Uint16Array; aggregated: boolean };
  /** Category names (index = category code of points.category). */
  categories: string[];
  notes: string[];
  /** Milliseconds spent per phase in the worker. */
  timings: Record<string, number>;
}

/** One incident, for the map's popup. Times are local, as stored. */
export interface IncidentDetail {
  category: string;
  /** 'YYYY-MM-DDTHH:MM' local time. */
  occurredAt: string;
  timeKnown: boolean;
  dateKnown: boolean;
  month: string;
  locationText: string;
  areaCode: string;
}

export interface StudyContextSummary {
  beats: number;
  namedStreetSegments: number;
}
