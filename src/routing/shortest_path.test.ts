import { describe, expect, it } from 'vitest';
import { RoadClass } from './road_class.ts';
import { buildRoadGraph, carProfile, footProfile, travelProfile, volunteerProfile, type RoadNetwork } from './road_graph.ts';
import { ShortestPathSearch, fastestPath, tailOf, travelTimesFrom } from './shortest_path.ts';
import { travelTimeMatrix } from './travel_time_matrix.ts';
import { largestStrongComponentMask, strongComponents } from './strong_components.ts';

/**
 * A hand-made network (lengths in metres):
 *
 *   0 --street 250-- 1 --street 250, one-way 1->2-- 2 --street 60, one-way 2->5-- 5 (dead end)
 *   0 --primary 1000-- 2          2 --footway 100-- 3
 *   0 --motorway 2000-- 3         3 --street 100, one-way 4->3 (drawn 3->4, oneway -1)-- 4
 *   4 --trunk 600-- 0 (drawn 4->0)
 */
function handNetwork(): RoadNetwork {
  const rows: [number, number, number, number, number][] = [
    // from, to, length, class, oneway
    [0, 1, 250, RoadClass.street, 0], // e0
    [1, 2, 250, RoadClass.street, 1], // e1
    [0, 2, 1000, RoadClass.primary, 0], // e2
    [2, 3, 100, RoadClass.pedestrian, 0], // e3
    [0, 3, 2000, RoadClass.motorway, 0], // e4
    [3, 4, 100, RoadClass.street, -1], // e5
    [4, 0, 600, RoadClass.trunk, 0], // e6
    [2, 5, 60, RoadClass.street, 1], // e7
  ];
  return {
    nodeCount: 6,
    edgeFrom: Uint32Array.from(rows, (r) => r[0]),
    edgeTo: Uint32Array.from(rows, (r) => r[1]),
    edgeLengthM: Float64Array.from(rows, (r) => r[2]),
    edgeClass: Uint8Array.from(rows, (r) => r[3]),
    edgeOneway: Int8Array.from(rows, (r) => r[4]),
  };
}

/** Seconds to cover `m` metres at `kmh`. */
const sec = (m: number, kmh: number) => m / (kmh / 3.6);

