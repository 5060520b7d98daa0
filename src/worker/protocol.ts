/**
 * The typed contract between the page and the app worker (src/worker/app_worker.ts).
 * Every request carries an id; the worker answers with progress messages and then exactly one
 * `result` or `error` for that id. Errors cross the boundary as {name, message} and are rebuilt
 * as real Errors by the client.
 */
import type { IngestOptions, IngestProgress, IngestSummary } from '../data/ingest.ts';
import type { IncidentFilter } from '../data/incidents.ts';
import type { IncidentColumns } from '../data/incident_columns.ts';
import type { AnalysisParams, AnalysisResult, IncidentDetail, StudyContextSummary } from './analysis_types.ts';

export type ImportOptions = Omit<IngestOptions, 'signal' | 'onProgress'>;

/** What is in the browser's database. */
export interface DatasetStatus {
  /** True when the data survive a reload (OPFS). */
  persistent: boolean;
  crs: string;
  incidents: number;
  rejected: number;
  rejectedByReason: Record<string, number>;
  firstMonth: string | null;
  lastMonth: string | null;
  categories: { name: string; n: number }[];
  imports: { source: string; format: string; accepted: number; rejected: number }[];
  /** Share of incidents with a known time of day (0..1). */
  timeKnownShare: number;
}

/**
 * What the monthly report is built from (the report itself is rendered by the report worker,
 * src/report/report_worker.ts: the report layer sits on top of this one).
 */
export interface ReportData {
  /** Every stored incident, as fresh columns (their buffers are transferred to the page). */
  incidents: IncidentColumns;
  /**
   * The import summary as the database keeps it: per import its file, format, rows read, accepted
   * and rejected, rejects by reason and the first rejected rows; accepted incidents per month.
   * The importer's notes on how a file was read are not stored, so `notes` is empty.
   */
  summary: IngestSummary;
}

export type RequestBody =
  | { type: 'init'; persist?: boolean }
  | { type: 'status' }
  /**
   * Import files. When only the demo is stored it is replaced; `demo` says where it came from, so
   * it is put back if nothing of the files could be imported.
   */
  | { type: 'import'; files: File[]; options?: ImportOptions; demo?: { url: string; category: string } }
  /** Import the bundled demo extract from `url` (resolved by the page against its own address). */
  | { type: 'importDemo'; url: string; category: string }
  | { type: 'incidents'; filter?: IncidentFilter }
  /** Delete all data: close the database and remove its files from the browser's storage. */
  | { type: 'clear' }
  | { type: 'cancel'; target: number }
  /**
   * Filter the stored incidents and compute the hot-spot layers (grid counts, KDE, Gi*, emerging
   * hot spots), time profiles and the top cells. Typed arrays in the result are transferred.
   */
  | { type: 'analyse'; filter: IncidentFilter; params: AnalysisParams }
  /** Category, time and place of one incident (`row` as in AnalysisResult.points.row). */
  | { type: 'incidentDetail'; row: number }
  /** Load the study area's reference layers (police beats, streets) used to name top cells. */
  | { type: 'context'; beatsUrl?: string; streetsUrl?: string }
  /** The stored incidents and import summary for the monthly report. */
  | { type: 'reportData' };

export type Request = RequestBody & { id: number };

/** The result type of each request type. */
export interface ResultOf {
  init: DatasetStatus;
  status: DatasetStatus;
  import: IngestSummary;
  importDemo: IngestSummary;
  incidents: IncidentColumns;
  clear: DatasetStatus;
  cancel: null;
  analyse: AnalysisResult;
  incidentDetail: IncidentDetail;
  context: StudyContextSummary;
  reportData: ReportData;
}

export type Response =
  | { id: number; type: 'progress'; progress: IngestProgress }
  | { id: number; type: 'result'; result: unknown }
  | { id: number; type: 'error'; error: { name: string; message: string } };
