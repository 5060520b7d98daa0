// `plan` as a user runs it (DESIGN.md "Command line"): summary line, GeoJSON, and errors that
// name the UNITS.json file and the unit.
import { runCli } from '../cli.ts';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoCategory, demoIncidents, demoStreets, demoUnits } from './demo_units.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sargas-plan-cli-'));
});

const cli = runCli;

const planArgs = (units: string, out: string) => [
  'plan', '--streets', demoStreets, '--input', demoIncidents, '--category', demoCategory,
  '--units', units, '--day', 'fri', '--out', out, '--seconds', '1',
];

describe('plan command', () => {
  it('writes routes and numbered stops and prints the summary line with both baselines', () => {
    const units = join(dir, 'UNITS.json');
    writeFileSync(units, JSON.stringify(demoUnits()));
    const out = join(dir, 'routes.geojson');
    const r = cli(...planArgs(units, out));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const s = r.summary;
    expect(Object.keys(s)).toEqual(expect.arrayContaining(['units', 'stops', 'expectedCovered', 'handStyleCovered', 'greedyCovered', 'seconds']));
    expect(s.units).toBe(4);
    expect(s.candidates).toBe(150);
    expect(s.expectedCovered).toBeGreaterThanOrEqual(s.handStyleCovered);
    expect(s.expectedCovered).toBeGreaterThanOrEqual(s.greedyCovered);
    const g = JSON.parse(readFileSync(out, 'utf8'));
    expect(g.type).toBe('FeatureCollection');
    const routes = g.features.filter((f: any) => f.properties.feature === 'route');
    const stops = g.features.filter((f: any) => f.properties.feature === 'stop');
    expect(routes.map((f: any) => f.properties.unit)).toEqual(['car 1', 'car 2', 'volunteer 1', 'volunteer 2']);
    expect(stops.length).toBe(s.stops);
    for (const f of routes) {
      expect(f.geometry.type).toBe('LineString');
      expect(f.properties).toEqual(expect.objectContaining({ kind: expect.any(String), stops: expect.any(Number), value: expect.any(Number), share: expect.any(Number), minutes: expect.any(Number) }));
      expect(f.properties.minutes).toBeLessThanOrEqual(f.properties.kind === 'car' ? 480 : 180);
    }
    expect(stops[0].properties).toEqual(expect.objectContaining({ unit: 'car 1', order: 1, arrival: expect.stringMatching(/^1[6-9]:\d\d$/), dwell: 15 }));
  });

  it('names the file and the unit when UNITS.json is wrong', () => {
    const units = join(dir, 'bad_units.json');
    const list = demoUnits() as Record<string, unknown>[];
    list[2] = { ...list[2], hours: 'three' };
    writeFileSync(units, JSON.stringify(list));
    const r = cli(...planArgs(units, join(dir, 'x.geojson')));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${units}: units[2].hours must be a number of hours, > 0 and <= 24, got "three"`);
  });

  it('names the file when UNITS.json is not JSON, and rejects a bad day as a usage error', () => {
    const units = join(dir, 'broken.json');
    writeFileSync(units, '[{"kind": "car",');
    const r = cli(...planArgs(units, join(dir, 'y.geojson')));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${units}: not valid JSON`);
    const d = cli('plan', '--streets', demoStreets, '--input', demoIncidents, '--units', units, '--day', 'friday!', '--out', join(dir, 'z.geojson'));
    expect(d.code).toBe(2);
    expect(d.stderr).toContain('--day: day must be one of mon, tue, wed, thu, fri, sat, sun');
  });
});
