/**
 * Looking at a file before DuckDB reads it: compression, text encoding, which known format it
 * is and which column plays which role. Pure functions over bytes and header names.
 */

/** gzip magic number. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Parquet files start and end with 'PAR1'. */
export function isParquet(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x41 && bytes[2] === 0x52 && bytes[3] === 0x31;
}

/**
 * A JSON document (after optional BOM and white space) starts with '{' (GeoJSON) or '[' (JSON,
 * but not GeoJSON: read as JSON so the message says so instead of naming a bracket as a column).
 */
export function looksLikeJson(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return bytes[i] === 0x7b || bytes[i] === 0x5b;
}

/**
 * UTF-16 text (Excel's "Unicode text" export): by its byte-order mark, or, without one, by the
 * NUL high bytes of ASCII characters at every other position in the first KiB. Null otherwise.
 */
export function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const n = Math.min(1024, bytes.length) & ~1;
  if (n < 8) return null;
  let evenZero = 0, oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > 0.9 * pairs && evenZero === 0) return 'utf-16le';
  if (evenZero > 0.9 * pairs && oddZero === 0) return 'utf-16be';
  return null;
}

/**
 * Excel writes `sep=;` as the first line of a CSV to name its delimiter. Returns the delimiter
 * and the length in bytes of that line (with its line break and any UTF-8 BOM before it).
 */
export function excelSeparatorLine(bytes: Uint8Array): { delimiter: string; length: number } | null {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const head = new TextDecoder('utf-8').decode(bytes.subarray(start, start + 16));
  const m = /^"?sep=(.)"?(\r\n|\n|\r)/i.exec(head);
  if (!m) return null;
  return { delimiter: m[1], length: start + new TextEncoder().encode(m[0]).length };
}

/** The delimiter of a header line: whichever of , ; tab | occurs most often outside quotes (',' when none does). */
export function guessDelimiter(line: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0, '|': 0 };
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch]++;
  }
  let best = ',';
  for (const d of [';', '\t', '|']) if (counts[d] > counts[best]) best = d;
  return best;
}

/** True when at least two and half of the header names read as numbers or dates: the file has no header row. */
export function headerLooksLikeData(header: string[]): boolean {
  const numeric = header.filter((h) => /^\s*[-+]?\.?\d/.test(h)).length;
  return numeric >= 2 && numeric * 2 >= header.length;
}

/**
 * Share of NUL and other control bytes (not tab/CR/LF) in the first bytes: a binary file
 * renamed .csv has many, any text has none.
 */
export function binaryShare(bytes: Uint8Array, limit = 8192): number {
  const n = Math.min(limit, bytes.length);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) bad++;
  }
  return n ? bad / n : 0;
}

export type TextEncoding = 'utf-8' | 'windows-1257' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** True when every byte sequence is valid UTF-8 (a cut multi-byte character at the end is allowed). */
export function isUtf8(bytes: Uint8Array, truncated = false): boolean {
  let end = bytes.length;
  if (truncated) {
    // Step back over a multi-byte sequence the cut may have split.
    let k = end - 1, back = 0;
    while (k >= 0 && back < 3 && (bytes[k] & 0xc0) === 0x80) { k--; back++; }
    if (k >= 0 && bytes[k] >= 0xc0) end = k;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

const baltic = /^[ąčęėįšųūžĄČĘĖĮŠŲŪŽ]$/;
const western = /^[àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿßÀÁÂÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÖØÙÚÛÜ£]$/;
let byteKinds: Uint8Array | null = null;

/** Per byte: 1 when Windows-1257 reads it as a Lithuanian letter, 2 when only Windows-1252 reads it as a Western one. */
function legacyByteKinds(): Uint8Array {
  if (byteKinds) return byteKinds;
  const kinds = new Uint8Array(256);
  const d1257 = new TextDecoder('windows-1257'), d1252 = new TextDecoder('windows-1252');
  for (let b = 0x80; b < 256; b++) {
    if (baltic.test(d1257.decode(Uint8Array.of(b)))) kinds[b] = 1;
    else if (western.test(d1252.decode(Uint8Array.of(b)))) kinds[b] = 2;
  }
  return (byteKinds = kinds);
}

/**
 * The encoding of text that is not UTF-8: Windows-1257 (Baltic) or Windows-1252 (Western).
 * Most bytes of Lithuanian letters are Western letters in Windows-1252 too (ų is ø, ė is ë, ą
 * is à), so only bytes that are Western letters and not Lithuanian ones count for 1252: text
 * with Lithuanian letters and no distinctly Western ones (é, ü, ö, ß, ñ, ...) is Baltic. A
 * Danish ø/Ø (Lithuanian ų/Ų in 1257) is therefore read as Baltic; name the encoding to override.
 */
export function guessLegacyEncoding(bytes: Uint8Array): TextEncoding {
  const kinds = legacyByteKinds();
  const n = Math.min(bytes.length, 1 << 20);
  let b = 0, w = 0;
  for (let i = 0; i < n; i++) {
    const k = kinds[bytes[i]];
    if (k === 1) b++;
    else if (k === 2) w++;
  }
  return b > w ? 'windows-1257' : 'windows-1252';
}

/** Column roles the importer understands. */
export interface ColumnMapping {
  id?: string;
  /** Full date or date-time. */
  date?: string;
  /** Month only ('YYYY-MM'), when there is no date column. */
  month?: string;
  lon?: string;
  lat?: string;
  /** Planar coordinates (a CRS must be named). */
  x?: string;
  y?: string;
  category?: string;
  location?: string;
  area?: string;
}

export type SourceFormat = 'police_uk' | 'chicago_portal' | 'generic';

const key = (s: string) => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]/g, '');

