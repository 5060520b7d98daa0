/**
 * `ingest --input FILE... --db FILE [--crs EPSG:N] [--project-crs EPSG:N] [--category NAME]
 *  [--from YYYY-MM] [--to YYYY-MM] [--bbox W,S,E,N] [--encoding windows-1257] [--map role=column,...]`
 *
 * Imports extracts into a DuckDB file; prints {accepted, rejected, rejectedByReason, months, files}.
 * Exits non-zero, naming file, row and problem, when nothing usable was found.
 */
import { NodeDb } from '../../src/data/node_db.ts';
import { ingestFiles, type IngestOptions } from '../../src/data/ingest.ts';
import { expandInputs, nodeSource } from '../../src/data/node_source.ts';
import type { ColumnMapping, TextEncoding } from '../../src/data/sniff.ts';
import { UsageError, type Command } from '../cli_options.ts';

export const run: Command = async (opts) => {
  const inputs = expandInputs(opts.list('input'));
  if (!inputs.length) throw new UsageError('missing --input FILE...');
  const options: IngestOptions = {};
  if (opts.has('crs')) options.crs = opts.string('crs');
  if (opts.has('project-crs')) options.projectCrs = opts.string('project-crs');
  if (opts.has('category')) options.defaultCategory = opts.string('category');
  if (opts.has('encoding')) options.encoding = opts.string('encoding') as TextEncoding;
  if (opts.has('from') || opts.has('to')) options.months = { from: opts.list('from')[0], to: opts.list('to')[0] };
  if (opts.has('bbox')) {
    const b = opts.string('bbox').split(',').map(Number);
    if (b.length !== 4 || b.some((v) => !Number.isFinite(v))) throw new UsageError(`--bbox must be W,S,E,N in degrees, got '${opts.string('bbox')}'`);
    options.studyBbox = b as [number, number, number, number];
  }
  if (opts.has('map')) {
    const mapping: Record<string, string> = {};
    for (const pair of opts.list('map').join(',').split(',')) {
      const [role, col] = pair.split('=');
      if (!role || !col) throw new UsageError(`--map takes role=column pairs, got '${pair}'`);
      mapping[role.trim()] = col.trim();
    }
    options.mapping = mapping as ColumnMapping;
  }
  const db = await NodeDb.open(opts.string('db'));
  try {
    const summary = await ingestFiles(db, inputs.map((p) => nodeSource(p)), options);
    // Errors in full; a few rejected rows as examples (the rejects table holds them all).
    const examples = summary.files.flatMap((f) => f.examples);
    for (const f of summary.files) if (f.error) process.stderr.write(`${f.error}\n`);
    if (examples.length) process.stderr.write(`rejected rows, e.g.:\n${examples.slice(0, 8).map((e) => `  ${e}`).join('\n')}\n`);
    const onlyRepeats = summary.rejected > 0 && summary.rejectedByReason.already_imported === summary.rejected;
    if (summary.accepted === 0 && !onlyRepeats) {
      const why = summary.files.map((f) => f.error ?? `${f.file}: ${f.read} rows read, none usable${f.examples[0] ? `; e.g. ${f.examples[0]}` : ''}`);
      throw new Error(`nothing usable was imported:\n${why.join('\n')}`);
    }
    return {
      accepted: summary.accepted, rejected: summary.rejected, rejectedByReason: summary.rejectedByReason, months: summary.months,
      crs: summary.crs,
      files: summary.files.map((f) => ({ file: f.file, format: f.format, read: f.read, accepted: f.accepted, rejected: f.rejected, rejectedByReason: f.rejectedByReason, ...(f.error ? { error: f.error } : {}) })),
    };
  } finally {
    db.close();
  }
};
