/**
 * Importing incident extracts into the canonical table (DESIGN.md "Incidents"), in either engine.
 *
 * One file at a time, each in its own transaction, so a bad file changes nothing and the files
 * before it stay imported. DuckDB reads every file (read_csv / read_parquet); this module only
 * looks at the first bytes to choose how, recodes legacy encodings, turns GeoJSON points into
 * rows, and writes the SQL that validates, deduplicates, projects and splits rows into
 * `incidents` and `rejects`.
 *
 * Row numbers are those a spreadsheet shows: the header is row 1, the first record row 2.
 */
import type { SqlEngine } from './engine.ts';
import { createTablesSql, RejectReason, T, incidentColumns } from './schema.ts';
import {
  binaryShare, dateFormats, detectFormat, detectMapping, excelSeparatorLine, guessDayOrder, guessDelimiter, guessLegacyEncoding, headerLooksLikeData,
  isGzip, isParquet, isUtf8, looksLikeJson, utf16Order, type ColumnMapping, type SourceFormat, type TextEncoding,
} from './sniff.ts';
import { tmForwardSql } from './tm_sql.ts';
import { geojsonToCsv } from './geojson_rows.ts';
import { tmParamsOf } from '../geo/transverse_mercator.ts';
import { normaliseCrs, projector, utmCrsFor } from '../geo/projection.ts';

/** A file handed to the importer. */
export interface IngestSource {
  /** Shown in every message (the file name the user chose). */
  name: string;
  size: number;
  /** The first bytes of the file (at least 64 KiB, or all of it). */
  head: Uint8Array;
  /** The whole file. */
  readAll(): Promise<Uint8Array>;
  /** A path DuckDB can read directly (Node), when the file needs no recoding. */
  path?: string;
}

export interface IngestOptions {
  /** CRS of planar input coordinates, e.g. 'EPSG:3346'. Needed when coordinates are not lon/lat. */
  crs?: string;
  /** Planar CRS for analysis; default: the one stored with the data, else the local UTM zone. */
  projectCrs?: string;
  /** Column roles that override the detected ones. */
  mapping?: ColumnMapping;
  /** Text encoding of the files; default: UTF-8, else Windows-1257/1252 by content. */
  encoding?: TextEncoding;
  /** Category for files without a category column (e.g. an extract of one offence type). */
  defaultCategory?: string;
  /** Keep only these months, inclusive ('YYYY-MM'). */
  months?: { from?: string; to?: string };
  /**
   * Study area as a lon/lat box [west, south, east, north]. Default: points farther than
   * max(20 km, 4 × the 95th percentile distance) from the median centre of the file are strays.
   */
  studyBbox?: [number, number, number, number];
  signal?: AbortSignal;
  onProgress?: (p: IngestProgress) => void;
}

export interface IngestProgress {
  file: string;
  fileIndex: number;
  files: number;
  phase: 'reading' | 'parsing' | 'checking' | 'saving' | 'done';
}

export interface FileSummary {
  file: string;
  format: SourceFormat | 'geojson' | 'parquet' | 'unreadable';
  read: number;
  accepted: number;
  rejected: number;
  rejectedByReason: Record<string, number>;
  months: Record<string, number>;
  /** Set when the whole file could not be imported; nothing of it was kept. */
  error?: string;
  /** Notes on how the file was read (encoding, delimiter, date order, mapping). */
  notes: string[];
  /** The first few rejected rows, each naming file, row and problem. */
  examples: string[];
}

export interface IngestSummary {
  accepted: number;
  rejected: number;
  rejectedByReason: Record<string, number>;
  months: Record<string, number>;
  crs: string;
  files: FileSummary[];
}

/** Thrown when the importer needs the user to decide something (e.g. the CRS of coordinates). */
export class IngestQuestion extends Error {
  override name = 'IngestQuestion';
}

export class AbortError extends Error {
  override name = 'AbortError';
}

const throwIfAborted = (signal?: AbortSignal) => {
  if (signal?.aborted) throw new AbortError('import cancelled');
};

/** Make the tables if they do not exist. */
export async function ensureSchema(db: SqlEngine): Promise<void> {
  await db.run(createTablesSql);
}

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;
const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** Import files, one transaction each; a file that fails is reported and leaves no trace. */
export async function ingestFiles(db: SqlEngine, sources: IngestSource[], options: IngestOptions = {}): Promise<IngestSummary> {
  await ensureSchema(db);
  const files: FileSummary[] = [];
  let crs = await storedCrs(db);
  for (let i = 0; i < sources.length; i++) {
    throwIfAborted(options.signal);
    const progress = (phase: IngestProgress['phase']) =>
      options.onProgress?.({ file: sources[i].name, fileIndex: i, files: sources.length, phase });
    try {
      const r = await ingestOne(db, sources[i], options, crs, progress);
      files.push(r.summary);
      crs = r.crs;
    } catch (e) {
      if (e instanceof AbortError || e instanceof IngestQuestion) throw e;
      // Every message names the file, whichever layer raised it; a full disk or browser storage
      // quota says so plainly.
      let message = firstLine((e as Error).message);
      if (isStorageFull(e as Error)) {
        message = `the storage is full (${message}); nothing of this file was kept. Free some space or delete data, then import it again`;
      }
      files.push({
        file: sources[i].name, format: 'unreadable', read: 0, accepted: 0, rejected: 0, rejectedByReason: {}, months: {},
        error: message.startsWith(`${sources[i].name}:`) ? message : `${sources[i].name}: ${message}`, notes: [], examples: [],
      });
    }
    progress('done');
  }
  const sum: IngestSummary = { accepted: 0, rejected: 0, rejectedByReason: {}, months: {}, crs: crs ?? '', files };
  for (const f of files) {
    sum.accepted += f.accepted;
    sum.rejected += f.rejected;
    for (const [k, v] of Object.entries(f.rejectedByReason)) sum.rejectedByReason[k] = (sum.rejectedByReason[k] ?? 0) + v;
    for (const [k, v] of Object.entries(f.months)) sum.months[k] = (sum.months[k] ?? 0) + v;
  }
  sum.months = Object.fromEntries(Object.entries(sum.months).sort());
  return sum;
}

