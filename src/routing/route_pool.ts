/**
 * A pool of the distinct routes met during a search, and the best plan that can be put together
 * from them: one route per unit, no stop twice (weighted set packing, solved by depth-first
 * branch and bound with a node limit).
 *
 * Units are grouped in classes of interchangeable units (same times, start, end, budget and
 * eligibility); a route found for one unit of a class fits every unit of it. Each route is kept
 * as a bit set of its stops (for fast disjointness tests) and its stop sequence; of two routes
 * over the same stops only the shorter is kept.
 *
 * Recombining the routes of many local optima this way is what the set-packing phases of recent
 * team orienteering methods do, e.g. F. Hammami, M. Rekik, L. C. Coelho, "A hybrid adaptive
 * large neighborhood search heuristic for the team orienteering problem", Computers & OR 123
 * (2020) 105034.
 */

interface PoolClass {
  /** Number of units in the class. */
  units: number;
  bits: Uint32Array[];
  seqs: Int32Array[];
  scores: number[];
  times: number[];
  index: Map<string, number>;
  /** Entries sorted by score, best first, rebuilt lazily. */
  order: Int32Array | null;
  /** prefix[j] = sum of the scores of order[0 .. j - 1]. */
  prefix: Float64Array | null;
}

export interface PoolCombination {
  value: number;
  /** Per class, the chosen routes' stop sequences (at most one per unit of the class). */
  routes: Int32Array[][];
}

export class RoutePool {
  readonly words: number;
  private readonly classes: PoolClass[];
  private readonly capacity: number;
  private readonly keyBits: Uint32Array;

  /**
   * @param stopCount number of stops (bit positions)
   * @param unitsPerClass number of units in each class
   * @param capacity most routes kept per class; the lowest-scoring are dropped beyond it
   */
  constructor(stopCount: number, unitsPerClass: ArrayLike<number>, capacity = 4000) {
    this.words = Math.max(1, Math.ceil(stopCount / 32));
    this.capacity = capacity;
    this.keyBits = new Uint32Array(this.words);
    this.classes = Array.from(unitsPerClass, (units) => ({
      units, bits: [], seqs: [], scores: [], times: [], index: new Map(), order: null, prefix: null,
    }));
  }

  get size(): number {
    let s = 0;
    for (const c of this.classes) s += c.scores.length;
    return s;
  }

  /** Add a route (stop sequence, its score and time) found for a unit of class `cls`. */
  add(cls: number, stops: Int32Array, score: number, timeS: number): void {
    if (stops.length === 0) return;
    const c = this.classes[cls];
    const kb = this.keyBits;
    kb.fill(0);
    for (let k = 0; k < stops.length; k++) kb[stops[k] >>> 5] |= 1 << (stops[k] & 31);
    const key = kb.join(',');
    const at = c.index.get(key);
    if (at !== undefined) {
      if (timeS < c.times[at]) { c.times[at] = timeS; c.seqs[at] = stops.slice(); }
      return;
    }
    c.index.set(key, c.scores.length);
    c.bits.push(kb.slice());
    c.seqs.push(stops.slice());
    c.scores.push(score);
    c.times.push(timeS);
    c.order = null;
    if (c.scores.length > this.capacity) this.shrink(c);
  }

  /** Keep the best 3/4 of the capacity by score (ties: shorter). */
  private shrink(c: PoolClass): void {
    const keep = Array.from(c.scores.keys())
      .sort((a, b) => c.scores[b] - c.scores[a] || c.times[a] - c.times[b])
      .slice(0, Math.floor(this.capacity * 0.75));
    c.bits = keep.map((i) => c.bits[i]);
    c.seqs = keep.map((i) => c.seqs[i]);
    c.scores = keep.map((i) => c.scores[i]);
    c.times = keep.map((i) => c.times[i]);
    c.index = new Map(c.bits.map((b, i) => [b.join(','), i]));
    c.order = null;
  }

  /**
   * The most valuable combination of pooled routes, if it beats `incumbent` by more than `eps`;
   * null otherwise or when none is found within `nodeLimit` steps (routes tried).
   */
  bestCombination(incumbent: number, eps: number, nodeLimit = 100_000): PoolCombination | null {
    const classes = this.classes;
    for (const c of classes) {
      if (!c.order) {
        const order = Int32Array.from(c.scores.keys()).sort((a, b) => c.scores[b] - c.scores[a] || a - b);
        const prefix = new Float64Array(order.length + 1);
        for (let j = 0; j < order.length; j++) prefix[j + 1] = prefix[j] + c.scores[order[j]];
        c.order = order;
        c.prefix = prefix;
      }
    }
    // Slots: one per unit, grouped by class.
    const slotClass: number[] = [];
    classes.forEach((c, k) => { for (let u = 0; u < c.units; u++) slotClass.push(k); });
    const S = slotClass.length;
    // restBound[s]: upper bound on the value of slots s.. : the first slot of a class with k slots
    // takes at most the class's k best routes.
    const restBound = new Float64Array(S + 1);
    for (let s = S - 1; s >= 0; s--) {
      const k = slotClass[s];
      const first = s === 0 || slotClass[s - 1] !== k;
      if (!first) { restBound[s] = restBound[s + 1]; continue; }
      const c = classes[k];
      restBound[s] = restBound[s + c.units] + c.prefix![Math.min(c.units, c.order!.length)];
    }
    const W = this.words;
    const used = Array.from({ length: S + 1 }, () => new Uint32Array(W));
    const chosen = new Int32Array(S).fill(-1);
    const bestChosen = new Int32Array(S).fill(-1);
    let best = incumbent + eps;
    let found = false;
    let nodes = 0;

    const visit = (s: number, from: number, value: number): void => {
      if (++nodes > nodeLimit) return;
      if (value > best) { best = value; found = true; bestChosen.set(chosen); }
      if (s === S) return;
      const k = slotClass[s];
      const c = classes[k];
      const order = c.order!, prefix = c.prefix!;
      // Slots left in this class (this one included), and the bound of the classes after it.
      let sameLeft = 1;
      while (s + sameLeft < S && slotClass[s + sameLeft] === k) sameLeft++;
      const after = restBound[s + sameLeft];
      const u0 = used[s], u1 = used[s + 1];
      for (let j = from; j < order.length; j++) {
        if (++nodes > nodeLimit) return;
        const i = order[j];
        const sc = c.scores[i];
        // This slot and the rest of its class take routes j, j + 1, ... at best.
        if (value + prefix[Math.min(j + sameLeft, order.length)] - prefix[j] + after <= best) break;
        const b = c.bits[i];
        let clash = false;
        for (let w = 0; w < W; w++) if (u0[w] & b[w]) { clash = true; break; }
        if (clash) continue;
        for (let w = 0; w < W; w++) u1[w] = u0[w] | b[w];
        chosen[s] = i;
        // The next slot of the same class takes a later route (units of a class are alike).
        visit(s + 1, sameLeft > 1 ? j + 1 : 0, value + sc);
        chosen[s] = -1;
        if (nodes > nodeLimit) return;
      }
      // Leave this slot and the rest of its class empty.
      if (s + sameLeft <= S) {
        used[s + sameLeft].set(u0);
        visit(s + sameLeft, 0, value);
      }
    };
    visit(0, 0, 0);
    if (!found) return null;
    const routes: Int32Array[][] = classes.map(() => []);
    for (let s = 0; s < S; s++) if (bestChosen[s] >= 0) routes[slotClass[s]].push(classes[slotClass[s]].seqs[bestChosen[s]]);
    return { value: best, routes };
  }
}
