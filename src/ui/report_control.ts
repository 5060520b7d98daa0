/**
 * The "Monthly report" panel (issue 6, from the app in one click): a month (by default the last
 * month of the data) and a button that builds the report in the language of the page, saves it as
 * one self-contained .html file and opens it in a print view.
 *
 * The page only passes data along: the app worker hands over the stored incidents and the import
 * summary (`reportData`), the report worker (src/report/report_worker.ts) builds the same HTML as
 * the command line, with the streets, beats and district from the app's folder and Noto Sans
 * embedded. The report uses all categories and the method parameters the analyst set in the
 * parameters panel; the others take the report's own defaults (a 150 m cell, for instance, since a
 * month's incidents are too few for the workspace's fine display grid).
 */
import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latinExt400 from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import latin700 from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?url';
import latinExt700 from '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff2?url';
import css400 from '@fontsource/noto-sans/400.css?raw';
import css700 from '@fontsource/noto-sans/700.css?raw';
import type { Attribution, ReportParams } from '../report/report_model.ts';
import type { FontFile, ReportDone, ReportJob, ReportWorkerReply, ReportWorkerRequest } from '../report/report_job.ts';
import type { AnalysisParams } from '../worker/analysis_types.ts';
import type { WorkerClient } from '../worker/client.ts';
import type { DatasetStatus } from '../worker/protocol.ts';
import { el } from './dom.ts';
import type { I18n } from './i18n.ts';

export interface ReportControlOptions {
  client: WorkerClient;
  i18n: I18n;
  /** The method parameters set in the workspace (absent ones: the report's defaults). */
  params: () => AnalysisParams;
  /** Reference layers in the app's folder (absolute URLs): used where they cover the data. */
  streetsUrl: string;
  boundaryUrls: string[];
  /** Attribution lines of the reference layers, as the map shows them. */
  attribution: readonly string[];
}

/**
 * The unicode-range of one subset in a @fontsource weight stylesheet (400.css lists every subset
 * with its range; the per-subset files the app loads give none). Without the ranges the last
 * face would be used for every letter and Lithuanian ones would fall back to another font.
 */
function unicodeRange(css: string, subset: string, weight: number): string {
  const block = new RegExp(`/\\* noto-sans-${subset}-${weight}-normal \\*/[^}]*unicode-range:\\s*([^;]+);`).exec(css);
  if (!block) throw new Error(`no ${subset} ${weight} block in @fontsource/noto-sans/${weight}.css`);
  return block[1].trim();
}

/** Noto Sans 400 and 700, latin and latin-ext (Lithuanian letters), as the app itself uses. */
const fontFiles = (): FontFile[] => ([
  [latinExt400, 'latin-ext', 400, css400], [latin400, 'latin', 400, css400],
  [latinExt700, 'latin-ext', 700, css700], [latin700, 'latin', 700, css700],
] as const).map(([url, subset, weight, css]) => ({
  url: new URL(url, import.meta.url).href, family: 'Noto Sans', weight, unicodeRange: unicodeRange(css, subset, weight),
}));

/** The map's attribution lines as the report's: known sources are written in the report's language. */
export function reportAttributions(lines: readonly string[]): Attribution[] {
  return lines.map((text): Attribution =>
    /openstreetmap/i.test(text) ? { kind: 'osm' } : /city of chicago/i.test(text) ? { kind: 'chicago' } : { kind: 'text', text });
}

