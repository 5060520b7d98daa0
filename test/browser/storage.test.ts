/**
 * Issue 7 in the browser: what the app keeps in the browser's storage.
 *
 * - Imported data survive a reload (OPFS).
 * - A storage quota error is reported, naming the file and the cause, and leaves the data stored
 *   before intact (the browser's quota is lowered through the DevTools protocol,
 *   Storage.overrideQuotaForOrigin, so OPFS writes fail as they do on a full profile).
 * - Deleting all data empties the database: the app worker's `clear` request (src/worker/protocol.ts)
 *   is sent to the built worker from a blank page of the app's origin, and the origin-private file
 *   system is listed before and after. Then the same through the workspace's "Delete all data"
 *   control, and the demo is not imported again after a reload.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession } from 'playwright-core';
import { openApp, root, type App } from './harness.ts';

interface StoredFile { name: string; kind: string; size: number | null }
interface WorkerStatus { incidents: number; rejected: number; imports: unknown[]; persistent: boolean }

const assets = readdirSync(join(root, 'dist/assets'));
const appWorker = assets.find((f) => /^app_worker-.*\.js$/.test(f));
/** A page of the app's origin that is not the app: the build's stylesheet, shown as text. */
const plainPage = assets.find((f) => f.endsWith('.css'));