describe('road graph and shortest paths on a hand-made network', () => {
  it('car: one-way streets respected, footway forbidden, motorway allowed', () => {
    const g = buildRoadGraph(handNetwork(), carProfile);
    const street = carProfile.speedKmh[RoadClass.street];
    const primary = carProfile.speedKmh[RoadClass.primary];
    const motorway = carProfile.speedKmh[RoadClass.motorway];
    const trunk = carProfile.speedKmh[RoadClass.trunk];
    const from0 = travelTimesFrom(g, 0);
    // 0 -> 2 via 1 (500 m of street) beats the 1000 m primary.
    expect(from0[2]).toBeCloseTo(Math.min(sec(500, street), sec(1000, primary)), 9);
    // 0 -> 3: trunk to 4 then the one-way street 4 -> 3 beats the motorway.
    expect(from0[3]).toBeCloseTo(Math.min(sec(600, trunk) + sec(100, street), sec(2000, motorway)), 9);
    expect(from0[5]).toBeCloseTo(sec(500, street) + sec(60, street), 9);
    const from2 = travelTimesFrom(g, 2);
    // 2 -> 1 is against the one-way street, and the footway to 3 is closed to cars.
    expect(from2[0]).toBeCloseTo(sec(1000, primary), 9);
    expect(from2[1]).toBeCloseTo(sec(1000, primary) + sec(250, street), 9);
    const from3 = travelTimesFrom(g, 3);
    // 3 -> 4 is against the one-way street: only the motorway leaves 3.
    expect(from3[0]).toBeCloseTo(sec(2000, motorway), 9);
    expect(from3[4]).toBeCloseTo(sec(2000, motorway) + sec(600, trunk), 9);
    // Nothing leaves the dead end 5.
    const from5 = travelTimesFrom(g, 5);
    expect(Array.from(from5)).toEqual([Infinity, Infinity, Infinity, Infinity, Infinity, 0]);
  });

  it('foot: one-way ignored, footway used, motorway forbidden, 5 km/h', () => {
    const g = buildRoadGraph(handNetwork(), footProfile);
    expect(footProfile.speedKmh[RoadClass.street]).toBe(5);
    const from0 = travelTimesFrom(g, 0);
    expect(from0[2]).toBeCloseTo(sec(500, 5), 9);
    // 0-1-2-3 (600 m) beats 0-4-3 (700 m); the motorway is closed.
    expect(from0[3]).toBeCloseTo(sec(600, 5), 9);
    expect(from0[4]).toBeCloseTo(sec(600, 5), 9); // trunk allowed on foot
    const from2 = travelTimesFrom(g, 2);
    expect(from2[0]).toBeCloseTo(sec(500, 5), 9); // against the one-way street on foot
    const from5 = travelTimesFrom(g, 5);
    expect(from5[0]).toBeCloseTo(sec(560, 5), 9);
  });

  it('volunteer: 4.5 km/h, no trunk roads', () => {
    const g = buildRoadGraph(handNetwork(), volunteerProfile);
    const from0 = travelTimesFrom(g, 0);
    // Trunk 0-4 closed: 0-1-2-3-4 = 700 m.
    expect(from0[4]).toBeCloseTo(sec(700, 4.5), 9);
    expect(from0[3]).toBeCloseTo(sec(600, 4.5), 9);
  });

  it('fastestPath returns street pieces in travel order with their direction', () => {
    const net = handNetwork();
    const g = buildRoadGraph(net, carProfile);
    const p = fastestPath(g, 0, 3)!;
    expect(Array.from(p.edges)).toEqual([6, 5]); // 0 -> 4 on e6 (drawn 4->0), 4 -> 3 on e5 (drawn 3->4)
    expect(Array.from(p.forward)).toEqual([0, 0]);
    expect(Array.from(p.nodes)).toEqual([0, 4, 3]);
    expect(p.timeS).toBeCloseTo(travelTimesFrom(g, 0)[3], 9);
    expect(fastestPath(g, 5, 0)).toBeNull();
    const self = fastestPath(g, 2, 2)!;
    expect(self.edges.length).toBe(0);
    expect(self.timeS).toBe(0);
  });

  it('travelTimeMatrix agrees with one-to-all searches, Infinity where unreachable', () => {
    const g = buildRoadGraph(handNetwork(), carProfile);
    const nodes = [0, 1, 2, 3, 4, 5, 2];
    const m = travelTimeMatrix(g, nodes, nodes);
    for (let i = 0; i < nodes.length; i++) {
      const all = travelTimesFrom(g, nodes[i]);
      for (let j = 0; j < nodes.length; j++) expect(m[i * nodes.length + j]).toBe(all[nodes[j]]);
    }
    expect(m[5 * nodes.length + 0]).toBe(Infinity);
  });

  it('strong components: the dead end 5 is on its own', () => {
    const g = buildRoadGraph(handNetwork(), carProfile);
    const sc = strongComponents(g);
    expect(sc.count).toBe(2);
    expect(Array.from(largestStrongComponentMask(g))).toEqual([1, 1, 1, 1, 1, 0]);
    const walk = buildRoadGraph(handNetwork(), footProfile);
    expect(strongComponents(walk).count).toBe(1);
  });

  it('travelProfile derives a profile: a slow car that may not use the motorway', () => {
    const slow = travelProfile(carProfile, { name: 'slow car', speedKmh: { motorway: 0, street: 10 } });
    expect(slow.speedKmh[RoadClass.primary]).toBe(carProfile.speedKmh[RoadClass.primary]);
    const g = buildRoadGraph(handNetwork(), slow);
    // 3 -> 0: the motorway is closed and 3 -> 4 is against the one-way street: unreachable.
    expect(travelTimesFrom(g, 3)[0]).toBe(Infinity);
    expect(travelTimesFrom(g, 0)[1]).toBeCloseTo(sec(250, 10), 9);
    expect(() => travelProfile(carProfile, { speedKmh: { highway: 5 } as never })).toThrow(/unknown road class 'highway'/);
    expect(() => travelProfile(carProfile, { speedKmh: { street: NaN } })).toThrow(/street/);
  });

  it('buildRoadGraph rejects malformed input', () => {
    const net = handNetwork();
    expect(() => buildRoadGraph({ ...net, nodeCount: 5 }, carProfile)).toThrow(/out of range/);
    expect(() => buildRoadGraph({ ...net, edgeLengthM: Float64Array.from([NaN, 1, 1, 1, 1, 1, 1, 1]) }, carProfile)).toThrow(/edgeLengthM/);
    expect(() => buildRoadGraph({ ...net, edgeOneway: new Int8Array(3) }, carProfile)).toThrow(/edgeOneway has 3 rows/);
  });
});