async function storedCrs(db: SqlEngine): Promise<string | null> {
  const rows = await db.rows<{ value: string }>(`SELECT value FROM ${T.meta} WHERE key = 'crs'`);
  return rows.length ? rows[0].value : null;
}

/** gunzip with the platform's DecompressionStream (Node 18+ and every browser). */
async function gunzip(name: string, bytes: Uint8Array): Promise<Uint8Array> {
  try {
    const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (e) {
    throw new Error(`${name}: the gzip data is damaged or truncated (${(e as Error).message})`);
  }
}

interface Prepared {
  path: string;
  registered: boolean;
  kind: 'csv' | 'parquet';
  format: FileSummary['format'];
  notes: string[];
  /** Delimiter named by the file itself (Excel's `sep=` line); DuckDB sniffs it otherwise. */
  delimiter?: string;
  /** The first line of CSV text (the header), as far as the head of the file holds it. */
  firstLine?: string;
  /** Coordinates of a GeoJSON 'crs' member, if any. */
  crs?: string;
  mapping?: ColumnMapping;
}

/** Decide how DuckDB will read the file, decompressing or recoding it first when needed. */
async function prepare(db: SqlEngine, src: IngestSource, options: IngestOptions): Promise<Prepared> {
  const notes: string[] = [];
  if (src.size === 0) throw new Error(`${src.name}: the file is empty`);
  let head = src.head;
  let bytes: Uint8Array | null = src.head.length >= src.size ? src.head : null;
  if (isGzip(head)) {
    bytes = await gunzip(src.name, bytes ?? (await src.readAll()));
    head = bytes;
    notes.push('gzip-compressed');
    if (bytes.length === 0) throw new Error(`${src.name}: the file is empty (after decompression)`);
  }
  // UTF-16 (Excel's "Unicode text"): recode to UTF-8 first; its NUL bytes would look binary.
  const utf16 = options.encoding === 'utf-16le' || options.encoding === 'utf-16be' ? options.encoding : utf16Order(head);
  if (utf16) {
    const text = new TextDecoder(utf16).decode(bytes ?? (await src.readAll()));
    bytes = new TextEncoder().encode(text);
    head = bytes;
    notes.push(`text decoded as ${utf16.toUpperCase()}`);
  }
  if (isParquet(head)) {
    if (!bytes && src.path) return { path: src.path, registered: false, kind: 'parquet', format: 'parquet', notes };
    const path = await db.registerBytes(baseName(src.name) + '.parquet', bytes ?? (await src.readAll()));
    return { path, registered: true, kind: 'parquet', format: 'parquet', notes };
  }
  if (binaryShare(head) > 0.05) {
    throw new Error(`${src.name}: this is not a text file (it has binary content); expected CSV, GeoJSON or Parquet`);
  }
  if (looksLikeJson(head)) {
    const text = new TextDecoder('utf-8').decode(bytes ?? (await src.readAll()));
    const g = geojsonToCsv(src.name, text);
    notes.push(...g.notes);
    const path = await db.registerBytes(baseName(src.name) + '.csv', new TextEncoder().encode(g.csv));
    return { path, registered: true, kind: 'csv', format: 'geojson', notes, crs: g.crs, mapping: g.mapping };
  }
  const sep = excelSeparatorLine(head);
  if (sep) {
    // Excel's `sep=;` first line: drop it and read with the delimiter it names.
    bytes = (bytes ?? (await src.readAll())).subarray(sep.length);
    head = bytes;
    notes.push(`first line 'sep=${sep.delimiter}' (Excel) names the delimiter; rows are numbered without it`);
  }
  const delimiter = sep?.delimiter;
  const firstLine = new TextDecoder('utf-8').decode(head.subarray(0, 1 << 16)).split(/\r\n|\n|\r/)[0];
  if (hasDoubledCarriageReturns(head)) {
    // CR CR LF: CRLF text converted to CRLF once more. DuckDB cannot sniff it; read it as CRLF.
    bytes = withoutDoubledCarriageReturns(bytes ?? (await src.readAll()));
    head = bytes;
    notes.push('line ends CR CR LF read as CR LF');
  }
  let encoding = utf16 ? 'utf-8' : options.encoding;
  if (!encoding) {
    const whole = bytes !== null;
    encoding = isUtf8(head, !whole && head.length < src.size) ? 'utf-8' : guessLegacyEncoding(head);
  }
  if (encoding !== 'utf-8') {
    const all = bytes ?? (await src.readAll());
    const text = new TextDecoder(encoding).decode(all);
    notes.push(`text decoded as ${encoding}`);
    const path = await db.registerBytes(baseName(src.name) + '.csv', new TextEncoder().encode(text));
    return { path, registered: true, kind: 'csv', format: 'generic', notes, delimiter, firstLine };
  }
  if (!bytes && src.path) return { path: src.path, registered: false, kind: 'csv', format: 'generic', notes, delimiter, firstLine };
  bytes ??= await src.readAll();
  // Whole-file check now that it is in memory; a file valid at its head may not be further on.
  if (!isUtf8(bytes)) {
    const enc = guessLegacyEncoding(bytes);
    notes.push(`text decoded as ${enc}`);
    const path = await db.registerBytes(baseName(src.name) + '.csv', new TextEncoder().encode(new TextDecoder(enc).decode(bytes)));
    return { path, registered: true, kind: 'csv', format: 'generic', notes, delimiter, firstLine };
  }
  const path = await db.registerBytes(baseName(src.name) + '.csv', bytes);
  return { path, registered: true, kind: 'csv', format: 'generic', notes, delimiter, firstLine };
}

/** True when the text has CR CR LF line ends. */
function hasDoubledCarriageReturns(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 1 << 16);
  for (let i = 0; i + 2 < n; i++) if (bytes[i] === 0x0d && bytes[i + 1] === 0x0d && bytes[i + 2] === 0x0a) return true;
  return false;
}

