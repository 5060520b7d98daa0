/**
 * The analyst's workspace: header (import, language), controls on the left (filters, method
 * parameters, layers with legends, the monthly report), the map in the middle, charts and the top-10 table on the
 * right. It wires controls to analysis requests (AnalysisRunner) and results to the map, legends,
 * charts and table. It decides nothing analytic: every number comes from the worker.
 */
import type { DatasetStatus } from '../worker/protocol.ts';
import type { AnalysisResult, TopCell } from '../worker/analysis_types.ts';
import type { WorkerClient } from '../worker/client.ts';
import { WorkspaceMap, type MapLayer } from '../map/workspace_map.ts';
import { AnalysisRunner } from './analysis_runner.ts';
import { drawDowHour } from './charts/dow_hour_chart.ts';
import { drawTrend } from './charts/trend_chart.ts';
import { el } from './dom.ts';
import { FilterPanel } from './filter_panel.ts';
import { I18n, LOCALES, type Locale } from './i18n.ts';
import { mountImportPanel } from './import_panel.ts';
import { LayerPanel } from './layer_panel.ts';
import { ParamsPanel } from './params_panel.ts';
import { ReportControl } from './report_control.ts';
import { mountPlanPanel } from './plan/plan_panel.ts';
import { drawTopTable } from './top_table.ts';
import './styles.css';

export interface WorkspaceOptions {
  demoUrl: string;
  demoCategory: string;
  streetsUrl: string;
  beatsUrl: string;
  outlineUrl: string;
  attribution: string[];
  /** Where the officers' units start and end their shift, [lon, lat] (the police station). */
  station?: [number, number];
}

const LOCALE_NAMES: Record<Locale, string> = { en: 'English', lt: 'Lietuvių' };

