/** District 14 demo: the files, and the units the plan tests use (2 cars, 2 volunteer pairs in two beats). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, Polygon } from 'geojson';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const demoDir = `${repoRoot}data/chicago_d14/`;
export const demoIncidents = `${demoDir}aggravated_assaults_d14_2010_2019.csv`;
export const demoStreets = `${demoDir}streets_d14.geojson`;
export const demoCategory = 'aggravated assault';

/** Beat polygons of district 14 by beat number. */
export function demoBeats(): Map<string, Feature<Polygon>> {
  const fc = JSON.parse(readFileSync(`${demoDir}police_beats_d14.geojson`, 'utf8')) as FeatureCollection<Polygon>;
  return new Map(fc.features.map((f) => [String(f.properties?.BEAT_NUM), f]));
}

/** The district 14 station (2150 N California Ave). */
export const station: [number, number] = [-87.6973, 41.9205];

/**
 * 2 cars from the station, 16:00 for 8 hours; 2 volunteer pairs, 17:00 for 3 hours, one in beat
 * 1431 and one in beat 1434, based in their beat.
 */
export function demoUnits(): unknown[] {
  const beats = demoBeats();
  return [
    { kind: 'car', count: 2, start: station, shiftStart: '16:00', hours: 8 },
    { kind: 'volunteer', start: [-87.6922, 41.9232], shiftStart: '17:00', hours: 3, zone: beats.get('1431')!.geometry },
    { kind: 'volunteer', start: [-87.6820, 41.9143], shiftStart: '17:00', hours: 3, zone: beats.get('1434')!.geometry },
  ];
}
