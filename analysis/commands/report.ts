/**
 * `report --input FILES --month YYYY-MM --out FILE.html|FILE.pdf [--lang en|lt] [--streets FILE...]
 *  [--boundaries FILE...] [--category NAME] [--title TEXT] [--attribution osm|chicago|police-uk|TEXT ...]
 *  [--cell M] [--bandwidth M] [--band M] [--no-fdr] [--emerging-months N] [--coverage 0.05]
 *  [--crs EPSG:N] [--project-crs EPSG:N]`
 *
 * The monthly hot-spot report (issue 6): incidents are imported for real (DuckDB, as `ingest`),
 * the report model is built by src/report/report_model.ts and rendered to self-contained HTML by
 * src/report/render_html.ts. With a .pdf output the same HTML is printed to A4 by the headless
 * Chromium the tests use (playwright-core), with every network request refused.
 *
 * `--category` names the category of files that have no category column (as `ingest`);
 * `--boundaries` takes GeoJSON polygons (beats, district); the layer with most polygons names
 * areas. Noto Sans (latin + latin-ext, for Lithuanian) is embedded from @fontsource when present.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { loadIncidents, type LoadOptions } from '../load_incidents.ts';
import { UsageError, type Command } from '../cli_options.ts';
import { buildStreetNetwork, readStreetFiles } from '../../src/geo/streets/index.ts';
import { readBoundaryLayer, type BoundaryLayer } from '../../src/report/boundaries.ts';
import { buildReportModel, type Attribution, type ReportParams } from '../../src/report/report_model.ts';
import { renderReportHtml, type EmbeddedFont } from '../../src/report/render_html.ts';
import { formatter, LANGS, type Lang } from '../../src/report/report_i18n.ts';
import { escapeHtml } from '../../src/report/escape_html.ts';
import { parseMonth } from '../../src/report/report_months.ts';

/** The launch flags of test/browser/harness.ts: no network services, software GL. */
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

const PRESETS: Record<string, Attribution> = {
  osm: { kind: 'osm' },
  openstreetmap: { kind: 'osm' },
  chicago: { kind: 'chicago' },
  'police-uk': { kind: 'ogl' },
  police_uk: { kind: 'ogl' },
  ogl: { kind: 'ogl' },
};

