/**
 * Files on disk as IngestSources (Node only: the command line and tests). A folder stands for
 * the extracts in it, in name order.
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { IngestSource } from './ingest.ts';

const HEAD_BYTES = 1 << 16;
const extractPattern = /\.(csv|tsv|txt|gz|json|geojson|parquet)$/i;

export function nodeSource(path: string, displayName = basename(path)): IngestSource {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new Error(`${path}: file not found`);
  }
  const fd = openSync(path, 'r');
  const head = new Uint8Array(Math.min(HEAD_BYTES, size));
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  return { name: displayName, size, head, path, readAll: async () => new Uint8Array(readFileSync(path)) };
}

/** Expand folders into the extract files they hold. */
export function expandInputs(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new Error(`${p}: file not found`);
    }
    if (st.isDirectory()) {
      const files = readdirSync(p).filter((f) => extractPattern.test(f)).sort();
      if (!files.length) throw new Error(`${p}: the folder holds no CSV, GeoJSON or Parquet files`);
      out.push(...files.map((f) => join(p, f)));
    } else out.push(p);
  }
  return out;
}
