// The monthly report of the demo data (issue 6), made by the command line as a user makes it, and
// its figures checked against counts computed here independently: SQL over the raw CSV with
// @duckdb/node-api (no Sargas import code) and point-in-polygon with Turf (no Sargas geometry).
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { booleanPointInPolygon, point } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

const root = resolve(import.meta.dirname, '../..');
const demo = join(root, 'data/chicago_d14');
const csv = join(demo, 'aggravated_assaults_d14_2010_2019.csv');
const beatsPath = join(demo, 'police_beats_d14.geojson');
const MONTH = '2019-06';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sargas-report-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function cli(...args: string[]): { code: number; summary: Record<string, any>; stderr: string } {
  const r = spawnSync(join(root, 'node_modules/.bin/tsx'), ['analysis/cli.ts', ...args], { cwd: root, encoding: 'utf8' });
  let summary: Record<string, any> = {};
  try {
    summary = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}');
  } catch {
    summary = {};
  }
  return { code: r.status ?? -1, summary, stderr: r.stderr };
}

const demoArgs = (out: string, ...extra: string[]) => [
  'report', '--input', csv, '--month', MONTH, '--out', out, '--category', 'aggravated assault',
  '--streets', join(demo, 'streets_d14.geojson'), '--boundaries', beatsPath, join(demo, 'district_14.geojson'),
  '--title', 'Chicago police district 14', '--attribution', 'chicago', ...extra,
];

// Checks on whole documents that print only the part in question when they fail.
const contains = (text: string, part: string) => expect(text.includes(part), part).toBe(true);
const lacks = (text: string, re: RegExp) => expect(re.exec(text)?.[0] ?? null, String(re)).toBeNull();
const matches = (text: string, re: RegExp) => expect(re.test(text), String(re)).toBe(true);

/** Every data-fig in the HTML: name -> raw data-value. */
function figures(html: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of html.matchAll(/data-fig="([^"]*)" data-value="([^"]*)"/g)) out.set(m[1], m[2]);
  return out;
}

/** Counts straight from the raw CSV, with DuckDB (no Sargas code involved). */
async function sqlCounts() {
  const inst = await DuckDBInstance.create(':memory:');
  const con = await inst.connect();
  try {
    const q = async (sql: string) => (await con.runAndReadAll(sql)).getRowObjectsJS();
    const src = `read_csv('${csv.replaceAll("'", "''")}', all_varchar = true)`;
    const [c] = await q(`SELECT
        count(*) AS rows_total,
        count(*) FILTER (WHERE date LIKE '2019-06%') AS jun19,
        count(*) FILTER (WHERE date LIKE '2019-05%') AS may19,
        count(*) FILTER (WHERE date LIKE '2018-06%') AS jun18,
        count(*) FILTER (WHERE date >= '2018-06' AND date < '2019-06') AS prev12,
        count(*) FILTER (WHERE date >= '2018-07' AND date < '2019-07') AS last12
      FROM ${src}`);
    const trend = await q(`SELECT substr(date, 1, 7) AS month, count(*) AS n FROM ${src}
      WHERE date >= '2017-06' AND date < '2019-07' GROUP BY 1 ORDER BY 1`);
    const points = await q(`SELECT CAST(longitude AS DOUBLE) AS lon, CAST(latitude AS DOUBLE) AS lat FROM ${src} WHERE date LIKE '2019-06%'`);
    return {
      counts: Object.fromEntries(Object.entries(c).map(([k, v]) => [k, Number(v)])) as Record<string, number>,
      trend: trend.map((r) => [String(r.month), Number(r.n)] as const),
      points: points.map((r) => [Number(r.lon), Number(r.lat)] as const),
    };
  } finally {
    con.closeSync();
    inst.closeSync();
  }
}