/** Candidate header names for each role, in order of preference (compared without case, spaces or accents). */
const candidates: Record<keyof ColumnMapping, string[]> = {
  id: ['crimeid', 'incidentid', 'id', 'casenumber', 'caseid', 'eventid', 'incidentnumber', 'reportnumber', 'ivykioid', 'bylosnr', 'nr'],
  date: ['occurredat', 'datetime', 'date', 'dateoccurred', 'occurred', 'occurreddate', 'timestamp', 'incidentdate', 'reporteddate', 'datereported', 'time', 'data', 'ivykiodata', 'datalaikas'],
  month: ['month', 'menuo', 'yearmonth'],
  lon: ['longitude', 'lon', 'lng', 'long', 'ilguma', 'wgs84lon'],
  lat: ['latitude', 'lat', 'platuma', 'wgs84lat'],
  x: ['x', 'xcoordinate', 'easting', 'east', 'xcoord', 'coordx', 'lks94x'],
  y: ['y', 'ycoordinate', 'northing', 'north', 'ycoord', 'coordy', 'lks94y'],
  category: ['category', 'crimetype', 'primarytype', 'offence', 'offense', 'offencetype', 'offensetype', 'type', 'crimecategory', 'nusikaltimorusis', 'kategorija', 'rusis'],
  location: ['locationtext', 'location', 'block', 'address', 'street', 'adresas', 'vieta', 'gatve', 'locationdescription', 'loccat', 'locationtype'], // last: a kind of place ("residence") where no address is given
  area: ['areacode', 'lsoacode', 'beat', 'area', 'district', 'ward', 'neighbourhood', 'seniunija'],
};

/** Which known format a header belongs to. */
export function detectFormat(header: string[]): SourceFormat {
  const keys = new Set(header.map(key));
  if (keys.has('crimeid') && keys.has('month') && keys.has('fallswithin')) return 'police_uk';
  if (keys.has('primarytype') && keys.has('casenumber')) return 'chicago_portal';
  return 'generic';
}

/**
 * Map header names to roles: fixed for the known formats, by common names otherwise.
 * `override` (from the user) wins over what is detected.
 */