export const run: Command = async (opts) => {
  const t0 = performance.now();
  const files = opts.list('input');
  if (!files.length) throw new UsageError('missing --input FILE...');
  const month = opts.string('month');
  try {
    parseMonth(month);
  } catch (e) {
    throw new UsageError(`--month: ${(e as Error).message}`);
  }
  const out = opts.string('out');
  const format = extname(out).toLowerCase();
  if (format !== '.html' && format !== '.htm' && format !== '.pdf') throw new UsageError(`--out must end in .html or .pdf, got '${out}'`);
  const lang = opts.string('lang', 'en') as Lang;
  if (!LANGS.includes(lang)) throw new UsageError(`--lang must be one of ${LANGS.join(', ')}, got '${lang}'`);

  const params: ReportParams = { month };
  const positive = (name: string) => {
    const v = opts.number(name);
    if (!(v > 0)) throw new UsageError(`--${name} must be > 0, got ${v}`);
    return v;
  };
  if (opts.has('cell')) params.cellSizeM = positive('cell');
  if (opts.has('bandwidth')) params.bandwidthM = positive('bandwidth');
  if (opts.has('band')) params.bandM = positive('band');
  if (opts.flag('no-fdr')) params.fdr = false;
  if (opts.has('emerging-months')) params.emergingMonths = positive('emerging-months');
  if (opts.has('coverage')) {
    params.coverage = positive('coverage');
    if (params.coverage > 1) throw new UsageError(`--coverage must be a share in (0, 1], e.g. 0.05, got ${params.coverage}`);
  }

  const load: LoadOptions = {};
  if (opts.has('category')) load.defaultCategory = opts.string('category');
  if (opts.has('crs')) load.crs = opts.string('crs');
  if (opts.has('project-crs')) load.projectCrs = opts.string('project-crs');
  const inc = await loadIncidents(files, load);

  const streetFiles = opts.list('streets');
  let streets = null;
  if (streetFiles.length) {
    const lines = await readStreetFiles(streetFiles.map((p) => ({ name: p, bytes: readFileSync(p) })));
    streets = buildStreetNetwork(lines, { crs: inc.crs, keepAllComponents: true });
  }
  const boundaries: BoundaryLayer[] = opts.list('boundaries').map((p) => {
    let text: string;
    try {
      text = readFileSync(p, 'utf8');
    } catch (e) {
      throw new Error(`${p}: ${(e as Error).message}`);
    }
    return readBoundaryLayer(basename(p).replace(/\.(geo)?json$/i, ''), text);
  });
  const attributions = opts.list('attribution').map((a): Attribution => PRESETS[a.toLowerCase()] ?? { kind: 'text', text: a });

  const model = buildReportModel({
    incidents: inc,
    summary: inc.summary ?? null,
    streets,
    boundaries,
    title: opts.has('title') ? opts.list('title').join(' ') : '',
    attributions,
    generatedAt: new Date().toISOString(),
    inputNames: files.map((f) => basename(f)),
  }, params);
  const fonts = notoSans();
  const html = renderReportHtml(model, { lang, fonts: fonts.fonts });

  let pages: number | null = null;
  let refused: string[] = [];
  if (format === '.pdf') {
    const f = formatter(lang);
    const footer = `Sargas · ${model.title ? `${model.title} · ` : ''}${f.month(model.month)}`;
    ({ pages, refused } = await printPdf(html, out, footer));
  } else {
    writeFileSync(out, html);
  }
  const t = model.headline.total;
  const hotCells = model.map.binCounts[4] + model.map.binCounts[5] + model.map.binCounts[6];
  return {
    out,
    month,
    lang,
    format: format === '.pdf' ? 'pdf' : 'html',
    incidents: t.month,
    previousMonth: t.previous,
    sameMonthLastYear: t.lastYear,
    hotCells,
    topSpot: model.top[0] ? { street: model.top[0].street, area: model.top[0].area, incidents: model.top[0].month } : null,
    recommended: model.forecast?.recommended.name ?? null,
    patrol: model.patrol.available ? model.patrol.shifts.reduce((s, x) => s + x.stops.length, 0) : model.patrol.reason,
    bytes: statSync(out).size,
    ...(pages !== null ? { pages, refusedRequests: refused.length } : {}),
    fonts: fonts.note,
    seconds: Math.round((performance.now() - t0) / 100) / 10,
  };
};

/** Noto Sans 400/700, latin + latin-ext (Lithuanian letters), from @fontsource/noto-sans, with their unicode ranges. */
function notoSans(): { fonts: EmbeddedFont[]; note: string } {
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans/package.json'));
    const fonts: EmbeddedFont[] = [];
    for (const weight of [400, 700]) {
      const css = readFileSync(join(dir, `${weight}.css`), 'utf8');
      for (const subset of ['latin-ext', 'latin']) {
        const block = new RegExp(`/\\* noto-sans-${subset}-${weight}-normal \\*/[^}]*unicode-range:\\s*([^;]+);`).exec(css);
        if (!block) throw new Error(`no ${subset} ${weight} block in ${weight}.css`);
        const woff2 = readFileSync(join(dir, 'files', `noto-sans-${subset}-${weight}-normal.woff2`));
        fonts.push({ family: 'Noto Sans', weight, unicodeRange: block[1].trim(), woff2Base64: woff2.toString('base64') });
      }
    }
    return { fonts, note: 'Noto Sans embedded (latin, latin-ext)' };
  } catch (e) {
    return { fonts: [], note: `system fonts (Noto Sans not embedded: ${(e as Error).message})` };
  }
}

/** Print the HTML to an A4 PDF in headless Chromium; every request is refused and counted. */
async function printPdf(html: string, out: string, footer: string): Promise<{ pages: number; refused: string[] }> {
  const { chromium } = await import('playwright-core');
  const userDataDir = mkdtempSync(join(tmpdir(), 'sargas-report-'));
  const refused: string[] = [];
  try {
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
    });
    try {
      await context.route('**/*', (route) => {
        refused.push(route.request().url());
        return route.abort();
      });
      const page = context.pages()[0] ?? (await context.newPage());
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await page.pdf({
        path: out,
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: `<div style="font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 7pt; color: #666; width: 100%; margin: 0 13mm; display: flex; justify-content: space-between;"><span>${escapeHtml(footer)}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`,
      });
    } finally {
      await context.close();
    }
  } finally {
    rmSync(userDataDir, { recursive: true, force: true });
  }
  const pdf = readFileSync(out).toString('latin1');
  const pages = (pdf.match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
  return { pages, refused };
}
