/**
 * Builds a {@link StreetLines} set one vertex at a time into growable typed arrays, so readers
 * never make an object per vertex. Names are interned (one string per distinct name).
 *
 * Usage: `b.addVertex(lon, lat)` any number of times, then `b.endLine(props)` (or
 * `b.cancelLine()`); `b.finish()` once at the end. Consecutive duplicate vertices are dropped,
 * and a line left with fewer than two vertices is discarded (endLine returns false).
 */
import type { LineProps, StreetLines } from './street_lines.ts';

export class StreetLinesBuilder {
  private lons = new Float64Array(1024);
  private lats = new Float64Array(1024);
  private vertexCount = 0;
  private lineVertex0 = 0;
  private starts = new Uint32Array(256);
  private cls = new Uint8Array(256);
  private oneway = new Int8Array(256);
  private structure = new Uint8Array(256);
  private layer = new Int8Array(256);
  private name = new Uint32Array(256);
  private count = 0;
  private readonly names: string[] = [''];
  private readonly nameIndex = new Map<string, number>([['', 0]]);
  private finished = false;

  /** Number of lines ended so far. */
  get lineCount(): number {
    return this.count;
  }

  /** Append a vertex (degrees) to the current line. Non-finite coordinates throw. */
  addVertex(lon: number, lat: number): void {
    if (!(Number.isFinite(lon) && Number.isFinite(lat))) {
      throw new RangeError(`street vertex must be finite, got lon ${lon}, lat ${lat}`);
    }
    const n = this.vertexCount;
    if (n > this.lineVertex0 && this.lons[n - 1] === lon && this.lats[n - 1] === lat) return;
    if (n === this.lons.length) {
      this.lons = grow(this.lons, n * 2);
      this.lats = grow(this.lats, n * 2);
    }
    this.lons[n] = lon;
    this.lats[n] = lat;
    this.vertexCount = n + 1;
  }

  /** Vertices added to the current (unfinished) line so far. */
  get currentVertexCount(): number {
    return this.vertexCount - this.lineVertex0;
  }

  /** Drop the vertices of the current line. */
  cancelLine(): void {
    this.vertexCount = this.lineVertex0;
  }

  /** Close the current line with its properties. Returns false (and drops it) if it has < 2 vertices. */
  endLine(props: LineProps): boolean {
    if (this.vertexCount - this.lineVertex0 < 2) {
      this.vertexCount = this.lineVertex0;
      return false;
    }
    const i = this.count;
    if (i + 1 >= this.starts.length) {
      const m = this.starts.length * 2;
      this.starts = grow(this.starts, m);
      this.cls = grow(this.cls, m);
      this.oneway = grow(this.oneway, m);
      this.structure = grow(this.structure, m);
      this.layer = grow(this.layer, m);
      this.name = grow(this.name, m);
    }
    this.starts[i] = this.lineVertex0;
    this.cls[i] = props.roadClass;
    this.oneway[i] = props.oneway;
    this.structure[i] = props.structure;
    this.layer[i] = Number.isFinite(props.layer) ? Math.max(-128, Math.min(127, Math.round(props.layer))) : 0;
    this.name[i] = this.intern(props.name ?? '');
    this.count = i + 1;
    this.lineVertex0 = this.vertexCount;
    return true;
  }

  /** Index of a name in the names table, adding it if new. */
  intern(name: string): number {
    let k = this.nameIndex.get(name);
    if (k === undefined) {
      k = this.names.length;
      this.names.push(name);
      this.nameIndex.set(name, k);
    }
    return k;
  }

  /** The name with index k. */
  nameOf(k: number): string {
    return this.names[k];
  }

  /** The finished line set (trimmed copies). The builder cannot be used afterwards. */
  finish(): StreetLines {
    if (this.finished) throw new Error('StreetLinesBuilder.finish() called twice');
    this.finished = true;
    this.vertexCount = this.lineVertex0; // drop an unfinished line
    const n = this.count;
    const lineStart = new Uint32Array(n + 1);
    lineStart.set(this.starts.subarray(0, n));
    lineStart[n] = this.vertexCount;
    return {
      lineCount: n,
      lineStart,
      lons: this.lons.slice(0, this.vertexCount),
      lats: this.lats.slice(0, this.vertexCount),
      lineClass: this.cls.slice(0, n),
      lineOneway: this.oneway.slice(0, n),
      lineStructure: this.structure.slice(0, n),
      lineLayer: this.layer.slice(0, n),
      lineName: this.name.slice(0, n),
      names: this.names,
    };
  }
}

type Growable = Float64Array | Uint32Array | Uint8Array | Int8Array;

function grow<T extends Growable>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a as never);
  return b;
}
