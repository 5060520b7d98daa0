/**
 * The importer on real files and on small crafted extracts, with real DuckDB.
 * Known answers were computed apart from the importer: with awk and Python's csv module over the
 * raw files (the commands are quoted beside each number).
 */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { NodeDb } from '../../src/data/node_db.ts';
import { runCli } from '../cli.ts';
import { ingestFiles, IngestQuestion, type IngestOptions } from '../../src/data/ingest.ts';
import { expandInputs, nodeSource } from '../../src/data/node_source.ts';
import { loadIncidentColumns } from '../../src/data/incidents.ts';
import { projector } from '../../src/geo/projection.ts';

const root = resolve(import.meta.dirname, '../..');
const shared = resolve(root, '../shared/data');
const demo = join(root, 'data/chicago_d14/aggravated_assaults_d14_2010_2019.csv');

function tempFile(name: string, content: string | Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'sargas-test-'));
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

async function withDb<T>(fn: (db: NodeDb) => Promise<T>): Promise<T> {
  const db = await NodeDb.open();
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

const ingest = (db: NodeDb, paths: string[], opts?: IngestOptions) =>
  ingestFiles(db, expandInputs(paths).map((p) => nodeSource(p)), opts);

async function withDbFile<T>(path: string, fn: (db: NodeDb) => Promise<T>): Promise<T> {
  const db = await NodeDb.open(path);
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

const count = async (db: NodeDb, sql: string) => Number((await db.rows<{ n: bigint }>(sql))[0].n);

describe('ingest: real extracts', () => {
  it('City of London police.uk 2018-01..2021-09: accepted and rejected per reason', async () => {
    await withDb(async (db) => {
      const s = await ingest(db, [join(shared, 'police_uk/city_of_london_2018_2021')]);
      // Python csv over the 45 files: 28,761 rows; 2,191 with blank Longitude/Latitude;
      // 3 farther than max(20 km, 4 x p95) from each file's median centre (Derbyshire Dales,
      // Mole Valley, Tandridge); 210 repeats of a Crime ID among the rest, first one kept.
      expect(s.files).toHaveLength(45);
      expect(s.accepted + s.rejected).toBe(28761);
      expect(s.rejectedByReason).toEqual({ no_coordinates: 2191, outside_study_area: 3, duplicate_id: 210 });
      expect(s.accepted).toBe(26357);
      expect(Object.keys(s.months)).toHaveLength(45);
      expect(s.crs).toBe('EPSG:32630');
      // Anti-social behaviour has no Crime ID and is kept: 4,155 blank ids in the raw files
      // (awk -F, '$1==""'), none of which can be a duplicate_id.
      expect(await count(db, `SELECT count(*) n FROM incidents WHERE incident_id IS NULL`)).toBeGreaterThan(3800);
      expect(await count(db, `SELECT count(*) n FROM incidents WHERE time_known OR date_known`)).toBe(0);
    });
  });

  it('Chicago demo (district 14): every row kept, 14 placeholder midnights marked time unknown', async () => {
    await withDb(async (db) => {
      const s = await ingest(db, [demo], { defaultCategory: 'aggravated assault' });
      // awk -F, '$5==14' on the shared file: 3,763 rows; 14 of them at 00:00.
      expect(s.accepted).toBe(3763);
      expect(s.rejected).toBe(0);
      expect(Object.keys(s.months)).toHaveLength(120);
      expect(await count(db, `SELECT count(*) n FROM incidents WHERE NOT time_known`)).toBe(14);
      expect(s.crs).toBe('EPSG:32616');
      const cols = await loadIncidentColumns(db);
      expect(cols.n).toBe(3763);
      // x, y computed in SQL equal proj4's UTM 16N.
      const p = projector('EPSG:4326', 'EPSG:32616');
      for (const i of [0, 1000, 3762]) {
        const [x, y] = p.forward(cols.lons[i], cols.lats[i]);
        expect(Math.abs(cols.xs[i] - x)).toBeLessThan(0.01);
        expect(Math.abs(cols.ys[i] - y)).toBeLessThan(0.01);
      }
    });
  });

  it('the whole gzip-compressed Chicago file: 148,636 rows by year as awk counts them', async () => {
    await withDb(async (db) => {
      const s = await ingest(db, [join(shared, 'chicago/aggravated_assaults_2010_2019.csv.gz')]);
      expect(s.accepted + s.rejected).toBe(148636);
      expect(s.rejected).toBe(0);
      const byYear = await db.rows<{ y: string; n: bigint }>(`SELECT left(month, 4) y, count(*) n FROM incidents GROUP BY 1 ORDER BY 1`);
      // zcat | awk -F, 'NR>1{y[substr($1,1,4)]++}'
      expect(byYear.map((r) => Number(r.n))).toEqual([17324, 15920, 15103, 12950, 12943, 13284, 15329, 15022, 15433, 15328]);
      expect(await count(db, `SELECT count(*) n FROM incidents WHERE NOT time_known`)).toBe(441);
    });
  });
});

describe('ingest: re-imports and failures', () => {
  it('re-importing the same extract adds nothing', async () => {
    await withDb(async (db) => {
      await ingest(db, [demo]);
      const again = await ingest(db, [demo]);
      expect(again.accepted).toBe(0);
      expect(again.rejectedByReason).toEqual({ already_imported: 3763 });
      expect(await count(db, 'SELECT count(*) n FROM incidents')).toBe(3763);
    });
  });

  it('an overlapping extract is not double counted, and identical rows within a file are kept', async () => {
    const header = 'date,category,lon,lat\n';
    const a = tempFile('a.csv', header + '2024-01-05 10:00,theft,25.28,54.68\n2024-02-01 11:00,theft,25.29,54.69\n2024-02-01 11:00,theft,25.29,54.69\n');
    const b = tempFile('b.csv', header + '2024-02-01 11:00,theft,25.29,54.69\n2024-02-01 11:00,theft,25.29,54.69\n2024-02-01 11:00,theft,25.29,54.69\n2024-03-09 12:00,theft,25.30,54.70\n');
    await withDb(async (db) => {
      const s1 = await ingest(db, [a]);
      expect(s1.accepted).toBe(3); // two identical rows are two incidents
      const s2 = await ingest(db, [b]);
      // b repeats the two February rows a had, plus a third identical one that is new.
      expect(s2.rejectedByReason).toEqual({ already_imported: 2 });
      expect(s2.accepted).toBe(2);
      expect(await count(db, `SELECT count(*) n FROM incidents WHERE month = '2024-02'`)).toBe(3);
    });
  });

  it('a bad file is reported by name and changes nothing; the good files around it are imported', async () => {
    const bin = tempFile('extract.csv', new Uint8Array(4096).map((_, i) => (i * 7919) % 256));
    await withDb(async (db) => {
      await ingest(db, [demo]);
      const s = await ingest(db, [bin, join(root, 'test/fixtures/police_uk/2019-07-city-of-london-street.csv')]);
      expect(s.files[0].error).toMatch(/extract\.csv: this is not a text file/);
      expect(s.files[1].accepted).toBeGreaterThan(700);
      expect(await count(db, `SELECT count(*) n FROM incidents WHERE source LIKE 'aggravated%'`)).toBe(3763);
    });
  });

  it('a truncated gzip is reported, not half imported', async () => {
    const gz = gzipSync(readFileSync(demo));
    const p = tempFile('cut.csv.gz', gz.subarray(0, gz.length >> 1));
    await withDb(async (db) => {
      const s = await ingest(db, [p]);
      expect(s.files[0].error).toMatch(/cut\.csv\.gz: the gzip data is damaged or truncated/);
      expect(s.accepted).toBe(0);
    });
  });
});

interface Case {
  name: string;
  file: string;
  content: string | Uint8Array;
  opts?: IngestOptions;
  accepted: number;
  rejected?: Record<string, number>;
  check?: (db: NodeDb) => Promise<void>;
}

const win1257 = (s: string) => {
  // Windows-1257 bytes for the Lithuanian letters used below (the rest is ASCII).
  const map: Record<string, number> = { Š: 0xd0, š: 0xf0, Ž: 0xde, ų: 0xf8, ė: 0xeb, ž: 0xfe, ą: 0xe0, į: 0xe1, č: 0xe8, ū: 0xfb };
  return Uint8Array.from([...s].map((ch) => map[ch] ?? ch.charCodeAt(0)));
};

const cases: Case[] = [
  {
    name: 'semicolons, decimal commas, a BOM and day-first dates (Lithuanian style)',
    file: 'lt.csv',
    content: '\ufeffData;Kategorija;Ilguma;Platuma\n05/01/2024 14:30;vagystė;25,2797;54,6872\n25/01/2024;plėšimas;25,28;54,69\n',
    accepted: 2,
    check: async (db) => {
      const r = await db.rows<{ d: string; tk: boolean; c: string }>(`SELECT strftime(occurred_at, '%Y-%m-%d %H:%M') d, time_known tk, category c FROM incidents ORDER BY d`);
      expect(r).toEqual([{ d: '2024-01-05 14:30', tk: true, c: 'vagystė' }, { d: '2024-01-25 00:00', tk: false, c: 'plėšimas' }]);
    },
  },
  {
    name: 'Windows-1257 text is decoded (Šiaulių)',
    file: 'w1257.csv',
    content: win1257('date,category,location,lon,lat\n2024-03-01 09:15,vagyste,Šiaulių g. 5,23.3160,55.9349\n2024-03-02 10:00,vagyste,Žvejų g. 1,23.31,55.93\n'),
    accepted: 2,
    check: async (db) => {
      const r = await db.rows<{ l: string }>(`SELECT location_text l FROM incidents ORDER BY l`);
      expect(r.map((x) => x.l)).toEqual(['Šiaulių g. 5', 'Žvejų g. 1']);
    },
  },
  {
    name: 'tab-delimited with month-first AM/PM times (Chicago portal)',
    file: 'portal.tsv',
    content: 'ID\tCase Number\tDate\tBlock\tPrimary Type\tBeat\tLatitude\tLongitude\n' +
      '1\tJA100\t01/05/2019 11:30:00 PM\t012XX N MILWAUKEE AVE\tBATTERY\t1431\t41.9036\t-87.6667\n' +
      '2\tJA101\t12/31/2019 12:05:00 AM\t020XX W NORTH AVE\tROBBERY\t1434\t41.9104\t-87.6787\n',
    accepted: 2,
    check: async (db) => {
      const r = await db.rows<{ d: string; c: string; a: string; l: string }>(
        `SELECT strftime(occurred_at, '%Y-%m-%d %H:%M') d, category c, area_code a, location_text l FROM incidents ORDER BY d`);
      expect(r).toEqual([
        { d: '2019-01-05 23:30', c: 'battery', a: '1431', l: '012XX N MILWAUKEE AVE' },
        { d: '2019-12-31 00:05', c: 'robbery', a: '1434', l: '020XX W NORTH AVE' },
      ]);
    },
  },
  {
    name: 'bad rows are rejected with reasons; good rows kept',
    file: 'messy.csv',
    content: 'id,date,type,lon,lat\n' +
      'a,2019-02-03,theft,-0.09,51.51\n' + // good
      'b,2019-02-30,theft,-0.09,51.51\n' + // impossible date
      'c,last tuesday,theft,-0.09,51.51\n' + // unparseable
      'd,,theft,-0.09,51.51\n' + // no date
      'e,2019-02-04,theft,,\n' + // no coordinates
      'f,2019-02-04,theft,0,0\n' + // 0/0
      'g,2019-02-04,theft,abc,51.5\n' + // not a number
      'h,2019-02-05,theft,-0.091,51.511\n' + // good
      'i,2019-02-05,theft\n' + // ragged: too few columns
      'a,2019-02-06,theft,-0.092,51.512\n', // repeated id
    accepted: 2,
    rejected: { unparseable_date: 2, no_date: 1, no_coordinates: 2, zero_coordinates: 1, malformed_row: 1, duplicate_id: 1 },
    check: async (db) => {
      const r = await db.rows<{ source_row: bigint; reason: string }>(`SELECT source_row, reason FROM rejects ORDER BY source_row`);
      // Rows as a spreadsheet numbers them: the header is row 1.
      expect(r.map((x) => [Number(x.source_row), x.reason])).toEqual([
        [3, 'unparseable_date'], [4, 'unparseable_date'], [5, 'no_date'], [6, 'no_coordinates'], [7, 'zero_coordinates'],
        [8, 'no_coordinates'], [10, 'malformed_row'], [11, 'duplicate_id'],
      ]);
    },
  },
  {
    name: 'month-only dates (police.uk style) keep time and day unknown',
    file: 'months.csv',
    content: 'Month,Longitude,Latitude,Crime type\n2020-05,-0.09,51.51,Robbery\n2020-06,-0.09,51.51,Drugs\n',
    accepted: 2,
    check: async (db) => {
      expect(await count(db, `SELECT count(*) n FROM incidents WHERE NOT time_known AND NOT date_known`)).toBe(2);
    },
  },
  {
    name: 'planar LKS94 coordinates with the CRS named',
    file: 'lks94.csv',
    content: 'date,category,x,y\n2024-04-01 20:00,vagyste,582530.11,6061926.78\n',
    opts: { crs: 'EPSG:3346' },
    accepted: 1,
    check: async (db) => {
      const [r] = await db.rows<{ lon: number; lat: number; x: number; y: number }>(`SELECT lon, lat, x, y FROM incidents`);
      expect(r.lon).toBeCloseTo(25.28, 5);
      expect(r.lat).toBeCloseTo(54.687, 5);
      // The project CRS is the input's own.
      expect(r.x).toBeCloseTo(582530.11, 2);
      expect(r.y).toBeCloseTo(6061926.78, 2);
    },
  },
  {
    name: 'GeoJSON points, with a non-point feature rejected',
    file: 'points.geojson',
    content: JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { date: '2024-05-01T22:10:00', category: 'Burglary' }, geometry: { type: 'Point', coordinates: [-87.7, 41.92] } },
        { type: 'Feature', properties: { date: '2024-05-02T01:00:00', category: 'Theft' }, geometry: { type: 'Point', coordinates: [-87.71, 41.91] } },
        { type: 'Feature', properties: { date: '2024-05-02T01:00:00', category: 'Theft' }, geometry: { type: 'LineString', coordinates: [[-87.7, 41.9], [-87.71, 41.91]] } },
      ],
    }),
    accepted: 2,
    rejected: { no_coordinates: 1 },
  },
  {
    name: 'a month range drops the rest with a reason',
    file: 'range.csv',
    content: 'date,lon,lat\n2023-12-31 23:00,-87.7,41.9\n2024-01-01 01:00,-87.7,41.9\n2024-02-01 01:00,-87.7,41.9\n',
    opts: { months: { from: '2024-01', to: '2024-01' } },
    accepted: 1,
    rejected: { outside_months: 2 },
  },
];