export function detectMapping(header: string[], override: ColumnMapping = {}): ColumnMapping {
  const format = detectFormat(header);
  const byKey = new Map<string, string>();
  for (const h of header) if (!byKey.has(key(h))) byKey.set(key(h), h);
  const pick = (...names: string[]) => names.map((n) => byKey.get(key(n))).find((h) => h !== undefined);
  let m: ColumnMapping;
  if (format === 'police_uk') {
    m = { id: pick('Crime ID'), month: pick('Month'), lon: pick('Longitude'), lat: pick('Latitude'),
      category: pick('Crime type'), location: pick('Location'), area: pick('LSOA code') };
  } else if (format === 'chicago_portal') {
    // 'Location' is the portal's "(lat, lon)" text; the address is 'Block'.
    m = { id: pick('Case Number', 'ID'), date: pick('Date'), lon: pick('Longitude'), lat: pick('Latitude'),
      x: pick('X Coordinate'), y: pick('Y Coordinate'), category: pick('Primary Type'), location: pick('Block'), area: pick('Beat') };
  } else {
    m = {};
    const used = new Set<string>();
    for (const role of Object.keys(candidates) as (keyof ColumnMapping)[]) {
      for (const c of candidates[role]) {
        const h = byKey.get(c);
        if (h !== undefined && !used.has(h)) {
          m[role] = h;
          used.add(h);
          break;
        }
      }
    }
  }
  for (const [role, col] of Object.entries(override) as [keyof ColumnMapping, string | undefined][]) {
    if (col === undefined) continue;
    const h = byKey.get(key(col));
    if (h === undefined) throw new Error(`column '${col}' given for ${role} is not in the header (${header.join(', ')})`);
    m[role] = h;
  }
  for (const k of Object.keys(m) as (keyof ColumnMapping)[]) if (m[k] === undefined) delete m[k];
  return m;
}

/** Date layouts the importer reads, as DuckDB strptime formats; `time` says whether they carry a time of day. */
export const dateFormats = {
  iso: [
    { fmt: '%Y-%m-%dT%H:%M:%S.%f', time: true }, { fmt: '%Y-%m-%dT%H:%M:%S', time: true }, { fmt: '%Y-%m-%d %H:%M:%S.%f', time: true },
    { fmt: '%Y-%m-%d %H:%M:%S', time: true }, { fmt: '%Y-%m-%dT%H:%M', time: true }, { fmt: '%Y-%m-%d %H:%M', time: true },
    { fmt: '%Y-%m-%d', time: false }, { fmt: '%Y/%m/%d %H:%M:%S', time: true }, { fmt: '%Y/%m/%d %H:%M', time: true }, { fmt: '%Y/%m/%d', time: false },
    { fmt: '%Y.%m.%d %H:%M:%S', time: true }, { fmt: '%Y.%m.%d %H:%M', time: true }, { fmt: '%Y.%m.%d', time: false },
  ],
  dmy: [
    { fmt: '%d/%m/%Y %H:%M:%S', time: true }, { fmt: '%d/%m/%Y %H:%M', time: true }, { fmt: '%d/%m/%Y', time: false },
    { fmt: '%d.%m.%Y %H:%M:%S', time: true }, { fmt: '%d.%m.%Y %H:%M', time: true }, { fmt: '%d.%m.%Y', time: false },
    { fmt: '%d-%m-%Y %H:%M:%S', time: true }, { fmt: '%d-%m-%Y %H:%M', time: true }, { fmt: '%d-%m-%Y', time: false },
  ],
  mdy: [
    { fmt: '%m/%d/%Y %I:%M:%S %p', time: true }, { fmt: '%m/%d/%Y %I:%M %p', time: true }, { fmt: '%m/%d/%Y %H:%M:%S', time: true },
    { fmt: '%m/%d/%Y %H:%M', time: true }, { fmt: '%m/%d/%Y', time: false },
  ],
  month: [{ fmt: '%Y-%m', time: false }, { fmt: '%Y/%m', time: false }, { fmt: '%m/%Y', time: false }],
} as const;

export type DayOrder = 'dmy' | 'mdy';

/**
 * Day-first or month-first for slash dates, from a sample of values: a first field above 12
 * means day-first, a second field above 12 or an AM/PM marker means month-first. With no
 * evidence either way, day-first (the European habit; police.uk and Lithuanian extracts).
 */
export function guessDayOrder(sample: string[]): DayOrder {
  let dmy = 0, mdy = 0;
  for (const s of sample) {
    const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{4}(.*)$/.exec(s);
    if (!m) continue;
    if (/[ap]\.?m\.?\s*$/i.test(m[3])) mdy += 2;
    if (Number(m[1]) > 12) dmy++;
    if (Number(m[2]) > 12) mdy++;
  }
  return mdy > dmy ? 'mdy' : 'dmy';
}
