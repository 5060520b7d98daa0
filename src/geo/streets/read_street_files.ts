/**
 * Street lines from files of any supported format, recognised by name and content: OSM XML
 * (`.osm`, `.xml`), OSM PBF (`.osm.pbf`, `.pbf` that is not a tile address), GeoJSON
 * (`.geojson`, `.json`) and Mapbox vector tiles named by their address (`13-2098-3042.mvt`,
 * `.../13/2098/3042.pbf`; all tiles of a call are read together). Any file may be
 * gzip-compressed (`.gz`). The caller reads the bytes (Node fs, a browser File), so this runs in
 * Node and in a Web Worker alike.
 */
import { gunzipIfNeeded } from './decompress.ts';
import { mergeStreetLines } from './merge_street_lines.ts';
import { readMvtTiles, tileAddressOf, type MvtReadOptions, type MvtTile } from './read_mvt.ts';
import { readOsmPbf } from './read_osm_pbf.ts';
import { readOsmXml } from './read_osm_xml.ts';
import { readStreetGeoJson } from './read_street_geojson.ts';
import type { StreetLines } from './street_lines.ts';

export interface StreetFile {
  /** File name or path, used to recognise the format and in error messages. */
  name: string;
  bytes: Uint8Array;
}

export type StreetFormat = 'osm-xml' | 'osm-pbf' | 'geojson' | 'mvt';

/** The format of a file from its name and first bytes (after gunzip), or null. */
export function streetFormatOf(name: string, bytes: Uint8Array): StreetFormat | null {
  if (tileAddressOf(name)) return 'mvt';
  const head = new TextDecoder().decode(bytes.subarray(0, 512)).trimStart();
  if (head.startsWith('<')) return /<osm[\s>]/.test(head) ? 'osm-xml' : null;
  if (head.startsWith('{')) return 'geojson';
  // A PBF file starts with the 4-byte length of a BlobHeader whose type is "OSMHeader".
  if (bytes.length > 16 && bytes[0] === 0 && bytes[1] === 0 && new TextDecoder().decode(bytes.subarray(4, 20)).includes('OSMHeader')) return 'osm-pbf';
  return null;
}

/** Read and merge street files. Rejects with an Error naming the file that failed. */
export async function readStreetFiles(files: readonly StreetFile[], mvtOptions: MvtReadOptions = {}): Promise<StreetLines> {
  const sets: StreetLines[] = [];
  const tiles: MvtTile[] = [];
  for (const f of files) {
    try {
      const bytes = await gunzipIfNeeded(f.bytes);
      const format = streetFormatOf(f.name, bytes);
      switch (format) {
        case 'mvt': tiles.push({ ...tileAddressOf(f.name)!, bytes }); break;
        case 'osm-xml': sets.push(readOsmXml(bytes)); break;
        case 'osm-pbf': sets.push(await readOsmPbf(bytes)); break;
        case 'geojson': sets.push(readStreetGeoJson(bytes)); break;
        default: throw new Error('not a street file this app reads (OSM XML/PBF, GeoJSON lines, or vector tiles named z-x-y.mvt)');
      }
    } catch (e) {
      throw new Error(`${f.name}: ${(e as Error).message}`);
    }
  }
  if (tiles.length) sets.push(await readMvtTiles(tiles, mvtOptions));
  return sets.length === 1 ? sets[0] : mergeStreetLines(sets);
}
