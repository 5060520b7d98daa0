import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeMvt } from '../../../test/streets/encode_mvt.ts';
import { encodeOsmPbf } from '../../../test/streets/encode_osm_pbf.ts';
import { readStreetFiles, streetFormatOf } from './read_street_files.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const osmXml = `<?xml version="1.0"?><osm version="0.6"><node id="1" lat="41.9" lon="-87.7"/><node id="2" lat="41.9" lon="-87.69"/>
<way id="1"><nd ref="1"/><nd ref="2"/><tag k="highway" v="residential"/><tag k="name" v="W Dickens Ave"/></way></osm>`;
const geojson = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { class: 'street', name: 'N Avers Ave' }, geometry: { type: 'LineString', coordinates: [[-87.72, 41.92], [-87.72, 41.93]] } }] });
const pbf = encodeOsmPbf([{ id: 1, lon: -87.7, lat: 41.91 }, { id: 2, lon: -87.71, lat: 41.91 }], [{ id: 1, refs: [1, 2], tags: { highway: 'tertiary' } }]);
const tile = encodeMvt({ road: [{ parts: [[[0, 0], [100, 100]]], props: { class: 'street', type: 'residential' } }] });

describe('readStreetFiles', () => {
  it('recognises formats by name and content', () => {
    expect(streetFormatOf('a.osm', enc(osmXml))).toBe('osm-xml');
    expect(streetFormatOf('streets.json', enc(geojson))).toBe('geojson');
    expect(streetFormatOf('chicago.osm.pbf', pbf)).toBe('osm-pbf');
    expect(streetFormatOf('13-2098-3042.mvt', tile)).toBe('mvt');
    expect(streetFormatOf('notes.txt', enc('hello'))).toBeNull();
    expect(streetFormatOf('page.html', enc('<html></html>'))).toBeNull();
  });

  it('reads and merges files of every format, gzip-compressed or not', async () => {
    const l = await readStreetFiles([
      { name: 'a.osm.gz', bytes: new Uint8Array(gzipSync(enc(osmXml))) },
      { name: 'b.geojson', bytes: enc(geojson) },
      { name: 'c.osm.pbf', bytes: pbf },
      { name: 'tiles/13/2098/3042.mvt', bytes: tile },
    ]);
    expect(l.lineCount).toBe(4);
    expect(l.names).toEqual(['', 'W Dickens Ave', 'N Avers Ave']);
  });

  it('names the file that could not be read', async () => {
    await expect(readStreetFiles([{ name: 'b.geojson', bytes: enc(geojson) }, { name: 'bad.txt', bytes: enc('x') }])).rejects.toThrow(/^bad\.txt: not a street file/);
    await expect(readStreetFiles([{ name: 'broken.geojson', bytes: enc('{"type":') }])).rejects.toThrow(/^broken\.geojson: not GeoJSON/);
  });
});
