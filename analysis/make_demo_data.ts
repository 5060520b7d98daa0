/**
 * Rebuilds data/ (the demo the app opens by default) from ../shared/data:
 * Chicago police district 14 (Shakespeare) — aggravated assaults 2010–2019, its beats and
 * outline, and the OpenStreetMap streets around it. Run: `npx tsx analysis/make_demo_data.ts`.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, LineString, Polygon, MultiPolygon } from 'geojson';

const shared = new URL('../../shared/data/chicago/', import.meta.url).pathname;
const out = new URL('../data/chicago_d14/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });
const district = '14';

const json = <T>(p: string): T => JSON.parse(readFileSync(shared + p, 'utf8')) as T;
const round = (fc: FeatureCollection) => JSON.stringify(fc, (_k, v) => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v));

const districts = json<FeatureCollection<Polygon | MultiPolygon>>('boundaries/police_districts.geojson');
const outline = districts.features.filter((f) => f.properties!.DIST_NUM === district);
writeFileSync(out + 'district_14.geojson', round(turf.featureCollection(outline)));

const beats = json<FeatureCollection<Polygon>>('boundaries/police_beats.geojson');
const d14beats = beats.features.filter((f) => f.properties!.DISTRICT === district);
writeFileSync(out + 'police_beats_d14.geojson', round(turf.featureCollection(d14beats)));

// Incidents: the shared file's rows for district 14, unchanged (lowercase Chicago variant).
const csv = gunzipSync(readFileSync(shared + 'aggravated_assaults_2010_2019.csv.gz')).toString('utf8').split('\n');
const keep = [csv[0], ...csv.slice(1).filter((l) => l.split(',')[4] === district)];
writeFileSync(out + 'aggravated_assaults_d14_2010_2019.csv', keep.join('\n') + '\n');

// Streets: every road piece touching the district's bbox grown by 1 km.
const box = turf.bbox(turf.buffer(turf.featureCollection(outline), 1, { units: 'kilometers' })!);
const roads = json<FeatureCollection<LineString>>('streets_2017/chicago_roads_z13_named.geojson');
const inBox = (f: Feature<LineString>) => f.geometry.coordinates.some(([x, y]) => x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3]);
const streets = roads.features.filter(inBox).map((f) => {
  const { tile: _tile, ...props } = f.properties as Record<string, unknown>;
  return { ...f, properties: props };
});
writeFileSync(out + 'streets_d14.geojson', round(turf.featureCollection(streets)));
console.log(JSON.stringify({ incidents: keep.length - 1, beats: d14beats.length, streets: streets.length, bbox: box }));
