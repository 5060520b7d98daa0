/**
 * The app worker: owns the browser database and does the heavy work off the main thread.
 * Requests are handled one at a time in arrival order, except `cancel`, which aborts the
 * request it names at its next checkpoint.
 */
import { WasmDb, deleteStoredDatabase, fileSource } from '../data/wasm_db.ts';
import { AbortError, ensureSchema, ingestFiles } from '../data/ingest.ts';
import { loadIncidentColumns } from '../data/incidents.ts';
import { T } from '../data/schema.ts';
import { clearIfDemo, markDemo } from '../data/dataset.ts';
import type { DatasetStatus, Request, Response } from './protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

let db: WasmDb | null = null;
let persist = true;
const controllers = new Map<number, AbortController>();

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
  const ctrl = new AbortController();
  controllers.set(req.id, ctrl);
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
        if (db) await db.close();
        db = null;
        await deleteStoredDatabase();
        post({ id: req.id, type: 'result', result: await status(await database()) });
        break;
      }
      case 'cancel':
        controllers.get(req.target)?.abort();
        if (db) await db.cancel();
        post({ id: req.id, type: 'result', result: null });
        break;
    }
  } catch (e) {
    const err = e as Error;
    post({ id: req.id, type: 'error', error: { name: err instanceof AbortError ? 'AbortError' : err.name, message: err.message } });
  } finally {
    controllers.delete(req.id);
  }
}

// One request at a time, except cancel, which must overtake the work it cancels.
let queue: Promise<void> = Promise.resolve();
self.onmessage = (ev: MessageEvent<Request>) => {
  const req = ev.data;
  if (req.type === 'cancel') void handle(req);
  else queue = queue.then(() => handle(req));
};
