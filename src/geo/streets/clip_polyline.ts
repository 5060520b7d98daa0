/**
 * Clip a polyline to an axis-aligned box (Liang–Barsky per segment). A line that leaves and
 * re-enters the box becomes several pieces. Points on the box boundary count as inside.
 *
 * Used to cut vector-tile geometry back to the tile extent, so the buffer each tile carries
 * around its edge is not counted twice by neighbouring tiles.
 */

/** Clipped pieces in flat arrays: piece p has vertices pieceStart[p] .. pieceStart[p + 1] - 1. */
export interface ClippedPieces {
  pieceCount: number;
  pieceStart: Uint32Array;
  xs: Float64Array;
  ys: Float64Array;
}

/**
 * Clip vertices `start .. end - 1` of `xs`/`ys` to [minX, maxX] × [minY, maxY]. Pieces that
 * shrink to a single point (a line touching a corner) are left out.
 */
export function clipPolyline(
  xs: ArrayLike<number>, ys: ArrayLike<number>, start: number, end: number,
  minX: number, minY: number, maxX: number, maxY: number,
): ClippedPieces {
  const n = end - start;
  // A polyline of n vertices clips to at most n - 1 pieces of at most 2 (n - 1) vertices.
  const cap = Math.max(2, 2 * n);
  const outX = new Float64Array(cap), outY = new Float64Array(cap);
  const starts: number[] = [];
  let m = 0;
  let open = false;
  let pieceFirst = 0;
  const range = new Float64Array(2); // [t0, t1] of the current segment
  const close = () => {
    if (open && m - pieceFirst < 2) m = pieceFirst; // drop single-point pieces
    else if (open) starts.push(pieceFirst);
    open = false;
  };
  for (let k = start; k + 1 < end; k++) {
    const x0 = xs[k], y0 = ys[k];
    const dx = xs[k + 1] - x0, dy = ys[k + 1] - y0;
    // Liang–Barsky: p·t <= q for each of the four box edges.
    range[0] = 0;
    range[1] = 1;
    if (!(clipEdge(-dx, x0 - minX, range) && clipEdge(dx, maxX - x0, range) && clipEdge(-dy, y0 - minY, range) && clipEdge(dy, maxY - y0, range))) {
      close();
      continue;
    }
    const t0 = range[0], t1 = range[1];
    if (!open || t0 > 0) {
      close();
      pieceFirst = m;
      open = true;
      outX[m] = t0 === 0 ? x0 : x0 + t0 * dx;
      outY[m] = t0 === 0 ? y0 : y0 + t0 * dy;
      m++;
    }
    const bx = t1 === 1 ? xs[k + 1] : x0 + t1 * dx;
    const by = t1 === 1 ? ys[k + 1] : y0 + t1 * dy;
    if (!(bx === outX[m - 1] && by === outY[m - 1])) {
      outX[m] = bx;
      outY[m] = by;
      m++;
    }
    if (t1 < 1) close();
  }
  close();
  const pieceStart = new Uint32Array(starts.length + 1);
  for (let p = 0; p < starts.length; p++) pieceStart[p] = starts[p];
  pieceStart[starts.length] = m;
  return { pieceCount: starts.length, pieceStart, xs: outX.subarray(0, m), ys: outY.subarray(0, m) };
}

/** Narrow range [t0, t1] by the constraint p·t <= q; false when nothing is left. */
function clipEdge(p: number, q: number, range: Float64Array): boolean {
  if (p === 0) return q >= 0;
  const t = q / p;
  if (p < 0) {
    if (t > range[1]) return false;
    if (t > range[0]) range[0] = t;
  } else {
    if (t < range[0]) return false;
    if (t < range[1]) range[1] = t;
  }
  return true;
}
