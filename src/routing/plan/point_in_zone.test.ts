import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import type { FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { pointInZone } from './point_in_zone.ts';

describe('pointInZone', () => {
  const square = [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]]];

  it('is inside the outer ring and outside its hole', () => {
    expect(pointInZone(1, 1, [square])).toBe(true);
    expect(pointInZone(5, 5, [square])).toBe(false);
    expect(pointInZone(11, 5, [square])).toBe(false);
  });

  it('takes any polygon of a multipolygon', () => {
    const far = [[[20, 20], [30, 20], [30, 30], [20, 20]]];
    expect(pointInZone(25, 22, [square, far])).toBe(true);
    expect(pointInZone(5, 5, [square, far])).toBe(false);
  });

  it('agrees with Turf booleanPointInPolygon on the 12 beats of district 14 (2,000 points)', () => {
    const file = new URL('../../../data/chicago_d14/police_beats_d14.geojson', import.meta.url);
    const beats = JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection<Polygon>;
    let inside = 0;
    for (let k = 0; k < 2000; k++) {
      const lon = -87.72 + ((k * 7919) % 2000) / 2000 * 0.07;
      const lat = 41.90 + ((k * 104729) % 1999) / 1999 * 0.04;
      const beat = beats.features[k % beats.features.length];
      const ours = pointInZone(lon, lat, [beat.geometry.coordinates]);
      expect(ours).toBe(booleanPointInPolygon([lon, lat], beat));
      if (ours) inside++;
    }
    expect(inside).toBeGreaterThan(50);
  });
});
