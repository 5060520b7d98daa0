/**
 * Street lines from OSM PBF files (the standard `.osm.pbf` format), decoded with `pbf` and the
 * platform's zlib inflate (decompress.ts). Same ways and properties as the XML reader.
 *
 * Format (https://wiki.openstreetmap.org/wiki/PBF_Format): repeated [4-byte big-endian length,
 * BlobHeader, Blob]; a Blob holds raw or zlib-compressed bytes of an OSMHeader or an OSMData
 * PrimitiveBlock; a block has a string table, its coordinate granularity and offsets, and groups
 * of nodes, dense nodes (delta-coded), ways (delta-coded node refs) or relations.
 *
 * Two passes keep memory to the street network: pass 1 decodes the ways and keeps the highway
 * ways; pass 2 decodes only the blobs that held nodes and keeps the nodes those ways use.
 * LZMA/LZ4/ZSTD blobs and files requiring features other than OsmSchema-V0.6, DenseNodes and
 * HistoricalInformation are refused with an error naming them.
 */
import { PbfReader } from 'pbf';
import { decompress } from './decompress.ts';
import { lowerBound, OsmWayCollector } from './osm_way_collector.ts';
import { osmWayProps } from './osm_way_props.ts';
import type { StreetLines } from './street_lines.ts';
import { StreetLinesBuilder } from './street_lines_builder.ts';

const supportedFeatures = new Set(['OsmSchema-V0.6', 'DenseNodes', 'HistoricalInformation']);

/** A blob's place in the file and what it is. */
interface BlobRef {
  type: string;
  start: number;
  end: number;
}

/** Read an OSM PBF file. Rejects with an Error naming the blob when the file is damaged. */
export async function readOsmPbf(bytes: Uint8Array, options: { signal?: AbortSignal } = {}): Promise<StreetLines> {
  const blobs = listBlobs(bytes);
  if (blobs.length === 0 || blobs[0].type !== 'OSMHeader') throw new Error('not an OSM PBF file: it does not start with an OSMHeader blob');
  const collector = new OsmWayCollector();
  const nodeBlobs: number[] = [];
  for (let b = 0; b < blobs.length; b++) {
    options.signal?.throwIfAborted();
    const blob = blobs[b];
    if (blob.type === 'OSMHeader') {
      checkHeader(await blobData(bytes, blob, b));
    } else if (blob.type === 'OSMData') {
      const block = readBlock(await blobData(bytes, blob, b));
      if (readGroups(block, null, collector)) nodeBlobs.push(b);
    }
  }
  const needed = collector.referencedNodeIds();
  for (const b of nodeBlobs) {
    options.signal?.throwIfAborted();
    readGroups(readBlock(await blobData(bytes, blobs[b], b)), needed, collector);
  }
  const builder = new StreetLinesBuilder();
  collector.emit(builder);
  return builder.finish();
}

function listBlobs(bytes: Uint8Array): BlobRef[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: BlobRef[] = [];
  let pos = 0;
  while (pos < bytes.length) {
    if (pos + 4 > bytes.length) throw new Error(`OSM PBF: truncated blob header length at byte ${pos}`);
    const headerLen = view.getUint32(pos);
    pos += 4;
    if (headerLen > 64 * 1024 || pos + headerLen > bytes.length) throw new Error(`OSM PBF: bad blob header length ${headerLen} at byte ${pos - 4}`);
    const header = new PbfReader(bytes.subarray(pos, pos + headerLen)).readFields(
      (tag, h: { type: string; size: number }, pbf) => {
        if (tag === 1) h.type = pbf.readString();
        else if (tag === 3) h.size = pbf.readVarint();
      },
      { type: '', size: -1 },
    );
    pos += headerLen;
    if (!(header.size >= 0) || pos + header.size > bytes.length) throw new Error(`OSM PBF: blob ${out.length} ('${header.type}') runs past the end of the file`);
    out.push({ type: header.type, start: pos, end: pos + header.size });
    pos += header.size;
  }
  return out;
}

async function blobData(bytes: Uint8Array, blob: BlobRef, index: number): Promise<Uint8Array> {
  const parts = new PbfReader(bytes.subarray(blob.start, blob.end)).readFields(
    (tag, p: { raw?: Uint8Array; zlib?: Uint8Array; other?: number }, pbf) => {
      if (tag === 1) p.raw = pbf.readBytes();
      else if (tag === 3) p.zlib = pbf.readBytes();
      else if (tag === 4 || tag === 6 || tag === 7) p.other = tag;
    },
    {},
  );
  if (parts.raw) return parts.raw;
  if (parts.zlib) return decompress(parts.zlib, 'deflate');
  const names: Record<number, string> = { 4: 'LZMA', 6: 'LZ4', 7: 'ZSTD' };
  throw new Error(`OSM PBF: blob ${index} uses ${parts.other ? names[parts.other] : 'no known'} compression; only raw and zlib are supported`);
}

function checkHeader(data: Uint8Array): void {
  const required: string[] = [];
  new PbfReader(data).readFields((tag, r: string[], pbf) => {
    if (tag === 4) r.push(pbf.readString());
  }, required);
  for (const f of required) {
    if (!supportedFeatures.has(f)) throw new Error(`OSM PBF: the file requires feature '${f}', which this reader does not support`);
  }
}

