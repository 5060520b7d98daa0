/**
 * Incident files to typed columns for the analysis commands: a real import into an in-memory
 * DuckDB (the same code as `ingest`), then the canonical table as IncidentColumns.
 */
import { NodeDb } from '../src/data/node_db.ts';
import { ingestFiles, type IngestOptions, type IngestSummary } from '../src/data/ingest.ts';
import { loadIncidentColumns, type IncidentFilter } from '../src/data/incidents.ts';
import { expandInputs, nodeSource } from '../src/data/node_source.ts';
import type { IncidentColumns } from '../src/data/incident_columns.ts';

export interface LoadOptions extends IngestOptions {
  filter?: IncidentFilter;
}

/** Import files (or folders, or an existing .duckdb database) and return their incidents. */
export async function loadIncidents(files: string[], opts: LoadOptions = {}): Promise<IncidentColumns & { summary?: IngestSummary }> {
  if (files.length === 1 && /\.(duckdb|db)$/i.test(files[0])) {
    const db = await NodeDb.open(files[0]);
    try {
      return await loadIncidentColumns(db, opts.filter);
    } finally {
      db.close();
    }
  }
  const db = await NodeDb.open();
  try {
    const summary = await ingestFiles(db, expandInputs(files).map((p) => nodeSource(p)), opts);
    const failed = summary.files.filter((f) => f.error);
    if (summary.accepted === 0) {
      throw new Error(`no usable incidents in ${files.join(', ')}${failed.length ? `: ${failed.map((f) => f.error).join('; ')}` : ''}`);
    }
    return { ...(await loadIncidentColumns(db, opts.filter)), summary };
  } finally {
    db.close();
  }
}
