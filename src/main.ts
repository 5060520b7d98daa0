/**
 * Composition root: starts the app worker and mounts the workspace on the page. Nothing else.
 * Data files are addressed relative to the page, so the build works from any folder.
 */
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-ext-400.css';
import '@fontsource/noto-sans/latin-700.css';
import '@fontsource/noto-sans/latin-ext-700.css';
import { WorkerClient } from './worker/client.ts';
import { mountWorkspace } from './ui/workspace.ts';

const worker = new Worker(new URL('./worker/app_worker.ts', import.meta.url), { type: 'module' });
const client = new WorkerClient(worker);
const app = document.getElementById('app')!;
const demo = (file: string) => new URL(`chicago_d14/${file}`, document.baseURI).href;

mountWorkspace(app, client, {
  demoUrl: demo('aggravated_assaults_d14_2010_2019.csv'),
  demoCategory: 'aggravated assault',
  streetsUrl: demo('streets_d14.geojson'),
  beatsUrl: demo('police_beats_d14.geojson'),
  outlineUrl: demo('district_14.geojson'),
  attribution: ['© OpenStreetMap contributors (ODbL)', 'Incidents and boundaries: City of Chicago data portal'],
  // District 14 (Shakespeare) station, 2150 N California Ave.
  station: [-87.6973, 41.9205],
});
