/**
 * Seeded fuzzing of the importer (issue 7): slices of real police.uk extracts, mutated, imported
 * one by one into one DuckDB instance. The sequence is the same on every run (mulberry32 from
 * src/routing/random.ts, fixed seed); a failure prints the case number, its mutations and the
 * bytes, so it can be replayed.
 *
 * Invariants, every case:
 *  1. no exception escapes ingestFiles but an IngestQuestion (then nothing changed in the tables);
 *  2. a file that cannot be imported gets an error that starts with its name, reads 0 rows and
 *     changes nothing;
 *  3. otherwise accepted + rejected = rows read, the sum of rejectedByReason = rejected, each
 *     reason is a known code, and the tables agree: the import's rows in `incidents` = accepted,
 *     in `rejects` = rejected, `imports.rows_read` = read, and the table totals grew by exactly
 *     that; accepted rows have finite lon/lat in range, x/y, a time and its month; every rejected
 *     row has a row number (>= 2) and a detail; every example names the file and the row.
 * For mutations that keep the record structure (no delimiter, quote or line break is added or
 * removed) the rows read are also counted independently, from the lines the test wrote:
 *  4. rows read = the data lines of the mutated text, and no file error.
 * Re-encoded files (Windows-1257/1252, UTF-16LE/BE, BOM) must also give back the words written
 * into them.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeDb } from '../../src/data/node_db.ts';
import { ensureSchema, ingestFiles, IngestQuestion, type IngestOptions, type IngestSource, type IngestSummary } from '../../src/data/ingest.ts';
import { RejectReason } from '../../src/data/schema.ts';
import { clearAll } from '../../src/data/dataset.ts';
import { Random } from '../../src/routing/random.ts';

const root = resolve(import.meta.dirname, '../..');
const sharedDir = resolve(root, '../shared/data/police_uk/city_of_london_2018_2021');
const fallback = join(root, 'test/fixtures/police_uk/2019-07-city-of-london-street.csv');

/** Cases, and the seed of the whole sequence. */
const CASES = Number(process.env.SARGAS_FUZZ_CASES ?? 2000);
const SEED = Number(process.env.SARGAS_FUZZ_SEED ?? 20240607);
/** Empty the tables every so many cases, so they stay small and new rows keep being accepted. */
const RESET_EVERY = 100;
/**
 * Independent databases working through the cases side by side (case i goes to lane i % LANES).
 * Imports of a few dozen rows are bound by per-statement overhead, not by DuckDB's threads, so
 * two one-threaded databases use two cores where one would idle.
 */
const LANES = Number(process.env.SARGAS_FUZZ_LANES ?? 2);

const sourceFiles = existsSync(sharedDir)
  ? readdirSync(sharedDir).filter((f) => f.endsWith('.csv')).sort().map((f) => join(sharedDir, f))
  : [fallback];
const extracts = sourceFiles.map((p) => {
  const lines = readFileSync(p, 'utf8').split(/\r?\n/).filter((l) => l !== '');
  return { header: lines[0], rows: lines.slice(1) };
});

const knownReasons = new Set<string>(Object.values(RejectReason));

// Single-byte encodings built from the platform's decoder (independent of the importer).
function singleByteEncoder(label: string): (s: string) => Uint8Array {
  const table = new Map<string, number>();
  const dec = new TextDecoder(label);
  for (let b = 0; b < 256; b++) {
    const ch = dec.decode(Uint8Array.of(b));
    if (ch !== '\ufffd' && !table.has(ch)) table.set(ch, b);
  }
  return (s) => Uint8Array.from([...s].map((ch) => {
    const b = table.get(ch);
    if (b === undefined) throw new Error(`cannot encode ${ch} in ${label}`);
    return b;
  }));
}
const encode1257 = singleByteEncoder('windows-1257');
const encode1252 = singleByteEncoder('windows-1252');
const utf16le = (s: string) => new Uint8Array(Buffer.from('\ufeff' + s, 'utf16le'));
const utf16be = (s: string) => {
  const le = utf16le(s);
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return le;
};

