/**
 * Test helper: a small OSM PBF encoder (https://wiki.openstreetmap.org/wiki/PBF_Format) written
 * with `pbf` and node:zlib, to make PBF fixtures from OSM data the tests already have. Also a
 * regex-level OSM XML parser, independent of the app's reader, to feed it.
 */
import { PbfWriter } from 'pbf';
import { deflateSync } from 'node:zlib';

export interface OsmNode { id: number; lon: number; lat: number; tags?: Record<string, string> }
export interface OsmWay { id: number; refs: number[]; tags: Record<string, string> }

export interface EncodeOptions {
  /** Dense nodes (default) or one Node message per node. */
  dense?: boolean;
  /** zlib (default) or raw blobs. */
  compression?: 'zlib' | 'raw';
  /** Entities per PrimitiveBlock. @default 8000 */
  blockSize?: number;
  /** required_features of the header. @default ['OsmSchema-V0.6', 'DenseNodes'] */
  requiredFeatures?: string[];
  /** Granularity in nanodegrees. @default 100 */
  granularity?: number;
}

export function encodeOsmPbf(nodes: OsmNode[], ways: OsmWay[], options: EncodeOptions = {}): Uint8Array {
  const dense = options.dense ?? true;
  const blockSize = options.blockSize ?? 8000;
  const granularity = options.granularity ?? 100;
  const chunks: Uint8Array[] = [];
  const header = new PbfWriter();
  for (const f of options.requiredFeatures ?? ['OsmSchema-V0.6', 'DenseNodes']) header.writeStringField(4, f);
  header.writeStringField(16, 'sargas-test-encoder');
  chunks.push(blob('OSMHeader', header.finish(), options.compression ?? 'zlib'));
  for (let i = 0; i < nodes.length; i += blockSize) {
    chunks.push(blob('OSMData', nodeBlock(nodes.slice(i, i + blockSize), dense, granularity), options.compression ?? 'zlib'));
  }
  for (let i = 0; i < ways.length; i += blockSize) {
    chunks.push(blob('OSMData', wayBlock(ways.slice(i, i + blockSize)), options.compression ?? 'zlib'));
  }
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(total);
  let pos = 0;
  for (const c of chunks) {
    out.set(c, pos);
    pos += c.length;
  }
  return out;
}

function blob(type: string, data: Uint8Array, compression: 'zlib' | 'raw'): Uint8Array {
  const b = new PbfWriter();
  if (compression === 'raw') b.writeBytesField(1, data);
  else {
    b.writeVarintField(2, data.length);
    b.writeBytesField(3, deflateSync(data));
  }
  const blobBytes = b.finish().slice();
  const h = new PbfWriter();
  h.writeStringField(1, type);
  h.writeVarintField(3, blobBytes.length);
  const headerBytes = h.finish().slice();
  const out = new Uint8Array(4 + headerBytes.length + blobBytes.length);
  new DataView(out.buffer).setUint32(0, headerBytes.length);
  out.set(headerBytes, 4);
  out.set(blobBytes, 4 + headerBytes.length);
  return out;
}

/** A string table with '' at index 0, as the format requires. */
class Strings {
  list = [''];
  index = new Map<string, number>([['', 0]]);
  id(s: string): number {
    let k = this.index.get(s);
    if (k === undefined) {
      k = this.list.length;
      this.list.push(s);
      this.index.set(s, k);
    }
    return k;
  }
  write(pbf: PbfWriter): void {
    pbf.writeMessage(1, (list: string[], p) => {
      for (const s of list) p.writeBytesField(1, new TextEncoder().encode(s));
    }, this.list);
  }
}

function nodeBlock(nodes: OsmNode[], dense: boolean, granularity: number): Uint8Array {
  const strings = new Strings();
  const lat = (n: OsmNode) => Math.round((n.lat * 1e9) / granularity);
  const lon = (n: OsmNode) => Math.round((n.lon * 1e9) / granularity);
  for (const n of nodes) for (const [k, v] of Object.entries(n.tags ?? {})) { strings.id(k); strings.id(v); }
  const pbf = new PbfWriter();
  strings.write(pbf);
  pbf.writeMessage(2, (_: null, g) => {
    if (dense) {
      g.writeMessage(2, (__: null, d) => {
        const ids: number[] = [], lats: number[] = [], lons: number[] = [], kv: number[] = [];
        let pid = 0, plat = 0, plon = 0;
        for (const n of nodes) {
          ids.push(n.id - pid);
          lats.push(lat(n) - plat);
          lons.push(lon(n) - plon);
          pid = n.id;
          plat = lat(n);
          plon = lon(n);
          for (const [k, v] of Object.entries(n.tags ?? {})) kv.push(strings.id(k), strings.id(v));
          kv.push(0);
        }
        d.writePackedSVarint(1, ids);
        d.writePackedSVarint(8, lats);
        d.writePackedSVarint(9, lons);
        d.writePackedVarint(10, kv);
      }, null);
    } else {
      for (const n of nodes) {
        g.writeMessage(1, (__: null, m) => {
          m.writeSVarintField(1, n.id);
          m.writeSVarintField(8, lat(n));
          m.writeSVarintField(9, lon(n));
        }, null);
      }
    }
  }, null);
  if (granularity !== 100) pbf.writeVarintField(17, granularity);
  return pbf.finish().slice();
}

function wayBlock(ways: OsmWay[]): Uint8Array {
  const strings = new Strings();
  for (const w of ways) for (const [k, v] of Object.entries(w.tags)) { strings.id(k); strings.id(v); }
  const pbf = new PbfWriter();
  strings.write(pbf);
  pbf.writeMessage(2, (_: null, g) => {
    for (const w of ways) {
      g.writeMessage(3, (__: null, m) => {
        m.writeVarintField(1, w.id);
        m.writePackedVarint(2, Object.keys(w.tags).map((k) => strings.id(k)));
        m.writePackedVarint(3, Object.values(w.tags).map((v) => strings.id(v)));
        const deltas: number[] = [];
        let prev = 0;
        for (const r of w.refs) {
          deltas.push(r - prev);
          prev = r;
        }
        m.writePackedSVarint(8, deltas);
      }, null);
    }
  }, null);
  return pbf.finish().slice();
}

const xmlEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => xmlEntities[e]);
const attrsOf = (tag: string) => Object.fromEntries([...tag.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], unescape(m[2])]));

/** Nodes and ways of an OSM XML file, by regular expressions (double-quoted attributes only). */
export function parseOsmXmlForTest(text: string): { nodes: OsmNode[]; ways: OsmWay[] } {
  const nodes: OsmNode[] = [];
  for (const m of text.matchAll(/<node\b[^>]*>/g)) {
    const a = attrsOf(m[0]);
    nodes.push({ id: Number(a.id), lon: Number(a.lon), lat: Number(a.lat) });
  }
  const ways: OsmWay[] = [];
  for (const m of text.matchAll(/<way\b([^>]*)>([\s\S]*?)<\/way>/g)) {
    const refs = [...m[2].matchAll(/<nd ref="(\d+)"/g)].map((r) => Number(r[1]));
    const tags: Record<string, string> = {};
    for (const t of m[2].matchAll(/<tag\b[^>]*>/g)) {
      const a = attrsOf(t[0]);
      tags[a.k] = a.v;
    }
    ways.push({ id: Number(attrsOf(m[1]).id), refs, tags });
  }
  return { nodes, ways };
}