/** Copy of the bytes with every CR CR LF made CR LF. */
function withoutDoubledCarriageReturns(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let k = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0d && bytes[i + 2] === 0x0a) continue;
    out[k++] = bytes[i];
  }
  return out.subarray(0, k);
}

const baseName = (name: string) => name.replace(/^.*[\\/]/, '').replace(/\.(gz|csv|tsv|txt|json|geojson|parquet)$/gi, '').replace(/[^\w.-]/g, '_');

let scanCounter = 0;
/** Longest line the CSV reader accepts; longer ones are rejected as malformed rows. */
const MAX_LINE_BYTES = 20_000_000;

async function ingestOne(
  db: SqlEngine, src: IngestSource, options: IngestOptions, crsIn: string | null,
  progress: (phase: IngestProgress['phase']) => void,
): Promise<{ summary: FileSummary; crs: string | null }> {
  progress('reading');
  const prep = await prepare(db, src, options);
  const id = ++scanCounter;
  const rejTable = `csv_rejects_${id}`;
  const rejScan = `csv_scans_${id}`;
  const csvReader = (delimiter: string | undefined, quoted: boolean) =>
    `read_csv(${lit(prep.path)}, header = true, all_varchar = true, store_rejects = true, rejects_table = ${lit(rejTable)}, rejects_scan = ${lit(rejScan)}, ` +
    `max_line_size = ${MAX_LINE_BYTES}${delimiter ? `, delim = ${lit(delimiter)}` : ''}${quoted ? `, quote = '"', escape = '"', strict_mode = false` : ''})`;
  let reader = prep.kind === 'parquet'
    ? `(SELECT COLUMNS(*)::VARCHAR FROM read_parquet(${lit(prep.path)}))`
    : csvReader(prep.delimiter, false);
  const dialectNotes: string[] = [];
  try {
    let header: string[];
    try {
      try {
        header = (await db.rows<{ column_name: string }>(`DESCRIBE SELECT * FROM ${reader}`)).map((r) => r.column_name);
      } catch (e) {
        // DuckDB finds no dialect that fits every sampled line (a stray CR or a few damaged lines
        // are enough): read with the header line's delimiter, double quotes and strict mode off;
        // lines that still do not fit become malformed rows instead of costing the whole file.
        if (prep.kind !== 'csv' || prep.delimiter || !/sniffing/i.test((e as Error).message)) throw e;
        const delimiter = guessDelimiter(prep.firstLine ?? '');
        reader = csvReader(delimiter, true);
        header = (await db.rows<{ column_name: string }>(`DESCRIBE SELECT * FROM ${reader}`)).map((r) => r.column_name);
        dialectNotes.push(`the layout could not be detected; read with the header's delimiter ${JSON.stringify(delimiter)} and double quotes`);
      }
    } catch (e) {
      const message = (e as Error).message;
      const tooLong = /Maximum line size of \d+ bytes exceeded\. Actual Size: ?(\d+)/.exec(message);
      if (tooLong) {
        throw new Error(`${src.name}: a line is ${tooLong[1]} bytes long, more than the ${MAX_LINE_BYTES} a row may have; nothing of the file was imported`);
      }
      throw new Error(`${src.name}: DuckDB could not read it as ${prep.kind === 'parquet' ? 'Parquet' : 'CSV'}: ${firstLine(message)}`);
    }
    const format = prep.format === 'generic' ? detectFormat(header) : prep.format;
    const mapping = detectMapping(header, { ...prep.mapping, ...options.mapping });
    const notes = [...prep.notes, ...dialectNotes];
    notes.push(`format ${format}; columns: ${Object.entries(mapping).map(([k, v]) => `${k}=${v}`).join(', ')}`);
    const hasLonLat = mapping.lon !== undefined && mapping.lat !== undefined;
    const hasXY = mapping.x !== undefined && mapping.y !== undefined;
    const noHeader = headerLooksLikeData(header)
      ? '; the first line looks like data: the file needs a header row naming its columns' : '';
    if (!hasLonLat && !hasXY) {
      throw new Error(`${src.name}: no coordinate columns found (looked for longitude/latitude or x/y; the header has ${header.join(', ')})${noHeader}`);
    }
    if (mapping.date === undefined && mapping.month === undefined) {
      throw new Error(`${src.name}: no date or month column found (the header has ${header.join(', ')})${noHeader}`);
    }

    progress('parsing');
    throwIfAborted(options.signal);
    // A number, or NULL: 'NaN', 'inf' and the like are not coordinates.
    const num = (col: string) => {
      const v = `TRY_CAST(replace(trim(${q(col)}), ',', '.') AS DOUBLE)`;
      return `(CASE WHEN isfinite(${v}) THEN ${v} END)`;
    };
    const text = (col: string | undefined) => (col === undefined ? 'NULL::VARCHAR' : `NULLIF(trim(${q(col)}), '')`);
    const cx = hasLonLat ? mapping.lon! : mapping.x!;
    const cy = hasLonLat ? mapping.lat! : mapping.y!;

    // Coordinates: lon/lat unless the values say otherwise (then a CRS must be named).
    // Records numbered as a spreadsheet shows them (header = row 1); corrected below for malformed lines.
    const srcView = `(SELECT row_number() OVER () + 1 AS src_row, * FROM ${reader})`;
    const [rng] = await db.rows<{ n: bigint | number; inside: bigint | number; ex: number | null; ey: number | null; mx: number | null; my: number | null }>(
      `SELECT count(*) AS n, count(*) FILTER (WHERE abs(cx) <= 180 AND abs(cy) <= 90) AS inside, any_value(cx) FILTER (WHERE abs(cx) > 180 OR abs(cy) > 90) AS ex,
              median(cx) FILTER (WHERE abs(cx) <= 180 AND abs(cy) <= 90) AS mx, median(cy) FILTER (WHERE abs(cx) <= 180 AND abs(cy) <= 90) AS my,
              any_value(cy) FILTER (WHERE abs(cx) > 180 OR abs(cy) > 90) AS ey
       FROM (SELECT ${num(cx)} AS cx, ${num(cy)} AS cy FROM (SELECT * FROM ${reader} LIMIT 5000)) WHERE cx IS NOT NULL AND cy IS NOT NULL AND NOT (cx = 0 AND cy = 0)`);
    const sampled = Number(rng.n);
    const planar = sampled > 0 && Number(rng.inside) < sampled * 0.5;
    const inputCrs = options.crs ? normaliseCrs(options.crs) : prep.crs ? normaliseCrs(prep.crs) : null;
    if (planar && !inputCrs) {
      throw new IngestQuestion(
        `${src.name}: columns '${cx}'/'${cy}' hold values like (${rng.ex}, ${rng.ey}), which are not longitude/latitude. ` +
        `Which coordinate system are they in? Import again naming it, e.g. --crs EPSG:3346 (LKS94, Lithuania), ` +
        `EPSG:27700 (British National Grid) or EPSG:326NN (UTM zone NN).`);
    }
    if (planar) notes.push(`coordinates in ${inputCrs}`);
    // The project's planar CRS: the stored one, the one asked for, the input's own, or the
    // local UTM zone of the sample's median point (else decided after staging).
    const crsEarly = crsIn ?? (options.projectCrs ? normaliseCrs(options.projectCrs) : planar ? inputCrs
      : rng.mx !== null && rng.my !== null ? utmCrsFor(rng.mx, rng.my) : null);
    const tmEarly = !planar && crsEarly ? tmParamsOf(crsEarly) : null;

    // Dates. Each value is tried first against the layouts the sample uses (most frequent first),
    // then against every layout: a list of ~20 layouts per row would cost seconds per million rows.
    // `day_ts` is the value read as a day (with or without a time); month-only values are read
    // after it, so they have no known day.
    let dayTsSql: string;
    let monthTsSql: string;
    const dateText = `trim(${q(mapping.date ?? mapping.month!)})`;
    if (mapping.date !== undefined) {
      const sampleSql = `SELECT trim(${q(mapping.date)}) AS v FROM ${reader} WHERE ${q(mapping.date)} IS NOT NULL LIMIT 2000`;
      const sample = await db.rows<{ v: string }>(sampleSql);
      const order = guessDayOrder(sample.map((r) => r.v));
      const formats = [...dateFormats.iso, ...dateFormats[order]].map((f) => f.fmt);
      if (sample.some((r) => /^\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}/.test(r.v))) notes.push(`dates read ${order === 'dmy' ? 'day-first (dd/mm/yyyy)' : 'month-first (mm/dd/yyyy)'}`);
      const used = await usedFormats(db, sampleSql, formats);
      dayTsSql = `COALESCE(${[...used.map((f) => `try_strptime(${dateText}, ${lit(f)})`), `try_strptime(${dateText}, [${formats.map(lit).join(', ')}])`].join(', ')})`;
      monthTsSql = `try_strptime(${dateText}, [${dateFormats.month.map((f) => lit(f.fmt)).join(', ')}])`;
    } else {
      dayTsSql = 'NULL::TIMESTAMP';
      monthTsSql = `try_strptime(${dateText}, [${[...dateFormats.month, ...dateFormats.iso].map((f) => lit(f.fmt)).join(', ')}])`;
    }
    const dateCol = mapping.date ?? mapping.month!;
    const category = mapping.category !== undefined
      ? text(mapping.category)
      : options.defaultCategory ? lit(options.defaultCategory) : 'NULL::VARCHAR';
    if (mapping.category === undefined) notes.push(options.defaultCategory ? `no category column: all rows are '${options.defaultCategory}'` : 'no category column');

    // The column of parsed days in the staging query (a name no header will have).
    const dayTs = q('\u0001day_ts');
    await db.run('BEGIN TRANSACTION');
    try {
      // Stage: one pass over the file into typed columns.
      // The row's identity across imports (row_key): its content and its repeat number among
      // identical rows (which of two identical rows gets which number does not matter).
      const coordCols = planar ? 'cx, cy' : 'lon, lat';
      const [coordA, coordB] = coordCols.split(', ');
      const staged = `(SELECT src_row,
          ${text(mapping.id)} AS incident_id,
          COALESCE(${dayTs}, ${monthTsSql}) AS occurred_at,
          COALESCE(strftime(${dayTs}, '%H:%M:%S') <> '00:00:00', false) AS time_known,
          ${dayTs} IS NOT NULL AS date_known,
          ${text(dateCol)} AS date_text,
          ${num(cx)} AS ${coordA}, ${num(cy)} AS ${coordB},
          CASE WHEN ${num(cx)} IS NULL OR ${num(cy)} IS NULL THEN
            CASE WHEN ${text(cx)} IS NULL AND ${text(cy)} IS NULL THEN 'coordinates are blank'
                 WHEN ${text(cx)} IS NULL THEN ${lit(`column '${cx}' is blank`)}
                 WHEN ${text(cy)} IS NULL THEN ${lit(`column '${cy}' is blank`)}
                 ELSE 'coordinates are not numbers: ' || ${text(cx)} || ' / ' || ${text(cy)} END END AS coord_text,
          ${category} AS category_raw,
          lower(CASE WHEN contains(trim(${category}), '  ') THEN regexp_replace(trim(${category}), '\\s+', ' ', 'g') ELSE trim(${category}) END) AS category,
          ${text(mapping.location)} AS location_text,
          ${text(mapping.area)} AS area_code,
          hash(${header.map((h) => q(h)).join(', ')}) AS h
        FROM (SELECT *, ${dayTsSql} AS ${dayTs} FROM ${srcView}))`;
      // Repeat numbers are counted only among rows that repeat: a window partitioned by every
      // distinct row costs seconds per million rows. Unique rows are repeat 1 (the same key).
      await db.run(`CREATE OR REPLACE TEMP TABLE stage AS
        WITH st AS MATERIALIZED ${staged},
        rep AS (SELECT src_row, row_number() OVER (PARTITION BY h) AS rn FROM st WHERE h IN (SELECT h FROM st GROUP BY h HAVING count(*) > 1))
        SELECT st.* EXCLUDE (h), hash(st.h, COALESCE(rep.rn, 1::BIGINT)) AS row_key, NULL::DOUBLE AS x, NULL::DOUBLE AS y
        FROM st LEFT JOIN rep USING (src_row)`);
      throwIfAborted(options.signal);

      // Rows the CSV reader could not split (one row of its rejects table per problem found).
      const [sizes] = await db.rows<{ staged: bigint | number; malformed: bigint | number }>(
        `SELECT (SELECT count(*) FROM stage) AS staged, ${prep.kind === 'csv' ? `(SELECT count(DISTINCT line) FROM ${rejTable})` : '0'} AS malformed`);
      const malformed = Number(sizes.malformed);
      if (Number(sizes.staged) === 0 && malformed === 0) {
        throw new Error(`${src.name}: the file has a header (${header.join(', ')}) but no data rows`);
      }
      // Row numbers: the k-th good record is record k + (malformed records before it). The j-th
      // malformed line L has L - 1 - j good records before it, so good row k + 1 > L - j moves by j.
      if (malformed) {
        // Consecutive malformed lines share a key: the good row after them moves by the last j.
        await db.run(`CREATE OR REPLACE TEMP TABLE malformed AS SELECT line - j AS key, max(j) AS j FROM (SELECT line, row_number() OVER (ORDER BY line) AS j FROM (SELECT DISTINCT line FROM ${rejTable})) GROUP BY key`);
        await db.run(`CREATE OR REPLACE TEMP TABLE stage AS SELECT s.* REPLACE (s.src_row + COALESCE(m.j, 0) AS src_row) FROM stage s ASOF LEFT JOIN malformed m ON s.src_row > m.key`);
      }

      // Coordinates: lon/lat for the table; planar input is unprojected with proj4.
      if (planar) await unprojectStage(db, inputCrs!, crsEarly === inputCrs);

      progress('checking');
      throwIfAborted(options.signal);
      const validCoords = `lon IS NOT NULL AND lat IS NOT NULL AND lon <> 0 AND lat <> 0 AND abs(lon) <= 180 AND abs(lat) <= 90`;
      // No row with usable coordinates: every row is rejected, and no CRS can (or need) be chosen.
      const crs: string | null = crsEarly ?? (await chooseCrs(db, validCoords));
      if (!crsIn && crs) await db.run(`INSERT OR REPLACE INTO ${T.meta} VALUES ('crs', ${lit(crs)})`);

      // Study area: a box the user gave, or strays far from the file's median centre. `inArea`
      // takes the longitude and latitude expressions, so swapped rows can be tested too.
      let inArea = (_lon: string, _lat: string) => 'true';
      let areaNote = '';
      if (options.studyBbox) {
        const [w, s, e, n] = options.studyBbox;
        inArea = (lo, la) => `(${lo} BETWEEN ${w} AND ${e} AND ${la} BETWEEN ${s} AND ${n})`;
        areaNote = `the study area [${w}, ${s}, ${e}, ${n}]`;
      } else {
        // The median centre, and the spread around it measured on the core of the points (within
        // 10 median distances, at least 20 km), so a few far-off points (or swapped ones) in a
        // small file cannot stretch the limit until they fit inside it.
        const [c] = await db.rows<{ mlon: number | null; mlat: number | null; p95: number | null }>(
          `WITH v AS (SELECT lon, lat FROM stage WHERE ${validCoords}),
             c AS (SELECT median(lon) AS mlon, median(lat) AS mlat FROM v),
             d AS (SELECT sqrt(pow((lon - mlon) * 111320 * cos(radians(mlat)), 2) + pow((lat - mlat) * 110540, 2)) AS d FROM v, c),
             m AS (SELECT median(d) AS md FROM d)
           SELECT mlon, mlat, (SELECT quantile_cont(d, 0.95) FILTER (WHERE d <= greatest(20000, 10 * md)) FROM d, m) AS p95 FROM c`);
        if (c.mlon !== null && c.mlat !== null) {
          const kx = 111320 * Math.cos((c.mlat * Math.PI) / 180);
          const dist = (lo: string, la: string) => `sqrt(pow((${lo} - ${c.mlon}) * ${kx}, 2) + pow((${la} - ${c.mlat}) * 110540, 2))`;
          const limit = Math.max(20000, 4 * (c.p95 ?? 0));
          inArea = (lo, la) => `(${dist(lo, la)} <= ${limit})`;
          areaNote = `${(limit / 1000).toFixed(1)} km of the median centre (${c.mlat.toFixed(4)}, ${c.mlon.toFixed(4)})`;
          await refuseSwappedFile(db, src.name, c.mlon, c.mlat, cx, cy);
        }
      }
      const areaSql = inArea('lon', 'lat');
      // Latitude and longitude swapped in a row: outside the study area as given, inside swapped.
      const swappedSql = `(NOT ${inArea('lon', 'lat')} AND abs(lat) <= 180 AND abs(lon) <= 90 AND ${inArea('lat', 'lon')})`;
      // Dates no incident can have: before 1900 or after tomorrow (the time of this import, UTC).
      const tomorrow = new Date(Date.now() + 86400000).toISOString().slice(0, 19).replace('T', ' ');
      const implausibleSql = `(occurred_at < TIMESTAMP '1900-01-01' OR occurred_at > TIMESTAMP '${tomorrow}')`;
      const monthFrom = options.months?.from, monthTo = options.months?.to;
      const monthSql = [monthFrom ? `strftime(occurred_at, '%Y-%m') >= ${lit(monthFrom)}` : '', monthTo ? `strftime(occurred_at, '%Y-%m') <= ${lit(monthTo)}` : '']
        .filter(Boolean).join(' AND ') || 'true';
      const sameFormatIds = `SELECT i.incident_id, min(i.source || ' row ' || i.source_row) AS first_at FROM ${T.incidents} i JOIN ${T.imports} m USING (import_id) WHERE m.format = ${lit(format)} AND i.incident_id IS NOT NULL GROUP BY i.incident_id`;
      const R = RejectReason;
      // Every rejected row with its reason, in this order of precedence.
      const decidedReason = `COALESCE(s.pre, CASE WHEN s.seen THEN '${R.alreadyImported}' ELSE '${R.duplicateId}' END)`;
      await db.run(`CREATE OR REPLACE TEMP TABLE decided AS
        WITH s AS (
          SELECT src_row, incident_id, lon, lat, coord_text, date_text, occurred_at,
            CASE
              WHEN lon IS NULL OR lat IS NULL THEN '${R.noCoordinates}'
              WHEN lon = 0 OR lat = 0 THEN '${R.zeroCoordinates}'
              WHEN ${swappedSql} THEN '${R.swappedCoordinates}'
              WHEN abs(lon) > 180 OR abs(lat) > 90 THEN '${R.invalidCoordinates}'
              WHEN date_text IS NULL THEN '${R.noDate}'
              WHEN occurred_at IS NULL THEN '${R.unparseableDate}'
              WHEN ${implausibleSql} THEN '${R.implausibleDate}'
              WHEN NOT (${monthSql}) THEN '${R.outsideMonths}'
              WHEN NOT ${areaSql} THEN '${R.outsideStudyArea}'
            END AS pre,
            row_key IN (SELECT row_key FROM ${T.incidents}) AS seen
          FROM stage),
        ok AS (SELECT src_row, incident_id FROM s WHERE pre IS NULL AND NOT seen AND incident_id IS NOT NULL),
        repeated AS (SELECT incident_id, min(src_row) AS first_row FROM ok GROUP BY incident_id HAVING count(*) > 1),
        earlier AS (${sameFormatIds}),
        dup AS (
          SELECT ok.src_row, COALESCE(e.first_at, 'row ' || r.first_row) AS first_at
          FROM ok LEFT JOIN repeated r USING (incident_id) LEFT JOIN earlier e USING (incident_id)
          WHERE e.incident_id IS NOT NULL OR (r.first_row IS NOT NULL AND ok.src_row <> r.first_row))
        SELECT s.src_row, ${decidedReason} AS reason,
          CASE ${decidedReason}
            WHEN '${R.noCoordinates}' THEN COALESCE(coord_text, 'coordinates are blank')
            WHEN '${R.zeroCoordinates}' THEN 'coordinates are 0/0 (not geocoded)'
            WHEN '${R.swappedCoordinates}' THEN 'latitude and longitude look swapped: longitude ' || lon || ', latitude ' || lat || ' is outside ${areaNote.replaceAll("'", "''")}, swapped it is inside'
            WHEN '${R.invalidCoordinates}' THEN 'longitude/latitude out of range: ' || lon || ', ' || lat
            WHEN '${R.noDate}' THEN 'the date is blank'
            WHEN '${R.unparseableDate}' THEN 'date ''' || date_text || ''' is not a valid date'
            WHEN '${R.implausibleDate}' THEN 'date ''' || date_text || ''' is ' || CASE WHEN occurred_at < TIMESTAMP '1900-01-01' THEN 'before 1900' ELSE 'in the future' END
            WHEN '${R.outsideMonths}' THEN 'month ' || strftime(occurred_at, '%Y-%m') || ' is outside the months asked for'
            WHEN '${R.outsideStudyArea}' THEN 'point ' || round(lat, 5) || ', ' || round(lon, 5) || ' is outside ${areaNote.replaceAll("'", "''")}'
            WHEN '${R.alreadyImported}' THEN 'the same row was imported before'
            WHEN '${R.duplicateId}' THEN 'id ' || s.incident_id || ' already seen at ' || dup.first_at
          END AS detail
        FROM s LEFT JOIN dup USING (src_row)
        WHERE s.pre IS NOT NULL OR s.seen OR dup.src_row IS NOT NULL`);

      progress('saving');
      throwIfAborted(options.signal);
      const [{ next }] = await db.rows<{ next: number }>(`SELECT COALESCE(max(import_id), 0) + 1 AS next FROM ${T.imports}`);
      const importId = Number(next);
      const cols = incidentColumns.map(([c]) => c).join(', ');
      // x, y computed in SQL when the CRS is known early and the TM series covers it.
      const [xSql, ySql] = tmEarly ? tmForwardSql(tmEarly, 'lon', 'lat') : ['x', 'y'];
      await db.run(`INSERT INTO ${T.incidents} (${cols})
        SELECT incident_id, ${lit(src.name)}, src_row, occurred_at, time_known, date_known, strftime(occurred_at, '%Y-%m'),
          category, category_raw, lon, lat, ${xSql}, ${ySql}, location_text, area_code, row_key, ${importId}
        FROM stage ANTI JOIN decided USING (src_row)`);
      const xyDone = tmEarly !== null || (planar && crsEarly === inputCrs);
      if (!xyDone && crs) await projectImported(db, importId, crs);
      await db.run(`INSERT INTO ${T.rejects}
        SELECT ${importId}, ${lit(src.name)}, s.src_row, d.reason, d.detail,
          concat_ws(' | ', s.incident_id, s.date_text, s.lon, s.lat, s.category_raw, s.location_text, s.area_code)
        FROM decided d JOIN stage s USING (src_row)`);
      if (malformed) {
        // One statement for all of them: a file with a decimal comma in every row has millions.
        // DuckDB reports a short line once per missing column ('Found: 3', 'Found: 4', ...) and
        // a long one once per extra column: the line's field count is the least or the most.
        const found = `TRY_CAST(regexp_extract(error_message, 'Found: (\\d+)', 1) AS INTEGER)`;
        const fields = `COALESCE(max(${found}) FILTER (WHERE error_type = 'TOO MANY COLUMNS'), min(${found}) FILTER (WHERE error_type = 'MISSING COLUMNS'))`;
        await db.run(`INSERT INTO ${T.rejects}
          SELECT ${importId}, ${lit(src.name)}, line, '${R.malformedRow}',
            CASE WHEN found IS NOT NULL THEN 'the line has ' || found || CASE WHEN found = 1 THEN ' field' ELSE ' fields' END || ' but the header has ${header.length}' ||
                   CASE WHEN found > ${header.length} AND regexp_matches(csv_line, '\\d,\\d') AND NOT regexp_matches(csv_line, '\\d\\.\\d') THEN ' (decimal commas in a comma-separated file? quote such numbers or separate the fields with ;)' ELSE '' END
                 WHEN error_type = 'LINE SIZE OVER MAXIMUM' THEN 'the line is longer than ${MAX_LINE_BYTES} bytes'
                 ELSE 'the CSV reader could not split the line: ' || split_part(error_message, chr(10), 1) END,
            COALESCE(csv_line, '')
          FROM (SELECT line, ${fields} AS found, first(error_type) AS error_type, first(error_message) AS error_message, first(csv_line) AS csv_line
                FROM ${rejTable} GROUP BY line)`);
      }
      const [counts] = await db.rows<{ accepted: bigint; rejected: bigint }>(
        `SELECT (SELECT count(*) FROM ${T.incidents} WHERE import_id = ${importId}) AS accepted,
                (SELECT count(*) FROM ${T.rejects} WHERE import_id = ${importId}) AS rejected`);
      const accepted = Number(counts.accepted), rejected = Number(counts.rejected);
      await db.run(`INSERT INTO ${T.imports} VALUES (${importId}, ${lit(src.name)}, ${lit(format)}, TIMESTAMP '${new Date().toISOString().slice(0, 19).replace('T', ' ')}', ${accepted + rejected}, ${accepted}, ${rejected})`);
      const byReason = await db.rows<{ reason: string; n: bigint }>(
        `SELECT reason, count(*) AS n FROM ${T.rejects} WHERE import_id = ${importId} GROUP BY reason ORDER BY reason`);
      const months = await db.rows<{ month: string; n: bigint }>(
        `SELECT month, count(*) AS n FROM ${T.incidents} WHERE import_id = ${importId} GROUP BY month ORDER BY month`);
      const examples = await db.rows<{ source_row: bigint; reason: string; detail: string }>(
        `SELECT source_row, reason, detail FROM ${T.rejects} WHERE import_id = ${importId} ORDER BY source_row LIMIT 5`);
      await db.run('COMMIT');
      if (areaNote) notes.push(`study area: ${areaNote}`);
      return {
        crs,
        summary: {
          file: src.name, format, read: accepted + rejected, accepted, rejected,
          rejectedByReason: Object.fromEntries(byReason.map((r) => [r.reason, Number(r.n)])),
          months: Object.fromEntries(months.map((r) => [r.month, Number(r.n)])),
          notes,
          examples: examples.map((e) => `${src.name}, row ${e.source_row}: ${e.reason} (${e.detail})`),
        },
      };
    } catch (e) {
      await db.run('ROLLBACK').catch(() => undefined);
      throw e;
    }
  } finally {
    await db.run(`DROP TABLE IF EXISTS ${rejTable}; DROP TABLE IF EXISTS ${rejScan}; DROP TABLE IF EXISTS stage; DROP TABLE IF EXISTS decided; DROP TABLE IF EXISTS malformed;`).catch(() => undefined);
    if (prep.registered) await db.unregister(prep.path).catch(() => undefined);
  }
}

