/**
 * Hexagonal grids (pointy-top, "odd-r" offset layout) and counting points on them.
 *
 * Cell `c = col + row * width`. The centre of (col, row) is
 * `x = x0 + (col + (row odd ? 0.5 : 0)) * spacingM`, `y = y0 + row * spacingM * sqrt(3)/2`, where
 * `spacingM` is the distance between the centres of neighbouring hexagons (the flat-to-flat
 * width; circumradius spacingM / sqrt 3; area spacingM^2 * sqrt(3)/2). A hexagon is the set of
 * points nearer its centre than any other, so a point is counted in the hexagon with the nearest
 * centre; a point on a shared edge (equally near two centres) goes to the larger index, as
 * DESIGN.md's edge rule says.
 */
import type { Extent } from './grid.ts';

const SQRT3_2 = Math.sqrt(3) / 2;

export interface HexGrid {
  /** Centre of hexagon (0, 0), metres. */
  x0: number;
  y0: number;
  /** Distance between neighbouring centres (flat-to-flat width), metres. */
  spacingM: number;
  width: number;
  height: number;
}

/** Area of one hexagon in m². */
export function hexAreaM2(spacingM: number): number {
  return spacingM * spacingM * SQRT3_2;
}

/** A hexagon grid covering the extent with one hexagon of margin, so every point of the extent has its nearest centre in the grid. */
export function hexGridForExtent(extent: Extent, spacingM: number): HexGrid {
  if (!(spacingM > 0) || !Number.isFinite(spacingM)) throw new RangeError(`spacingM must be > 0, got ${spacingM}`);
  const rowStep = spacingM * SQRT3_2;
  const x0 = extent.minX - spacingM;
  const y0 = extent.minY - rowStep;
  const width = Math.ceil((extent.maxX - x0) / spacingM) + 2;
  const height = Math.ceil((extent.maxY - y0) / rowStep) + 2;
  return { x0, y0, spacingM, width, height };
}

/** Index of the hexagon containing (x, y) (nearest centre, ties to the larger index), or -1 outside the grid. */
export function hexIndexOf(g: HexGrid, x: number, y: number): number {
  const s = g.spacingM;
  const rowStep = s * SQRT3_2;
  const r0 = Math.round((y - g.y0) / rowStep);
  if (!Number.isFinite(r0)) return -1;
  // Candidates are checked even outside the grid, so a point whose nearest centre lies outside
  // is reported as outside rather than given to a farther hexagon. Ties go to the larger
  // (row, col), which is the larger index inside the grid.
  let bestRow = -1;
  let bestCol = -1;
  let bestD2 = Infinity;
  for (let row = r0 - 1; row <= r0 + 1; row++) {
    const shift = row & 1 ? 0.5 : 0;
    const u = (x - g.x0) / s - shift;
    const cLo = Math.floor(u);
    const dy = y - (g.y0 + row * rowStep);
    for (let col = cLo; col <= cLo + 1; col++) {
      const dx = x - (g.x0 + (col + shift) * s);
      const d2 = dx * dx + dy * dy;
      if (d2 < bestD2 || (d2 === bestD2 && (row > bestRow || (row === bestRow && col > bestCol)))) {
        bestD2 = d2;
        bestRow = row;
        bestCol = col;
      }
    }
  }
  if (!(bestRow >= 0 && bestRow < g.height && bestCol >= 0 && bestCol < g.width)) return -1;
  return bestCol + bestRow * g.width;
}

/** Count (or weight-sum) points per hexagon; returns values[c] and how many points were skipped. */
export function countPointsOnHexGrid(
  g: HexGrid,
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  weights?: ArrayLike<number> | null,
  out?: Float64Array,
): { values: Float64Array; inside: number; outside: number } {
  const n = xs.length;
  if (ys.length !== n) throw new RangeError(`xs and ys must have the same length, got ${n} and ${ys.length}`);
  if (weights && weights.length !== n) throw new RangeError(`weights must have ${n} values, got ${weights.length}`);
  const size = g.width * g.height;
  const values = out ?? new Float64Array(size);
  if (values.length < size) throw new RangeError(`out must hold ${size} cells, got ${values.length}`);
  values.fill(0, 0, size);
  let inside = 0;
  let outside = 0;
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i] : 1;
    const c = Number.isFinite(w) ? hexIndexOf(g, xs[i], ys[i]) : -1;
    if (c < 0) {
      outside++;
      continue;
    }
    values[c] += w;
    inside += w;
  }
  return { values, inside, outside };
}

/** Centre of hexagon c, metres. */
export function hexCentre(g: HexGrid, c: number): [number, number] {
  const col = c % g.width;
  const row = (c - col) / g.width;
  return [g.x0 + (col + (row & 1 ? 0.5 : 0)) * g.spacingM, g.y0 + row * g.spacingM * SQRT3_2];
}

/** The closed ring (7 corners, counter-clockwise, pointy-top) of hexagon c in planar metres, for display. */
export function hexCellRing(g: HexGrid, c: number): [number, number][] {
  const [cx, cy] = hexCentre(g, c);
  const r = g.spacingM / Math.sqrt(3);
  const ring: [number, number][] = [];
  for (let k = 0; k <= 6; k++) {
    const a = ((30 + 60 * (k % 6)) * Math.PI) / 180;
    ring.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  return ring;
}
