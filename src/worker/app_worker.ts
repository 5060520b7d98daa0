/**
 * The app worker: owns the browser database and does the heavy work off the main thread.
 * Requests are handled one at a time in arrival order, except `cancel`, which aborts the
 * request it names at its next checkpoint (or before it starts, if it is still queued).
 *
 * For analysis the stored incidents are loaded once as typed columns and kept here; filters are
 * then applied to the arrays (select_incidents.ts). Any change of the stored data drops them.
 */
import { WasmDb, deleteStoredDatabase, fileSource } from '../data/wasm_db.ts';
import { AbortError, ensureSchema, ingestFiles } from '../data/ingest.ts';
import { loadIncidentColumns } from '../data/incidents.ts';
import { T } from '../data/schema.ts';
import { clearIfDemo, markDemo } from '../data/dataset.ts';
import type { IncidentColumns } from '../data/incident_columns.ts';
import type { IngestProgress, IngestSummary } from '../data/ingest.ts';
import type { DatasetStatus, Request, Response } from './protocol.ts';
import { analyse, loadedDataset, transferables, type LoadedDataset, type StudyContext } from './analyse.ts';
import { incidentDetail } from './incident_detail.ts';
import { beatIndex, streetNameIndex } from './study_context.ts';

declare const self: DedicatedWorkerGlobalScope;

let db: WasmDb | null = null;
let persist = true;
const controllers = new Map<number, AbortController>();
/** Ids cancelled before they started. */
const cancelledEarly = new Set<number>();
/** The request being handled now (a cancel stops DuckDB only for that one). */
let running: Request | null = null;
/** The stored incidents as columns, loaded on the first analysis after a change. */
let dataset: LoadedDataset | null = null;
const context: StudyContext = { beats: null, streets: null };

async function loaded(): Promise<LoadedDataset> {
  if (!dataset) dataset = loadedDataset(await loadIncidentColumns(await database()));
  return dataset;
}