export function mountWorkspace(root: HTMLElement, client: WorkerClient, opts: WorkspaceOptions): void {
  const i18n = new I18n();
  document.documentElement.lang = i18n.locale;

  // Header: title, import, language.
  const title = el('h1', {}, 'Sargas');
  const tagline = el('span', { class: 'tagline' });
  const langLabel = el('label', { for: 'lang-select' });
  const langSelect = el('select', { id: 'lang-select' }, ...LOCALES.map((l) => el('option', { value: l, lang: l }, LOCALE_NAMES[l])));
  langSelect.value = i18n.locale;
  langSelect.addEventListener('change', () => i18n.set(langSelect.value as Locale));
  const importHost = el('div', { class: 'import-host' });
  const header = el('header', { class: 'topbar' }, el('div', { class: 'brand' }, title, tagline), importHost, el('div', { class: 'lang' }, langLabel, langSelect));

  // Map and its status line (aria-live, not role=status: the import panel owns that role).
  const mapEl = el('div', { id: 'map', class: 'map' });
  const status = el('p', { id: 'analysis-status', class: 'analysis-status', 'aria-live': 'polite' });
  const mapArea = el('section', { class: 'map-area' }, mapEl, status);

  // Charts.
  const trendHeading = el('h2', { id: 'trend-heading' });
  const heatHeading = el('h2', { id: 'heat-heading' });
  const topHeading = el('h2', { id: 'top-heading' });
  const trendHost = el('div', { class: 'chart', id: 'trend-chart' });
  const heatHost = el('div', { class: 'chart', id: 'dow-hour-chart' });
  const topHost = el('div', { class: 'top', id: 'top-spots' });
  const charts = el('aside', { class: 'charts' },
    el('section', { class: 'panel', 'aria-labelledby': 'trend-heading' }, trendHeading, trendHost),
    el('section', { class: 'panel', 'aria-labelledby': 'heat-heading' }, heatHeading, heatHost),
    el('section', { class: 'panel', 'aria-labelledby': 'top-heading' }, topHeading, topHost));

  const controls = el('aside', { class: 'controls' });
  const main = el('main', { class: 'workspace' }, controls, mapArea, charts);
  root.append(header, main);

  const map = new WorkspaceMap(mapEl, {
    streetsUrl: opts.streetsUrl,
    beatsUrl: opts.beatsUrl,
    outlineUrl: opts.outlineUrl,
    attribution: opts.attribution,
    label: i18n.t('map.label'),
    initialVisible: {},
    incidentPopup: async (row) => {
      const d = await client.call({ type: 'incidentDetail', row });
      const item = (k: Parameters<I18n['t']>[0], v: string) => [el('dt', {}, i18n.t(k)), el('dd', {}, v)];
      const when = d.timeKnown ? i18n.dateTime(d.occurredAt, true)
        : d.dateKnown ? `${i18n.dateTime(d.occurredAt, false)} (${i18n.t('popup.timeUnknown')})`
        : `${d.month} (${i18n.t('popup.timeUnknown')})`;
      return el('dl', { class: 'popup' },
        ...item('popup.category', d.category || i18n.t('popup.unknown')),
        ...item('popup.time', when),
        ...item('popup.place', d.locationText || i18n.t('popup.unknown')),
        ...(d.areaCode ? item('popup.area', d.areaCode) : []));
    },
    mergedPopup: (n) => el('p', { class: 'popup' }, i18n.t('popup.merged', { n })),
  });

  let last: AnalysisResult | null = null;
  let selectedCell: number | null = null;
  let hasData = false;
  const showCell = (c: TopCell) => {
    selectedCell = c.cell;
    map.highlight(c.ring, [c.lon, c.lat]);
  };

  let statusMessage: () => string = () => '';
  const say = (m: () => string) => {
    statusMessage = m;
    status.textContent = m();
  };

  const filters = new FilterPanel(i18n, () => analyseSoon());
  const params = new ParamsPanel(i18n, () => analyseSoon());
  const layers = new LayerPanel(i18n, (id) => map.isVisible(id), (id: MapLayer, on) => {
    map.setVisible(id, on);
    // Emerging hot spots are computed only while their layer is on.
    if (id === 'emerging' && on && last && !last.emerging) analyseSoon();
  });
  const abs = (url: string) => new URL(url, document.baseURI).href;
  const report = new ReportControl({
    client,
    i18n,
    params: () => params.params(),
    streetsUrl: abs(opts.streetsUrl),
    boundaryUrls: [abs(opts.beatsUrl), abs(opts.outlineUrl)],
    attribution: opts.attribution,
  });
  controls.append(filters.element, params.element, layers.element, report.element);
  mountPlanPanel(charts, {
    client, map: () => map.map, streetsUrl: opts.streetsUrl, beatsUrl: opts.beatsUrl, lang: () => i18n.locale, station: opts.station,
  });

  const renderResult = () => {
    if (!last) return;
    drawTrend(trendHost, last.time, i18n);
    drawDowHour(heatHost, last.time, i18n);
    drawTopTable(topHost, last, i18n, showCell, selectedCell);
  };

  const runner = new AnalysisRunner(client, {
    onStart: () => {
      mapEl.setAttribute('aria-busy', 'true');
      say(() => i18n.t('status.loading'));
    },
    onResult: async (r, startedAt) => {
      const t0 = performance.now();
      last = r;
      if (selectedCell !== null && !r.top.some((c) => c.cell === selectedCell)) {
        selectedCell = null;
        map.highlight(null);
      }
      params.show(r);
      layers.show(r);
      renderResult();
      mapEl.dataset.panelsMs = String(Math.round(performance.now() - t0));
      await map.show(r);
      const ms = Math.round(performance.now() - startedAt);
      mapEl.removeAttribute('aria-busy');
      mapEl.dataset.selected = String(r.selected);
      mapEl.dataset.drawMs = String(ms);
      // Worker time per phase, for the benchmark (analysis/bench/app.ts).
      mapEl.dataset.timings = JSON.stringify(r.timings);
      say(() => (r.hasData ? i18n.t('status.done', { selected: r.selected, total: r.total, ms }) : i18n.t('status.noData')));
    },
    onError: (e) => {
      mapEl.removeAttribute('aria-busy');
      say(() => i18n.t('status.failed', { message: e.message }));
    },
  });
  const request = () => ({ filter: filters.filter(), params: { ...params.params(), emerging: map.isVisible('emerging') } });
  const analyseSoon = () => { if (hasData) runner.request(request); };

  i18n.watch(() => {
    document.title = i18n.t('app.title');
    tagline.textContent = i18n.t('app.tagline');
    langLabel.textContent = i18n.t('lang.label');
    controls.setAttribute('aria-label', i18n.t('controls.region'));
    charts.setAttribute('aria-label', i18n.t('charts.region'));
    trendHeading.textContent = i18n.t('chart.trend');
    heatHeading.textContent = i18n.t('chart.heatmap');
    topHeading.textContent = i18n.t('chart.top');
    map.setLabel(i18n.t('map.label'));
    status.textContent = statusMessage();
    renderResult();
  });

  // Names for the top-10 table (beats, streets); the worker queues it before any analysis.
  void client.call({ type: 'context', beatsUrl: new URL(opts.beatsUrl, document.baseURI).href, streetsUrl: new URL(opts.streetsUrl, document.baseURI).href })
    .catch((e: Error) => say(() => i18n.t('status.failed', { message: e.message })));

  mountImportPanel(importHost, client, {
    demoUrl: opts.demoUrl,
    demoCategory: opts.demoCategory,
    i18n,
    dropTarget: document.body,
    onData: (s: DatasetStatus) => {
      hasData = s.incidents > 0;
      filters.setDataset(s);
      report.setDataset(s);
      selectedCell = null;
      map.highlight(null);
      if (hasData) runner.run(request());
      else {
        last = null;
        say(() => i18n.t('status.noData'));
      }
    },
  });
}
