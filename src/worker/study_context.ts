/**
 * Reference layers that name places in the hot-spot table: police beats (polygons, which beat a
 * cell centre lies in) and named streets (the nearest named street to a cell centre). Both are
 * read once from GeoJSON in lon/lat. Distances use a local equirectangular approximation
 * (metres per degree at the layer's mean latitude), good to well under 1% over a city, which is
 * plenty for naming the nearest street.
 */

type Position = number[];
interface GeoJsonGeometry { type: string; coordinates: unknown }
interface GeoJsonFeature { properties?: Record<string, unknown> | null; geometry?: GeoJsonGeometry | null }
interface GeoJsonCollection { features?: GeoJsonFeature[] }

/** Property names tried, in order, for a beat's label. */
const BEAT_KEYS = ['BEAT_NUM', 'beat_num', 'beat', 'BEAT', 'name', 'NAME', 'id'];

export interface BeatIndex {
  names: string[];
  /** Rings per beat: [beat][ring] = flat [lon0, lat0, lon1, lat1, ...]. */
  rings: Float64Array[][];
  bbox: Float64Array; // per beat: minLon, minLat, maxLon, maxLat
}

export function beatIndex(fc: GeoJsonCollection): BeatIndex {
  const names: string[] = [];
  const rings: Float64Array[][] = [];
  const boxes: number[] = [];
  for (const f of fc.features ?? []) {
    const g = f.geometry;
    if (!g) continue;
    const polys = g.type === 'Polygon' ? [g.coordinates as Position[][]] : g.type === 'MultiPolygon' ? (g.coordinates as Position[][][]) : [];
    if (!polys.length) continue;
    const key = BEAT_KEYS.find((k) => f.properties?.[k] != null);
    names.push(key ? String(f.properties![key]) : String(names.length + 1));
    const rs: Float64Array[] = [];
    let minLon = Infinity, minLat = Infinity, maxLon = -Infinity, maxLat = -Infinity;
    for (const poly of polys) {
      for (const ring of poly) {
        const flat = new Float64Array(ring.length * 2);
        ring.forEach((p, i) => {
          flat[2 * i] = p[0];
          flat[2 * i + 1] = p[1];
          if (p[0] < minLon) minLon = p[0];
          if (p[0] > maxLon) maxLon = p[0];
          if (p[1] < minLat) minLat = p[1];
          if (p[1] > maxLat) maxLat = p[1];
        });
        rs.push(flat);
      }
    }
    rings.push(rs);
    boxes.push(minLon, minLat, maxLon, maxLat);
  }
  return { names, rings, bbox: Float64Array.from(boxes) };
}

/** Even-odd test over all rings of one beat (holes and multipolygon parts both work). */
function inside(rings: Float64Array[], lon: number, lat: number): boolean {
  let odd = false;
  for (const r of rings) {
    const m = r.length / 2;
    for (let i = 0, j = m - 1; i < m; j = i++) {
      const xi = r[2 * i], yi = r[2 * i + 1], xj = r[2 * j], yj = r[2 * j + 1];
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) odd = !odd;
    }
  }
  return odd;
}

/** The beat containing (lon, lat), or '' when none does. */
export function beatAt(index: BeatIndex, lon: number, lat: number): string {
  for (let b = 0; b < index.names.length; b++) {
    const o = 4 * b;
    if (lon < index.bbox[o] || lat < index.bbox[o + 1] || lon > index.bbox[o + 2] || lat > index.bbox[o + 3]) continue;
    if (inside(index.rings[b], lon, lat)) return index.names[b];
  }
  return '';
}

export interface StreetNameIndex {
  /** Segment s from (ax, ay) to (bx, by) in local metres; name index segName[s]. */
  ax: Float64Array;
  ay: Float64Array;
  bx: Float64Array;
  by: Float64Array;
  segName: Uint32Array;
  names: string[];
  lon0: number;
  lat0: number;
  mPerDegLon: number;
  mPerDegLat: number;
}

/** Index the named line segments of a street GeoJSON (LineString / MultiLineString with a `name`). */
export function streetNameIndex(fc: GeoJsonCollection): StreetNameIndex {
  const lines: { name: string; coords: Position[] }[] = [];
  let sumLat = 0, nLat = 0, sumLon = 0;
  for (const f of fc.features ?? []) {
    const name = f.properties?.name;
    const g = f.geometry;
    if (typeof name !== 'string' || !name.trim() || !g) continue;
    const parts = g.type === 'LineString' ? [g.coordinates as Position[]] : g.type === 'MultiLineString' ? (g.coordinates as Position[][]) : [];
    for (const coords of parts) {
      if (coords.length < 2) continue;
      lines.push({ name: name.trim(), coords });
      sumLat += coords[0][1];
      sumLon += coords[0][0];
      nLat++;
    }
  }
  const lat0 = nLat ? sumLat / nLat : 0;
  const lon0 = nLat ? sumLon / nLat : 0;
  const mPerDegLat = 110_540;
  const mPerDegLon = 111_320 * Math.cos((lat0 * Math.PI) / 180);
  let segs = 0;
  for (const l of lines) segs += l.coords.length - 1;
  const ax = new Float64Array(segs), ay = new Float64Array(segs), bx = new Float64Array(segs), by = new Float64Array(segs);
  const segName = new Uint32Array(segs);
  const names: string[] = [];
  const nameId = new Map<string, number>();
  let s = 0;
  for (const l of lines) {
    let id = nameId.get(l.name);
    if (id === undefined) {
      id = names.length;
      names.push(l.name);
      nameId.set(l.name, id);
    }
    for (let i = 0; i + 1 < l.coords.length; i++) {
      ax[s] = (l.coords[i][0] - lon0) * mPerDegLon;
      ay[s] = (l.coords[i][1] - lat0) * mPerDegLat;
      bx[s] = (l.coords[i + 1][0] - lon0) * mPerDegLon;
      by[s] = (l.coords[i + 1][1] - lat0) * mPerDegLat;
      segName[s++] = id;
    }
  }
  return { ax, ay, bx, by, segName, names, lon0, lat0, mPerDegLon, mPerDegLat };
}

/** Name of the nearest named street within maxDistanceM of (lon, lat), or ''. A scan: meant for a handful of queries. */
export function nearestStreetName(index: StreetNameIndex, lon: number, lat: number, maxDistanceM = 200): string {
  const px = (lon - index.lon0) * index.mPerDegLon;
  const py = (lat - index.lat0) * index.mPerDegLat;
  let best = maxDistanceM * maxDistanceM;
  let bestName = -1;
  const n = index.ax.length;
  for (let s = 0; s < n; s++) {
    const ax = index.ax[s], ay = index.ay[s];
    const dx = index.bx[s] - ax, dy = index.by[s] - ay;
    const len2 = dx * dx + dy * dy;
    let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    const ex = ax + t * dx - px, ey = ay + t * dy - py;
    const d2 = ex * ex + ey * ey;
    if (d2 < best) {
      best = d2;
      bestName = index.segName[s];
    }
  }
  return bestName >= 0 ? index.names[bestName] : '';
}
