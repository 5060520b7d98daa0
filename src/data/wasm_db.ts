/**
 * DuckDB-WASM (the browser engine), run from our app worker. The database lives in the
 * browser's origin-private file system (OPFS) so imported data survives a reload; where OPFS
 * is not available it falls back to memory and says so.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { SqlEngine } from './engine.ts';
import { sessionSettingsSql } from './schema.ts';

export const DB_FILE = 'sargas.duckdb';

export class WasmDb implements SqlEngine {
  private files = new Set<string>();

  private constructor(
    readonly db: duckdb.AsyncDuckDB,
    readonly conn: duckdb.AsyncDuckDBConnection,
    readonly worker: Worker,
    /** True when the data persists in OPFS. */
    readonly persistent: boolean,
  ) {}

  /** Start DuckDB-WASM and open the persistent database (or memory when `persist` is false or OPFS is missing). */
  static async open(persist = true): Promise<WasmDb> {
    const worker = new Worker(new URL(workerUrl, self.location.href).href);
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    await db.instantiate(new URL(wasmUrl, self.location.href).href);
    let persistent = false;
    if (persist && (await opfsAvailable())) {
      try {
        await db.open({
          path: `opfs://${DB_FILE}`,
          accessMode: duckdb.DuckDBAccessMode.READ_WRITE,
          query: { castBigIntToDouble: true },
        });
        persistent = true;
      } catch {
        persistent = false;
      }
    }
    if (!persistent) await db.open({ query: { castBigIntToDouble: true } });
    const conn = await db.connect();
    await conn.query(sessionSettingsSql);
    return new WasmDb(db, conn, worker, persistent);
  }

  async run(sql: string): Promise<void> {
    await this.conn.query(sql);
  }

  async rows<T = Record<string, unknown>>(sql: string): Promise<T[]> {
    const table = await this.conn.query(sql);
    return table.toArray().map((r) => r.toJSON() as T);
  }

  async numericColumns(sql: string): Promise<Record<string, Float64Array>> {
    const table = await this.conn.query(sql);
    const out: Record<string, Float64Array> = {};
    for (const field of table.schema.fields) {
      const vec = table.getChild(field.name)!;
      const arr = new Float64Array(vec.length);
      if (vec.nullCount === 0) {
        const values = vec.toArray() as ArrayLike<number | bigint>;
        for (let i = 0; i < arr.length; i++) arr[i] = Number(values[i]);
      } else {
        for (let i = 0; i < arr.length; i++) {
          const v = vec.get(i) as number | bigint | null;
          arr[i] = v === null ? NaN : Number(v);
        }
      }
      out[field.name] = arr;
    }
    return out;
  }

  /** Note: DuckDB-WASM takes the buffer (it is transferred to its worker); pass a copy to keep using it. */
  async registerBytes(name: string, bytes: Uint8Array): Promise<string> {
    const path = `${Date.now()}-${Math.random().toString(36).slice(2)}-${name}`;
    await this.db.registerFileBuffer(path, bytes);
    this.files.add(path);
    return path;
  }

  async unregister(path: string): Promise<void> {
    if (this.files.delete(path)) await this.db.dropFile(path);
  }

  /** Write everything to OPFS now (after an import). */
  async checkpoint(): Promise<void> {
    if (this.persistent) await this.conn.query('CHECKPOINT');
  }

  /** Ask DuckDB to stop the running query. */
  async cancel(): Promise<void> {
    await this.conn.cancelSent().catch(() => false);
  }

  async close(): Promise<void> {
    await this.conn.close();
    await this.db.terminate();
    this.worker.terminate();
  }
}

async function opfsAvailable(): Promise<boolean> {
  try {
    return typeof navigator !== 'undefined' && !!navigator.storage?.getDirectory && !!(await navigator.storage.getDirectory());
  } catch {
    return false;
  }
}

/**
 * Remove the database files from OPFS (the "delete all data" control). Call after close(): the
 * closed engine's worker lets go of its file handles a moment later, so removal is retried for a
 * few seconds; a file that cannot be removed is an error, never silently left behind.
 */
export async function deleteStoredDatabase(): Promise<void> {
  const root = await navigator.storage.getDirectory();
  for (const name of [DB_FILE, `${DB_FILE}.wal`]) {
    for (let attempt = 0; ; attempt++) {
      try {
        await root.removeEntry(name);
        break;
      } catch (e) {
        if ((e as DOMException).name === 'NotFoundError') break;
        if (attempt >= 40) throw new Error(`could not delete ${name} from the browser's storage: ${(e as Error).message}`);
        await new Promise((ok) => setTimeout(ok, 100));
      }
    }
  }
}

/** A browser File as an IngestSource. */
export async function fileSource(file: File): Promise<import('./ingest.ts').IngestSource> {
  const head = new Uint8Array(await file.slice(0, 1 << 16).arrayBuffer());
  return { name: file.name, size: file.size, head, readAll: async () => new Uint8Array(await file.arrayBuffer()) };
}
