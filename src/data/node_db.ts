/**
 * DuckDB in Node (@duckdb/node-api): the engine behind the command line and the Node tests.
 * A thin helper; the SQL itself comes from schema.ts and ingest.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import type { SqlEngine } from './engine.ts';
import { sessionSettingsSql } from './schema.ts';

export class NodeDb implements SqlEngine {
  private tempDir: string | null = null;

  private constructor(readonly instance: DuckDBInstance, readonly conn: DuckDBConnection) {}

  /** Open (or create) a database file; ':memory:' for an in-memory one. */
  static async open(path = ':memory:'): Promise<NodeDb> {
    const instance = await DuckDBInstance.create(path);
    const conn = await instance.connect();
    // Nothing may be downloaded at run time: fail at once rather than try.
    await conn.run(sessionSettingsSql);
    return new NodeDb(instance, conn);
  }

  /** Run a statement. */
  async run(sql: string, params?: DuckDBValue[]): Promise<void> {
    await this.conn.run(sql, params);
  }

  /** Run a query and return its rows as plain JS objects (bigint where DuckDB gives BIGINT). */
  async rows<T = Record<string, unknown>>(sql: string, params?: DuckDBValue[]): Promise<T[]> {
    const reader = await this.conn.runAndReadAll(sql, params);
    return reader.getRowObjectsJS() as T[];
  }

  /** Run a query whose columns are all numeric; each column as a Float64Array (NULL -> NaN). */
  async numericColumns(sql: string, params?: DuckDBValue[]): Promise<Record<string, Float64Array>> {
    const reader = await this.conn.runAndReadAll(sql, params);
    const cols = reader.getColumnsObjectJS();
    const out: Record<string, Float64Array> = {};
    for (const [name, values] of Object.entries(cols)) {
      const arr = new Float64Array(values.length);
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        arr[i] = v === null || v === undefined ? NaN : Number(v as number | bigint);
      }
      out[name] = arr;
    }
    return out;
  }

  /** Node reads files by path; bytes made in memory (recoded text, GeoJSON) go to a temp file. */
  async registerBytes(name: string, bytes: Uint8Array): Promise<string> {
    this.tempDir ??= mkdtempSync(join(tmpdir(), 'sargas-'));
    const path = join(this.tempDir, `${Date.now()}-${Math.random().toString(36).slice(2)}-${name.replace(/[^\w.-]/g, '_')}`);
    writeFileSync(path, bytes);
    return path;
  }

  async unregister(path: string): Promise<void> {
    if (this.tempDir && path.startsWith(this.tempDir)) rmSync(path, { force: true });
  }

  close(): void {
    if (this.tempDir) rmSync(this.tempDir, { recursive: true, force: true });
    this.conn.closeSync();
    this.instance.closeSync();
  }
}

/** Quote a string as a SQL literal (file paths handed to read_csv and friends). */
export function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}
