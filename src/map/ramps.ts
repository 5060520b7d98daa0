/**
 * Colours of the hot-spot layers, shared by the map and its legends: 256-entry RGBA lookup
 * tables for continuous values, fixed colours for classes. Pure (no DOM, no map).
 */
import { interpolateRgb, interpolateYlOrRd } from 'd3';
import type { EmergingCategory } from '../stats/emerging_hot_spots.ts';

/** Gi* bins -3..3 (ArcGIS Hot Spot Analysis colours); index bin + 3; 0 (not significant) is not drawn. */
export const GI_BIN_COLOURS = ['#4575b5', '#849eba', '#c0ccbe', '#ffffbf', '#fab984', '#ed7551', '#d62f27'] as const;

/** Emerging hot-spot categories: reds for hot, blues for cold; no pattern is not drawn. */
export const EMERGING_COLOURS: Record<EmergingCategory, string> = {
  new_hot: '#ffb000',
  consecutive_hot: '#ff7f50',
  intensifying_hot: '#99000d',
  persistent_hot: '#d7301f',
  diminishing_hot: '#fc8d59',
  sporadic_hot: '#fdcc8a',
  oscillating_hot: '#c51b7d',
  historical_hot: '#b59a8e',
  new_cold: '#41b6c4',
  consecutive_cold: '#4292c6',
  intensifying_cold: '#08306b',
  persistent_cold: '#2171b5',
  diminishing_cold: '#9ecae1',
  sporadic_cold: '#c6dbef',
  oscillating_cold: '#6a51a3',
  historical_cold: '#8c9fb5',
  no_pattern: '#ffffff',
};

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
