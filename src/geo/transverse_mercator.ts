/**
 * Transverse Mercator by Krüger's series to n⁴ (Karney 2011, "Transverse Mercator with an
 * accuracy of a few nanometers", eq. 35–36): sub-millimetre within a UTM zone. Used to project
 * lon/lat to the project's planar CRS inside SQL (see data/tm_sql.ts), where proj4 cannot run.
 * proj4 stays the reference: the tests compare the two.
 */
import { normaliseCrs } from './projection.ts';

export interface TmParams {
  /** Semi-major axis (m) and flattening of the ellipsoid. */
  a: number;
  f: number;
  /** Central meridian and latitude of origin, degrees. */
  lon0: number;
  lat0: number;
  k0: number;
  falseEasting: number;
  falseNorthing: number;
}

const WGS84 = { a: 6378137, f: 1 / 298.257223563 };
const GRS80 = { a: 6378137, f: 1 / 298.257222101 };

/**
 * TM parameters of a CRS whose datum equals WGS84 to within centimetres (UTM WGS84/ETRS89,
 * LKS94, LKS92, PUWG 1992), or null when a datum shift is needed (e.g. EPSG:27700) and proj4
 * must do the work.
 */
export function tmParamsOf(crs: string): TmParams | null {
  const code = Number(normaliseCrs(crs).slice(5));
  const utm = (zone: number, south: boolean, ell = WGS84): TmParams => ({
    ...ell, lon0: zone * 6 - 183, lat0: 0, k0: 0.9996, falseEasting: 500000, falseNorthing: south ? 10000000 : 0,
  });
  if (code >= 32601 && code <= 32660) return utm(code - 32600, false);
  if (code >= 32701 && code <= 32760) return utm(code - 32700, true);
  if (code >= 25828 && code <= 25838) return utm(code - 25800, false, GRS80);
  if (code === 3346) return { ...GRS80, lon0: 24, lat0: 0, k0: 0.9998, falseEasting: 500000, falseNorthing: 0 };
  if (code === 3059) return { ...GRS80, lon0: 24, lat0: 0, k0: 0.9996, falseEasting: 500000, falseNorthing: -6000000 };
  if (code === 2180) return { ...GRS80, lon0: 19, lat0: 0, k0: 0.9993, falseEasting: 500000, falseNorthing: -5300000 };
  return null;
}

/** The constants of the series: rectifying radius A and the α coefficients. */
export function tmSeries(p: TmParams): { A: number; e: number; alpha: [number, number, number, number] } {
  const n = p.f / (2 - p.f);
  const n2 = n * n, n3 = n2 * n, n4 = n3 * n;
  const A = (p.a / (1 + n)) * (1 + n2 / 4 + n4 / 64);
  const e = Math.sqrt(p.f * (2 - p.f));
  const alpha: [number, number, number, number] = [
    n / 2 - (2 / 3) * n2 + (5 / 16) * n3 + (41 / 180) * n4,
    (13 / 48) * n2 - (3 / 5) * n3 + (557 / 1440) * n4,
    (61 / 240) * n3 - (103 / 140) * n4,
    (49561 / 161280) * n4,
  ];
  if (p.lat0 !== 0) throw new RangeError('only latitude of origin 0 is supported');
  return { A, e, alpha };
}

/** Forward TM in plain JS (same series as the SQL); for tests and small inputs. */
export function tmForward(p: TmParams, lon: number, lat: number): [number, number] {
  const { A, e, alpha } = tmSeries(p);
  const phi = (lat * Math.PI) / 180;
  const dl = ((lon - p.lon0) * Math.PI) / 180;
  const s = Math.sin(phi);
  const t = Math.sinh(Math.atanh(s) - e * Math.atanh(e * s));
  const xi = Math.atan2(t, Math.cos(dl));
  const eta = Math.atanh(Math.sin(dl) / Math.sqrt(1 + t * t));
  let x = eta, y = xi;
  for (let j = 1; j <= 4; j++) {
    x += alpha[j - 1] * Math.cos(2 * j * xi) * Math.sinh(2 * j * eta);
    y += alpha[j - 1] * Math.sin(2 * j * xi) * Math.cosh(2 * j * eta);
  }
  return [p.falseEasting + p.k0 * A * x, p.falseNorthing + p.k0 * A * y];
}
