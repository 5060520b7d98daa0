/**
 * An indexed binary min-heap of node ids keyed by Float64 distances, on typed arrays, with
 * decrease-key. Built once for a graph size and reused across searches: `clear()` costs only the
 * nodes that were in the heap.
 */
export class NodeHeap {
  /** heap[0 .. size - 1]: node ids in heap order. */
  private readonly heap: Int32Array;
  /** Position of a node in `heap`, or -1 when not in the heap. */
  private readonly pos: Int32Array;
  /** Key of each node while it is in the heap. */
  private readonly key: Float64Array;
  size = 0;

  constructor(nodeCount: number) {
    this.heap = new Int32Array(nodeCount);
    this.pos = new Int32Array(nodeCount).fill(-1);
    this.key = new Float64Array(nodeCount);
  }

  /** Remove every node (cost proportional to the current size). */
  clear(): void {
    for (let i = 0; i < this.size; i++) this.pos[this.heap[i]] = -1;
    this.size = 0;
  }

  has(v: number): boolean {
    return this.pos[v] >= 0;
  }

  /** The smallest key (undefined behaviour when empty). */
  peekKey(): number {
    return this.key[this.heap[0]];
  }

  /** Insert v with key k, or lower its key to k when it is already in with a larger one. */
  push(v: number, k: number): void {
    let i = this.pos[v];
    if (i < 0) {
      i = this.size++;
      this.heap[i] = v;
      this.pos[v] = i;
      this.key[v] = k;
    } else if (k < this.key[v]) {
      this.key[v] = k;
    } else {
      return;
    }
    this.up(i);
  }

  /** Remove and return the node with the smallest key. */
  pop(): number {
    const heap = this.heap;
    const top = heap[0];
    this.pos[top] = -1;
    const last = heap[--this.size];
    if (this.size > 0) {
      heap[0] = last;
      this.pos[last] = 0;
      this.down(0);
    }
    return top;
  }

  private up(i: number): void {
    const { heap, pos, key } = this;
    const v = heap[i];
    const k = key[v];
    while (i > 0) {
      const p = (i - 1) >> 1;
      const u = heap[p];
      if (key[u] <= k) break;
      heap[i] = u;
      pos[u] = i;
      i = p;
    }
    heap[i] = v;
    pos[v] = i;
  }

  private down(i: number): void {
    const { heap, pos, key } = this;
    const n = this.size;
    const v = heap[i];
    const k = key[v];
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && key[heap[c + 1]] < key[heap[c]]) c++;
      const u = heap[c];
      if (key[u] >= k) break;
      heap[i] = u;
      pos[u] = i;
      i = c;
    }
    heap[i] = v;
    pos[v] = i;
  }
}