/** Printable bytes that can be neither a delimiter, a quote, an escape, a comment nor a line break. */
const safeAscii = [...' 0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-+:/()[]{}!?=@$%&*_~^`<>'].map((c) => c.charCodeAt(0));
/** Replacement values for one field: blanks, non-numbers, out-of-range numbers, odd dates, markup. */
const nastyValues = ['', ' ', 'NaN', 'nan', 'inf', '-inf', '0', '-0', '0.0', '1e309', '999', '-91', '181', 'abc', 'NULL', 'N/A', '.', '+', '-',
  '2019-13', '2019-00', '0000-00', '9999-12', '19-07', '2019-7', '07/2019', '2019/07', '٢٠١٩-٠٧', 'ž', 'Šiaulių', '<img src=x onerror=alert(1)>',
  '=1+1', '@SUM(A1)', '-0.09.1', '51.5.2', '１２３'];

interface Case {
  index: number;
  name: string;
  bytes: Uint8Array;
  options?: IngestOptions;
  mutations: string[];
  /** Data rows in the mutated text, when the mutations kept the record structure. */
  expectedRows?: number;
  /** The file must fail as a whole with this message. */
  expectedError?: RegExp;
  /** The file may fail as a whole, but only with this message. */
  allowedError?: RegExp;
  /** Words written into the file that must come back (location text or raw rejected row). */
  words?: string[];
}

