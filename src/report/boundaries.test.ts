import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon, point } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { featureAt, insideFeature, readBoundaryLayer } from './boundaries.ts';

const square = (x0: number, y0: number, s: number) => [[x0, y0], [x0 + s, y0], [x0 + s, y0 + s], [x0, y0 + s], [x0, y0]];

describe('readBoundaryLayer', () => {
  it('reads polygons and multipolygons, labels them from BEAT_NUM and calls the layer beats', () => {
    const layer = readBoundaryLayer('beats', JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { BEAT_NUM: '1411' }, geometry: { type: 'Polygon', coordinates: [square(0, 0, 1)] } },
        { type: 'Feature', properties: { BEAT_NUM: '1412' }, geometry: { type: 'MultiPolygon', coordinates: [[square(2, 0, 1)], [square(4, 0, 1)]] } },
        { type: 'Feature', properties: { BEAT_NUM: 'x' }, geometry: { type: 'Point', coordinates: [0, 0] } },
      ],
    }));
    expect(layer.kind).toBe('beat');
    expect(layer.features.map((f) => f.label)).toEqual(['1411', '1412']);
    expect(featureAt(layer, 0.5, 0.5)).toBe(0);
    expect(featureAt(layer, 4.5, 0.5)).toBe(1);
    expect(featureAt(layer, 3.5, 0.5)).toBe(-1);
    expect(featureAt(layer, NaN, 0.5)).toBe(-1);
  });

  it('numbers features without a label property and calls the layer areas', () => {
    const layer = readBoundaryLayer('zones', { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [square(0, 0, 1)] } }] });
    expect(layer.kind).toBe('area');
    expect(layer.features[0].label).toBe('1');
  });

  it('throws a RangeError naming the layer when it has no polygons or is not JSON', () => {
    expect(() => readBoundaryLayer('lines.geojson', { type: 'FeatureCollection', features: [] })).toThrow(/lines\.geojson: no Polygon/);
    expect(() => readBoundaryLayer('bad.geojson', '{')).toThrow(/bad\.geojson: not JSON/);
  });
});

describe('insideFeature', () => {
  it('agrees with Turf on a polygon with a hole, over a grid of points', () => {
    const outer = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]];
    const hole = [[3, 3], [3, 7], [7, 7], [7, 3], [3, 3]];
    const layer = readBoundaryLayer('holed', { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'a' }, geometry: { type: 'Polygon', coordinates: [outer, hole] } }] });
    const turfPoly: Feature<Polygon | MultiPolygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [outer, hole] } };
    let inside = 0;
    for (let x = -0.75; x < 11; x += 0.5) {
      for (let y = -0.75; y < 11; y += 0.5) {
        const ours = insideFeature(layer.features[0], x, y);
        expect(ours, `${x}, ${y}`).toBe(booleanPointInPolygon(point([x, y]), turfPoly));
        if (ours) inside++;
      }
    }
    expect(inside).toBe(20 * 20 - 8 * 8);
  });
});