async function fetchJson(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url} could not be read: HTTP ${res.status}`);
  return res.json();
}

const post = (msg: Response, transfer: Transferable[] = []) => self.postMessage(msg, transfer);

async function database(): Promise<WasmDb> {
  if (!db) {
    db = await WasmDb.open(persist);
    await ensureSchema(db);
  }
  return db;
}

async function status(d: WasmDb): Promise<DatasetStatus> {
  const [s] = await d.rows<{ n: number; first: string | null; last: string | null; crs: string | null; tk: number | null }>(
    `SELECT count(*) AS n, min(month) AS first, max(month) AS last, (SELECT value FROM ${T.meta} WHERE key = 'crs') AS crs,
       avg(CASE WHEN time_known THEN 1 ELSE 0 END) AS tk FROM ${T.incidents}`);
  const categories = await d.rows<{ name: string; n: number }>(
    `SELECT COALESCE(category, '') AS name, count(*) AS n FROM ${T.incidents} GROUP BY 1 ORDER BY n DESC`);
  const reasons = await d.rows<{ reason: string; n: number }>(`SELECT reason, count(*) AS n FROM ${T.rejects} GROUP BY 1 ORDER BY 1`);
  const imports = await d.rows<{ source: string; format: string; accepted: number; rejected: number }>(
    `SELECT source, format, accepted, rejected FROM ${T.imports} ORDER BY import_id`);
  return {
    persistent: d.persistent,
    crs: s.crs ?? '',
    incidents: Number(s.n),
    rejected: reasons.reduce((a, r) => a + Number(r.n), 0),
    rejectedByReason: Object.fromEntries(reasons.map((r) => [r.reason, Number(r.n)])),
    firstMonth: s.first,
    lastMonth: s.last,
    categories: categories.map((c) => ({ name: c.name, n: Number(c.n) })),
    imports: imports.map((i) => ({ ...i, accepted: Number(i.accepted), rejected: Number(i.rejected) })),
    timeKnownShare: Number(s.tk ?? 0),
  };
}

/** The buffers of the columns, for transfer. */
const columnBuffers = (c: IncidentColumns): ArrayBuffer[] =>
  [c.xs, c.ys, c.lons, c.lats, c.monthIndex, c.hour, c.dow, c.categoryCode, c.areaCode].map((a) => a.buffer as ArrayBuffer);

/** A copy of the columns that can be transferred while the worker keeps its own for analysis. */
const copyColumns = (c: IncidentColumns): IncidentColumns => ({
  ...c,
  xs: c.xs.slice(), ys: c.ys.slice(), lons: c.lons.slice(), lats: c.lats.slice(), monthIndex: c.monthIndex.slice(),
  hour: c.hour.slice(), dow: c.dow.slice(), categoryCode: c.categoryCode.slice(), areaCode: c.areaCode.slice(),
  categories: [...c.categories], areas: [...c.areas],
});

/**
 * The import summary of everything stored, rebuilt from the imports, rejects and incidents tables
 * in the shape the importer returns (examples worded as the importer words them).
 */
async function importSummary(d: WasmDb): Promise<IngestSummary> {
  const imports = await d.rows<{ id: number; source: string; format: string; read: number; accepted: number; rejected: number }>(
    `SELECT import_id AS id, source, format, rows_read AS read, accepted, rejected FROM ${T.imports} ORDER BY import_id`);
  const reasons = await d.rows<{ id: number; reason: string; n: number }>(
    `SELECT import_id AS id, reason, count(*) AS n FROM ${T.rejects} GROUP BY 1, 2 ORDER BY 1, 2`);
  const examples = await d.rows<{ id: number; source: string; row: number; reason: string; detail: string | null }>(
    `SELECT import_id AS id, source, source_row AS row, reason, detail FROM (
       SELECT *, row_number() OVER (PARTITION BY import_id ORDER BY source_row) AS k FROM ${T.rejects}) WHERE k <= 5 ORDER BY 1, 3`);
  const months = await d.rows<{ id: number; month: string; n: number }>(
    `SELECT import_id AS id, month, count(*) AS n FROM ${T.incidents} GROUP BY 1, 2 ORDER BY 1, 2`);
  const [meta] = await d.rows<{ crs: string | null }>(`SELECT (SELECT value FROM ${T.meta} WHERE key = 'crs') AS crs`);
  const sum: IngestSummary = { accepted: 0, rejected: 0, rejectedByReason: {}, months: {}, crs: meta?.crs ?? '', files: [] };
  const add = (to: Record<string, number>, key: string, n: number) => { to[key] = (to[key] ?? 0) + n; };
  for (const i of imports) {
    const id = Number(i.id);
    const byReason: Record<string, number> = {};
    for (const r of reasons) if (Number(r.id) === id) add(byReason, r.reason, Number(r.n));
    const perMonth: Record<string, number> = {};
    for (const m of months) if (Number(m.id) === id) add(perMonth, m.month, Number(m.n));
    sum.files.push({
      file: i.source, format: i.format as IngestSummary['files'][number]['format'],
      read: Number(i.read), accepted: Number(i.accepted), rejected: Number(i.rejected), rejectedByReason: byReason, months: perMonth,
      notes: [],
      examples: examples.filter((e) => Number(e.id) === id).map((e) => `${e.source}, row ${e.row}: ${e.reason} (${e.detail ?? ''})`),
    });
  }
  // Totals from the tables themselves (what is stored now), not from the per-import figures.
  for (const r of reasons) add(sum.rejectedByReason, r.reason, Number(r.n));
  for (const m of months) add(sum.months, m.month, Number(m.n));
  sum.rejected = Object.values(sum.rejectedByReason).reduce((a, b) => a + b, 0);
  sum.accepted = Object.values(sum.months).reduce((a, b) => a + b, 0);
  return sum;
}

/** Import the bundled demo from the app's own folder and mark the data as the demo. */
async function importDemo(d: WasmDb, url: string, category: string, signal?: AbortSignal,
  onProgress?: (p: IngestProgress) => void): Promise<IngestSummary> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`the demo data (${url}) could not be read: HTTP ${res.status}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const name = url.split('/').pop()!;
  const summary = await ingestFiles(d, [{ name, size: bytes.length, head: bytes, readAll: async () => bytes }], {
    defaultCategory: category, signal, onProgress,
  });
  await markDemo(d);
  return summary;
}

/** What an empty database reports (after "delete all data", before anything is opened again). */
function emptyStatus(): DatasetStatus {
  return {
    persistent: persist, crs: '', incidents: 0, rejected: 0, rejectedByReason: {}, firstMonth: null, lastMonth: null,
    categories: [], imports: [], timeKnownShare: 0,
  };
}