/** A w × h grid with random lengths (>= the straight line), random classes and one-ways. */
function randomGrid(w: number, h: number, seed: number): RoadNetwork {
  let s = seed >>> 0;
  const rnd = () => ((s = (s + 0x6d2b79f5) >>> 0), ((s * 2654435761) >>> 0) / 4294967296);
  const xs = new Float64Array(w * h), ys = new Float64Array(w * h);
  for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) { xs[c + r * w] = c * 100 + rnd() * 20; ys[c + r * w] = r * 100 + rnd() * 20; }
  const from: number[] = [], to: number[] = [], len: number[] = [], cls: number[] = [], ow: number[] = [];
  const add = (a: number, b: number) => {
    from.push(a); to.push(b);
    len.push(Math.hypot(xs[a] - xs[b], ys[a] - ys[b]) * (1 + rnd()));
    cls.push(Math.floor(rnd() * 12));
    const u = rnd();
    ow.push(u < 0.15 ? 1 : u < 0.3 ? -1 : 0);
  };
  for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) {
    if (c + 1 < w) add(c + r * w, c + 1 + r * w);
    if (r + 1 < h) add(c + r * w, c + (r + 1) * w);
  }
  return {
    nodeCount: w * h, edgeFrom: Uint32Array.from(from), edgeTo: Uint32Array.from(to),
    edgeLengthM: Float64Array.from(len), edgeClass: Uint8Array.from(cls), edgeOneway: Int8Array.from(ow),
    nodeXs: xs, nodeYs: ys,
  };
}

/** Bellman–Ford, as an independent reference. */
function bellmanFord(net: RoadNetwork, source: number, speed: (cls: number) => number, oneway: boolean): Float64Array {
  const d = new Float64Array(net.nodeCount).fill(Infinity);
  d[source] = 0;
  for (let it = 0; it < net.nodeCount; it++) {
    let changed = false;
    for (let e = 0; e < net.edgeFrom.length; e++) {
      const v = speed(net.edgeClass[e]);
      if (!(v > 0)) continue;
      const t = net.edgeLengthM[e] / (v / 3.6);
      const a = net.edgeFrom[e], b = net.edgeTo[e], o = net.edgeOneway[e];
      if ((!oneway || o >= 0) && d[a] + t < d[b]) { d[b] = d[a] + t; changed = true; }
      if ((!oneway || o <= 0) && d[b] + t < d[a]) { d[a] = d[b] + t; changed = true; }
    }
    if (!changed) break;
  }
  return d;
}

describe('shortest paths on random grids against Bellman–Ford', () => {
  for (const profile of [carProfile, footProfile, volunteerProfile]) {
    it(`${profile.name}: Dijkstra, A* and the matrix agree with Bellman–Ford`, () => {
      const net = randomGrid(12, 9, 7 + profile.name.length);
      const g = buildRoadGraph(net, profile);
      const search = new ShortestPathSearch(g);
      const sources = [0, 17, 50, 107];
      const targets = [3, 40, 41, 99, 0];
      const m = travelTimeMatrix(g, sources, targets);
      for (let i = 0; i < sources.length; i++) {
        const ref = bellmanFord(net, sources[i], (c) => profile.speedKmh[c], profile.respectOneway);
        search.oneToAll(sources[i]);
        for (let v = 0; v < net.nodeCount; v++) {
          if (ref[v] === Infinity) expect(search.timeS[v]).toBe(Infinity);
          else expect(search.timeS[v]).toBeCloseTo(ref[v], 6);
        }
        for (let j = 0; j < targets.length; j++) {
          const t = ref[targets[j]];
          if (t === Infinity) expect(m[i * targets.length + j]).toBe(Infinity);
          else expect(m[i * targets.length + j]).toBeCloseTo(t, 6);
          const a = search.pointToPoint(sources[i], targets[j]);
          if (t === Infinity) expect(a).toBe(Infinity);
          else {
            expect(a).toBeCloseTo(t, 6);
            // The A* path's arcs chain from source to target and add up to its time.
            const arcs = search.pathArcsTo(targets[j])!;
            let v = sources[i], sum = 0;
            for (const arc of arcs) {
              expect(tailOf(g.arcOffset, arc)).toBe(v);
              v = g.arcTo[arc];
              sum += g.arcTimeS[arc];
            }
            expect(v).toBe(targets[j]);
            expect(sum).toBeCloseTo(t, 6);
          }
        }
      }
    });
  }
});
