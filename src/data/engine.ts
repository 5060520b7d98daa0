/**
 * What the ingest and query code needs from a DuckDB engine. Implemented by NodeDb
 * (@duckdb/node-api) and WasmDb (@duckdb/duckdb-wasm in a Web Worker).
 */
export interface SqlEngine {
  /** Run one or more statements. */
  run(sql: string): Promise<void>;
  /** Rows as plain objects (BIGINT may arrive as bigint: convert with Number()). */
  rows<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  /** A query whose columns are all numeric, each as a Float64Array (NULL -> NaN). */
  numericColumns(sql: string): Promise<Record<string, Float64Array>>;
  /** Make bytes readable by read_csv/read_parquet under the returned path. */
  registerBytes(name: string, bytes: Uint8Array): Promise<string>;
  /** Forget bytes registered with registerBytes. */
  unregister(path: string): Promise<void>;
}
