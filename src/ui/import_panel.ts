/**
 * The import control: "Import incidents" (file input and drag-and-drop), progress with cancel,
 * and the import summary in a status region. Opens the bundled demo on a first visit.
 */
import type { WorkerClient } from '../worker/client.ts';
import type { IngestSummary } from '../data/ingest.ts';
import type { DatasetStatus } from '../worker/protocol.ts';

export interface ImportPanelOptions {
  demoUrl: string;
  demoCategory: string;
  /** Called after every change of the stored data. */
  onData?: (status: DatasetStatus) => void;
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

export function mountImportPanel(root: HTMLElement, client: WorkerClient, opts: ImportPanelOptions): void {
  const input = el('input', { type: 'file', id: 'import-input', multiple: true, accept: '.csv,.tsv,.txt,.gz,.json,.geojson,.parquet' });
  const label = el('label', { htmlFor: 'import-input', className: 'import-label' }, 'Import incidents');
  const status = el('div', { id: 'import-status', className: 'status' });
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const progress = el('progress', { id: 'import-progress', max: 1, value: 0, hidden: true });
  const cancel = el('button', { type: 'button', id: 'import-cancel', hidden: true }, 'Cancel import');
  const panel = el('section', { className: 'import-panel', ariaLabel: 'Import' }, label, input, progress, cancel, status);
  root.append(panel);

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
      status.textContent = describeImport(summary);
    } catch (e) {
      const err = e as Error;
      status.textContent = err.name === 'AbortError' ? 'Import cancelled; nothing of it was kept.' : `Import failed: ${err.message}`;
    } finally {
      if (running === ctrl) {
        running = null;
        progress.hidden = true;
        cancel.hidden = true;
      }
      const s = await client.call({ type: 'status' });
      opts.onData?.(s);
    }
  };
  const onProgress = (p: { fileIndex: number; files: number; phase: string; file: string }) => {
    const phases = ['reading', 'parsing', 'checking', 'saving', 'done'];
    progress.value = (p.fileIndex + (phases.indexOf(p.phase) + 1) / phases.length) / p.files;
    status.textContent = `Importing ${p.file} (${p.fileIndex + 1} of ${p.files}): ${p.phase}…`;
  };
  const importFiles = (files: File[]) =>
    files.length && runImport((signal) => client.call({ type: 'import', files }, { signal, onProgress }));

  input.addEventListener('change', () => {
    void importFiles([...(input.files ?? [])]);
    input.value = '';
  });
  cancel.addEventListener('click', () => running?.abort());
  root.addEventListener('dragover', (ev) => ev.preventDefault());
  root.addEventListener('drop', (ev) => {
    ev.preventDefault();
    void importFiles([...(ev.dataTransfer?.files ?? [])]);
  });

  void (async () => {
    status.textContent = 'Starting the database…';
    try {
      const s = await client.call({ type: 'init' });
      if (s.incidents === 0) {
        await runImport((signal) => client.call({ type: 'importDemo', url: opts.demoUrl, category: opts.demoCategory }, { signal, onProgress }));
      } else {
        status.textContent = describeStatus(s);
        opts.onData?.(s);
      }
    } catch (e) {
      status.textContent = `The database could not start: ${(e as Error).message}`;
    }
  })();
}