describe('report of the Chicago demo, June 2019 (HTML)', () => {
  let html = '';
  let summary: Record<string, any> = {};
  let figs = new Map<string, string>();
  let sql: Awaited<ReturnType<typeof sqlCounts>>;

  beforeAll(async () => {
    const out = join(dir, 'report.html');
    const r = cli(...demoArgs(out));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    summary = r.summary;
    html = readFileSync(out, 'utf8');
    figs = figures(html);
    sql = await sqlCounts();
  });

  it('counts the month, the month before and the same month last year as SQL over the raw CSV does', () => {
    const c = sql.counts;
    expect(c.jun19).toBeGreaterThan(0);
    expect(figs.get('category.total.month')).toBe(String(c.jun19));
    expect(figs.get('category.total.previous')).toBe(String(c.may19));
    expect(figs.get('category.total.lastYear')).toBe(String(c.jun18));
    expect(Number(figs.get('category.total.mean12'))).toBeCloseTo(c.prev12 / 12, 2);
    // One category in this file, named by --category.
    expect(figs.get('category.aggravated assault.month')).toBe(String(c.jun19));
    // The cards and the one-line summary say the same.
    expect(figs.get('card.month')).toBe(String(c.jun19));
    expect(figs.get('card.previous')).toBe(String(c.may19));
    expect(figs.get('card.lastYear')).toBe(String(c.jun18));
    expect(summary).toMatchObject({ incidents: c.jun19, previousMonth: c.may19, sameMonthLastYear: c.jun18, month: MONTH });
    // The visible table cell shows the same number.
    contains(html, `data-fig="category.total.month" data-value="${c.jun19}">${c.jun19}</td>`);
  });

  it('draws the monthly trend with the counts SQL finds for each of the 25 months', () => {
    expect(sql.trend.length).toBe(25);
    for (const [month, n] of sql.trend) expect(figs.get(`trend.${month}`), month).toBe(String(n));
  });

  it('counts incidents per beat as Turf point-in-polygon over the raw coordinates, and names the top beat', () => {
    const beats = JSON.parse(readFileSync(beatsPath, 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { BEAT_NUM: string }>;
    const perBeat = new Map<string, number>();
    let outside = 0;
    for (const [lon, lat] of sql.points) {
      const f = beats.features.find((b: Feature<Polygon | MultiPolygon, { BEAT_NUM: string }>) => booleanPointInPolygon(point([lon, lat]), b));
      if (f) perBeat.set(f.properties.BEAT_NUM, (perBeat.get(f.properties.BEAT_NUM) ?? 0) + 1);
      else outside++;
    }
    for (const b of beats.features) {
      expect(figs.get(`area.${b.properties.BEAT_NUM}.month`), b.properties.BEAT_NUM).toBe(String(perBeat.get(b.properties.BEAT_NUM) ?? 0));
    }
    const [topBeat, topN] = [...perBeat].sort((a, b) => b[1] - a[1])[0];
    expect([...perBeat].filter(([, n]) => n === topN).length).toBe(1); // a clear winner in this month
    // The areas table is sorted by the month's count: its first row is the top beat.
    const firstRow = /<section class="areas">[\s\S]*?<tbody><tr><td>([^<]*)<\/td>/.exec(html);
    expect(firstRow?.[1]).toBe(topBeat);
    contains(html, `Most incidents in beat ${topBeat}: ${topN} (`);
    if (outside) expect(figs.get('area.outside.month')).toBe(String(outside));
  });

  it('reports the import as SQL sees the file: every row accepted, none rejected', () => {
    expect(figs.get('quality.accepted')).toBe(String(sql.counts.rows_total));
    expect(figs.get('quality.rejected')).toBe('0');
    expect(figs.get('time.total')).toBe(String(sql.counts.last12));
  });

  it('has a top-10 table with beats and street names from the demo streets, and patrol stops per shift', () => {
    const streetNames = new Set(
      (JSON.parse(readFileSync(join(demo, 'streets_d14.geojson'), 'utf8')) as FeatureCollection).features
        .map((f) => f.properties?.name).filter((n): n is string => typeof n === 'string'),
    );
    const beatNums = new Set((JSON.parse(readFileSync(beatsPath, 'utf8')) as FeatureCollection).features.map((f) => String(f.properties?.BEAT_NUM)));
    let sum = 0;
    for (let r = 1; r <= 10; r++) {
      const street = new RegExp(`data-fig="top\\.${r}\\.street">([^<]*)<`).exec(html)?.[1];
      const area = new RegExp(`data-fig="top\\.${r}\\.area">([^<]*)<`).exec(html)?.[1];
      expect(streetNames.has(street ?? ''), `top ${r} street '${street}'`).toBe(true);
      expect(beatNums.has(area ?? ''), `top ${r} beat '${area}'`).toBe(true);
      const n = Number(figs.get(`top.${r}.month`));
      expect(n).toBeGreaterThan(0);
      sum += n;
    }
    expect(sum).toBeLessThanOrEqual(sql.counts.jun19);
    // Ranked by the month's count.
    for (let r = 1; r < 10; r++) expect(Number(figs.get(`top.${r}.month`))).toBeGreaterThanOrEqual(Number(figs.get(`top.${r + 1}.month`)));
    expect(summary.patrol).toBe(15);
    for (const shift of ['day', 'evening', 'night']) expect(streetNames.has(new RegExp(`data-fig="patrol\\.${shift}\\.1\\.street">([^<]*)<`).exec(html)?.[1] ?? '')).toBe(true);
  });

  it('has every section: map with KDE and Gi*, emerging, time chart, forecast with the recommended method, methods, attributions', () => {
    for (const cls of ['summary', 'map', 'headline', 'areas', 'top', 'emerging', 'time', 'forecast', 'patrol', 'quality', 'methods', 'attributions']) {
      contains(html, `<section class="${cls}`);
    }
    matches(html, /<g class="kde"><path d="M/);
    matches(html, /<g class="streets"><path d="M/);
    matches(html, /<g class="gistar"><path d="M/);
    contains(html, 'Recommended for next month:');
    contains(html, '<span class="tag">recommended</span>');
    contains(html, '© OpenStreetMap contributors');
    contains(html, 'City of Chicago data portal');
    expect(summary.recommended).toMatch(/^(naive|counts_3m|counts_12m|kde_\d+m|kde_silverman|prospective_kde|gistar_hot)$/);
  });

  it('loads nothing: no http(s) URL anywhere, no src/href attributes, a CSP that allows only inline styles and data:', () => {
    lacks(html, /https?:\/\//i);
    lacks(html, /\s(src|href|xlink:href)\s*=/i);
    lacks(html, /<(script|link|iframe|img|object|embed)\b/i);
    for (const m of html.matchAll(/url\(([^)]*)\)/g)) expect(m[1]).toMatch(/^(data:|#)/);
    contains(html, `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">`);
  });

  it('is the same report in Lithuanian, with the same figures', () => {
    const out = join(dir, 'report_lt.html');
    const r = cli(...demoArgs(out, '--lang', 'lt'));
    expect(r.code).toBe(0);
    const lt = readFileSync(out, 'utf8');
    contains(lt, '<html lang="lt">');
    contains(lt, 'Mėnesio nusikalstamumo židinių ataskaita');
    contains(lt, '2019 m. birželis');
    contains(lt, 'Patrulių rajonas');
    lacks(lt, /Recommended for next month/);
    const ltFigs = figures(lt);
    for (const [k, v] of figs) expect(ltFigs.get(k), k).toBe(v);
  });
});

describe('report escaping and degenerate input', () => {
  it('shows markup in categories, area labels and titles as text, never as markup', () => {
    const input = join(dir, 'markup.csv');
    const rows = ['date,category,longitude,latitude'];
    const cats = ['<script>alert(1)</script>', 'A & B "quoted"'];
    for (const [m, k] of [['2019-04', 3], ['2019-05', 4], ['2019-06', 5]] as const) {
      for (let i = 0; i < k; i++) {
        rows.push(`${m}-${String(i + 1).padStart(2, '0')} 1${i}:30,"${cats[i % 2].replaceAll('"', '""')}",${(-87.70 + i * 0.002).toFixed(4)},${(41.92 + i * 0.0015).toFixed(4)}`);
      }
    }
    writeFileSync(input, rows.join('\n') + '\n');
    const boundary = join(dir, 'evil.geojson');
    writeFileSync(boundary, JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { name: '<img src=x onerror=alert(2)>' }, geometry: { type: 'Polygon', coordinates: [[[-87.72, 41.90], [-87.66, 41.90], [-87.66, 41.95], [-87.72, 41.95], [-87.72, 41.90]]] } }],
    }));
    const out = join(dir, 'markup.html');
    const r = cli('report', '--input', input, '--month', '2019-06', '--out', out, '--boundaries', boundary, '--title', '<b>Bold</b> & co', '--attribution', '<i>source</i>');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    // (The importer lower-cases categories: 'A & B' arrives as 'a & b'.)
    for (const text of ['&lt;script&gt;alert(1)&lt;/script&gt;', 'a &amp; b &quot;quoted&quot;', '&lt;img src=x onerror=alert(2)&gt;', '&lt;b&gt;Bold&lt;/b&gt; &amp; co', '&lt;i&gt;source&lt;/i&gt;']) {
      expect(html.includes(text), text).toBe(true);
    }
    expect(/<script|<img|<b>|<i>/i.exec(html)?.[0] ?? null).toBeNull();
    // No element carries an event handler attribute (quoted attribute values, where data text may
    // legitimately sit escaped, are blanked first; escaped quotes cannot end them early).
    lacks(html.replace(/="[^"]*"/g, '=""'), /<[a-z][^>]*\son\w+\s*=/i);
    expect(/https?:\/\//i.exec(html)?.[0] ?? null).toBeNull();
    // Three months of data: the month before is there, the same month last year is not.
    const figs = figures(html);
    expect(figs.get('category.total.month')).toBe('5');
    expect(figs.get('category.total.previous')).toBe('4');
    expect(figs.get('category.total.lastYear')).toBe('');
    expect(html.includes('No street network loaded')).toBe(true);
  });

  it('exits non-zero with a message for a month after the data and for a bad --out', () => {
    const late = cli('report', '--input', csv, '--month', '2020-03', '--out', join(dir, 'x.html'), '--category', 'aggravated assault');
    expect(late.code).not.toBe(0);
    expect(late.stderr).toMatch(/no incidents in 2020-03: the data end in 2019-12/);
    const bad = cli('report', '--input', csv, '--month', '2019-06', '--out', join(dir, 'x.docx'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--out must end in \.html or \.pdf/);
  });
});

describe('report as PDF', () => {
  it('prints A4 pages in headless Chromium with no request refused', () => {
    const out = join(dir, 'report.pdf');
    const r = cli(...demoArgs(out));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.summary).toMatchObject({ format: 'pdf', refusedRequests: 0 });
    expect(r.summary.pages).toBeGreaterThanOrEqual(4);
    const pdf = readFileSync(out);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // A4 is 595.3 x 841.9 points, on every page.
    const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => m.slice(1).map(Number));
    expect(boxes.length).toBeGreaterThanOrEqual(r.summary.pages);
    for (const [x0, y0, x1, y1] of boxes) {
      expect([x0, y0]).toEqual([0, 0]);
      expect(Math.abs(x1 - 595.3)).toBeLessThan(1);
      expect(Math.abs(y1 - 841.9)).toBeLessThan(1);
    }
  });
});