const firstLine = (s: string) => s.split('\n')[0];

/** A write refused for lack of space: the browser's storage quota (OPFS) or a full disk. */
const isStorageFull = (e: Error) =>
  e.name === 'QuotaExceededError' || /QuotaExceeded|No space available|quota exceeded|No space left on device|disk is full/i.test(e.message);

/** The date layouts (of `formats`) that values of the sample query match, most frequent first, at most three. */
async function usedFormats(db: SqlEngine, sampleSql: string, formats: string[]): Promise<string[]> {
  if (!formats.length) return [];
  const [counts] = await db.rows<Record<string, bigint | number>>(
    `SELECT ${formats.map((f, i) => `count(try_strptime(v, ${lit(f)})) AS f${i}`).join(', ')} FROM (${sampleSql})`);
  return formats
    .map((f, i) => ({ f, n: Number(counts[`f${i}`]) }))
    .filter((c) => c.n > 0)
    .sort((a, b) => b.n - a.n)
    .slice(0, 3)
    .map((c) => c.f);
}

/**
 * The local UTM zone of the median point (when the sample of the file had no usable point);
 * null when no row has usable coordinates (then every row is rejected).
 */
async function chooseCrs(db: SqlEngine, validCoords: string): Promise<string | null> {
  const [c] = await db.rows<{ mlon: number | null; mlat: number | null }>(
    `SELECT median(lon) AS mlon, median(lat) AS mlat FROM stage WHERE ${validCoords}`);
  if (c.mlon === null || c.mlat === null) return null;
  return utmCrsFor(c.mlon, c.mlat);
}