describe('ingest: formats and bad rows', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const p = tempFile(c.file, c.content);
      await withDb(async (db) => {
        const s = await ingest(db, [p], c.opts);
        expect(s.files[0].error).toBeUndefined();
        expect(s.accepted).toBe(c.accepted);
        expect(s.rejectedByReason).toEqual(c.rejected ?? {});
        await c.check?.(db);
      });
    });
  }

  it('asks for the CRS when coordinates cannot be lon/lat', async () => {
    const p = tempFile('planar.csv', 'date,x,y\n2024-04-01,582530.11,6061926.78\n');
    await withDb(async (db) => {
      await expect(ingest(db, [p])).rejects.toThrow(IngestQuestion);
      await expect(ingest(db, [p])).rejects.toThrow(/planar\.csv: columns 'x'\/'y' hold values like \(582530\.11, 6061926\.78\).*--crs EPSG:3346/);
    });
  });

  it('reads Parquet (written by DuckDB)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sargas-pq-'));
    const pq = join(dir, 'extract.parquet');
    await withDb(async (db) => {
      await db.run(`COPY (SELECT * FROM read_csv('${demo}') LIMIT 100) TO '${pq}' (FORMAT parquet)`);
    });
    expect(existsSync(pq)).toBe(true);
    await withDb(async (db) => {
      const s = await ingest(db, [pq]);
      expect(s.files[0].format).toBe('parquet');
      expect(s.accepted).toBe(100);
    });
  });
});

