/**
 * The import control: "Import incidents" (file input and drag-and-drop), progress with cancel,
 * and the import summary in a status region. Opens the bundled demo on a first visit.
 * Sentences follow the interface language (i18n.ts); the English ones are those of issue 2.
 */
import type { WorkerClient } from '../worker/client.ts';
import type { IngestSummary } from '../data/ingest.ts';
import type { DatasetStatus } from '../worker/protocol.ts';
import type { I18n } from './i18n.ts';

export interface ImportPanelOptions {
  demoUrl: string;
  demoCategory: string;
  /** Called after every change of the stored data. */
  onData?: (status: DatasetStatus) => void;
  /** Interface language; English when absent. */
  i18n?: I18n;
  /** Where files may be dropped (default: `root`). */
  dropTarget?: HTMLElement;
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] => {
  const e: HTMLElementTagNameMap[K] = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
};

/** Summary sentence of an import, as the status region reads it. */
export function describeImport(s: IngestSummary): string {
  const reasons = Object.entries(s.rejectedByReason).map(([r, n]) => `${n} ${r.replaceAll('_', ' ')}`).join(', ');
  const months = Object.keys(s.months);
  const span = months.length ? ` (${months[0]}${months.length > 1 ? ` to ${months[months.length - 1]}` : ''})` : '';
  const failed = s.files.filter((f) => f.error).map((f) => f.error).join(' ');
  return `Imported ${s.accepted} incidents from ${s.files.length} file${s.files.length === 1 ? '' : 's'}${span}; ` +
    `rejected ${s.rejected}${reasons ? `: ${reasons}` : ''}.${failed ? ` ${failed}` : ''}`;
}

export function describeStatus(s: DatasetStatus): string {
  if (!s.incidents) return 'No incidents stored yet.';
  return `${s.incidents} incidents stored${s.firstMonth ? `, ${s.firstMonth} to ${s.lastMonth}` : ''}` +
    `${s.rejected ? `; ${s.rejected} rows rejected` : ''}${s.persistent ? '' : ' (this browser cannot keep data after a reload)'}.`;
}

const LT_REASONS: Record<string, string> = {
  no_coordinates: 'be koordinačių', zero_coordinates: 'nulinės koordinatės', invalid_coordinates: 'netinkamos koordinatės',
  outside_study_area: 'už tyrimo teritorijos', no_date: 'be datos', unparseable_date: 'neatpažinta data',
  outside_months: 'už pasirinktų mėnesių', already_imported: 'jau importuota', duplicate_id: 'pasikartojantis id',
  malformed_row: 'netvarkinga eilutė', swapped_coordinates: 'sukeistos koordinatės', implausible_date: 'neįtikima data',
};

/**
 * Set when the user deletes all data, so the demo is not imported again on the next visit; removed
 * when they load the demo themselves. A flag, not data: nothing of the incidents is in it.
 */
const DEMO_DECLINED = 'sargas:demo-declined';
const demoDeclined = () => {
  try {
    return localStorage.getItem(DEMO_DECLINED) === '1';
  } catch {
    return false;
  }
};
const setDemoDeclined = (on: boolean) => {
  try {
    if (on) localStorage.setItem(DEMO_DECLINED, '1');
    else localStorage.removeItem(DEMO_DECLINED);
  } catch {
    /* storage disabled: the demo simply comes back */
  }
};
const LT_PHASES: Record<string, string> = { reading: 'skaitoma', parsing: 'nagrinėjama', checking: 'tikrinama', saving: 'įrašoma', done: 'baigta' };

function describeImportIn(i18n: I18n | undefined, s: IngestSummary): string {
  if (!i18n || i18n.locale === 'en') return describeImport(s);
  const reasons = Object.entries(s.rejectedByReason).map(([r, n]) => `${i18n.n(n)} ${LT_REASONS[r] ?? r.replaceAll('_', ' ')}`).join(', ');
  const months = Object.keys(s.months);
  const span = months.length ? ` (${months[0]}${months.length > 1 ? ` – ${months[months.length - 1]}` : ''})` : '';
  const failed = s.files.filter((f) => f.error).map((f) => f.error).join(' ');
  return i18n.t('import.imported', { accepted: s.accepted, files: s.files.length, span, rejected: s.rejected, reasons: reasons ? `: ${reasons}` : '' }) + (failed ? ` ${failed}` : '');
}

function describeStatusIn(i18n: I18n | undefined, s: DatasetStatus): string {
  if (!i18n || i18n.locale === 'en') return describeStatus(s);
  if (!s.incidents) return i18n.t('import.none');
  return i18n.t('import.stored', {
    n: s.incidents,
    span: s.firstMonth ? `, ${s.firstMonth} – ${s.lastMonth}` : '',
    rejected: s.rejected ? `; atmesta eilučių: ${i18n.n(s.rejected)}` : '',
    memory: s.persistent ? '' : ' (ši naršyklė negali išsaugoti duomenų po perkrovimo)',
  });
}

