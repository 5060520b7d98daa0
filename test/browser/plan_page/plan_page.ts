/**
 * Test page of the plan panel: the app worker with the demo incidents, the workspace's map, and
 * the plan panel beside it — what src/main.ts will compose once the workspace gives the panel a
 * place. `?lang=lt` starts in Lithuanian; the select in the header switches language the way the
 * workspace does (document.documentElement.lang).
 */
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-ext-400.css';
import '@fontsource/noto-sans/latin-700.css';
import '@fontsource/noto-sans/latin-ext-700.css';
import { WorkspaceMap } from '../../../src/map/workspace_map.ts';
// After the map's own CSS, as in the workspace (its .map rule must win over .maplibregl-map).
import '../../../src/ui/styles.css';
import { mountPlanPanel } from '../../../src/ui/plan/plan_panel.ts';
import { WorkerClient } from '../../../src/worker/client.ts';

const data = (file: string) => new URL(`../chicago_d14/${file}`, document.baseURI).href;
/** District 14 station, 2150 N California Ave. */
const station: [number, number] = [-87.6973, 41.9205];

const params = new URLSearchParams(location.search);
document.documentElement.lang = params.get('lang') === 'lt' ? 'lt' : 'en';

const app = document.getElementById('app')!;
const langSelect = document.createElement('select');
langSelect.id = 'lang-select';
langSelect.setAttribute('aria-label', 'Language');
for (const [v, name] of [['en', 'English'], ['lt', 'Lietuvių']]) langSelect.append(new Option(name, v));
langSelect.value = document.documentElement.lang;
langSelect.addEventListener('change', () => { document.documentElement.lang = langSelect.value; });
const header = document.createElement('header');
header.className = 'topbar';
const h1 = document.createElement('h1');
h1.textContent = 'Sargas';
const dataStatus = document.createElement('p');
dataStatus.id = 'data-status';
const langBox = document.createElement('div');
langBox.className = 'lang';
langBox.append(langSelect);
header.append(h1, dataStatus, langBox);

const main = document.createElement('main');
main.className = 'plan-page';
const mapEl = document.createElement('div');
mapEl.id = 'map';
mapEl.className = 'map';
const mapArea = document.createElement('section');
mapArea.className = 'map-area';
mapArea.append(mapEl);
const side = document.createElement('aside');
side.className = 'plan-side';
main.append(mapArea, side);
app.append(header, main);

const style = document.createElement('style');
// ?side=400 gives the panel the width of the workspace's side column.
const sideWidth = /^\d+$/.test(params.get('side') ?? '') ? Number(params.get('side')) : 500;
style.textContent = `.plan-page { flex: 1; min-height: 0; display: grid; grid-template-columns: minmax(0, 1fr) ${sideWidth}px; }
.plan-side { overflow-y: auto; padding: 0.5rem; background: var(--bg); }
#data-status { margin: 0; color: #e8eef5; flex: 1; }`;
document.head.append(style);

const worker = new Worker(new URL('../../../src/worker/app_worker.ts', import.meta.url), { type: 'module' });
const client = new WorkerClient(worker);
const map = new WorkspaceMap(mapEl, {
  streetsUrl: data('streets_d14.geojson'),
  beatsUrl: data('police_beats_d14.geojson'),
  outlineUrl: data('district_14.geojson'),
  attribution: ['© OpenStreetMap contributors (ODbL)', 'Incidents and boundaries: City of Chicago data portal'],
  label: 'Map of the district',
  initialVisible: { gistar: false },
  incidentPopup: async () => document.createTextNode(''),
  mergedPopup: () => document.createTextNode(''),
});

const panel = mountPlanPanel(side, {
  client,
  map: () => map.map,
  streetsUrl: data('streets_d14.geojson'),
  beatsUrl: data('police_beats_d14.geojson'),
  lang: () => (document.documentElement.lang === 'lt' ? 'lt' : 'en'),
  station,
});

/** For the browser test: the map and the panel. */
(window as unknown as { sargasPlanPage: unknown }).sargasPlanPage = { map: map.map, mapReady: map.ready, panel };

void (async () => {
  try {
    const s = await client.call({ type: 'init' });
    if (s.incidents === 0) {
      dataStatus.textContent = 'Importing the demo…';
      await client.call({ type: 'importDemo', url: data('aggravated_assaults_d14_2010_2019.csv'), category: 'aggravated assault' });
    }
    const now = await client.call({ type: 'status' });
    dataStatus.textContent = `${now.incidents} incidents, ${now.firstMonth} to ${now.lastMonth}`;
    document.body.dataset.data = 'ready';
  } catch (e) {
    dataStatus.textContent = `Could not open the data: ${(e as Error).message}`;
    document.body.dataset.data = 'failed';
  }
})();