describe('browser storage: persistence, quota, delete all', () => {
  let app: App;
  let cdp: CDPSession;
  let origin: string;
  const status = () => app.page.getByRole('status');
  const statusText = () => expect.poll(async () => (await status().textContent()) ?? '', { timeout: 90_000 });

  beforeAll(async () => {
    app = await openApp();
    origin = new URL(app.url).origin;
    cdp = await app.context.newCDPSession(app.page);
  });
  afterAll(async () => {
    await cdp?.send('Storage.overrideQuotaForOrigin', { origin }).catch(() => undefined);
    await app?.close();
  });

  it('keeps an imported extract over a reload', async () => {
    await statusText().toMatch(/^Imported 3763 incidents/);
    await app.page.getByLabel('Import incidents', { exact: true }).setInputFiles(join(root, 'test/fixtures/police_uk/2019-07-city-of-london-street.csv'));
    await statusText().toMatch(/^Imported 820 incidents from 1 file \(2019-07\)/);
    await app.page.reload();
    await statusText().toBe('820 incidents stored, 2019-07 to 2019-07; 46 rows rejected.');
  });

  it('reports a full storage quota, naming the file, and keeps what was stored', async () => {
    const { usage } = await app.page.evaluate(() => navigator.storage.estimate());
    // Room for a few more kilobytes; 150,000 rows need megabytes.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: (usage ?? 0) + 4096 });
    const rows = Array.from({ length: 150_000 }, (_, i) =>
      `2019-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:00,theft,${(-87.72 + (i % 1000) * 0.00004).toFixed(5)},${(41.90 + (i % 997) * 0.00004).toFixed(5)}`);
    await app.page.getByLabel('Import incidents', { exact: true }).setInputFiles({
      name: 'big_extract.csv', mimeType: 'text/csv', buffer: Buffer.from(['date,category,lon,lat', ...rows].join('\n') + '\n'),
    });
    await statusText().toMatch(/big_extract\.csv: the storage is full \(.+\); nothing of this file was kept\. Free some space or delete data, then import it again$/);
    expect(await status().textContent()).toMatch(/^Imported 0 incidents from 1 file; rejected 0\./);
    await app.screenshot('storage-quota-error');
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await app.page.reload();
    await statusText().toBe('820 incidents stored, 2019-07 to 2019-07; 46 rows rejected.');
  });

  it("empties the database with the worker's clear request, for this and every later start", async () => {
    expect(appWorker, 'the built app worker in dist/assets').toBeDefined();
    // A plain page of the same origin, so no app page holds the database open.
    expect(plainPage).toBeDefined();
    await app.page.goto(app.url + `assets/${plainPage}`);
    await app.page.waitForTimeout(500);
    const result = await app.page.evaluate(async (workerUrl) => {
      type Msg = { id: number; type: string; result?: unknown; error?: { message: string } };
      const call = (w: Worker, id: number, req: Record<string, unknown>) => new Promise<unknown>((ok, fail) => {
        const onMessage = (ev: MessageEvent<Msg>) => {
          if (ev.data.id !== id || ev.data.type === 'progress') return;
          w.removeEventListener('message', onMessage);
          if (ev.data.type === 'result') ok(ev.data.result);
          else fail(new Error(ev.data.error?.message));
        };
        w.addEventListener('message', onMessage);
        w.postMessage({ ...req, id });
      });
      const list = async () => {
        const dir = await navigator.storage.getDirectory() as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> };
        const out: { name: string; kind: string; size: number | null }[] = [];
        for await (const [name, h] of dir.entries()) {
          out.push({ name, kind: h.kind, size: h.kind === 'file' ? (await (h as FileSystemFileHandle).getFile()).size : null });
        }
        return out.sort((a, b) => a.name.localeCompare(b.name));
      };
      const start = () => new Worker(new URL(workerUrl, location.href), { type: 'module' });

      const w1 = start();
      const before = await call(w1, 1, { type: 'init' });
      const filesBefore = await list();
      const cleared = await call(w1, 2, { type: 'clear' });
      w1.terminate();
      await new Promise((ok) => setTimeout(ok, 500));
      const filesAfter = await list();
      // A later start (what a reload does) finds nothing.
      const w2 = start();
      const later = await call(w2, 1, { type: 'init' });
      w2.terminate();
      return {
        before, cleared, later, filesBefore, filesAfter,
        otherStorage: {
          localStorage: Object.keys(localStorage),
          indexedDB: (await indexedDB.databases()).map((d) => d.name),
          caches: await caches.keys(),
        },
      };
    }, `${appWorker}`);
    const db = (files: StoredFile[]) => files.find((f) => f.name === 'sargas.duckdb');
    const before = result.before as WorkerStatus, cleared = result.cleared as WorkerStatus, later = result.later as WorkerStatus;
    expect(before.persistent).toBe(true);
    expect(before.incidents).toBe(820);
    expect([cleared.incidents, cleared.rejected, cleared.imports]).toEqual([0, 0, []]);
    expect([later.incidents, later.rejected, later.imports, later.persistent]).toEqual([0, 0, [], true]);
    // OPFS holds the database file and nothing else; after the clear nothing at all (the worker
    // does not reopen the database until it is asked for something).
    expect(result.filesBefore.filter((f) => !/^sargas\.duckdb(\.wal)?$/.test(f.name))).toEqual([]);
    expect(db(result.filesBefore)?.size).toBeGreaterThan(0);
    expect(result.filesAfter).toEqual([]);
    // Nothing else of the data is stored elsewhere: no IndexedDB, no caches; localStorage holds at
    // most the interface language.
    expect(result.otherStorage.indexedDB).toEqual([]);
    expect(result.otherStorage.caches).toEqual([]);
    expect(result.otherStorage.localStorage.filter((k) => !/locale|lang/i.test(k))).toEqual([]);
  });

  it('"Delete all data" in the workspace empties the browser, and the demo stays away after a reload', async () => {
    await app.page.goto(app.url);
    // The database was emptied by the previous test, so a first visit imports the demo.
    await statusText().toMatch(/^Imported 3763 incidents/);
    app.page.once('dialog', (d) => void d.accept());
    await app.page.getByRole('button', { name: 'Delete all data' }).click();
    await statusText().toBe('All data deleted from this browser (3763 incidents). Import incidents, or load the demo.');
    const files = await app.page.evaluate(async () => {
      const dir = await navigator.storage.getDirectory() as unknown as { keys(): AsyncIterable<string> };
      const out: string[] = [];
      for await (const k of dir.keys()) out.push(k);
      return out;
    });
    // Whatever the page asked for after the delete may have opened a new, empty database; none of
    // the 3,763 incidents is in it.
    expect(files.filter((f) => !/^sargas\.duckdb(\.wal)?$/.test(f))).toEqual([]);
    await app.page.reload();
    await statusText().toBe('No incidents stored. Import incidents, or load the demo.');
    await app.page.getByRole('button', { name: 'Load the demo' }).click();
    await statusText().toMatch(/^Imported 3763 incidents/);
  });

  it('made no request to any other origin', () => {
    expect(app.foreign()).toEqual([]);
    expect(app.failed).toEqual([]);
    // The plain stylesheet page (unlike the app, which names a data: icon) asks for /favicon.ico.
    expect(app.errors.filter((e) => e !== 'Failed to load resource: the server responded with a status of 404 (Not Found)')).toEqual([]);
  });
});
