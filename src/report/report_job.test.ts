import { describe, expect, it } from 'vitest';
import type { IncidentColumns } from '../data/incident_columns.ts';
import type { StreetLines } from '../geo/streets/street_lines.ts';
import { readBoundaryLayer } from './boundaries.ts';
import { referenceBox, shareInBox } from './report_job.ts';

function incidents(points: [number, number][]): IncidentColumns {
  const n = points.length;
  return {
    n, crs: 'EPSG:32616',
    xs: new Float64Array(n), ys: new Float64Array(n),
    lons: Float64Array.from(points, (p) => p[0]), lats: Float64Array.from(points, (p) => p[1]),
    monthIndex: new Int32Array(n), hour: new Int8Array(n), dow: new Int8Array(n),
    categoryCode: new Uint16Array(n), categories: [''], areaCode: new Uint32Array(n), areas: [''],
  };
}

const square = readBoundaryLayer('beats', {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: { BEAT_NUM: '1' }, geometry: { type: 'Polygon', coordinates: [[[-87.7, 41.9], [-87.6, 41.9], [-87.6, 42], [-87.7, 42], [-87.7, 41.9]]] } }],
});

const line = (lons: number[], lats: number[]): StreetLines => ({
  lineCount: 1, lineStart: Uint32Array.of(0, lons.length), lons: Float64Array.from(lons), lats: Float64Array.from(lats),
  lineClass: new Uint8Array(1), lineOneway: new Int8Array(1), lineStructure: new Uint8Array(1), lineLayer: new Int8Array(1),
  lineName: new Uint32Array(1), names: [''],
});

describe('report reference layers', () => {
  it('referenceBox(streets, layers) spans street vertices and boundary boxes, null when there are none', () => {
    expect(referenceBox(null, [square])).toEqual([-87.7, 41.9, -87.6, 42]);
    expect(referenceBox(line([-87.8, -87.75], [41.95, 42.1]), [square])).toEqual([-87.8, 41.9, -87.6, 42.1]);
    expect(referenceBox(null, [])).toBeNull();
  });

  it('shareInBox(incidents, box) is the share of incidents with coordinates inside the box, edges included', () => {
    const box = referenceBox(null, [square]);
    expect(shareInBox(incidents([[-87.65, 41.95], [-87.7, 41.9], [-0.1, 51.5], [NaN, NaN]]), box)).toBeCloseTo(2 / 3, 12);
    expect(shareInBox(incidents([[-0.1, 51.5]]), box)).toBe(0);
    expect(shareInBox(incidents([[-87.65, 41.95]]), null)).toBe(0);
    expect(shareInBox(incidents([]), box)).toBe(0);
  });
});
