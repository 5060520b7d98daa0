/** Where the shared real data live (../shared next to the repo), and whether they are there. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const chicagoDir = fileURLToPath(new URL('../../../shared/data/chicago/', import.meta.url));
export const tilesDir = `${chicagoDir}streets_2017/tiles/`;
export const haveChicago = existsSync(tilesDir) && existsSync(`${chicagoDir}logan_square_2012.osm`);

/** Haversine length of a polyline in km (mean Earth radius), independent of the app's projection. */
export function haversineKm(lons: Float64Array, lats: Float64Array, a: number, b: number): number {
  const R = 6371.0088, rad = Math.PI / 180;
  let km = 0;
  for (let v = a; v + 1 < b; v++) {
    const p1 = lats[v] * rad, p2 = lats[v + 1] * rad;
    const h = Math.sin((p2 - p1) / 2) ** 2 + Math.cos(p1) * Math.cos(p2) * Math.sin(((lons[v + 1] - lons[v]) * rad) / 2) ** 2;
    km += 2 * R * Math.asin(Math.sqrt(h));
  }
  return km;
}
