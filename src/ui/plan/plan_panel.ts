/**
 * The patrol plan panel: the units and shifts of a day (with demo-ready defaults: two cars from
 * the district station, two volunteer pairs each in a beat near it, one by daylight and one in
 * the evening), the run, and the plan it gets back from the plan worker — per route its numbered
 * stops with arrival times and street names and the share of expected incidents it covers; lock,
 * drop and add stops and re-optimise the rest; GPX and GeoJSON downloads and a printable route
 * sheet per unit. The routes are drawn on the workspace's map (src/map/route_layer.ts).
 *
 * The panel decides nothing about the plan: every stop, time and figure comes from the worker.
 * It keeps the user's edits per candidate stop (PlanEdits) and sends them with each re-optimise.
 */
import { pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { patrolPlanToGpx } from '../../geo/gpx.ts';
import { onRouteStopClick, routeBounds, routeColour, routeLayerData, showRoutes } from '../../map/route_layer.ts';
import { dayNames } from '../../routing/plan/shift_window.ts';
import type { WorkerClient } from '../../worker/client.ts';
import type { PlanEdits, PlanIncidentColumns, PlanPhase, PlanRouteView, PlanSettings, PlanView, SheetStreets } from '../../worker/plan_protocol.ts';
import { el } from '../dom.ts';
import { createPlanWorker, PlanClient } from './plan_client.ts';
import { fmtExpected, fmtNumber, fmtShare, planText, weekdayName, type PlanKey, type PlanLang } from './plan_i18n.ts';
import { routeSheetHtml, routeSheetOf } from './route_sheet.ts';
import { formatClock } from '../../routing/plan/shift_window.ts';
import './plan_panel.css';

export interface PlanPanelDeps {
  /** The app worker: the incidents come from it. */
  client: WorkerClient;
  /** The workspace's map, once it exists. */
  map: () => MapLibreMap | null;
  /** Street GeoJSON and police beats (zones), relative to the page. */
  streetsUrl: string;
  beatsUrl: string;
  lang: () => PlanLang;
  /** Base of the officers' units, [lon, lat]. Default: the middle of the beats. */
  station?: [number, number];
  /** A plan worker to use instead of starting one (tests). */
  planWorker?: Worker;
}

export interface PlanPanel {
  readonly element: HTMLElement;
  /** Plan with the panel's current units and settings. */
  run(): Promise<void>;
  /** Redraw the panel's text (e.g. after a language change made some other way). */
  refresh(): void;
  destroy(): void;
}

type Kind = 'car' | 'foot' | 'volunteer';
type Window = 'daylight' | 'evening' | 'custom';
interface UnitRow { kind: Kind; count: number; base: 'station' | 'zone'; zone: string; window: Window; start: string; hours: number; dwell: number }
interface Beat { id: string; geometry: Polygon | MultiPolygon; point: [number, number] }

/** Volunteer windows: daylight afternoon and evening, three hours each. */
const WINDOWS: Record<Exclude<Window, 'custom'>, { start: string; hours: number }> = {
  daylight: { start: '13:00', hours: 3 },
  evening: { start: '17:00', hours: 3 },
};
const KINDS: Kind[] = ['car', 'foot', 'volunteer'];

/** Settings the panel offers, with their defaults and allowed ranges. */
const SETTINGS = {
  candidates: { key: 'settings.candidates', value: 150, min: 1, max: 1000, step: 1 },
  cellM: { key: 'settings.cell', value: 150, min: 25, max: 1000, step: 5 },
  seconds: { key: 'settings.seconds', value: 3, min: 0.2, max: 60, step: 0.1 },
} as const;

const abs = (url: string) => new URL(url, document.baseURI).href;
const isAbort = (e: unknown) => e instanceof Error && e.name === 'AbortError';

export function mountPlanPanel(root: HTMLElement, deps: PlanPanelDeps): PlanPanel {
  const planClient = new PlanClient(deps.planWorker ?? createPlanWorker());
  const lang = () => deps.lang();
  const t = (k: PlanKey, p?: Record<string, string | number>) => planText(lang(), k, p);

  // ---- state ----
  let beats: Beat[] = [];
  let station: [number, number] | null = deps.station ?? null;
  let rows: UnitRow[] = [];
  let day = (new Date().getDay() + 6) % 7;
  const settings: { candidates: number; cellM: number; seconds: number; threshold: string } = {
    candidates: SETTINGS.candidates.value, cellM: SETTINGS.cellM.value, seconds: SETTINGS.seconds.value, threshold: '',
  };
  let view: PlanView | null = null;
  let sheetStreets: SheetStreets | null = null;
  let edits: PlanEdits | null = null;
  let selected = -1;
  let running: AbortController | null = null;
  let statusText: () => string = () => '';
  let printUnit = -1;
  const boundMaps = new WeakSet<MapLibreMap>();

  // ---- skeleton ----
  const heading = el('h2', { id: 'plan-heading' });
  const intro = el('p', { class: 'note' });
  const form = el('form', { class: 'plan-form', noValidate: true });
  const status = el('p', { class: 'plan-status', id: 'plan-status', 'aria-live': 'polite' });
  const results = el('div', { class: 'plan-results', id: 'plan-results' });
  const printFrame = el('iframe', { class: 'plan-print-frame', id: 'plan-print-frame', tabIndex: -1, 'aria-hidden': 'true' });
  const element = el('section', { class: 'panel plan-panel', id: 'plan-panel', 'aria-labelledby': 'plan-heading' }, heading, intro, form, status, results, printFrame);
  element.dataset.state = 'idle';
  root.append(element);
  form.addEventListener('submit', (ev) => { ev.preventDefault(); void run(); });

  const say = (m: () => string) => {
    statusText = m;
    status.textContent = m();
  };

  /** Re-render `host` with `render`, keeping the keyboard focus on the element of the same key. */
  const keepFocus = (render: () => void) => {
    const key = (document.activeElement as HTMLElement | null)?.dataset?.focus;
    render();
    if (key) (element.querySelector(`[data-focus="${CSS.escape(key)}"]`) as HTMLElement | null)?.focus();
  };

  // ---- beats and defaults ----
  async function loadBeats(): Promise<void> {
    try {
      const res = await fetch(abs(deps.beatsUrl));
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const fc = (await res.json()) as FeatureCollection;
      beats = fc.features
        .filter((f): f is Feature<Polygon | MultiPolygon> => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon')
        .map((f, k) => {
          const p = f.properties ?? {};
          const id = String(p.BEAT_NUM ?? p.beat ?? p.name ?? k + 1);
          return { id, geometry: f.geometry, point: pointOnFeature(f).geometry.coordinates as [number, number] };
        })
        .sort((a, b) => a.id.localeCompare(b.id, undefined, { numeric: true }));
    } catch {
      beats = [];
    }
    if (!station && beats.length) {
      station = [beats.reduce((a, b) => a + b.point[0], 0) / beats.length, beats.reduce((a, b) => a + b.point[1], 0) / beats.length];
    }
  }

  /** Two cars from the station, 16:00 for 8 h; volunteer pairs in the two beats nearest the station. */
  function defaultRows(): UnitRow[] {
    const out: UnitRow[] = [{ kind: 'car', count: 2, base: 'station', zone: '', window: 'custom', start: '16:00', hours: 8, dwell: 15 }];
    const near = station ? [...beats].sort((a, b) => dist(a.point, station!) - dist(b.point, station!)).slice(0, 2) : [];
    const windows: Exclude<Window, 'custom'>[] = ['evening', 'daylight'];
    for (let k = 0; k < 2; k++) {
      const w = windows[k];
      out.push({ kind: 'volunteer', count: 1, base: near[k] ? 'zone' : 'station', zone: near[k]?.id ?? '', window: w, ...WINDOWS[w], dwell: 15 });
    }
    return out;
  }
  const dist = (a: [number, number], b: [number, number]) => Math.hypot((a[0] - b[0]) * Math.cos(b[1] * Math.PI / 180), a[1] - b[1]);

  // ---- the form ----
  const fieldErrors = new Map<string, string>();

  function numberInput(id: string, value: number, min: number, max: number, step: number, onValue: (v: number) => void, labelKey: PlanKey): HTMLInputElement {
    const input = el('input', { id, type: 'number', value: String(value), min: String(min), max: String(max), step: String(step), inputMode: 'decimal' });
    input.dataset.focus = id;
    input.addEventListener('change', () => {
      const v = Number(input.value);
      const ok = input.value.trim() !== '' && v >= min && v <= max && (step !== 1 || Number.isInteger(v));
      input.setAttribute('aria-invalid', String(!ok));
      if (ok) {
        fieldErrors.delete(id);
        onValue(v);
      } else fieldErrors.set(id, t('settings.invalid', { field: t(labelKey), range: `${min}–${max}` }));
    });
    return input;
  }

  function field(id: string, labelKey: PlanKey, control: HTMLElement, extra?: HTMLElement): HTMLElement {
    return el('div', { class: 'field' }, el('label', { for: id }, t(labelKey)), control, extra);
  }

  function select<T extends string>(id: string, options: [T, string][], value: T, onValue: (v: T) => void): HTMLSelectElement {
    const s = el('select', { id }, ...options.map(([v, label]) => el('option', { value: v }, label)));
    s.value = value;
    s.dataset.focus = id;
    s.addEventListener('change', () => onValue(s.value as T));
    return s;
  }

  function unitRow(row: UnitRow, k: number): HTMLElement {
    const id = (f: string) => `plan-u${k}-${f}`;
    const zoneOptions: [string, string][] = [['', t('zone.none')], ...beats.map((b): [string, string] => [b.id, t('zone.beat', { beat: b.id })])];
    const start = el('input', { id: id('start'), type: 'time', value: row.start, required: true });
    start.dataset.focus = id('start');
    start.addEventListener('change', () => {
      const ok = /^\d{2}:\d{2}$/.test(start.value);
      start.setAttribute('aria-invalid', String(!ok));
      if (ok) {
        row.start = start.value;
        row.window = 'custom';
        fieldErrors.delete(id('start'));
        windowSel.value = 'custom';
      } else fieldErrors.set(id('start'), t('settings.invalid', { field: t('unit.start'), range: '00:00–23:59' }));
    });
    const hours = numberInput(id('hours'), row.hours, 0.5, 24, 0.5, (v) => { row.hours = v; row.window = 'custom'; windowSel.value = 'custom'; }, 'unit.hours');
    const windowSel = select<Window>(id('window'), [['daylight', `${t('window.daylight')} (${WINDOWS.daylight.start}, ${WINDOWS.daylight.hours} h)`],
      ['evening', `${t('window.evening')} (${WINDOWS.evening.start}, ${WINDOWS.evening.hours} h)`], ['custom', t('window.custom')]], row.window, (w) => {
      row.window = w;
      if (w !== 'custom') {
        row.start = start.value = WINDOWS[w].start;
        row.hours = WINDOWS[w].hours;
        hours.value = String(row.hours);
      }
    });
    const remove = el('button', { type: 'button', class: 'plan-remove', 'aria-label': t('unit.removeLabel', { n: k + 1 }) }, t('unit.remove'));
    remove.dataset.focus = id('remove');
    remove.disabled = rows.length <= 1;
    remove.addEventListener('click', () => {
      rows.splice(k, 1);
      renderForm();
      (form.querySelector('#plan-add-unit') as HTMLElement | null)?.focus();
    });
    return el('fieldset', { class: 'plan-unit', id: id('row') },
      el('legend', {}, t('unit.row', { n: k + 1 })),
      field(id('kind'), 'unit.kind', select<Kind>(id('kind'), KINDS.map((kd): [Kind, string] => [kd, t(`kind.${kd}`)]), row.kind, (kd) => {
        row.kind = kd;
        if (kd === 'volunteer' && row.window === 'custom') Object.assign(row, { window: 'evening', ...WINDOWS.evening });
        renderForm();
      })),
      field(id('count'), 'unit.count', numberInput(id('count'), row.count, 1, 100, 1, (v) => { row.count = v; }, 'unit.count')),
      field(id('base'), 'unit.base', select<'station' | 'zone'>(id('base'), [['station', t('base.station')], ['zone', t('base.zone')]], row.base, (b) => { row.base = b; })),
      field(id('zone'), 'unit.zone', select<string>(id('zone'), zoneOptions, row.zone, (z) => { row.zone = z; })),
      field(id('window'), 'unit.window', windowSel),
      field(id('start'), 'unit.start', start),
      field(id('hours'), 'unit.hours', hours),
      field(id('dwell'), 'unit.dwell', numberInput(id('dwell'), row.dwell, 0, 240, 1, (v) => { row.dwell = v; }, 'unit.dwell')),
      remove);
  }

  function renderForm(): void {
    keepFocus(() => {
      fieldErrors.clear();
      const daySel = select<string>('plan-day', dayNames.map((_, d): [string, string] => [String(d), weekdayName(lang(), d)]), String(day), (d) => { day = Number(d); });
      const addUnit = el('button', { type: 'button', id: 'plan-add-unit', class: 'plan-secondary' }, t('unit.add'));
      addUnit.dataset.focus = 'plan-add-unit';
      addUnit.addEventListener('click', () => {
        rows.push({ kind: 'car', count: 1, base: 'station', zone: '', window: 'custom', start: rows[0]?.start ?? '16:00', hours: 8, dwell: 15 });
        renderForm();
      });
      const s = (name: keyof typeof SETTINGS) => {
        const d = SETTINGS[name];
        const id = `plan-${name}`;
        return field(id, d.key, numberInput(id, settings[name], d.min, d.max, d.step, (v) => { settings[name] = v; }, d.key));
      };
      const threshold = el('input', { id: 'plan-threshold', type: 'number', min: '0', step: 'any', value: settings.threshold, placeholder: '—', 'aria-describedby': 'plan-threshold-hint' });
      threshold.dataset.focus = 'plan-threshold';
      threshold.addEventListener('change', () => {
        const ok = threshold.value.trim() === '' || Number(threshold.value) >= 0;
        threshold.setAttribute('aria-invalid', String(!ok));
        if (ok) {
          settings.threshold = threshold.value.trim();
          fieldErrors.delete('plan-threshold');
        } else fieldErrors.set('plan-threshold', t('settings.invalid', { field: t('settings.threshold'), range: '≥ 0' }));
      });
      const runBtn = el('button', { type: 'submit', id: 'plan-run', class: 'plan-primary' }, t('run.plan'));
      runBtn.dataset.focus = 'plan-run';
      const cancel = el('button', { type: 'button', id: 'plan-cancel', class: 'plan-secondary' }, t('run.cancel'));
      cancel.dataset.focus = 'plan-cancel';
      cancel.disabled = running === null;
      cancel.addEventListener('click', () => running?.abort());
      form.replaceChildren(
        field('plan-day', 'plan.day', daySel),
        el('fieldset', { class: 'plan-units' }, el('legend', {}, t('plan.units')), ...rows.map(unitRow), addUnit),
        el('details', { class: 'plan-settings' }, el('summary', {}, t('plan.settings')),
          el('div', { class: 'plan-settings-grid' }, s('candidates'), s('cellM'), s('seconds'),
            field('plan-threshold', 'settings.threshold', threshold, el('p', { class: 'hint', id: 'plan-threshold-hint' }, t('settings.thresholdHint'))))),
        el('div', { class: 'plan-actions' }, runBtn, cancel));
    });
  }

  // ---- running ----
  function unitsJson(): unknown[] {
    return rows.map((r) => {
      const beat = beats.find((b) => b.id === r.zone);
      const base = r.base === 'zone' && beat ? beat.point : station;
      if (!base) throw new RangeError('no base for the units: the page gives no station and no beats were read');
      const u: Record<string, unknown> = { kind: r.kind, count: r.count, start: base, shiftStart: r.start, hours: r.hours, dwellMin: r.dwell };
      if (beat) u.zone = beat.geometry;
      return u;
    });
  }

  function setRunning(ctrl: AbortController | null): void {
    running = ctrl;
    if (ctrl) element.dataset.state = 'running';
    else if (element.dataset.state === 'running') element.dataset.state = view ? 'ready' : 'idle';
    const cancel = form.querySelector<HTMLButtonElement>('#plan-cancel');
    if (cancel) cancel.disabled = ctrl === null;
    element.setAttribute('aria-busy', String(ctrl !== null));
  }

  const phaseKey: Record<PlanPhase, PlanKey> = { streets: 'status.streets', network: 'status.network', prepare: 'status.prepare', solve: 'status.solve' };
  const onPhase = (seconds: number) => (p: PlanPhase) => say(() => t(phaseKey[p], { s: fmtNumber(lang(), seconds) }));

  async function run(): Promise<void> {
    if (fieldErrors.size) {
      say(() => [...fieldErrors.values()].join(' '));
      return;
    }
    running?.abort();
    const ctrl = new AbortController();
    setRunning(ctrl);
    const t0 = performance.now();
    try {
      await beatsReady;
      say(() => t('status.incidents'));
      const cols = await deps.client.call({ type: 'incidents' }, { signal: ctrl.signal });
      ctrl.signal.throwIfAborted();
      if (cols.n === 0) {
        say(() => t('status.noData'));
        element.dataset.state = 'failed';
        return;
      }
      const incidents: PlanIncidentColumns = {
        crs: cols.crs, xs: cols.xs, ys: cols.ys, hour: cols.hour, dow: cols.dow, monthIndex: cols.monthIndex, categoryCode: cols.categoryCode, categories: cols.categories,
      };
      const transfer = [...new Set([cols.xs, cols.ys, cols.hour, cols.dow, cols.monthIndex, cols.categoryCode].map((a) => a.buffer))] as ArrayBuffer[];
      const plan: PlanSettings = { candidates: settings.candidates, cellM: settings.cellM, timeLimitMs: Math.round(settings.seconds * 1000), seed: 1 };
      if (settings.threshold !== '') plan.violentThreshold = Number(settings.threshold);
      const v = await planClient.call(
        { type: 'plan', streetsUrl: abs(deps.streetsUrl), incidents, units: unitsJson(), day, settings: plan },
        { signal: ctrl.signal, onPhase: onPhase(settings.seconds), transfer },
      );
      if (running !== ctrl) return;
      view = v;
      sheetStreets = v.streets ?? sheetStreets;
      edits = { lockedTo: new Int32Array(v.stops.count).fill(-1), required: new Uint8Array(v.stops.count), excluded: new Uint8Array(v.stops.count) };
      selected = -1;
      done(t0, true);
    } catch (e) {
      failed(e, ctrl);
    } finally {
      if (running === ctrl) setRunning(null);
    }
  }

  async function replan(): Promise<void> {
    if (!view || !edits) return;
    running?.abort();
    const ctrl = new AbortController();
    setRunning(ctrl);
    const t0 = performance.now();
    const ex = edits.excluded;
    const initialRoutes = view.routes.map((r) => Int32Array.from(Array.from(r.stops).filter((i) => !ex[i])));
    const sent: PlanEdits = { lockedTo: edits.lockedTo.slice(), required: edits.required.slice(), excluded: edits.excluded.slice() };
    try {
      const v = await planClient.call(
        { type: 'replan', planId: view.planId, edits: sent, initialRoutes, timeLimitMs: Math.round(settings.seconds * 1000), seed: 1 },
        { signal: ctrl.signal, onPhase: onPhase(settings.seconds), transfer: [sent.lockedTo.buffer, sent.required.buffer, sent.excluded.buffer, ...initialRoutes.map((r) => r.buffer)] },
      );
      if (running !== ctrl) return;
      view = v;
      done(t0, false);
    } catch (e) {
      failed(e, ctrl);
    } finally {
      if (running === ctrl) setRunning(null);
    }
  }

  function done(t0: number, fresh: boolean): void {
    const s = (performance.now() - t0) / 1000;
    element.dataset.state = 'ready';
    element.dataset.planId = String(view!.planId);
    element.dataset.revision = String(view!.revision);
    say(() => t('status.done', { s: fmtNumber(lang(), s) }));
    renderResults();
    showOnMap(fresh);
  }

  function failed(e: unknown, ctrl: AbortController): void {
    if (isAbort(e) || ctrl.signal.aborted) {
      if (running === ctrl) {
        say(() => t('status.cancelled'));
        element.dataset.state = view ? 'ready' : 'idle';
      }
      return;
    }
    const message = e instanceof Error ? e.message : String(e);
    element.dataset.state = 'failed';
    say(() => t('status.failed', { message }));
  }

  // ---- the map ----
  function showOnMap(fit: boolean): void {
    const m = deps.map();
    if (!m) return;
    const apply = () => {
      showRoutes(m, routeLayerData(view, { lockedTo: edits?.lockedTo, excluded: edits?.excluded, selected }));
      if (!boundMaps.has(m)) {
        boundMaps.add(m);
        onRouteStopClick(m, pick);
      }
      const b = fit && view ? routeBounds(view) : null;
      if (b) m.fitBounds(b, { padding: 40, duration: 0, maxZoom: 15 });
    };
    const attempt = () => {
      try {
        apply();
      } catch (e) {
        if (e instanceof Error && /not done loading/i.test(e.message)) m.once('load', attempt);
        else throw e;
      }
    };
    attempt();
  }

  /** A stop or candidate picked on the map: choose it in "Add a stop", or go to its row. */
  function pick(candidate: number): void {
    selected = candidate;
    renderResults();
    showOnMap(false);
    const row = results.querySelector<HTMLElement>(`tr[data-candidate="${candidate}"] button`);
    if (row) {
      row.focus();
      row.scrollIntoView({ block: 'nearest' });
    } else results.querySelector<HTMLSelectElement>('#plan-add-stop')?.focus();
  }

  // ---- results ----
  /** 'Car 1', 'Volunteer pair 2': kind in the page's language, numbered per kind. */
  function displayLabels(v: PlanView): string[] {
    const seen: Record<string, number> = {};
    return v.units.map((u) => `${t(`kind.${u.kind}`)} ${(seen[u.kind] = (seen[u.kind] ?? 0) + 1)}`);
  }

  const streetOf = (i: number) => view!.stops.street[i] || t('stop.unnamed');

  function button(text: string, focusKey: string, onClick: () => void, props: Record<string, unknown> = {}): HTMLButtonElement {
    const b = el('button', { type: 'button', ...props }, text);
    b.dataset.focus = focusKey;
    b.addEventListener('click', onClick);
    return b;
  }

  function edited(): void {
    renderResults();
    showOnMap(false);
  }

  function routeSection(r: PlanRouteView, labels: string[]): HTMLElement {
    const v = view!, e = edits!;
    const label = labels[r.unit];
    const volunteer = r.kind === 'volunteer';
    const headingId = `plan-route-${r.unit}`;
    const facts = r.stops.length === 0 ? t('route.none') : t(volunteer ? 'route.factsVolunteer' : 'route.facts', {
      start: formatClock(r.startMin), end: formatClock(r.endMin), stops: r.stops.length, km: fmtNumber(lang(), r.distanceM / 1000), share: fmtShare(lang(), r.share),
    });
    const rows = Array.from(r.stops, (i, k) => {
      const locked = e.lockedTo[i] === r.unit;
      const lock = button(t('stop.lock'), `lock-${i}`, () => {
        e.lockedTo[i] = locked ? -1 : r.unit;
        edited();
      }, { class: 'plan-toggle', 'aria-pressed': String(locked), 'aria-label': t('stop.lockLabel', { n: k + 1, unit: label }) });
      const drop = button(t('stop.drop'), `drop-${i}`, () => {
        e.excluded[i] = 1;
        e.lockedTo[i] = -1;
        e.required[i] = 0;
        edited();
      }, { class: 'plan-drop', 'aria-label': t('stop.dropLabel', { n: k + 1, unit: label }) });
      const tags = [v.stops.officersOnly[i] ? t('stop.officersOnly') : ''].filter(Boolean).join(', ');
      const tr = el('tr', { class: [e.excluded[i] ? 'dropped' : '', selected === i ? 'selected' : ''].filter(Boolean).join(' ') || undefined },
        el('td', { class: 'num' }, String(k + 1)),
        el('td', { class: 'num' }, formatClock(r.arriveMin[k])),
        el('td', {}, streetOf(i), tags ? el('span', { class: 'plan-tag' }, ` (${tags})`) : null),
        el('td', { class: 'num' }, fmtExpected(lang(), v.stops.value[i])),
        el('td', { class: 'plan-edit' }, lock, drop));
      tr.dataset.candidate = String(i);
      tr.dataset.order = String(k + 1);
      return tr;
    });
    const print = button(t('export.sheet'), `print-${r.unit}`, () => printSheet(r.unit, label), {
      class: 'plan-secondary', disabled: r.stops.length === 0, 'aria-label': t('export.sheetLabel', { unit: label }),
    });
    const section = el('section', { class: 'plan-route', 'aria-labelledby': headingId },
      el('h4', { id: headingId }, el('span', { class: 'swatch', style: `background:${routeColour(r.unit)}` }), label),
      el('p', { class: 'plan-facts' }, facts),
      print,
      r.stops.length ? el('table', { class: 'plan-stops' },
        el('thead', {}, el('tr', {},
          el('th', { class: 'num', scope: 'col' }, t('stops.order')), el('th', { class: 'num', scope: 'col' }, t('stops.arrive')),
          el('th', { scope: 'col' }, t('stops.street')), el('th', { class: 'num', scope: 'col' }, t('stops.expected')), el('th', { scope: 'col' }, t('stops.actions')))),
        el('tbody', {}, ...rows)) : null);
    section.dataset.unit = String(r.unit);
    section.dataset.kind = r.kind;
    return section;
  }

  function renderResults(): void {
    keepFocus(() => {
      if (!view || !edits) {
        results.replaceChildren();
        return;
      }
      const v = view, e = edits, L = lang();
      const labels = displayLabels(v);
      const s = v.summary;
      let officersOnly = 0;
      for (let i = 0; i < v.stops.count; i++) officersOnly += v.stops.officersOnly[i];
      const onRoute = new Int32Array(v.stops.count).fill(-1);
      for (const r of v.routes) for (const i of r.stops) onRoute[i] = r.unit;

      const summary = el('div', { class: 'plan-summary', id: 'plan-summary' },
        el('p', {}, t('summary.covered', {
          covered: fmtExpected(L, s.expectedCovered), total: fmtExpected(L, s.expectedInWindow), share: fmtShare(L, s.coveredShare), stops: s.stops,
          hand: fmtExpected(L, s.handStyleCovered), greedy: fmtExpected(L, s.greedyCovered),
        })),
        el('p', { class: 'note' }, t('summary.history', { first: v.history.firstMonth, last: v.history.lastMonth, days: v.history.daysInHistory, weekday: weekdayName(L, v.day) })),
        v.units.some((u) => u.kind === 'volunteer') ? el('p', { class: 'note' }, t('summary.threshold', { t: fmtExpected(L, v.violentThreshold), n: officersOnly, all: v.stops.count })) : null,
        v.unplacedRequired.length ? el('p', { class: 'plan-warning' }, t('summary.unplaced', { stops: Array.from(v.unplacedRequired, streetOf).join('; ') })) : null);

      // Edits and re-optimise.
      let locked = 0, dropped = 0, added = 0;
      for (let i = 0; i < v.stops.count; i++) {
        if (e.excluded[i]) dropped++;
        else if (e.required[i]) added++;
        else if (e.lockedTo[i] >= 0) locked++;
      }
      const anyEdit = locked + dropped + added > 0;
      const editsBar = el('div', { class: 'plan-edits' },
        el('p', { id: 'plan-edits-summary' }, anyEdit ? t('edits.summary', { locked, dropped, added }) : t('edits.none')),
        button(t('run.replan'), 'plan-replan', () => void replan(), { id: 'plan-replan', class: 'plan-primary', disabled: !anyEdit }),
        button(t('run.clearEdits'), 'plan-clear-edits', () => {
          e.lockedTo.fill(-1); e.required.fill(0); e.excluded.fill(0);
          edited();
        }, { id: 'plan-clear-edits', class: 'plan-secondary', disabled: !anyEdit }));

      const exportBar = el('div', { class: 'plan-export' },
        button(t('export.gpx'), 'plan-gpx', downloadGpx, { id: 'plan-gpx', class: 'plan-secondary' }),
        button(t('export.geojson'), 'plan-geojson', downloadGeoJson, { id: 'plan-geojson', class: 'plan-secondary' }));

      // Add a stop: candidates on no route and not dropped, best first.
      const free = [...Array(v.stops.count).keys()].filter((i) => onRoute[i] < 0 && !e.excluded[i]).sort((a, b) => v.stops.value[b] - v.stops.value[a]);
      if (selected >= 0 && !free.includes(selected) && onRoute[selected] < 0) selected = -1;
      const addStop = el('select', { id: 'plan-add-stop' },
        ...free.map((i) => el('option', { value: String(i) },
          `${t('add.option', { street: streetOf(i), value: fmtExpected(L, v.stops.value[i]) })}${v.stops.officersOnly[i] ? ` (${t('stop.officersOnly')})` : ''}${e.required[i] || e.lockedTo[i] >= 0 ? ' ✓' : ''}`)));
      addStop.dataset.focus = 'plan-add-stop';
      if (free.includes(selected)) addStop.value = String(selected);
      const addUnit = el('select', { id: 'plan-add-unit-select' });
      addUnit.dataset.focus = 'plan-add-unit-select';
      const fillUnits = () => {
        const i = Number(addStop.value);
        addUnit.replaceChildren(el('option', { value: '-1' }, t('add.anyUnit')),
          ...v.units.flatMap((_, r) => (v.stops.eligible[r * v.stops.count + i] ? [el('option', { value: String(r) }, labels[r])] : [])));
      };
      fillUnits();
      addStop.addEventListener('change', () => {
        selected = Number(addStop.value);
        fillUnits();
        showOnMap(false);
      });
      const addBtn = button(t('add.button'), 'plan-add', () => {
        const i = Number(addStop.value), r = Number(addUnit.value);
        if (!(i >= 0)) return;
        // An added stop is required; added to one unit, it is also locked to it (a lock wins).
        e.required[i] = 1;
        if (r >= 0) e.lockedTo[i] = r;
        selected = i;
        edited();
      }, { id: 'plan-add', class: 'plan-secondary' });
      const addSection = el('section', { class: 'plan-add', 'aria-labelledby': 'plan-add-heading' },
        el('h3', { id: 'plan-add-heading' }, t('add.heading')),
        free.length ? el('div', { class: 'plan-add-row' },
          field('plan-add-stop', 'add.stop', addStop), field('plan-add-unit-select', 'add.unit', addUnit), addBtn) : el('p', { class: 'note' }, t('add.none')),
        el('p', { class: 'hint' }, t('add.hint')));

      const droppedStops = [...Array(v.stops.count).keys()].filter((i) => e.excluded[i]);
      const droppedSection = droppedStops.length ? el('section', { class: 'plan-dropped', 'aria-labelledby': 'plan-dropped-heading' },
        el('h3', { id: 'plan-dropped-heading' }, t('dropped.heading')),
        el('ul', {}, ...droppedStops.map((i) => {
          const li = el('li', {}, `${streetOf(i)} `, button(t('stop.restore'), `restore-${i}`, () => { e.excluded[i] = 0; edited(); }, {
            class: 'plan-secondary', 'aria-label': t('stop.restoreLabel', { street: streetOf(i) }),
          }));
          li.dataset.candidate = String(i);
          return li;
        }))) : null;

      results.replaceChildren(summary, editsBar, exportBar,
        el('h3', {}, t('routes.heading')), ...v.routes.map((r) => routeSection(r, labels)), addSection, droppedSection ?? '');
    });
  }

  // ---- exports ----
  function download(name: string, text: string, type: string): void {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = el('a', { href: url, download: name });
    a.style.display = 'none';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
  const fileStem = () => `sargas-plan-${dayNames[view!.day]}`;

  function downloadGpx(): void {
    if (!view) return;
    const words = { stopComment: t('gpx.stopComment'), routeDesc: t('gpx.routeDesc'), volunteerRole: t('gpx.volunteerRole') };
    download(`${fileStem()}.gpx`, patrolPlanToGpx(view.geojson, { name: t('gpx.name', { day: weekdayName(lang(), view.day) }), words }), 'application/gpx+xml');
  }

  function downloadGeoJson(): void {
    if (!view) return;
    download(`${fileStem()}.geojson`, JSON.stringify(view.geojson) + '\n', 'application/geo+json');
  }

  function printSheet(unit: number, label: string): void {
    if (!view) return;
    const sheet = routeSheetOf(view, unit);
    sheet.label = label;
    printUnit = unit;
    printFrame.dataset.unit = String(unit);
    printFrame.title = t('export.sheetLabel', { unit: label });
    printFrame.onload = () => {
      if (printFrame.dataset.unit === String(printUnit)) printFrame.contentWindow?.print();
    };
    printFrame.srcdoc = routeSheetHtml(sheet, sheetStreets, lang());
  }

  // ---- language ----
  function relabel(): void {
    heading.textContent = t('plan.heading');
    intro.textContent = t('plan.intro');
    status.textContent = statusText();
    renderForm();
    renderResults();
  }
  const langObserver = new MutationObserver(relabel);
  langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });

  rows = defaultRows();
  relabel();
  element.dataset.state = 'loading';
  const beatsReady = loadBeats().then(() => {
    rows = defaultRows();
    renderForm();
    if (element.dataset.state === 'loading') element.dataset.state = 'idle';
  });

  return {
    element,
    run,
    refresh: relabel,
    destroy: () => {
      running?.abort();
      langObserver.disconnect();
      planClient.terminate();
      element.remove();
    },
  };
}
