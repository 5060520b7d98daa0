// The statistics commands of the command-line contract (DESIGN.md), run as a user runs them,
// checked against ../shared/reference and hand-computed values.
import { describe, expect, it, beforeAll } from 'vitest';
import { runCli } from '../cli.ts';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvParse } from 'd3';
import { maxRelativeError, readColumns, readRows, referencePath, repoRoot } from './reference.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sargas-stats-cli-'));
});

const cli = runCli;
const csv = (path: string) => csvParse(readFileSync(path, 'utf8'));

describe('grid', () => {
  it('counts the district 14 points on 150 m cells exactly as the reference cells file', () => {
    const out = join(dir, 'grid.csv');
    const r = cli('grid', '--input', referencePath('points_d14_2018_2019.csv'), '--cell', '150', '--out', out);
    expect(r.code).toBe(0);
    expect(r.summary).toMatchObject({ cells: 952, counted: 696, cellM: 150 });
    const ours = new Map(csv(out).map((row) => [`${Number(row.cx)},${Number(row.cy)}`, Number(row.count)]));
    const ref = readColumns('cells_d14_2018_2019_c150.csv', ['x', 'y', 'count']);
    expect(ours.size).toBe(952);
    for (let i = 0; i < ref.x.length; i++) expect(ours.get(`${ref.x[i]},${ref.y[i]}`)).toBe(ref.count[i]);
  });
  it('projects lon,lat input to the local UTM zone', () => {
    const input = join(dir, 'lonlat.csv');
    writeFileSync(input, 'lon,lat\n-87.70,41.92\n-87.701,41.921\n-87.69,41.93\n');
    const r = cli('grid', '--input', input, '--cell', '100', '--out', join(dir, 'g2.csv'));
    expect(r.code).toBe(0);
    expect(r.summary.crs).toBe('EPSG:32616');
    expect(r.summary.counted).toBe(3);
  });
  it('exits non-zero naming the file, row and column of a bad value', () => {
    const input = join(dir, 'bad.csv');
    writeFileSync(input, 'x,y\n1,2\n3,abc\n');
    const r = cli('grid', '--input', input, '--cell', '10', '--out', join(dir, 'g3.csv'));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('bad.csv');
    expect(r.stderr).toMatch(/row 3.*column y/);
  });
});