describe('ingest command line', () => {
  const cli = (args: string[]) => runCli(...args);

  it('prints the summary JSON for a police.uk file', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'sargas-cli-')), 'x.duckdb');
    const r = cli(['ingest', '--input', 'test/fixtures/police_uk/2019-07-city-of-london-street.csv', '--db', db]);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    // python csv: 866 rows, 41 blank coordinates; 2 strays (Derbyshire Dales, Mole Valley) and
    // 3 repeated Crime IDs (see the City of London test).
    expect(s.accepted + s.rejected).toBe(866);
    expect(s.rejectedByReason.no_coordinates).toBe(41);
    expect(s.rejectedByReason.outside_study_area).toBe(2);
    expect(Object.keys(s.months)).toEqual(['2019-07']);
  });

  it('exits non-zero naming the file and problem when nothing is usable', () => {
    const p = tempFile('empty.csv', '');
    const db = join(mkdtempSync(join(tmpdir(), 'sargas-cli-')), 'x.duckdb');
    const r = cli(['ingest', '--input', p, '--db', db]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/empty\.csv: the file is empty/);
  });

  it('keeps the data of earlier imports when a later one fails', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'sargas-cli-')), 'x.duckdb');
    expect(cli(['ingest', '--input', demo, '--db', db]).code).toBe(0);
    const bad = tempFile('bad.csv', 'date,lon,lat\nnot a date,,\n');
    expect(cli(['ingest', '--input', bad, '--db', db]).code).not.toBe(0);
    const n = await withDbFile(db, (d) => count(d, 'SELECT count(*) n FROM incidents'));
    expect(n).toBe(3763);
  });
});
