/**
 * The map's style: an offline basemap drawn from the local street GeoJSON (roads by class, street
 * names), the hot-spot layers above it, and the reference outlines. Nothing in it points to
 * another origin: no tiles, no sprite and no `glyphs` — labels are drawn from the bundled Noto
 * Sans files given in `font-faces` (latin + latin-ext, so Lithuanian letters too).
 *
 * Road classes are those of the street readers (src/geo/streets): motorway, trunk, primary,
 * secondary, tertiary, street, street_limited, link, motorway_link, service, pedestrian, track, path.
 */
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';

export interface BasemapUrls {
  /** Absolute URLs (the map's worker resolves nothing relative). */
  streets: string;
  beats?: string;
  outline?: string;
  /** Noto Sans woff2 files: latin and latin-ext subsets. */
  fontLatin: string;
  fontLatinExt: string;
}

/** The label font of every symbol layer. */
export const LABEL_FONT = 'Noto Sans Regular';

/** Image sources of the raster layers, one per layer family. */
export const RASTER_LAYERS = ['kde', 'grid', 'gistar', 'emerging'] as const;
export type RasterLayer = (typeof RASTER_LAYERS)[number];

/** A placeholder quad for image sources before the first analysis. */
const NOWHERE: [[number, number], [number, number], [number, number], [number, number]] = [[0, 0.001], [0.001, 0.001], [0.001, 0], [0, 0]];

const cls = (...names: string[]): ExpressionSpecification => ['in', ['get', 'class'], ['literal', names]];
const byZoom = (...stops: number[]): ExpressionSpecification => ['interpolate', ['exponential', 1.5], ['zoom'], ...stops];

