/**
 * Street lines from GeoJSON (RFC 7946, WGS84 lon/lat): LineString and MultiLineString features,
 * each part one line. Other geometries are skipped.
 *
 * Two property schemas are understood. Mapbox Streets style (as chicago_roads_z13_named.geojson
 * and the demo streets_d14.geojson): `class`, `type` (e.g. `service:alley`), `oneway`
 * ("true"/"false"), `structure` (none/bridge/tunnel), `layer`, `name`. OSM style (osmtogeojson,
 * ogr2ogr, Overpass exports): `highway`, `service`, `oneway`, `junction`, `bridge`, `tunnel`,
 * `layer`, `name` (read by the same rules as the OSM readers). A feature with a `highway`
 * property is read as OSM; features whose class roadClassOf does not know are skipped.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { roadClassOf } from '../../routing/road_class.ts';
import { osmWayProps } from './osm_way_props.ts';
import type { LineProps, StreetLines } from './street_lines.ts';
import { StreetLinesBuilder } from './street_lines_builder.ts';
import { parseLayer, parseName, parseOneway, parseStructure } from './street_tags.ts';

/**
 * Read GeoJSON given as text, UTF-8 bytes or an already parsed FeatureCollection / Feature.
 * Throws a RangeError naming the feature when a coordinate is not a WGS84 lon/lat pair.
 */
export function readStreetGeoJson(input: string | Uint8Array | FeatureCollection | Feature): StreetLines {
  let doc: unknown = input;
  if (typeof input === 'string' || input instanceof Uint8Array) {
    const text = typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input);
    try {
      doc = JSON.parse(text);
    } catch (e) {
      throw new Error(`not GeoJSON: ${(e as Error).message}`);
    }
  }
  const features = featuresOf(doc);
  const builder = new StreetLinesBuilder();
  for (let i = 0; i < features.length; i++) {
    const f = features[i];
    const g = f?.geometry as Geometry | null | undefined;
    if (!g || (g.type !== 'LineString' && g.type !== 'MultiLineString')) continue;
    const props = linePropsOf((f.properties ?? {}) as Record<string, unknown>);
    if (!props) continue;
    const parts = g.type === 'LineString' ? [g.coordinates] : g.coordinates;
    for (const part of parts) {
      for (const p of part) {
        const lon = p[0], lat = p[1];
        if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
          throw new RangeError(`GeoJSON feature ${i}: coordinate [${lon}, ${lat}] is not WGS84 lon/lat`);
        }
        builder.addVertex(lon, lat);
      }
      builder.endLine(props);
    }
  }
  return builder.finish();
}

function featuresOf(doc: unknown): Feature[] {
  const d = doc as { type?: unknown; features?: unknown };
  if (d && d.type === 'FeatureCollection' && Array.isArray(d.features)) return d.features as Feature[];
  if (d && d.type === 'Feature') return [d as Feature];
  throw new Error(`not a GeoJSON FeatureCollection or Feature (type ${JSON.stringify(d?.type)})`);
}

function linePropsOf(p: Record<string, unknown>): LineProps | null {
  if (typeof p.highway === 'string') {
    return osmWayProps((k) => {
      const v = p[k];
      return v === undefined || v === null ? undefined : String(v);
    });
  }
  const roadClass = roadClassOf(String(p.class ?? ''), typeof p.type === 'string' ? p.type : undefined);
  if (roadClass === null) return null;
  return {
    roadClass,
    oneway: parseOneway(p.oneway),
    structure: parseStructure(p.structure, p.bridge, p.tunnel),
    layer: parseLayer(p.layer),
    name: parseName(p.name),
  };
}
