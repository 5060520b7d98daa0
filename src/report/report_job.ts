/**
 * The monthly report built in the browser (issue 6, "from the app in one click"): the messages
 * between the page (src/ui/report_control.ts) and the report worker (report_worker.ts), and the
 * pure step from a job and its reference layers to the same HTML the command line writes
 * (buildReportModel, renderReportHtml).
 *
 * Reference layers (streets, beats, district) come from the app's own folder and belong to the
 * bundled demo's city. They are used only where they cover the data: at least half of the
 * incidents must lie in their bounding box, otherwise a user's own extract from another city
 * would get a study area (the boundary polygons) that holds none of its incidents.
 */
import type { IncidentColumns } from '../data/incident_columns.ts';
import type { IngestSummary } from '../data/ingest.ts';
import type { StreetLines } from '../geo/streets/street_lines.ts';
import type { StreetNetwork } from '../geo/streets/street_network.ts';
import type { BoundaryLayer } from './boundaries.ts';
import { buildReportModel, type Attribution, type ReportParams } from './report_model.ts';
import { renderReportHtml, type EmbeddedFont } from './render_html.ts';
import type { Lang } from './report_i18n.ts';

/** A font file in the app's folder to embed in the report, with its CSS unicode-range. */
export interface FontFile {
  url: string;
  family: string;
  weight: number;
  unicodeRange?: string;
}

export interface ReportJob {
  incidents: IncidentColumns;
  /** The import summary (data quality); null when unknown. */
  summary: IngestSummary | null;
  /** Month and method parameters (absent ones take the report's defaults). */
  params: ReportParams;
  lang: Lang;
  /** Street network file in the app's folder (absolute same-origin URL), or null. */
  streetsUrl: string | null;
  /** Boundary polygon files (beats, district) in the app's folder. */
  boundaryUrls: string[];
  fonts: FontFile[];
  title: string;
  /** Attributions of the reference layers (kept only when the layers are used). */
  referenceAttributions: Attribution[];
  /** ISO 8601; the model never reads the clock. */
  generatedAt: string;
}

export interface ReportDone {
  html: string;
  month: string;
  /** Incidents in the report month. */
  incidents: number;
  /** Whether the streets and boundaries were used (false: they lie away from the data). */
  referenceLayers: boolean;
  /** Time the worker spent, seconds. */
  seconds: number;
}

export type ReportWorkerRequest = { id: number; job: ReportJob };
export type ReportWorkerReply =
  | { id: number; type: 'result'; result: ReportDone }
  | { id: number; type: 'error'; error: { name: string; message: string } };

/** Least share of incidents inside the reference layers' bounding box for the layers to be used. */
export const MIN_REFERENCE_COVER = 0.5;

/** [minLon, minLat, maxLon, maxLat] over street lines and boundary layers; null when both are empty. */
export function referenceBox(streets: StreetLines | null, layers: readonly BoundaryLayer[]): [number, number, number, number] | null {
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  if (streets) {
    for (let v = 0; v < streets.lons.length; v++) {
      const lon = streets.lons[v], lat = streets.lats[v];
      if (lon < box[0]) box[0] = lon;
      if (lat < box[1]) box[1] = lat;
      if (lon > box[2]) box[2] = lon;
      if (lat > box[3]) box[3] = lat;
    }
  }
  for (const l of layers) {
    for (const f of l.features) {
      box[0] = Math.min(box[0], f.bbox[0]);
      box[1] = Math.min(box[1], f.bbox[1]);
      box[2] = Math.max(box[2], f.bbox[2]);
      box[3] = Math.max(box[3], f.bbox[3]);
    }
  }
  return box[0] <= box[2] && box[1] <= box[3] ? [box[0], box[1], box[2], box[3]] : null;
}

/** Share of the incidents with coordinates that lie in `box` (0 when there are none). */
export function shareInBox(inc: IncidentColumns, box: readonly [number, number, number, number] | null): number {
  if (!box) return 0;
  let inside = 0, n = 0;
  for (let i = 0; i < inc.n; i++) {
    const lon = inc.lons[i], lat = inc.lats[i];
    if (!(Number.isFinite(lon) && Number.isFinite(lat))) continue;
    n++;
    if (lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3]) inside++;
  }
  return n ? inside / n : 0;
}

/**
 * The report of `job` as HTML. `streets` and `boundaries` are the job's reference layers, already
 * read; `useReferences` false leaves them and their attributions out. Throws a RangeError when the
 * month has no incidents.
 */
export function reportHtml(
  job: ReportJob,
  refs: { streets: StreetNetwork | null; boundaries: readonly BoundaryLayer[]; fonts: readonly EmbeddedFont[]; useReferences: boolean },
): Omit<ReportDone, 'seconds' | 'referenceLayers'> {
  const model = buildReportModel({
    incidents: job.incidents,
    summary: job.summary,
    streets: refs.useReferences ? refs.streets : null,
    boundaries: refs.useReferences ? refs.boundaries : [],
    title: job.title,
    attributions: refs.useReferences ? job.referenceAttributions : [],
    generatedAt: job.generatedAt,
    inputNames: job.summary?.files.map((f) => f.file) ?? [],
  }, job.params);
  return { html: renderReportHtml(model, { lang: job.lang, fonts: refs.fonts }), month: model.month, incidents: model.headline.total.month };
}
