/**
 * Test helper: encode a small Mapbox vector tile (MVT v2) of line features with `pbf`, so the
 * reader's clipping and name join can be tested on lines placed exactly.
 */
import { PbfWriter } from 'pbf';

export interface MvtLine {
  /** Parts, each a list of [x, y] in tile units. */
  parts: [number, number][][];
  props: Record<string, string | number | boolean>;
  /** 2 = LineString (default), 1 = Point, 3 = Polygon (geometry written as given). */
  type?: 1 | 2 | 3;
}

export function encodeMvt(layers: Record<string, MvtLine[]>, extent = 4096): Uint8Array {
  const pbf = new PbfWriter();
  for (const [name, features] of Object.entries(layers)) {
    pbf.writeMessage(3, () => writeLayer(pbf, name, features, extent), null);
  }
  return pbf.finish().slice();
}

function writeLayer(pbf: PbfWriter, name: string, features: MvtLine[], extent: number): void {
  pbf.writeVarintField(15, 2);
  pbf.writeStringField(1, name);
  const keys: string[] = [], values: (string | number | boolean)[] = [];
  const keyId = (k: string) => (keys.includes(k) ? keys.indexOf(k) : keys.push(k) - 1);
  const valueId = (v: string | number | boolean) => (values.includes(v) ? values.indexOf(v) : values.push(v) - 1);
  for (const f of features) {
    pbf.writeMessage(2, () => {
      const tags: number[] = [];
      for (const [k, v] of Object.entries(f.props)) tags.push(keyId(k), valueId(v));
      pbf.writePackedVarint(2, tags);
      pbf.writeVarintField(3, f.type ?? 2);
      const geom: number[] = [];
      let cx = 0, cy = 0;
      const zig = (n: number) => (n << 1) ^ (n >> 31);
      for (const part of f.parts) {
        geom.push((1 & 7) | (1 << 3), zig(part[0][0] - cx), zig(part[0][1] - cy));
        cx = part[0][0];
        cy = part[0][1];
        if (part.length > 1) geom.push((2 & 7) | ((part.length - 1) << 3));
        for (let k = 1; k < part.length; k++) {
          geom.push(zig(part[k][0] - cx), zig(part[k][1] - cy));
          cx = part[k][0];
          cy = part[k][1];
        }
      }
      pbf.writePackedVarint(4, geom);
    }, null);
  }
  for (const k of keys) pbf.writeStringField(3, k);
  for (const v of values) {
    pbf.writeMessage(4, () => {
      if (typeof v === 'string') pbf.writeStringField(1, v);
      else if (typeof v === 'boolean') pbf.writeBooleanField(7, v);
      else pbf.writeSVarintField(6, v);
    }, null);
  }
  pbf.writeVarintField(5, extent);
}