/** Make case i: a slice of an extract, then one of the mutation families. */
function makeCase(rnd: Random, index: number): Case {
  const ex = extracts[rnd.int(extracts.length)];
  const n = 5 + rnd.int(56);
  const start = rnd.int(Math.max(1, ex.rows.length - n));
  const header = ex.header;
  let rows = ex.rows.slice(start, start + n);
  const mutations: string[] = [`slice ${sourceFiles[extracts.indexOf(ex)].split('/').pop()} rows ${start}+${rows.length}`];
  const pick = <T>(xs: readonly T[]) => xs[rnd.int(xs.length)];
  const family = rnd.int(10);
  let structural = false;
  let eol = '\n';
  let encoding: 'utf-8' | 'utf-8-bom' | 'windows-1257' | 'windows-1252' | 'utf-16le' | 'utf-16be' = 'utf-8';
  let words: string[] | undefined;
  let gzip = false;
  let cutGzip = false;
  let expectedError: RegExp | undefined;
  let allowedError: RegExp | undefined;

  const setField = (line: string, col: number, value: string) => {
    const f = line.split(',');
    if (col < f.length) f[col] = value;
    return f.join(',');
  };
  const ncols = header.split(',').length;

  switch (family) {
    case 0: { // byte flips to safe characters or high bytes, in data lines only
      const flips = 1 + rnd.int(20);
      for (let k = 0; k < flips; k++) {
        const r = rnd.int(rows.length);
        const line = rows[r];
        if (!line.length) continue;
        const pos = rnd.int(line.length);
        if (line[pos] === ',') continue;
        const ch = rnd.next() < 0.7 ? String.fromCharCode(pick(safeAscii)) : String.fromCharCode(0x80 + rnd.int(128));
        rows[r] = line.slice(0, pos) + ch + line.slice(pos + 1);
      }
      mutations.push(`${flips} byte flips`);
      // A high byte makes the file Windows-125x; write it as Latin-1 bytes.
      encoding = rows.some((l) => /[\u0080-\u00ff]/.test(l)) ? 'windows-1252' : 'utf-8';
      if (encoding === 'windows-1252') rows = rows.map((l) => [...l].map((c) => (c.charCodeAt(0) >= 0x80 ? encodeLatin1Safe(c) : c)).join(''));
      break;
    }
    case 1: { // nasty values in up to 40% of the lines
      const k = 1 + rnd.int(Math.max(1, Math.floor(rows.length * 0.4)));
      for (let j = 0; j < k; j++) {
        const r = rnd.int(rows.length), c = rnd.int(ncols), v = rnd.next() < 0.05 ? 'x'.repeat(10_000 + rnd.int(90_000)) : pick(nastyValues);
        rows[r] = setField(rows[r], c, v);
        mutations.push(`row ${r} col ${c} = ${v.length > 40 ? `${v.length} chars` : JSON.stringify(v)}`);
      }
      if (rows.some((l) => /[\u0080-\uffff]/.test(l))) encoding = 'utf-8';
      break;
    }
    case 2: { // longitude and latitude swapped in fewer than half the lines
      const cols = header.split(',');
      const lonC = cols.indexOf('Longitude'), latC = cols.indexOf('Latitude');
      const k = rnd.int(Math.ceil(rows.length / 2));
      for (let j = 0; j < k; j++) {
        const r = rnd.int(rows.length);
        const f = rows[r].split(',');
        [f[lonC], f[latC]] = [f[latC], f[lonC]];
        rows[r] = f.join(',');
      }
      mutations.push(`${k} lon/lat swaps`);
      // When blank coordinates leave the swapped rows a majority, the whole file looks swapped.
      allowedError = /latitude and longitude look swapped in the whole file/;
      break;
    }
    case 3: { // re-encoded, with words of that script written into the Location column
      encoding = pick(['windows-1257', 'windows-1252', 'utf-16le', 'utf-16be', 'utf-8-bom'] as const);
      const lt = ['Šiaulių g. 5', 'Žvejų g. 1', 'Ąžuolų aikštė', 'Vytėnų g. 12'], we = ['Café Müller', 'Straße 7', 'Señor Núñez', 'Große Öde'];
      words = encoding === 'windows-1252' ? we : encoding === 'windows-1257' ? lt : [...lt, ...we];
      const loc = header.split(',').indexOf('Location');
      const k = 1 + rnd.int(rows.length);
      for (let j = 0; j < k; j++) rows[rnd.int(rows.length)] = setField(rows[rnd.int(rows.length)], loc, pick(words));
      // The words still in the file (a later rewrite may replace an earlier one).
      words = words.filter((w) => rows.some((l) => l.split(',')[loc] === w));
      mutations.push(`encoded ${encoding}, ${k} locations rewritten`);
      break;
    }
    case 4: { // whole lines deleted, duplicated, or the file cut at a line end
      const op = rnd.int(3);
      if (op === 0 && rows.length > 1) {
        const k = 1 + rnd.int(rows.length - 1);
        for (let j = 0; j < k; j++) rows.splice(rnd.int(rows.length), 1);
        mutations.push(`${k} lines deleted`);
      } else if (op === 1) {
        const k = 1 + rnd.int(10);
        for (let j = 0; j < k; j++) { const r = rnd.int(rows.length); rows.splice(r, 0, rows[r]); }
        mutations.push(`${k} lines duplicated`);
      } else {
        rows = rows.slice(0, rnd.int(rows.length + 1));
        mutations.push(`cut after ${rows.length} lines`);
        if (!rows.length) expectedError = /but no data rows$/;
      }
      break;
    }
    case 5: // line endings
      eol = pick(['\r\n', '\r', '\r\r\n']);
      mutations.push(`line ends ${JSON.stringify(eol)}`);
      break;
    default: // structural damage: anything goes, only the general invariants are checked
      structural = true;
      break;
  }
  if (!structural && rnd.next() < 0.15) {
    gzip = true;
    mutations.push('gzip');
  }

  const text = [header, ...rows].join(eol) + (rnd.next() < 0.8 ? eol : '');
  let bytes: Uint8Array;
  if (structural) {
    bytes = new TextEncoder().encode(text);
    const ops = 1 + rnd.int(4);
    for (let k = 0; k < ops; k++) {
      const op = rnd.int(8);
      const pos = rnd.int(Math.max(1, bytes.length));
      const arr = Array.from(bytes);
      switch (op) {
        case 0: arr[pos] = rnd.int(256); mutations.push(`byte ${pos} = ${arr[pos]}`); break;
        case 1: { // delete a delimiter
          const at = arr.indexOf(0x2c, pos);
          if (at >= 0) arr.splice(at, 1);
          mutations.push(`comma after ${pos} deleted`);
          break;
        }
        case 2: { const at = arr.indexOf(0x2c, pos); if (at >= 0) arr.splice(at, 0, 0x2c); mutations.push(`comma after ${pos} doubled`); break; }
        case 3: arr.splice(pos, 0, 0x22); mutations.push(`quote at ${pos}`); break;
        case 4: arr.length = pos; mutations.push(`cut at byte ${pos}`); break;
        case 5: { const k = 1 + rnd.int(64); arr.splice(pos, 0, ...Array.from({ length: k }, () => rnd.int(256))); mutations.push(`${k} random bytes at ${pos}`); break; }
        case 6: { const at = arr.indexOf(0x0a, pos); if (at >= 0) arr.splice(at, 1); mutations.push(`line break after ${pos} deleted`); break; }
        default: arr.splice(pos, 0, pick([0x0a, 0x0d, 0x3b, 0x09, 0x7c])); mutations.push(`separator at ${pos}`); break;
      }
      bytes = Uint8Array.from(arr);
    }
    if (rnd.next() < 0.15) {
      const gz = gzipSync(bytes);
      const cut = rnd.next() < 0.5;
      bytes = cut ? gz.subarray(0, 2 + rnd.int(gz.length - 2)) : new Uint8Array(gz);
      cutGzip = cut;
      mutations.push(cut ? `gzip cut to ${bytes.length} of ${gz.length} bytes` : 'gzip');
    }
  } else {
    if (encoding === 'windows-1257') bytes = encode1257(text);
    else if (encoding === 'windows-1252') bytes = encode1252(text);
    else if (encoding === 'utf-16le') bytes = utf16le(text);
    else if (encoding === 'utf-16be') bytes = utf16be(text);
    else if (encoding === 'utf-8-bom') bytes = new TextEncoder().encode('\ufeff' + text);
    else bytes = new TextEncoder().encode(text);
    if (gzip) bytes = new Uint8Array(gzipSync(bytes));
  }
  if (cutGzip && bytes.length > 0) expectedError = /the gzip data is damaged or truncated/;
  if (bytes.length === 0) expectedError = /the file is empty/;
  return {
    index, name: `fuzz-${index}.csv${gzip || cutGzip ? '.gz' : ''}`, bytes, mutations, words,
    expectedRows: structural ? undefined : rows.length, expectedError, allowedError,
  };
}

