/**
 * Test helper: the reference answers in ../shared/reference (computed by an independent
 * numpy/scipy implementation, see its README), read with d3-dsv into numeric columns.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvParse } from 'd3';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const referenceDir = resolve(repoRoot, '../shared/reference');

/** Path of a reference file; throws a clear error if ../shared is not beside the repo. */
export function referencePath(name: string): string {
  const p = resolve(referenceDir, name);
  if (!existsSync(p)) throw new Error(`reference file ${p} not found: the tests expect ../shared/reference beside the repository`);
  return p;
}

/** A reference CSV as rows of strings. */
export function readRows(name: string): Record<string, string>[] {
  return csvParse(readFileSync(referencePath(name), 'utf8'));
}

/** The named columns of a reference CSV as Float64Arrays. */
export function readColumns(name: string, columns: string[]): Record<string, Float64Array> {
  const rows = readRows(name);
  const out: Record<string, Float64Array> = {};
  for (const c of columns) {
    const col = new Float64Array(rows.length);
    rows.forEach((r, i) => {
      const v = Number(r[c]);
      if (r[c] === undefined || !Number.isFinite(v)) throw new Error(`${name}: row ${i + 2} column ${c} is '${r[c]}'`);
      col[i] = v;
    });
    out[c] = col;
  }
  return out;
}

/** Largest |a - b| / |b| (|a - b| where b = 0) over paired values. */
export function maxRelativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} vs ${b.length}`);
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    const e = b[i] === 0 ? d : d / Math.abs(b[i]);
    if (Number.isNaN(e)) return NaN; // fails any toBeLessThan
    if (e > worst) worst = e;
  }
  return worst;
}

/** Seeded uniform random numbers in [0, 1) (mulberry32), so tests are repeatable. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
