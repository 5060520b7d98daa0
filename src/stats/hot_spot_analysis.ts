/**
 * Hot-spot analysis of counts on a grid, reported like ArcGIS Pro's Optimized Hot Spot Analysis:
 * Gi* z and p per cell, the significance bins (from p, or from the Benjamini–Hochberg q with FDR
 * correction), and the parameters with the reasons they were chosen — the band from the data
 * (Incremental Spatial Autocorrelation, hot_spot_band.ts) unless given, the study area, the
 * degenerate cases met. The entry point for the app and the report; gi_star.ts is the statistic.
 */
import type { Grid } from './grid.ts';
import { giStar } from './gi_star.ts';
import { benjaminiHochberg } from './benjamini_hochberg.ts';
import { significanceBins } from './significance_bins.ts';
import { defaultHotSpotBandM, type BandProfileRow } from './hot_spot_band.ts';

export interface HotSpotOptions {
  /** Distance band in metres; default chosen from the data. */
  bandM?: number;
  /** Bins from the Benjamini–Hochberg q instead of p (default false). */
  fdr?: boolean;
  /** Study area (1 = in); default every cell. */
  mask?: Uint8Array | null;
}

export interface HotSpotResult {
  z: Float64Array;
  p: Float64Array;
  /** BH q-values (only with fdr). */
  q: Float64Array | null;
  /** -3..3 per cell. */
  bins: Int8Array;
  /** Cells per bin, '-3'..'3'. */
  binCounts: Record<string, number>;
  params: { bandM: number; fdr: boolean; cells: number; cellSizeM: number; mean: number; sd: number; neighboursMin: number; neighboursMax: number };
  reasons: { bandM: string; fdr: string; cells: string };
  /** The Moran's I profile behind a band chosen from the data. */
  bandProfile: BandProfileRow[] | null;
  notes: string[];
}

/** Gi* hot and cold spots of `values` (row-major on `grid`). */
export function hotSpotAnalysis(grid: Grid, values: ArrayLike<number>, opts: HotSpotOptions = {}): HotSpotResult {
  const mask = opts.mask ?? null;
  let bandM: number;
  let bandReason: string;
  let bandProfile: BandProfileRow[] | null = null;
  if (opts.bandM !== undefined) {
    if (!(opts.bandM >= 0) || !Number.isFinite(opts.bandM)) throw new RangeError(`bandM must be >= 0, got ${opts.bandM}`);
    bandM = opts.bandM;
    bandReason = 'given';
  } else {
    const chosen = defaultHotSpotBandM(grid, values, mask);
    bandM = chosen.value;
    bandReason = chosen.reason;
    bandProfile = chosen.profile;
  }
  const fdr = opts.fdr ?? false;
  const g = giStar(grid, values, bandM, { mask });
  const q = fdr ? benjaminiHochberg(g.p) : null;
  const bins = significanceBins(g.z, q ?? g.p);
  const binCounts: Record<string, number> = {};
  let nbMin = Infinity;
  let nbMax = 0;
  for (let c = 0; c < bins.length; c++) {
    if (mask && !mask[c]) continue;
    binCounts[bins[c]] = (binCounts[bins[c]] ?? 0) + 1;
    nbMin = Math.min(nbMin, g.neighbours[c]);
    nbMax = Math.max(nbMax, g.neighbours[c]);
  }
  const notes = [...g.notes];
  if (nbMin < 8 && g.n > 8) notes.push(`some cells have only ${nbMin} neighbours (self included); ArcGIS suggests at least 8`);
  return {
    z: g.z,
    p: g.p,
    q,
    bins,
    binCounts,
    params: { bandM, fdr, cells: g.n, cellSizeM: grid.cellSizeM, mean: g.mean, sd: g.sd, neighboursMin: nbMin, neighboursMax: nbMax },
    reasons: {
      bandM: bandReason,
      fdr: fdr
        ? 'bins from Benjamini–Hochberg q-values: controls the share of false hot spots among the flagged cells'
        : 'bins from p-values without correction for the many cells tested',
      cells: mask ? 'cells of the study area, empty ones included' : 'every cell of the grid, empty ones included',
    },
    bandProfile,
    notes,
  };
}
