/**
 * The report worker: builds the monthly report off the main thread from the incidents the app
 * worker hands over (its `reportData` request) and the reference layers and fonts in the app's
 * own folder, which it fetches once and keeps. Jobs run one at a time in arrival order.
 *
 * It lives in report/ because the report sits on top of the app worker's layer (DESIGN.md): the
 * app worker knows nothing of the report, the page passes the data from one to the other.
 */
import { readStreetFiles } from '../geo/streets/read_street_files.ts';
import type { StreetLines } from '../geo/streets/street_lines.ts';
import { buildStreetNetwork } from '../geo/streets/build_street_network.ts';
import type { StreetNetwork } from '../geo/streets/street_network.ts';
import { readBoundaryLayer, type BoundaryLayer } from './boundaries.ts';
import type { EmbeddedFont } from './render_html.ts';
import {
  MIN_REFERENCE_COVER, referenceBox, reportHtml, shareInBox,
  type FontFile, type ReportJob, type ReportWorkerReply, type ReportWorkerRequest,
} from './report_job.ts';

declare const self: DedicatedWorkerGlobalScope;

const streetLines = new Map<string, Promise<StreetLines>>();
const networks = new Map<string, StreetNetwork>();
const boundaryLayers = new Map<string, Promise<BoundaryLayer>>();
const fontFiles = new Map<string, Promise<EmbeddedFont>>();

async function fetchBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url} could not be read: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** Once per URL; a failed fetch is forgotten, so the next job tries again. */
function cached<T>(map: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let p = map.get(key);
  if (!p) {
    p = make();
    map.set(key, p);
    p.catch(() => map.delete(key));
  }
  return p;
}

const fileName = (url: string) => decodeURIComponent(new URL(url).pathname.split('/').pop() ?? url);

function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

const font = (f: FontFile) => cached(fontFiles, f.url, async () => ({
  family: f.family, weight: f.weight, unicodeRange: f.unicodeRange, woff2Base64: base64(await fetchBytes(f.url)),
}));

async function build(job: ReportJob) {
  const t0 = performance.now();
  const [lines, layers, fonts] = await Promise.all([
    job.streetsUrl ? cached(streetLines, job.streetsUrl, async () => readStreetFiles([{ name: fileName(job.streetsUrl!), bytes: await fetchBytes(job.streetsUrl!) }])) : null,
    Promise.all(job.boundaryUrls.map((url) => cached(boundaryLayers, url, async () =>
      readBoundaryLayer(fileName(url).replace(/\.(geo)?json$/i, ''), new TextDecoder().decode(await fetchBytes(url)))))),
    Promise.all(job.fonts.map(font)),
  ]);
  const use = shareInBox(job.incidents, referenceBox(lines, layers)) >= MIN_REFERENCE_COVER;
  let streets: StreetNetwork | null = null;
  if (use && lines && job.streetsUrl) {
    const key = `${job.streetsUrl} ${job.incidents.crs}`;
    streets = networks.get(key) ?? null;
    if (!streets) {
      // Every component, as the command line does: the report names streets, it does not route.
      streets = buildStreetNetwork(lines, { crs: job.incidents.crs, keepAllComponents: true });
      networks.set(key, streets);
    }
  }
  const done = reportHtml(job, { streets, boundaries: layers, fonts, useReferences: use });
  return { ...done, referenceLayers: use, seconds: Math.round(performance.now() - t0) / 1000 };
}

const post = (msg: ReportWorkerReply) => self.postMessage(msg);

let queue: Promise<void> = Promise.resolve();
self.onmessage = (ev: MessageEvent<ReportWorkerRequest>) => {
  const { id, job } = ev.data;
  queue = queue.then(async () => {
    try {
      post({ id, type: 'result', result: await build(job) });
    } catch (e) {
      const err = e as Error;
      post({ id, type: 'error', error: { name: err.name, message: err.message } });
    }
  });
};
