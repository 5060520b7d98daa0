import { describe, expect, it } from 'vitest';
import { clipPolyline } from './clip_polyline.ts';

const pieces = (pts: number[][], box = [0, 0, 10, 10]) => {
  const r = clipPolyline(pts.map((p) => p[0]), pts.map((p) => p[1]), 0, pts.length, box[0], box[1], box[2], box[3]);
  const out: number[][][] = [];
  for (let p = 0; p < r.pieceCount; p++) {
    const piece: number[][] = [];
    for (let k = r.pieceStart[p]; k < r.pieceStart[p + 1]; k++) piece.push([r.xs[k], r.ys[k]]);
    out.push(piece);
  }
  return out;
};

describe('clipPolyline', () => {
  it('keeps a line inside the box as it is', () => {
    expect(pieces([[1, 1], [5, 5], [9, 1]])).toEqual([[[1, 1], [5, 5], [9, 1]]]);
  });

  it('cuts a line crossing the box at both edges', () => {
    expect(pieces([[-5, 5], [15, 5]])).toEqual([[[0, 5], [10, 5]]]);
  });

  it('makes two pieces of a line that leaves and re-enters', () => {
    expect(pieces([[2, 2], [2, 12], [8, 12], [8, 2]])).toEqual([
      [[2, 2], [2, 10]],
      [[8, 10], [8, 2]],
    ]);
  });

  it('drops lines outside and a line touching only a corner', () => {
    expect(pieces([[11, 11], [20, 20]])).toEqual([]);
    expect(pieces([[-1, 9], [1, 11]])).toEqual([]); // touches the corner (0, 10) only
  });

  it('counts the box edge as inside', () => {
    expect(pieces([[10, 2], [10, 8]])).toEqual([[[10, 2], [10, 8]]]);
    expect(pieces([[12, 5], [10, 5], [5, 5]])).toEqual([[[10, 5], [5, 5]]]);
  });
});
