/**
 * The one source of table and column names and of the SQL that creates them (DESIGN.md,
 * "Incidents"). Both engines — @duckdb/duckdb-wasm in the browser, @duckdb/node-api in Node —
 * run exactly these statements.
 */

export const T = {
  incidents: 'incidents',
  rejects: 'rejects',
  imports: 'imports',
  meta: 'meta',
} as const;

/** Columns of the canonical incident table, in order. */
export const incidentColumns = [
  ['incident_id', 'VARCHAR'], // source id; may repeat across sources; NULL when the source has none
  ['source', 'VARCHAR'], // file name
  ['source_row', 'BIGINT'], // 1-based data row in that file (header excluded)
  ['occurred_at', 'TIMESTAMP'], // local time; the 1st of the month 00:00 where only a month is known
  ['time_known', 'BOOLEAN'], // false for month-only or date-only sources and placeholder times (00:00)
  ['date_known', 'BOOLEAN'], // false where the source gives only the month (police.uk)
  ['month', 'VARCHAR'], // 'YYYY-MM'
  ['category', 'VARCHAR'], // normalised: lower case, single spaces
  ['category_raw', 'VARCHAR'],
  ['lon', 'DOUBLE'], // WGS84
  ['lat', 'DOUBLE'],
  ['x', 'DOUBLE'], // metres in the project's planar CRS (meta 'crs')
  ['y', 'DOUBLE'],
  ['location_text', 'VARCHAR'],
  ['area_code', 'VARCHAR'], // LSOA, beat, district, ...
  ['row_key', 'UBIGINT'], // hash of the raw row and its repeat number in its file: finds re-imports
  ['import_id', 'INTEGER'],
] as const;

export type IncidentColumnName = (typeof incidentColumns)[number][0];

export const rejectColumns = [
  ['import_id', 'INTEGER'],
  ['source', 'VARCHAR'],
  ['source_row', 'BIGINT'], // data row; for rows the CSV reader could not split, the file line
  ['reason', 'VARCHAR'], // a RejectReason
  ['detail', 'VARCHAR'], // what exactly was wrong, for the person reading the summary
  ['raw', 'VARCHAR'], // the row as read
] as const;

export const importColumns = [
  ['import_id', 'INTEGER'],
  ['source', 'VARCHAR'],
  ['format', 'VARCHAR'],
  ['imported_at', 'TIMESTAMP'], // UTC
  ['rows_read', 'BIGINT'],
  ['accepted', 'BIGINT'],
  ['rejected', 'BIGINT'],
] as const;

/** Why a row was not imported. Stable codes: they appear in summaries, tests and the UI. */
export const RejectReason = {
  /** Longitude/latitude (or x/y) blank or not a number. */
  noCoordinates: 'no_coordinates',
  /** 0/0 or 0 in either coordinate: a geocoding failure, not a place. */
  zeroCoordinates: 'zero_coordinates',
  /** Latitude beyond ±90 or longitude beyond ±180 after projection. */
  invalidCoordinates: 'invalid_coordinates',
  /** Far outside the study area (see ingest's StudyArea). */
  outsideStudyArea: 'outside_study_area',
  /** Date (or month) blank. */
  noDate: 'no_date',
  /** Date present but not in any accepted format, or impossible (2019-02-30). */
  unparseableDate: 'unparseable_date',
  /** Date outside the months the user asked for. */
  outsideMonths: 'outside_months',
  /** The same raw row was imported before (re-imported or overlapping extract). */
  alreadyImported: 'already_imported',
  /** Another record of the same source id (police.uk repeats a Crime ID per outcome). */
  duplicateId: 'duplicate_id',
  /** The CSV reader could not split the line into the header's columns. */
  malformedRow: 'malformed_row',
  /**
   * Latitude and longitude swapped: the point as given lies outside the study area, swapped it
   * lies inside. Rejected rather than corrected, so the source can be fixed (the raw row is kept).
   */
  swappedCoordinates: 'swapped_coordinates',
  /** A valid date no incident can have: before 1900 or after the day of the import. */
  implausibleDate: 'implausible_date',
} as const;
export type RejectReason = (typeof RejectReason)[keyof typeof RejectReason];

const ddl = (name: string, cols: readonly (readonly [string, string])[]) =>
  `CREATE TABLE IF NOT EXISTS ${name} (${cols.map(([c, t]) => `${c} ${t}`).join(', ')});`;

/** Statements that create every table (idempotent). */
export const createTablesSql = [
  ddl(T.incidents, incidentColumns),
  ddl(T.rejects, rejectColumns),
  ddl(T.imports, importColumns),
  `CREATE TABLE IF NOT EXISTS ${T.meta} (key VARCHAR PRIMARY KEY, value VARCHAR);`,
].join('\n');

/** Settings every connection gets: nothing may be downloaded at run time. */
export const sessionSettingsSql =
  'SET autoinstall_known_extensions=false; SET autoload_known_extensions=false;';
