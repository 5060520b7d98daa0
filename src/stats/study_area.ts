/**
 * A study-area mask for a grid when no boundary is given: the cells whose centre lies inside the
 * convex hull of the incidents, plus every cell holding an incident. It stands in for the police
 * area's outline, so that hit rates and PAI are not diluted by empty grid corners outside it.
 * Convex hull by Andrew's monotone chain (Andrew 1979).
 */
import type { Grid } from './grid.ts';

/** Convex hull of the finite points, counter-clockwise, no repeated first point. */
export function convexHull(xs: ArrayLike<number>, ys: ArrayLike<number>): [number, number][] {
  const pts: [number, number][] = [];
  for (let i = 0; i < xs.length; i++) if (Number.isFinite(xs[i]) && Number.isFinite(ys[i])) pts.push([xs[i], ys[i]]);
  pts.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const uniq = pts.filter((p, i) => i === 0 || p[0] !== pts[i - 1][0] || p[1] !== pts[i - 1][1]);
  if (uniq.length < 3) return uniq;
  const cross = (o: [number, number], a: [number, number], b: [number, number]) =>
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: [number, number][] = [];
  for (const p of uniq) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: [number, number][] = [];
  for (let i = uniq.length - 1; i >= 0; i--) {
    const p = uniq[i];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop();
    upper.push(p);
  }
  return lower.slice(0, -1).concat(upper.slice(0, -1));
}

/** Is (x, y) inside or on the convex counter-clockwise polygon? */
function insideConvex(hull: [number, number][], x: number, y: number): boolean {
  const m = hull.length;
  for (let i = 0; i < m; i++) {
    const a = hull[i];
    const b = hull[(i + 1) % m];
    if ((b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]) < 0) return false;
  }
  return true;
}

/** 1 for cells of the study area: centre inside the incidents' convex hull, or holding an incident. */
export function hullMask(grid: Grid, xs: ArrayLike<number>, ys: ArrayLike<number>): Uint8Array {
  const { x0, y0, cellSizeM: s, width, height } = grid;
  const mask = new Uint8Array(width * height);
  const hull = convexHull(xs, ys);
  if (hull.length >= 3) {
    for (let row = 0; row < height; row++) {
      const y = y0 + (row + 0.5) * s;
      for (let col = 0; col < width; col++) {
        if (insideConvex(hull, x0 + (col + 0.5) * s, y)) mask[col + row * width] = 1;
      }
    }
  }
  for (let i = 0; i < xs.length; i++) {
    const col = Math.floor((xs[i] - x0) / s);
    const row = Math.floor((ys[i] - y0) / s);
    if (col >= 0 && col < width && row >= 0 && row < height) mask[col + row * width] = 1;
  }
  return mask;
}
