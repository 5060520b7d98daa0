/**
 * Point in a zone (a volunteer's neighbourhood, a beat): the even-odd ray-casting test on lon/lat
 * rings, as GeoJSON gives them. A zone is one or more polygons (GeoJSON Polygon or MultiPolygon
 * coordinates); a point is inside when it is inside some polygon's outer ring and in none of its
 * holes. Degrees are fine for the test at city scale: a ring's edges are straight lines in
 * lon/lat, as GeoJSON (RFC 7946 §3.1.1) and Turf's booleanPointInPolygon read them. Points exactly
 * on an edge may fall either way.
 *
 * Reference: W. R. Franklin, "PNPOLY - Point Inclusion in Polygon Test" (1970s, web page).
 */

/** Polygons of a zone: polygon → ring (first outer, then holes) → [lon, lat] positions. */
export type ZonePolygons = readonly (readonly (readonly (readonly number[])[])[])[];

/** Whether (lon, lat) lies inside a ring (closed or not; even-odd rule). */
export function pointInRing(lon: number, lat: number, ring: readonly (readonly number[])[]): boolean {
  let inside = false;
  const n = ring.length;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
    if ((yi > lat) !== (yj > lat) && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether (lon, lat) lies inside the zone (see the module comment). */
export function pointInZone(lon: number, lat: number, zone: ZonePolygons): boolean {
  for (const polygon of zone) {
    if (polygon.length === 0 || !pointInRing(lon, lat, polygon[0])) continue;
    let inHole = false;
    for (let r = 1; r < polygon.length && !inHole; r++) inHole = pointInRing(lon, lat, polygon[r]);
    if (!inHole) return true;
  }
  return false;
}
