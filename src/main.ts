/**
 * Composition root: starts the app worker and wires it to the page. Nothing else.
 */
import { WorkerClient } from './worker/client.ts';
import { mountImportPanel } from './ui/import_panel.ts';

const worker = new Worker(new URL('./worker/app_worker.ts', import.meta.url), { type: 'module' });
const client = new WorkerClient(worker);
const app = document.getElementById('app')!;
const demoUrl = new URL('chicago_d14/aggravated_assaults_d14_2010_2019.csv', document.baseURI).href;

mountImportPanel(app, client, { demoUrl, demoCategory: 'aggravated assault' });
