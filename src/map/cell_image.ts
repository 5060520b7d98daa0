/**
 * Grid cells as the pixels of an image, one pixel per cell, to drop onto the map as an image
 * source stretched over the grid's corners. Grids are row-major with row 0 in the south; images
 * have row 0 at the top, so rows are flipped here.
 */

/** Pixels for `values` on a width x height grid: `index(v, c)` gives a row of `lut` (RGBA), or -1 for transparent. */
export function cellPixels(
  width: number,
  height: number,
  index: (c: number) => number,
  lut: Uint8ClampedArray,
): Uint8ClampedArray<ArrayBuffer> {
  const px = new Uint8ClampedArray(new ArrayBuffer(width * height * 4));
  for (let row = 0; row < height; row++) {
    const top = (height - 1 - row) * width;
    for (let col = 0; col < width; col++) {
      const k = index(col + row * width);
      if (k < 0) continue;
      const o = 4 * (top + col), l = 4 * k;
      px[o] = lut[l];
      px[o + 1] = lut[l + 1];
      px[o + 2] = lut[l + 2];
      px[o + 3] = lut[l + 3];
    }
  }
  return px;
}

/** Continuous values mapped to 0..255 by `scale` (NaN / non-positive -> transparent). */
export function rampIndex(values: ArrayLike<number>, scale: (v: number) => number, minVisible = 0): (c: number) => number {
  return (c) => {
    const v = values[c];
    if (!(v > minVisible)) return -1;
    const t = scale(v);
    return t < 0 ? 0 : t > 1 ? 255 : Math.round(t * 255);
  };
}