/** A Latin-1 character that Windows-1252 can also encode (0x80-0x9f are C1 controls in Latin-1). */
function encodeLatin1Safe(c: string): string {
  const code = c.charCodeAt(0);
  return code < 0xa0 ? String.fromCharCode(0xa0 + (code % 0x60)) : c;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Rows in the three tables of a lane's database, as the lane last saw them. */
interface Totals { i: number; r: number; m: number }
const totalsSql = '(SELECT count(*) FROM incidents) AS i, (SELECT count(*) FROM rejects) AS r, (SELECT count(*) FROM imports) AS m';
const counts = async (db: NodeDb): Promise<Totals> => {
  const [r] = await db.rows<{ i: bigint; r: bigint; m: bigint }>(`SELECT ${totalsSql}`);
  return { i: Number(r.i), r: Number(r.r), m: Number(r.m) };
};

describe(`importer fuzzing: ${CASES} seeded mutations of real extracts (seed ${SEED})`, () => {
  const dbs: NodeDb[] = [];
  beforeAll(async () => {
    for (let j = 0; j < LANES; j++) {
      const db = await NodeDb.open();
      await db.run('SET threads = 1');
      await ensureSchema(db);
      dbs.push(db);
    }
  });
  afterAll(() => dbs.forEach((db) => db.close()));

  it('holds the invariants on every case', async () => {
    const rnd = new Random(SEED);
    // The cases are made in one sequence, so they do not depend on the number of lanes.
    const all = Array.from({ length: CASES }, (_, i) => makeCase(rnd, i));
    const tally: Tally = { imported: 0, fileErrors: 0, questions: 0, counted: 0, rowsRead: 0, byReason: {}, errors: {} };
    const lane = async (j: number) => {
      const db = dbs[j];
      let totals: Totals = { i: 0, r: 0, m: 0 };
      for (let i = j, k = 0; i < CASES; i += LANES, k++) {
        if (k % RESET_EVERY === 0) {
          await clearAll(db);
          totals = await counts(db);
        }
        const c = all[i];
        try {
          totals = await checkCase(db, c, tally, totals);
        } catch (e) {
          const shown = new TextDecoder('latin1').decode(c.bytes.subarray(0, 600));
          (e as Error).message = `fuzz case ${i} (seed ${SEED}; ${c.mutations.join('; ')})\nfirst bytes: ${JSON.stringify(shown)}\n${(e as Error).message}`;
          throw e;
        }
      }
    };
    await Promise.all(dbs.map((_, j) => lane(j)));
    // The sequence exercised every outcome.
    expect(tally.imported).toBeGreaterThan(CASES / 2);
    expect(tally.fileErrors).toBeGreaterThan(0);
    expect(tally.counted).toBeGreaterThan(CASES / 3);
    expect(tally.questions).toBeLessThan(CASES / 20);
    for (const r of ['no_coordinates', 'unparseable_date', 'malformed_row', 'duplicate_id', 'swapped_coordinates', 'invalid_coordinates', 'zero_coordinates']) {
      expect(tally.byReason[r] ?? 0, r).toBeGreaterThan(0);
    }
    console.log(`fuzz: ${CASES} cases; ${tally.imported} imported (${tally.counted} with rows counted independently), ${tally.fileErrors} file errors, ` +
      `${tally.questions} questions; ${tally.rowsRead} rows read; rejected ${JSON.stringify(tally.byReason)}; errors ${JSON.stringify(tally.errors)}` +
      (tally.duckdbErrors ? `\ne.g. ${tally.duckdbErrors.join('\n     ')}` : ''));
  }, 300_000);
});

/** Import one case and check the invariants; returns the table totals after it. */
async function checkCase(db: NodeDb, c: Case, tally: Tally, before: Totals): Promise<Totals> {
  const source: IngestSource = { name: c.name, size: c.bytes.length, head: c.bytes.subarray(0, 1 << 16), readAll: async () => c.bytes };
  let s: IngestSummary;
  try {
    s = await ingestFiles(db, [source], c.options);
  } catch (e) {
    // 1. Only a question may escape, and it changes nothing.
    if (!(e instanceof IngestQuestion)) throw e;
    // The one question: most coordinates are beyond ±180/±90 (values such as 999, or a flipped
    // decimal point), so they may be planar.
    expect(e.message).toMatch(new RegExp(`^${esc(c.name)}: columns '.*' hold values like .* which are not longitude/latitude`));
    expect(await counts(db)).toEqual(before);
    tally.questions++;
    return before;
  }
  expect(s.files).toHaveLength(1);
  const f = s.files[0];
  if (f.error) {
    // 2. A file error names the file and leaves no trace.
    expect(f.error.startsWith(`${c.name}: `), f.error).toBe(true);
    expect([f.read, f.accepted, f.rejected, s.accepted, s.rejected]).toEqual([0, 0, 0, 0, 0]);
    expect(await counts(db)).toEqual(before);
    if (c.expectedError) expect(f.error).toMatch(c.expectedError);
    else if (c.allowedError && c.allowedError.test(f.error)) { /* allowed */ }
    else expect(c.expectedRows, `unexpected file error: ${f.error}`).toBeUndefined();
    const kind = f.error.slice(c.name.length + 2).replace(/[(:'].*$/, '').trim();
    tally.errors[kind] = (tally.errors[kind] ?? 0) + 1;
    if (/DuckDB could not read/.test(f.error) && (tally.duckdbErrors ??= []).length < 6) tally.duckdbErrors.push(`${f.error} [${c.mutations.join('; ')}]`);
    // SARGAS_FUZZ_DUMP=folder keeps the bytes of files that failed as a whole, to replay them.
    if (process.env.SARGAS_FUZZ_DUMP) writeFileSync(join(process.env.SARGAS_FUZZ_DUMP, c.name), c.bytes);
    tally.fileErrors++;
    return before;
  }
  expect(c.expectedError, 'expected a file error').toBeUndefined();
  // 3. The summary adds up and agrees with the tables.
  expect(f.accepted + f.rejected).toBe(f.read);
  expect([s.accepted, s.rejected]).toEqual([f.accepted, f.rejected]);
  expect(Object.values(f.rejectedByReason).reduce((a, b) => a + b, 0)).toBe(f.rejected);
  for (const r of Object.keys(f.rejectedByReason)) expect(knownReasons.has(r), r).toBe(true);
  expect(Object.values(f.months).reduce((a, b) => a + b, 0)).toBe(f.accepted);
  // One query: the totals, the import's log row, its rows in both tables, and the bad ones.
  const [chk] = await db.rows<{ i: bigint; r: bigint; m: bigint; id: number; read: bigint; la: bigint; lr: bigint; a: bigint; bad_a: bigint; rj: bigint; bad_r: bigint }>(
    `WITH imp AS (SELECT import_id AS id, rows_read AS read, accepted AS la, rejected AS lr FROM imports ORDER BY import_id DESC LIMIT 1)
     SELECT ${totalsSql}, imp.*,
            (SELECT count(*) FROM incidents WHERE import_id = imp.id) AS a,
            (SELECT count(*) FROM incidents WHERE import_id = imp.id AND (lon IS NULL OR lat IS NULL OR NOT isfinite(lon) OR NOT isfinite(lat)
               OR abs(lon) > 180 OR abs(lat) > 90 OR lon = 0 OR lat = 0 OR x IS NULL OR y IS NULL OR NOT isfinite(x) OR NOT isfinite(y)
               OR occurred_at IS NULL OR month IS DISTINCT FROM strftime(occurred_at, '%Y-%m') OR source <> '${c.name}' OR source_row < 2)) AS bad_a,
            (SELECT count(*) FROM rejects WHERE import_id = imp.id) AS rj,
            (SELECT count(*) FROM rejects WHERE import_id = imp.id AND (source_row IS NULL OR source_row < 2 OR detail IS NULL OR detail = '' OR source <> '${c.name}')) AS bad_r
     FROM imp`);
  const after: Totals = { i: Number(chk.i), r: Number(chk.r), m: Number(chk.m) };
  expect(after).toEqual({ i: before.i + f.accepted, r: before.r + f.rejected, m: before.m + 1 });
  expect([Number(chk.read), Number(chk.la), Number(chk.lr)]).toEqual([f.read, f.accepted, f.rejected]);
  expect([Number(chk.a), Number(chk.bad_a), Number(chk.rj), Number(chk.bad_r)]).toEqual([f.accepted, 0, f.rejected, 0]);
  const imp = { id: chk.id };
  for (const ex of f.examples) expect(ex).toMatch(new RegExp(`^${esc(c.name)}, row \\d+: [a-z_]+ \\(.*\\)$`, 's'));
  // 4. Independently counted rows, where the structure was kept.
  if (c.expectedRows !== undefined) {
    expect(f.read).toBe(c.expectedRows);
    tally.counted++;
  }
  if (c.words?.length && f.read > 0) {
    for (const w of c.words) {
      const [{ n }] = await db.rows<{ n: bigint }>(
        `SELECT (SELECT count(*) FROM incidents WHERE import_id = ${imp.id} AND location_text = '${w}')
              + (SELECT count(*) FROM rejects WHERE import_id = ${imp.id} AND contains(raw, '${w}')) AS n`);
      expect(Number(n), `'${w}' read back`).toBeGreaterThan(0);
    }
  }
  tally.imported++;
  tally.rowsRead += f.read;
  for (const [r, k] of Object.entries(f.rejectedByReason)) tally.byReason[r] = (tally.byReason[r] ?? 0) + k;
  return after;
}

interface Tally {
  imported: number;
  fileErrors: number;
  questions: number;
  counted: number;
  rowsRead: number;
  byReason: Record<string, number>;
  errors: Record<string, number>;
  /** A few file errors of the kinds DuckDB raised, to read. */
  duckdbErrors?: string[];
}
