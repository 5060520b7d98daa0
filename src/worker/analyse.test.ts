/**
 * The worker's analysis shell on the demo (imported with DuckDB in Node): the study-area mask
 * shortcut equals stats' hullMask, the layers add up, the top cells are ranked, the names come
 * from the beats and streets files, and a cancelled request stops.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeDb } from '../data/node_db.ts';
import { ingestFiles } from '../data/ingest.ts';
import { nodeSource } from '../data/node_source.ts';
import { loadIncidentColumns } from '../data/incidents.ts';
import { gridForExtent, extentOf } from '../stats/grid.ts';
import { hullMask } from '../stats/study_area.ts';
import { analyse, loadedDataset, studyMask, transferables, type LoadedDataset, type StudyContext } from './analyse.ts';
import { beatAt, beatIndex, nearestStreetName, streetNameIndex } from './study_context.ts';

const root = resolve(import.meta.dirname, '../..');
const file = (name: string) => join(root, 'data/chicago_d14', name);
const json = (name: string) => JSON.parse(readFileSync(file(name), 'utf8'));

describe('analyse (worker)', () => {
  let db: NodeDb;
  let ds: LoadedDataset;
  let ctx: StudyContext;
  beforeAll(async () => {
    db = await NodeDb.open();
    await ingestFiles(db, [nodeSource(file('aggravated_assaults_d14_2010_2019.csv'))], { defaultCategory: 'aggravated assault' });
    ds = loadedDataset(await loadIncidentColumns(db));
    ctx = { beats: beatIndex(json('police_beats_d14.geojson')), streets: streetNameIndex(json('streets_d14.geojson')) };
  }, 60_000);
  afterAll(() => db?.close());

  it('studyMask(grid, xs, ys) equals hullMask on every cell', () => {
    for (const cell of [16, 50, 200]) {
      const grid = gridForExtent(extentOf(ds.cols.xs, ds.cols.ys)!, cell);
      expect(studyMask(grid, ds.cols.xs, ds.cols.ys)).toEqual(hullMask(grid, ds.cols.xs, ds.cols.ys));
    }
    // Random blobs, a ring and a few far points, on coarse cells (hull corners inside cells).
    let seed = 3;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const xs: number[] = [], ys: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const a = rand() * 2 * Math.PI, r = i % 3 ? 500 * Math.sqrt(rand()) : 900 + 5 * rand();
      xs.push(1000 + r * Math.cos(a) + (i % 7 === 0 ? 800 : 0));
      ys.push(2000 + r * Math.sin(a));
    }
    xs.push(3000, -400, 1200);
    ys.push(2100, 1500, 3300);
    const x = Float64Array.from(xs), y = Float64Array.from(ys);
    for (const cell of [37, 150, 700]) {
      const grid = gridForExtent(extentOf(x, y)!, cell);
      expect(studyMask(grid, x, y)).toEqual(hullMask(grid, x, y));
    }
  });

  it('computes every layer on the default grid, with the defaults explained', async () => {
    const r = await analyse(ds, {}, {}, ctx, new AbortController().signal);
    expect(r.selected).toBe(3763);
    expect(r.cellSizeM).toMatchObject({ value: 16, given: false, reason: 'reason.cell.default' });
    expect(r.counts.length).toBe(r.grid.width * r.grid.height);
    expect(r.counts.reduce((a, b) => a + b, 0)).toBe(3763);
    let inMask = 0;
    for (const m of r.mask) inMask += m;
    expect(r.binCounts.reduce((a, b) => a + b, 0)).toBe(inMask);
    expect(r.kde.maxDensity).toBeGreaterThan(0);
    expect(r.top).toHaveLength(10);
    for (let k = 1; k < 10; k++) expect(r.top[k - 1].count).toBeGreaterThanOrEqual(r.top[k].count);
    expect(r.top[0].count).toBe(Math.max(...r.counts));
    for (const c of r.top) {
      expect(c.beat).toMatch(/^14\d\d$|^14$/);
      expect(c.ring).toHaveLength(5);
    }
    expect(r.top.filter((c) => c.street).length).toBeGreaterThan(5);
    expect(r.points.n.length).toBe(3763);
    expect(r.emerging).toBeNull();
    // Every typed array goes in the transfer list, each buffer once.
    expect(new Set(transferables(r)).size).toBe(transferables(r).length);
  });

  it('uses given parameters and rejects a band under one cell', async () => {
    const r = await analyse(ds, { fromMonth: '2019-01' }, { cellSizeM: 50, bandwidthM: 300, kernel: 'gaussian', bandM: 150, fdr: false, emerging: true }, ctx, new AbortController().signal);
    expect(r.cellSizeM).toMatchObject({ value: 50, given: true });
    expect(r.kernel.value).toBe('gaussian');
    expect(r.fdr.value).toBe(false);
    expect(r.emerging?.steps).toBe(12);
    await expect(analyse(ds, {}, { bandM: 10 }, ctx, new AbortController().signal)).rejects.toThrow(/at least one cell/);
  });

  it('stops when its request is cancelled', async () => {
    const ctrl = new AbortController();
    const p = analyse(ds, {}, {}, ctx, ctrl.signal);
    ctrl.abort();
    await expect(p).rejects.toThrow();
  });

  it('names beats and streets from the GeoJSON files', () => {
    const streets = json('streets_d14.geojson').features as { properties: { name: string | null }; geometry: { coordinates: number[][] } }[];
    const milwaukee = streets.find((f) => f.properties.name === 'N Milwaukee Ave')!;
    const [lon, lat] = milwaukee.geometry.coordinates[0];
    expect(nearestStreetName(ctx.streets!, lon, lat)).toBe('N Milwaukee Ave');
    expect(nearestStreetName(ctx.streets!, 0, 0)).toBe('');
    const beats = json('police_beats_d14.geojson').features as { properties: { BEAT_NUM: string }; geometry: { coordinates: number[][][] } }[];
    for (const b of beats) {
      const ring = b.geometry.coordinates[0];
      // The middle of the beat's bounding box lies inside these (nearly rectangular) beats.
      const lons = ring.map((p) => p[0]), lats = ring.map((p) => p[1]);
      const mid: [number, number] = [(Math.min(...lons) + Math.max(...lons)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2];
      expect(beatAt(ctx.beats!, ...mid)).toBe(b.properties.BEAT_NUM);
    }
    expect(beatAt(ctx.beats!, 0, 0)).toBe('');
  });
});
