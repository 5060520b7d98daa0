import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import { hexCellPolygons, squareCellPolygons } from './cell_polygons.ts';
import { hexAreaM2, hexGridForExtent } from './hex_grid.ts';

describe('cell polygons for display', () => {
  it('builds one polygon per cell with its index and value, skipping masked and zero cells on request', () => {
    const grid = { x0: 0, y0: 0, cellSizeM: 10, width: 3, height: 2 };
    const fc = squareCellPolygons(grid, { values: [0, 2, 0, 1, 0, 5], skipZero: true });
    expect(fc.features.map((f) => [f.properties.cell, f.properties.value])).toEqual([[1, 2], [3, 1], [5, 5]]);
    expect(fc.features[0].geometry.coordinates[0]).toEqual([[10, 0], [20, 0], [20, 10], [10, 10], [10, 0]]);
    expect(squareCellPolygons(grid, { mask: Uint8Array.from([1, 0, 0, 0, 0, 1]) }).features.length).toBe(2);
  });
  it('projects corners with toLonLat: a 100 m cell near 42°N has Turf area ~10,000 m²', () => {
    const grid = { x0: 0, y0: 0, cellSizeM: 100, width: 1, height: 1 };
    const lat0 = 42;
    const toLonLat = (x: number, y: number): [number, number] => [-87.7 + x / (111320 * Math.cos((lat0 * Math.PI) / 180)), lat0 + y / 111000];
    const fc = squareCellPolygons(grid, { toLonLat });
    expect(Math.abs(turf.area(fc.features[0]) - 1e4) / 1e4).toBeLessThan(0.01);
  });
  it('builds hexagons of the right size', () => {
    const g = hexGridForExtent({ minX: 0, minY: 0, maxX: 300, maxY: 300 }, 100);
    const fc = hexCellPolygons(g);
    expect(fc.features.length).toBe(g.width * g.height);
    expect(fc.features[0].geometry.coordinates[0].length).toBe(7);
    const ring = fc.features[4].geometry.coordinates[0];
    let a = 0;
    for (let i = 0; i < 6; i++) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
    expect(a / 2).toBeCloseTo(hexAreaM2(100), 6);
  });
});
