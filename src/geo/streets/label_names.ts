/**
 * Names for unnamed road lines from separate label lines, by proximity and direction.
 *
 * Mapbox Streets v7 keeps road geometry (layer `road`) and names (layer `road_label`, merged
 * lines) apart. A road piece takes the name of the label lines that run along it: the piece is
 * sampled every `stepSize` units; each sample votes, with the length it stands for, for the
 * nearest label segment within `maxDistance` that is within `maxAngleDeg` of parallel to the
 * piece there. The name with most votes wins if it covers at least `minShare` of the piece.
 * (The derived chicago_roads_z13_named.geojson used 10 tile units, ~9 m, and 25°.)
 */
import { buildSegmentGrid, gridCol, gridRow, type SegmentGrid } from './segment_grid.ts';

export interface LabelNameOptions {
  /** Largest distance from a road sample to a label line, in the units of the coordinates. @default 10 */
  maxDistance?: number;
  /** Largest angle between road and label direction, degrees. @default 25 */
  maxAngleDeg?: number;
  /** Road pieces are sampled at most this far apart. @default 8 */
  stepSize?: number;
  /** Share of a piece's length the winning name must cover. @default 0.5 */
  minShare?: number;
}

/** Label lines (flat, like ClippedPieces) indexed for name lookups. */
export interface LabelIndex {
  xs: Float64Array;
  ys: Float64Array;
  /** Segment s runs from vertex segFirst[s] to segFirst[s] + 1. */
  segFirst: Uint32Array;
  /** Name id per segment (ids are the caller's, > 0). */
  segName: Uint32Array;
  grid: SegmentGrid;
  maxDistance: number;
  cosMax: number;
  stepSize: number;
  minShare: number;
  /** Scratch: votes per name id, and which ids got votes. */
  votes: Map<number, number>;
}

/**
 * Index label lines: line j has vertices lineStart[j] .. lineStart[j + 1] - 1 and name id
 * nameIds[j] (> 0; lines with id 0 are skipped).
 */
export function buildLabelIndex(
  xs: Float64Array, ys: Float64Array, lineStart: ArrayLike<number>, nameIds: ArrayLike<number>,
  options: LabelNameOptions = {},
): LabelIndex {
  const maxDistance = options.maxDistance ?? 10;
  const maxAngleDeg = options.maxAngleDeg ?? 25;
  const stepSize = options.stepSize ?? 8;
  const minShare = options.minShare ?? 0.5;
  if (!(maxDistance > 0)) throw new RangeError(`maxDistance must be > 0, got ${maxDistance}`);
  if (!(maxAngleDeg >= 0 && maxAngleDeg <= 90)) throw new RangeError(`maxAngleDeg must be in 0..90, got ${maxAngleDeg}`);
  if (!(stepSize > 0)) throw new RangeError(`stepSize must be > 0, got ${stepSize}`);
  if (!(minShare >= 0 && minShare <= 1)) throw new RangeError(`minShare must be in 0..1, got ${minShare}`);
  const lines = nameIds.length;
  let segCount = 0;
  for (let j = 0; j < lines; j++) if (nameIds[j] > 0) segCount += Math.max(0, lineStart[j + 1] - lineStart[j] - 1);
  const segFirst = new Uint32Array(segCount), segName = new Uint32Array(segCount);
  let s = 0;
  for (let j = 0; j < lines; j++) {
    if (!(nameIds[j] > 0)) continue;
    for (let v = lineStart[j]; v + 1 < lineStart[j + 1]; v++) {
      segFirst[s] = v;
      segName[s] = nameIds[j];
      s++;
    }
  }
  const grid = buildSegmentGrid(xs, ys, segFirst, segCount, { cellSize: Math.max(4 * maxDistance, 16) });
  return {
    xs, ys, segFirst, segName, grid, maxDistance, cosMax: Math.cos((maxAngleDeg * Math.PI) / 180),
    stepSize, minShare, votes: new Map(),
  };
}

/** The name id (0 = none) the labels give the road piece at vertices start .. end - 1 of xs/ys. */
export function labelNameFor(index: LabelIndex, xs: ArrayLike<number>, ys: ArrayLike<number>, start: number, end: number): number {
  const { grid, segFirst, segName, maxDistance, cosMax, stepSize } = index;
  const lx = index.xs, ly = index.ys;
  const votes = index.votes;
  votes.clear();
  if (grid.items.length === 0) return 0;
  const maxD2 = maxDistance * maxDistance;
  let total = 0;
  for (let k = start; k + 1 < end; k++) {
    const dx = xs[k + 1] - xs[k], dy = ys[k + 1] - ys[k];
    const len = Math.hypot(dx, dy);
    if (len === 0) continue;
    total += len;
    const steps = Math.ceil(len / stepSize);
    const w = len / steps;
    for (let q = 0; q < steps; q++) {
      const f = (q + 0.5) / steps;
      const px = xs[k] + f * dx, py = ys[k] + f * dy;
      let best = -1, bestD2 = maxD2;
      // A label segment within maxDistance of the sample has its nearest point, and so a cell,
      // inside the sample's box widened by maxDistance.
      const c0 = Math.max(0, gridCol(grid, px - maxDistance)), c1 = Math.min(grid.cols - 1, gridCol(grid, px + maxDistance));
      const r0 = Math.max(0, gridRow(grid, py - maxDistance)), r1 = Math.min(grid.rows - 1, gridRow(grid, py + maxDistance));
      for (let r = r0; r <= r1; r++) {
        for (let c = c0; c <= c1; c++) {
          const cell = c + r * grid.cols;
          for (let it = grid.cellStart[cell]; it < grid.cellStart[cell + 1]; it++) {
            const s = grid.items[it];
            const v = segFirst[s];
            const ax = lx[v], ay = ly[v], bx = lx[v + 1] - ax, by = ly[v + 1] - ay;
            const bl2 = bx * bx + by * by;
            if (bl2 === 0) continue;
            const dot = dx * bx + dy * by;
            if (Math.abs(dot) < cosMax * len * Math.sqrt(bl2)) continue;
            let t = ((px - ax) * bx + (py - ay) * by) / bl2;
            t = t < 0 ? 0 : t > 1 ? 1 : t;
            const ex = ax + t * bx - px, ey = ay + t * by - py;
            const d2 = ex * ex + ey * ey;
            if (d2 <= bestD2) {
              bestD2 = d2;
              best = s;
            }
          }
        }
      }
      if (best >= 0) {
        const id = segName[best];
        votes.set(id, (votes.get(id) ?? 0) + w);
      }
    }
  }
  let bestId = 0, bestVote = 0;
  for (const [id, vote] of votes) {
    if (vote > bestVote || (vote === bestVote && id < bestId)) {
      bestVote = vote;
      bestId = id;
    }
  }
  return total > 0 && bestVote >= index.minShare * total ? bestId : 0;
}
