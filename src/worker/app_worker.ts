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
        await clearIfDemo(d);
        const summary = await ingestFiles(d, sources, {
          ...req.options, signal: ctrl.signal,
          onProgress: (progress) => post({ id: req.id, type: 'progress', progress }),
        });
        await d.checkpoint();
        post({ id: req.id, type: 'result', result: summary });
        break;
      }
      case 'importDemo': {
        dataset = null;
        const d = await database();
        const res = await fetch(req.url);
        if (!res.ok) throw new Error(`the demo data (${req.url}) could not be read: HTTP ${res.status}`);
        const bytes = new Uint8Array(await res.arrayBuffer());
        const name = req.url.split('/').pop()!;
        const summary = await ingestFiles(d, [{ name, size: bytes.length, head: bytes, readAll: async () => bytes }], {
          defaultCategory: req.category, signal: ctrl.signal,
          onProgress: (progress) => post({ id: req.id, type: 'progress', progress }),
        });
        await markDemo(d);
        await d.checkpoint();
        post({ id: req.id, type: 'result', result: summary });
        break;
      }
      case 'incidents': {
        const cols = await loadIncidentColumns(await database(), req.filter);
        const buffers = [cols.xs, cols.ys, cols.lons, cols.lats, cols.monthIndex, cols.hour, cols.dow, cols.categoryCode, cols.areaCode].map((a) => a.buffer);
        post({ id: req.id, type: 'result', result: cols }, buffers);
        break;
      }
      case 'clear': {
        dataset = null;
        if (db) await db.close();
        db = null;
        await deleteStoredDatabase();
        post({ id: req.id, type: 'result', result: await status(await database()) });
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
