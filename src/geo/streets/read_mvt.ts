/**
 * Street lines from Mapbox vector tiles (MVT v2, Mapbox Streets v7 schema), through
 * `@mapbox/vector-tile` and `pbf`.
 *
 * Layer `road` gives geometry and `class`, `type`, `oneway` ("true"/"false"), `structure`
 * (none/bridge/tunnel/ford) and `layer`; names live in layer `road_label` and are joined onto the
 * road pieces by proximity and direction (label_names.ts). Each tile's lines are clipped to the
 * tile extent, so the buffer around every tile is not counted twice by its neighbours; pieces of
 * one street in two tiles meet again at the shared edge when the network is noded. Features that
 * are not lines (points, pedestrian-area polygons) and classes roadClassOf does not know (rail,
 * ferry, construction, ...) are skipped.
 */
import { VectorTile, type VectorTileLayer } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { roadClassOf } from '../../routing/road_class.ts';
import { clipPolyline } from './clip_polyline.ts';
import { gunzipIfNeeded, isGzip } from './decompress.ts';
import { buildLabelIndex, labelNameFor, type LabelNameOptions } from './label_names.ts';
import type { StreetLines } from './street_lines.ts';
import { StreetLinesBuilder } from './street_lines_builder.ts';
import { parseLayer, parseName, parseOneway, parseStructure } from './street_tags.ts';

/** One tile: its address and its bytes (raw or gzip-compressed). */
export interface MvtTile {
  z: number;
  x: number;
  y: number;
  bytes: Uint8Array;
}

export interface MvtReadOptions {
  /** Layer with road geometry. @default 'road' */
  roadLayer?: string;
  /** Layer with named label lines; null to leave every line unnamed. @default 'road_label' */
  labelLayer?: string | null;
  /** Clip lines to the tile extent (drop the tile buffer). @default true */
  clip?: boolean;
  /** Name join settings, in tile units (default 10 units, 25°, see label_names.ts). */
  labels?: LabelNameOptions;
}

/** Read raw (uncompressed) tiles into one line set. Throws on a gzip-compressed tile. */
export function readMvtTilesSync(tiles: readonly MvtTile[], options: MvtReadOptions = {}): StreetLines {
  const builder = new StreetLinesBuilder();
  for (const tile of tiles) readMvtTileInto(tile, builder, options);
  return builder.finish();
}

/** Read tiles, raw or gzip-compressed, into one line set. */
export async function readMvtTiles(tiles: readonly MvtTile[], options: MvtReadOptions = {}): Promise<StreetLines> {
  const raw: MvtTile[] = [];
  for (const t of tiles) raw.push({ ...t, bytes: await gunzipIfNeeded(t.bytes) });
  return readMvtTilesSync(raw, options);
}

/**
 * Parse a tile address from a file name: `13-2098-3042.mvt`, `13_2098_3042.pbf`, or a path
 * ending in `13/2098/3042.mvt` (also `.mvt.gz`, `.pbf`). Returns null when none matches.
 */
export function tileAddressOf(fileName: string): { z: number; x: number; y: number } | null {
  const m = /(?:^|[\\/])(\d{1,2})[-_/](\d+)[-_/](\d+)\.(?:mvt|pbf|vector\.pbf)(?:\.gz)?$/i.exec(fileName);
  if (!m) return null;
  const z = Number(m[1]), x = Number(m[2]), y = Number(m[3]);
  if (!(z <= 24 && x < 2 ** z && y < 2 ** z)) return null;
  return { z, x, y };
}

/** Read one raw tile's roads into a builder. Returns the number of lines added. */
export function readMvtTileInto(tile: MvtTile, builder: StreetLinesBuilder, options: MvtReadOptions = {}): number {
  const { z, x, y, bytes } = tile;
  if (!(Number.isInteger(z) && z >= 0 && z <= 24 && Number.isInteger(x) && Number.isInteger(y) && x >= 0 && y >= 0 && x < 2 ** z && y < 2 ** z)) {
    throw new RangeError(`bad tile address ${z}/${x}/${y}`);
  }
  if (isGzip(bytes)) throw new Error(`tile ${z}/${x}/${y} is gzip-compressed: use readMvtTiles (async) or gunzip it first`);
  let vt: VectorTile;
  try {
    vt = new VectorTile(new PbfReader(bytes));
  } catch (e) {
    throw new Error(`tile ${z}/${x}/${y} is not a valid vector tile: ${(e as Error).message}`);
  }
  const roads = vt.layers[options.roadLayer ?? 'road'];
  if (!roads) return 0;
  const extent = roads.extent;
  const clip = options.clip ?? true;
  const labelLayer = options.labelLayer === undefined ? 'road_label' : options.labelLayer;
  const labels = labelLayer === null ? undefined : vt.layers[labelLayer];
  const labelIndex = labels ? indexLabels(labels, builder, options.labels) : null;

  const worldScale = 1 / 2 ** z;
  const before = builder.lineCount;
  for (let i = 0; i < roads.length; i++) {
    const f = roads.feature(i);
    if (f.type !== 2) continue;
    const p = f.properties;
    const roadClass = roadClassOf(String(p.class ?? ''), p.type === undefined ? undefined : String(p.type));
    if (roadClass === null) continue;
    const props = {
      roadClass,
      oneway: parseOneway(p.oneway),
      structure: parseStructure(p.structure),
      layer: parseLayer(p.layer),
      name: parseName(p.name),
    };
    for (const part of f.loadGeometry()) {
      const n = part.length;
      const px = new Float64Array(n), py = new Float64Array(n);
      for (let k = 0; k < n; k++) {
        px[k] = part[k].x;
        py[k] = part[k].y;
      }
      const pieces = clip
        ? clipPolyline(px, py, 0, n, 0, 0, extent, extent)
        : { pieceCount: 1, pieceStart: Uint32Array.of(0, n), xs: px, ys: py };
      for (let q = 0; q < pieces.pieceCount; q++) {
        const a = pieces.pieceStart[q], b = pieces.pieceStart[q + 1];
        for (let k = a; k < b; k++) {
          const wx = (x + pieces.xs[k] / extent) * worldScale; // 0..1 across the Web Mercator world
          const wy = (y + pieces.ys[k] / extent) * worldScale;
          builder.addVertex(wx * 360 - 180, (Math.atan(Math.sinh(Math.PI * (1 - 2 * wy))) * 180) / Math.PI);
        }
        const nameId = props.name === '' && labelIndex ? labelNameFor(labelIndex, pieces.xs, pieces.ys, a, b) : 0;
        builder.endLine(nameId > 0 ? { ...props, name: builder.nameOf(nameId) } : props);
      }
    }
  }
  return builder.lineCount - before;
}

function indexLabels(layer: VectorTileLayer, builder: StreetLinesBuilder, options: LabelNameOptions | undefined) {
  const xs: number[] = [], ys: number[] = [], starts: number[] = [], ids: number[] = [];
  for (let i = 0; i < layer.length; i++) {
    const f = layer.feature(i);
    if (f.type !== 2) continue;
    const name = parseName(f.properties.name);
    if (name === '') continue;
    const id = builder.intern(name);
    for (const part of f.loadGeometry()) {
      if (part.length < 2) continue;
      starts.push(xs.length);
      ids.push(id);
      for (const pt of part) {
        xs.push(pt.x);
        ys.push(pt.y);
      }
    }
  }
  starts.push(xs.length);
  return buildLabelIndex(Float64Array.from(xs), Float64Array.from(ys), starts, ids, options);
}