/** 'YYYY-MM' <-> months since 1970-01 (as i18n.month takes them). */
const monthIndex = (m: string) => (Number(m.slice(0, 4)) - 1970) * 12 + Number(m.slice(5, 7)) - 1;
const monthOf = (k: number) => `${1970 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;

/** The page's side of the report worker (started on first use; it runs jobs in arrival order), errors rebuilt as Errors. */
class ReportWorkerClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, { resolve: (r: ReportDone) => void; reject: (e: Error) => void }>();

  build(job: ReportJob, transfer: Transferable[]): Promise<ReportDone> {
    const w = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      w.postMessage({ id, job } satisfies ReportWorkerRequest, transfer);
    });
  }

  private start(): Worker {
    const w = new Worker(new URL('../report/report_worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (ev: MessageEvent<ReportWorkerReply>) => {
      const msg = ev.data;
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.type === 'result') p.resolve(msg.result);
      else {
        const e = new Error(msg.error.message);
        e.name = msg.error.name;
        p.reject(e);
      }
    };
    w.onerror = (ev) => {
      const e = new Error(`report worker failed: ${ev.message}`);
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
      // A worker that failed to start is started afresh next time.
      this.worker = null;
    };
    this.worker = w;
    return w;
  }
}

export class ReportControl {
  readonly element: HTMLElement;
  private readonly heading = el('h2', { id: 'report-heading' });
  private readonly monthLabel = el('label', { for: 'report-month' });
  private readonly month = el('select', { id: 'report-month' });
  private readonly hint = el('small', { id: 'report-hint', class: 'hint' });
  private readonly build = el('button', { type: 'button', id: 'report-build', 'aria-describedby': 'report-hint' });
  private readonly status = el('p', { id: 'report-status', class: 'note', 'aria-live': 'polite' });
  private readonly save = el('a', { id: 'report-save', hidden: true });
  private readonly print = el('button', { type: 'button', id: 'report-print', hidden: true });
  private readonly worker = new ReportWorkerClient();
  private months: string[] = [];
  private chosen: string | null = null;
  private busy = false;
  /** The last report: its blob URL (kept for "save again" and "print" until the next one). */
  private url: string | null = null;
  private message: () => string = () => '';

  constructor(private readonly opts: ReportControlOptions) {
    for (const b of [this.build, this.print]) {
      Object.assign(b.style, { background: '#fff', border: '1px solid #8a93a0', borderRadius: '4px', padding: '0.25rem 0.6rem' });
    }
    this.build.style.fontWeight = '700';
    this.element = el('section', { class: 'panel report', 'aria-labelledby': 'report-heading' },
      this.heading,
      el('div', { class: 'field' }, this.monthLabel, this.month),
      el('div', { class: 'field' }, this.build, this.hint),
      this.status,
      el('div', { class: 'field-row' }, this.save, this.print));
    this.month.addEventListener('change', () => { this.chosen = this.month.value; });
    this.build.addEventListener('click', () => void this.run());
    this.print.addEventListener('click', () => { if (!this.openPrintView()) this.say(() => this.opts.i18n.t('report.popupBlocked')); });
    this.setDataset(null);
    opts.i18n.watch(() => this.relabel());
  }

  /** The months of the stored data; the choice defaults to the last one. */
  setDataset(s: DatasetStatus | null): void {
    const first = s?.incidents && s.firstMonth ? monthIndex(s.firstMonth) : NaN;
    const last = s?.incidents && s.lastMonth ? monthIndex(s.lastMonth) : NaN;
    this.months = [];
    for (let k = last; k >= first; k--) this.months.push(monthOf(k));
    this.month.replaceChildren(...this.months.map((m) => el('option', { value: m })));
    // Newest first; a month the analyst chose stays chosen while the data still have it.
    this.month.value = this.chosen && this.months.includes(this.chosen) ? this.chosen : (this.months[0] ?? '');
    this.month.disabled = !this.months.length;
    this.build.disabled = this.busy || !this.months.length;
    this.relabel();
  }

  private relabel(): void {
    const { i18n } = this.opts;
    this.heading.textContent = i18n.t('report.heading');
    this.monthLabel.textContent = i18n.t('report.month');
    this.build.textContent = i18n.t('report.build');
    this.hint.textContent = i18n.t('report.hint');
    this.save.textContent = i18n.t('report.download');
    this.print.textContent = i18n.t('report.print');
    for (const o of this.month.options) o.textContent = i18n.month(monthIndex(o.value), 'long');
    this.status.textContent = this.months.length ? this.message() : i18n.t('report.noData');
  }

  private say(m: () => string): void {
    this.message = m;
    this.status.textContent = m();
  }

  /** Build the report of the chosen month, save it and open the print view. */
  private async run(): Promise<void> {
    if (this.busy || !this.month.value) return;
    const { i18n, client } = this.opts;
    const month = this.month.value;
    const lang = i18n.locale;
    this.busy = true;
    this.build.disabled = true;
    this.element.setAttribute('aria-busy', 'true');
    this.say(() => i18n.t('report.building', { month: i18n.month(monthIndex(month), 'long') }));
    try {
      const data = await client.call({ type: 'reportData' });
      const p = this.opts.params();
      const params: ReportParams = { month };
      if (p.cellSizeM !== undefined) params.cellSizeM = p.cellSizeM;
      if (p.bandwidthM !== undefined) params.bandwidthM = p.bandwidthM;
      if (p.kernel !== undefined) params.kernel = p.kernel;
      if (p.bandM !== undefined) params.bandM = p.bandM;
      if (p.fdr !== undefined) params.fdr = p.fdr;
      const inc = data.incidents;
      const done = await this.worker.build({
        incidents: inc,
        summary: data.summary,
        params,
        lang,
        streetsUrl: this.opts.streetsUrl,
        boundaryUrls: this.opts.boundaryUrls,
        fonts: fontFiles(),
        title: '',
        referenceAttributions: reportAttributions(this.opts.attribution),
        generatedAt: new Date().toISOString(),
      }, [inc.xs, inc.ys, inc.lons, inc.lats, inc.monthIndex, inc.hour, inc.dow, inc.categoryCode, inc.areaCode].map((a) => a.buffer as ArrayBuffer));
      if (this.url) URL.revokeObjectURL(this.url);
      this.url = URL.createObjectURL(new Blob([done.html], { type: 'text/html;charset=utf-8' }));
      const file = `sargas-report-${done.month}-${lang}.html`;
      this.save.href = this.url;
      this.save.download = file;
      this.save.hidden = false;
      this.print.hidden = false;
      this.save.click();
      const opened = this.openPrintView();
      this.say(() => [
        i18n.t('report.ready', { month: i18n.month(monthIndex(done.month), 'long'), n: done.incidents, file }),
        done.referenceLayers ? '' : i18n.t('report.noLayers'),
        opened ? '' : i18n.t('report.popupBlocked'),
      ].filter(Boolean).join(' '));
    } catch (e) {
      const message = (e as Error).message;
      this.say(() => i18n.t('report.failed', { message }));
    } finally {
      this.busy = false;
      this.build.disabled = !this.months.length;
      this.element.removeAttribute('aria-busy');
    }
  }

  /**
   * Open the report in a new tab and print it. The blob page has the app's origin, so its print()
   * may be called from here; the report itself holds no script. False when the browser blocked it.
   */
  private openPrintView(): boolean {
    if (!this.url) return false;
    const w = window.open(this.url, '_blank');
    if (!w) return false;
    w.addEventListener('load', () => w.print(), { once: true });
    return true;
  }
}
