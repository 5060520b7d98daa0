/**
 * Colours of the hot-spot layers, shared by the map and its legends: 256-entry RGBA lookup
 * tables for continuous values, fixed colours for classes. Pure (no DOM, no map).
 */
import { interpolateRgb, interpolateYlOrRd } from 'd3';
import type { EmergingCategory } from '../stats/emerging_hot_spots.ts';

export { EMERGING_COLOURS, GI_BIN_COLOURS } from '../colours.ts';

/** Counts: yellow-orange-red on a square-root scale (small counts stay visible). */
export const countColour = (t: number): string => interpolateYlOrRd(0.15 + 0.85 * t);
/** KDE: light lilac to deep purple. */
export const densityColour = interpolateRgb('#f1e4f5', '#3f007d');

/** Parse '#rrggbb' or 'rgb(r, g, b)' into [r, g, b]. */
export function rgbOf(colour: string): [number, number, number] {
  if (colour.startsWith('#')) {
    const v = parseInt(colour.slice(1, 7), 16);
    return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
  }
  const m = /rgba?\(\s*(\d+)[ ,]+(\d+)[ ,]+(\d+)/.exec(colour);
  if (!m) throw new RangeError(`not a colour: ${colour}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** A 256 x RGBA lookup table of `colour(t)` for t = i / 255, with alpha `alpha(t)` (0..1). */
export function lookupTable(colour: (t: number) => string, alpha: (t: number) => number = () => 1): Uint8ClampedArray {
  const lut = new Uint8ClampedArray(256 * 4);
  for (let i = 0; i < 256; i++) {
    const t = i / 255;
    const [r, g, b] = rgbOf(colour(t));
    lut.set([r, g, b, Math.round(255 * alpha(t))], 4 * i);
  }
  return lut;
}

/** RGBA per class index from a list of colours; `hidden` class indices are transparent. */
export function classTable(colours: readonly string[], hidden: number[] = []): Uint8ClampedArray {
  const lut = new Uint8ClampedArray(colours.length * 4);
  colours.forEach((c, i) => lut.set([...rgbOf(c), hidden.includes(i) ? 0 : 255], 4 * i));
  return lut;
}