export function mountImportPanel(root: HTMLElement, client: WorkerClient, opts: ImportPanelOptions): void {
  const i18n = opts.i18n;
  const tr = (key: Parameters<I18n['t']>[0], english: string, vars: Record<string, string | number> = {}) =>
    !i18n || i18n.locale === 'en' ? english : i18n.t(key, vars);
  const input = el('input', { type: 'file', id: 'import-input', multiple: true, accept: '.csv,.tsv,.txt,.gz,.json,.geojson,.parquet' });
  const label = el('label', { htmlFor: 'import-input', className: 'import-label' }, 'Import incidents');
  const status = el('div', { id: 'import-status', className: 'status' });
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const progress = el('progress', { id: 'import-progress', max: 1, value: 0, hidden: true });
  const cancel = el('button', { type: 'button', id: 'import-cancel', hidden: true }, 'Cancel import');
  const loadDemo = el('button', { type: 'button', id: 'load-demo', hidden: true }, 'Load the demo');
  const remove = el('button', { type: 'button', id: 'delete-all', className: 'danger' }, 'Delete all data');
  const panel = el('section', { className: 'import-panel', ariaLabel: 'Import' }, label, input, progress, cancel, status, loadDemo, remove);
  root.append(panel);

  // The status sentence is kept as a function, so a change of language rewrites it.
  let message: () => string = () => '';
  const say = (m: () => string) => {
    message = m;
    status.textContent = m();
  };
  i18n?.watch(() => {
    label.textContent = tr('import.label', 'Import incidents');
    cancel.textContent = tr('import.cancel', 'Cancel import');
    panel.ariaLabel = tr('import.region', 'Import');
    progress.ariaLabel = tr('import.progressLabel', 'Import progress');
    loadDemo.textContent = tr('import.loadDemo', 'Load the demo');
    remove.textContent = tr('import.delete', 'Delete all data');
    status.textContent = message();
  });

  let running: AbortController | null = null;
  const runImport = async (work: (signal: AbortSignal) => Promise<IngestSummary>) => {
    running?.abort();
    const ctrl = new AbortController();
    running = ctrl;
    progress.hidden = false;
    cancel.hidden = false;
    progress.value = 0;
    try {
      const summary = await work(ctrl.signal);
      say(() => describeImportIn(i18n, summary));
    } catch (e) {
      const err = e as Error;
      say(() => err.name === 'AbortError'
        ? tr('import.cancelled', 'Import cancelled; nothing of it was kept.')
        : tr('import.failed', `Import failed: ${err.message}`, { message: err.message }));
    } finally {
      if (running === ctrl) {
        running = null;
        progress.hidden = true;
        cancel.hidden = true;
      }
      const s = await client.call({ type: 'status' });
      loadDemo.hidden = s.incidents > 0;
      opts.onData?.(s);
    }
  };
  const demo = { url: opts.demoUrl, category: opts.demoCategory };
  const onProgress = (p: { fileIndex: number; files: number; phase: string; file: string }) => {
    const phases = ['reading', 'parsing', 'checking', 'saving', 'done'];
    progress.value = (p.fileIndex + (phases.indexOf(p.phase) + 1) / phases.length) / p.files;
    say(() => tr('import.progress', `Importing ${p.file} (${p.fileIndex + 1} of ${p.files}): ${p.phase}…`,
      { file: p.file, i: p.fileIndex + 1, n: p.files, phase: LT_PHASES[p.phase] ?? p.phase }));
  };
  const importFiles = (files: File[]) =>
    files.length && runImport((signal) => client.call({ type: 'import', files, demo }, { signal, onProgress }));
  const importDemo = () =>
    runImport((signal) => client.call({ type: 'importDemo', url: opts.demoUrl, category: opts.demoCategory }, { signal, onProgress }));

  loadDemo.addEventListener('click', () => {
    setDemoDeclined(false);
    void importDemo();
  });
  remove.addEventListener('click', async () => {
    if (!window.confirm(tr('import.deleteConfirm', 'Delete every imported incident, reject and import record from this browser? This cannot be undone.'))) return;
    running?.abort();
    try {
      const before = await client.call({ type: 'status' });
      const s = await client.call({ type: 'clear' });
      setDemoDeclined(true);
      loadDemo.hidden = false;
      say(() => tr('import.deleted', `All data deleted from this browser (${before.incidents} incidents). Import incidents, or load the demo.`, { n: before.incidents }));
      opts.onData?.(s);
    } catch (e) {
      const msg = (e as Error).message;
      say(() => tr('import.failed', `Import failed: ${msg}`, { message: msg }));
    }
  });

  input.addEventListener('change', () => {
    void importFiles([...(input.files ?? [])]);
    input.value = '';
  });
  cancel.addEventListener('click', () => running?.abort());
  const dropTarget = opts.dropTarget ?? root;
  dropTarget.addEventListener('dragover', (ev) => ev.preventDefault());
  dropTarget.addEventListener('drop', (ev) => {
    ev.preventDefault();
    void importFiles([...(ev.dataTransfer?.files ?? [])]);
  });

  void (async () => {
    say(() => tr('import.starting', 'Starting the database…'));
    try {
      const s = await client.call({ type: 'init' });
      if (s.incidents === 0 && !demoDeclined()) {
        await importDemo();
      } else if (s.incidents === 0) {
        loadDemo.hidden = false;
        say(() => tr('import.noneDeclined', 'No incidents stored. Import incidents, or load the demo.'));
        opts.onData?.(s);
      } else {
        say(() => describeStatusIn(i18n, s));
        opts.onData?.(s);
      }
    } catch (e) {
      const msg = (e as Error).message;
      say(() => tr('import.dbFailed', `The database could not start: ${msg}`, { message: msg }));
    }
  })();
}