/** Great-circle distance in metres (haversine on a 6,371 km sphere). */
const distanceM = (lon1: number, lat1: number, lon2: number, lat2: number) => {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371000 * Math.asin(Math.min(1, Math.sqrt(a)));
};

/**
 * A whole file with latitude and longitude swapped (columns mislabelled) centres far from the
 * data already stored, and on it once swapped back. Such a file is refused with a message
 * saying how to fix it, rather than imported somewhere else in the world. With nothing stored
 * yet there is nothing to compare with; swapped rows among good ones are caught row by row.
 */
async function refuseSwappedFile(db: SqlEngine, name: string, mlon: number, mlat: number, lonCol: string, latCol: string): Promise<void> {
  if (!(Math.abs(mlat) <= 180 && Math.abs(mlon) <= 90)) return;
  const [c] = await db.rows<{ slon: number | null; slat: number | null }>(
    `SELECT median(lon) AS slon, median(lat) AS slat FROM ${T.incidents}`);
  if (c.slon === null || c.slat === null) return;
  const asGiven = distanceM(mlon, mlat, c.slon, c.slat);
  const swapped = distanceM(mlat, mlon, c.slon, c.slat);
  if (asGiven > 500000 && swapped < 100000) {
    throw new Error(`${name}: latitude and longitude look swapped in the whole file: its points centre on latitude ${mlat.toFixed(4)}, ` +
      `longitude ${mlon.toFixed(4)}, ${Math.round(asGiven / 1000)} km from the incidents already stored, and ${Math.round(swapped / 1000)} km from them swapped. ` +
      `Nothing of it was imported; exchange the names of the columns '${lonCol}' and '${latCol}' in its header ` +
      `(command line: --map lon=${latCol},lat=${lonCol}) and import it again.`);
  }
}

