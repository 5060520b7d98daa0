/**
 * Snapping points (planar x, y in metres) to the nearest graph node, through a uniform grid index
 * built once over the node coordinates. A mask restricts snapping to the nodes a profile can use
 * (e.g. the largest strongly connected component of the car graph, so that every snapped stop
 * can be reached and left again).
 */

export interface NodeSnapperOptions {
  /** Only nodes with mask[v] = 1 are candidates. Default: every node with finite coordinates. */
  mask?: Uint8Array;
  /** Grid cell side, metres. Default: about two candidate nodes per cell on average. */
  cellSizeM?: number;
}

export class NodeSnapper {
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  /** Number of candidate nodes indexed. */
  readonly count: number;
  readonly cellSizeM: number;
  private readonly x0: number;
  private readonly y0: number;
  private readonly cols: number;
  private readonly rows: number;
  /** Nodes of cell c are cellNodes[cellStart[c] .. cellStart[c + 1] - 1]. */
  private readonly cellStart: Uint32Array;
  private readonly cellNodes: Uint32Array;

  constructor(xs: Float64Array, ys: Float64Array, options: NodeSnapperOptions = {}) {
    if (xs.length !== ys.length) throw new RangeError(`xs has ${xs.length} values, ys has ${ys.length}`);
    const mask = options.mask;
    if (mask && mask.length !== xs.length) throw new RangeError(`mask has ${mask.length} values, expected ${xs.length}`);
    this.xs = xs;
    this.ys = ys;
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity, count = 0;
    for (let v = 0; v < xs.length; v++) {
      if (mask && !mask[v]) continue;
      const x = xs[v], y = ys[v];
      if (!(Number.isFinite(x) && Number.isFinite(y))) continue;
      count++;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    this.count = count;
    if (count === 0) { minX = minY = maxX = maxY = 0; }
    const w = Math.max(maxX - minX, 1), h = Math.max(maxY - minY, 1);
    const auto = Math.sqrt((w * h * 2) / Math.max(count, 1));
    const cell = options.cellSizeM ?? auto;
    if (!(cell > 0) || cell === Infinity) throw new RangeError(`cellSizeM must be > 0, got ${cell}`);
    // Keep the grid to at most ~4 cells per node so a sparse, wide extent stays small.
    const maxCells = 4 * Math.max(count, 1) + 16;
    let size = cell;
    while (Math.ceil(w / size + 1e-9) * Math.ceil(h / size + 1e-9) > maxCells) size *= 1.5;
    this.cellSizeM = size;
    this.x0 = minX;
    this.y0 = minY;
    this.cols = Math.max(1, Math.ceil(w / size + 1e-9));
    this.rows = Math.max(1, Math.ceil(h / size + 1e-9));
    const cellCount = this.cols * this.rows;
    const cellStart = new Uint32Array(cellCount + 1);
    const cellOf = new Int32Array(xs.length).fill(-1);
    for (let v = 0; v < xs.length; v++) {
      if (mask && !mask[v]) continue;
      const x = xs[v], y = ys[v];
      if (!(Number.isFinite(x) && Number.isFinite(y))) continue;
      const c = this.cellIndex(this.colOf(x), this.rowOf(y));
      cellOf[v] = c;
      cellStart[c + 1]++;
    }
    for (let c = 0; c < cellCount; c++) cellStart[c + 1] += cellStart[c];
    const cursor = cellStart.slice(0, cellCount);
    const cellNodes = new Uint32Array(count);
    for (let v = 0; v < xs.length; v++) if (cellOf[v] >= 0) cellNodes[cursor[cellOf[v]]++] = v;
    this.cellStart = cellStart;
    this.cellNodes = cellNodes;
  }

  private colOf(x: number): number {
    return Math.min(this.cols - 1, Math.max(0, Math.floor((x - this.x0) / this.cellSizeM)));
  }

  private rowOf(y: number): number {
    return Math.min(this.rows - 1, Math.max(0, Math.floor((y - this.y0) / this.cellSizeM)));
  }

  private cellIndex(col: number, row: number): number {
    return col + row * this.cols;
  }

  /**
   * The nearest candidate node to (x, y), or -1 when none lies within `maxDistM` metres (or there
   * are no candidates). Ties go to the lower node id.
   */
  nearest(x: number, y: number, maxDistM = Infinity): number {
    if (!(Number.isFinite(x) && Number.isFinite(y))) throw new RangeError(`point must be finite, got (${x}, ${y})`);
    if (this.count === 0) return -1;
    const { xs, ys, cellStart, cellNodes, cols, rows, cellSizeM } = this;
    const cx = this.colOf(x), cy = this.rowOf(y);
    let best = -1, bestD2 = maxDistM === Infinity ? Infinity : maxDistM * maxDistM;
    const maxRing = Math.max(cols, rows);
    for (let r = 0; r <= maxRing; r++) {
      const bound = (r - 1) * cellSizeM;
      if (r > 0 && bound > 0 && bound * bound > bestD2) break;
      const r0 = Math.max(0, cy - r), r1 = Math.min(rows - 1, cy + r);
      for (let row = r0; row <= r1; row++) {
        const onEdgeRow = row === cy - r || row === cy + r;
        const step = onEdgeRow ? 1 : 2 * r;
        for (let col = cx - r; col <= cx + r; col += step || 1) {
          if (col < 0 || col >= cols) continue;
          const c = col + row * cols;
          for (let k = cellStart[c], end = cellStart[c + 1]; k < end; k++) {
            const v = cellNodes[k];
            const dx = xs[v] - x, dy = ys[v] - y;
            const d2 = dx * dx + dy * dy;
            if (d2 < bestD2 || (d2 === bestD2 && (best < 0 || v < best))) {
              bestD2 = d2;
              best = v;
            }
          }
        }
      }
    }
    return best;
  }

  /** Snap many points: out[i] = nearest(xs[i], ys[i], maxDistM). */
  snapInto(pxs: ArrayLike<number>, pys: ArrayLike<number>, out = new Int32Array(pxs.length), maxDistM = Infinity): Int32Array {
    if (pxs.length !== pys.length) throw new RangeError(`xs has ${pxs.length} values, ys has ${pys.length}`);
    for (let i = 0; i < pxs.length; i++) out[i] = this.nearest(pxs[i], pys[i], maxDistM);
    return out;
  }
}