async function handle(req: Request): Promise<void> {
  if (cancelledEarly.delete(req.id)) {
    post({ id: req.id, type: 'error', error: { name: 'AbortError', message: 'cancelled before it started' } });
    return;
  }
  const ctrl = new AbortController();
  controllers.set(req.id, ctrl);
  if (req.type !== 'cancel') running = req;
  try {
    switch (req.type) {
      case 'init': {
        persist = req.persist ?? true;
        post({ id: req.id, type: 'result', result: await status(await database()) });
        break;
      }
      case 'status':
        post({ id: req.id, type: 'result', result: await status(await database()) });
        break;
      case 'import': {
        dataset = null;
        const d = await database();
        const sources = await Promise.all(req.files.map(fileSource));
        const replacedDemo = await clearIfDemo(d);
        let summary: IngestSummary;
        try {
          summary = await ingestFiles(d, sources, {
            ...req.options, signal: ctrl.signal,
            onProgress: (progress) => post({ id: req.id, type: 'progress', progress }),
          });
        } catch (e) {
          if (replacedDemo && req.demo) await importDemo(d, req.demo.url, req.demo.category);
          throw e;
        }
        // Nothing of the user's files was usable: the demo they had is put back.
        if (replacedDemo && summary.accepted === 0 && req.demo) await importDemo(d, req.demo.url, req.demo.category);
        await d.checkpoint();
        post({ id: req.id, type: 'result', result: summary });
        break;
      }
      case 'importDemo': {
        dataset = null;
        const d = await database();
        const summary = await importDemo(d, req.url, req.category, ctrl.signal,
          (progress) => post({ id: req.id, type: 'progress', progress }));
        await d.checkpoint();
        post({ id: req.id, type: 'result', result: summary });
        break;
      }
      case 'incidents': {
        const cols = await loadIncidentColumns(await database(), req.filter);
        post({ id: req.id, type: 'result', result: cols }, columnBuffers(cols));
        break;
      }
      case 'clear': {
        dataset = null;
        if (db) await db.close();
        db = null;
        await deleteStoredDatabase();
        // Not reopened here: that would write a new, empty database file at once. The next
        // request opens it again.
        post({ id: req.id, type: 'result', result: emptyStatus() });
        break;
      }
      case 'analyse': {
        const ds = await loaded();
        ctrl.signal.throwIfAborted();
        const result = await analyse(ds, req.filter, req.params, context, ctrl.signal);
        post({ id: req.id, type: 'result', result }, transferables(result));
        break;
      }
      case 'incidentDetail':
        post({ id: req.id, type: 'result', result: await incidentDetail(await database(), req.row) });
        break;
      case 'context': {
        const [beats, streets] = await Promise.all([
          req.beatsUrl ? fetchJson(req.beatsUrl).then((fc) => beatIndex(fc as Parameters<typeof beatIndex>[0])) : null,
          req.streetsUrl ? fetchJson(req.streetsUrl).then((fc) => streetNameIndex(fc as Parameters<typeof streetNameIndex>[0])) : null,
        ]);
        context.beats = beats;
        context.streets = streets;
        post({ id: req.id, type: 'result', result: { beats: beats?.names.length ?? 0, namedStreetSegments: streets?.ax.length ?? 0 } });
        break;
      }
      case 'reportData': {
        const incidents = copyColumns((await loaded()).cols);
        ctrl.signal.throwIfAborted();
        const summary = await importSummary(await database());
        post({ id: req.id, type: 'result', result: { incidents, summary } }, columnBuffers(incidents));
        break;
      }
      case 'cancel': {
        const target = controllers.get(req.target);
        if (target) {
          target.abort();
          // Stop DuckDB only when the cancelled request is the one running a query now.
          if (db && running?.id === req.target) await db.cancel();
        } else cancelledEarly.add(req.target);
        post({ id: req.id, type: 'result', result: null });
        break;
      }
    }
  } catch (e) {
    const err = e as Error;
    const aborted = err instanceof AbortError || ctrl.signal.aborted;
    post({ id: req.id, type: 'error', error: { name: aborted ? 'AbortError' : err.name, message: err.message } });
  } finally {
    controllers.delete(req.id);
    if (running === req) running = null;
  }
}

// One request at a time, except cancel, which must overtake the work it cancels.
let queue: Promise<void> = Promise.resolve();
self.onmessage = (ev: MessageEvent<Request>) => {
  const req = ev.data;
  if (req.type === 'cancel') void handle(req);
  else queue = queue.then(() => handle(req));
};