describe('kde', () => {
  it('writes incidents per km²: one point, quartic h = 200 m, 100 m cells (hand-computed)', () => {
    const input = join(dir, 'one.csv');
    writeFileSync(input, 'x,y\n250,250\n');
    const out = join(dir, 'kde.csv');
    const r = cli('kde', '--input', input, '--cell', '100', '--bandwidth', '200', '--kernel', 'quartic', '--out', out);
    expect(r.code).toBe(0);
    expect(r.summary).toMatchObject({ kernel: 'quartic', bandwidthM: 200, mode: 'exact', units: 'incidents per km²' });
    const rows = csv(out).map((row) => [Number(row.cx), Number(row.cy), Number(row.density)]);
    const at = (x: number, y: number) => rows.find((q) => q[0] === x && q[1] === y)![2];
    expect(at(250, 250)).toBeCloseTo(75 / Math.PI, 10); // 3e6 / (pi 200²)
    expect(at(350, 250)).toBeCloseTo((75 / Math.PI) * 0.5625, 10);
    expect(at(450, 250)).toBe(0);
  });
  it('rejects an unknown kernel with a usage error (exit 2)', () => {
    const r = cli('kde', '--input', referencePath('points_d14_2018_2019.csv'), '--kernel', 'cubic', '--out', join(dir, 'k2.csv'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/quartic, epanechnikov, gaussian/);
  });
});

describe('gistar', () => {
  it('reproduces the reference z, p and FDR bins on the district 14 cells (band 450 m, --fdr)', () => {
    const out = join(dir, 'gi.csv');
    const r = cli('gistar', '--input', referencePath('cells_d14_2018_2019_c150.csv'), '--band', '450', '--fdr', '--out', out);
    expect(r.code).toBe(0);
    const ours = csv(out);
    const ref = readColumns('gistar_d14_c150_band450.csv', ['x', 'y', 'gi_star_z', 'p_value', 'gi_bin']);
    expect(ours.map((row) => Number(row.x))).toEqual(Array.from(ref.x));
    expect(maxRelativeError(ours.map((row) => Number(row.z)), ref.gi_star_z)).toBeLessThan(1e-9);
    expect(maxRelativeError(ours.map((row) => Number(row.p)), ref.p_value)).toBeLessThan(1e-9);
    expect(ours.map((row) => Number(row.bin))).toEqual(Array.from(ref.gi_bin));
  });
});

describe('gistar on hexagons (cells off a square lattice)', () => {
  it('takes the point-based path and needs --band', () => {
    const hex = join(dir, 'hex.csv');
    const g = cli('grid', '--input', referencePath('points_d14_2018_2019.csv'), '--cell', '200', '--hex', '--out', hex);
    expect(g.code).toBe(0);
    expect(g.summary.shape).toBe('hexagon');
    const input = join(dir, 'hexcells.csv');
    writeFileSync(input, 'x,y,count\n' + csv(hex).map((r) => `${r.cx},${r.cy},${r.count}`).join('\n') + '\n');
    const r = cli('gistar', '--input', input, '--band', '200', '--out', join(dir, 'hexgi.csv'));
    expect(r.code).toBe(0);
    expect(r.summary.layout).toMatch(/point-based/);
    expect(r.summary.neighbours.max).toBe(7); // a hexagon and its 6 neighbours at 200 m
    expect(cli('gistar', '--input', input, '--out', join(dir, 'hexgi2.csv')).code).toBe(2);
  });
});

describe('emerging', () => {
  it('reproduces the reference categories on the 48-month Chicago cube', () => {
    const out = join(dir, 'em.csv');
    const r = cli('emerging', '--input', referencePath('cube_chicago_2016_2019_c1000.csv'), '--band', '2000', '--out', out);
    expect(r.code).toBe(0);
    expect(r.summary).toMatchObject({ cells: 1376, steps: 48 });
    const ours = new Map(csv(out).map((row) => [`${Number(row.x)},${Number(row.y)}`, row]));
    for (const e of readRows('emerging_chicago_2016_2019_c1000_band2000.csv')) {
      const o = ours.get(`${Number(e.x)},${Number(e.y)}`)!;
      expect(o.category).toBe(e.category);
      expect(Math.abs(Number(o.mk_z) - Number(e.mk_z))).toBeLessThan(1e-9 * Math.max(1, Math.abs(Number(e.mk_z))));
    }
  });
});

describe('evaluate', () => {
  it('imports the Chicago demo and reports every method beside naive, with a recommendation', () => {
    const out = join(dir, 'ev.json');
    const r = cli('evaluate', '--input', join(repoRoot, 'data/chicago_d14/aggravated_assaults_d14_2010_2019.csv'), '--test-month', '2019-06', '--coverage', '0.05', '--out', out);
    expect(r.code).toBe(0);
    const full = JSON.parse(readFileSync(out, 'utf8'));
    expect(full).toMatchObject({ testMonth: '2019-06', coverage: 0.05, cellM: 150 });
    const names = full.methods.map((m: { name: string }) => m.name);
    expect(names[0]).toBe('naive');
    expect(names).toEqual(expect.arrayContaining(['counts_12m', 'prospective_kde', 'gistar_hot', 'kde_silverman']));
    for (const m of full.methods) {
      expect(m.hitRate).toBeGreaterThanOrEqual(0);
      expect(m.hitRate).toBeLessThanOrEqual(1);
      expect(m.pei).toBeLessThanOrEqual(1);
      // PAI = (n/N) / (a/A) from the reported hits, cells and study area (numbers rounded in the JSON).
      const at5 = m.byCoverage.find((c: { coverage: number }) => c.coverage === 0.05);
      expect(m.pai).toBeCloseTo(at5.hits / full.testIncidents / (at5.cells / full.studyArea.cells), 2);
      expect(m.byCoverage.map((c: { coverage: number }) => c.coverage)).toEqual([0.01, 0.02, 0.05, 0.1, 0.15, 0.2]);
    }
    expect(names).toContain(full.recommended.name);
    expect(full.recommended.why).toMatch(/naive/);
    expect(full.backtest.months.length).toBe(12);
    expect(r.summary.testIncidents).toBeGreaterThan(0);
  });
  it('refuses a test month with nothing before it', () => {
    const r = cli('evaluate', '--input', join(repoRoot, 'data/chicago_d14/aggravated_assaults_d14_2010_2019.csv'), '--test-month', '2010-01', '--out', join(dir, 'ev2.json'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no earlier month/);
  });
});
