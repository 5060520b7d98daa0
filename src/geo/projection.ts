/**
 * Coordinate systems: WGS84 lon/lat in, planar metres out, through proj4.
 *
 * A project's planar CRS is the local UTM zone of its data unless the user names one
 * (DESIGN.md). LKS94 (EPSG:3346) and British National Grid (EPSG:27700) are defined here so no
 * definition is ever fetched.
 */
import proj4 from 'proj4';

const defs: Record<string, string> = {
  'EPSG:3346': '+proj=tmerc +lat_0=0 +lon_0=24 +k=0.9998 +x_0=500000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  'EPSG:27700': '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs',
  'EPSG:3059': '+proj=tmerc +lat_0=0 +lon_0=24 +k=0.9996 +x_0=500000 +y_0=-6000000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  'EPSG:2180': '+proj=tmerc +lat_0=0 +lon_0=19 +k=0.9993 +x_0=500000 +y_0=-5300000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
};

/** Normalise 'epsg:3346', '3346', 'EPSG:3346' to 'EPSG:3346'. */
export function normaliseCrs(crs: string): string {
  const m = /^\s*(?:epsg:)?(\d{4,5})\s*$/i.exec(crs);
  if (!m) throw new RangeError(`CRS must look like EPSG:NNNN, got '${crs}'`);
  return `EPSG:${m[1]}`;
}

/** The proj4 definition of a CRS this project knows: WGS84, the ones above, UTM (WGS84 / ETRS89). */
export function crsDefinition(crs: string): string {
  const code = normaliseCrs(crs);
  if (code === 'EPSG:4326') return '+proj=longlat +datum=WGS84 +no_defs';
  if (defs[code]) return defs[code];
  const n = Number(code.slice(5));
  if (n >= 32601 && n <= 32660) return `+proj=utm +zone=${n - 32600} +datum=WGS84 +units=m +no_defs`;
  if (n >= 32701 && n <= 32760) return `+proj=utm +zone=${n - 32700} +south +datum=WGS84 +units=m +no_defs`;
  if (n >= 25828 && n <= 25838) return `+proj=utm +zone=${n - 25800} +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs`;
  if (n >= 26901 && n <= 26923) return `+proj=utm +zone=${n - 26900} +datum=NAD83 +units=m +no_defs`;
  throw new RangeError(`unknown CRS ${code}: known are EPSG:4326, ${Object.keys(defs).join(', ')}, UTM (EPSG:326xx/327xx/258xx/269xx)`);
}

/** The WGS84 UTM zone containing (lon, lat), as 'EPSG:326NN' (north) or 'EPSG:327NN' (south). */
export function utmCrsFor(lon: number, lat: number): string {
  if (!(lon >= -180 && lon <= 180 && lat >= -80 && lat <= 84)) {
    throw new RangeError(`no UTM zone for lon ${lon}, lat ${lat}`);
  }
  const zone = Math.min(60, Math.floor((lon + 180) / 6) + 1);
  return `EPSG:${lat >= 0 ? 326 : 327}${String(zone).padStart(2, '0')}`;
}

/** Is the CRS planar (metres) rather than geographic? */
export function isPlanar(crs: string): boolean {
  return normaliseCrs(crs) !== 'EPSG:4326';
}

export interface Projector {
  readonly from: string;
  readonly to: string;
  /** Transform arrays in place into the out arrays (may be the same arrays). NaN stays NaN. */
  forwardInto(xs: ArrayLike<number>, ys: ArrayLike<number>, outX: Float64Array, outY: Float64Array): void;
  forward(x: number, y: number): [number, number];
  inverse(x: number, y: number): [number, number];
}

/** A projector between two CRSs (either may be EPSG:4326). */
export function projector(from: string, to: string): Projector {
  const f = normaliseCrs(from);
  const t = normaliseCrs(to);
  const conv = proj4(crsDefinition(f), crsDefinition(t));
  const forward = (x: number, y: number): [number, number] => {
    if (!(Number.isFinite(x) && Number.isFinite(y))) return [NaN, NaN];
    const p = conv.forward([x, y]);
    return [p[0], p[1]];
  };
  const inverse = (x: number, y: number): [number, number] => {
    if (!(Number.isFinite(x) && Number.isFinite(y))) return [NaN, NaN];
    const p = conv.inverse([x, y]);
    return [p[0], p[1]];
  };
  return {
    from: f,
    to: t,
    forward,
    inverse,
    forwardInto(xs, ys, outX, outY) {
      const n = xs.length;
      const pt = [0, 0];
      for (let i = 0; i < n; i++) {
        const x = xs[i];
        const y = ys[i];
        if (!(Number.isFinite(x) && Number.isFinite(y))) {
          outX[i] = NaN;
          outY[i] = NaN;
          continue;
        }
        pt[0] = x;
        pt[1] = y;
        const p = conv.forward(pt);
        outX[i] = p[0];
        outY[i] = p[1];
      }
    },
  };
}
