/**
 * Boundary layers for the report (police beats, district outline, LSOAs): GeoJSON polygons in
 * WGS84 lon/lat, read once into flat rings, with a point-in-polygon lookup that names the area an
 * incident or a hot-spot cell lies in.
 *
 * GeoJSON polygon edges are straight lines in lon/lat (RFC 7946 §3.1.1), so membership is
 * tested in lon/lat, not after projection: an incident on a beat's edge street then goes where
 * any GeoJSON tool would put it. The test is even-odd over all rings of a feature, so holes and
 * multipolygon parts both work (W. R. Franklin, "PNPOLY").
 */

/** One polygon feature: its label and its rings as flat [lon0, lat0, lon1, lat1, ...]. */
export interface BoundaryFeature {
  label: string;
  rings: Float64Array[];
  /** minLon, minLat, maxLon, maxLat. */
  bbox: [number, number, number, number];
}

/** What a layer's polygons are, from the property that labels them: names the area column. */
export type BoundaryKind = 'beat' | 'district' | 'lsoa' | 'area';

export interface BoundaryLayer {
  /** Shown in the methods section (usually the file name). */
  name: string;
  kind: BoundaryKind;
  features: BoundaryFeature[];
}

/** Property names tried, in order, for a feature's label (beat, district, LSOA, generic). */
export const LABEL_KEYS = [
  'BEAT_NUM', 'beat_num', 'beat', 'BEAT', 'DIST_NUM', 'dist_num', 'district', 'DISTRICT',
  'LSOA11CD', 'LSOA21CD', 'lsoa_code', 'name', 'NAME', 'label', 'id',
] as const;

type Position = number[];
interface GeoJsonLike {
  type?: string;
  features?: { properties?: Record<string, unknown> | null; geometry?: { type?: string; coordinates?: unknown } | null }[];
}

/**
 * Read the polygons of a GeoJSON FeatureCollection (text or parsed). Features that are not
 * Polygon/MultiPolygon are skipped; a feature without a known label property is numbered from 1.
 * Throws a RangeError naming the layer when nothing usable is found.
 */
export function readBoundaryLayer(name: string, input: string | unknown): BoundaryLayer {
  let json: GeoJsonLike;
  try {
    json = (typeof input === 'string' ? JSON.parse(input) : input) as GeoJsonLike;
  } catch (e) {
    throw new RangeError(`${name}: not JSON (${(e as Error).message})`);
  }
  const features: BoundaryFeature[] = [];
  const keys = new Map<string, number>();
  for (const f of json?.features ?? []) {
    const g = f?.geometry;
    const polys = g?.type === 'Polygon' ? [g.coordinates as Position[][]] : g?.type === 'MultiPolygon' ? (g.coordinates as Position[][][]) : null;
    if (!polys) continue;
    const rings: Float64Array[] = [];
    const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const poly of polys) {
      for (const ring of poly ?? []) {
        if (!Array.isArray(ring) || ring.length < 3) continue;
        const flat = new Float64Array(ring.length * 2);
        for (let i = 0; i < ring.length; i++) {
          const lon = Number(ring[i][0]);
          const lat = Number(ring[i][1]);
          flat[2 * i] = lon;
          flat[2 * i + 1] = lat;
          if (lon < bbox[0]) bbox[0] = lon;
          if (lat < bbox[1]) bbox[1] = lat;
          if (lon > bbox[2]) bbox[2] = lon;
          if (lat > bbox[3]) bbox[3] = lat;
        }
        rings.push(flat);
      }
    }
    if (!rings.length) continue;
    const key = LABEL_KEYS.find((k) => f.properties?.[k] != null && String(f.properties[k]).trim() !== '');
    if (key) keys.set(key, (keys.get(key) ?? 0) + 1);
    features.push({ label: key ? String(f.properties![key]).trim() : String(features.length + 1), rings, bbox });
  }
  if (!features.length) throw new RangeError(`${name}: no Polygon or MultiPolygon features`);
  let main = '';
  for (const [k, v] of keys) if (v > (keys.get(main) ?? 0)) main = k;
  const kind: BoundaryKind = /beat/i.test(main) ? 'beat' : /dist/i.test(main) ? 'district' : /lsoa/i.test(main) ? 'lsoa' : 'area';
  return { name, kind, features };
}

/** Is (lon, lat) inside the feature (even-odd over all its rings)? */
export function insideFeature(f: BoundaryFeature, lon: number, lat: number): boolean {
  if (lon < f.bbox[0] || lat < f.bbox[1] || lon > f.bbox[2] || lat > f.bbox[3]) return false;
  let odd = false;
  for (const r of f.rings) {
    const m = r.length / 2;
    for (let i = 0, j = m - 1; i < m; j = i++) {
      const xi = r[2 * i], yi = r[2 * i + 1], xj = r[2 * j], yj = r[2 * j + 1];
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) odd = !odd;
    }
  }
  return odd;
}

/** Index of the first feature of the layer containing (lon, lat), or -1. */
export function featureAt(layer: BoundaryLayer, lon: number, lat: number): number {
  if (!(Number.isFinite(lon) && Number.isFinite(lat))) return -1;
  for (let k = 0; k < layer.features.length; k++) if (insideFeature(layer.features[k], lon, lat)) return k;
  return -1;
}