/**
 * Bring planar rows to lon/lat with proj4 (the rare path). When the input CRS is the project's
 * own, its coordinates are kept as x, y.
 */
async function unprojectStage(db: SqlEngine, crs: string, keepXY: boolean): Promise<void> {
  const cols = await db.numericColumns(`SELECT src_row, cx, cy FROM stage WHERE cx IS NOT NULL AND cy IS NOT NULL ORDER BY src_row`);
  const p = projector('EPSG:4326', crs);
  const n = cols.src_row.length;
  const lines: string[] = ['src_row,lon,lat'];
  for (let i = 0; i < n; i++) {
    const [lon, lat] = cols.cx[i] === 0 && cols.cy[i] === 0 ? [0, 0] : p.inverse(cols.cx[i], cols.cy[i]);
    lines.push(`${cols.src_row[i]},${Number.isFinite(lon) ? lon : ''},${Number.isFinite(lat) ? lat : ''}`);
  }
  const path = await db.registerBytes('unprojected.csv', new TextEncoder().encode(lines.join('\n') + '\n'));
  try {
    await db.run(`CREATE OR REPLACE TEMP TABLE stage AS
      SELECT s.* EXCLUDE (cx, cy, x, y), u.lon, u.lat, ${keepXY ? 's.cx AS x, s.cy AS y' : 'NULL::DOUBLE AS x, NULL::DOUBLE AS y'} FROM stage s
      LEFT JOIN read_csv(${lit(path)}, header = true, columns = {'src_row': 'BIGINT', 'lon': 'DOUBLE', 'lat': 'DOUBLE'}) u USING (src_row)`);
  } finally {
    await db.unregister(path);
  }
}

/** Fill x, y with proj4 for a CRS the SQL series does not cover (e.g. EPSG:27700). */
async function projectImported(db: SqlEngine, importId: number, crs: string): Promise<void> {
  const cols = await db.numericColumns(`SELECT source_row, lon, lat FROM ${T.incidents} WHERE import_id = ${importId}`);
  const p = projector('EPSG:4326', crs);
  const lines: string[] = ['source_row,x,y'];
  for (let i = 0; i < cols.lon.length; i++) {
    const [x, y] = p.forward(cols.lon[i], cols.lat[i]);
    lines.push(`${cols.source_row[i]},${x},${y}`);
  }
  const path = await db.registerBytes('projected.csv', new TextEncoder().encode(lines.join('\n') + '\n'));
  try {
    await db.run(`UPDATE ${T.incidents} SET x = p.x, y = p.y FROM read_csv(${lit(path)}, header = true, columns = {'source_row': 'BIGINT', 'x': 'DOUBLE', 'y': 'DOUBLE'}) p
      WHERE ${T.incidents}.import_id = ${importId} AND ${T.incidents}.source_row = p.source_row`);
  } finally {
    await db.unregister(path);
  }
}