export function basemapStyle(urls: BasemapUrls): StyleSpecification {
  const major = cls('motorway', 'trunk', 'primary', 'secondary', 'tertiary');
  const minor = cls('street', 'street_limited', 'link', 'motorway_link', 'residential', 'unclassified');
  const small = cls('service', 'pedestrian', 'track', 'path');
  const layers: LayerSpecification[] = [
    { id: 'background', type: 'background', paint: { 'background-color': '#f3f1ec' } },
    { id: 'road-small', type: 'line', source: 'streets', filter: small, minzoom: 13,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': byZoom(13, 0.5, 18, 5) } },
    { id: 'road-minor-casing', type: 'line', source: 'streets', filter: minor,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': '#cfc9bd', 'line-width': byZoom(11, 0.6, 18, 14) } },
    { id: 'road-minor', type: 'line', source: 'streets', filter: minor,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': byZoom(11, 0.3, 18, 11) } },
    { id: 'road-major-casing', type: 'line', source: 'streets', filter: major,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': '#c9a66b', 'line-width': byZoom(10, 1.2, 18, 20) } },
    { id: 'road-major', type: 'line', source: 'streets', filter: major,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': ['match', ['get', 'class'], ['motorway', 'trunk'], '#f4b26b', 'primary', '#fcd68a', '#fdeab8'],
        'line-width': byZoom(10, 0.8, 18, 16),
      } },
    ...RASTER_LAYERS.map((id): LayerSpecification => ({
      id: `${id}-raster`, type: 'raster', source: id, layout: { visibility: 'none' },
      paint: {
        'raster-opacity': id === 'kde' ? 0.75 : 0.85,
        'raster-resampling': id === 'kde' ? 'linear' : 'nearest',
        'raster-fade-duration': 0,
      },
    })),
    ...(urls.beats ? [
      { id: 'beats-line', type: 'line', source: 'beats',
        paint: { 'line-color': '#4b3f8f', 'line-width': byZoom(11, 0.8, 17, 2.5), 'line-dasharray': [3, 2] } },
    ] satisfies LayerSpecification[] : []),
    ...(urls.outline ? [
      { id: 'outline-line', type: 'line', source: 'outline', paint: { 'line-color': '#222222', 'line-width': byZoom(10, 1.5, 17, 4) } },
    ] satisfies LayerSpecification[] : []),
    { id: 'road-label', type: 'symbol', source: 'streets', minzoom: 13.5,
      filter: ['all', ['to-boolean', ['get', 'name']], ['!', small]],
      layout: {
        'symbol-placement': 'line', 'text-field': ['get', 'name'], 'text-font': [LABEL_FONT],
        'text-size': byZoom(13.5, 10, 18, 14), 'text-max-angle': 30, 'symbol-spacing': 300,
      },
      paint: { 'text-color': '#3d3d3d', 'text-halo-color': '#ffffff', 'text-halo-width': 1.4 } },
    ...(urls.beats ? [
      { id: 'beats-label', type: 'symbol', source: 'beats', minzoom: 12,
        layout: { 'text-field': ['to-string', ['coalesce', ['get', 'BEAT_NUM'], ['get', 'beat'], ['get', 'name'], '']], 'text-font': [LABEL_FONT], 'text-size': 12 },
        paint: { 'text-color': '#4b3f8f', 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 } },
    ] satisfies LayerSpecification[] : []),
    { id: 'highlight-line', type: 'line', source: 'highlight', filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'line-color': '#00a0b0', 'line-width': 3 } },
    { id: 'highlight-ring', type: 'circle', source: 'highlight', filter: ['==', ['geometry-type'], 'Point'],
      paint: { 'circle-radius': 22, 'circle-color': 'rgba(0, 0, 0, 0)', 'circle-stroke-color': '#00a0b0', 'circle-stroke-width': 3 } },
    { id: 'incidents-cluster', type: 'circle', source: 'incidents', filter: ['any', ['has', 'point_count'], ['>', ['coalesce', ['get', 'n'], 0], 1]],
      paint: {
        'circle-color': '#3a5a80', 'circle-opacity': 0.8, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5,
        'circle-radius': ['interpolate', ['linear'], ['sqrt', ['coalesce', ['get', 'total'], ['get', 'n']]], 1, 9, 10, 18, 40, 30],
      } },
    { id: 'incidents-count', type: 'symbol', source: 'incidents', filter: ['any', ['has', 'point_count'], ['>', ['coalesce', ['get', 'n'], 0], 1]],
      layout: { 'text-field': ['to-string', ['coalesce', ['get', 'total'], ['get', 'n']]], 'text-font': [LABEL_FONT], 'text-size': 11, 'text-allow-overlap': true },
      paint: { 'text-color': '#ffffff' } },
    { id: 'incidents-point', type: 'circle', source: 'incidents', filter: ['all', ['!', ['has', 'point_count']], ['==', ['get', 'n'], 1]],
      paint: {
        'circle-color': '#1f3b5c', 'circle-radius': byZoom(12, 3, 18, 7),
        'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1,
      } },
  ];
  const empty = { type: 'FeatureCollection' as const, features: [] };
  return {
    version: 8,
    name: 'Sargas offline',
    'font-faces': {
      [LABEL_FONT]: [
        // The subsets' unicode ranges as @fontsource/noto-sans declares them (400.css).
        { url: urls.fontLatin, 'unicode-range': ['U+0000-00FF', 'U+0131', 'U+0152-0153', 'U+02BB-02BC', 'U+02C6', 'U+02DA', 'U+02DC', 'U+0304', 'U+0308', 'U+0329', 'U+2000-206F', 'U+20AC', 'U+2122', 'U+2191', 'U+2193', 'U+2212', 'U+2215', 'U+FEFF', 'U+FFFD'] },
        { url: urls.fontLatinExt, 'unicode-range': ['U+0100-02BA', 'U+02BD-02C5', 'U+02C7-02CC', 'U+02CE-02D7', 'U+02DD-02FF', 'U+1D00-1DBF', 'U+1E00-1E9F', 'U+1EF2-1EFF', 'U+2020', 'U+20A0-20AB', 'U+20AD-20C0', 'U+2113', 'U+2C60-2C7F', 'U+A720-A7FF'] },
      ],
    },
    sources: {
      streets: { type: 'geojson', data: urls.streets },
      ...(urls.beats ? { beats: { type: 'geojson' as const, data: urls.beats } } : {}),
      ...(urls.outline ? { outline: { type: 'geojson' as const, data: urls.outline } } : {}),
      ...Object.fromEntries(RASTER_LAYERS.map((id) => [id, { type: 'image' as const, coordinates: NOWHERE }])),
      highlight: { type: 'geojson', data: empty },
      incidents: {
        type: 'geojson', data: empty, cluster: true, clusterRadius: 40, clusterMaxZoom: 16,
        clusterProperties: { total: ['+', ['get', 'n']] },
      },
    },
    layers,
  };
}
