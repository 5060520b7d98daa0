import { describe, expect, it } from 'vitest';
import { NodeDb } from './node_db.ts';
import { tmForwardSql } from './tm_sql.ts';
import { tmForward, tmParamsOf } from '../geo/transverse_mercator.ts';
import { projector } from '../geo/projection.ts';

const points: [number, number][] = [
  [-87.7, 41.9], [-87.65, 41.95], [-89.9, 41.0], [-84.1, 43.2], // UTM 16N, edges of the zone
];

describe('transverse Mercator in SQL', () => {
  it('tmForward matches proj4 to a millimetre across UTM zone 16N', () => {
    const p = tmParamsOf('EPSG:32616')!;
    const proj = projector('EPSG:4326', 'EPSG:32616');
    for (const [lon, lat] of points) {
      const [x, y] = tmForward(p, lon, lat);
      const [px, py] = proj.forward(lon, lat);
      expect(Math.abs(x - px)).toBeLessThan(1e-3);
      expect(Math.abs(y - py)).toBeLessThan(1e-3);
    }
  });

  it('tmForward matches proj4 for LKS94 (EPSG:3346) in Vilnius and Klaipėda', () => {
    const p = tmParamsOf('EPSG:3346')!;
    const proj = projector('EPSG:4326', 'EPSG:3346');
    for (const [lon, lat] of [[25.2797, 54.6872], [21.1443, 55.7033]] as const) {
      const [x, y] = tmForward(p, lon, lat);
      const [px, py] = proj.forward(lon, lat);
      expect(Math.abs(x - px)).toBeLessThan(1e-3);
      expect(Math.abs(y - py)).toBeLessThan(1e-3);
    }
  });

  it('the SQL expression equals proj4 in DuckDB, and NULL stays NULL', async () => {
    const db = await NodeDb.open();
    try {
      const [xs, ys] = tmForwardSql(tmParamsOf('EPSG:32616')!, 'lon', 'lat');
      const values = points.map(([lon, lat]) => `(${lon}, ${lat})`).join(', ');
      const rows = await db.rows<{ x: number; y: number }>(
        `SELECT ${xs} AS x, ${ys} AS y FROM (VALUES ${values}, (NULL, NULL)) t(lon, lat)`);
      const proj = projector('EPSG:4326', 'EPSG:32616');
      points.forEach(([lon, lat], i) => {
        const [px, py] = proj.forward(lon, lat);
        expect(Math.abs(rows[i].x - px)).toBeLessThan(1e-3);
        expect(Math.abs(rows[i].y - py)).toBeLessThan(1e-3);
      });
      expect(rows[points.length].x).toBeNull();
    } finally {
      db.close();
    }
  });

  it('returns null for a CRS that needs a datum shift (British National Grid)', () => {
    expect(tmParamsOf('EPSG:27700')).toBeNull();
  });
});
