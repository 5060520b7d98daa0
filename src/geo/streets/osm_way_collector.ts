/**
 * Collects OSM nodes and highway ways in flat growable arrays, then resolves the ways' node
 * references into street lines. Shared by the OSM XML and PBF readers.
 *
 * Nodes may arrive in any order and before or after the ways. Node ids are looked up by binary
 * search over the ids sorted once (OSM files are normally sorted already, so that sort is a
 * check). A reference to a node the file lacks ends the current run: the way becomes the runs of
 * nodes the file has, each a line with the way's properties. A node id that appears twice keeps
 * its first position.
 */
import type { LineProps } from './street_lines.ts';
import type { StreetLinesBuilder } from './street_lines_builder.ts';

export class OsmWayCollector {
  private nodeIds = new Float64Array(1024);
  private nodeLons = new Float64Array(1024);
  private nodeLats = new Float64Array(1024);
  private nodeCount = 0;
  private refs = new Float64Array(1024);
  private refCount = 0;
  private wayFirstRef = 0;
  private readonly wayStart: number[] = [];
  private readonly wayProps: LineProps[] = [];

  /** Number of ways kept so far. */
  get wayCount(): number {
    return this.wayProps.length;
  }

  addNode(id: number, lon: number, lat: number): void {
    const n = this.nodeCount;
    if (n === this.nodeIds.length) {
      this.nodeIds = grow(this.nodeIds, 2 * n);
      this.nodeLons = grow(this.nodeLons, 2 * n);
      this.nodeLats = grow(this.nodeLats, 2 * n);
    }
    this.nodeIds[n] = id;
    this.nodeLons[n] = lon;
    this.nodeLats[n] = lat;
    this.nodeCount = n + 1;
  }

  beginWay(): void {
    this.refCount = this.wayFirstRef;
  }

  addRef(id: number): void {
    if (this.refCount === this.refs.length) this.refs = grow(this.refs, 2 * this.refCount);
    this.refs[this.refCount++] = id;
  }

  /** Keep the way begun last, with its properties. */
  endWay(props: LineProps): void {
    this.wayStart.push(this.wayFirstRef);
    this.wayProps.push(props);
    this.wayFirstRef = this.refCount;
  }

  /** Forget the refs of the way begun last. */
  cancelWay(): void {
    this.refCount = this.wayFirstRef;
  }

  /** The distinct node ids the kept ways refer to, sorted ascending. */
  referencedNodeIds(): Float64Array {
    const ids = this.refs.slice(0, this.wayFirstRef).sort();
    let m = 0;
    for (let i = 0; i < ids.length; i++) if (i === 0 || ids[i] !== ids[i - 1]) ids[m++] = ids[i];
    return ids.slice(0, m);
  }

  /** Resolve every kept way into lines of the builder. Returns the number of missing references. */
  emit(builder: StreetLinesBuilder): number {
    const n = this.nodeCount;
    let ids = this.nodeIds.subarray(0, n);
    let lons = this.nodeLons, lats = this.nodeLats;
    let sorted = true;
    for (let i = 1; i < n && sorted; i++) if (!(ids[i] > ids[i - 1])) sorted = false;
    if (!sorted) {
      const order = new Uint32Array(n);
      for (let i = 0; i < n; i++) order[i] = i;
      // Stable by id then position, so the first copy of a duplicated id comes first.
      const src = ids;
      order.sort((a, b) => src[a] - src[b] || a - b);
      ids = new Float64Array(n);
      lons = new Float64Array(n);
      lats = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        ids[i] = src[order[i]];
        lons[i] = this.nodeLons[order[i]];
        lats[i] = this.nodeLats[order[i]];
      }
    }
    let missing = 0;
    const ways = this.wayProps.length;
    for (let w = 0; w < ways; w++) {
      const props = this.wayProps[w];
      const end = w + 1 < ways ? this.wayStart[w + 1] : this.wayFirstRef;
      for (let r = this.wayStart[w]; r < end; r++) {
        const k = lowerBound(ids, this.refs[r]);
        if (k < n && ids[k] === this.refs[r]) {
          builder.addVertex(lons[k], lats[k]);
        } else {
          missing++;
          builder.endLine(props); // a run of < 2 vertices is dropped by the builder
        }
      }
      builder.endLine(props);
    }
    return missing;
  }
}

/** First index i with a[i] >= x (a sorted ascending). */
export function lowerBound(a: Float64Array, x: number): number {
  let lo = 0, hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function grow(a: Float64Array, size: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(size);
  b.set(a);
  return b;
}
