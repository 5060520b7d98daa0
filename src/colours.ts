/**
 * Colours shared by the map and the printed report, so a hot spot looks the same in both.
 */
import type { EmergingCategory } from './stats/emerging_hot_spots.ts';

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