interface Block {
  pbf: PbfReader;
  strings: string[];
  /** [start, end) byte ranges of the PrimitiveGroups. */
  groups: number[];
  granularity: number;
  latOffset: number;
  lonOffset: number;
}

/** Read a PrimitiveBlock's string table and settings; groups are decoded later (settings may follow them). */
function readBlock(data: Uint8Array): Block {
  const block: Block = { pbf: new PbfReader(data), strings: [], groups: [], granularity: 100, latOffset: 0, lonOffset: 0 };
  block.pbf.readFields((tag, b: Block, pbf) => {
    if (tag === 1) {
      pbf.readMessage((t, s: string[], p) => {
        if (t === 1) s.push(p.readString());
      }, b.strings);
    } else if (tag === 2) {
      const len = pbf.readVarint();
      b.groups.push(pbf.pos, pbf.pos + len);
      pbf.pos += len;
    } else if (tag === 17) b.granularity = pbf.readVarint();
    else if (tag === 19) b.latOffset = pbf.readVarint(true);
    else if (tag === 20) b.lonOffset = pbf.readVarint(true);
  }, block);
  return block;
}

/**
 * Decode a block's groups. With `needed` null: keep highway ways, return whether any nodes were
 * seen. With `needed` (sorted node ids): keep those nodes.
 */
function readGroups(block: Block, needed: Float64Array | null, out: OsmWayCollector): boolean {
  const { pbf, groups } = block;
  let sawNodes = false;
  for (let g = 0; g < groups.length; g += 2) {
    const end = groups[g + 1];
    pbf.pos = groups[g];
    while (pbf.pos < end) {
      const val = pbf.readVarint();
      const tag = val >> 3;
      if ((tag === 1 || tag === 2) && (val & 7) === 2) {
        sawNodes = true;
        if (needed === null) {
          pbf.skip(val);
        } else {
          const len = pbf.readVarint();
          const msgEnd = pbf.pos + len;
          if (tag === 1) readNode(block, msgEnd, needed, out);
          else readDense(block, msgEnd, needed, out);
          pbf.pos = msgEnd;
        }
      } else if (tag === 3 && (val & 7) === 2 && needed === null) {
        const len = pbf.readVarint();
        const msgEnd = pbf.pos + len;
        readWay(block, msgEnd, out);
        pbf.pos = msgEnd;
      } else {
        pbf.skip(val);
      }
    }
  }
  return sawNodes;
}

function keep(needed: Float64Array, id: number): boolean {
  const k = lowerBound(needed, id);
  return k < needed.length && needed[k] === id;
}

function readNode(block: Block, end: number, needed: Float64Array, out: OsmWayCollector): void {
  const node = block.pbf.readFields((tag, n: { id: number; lat: number; lon: number }, pbf) => {
    if (tag === 1) n.id = pbf.readSVarint();
    else if (tag === 8) n.lat = pbf.readSVarint();
    else if (tag === 9) n.lon = pbf.readSVarint();
  }, { id: 0, lat: 0, lon: 0 }, end);
  if (keep(needed, node.id)) {
    out.addNode(node.id, 1e-9 * (block.lonOffset + block.granularity * node.lon), 1e-9 * (block.latOffset + block.granularity * node.lat));
  }
}

function readDense(block: Block, end: number, needed: Float64Array, out: OsmWayCollector): void {
  const d = block.pbf.readFields((tag, r: { ids: number[]; lats: number[]; lons: number[] }, pbf) => {
    if (tag === 1) pbf.readPackedSVarint(r.ids);
    else if (tag === 8) pbf.readPackedSVarint(r.lats);
    else if (tag === 9) pbf.readPackedSVarint(r.lons);
  }, { ids: [], lats: [], lons: [] }, end);
  const n = d.ids.length;
  if (d.lats.length !== n || d.lons.length !== n) throw new Error(`OSM PBF: dense nodes with ${n} ids but ${d.lats.length} lats and ${d.lons.length} lons`);
  const { granularity, latOffset, lonOffset } = block;
  let id = 0, lat = 0, lon = 0;
  for (let i = 0; i < n; i++) {
    id += d.ids[i];
    lat += d.lats[i];
    lon += d.lons[i];
    if (keep(needed, id)) out.addNode(id, 1e-9 * (lonOffset + granularity * lon), 1e-9 * (latOffset + granularity * lat));
  }
}

function readWay(block: Block, end: number, out: OsmWayCollector): void {
  const w = block.pbf.readFields((tag, r: { keys: number[]; vals: number[]; refs: number[] }, pbf) => {
    if (tag === 2) pbf.readPackedVarint(r.keys);
    else if (tag === 3) pbf.readPackedVarint(r.vals);
    else if (tag === 8) pbf.readPackedSVarint(r.refs);
  }, { keys: [], vals: [], refs: [] }, end);
  const { strings } = block;
  const props = osmWayProps((k) => {
    for (let i = 0; i < w.keys.length; i++) if (strings[w.keys[i]] === k) return strings[w.vals[i]];
    return undefined;
  });
  if (!props) return;
  out.beginWay();
  let ref = 0;
  for (let i = 0; i < w.refs.length; i++) {
    ref += w.refs[i];
    out.addRef(ref);
  }
  out.endWay(props);
}
