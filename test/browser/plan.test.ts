/**
 * Issue 5's "plan in the app", in headless Chromium on the plan panel's test page
 * (test/browser/plan_page: the app worker with the demo, the workspace's map, the plan panel):
 * plan the demo (2 cars from the district station, 2 volunteer pairs in beats near it, a Friday),
 * the routes are drawn (pixels in the routes' colours, and the map source's features match the
 * panel), lock a stop and drop another and re-optimise (the lock is kept, the dropped stop is on
 * no route), add a stop to a unit, GPX and GeoJSON downloads (parsed; the GPX tracks are the
 * GeoJSON routes), route sheets (volunteer: no incident details, observe and report; car: every
 * stop with street and times), cancel, Lithuanian, and no request to any other origin.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FeatureCollection, LineString, Point } from 'geojson';
import type { Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, root, type App } from './harness.ts';
import { countPixels } from './pixels.ts';

/** The basemap's background colour (src/map/basemap_style.ts) and the first two route colours (src/map/route_layer.ts). */
const BACKGROUND: [number, number, number] = [243, 241, 236];
const ROUTE_RGB: [number, number, number][] = [[0x15, 0x65, 0xc0], [0x6a, 0x1b, 0x9a], [0x00, 0x79, 0x6b], [0xef, 0x6c, 0x00]];

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
interface AxeViolation { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }

interface RouteRow { unit: number; kind: string; label: string; stops: { candidate: number; order: number; arrive: string; street: string; locked: boolean }[] }

describe('the patrol plan in the browser', () => {
  let app: App;
  const panel = () => app.page.locator('#plan-panel');
  const state = () => panel().getAttribute('data-state');
  const waitState = (s: string, timeout = 120_000) => expect.poll(state, { timeout }).toBe(s);
  const mapShot = () => app.page.locator('#map').screenshot();
  const routePixels = async () => (await countPixels(app.context, await mapShot(), { background: BACKGROUND, colours: ROUTE_RGB.map((rgb) => ({ rgb, tol: 18 })) })).matching;
  const mapIdle = () => app.page.evaluate(() => new Promise<void>((ok) => {
    const m = (window as unknown as { sargasPlanPage: { map: import('maplibre-gl').Map } }).sargasPlanPage.map;
    m.once('idle', () => ok());
    m.triggerRepaint();
  }));

  /** The routes as the panel lists them. */
  const routes = (): Promise<RouteRow[]> => app.page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.plan-route')].map((s) => ({
    unit: Number(s.dataset.unit),
    kind: s.dataset.kind!,
    label: s.querySelector('h4')!.textContent!,
    stops: [...s.querySelectorAll<HTMLTableRowElement>('tbody tr')].map((tr) => ({
      candidate: Number(tr.dataset.candidate),
      order: Number(tr.dataset.order),
      arrive: tr.cells[1].textContent!,
      street: tr.cells[2].childNodes[0].textContent!,
      locked: tr.querySelector('button[aria-pressed]')!.getAttribute('aria-pressed') === 'true',
    })),
  })));

  /** The features of the map's route source. */
  const mapFeatures = () => app.page.evaluate(async () => {
    const m = (window as unknown as { sargasPlanPage: { map: import('maplibre-gl').Map } }).sargasPlanPage.map;
    const src = m.getSource('plan-routes') as import('maplibre-gl').GeoJSONSource | undefined;
    if (!src) return null;
    const fc = (await src.getData()) as FeatureCollection;
    return fc.features.map((f) => f.properties as { feature: string; unit: number; candidate: number; order: number; locked: number });
  });

  /** Serious or critical axe-core violations inside the plan panel. */
  const axeSerious = async (): Promise<string[]> => {
    // Injected through the DevTools protocol, which the page's Content-Security-Policy does not govern.
    if (!(await app.page.evaluate(() => 'axe' in window))) await app.page.evaluate(axeSource);
    const violations = await app.page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: string, o: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
      return (await axe.run('#plan-panel', { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })).violations;
    });
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
  };

  const download = async (button: string): Promise<{ name: string; text: string }> => {
    const [d] = await Promise.all([app.page.waitForEvent('download') as Promise<Download>, app.page.click(button)]);
    const path = await d.path();
    return { name: d.suggestedFilename(), text: readFileSync(path, 'utf8') };
  };

  beforeAll(async () => {
    // The app's build (dist/) is made by the global setup; the test page is built next to it.
    execFileSync('npx', ['vite', 'build', '--config', 'test/browser/plan_page/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
    app = await openApp({ path: 'plan_page/', viewport: { width: 1400, height: 900 } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens with demo defaults: 2 cars from the station, 2 volunteer pairs in beats, daylight and evening', async () => {
    await expect.poll(() => app.page.evaluate(() => document.body.dataset.data), { timeout: 120_000 }).toBe('ready');
    await waitState('idle', 30_000);
    const p = app.page;
    expect(await p.locator('#plan-u0-kind').inputValue()).toBe('car');
    expect(await p.locator('#plan-u0-count').inputValue()).toBe('2');
    expect(await p.locator('#plan-u0-base').inputValue()).toBe('station');
    for (const k of [1, 2]) {
      expect(await p.locator(`#plan-u${k}-kind`).inputValue()).toBe('volunteer');
      expect(await p.locator(`#plan-u${k}-zone`).inputValue()).toMatch(/^14\d\d$/);
      expect(await p.locator(`#plan-u${k}-base`).inputValue()).toBe('zone');
    }
    expect([await p.locator('#plan-u1-window').inputValue(), await p.locator('#plan-u2-window').inputValue()]).toEqual(['evening', 'daylight']);
    expect(await p.locator('#plan-u1-start').inputValue()).toBe('17:00');
    expect(await p.locator('#plan-u2-start').inputValue()).toBe('13:00');
  });

  it('plans the demo and draws the routes with numbered stops on the map', async () => {
    await mapIdle();
    const before = await routePixels();
    await app.page.selectOption('#plan-day', '4');
    await app.page.click('#plan-run');
    await waitState('ready');
    expect(await app.page.locator('#plan-status').textContent()).toMatch(/^Plan ready in [\d.]+ s\.$/);
    const summary = (await app.page.locator('#plan-summary').textContent())!;
    expect(summary).toMatch(/The routes cover [\d.]+ of the [\d.]+ incidents expected per shift \([\d.]+%\) at \d+ stops\./);
    expect(summary).toContain('(522 Fridays in the data)');

    const rs = await routes();
    expect(rs.map((r) => [r.kind, r.label])).toEqual([['car', 'Car 1'], ['car', 'Car 2'], ['volunteer', 'Volunteer pair 1'], ['volunteer', 'Volunteer pair 2']]);
    for (const r of rs) {
      expect(r.stops.length).toBeGreaterThan(0);
      expect(r.stops.map((s) => s.order)).toEqual(r.stops.map((_, k) => k + 1));
      for (const s of r.stops) expect(s.arrive).toMatch(/^\d\d:\d\d$/);
      // Arrivals in visit order (clock minutes, the evening shift crossing no midnight here except cars after 00:00).
      const mins = r.stops.map((s) => Number(s.arrive.slice(0, 2)) * 60 + Number(s.arrive.slice(3)));
      for (let k = 1; k < mins.length; k++) expect((mins[k] - mins[k - 1] + 1440) % 1440).toBeLessThan(8 * 60);
    }
    // Shares: each route says what share of expected incidents it covers.
    const facts = await app.page.locator('.plan-route .plan-facts').allTextContents();
    for (const f of facts) expect(f).toMatch(/stops: \d+ · [\d.]+ km · [\d.]+% of expected incidents/);
    expect(facts[2]).toContain('observes and reports');
    // No stop on two routes.
    const all = rs.flatMap((r) => r.stops.map((s) => s.candidate));
    expect(new Set(all).size).toBe(all.length);

    // The map source has one line per route and one numbered point per stop, as the panel lists them.
    const features = (await mapFeatures())!;
    expect(features.filter((f) => f.feature === 'route').map((f) => f.unit)).toEqual([0, 1, 2, 3]);
    const stopFeatures = features.filter((f) => f.feature === 'stop');
    expect(stopFeatures.map((f) => [f.unit, f.order, f.candidate])).toEqual(rs.flatMap((r) => r.stops.map((s) => [r.unit, s.order, s.candidate])));
    // And the routes are on screen, in their colours.
    await mapIdle();
    const after = await routePixels();
    expect(before).toBeLessThan(200);
    expect(after).toBeGreaterThan(3000);
    await app.screenshot('plan-demo');
  });

  it('the panel with a plan has no serious or critical accessibility violations (axe-core)', async () => {
    expect(await axeSerious()).toEqual([]);
  });

  it('lock a stop and drop another, re-optimise: the lock is kept and the dropped stop is on no route', async () => {
    const rs = await routes();
    const car1 = rs[0], car2 = rs[1];
    const locked = car1.stops[2].candidate;
    const dropped = car2.stops[1].candidate;
    await app.page.locator(`.plan-route[data-unit="0"] tr[data-candidate="${locked}"] button`, { hasText: 'Lock' }).click();
    await app.page.locator(`.plan-route[data-unit="1"] tr[data-candidate="${dropped}"] button`, { hasText: 'Drop' }).click();
    expect(await app.page.locator('#plan-edits-summary').textContent()).toBe('Edits: locked 1, dropped 1, added 0. Re-optimise to plan the rest around them.');
    // The edits show at once on the map, before re-optimising.
    const marked = (await mapFeatures())!;
    expect(marked.find((f) => f.feature === 'stop' && f.candidate === locked)!.locked).toBe(1);
    expect(await app.page.locator('.plan-dropped li').count()).toBe(1);

    await app.page.click('#plan-replan');
    await expect.poll(() => panel().getAttribute('data-revision'), { timeout: 120_000 }).toBe('2');
    await waitState('ready');
    const after = await routes();
    const car1After = after.find((r) => r.unit === 0)!;
    expect(car1After.stops.find((s) => s.candidate === locked)?.locked).toBe(true);
    expect(after.flatMap((r) => r.stops.map((s) => s.candidate))).not.toContain(dropped);
    expect(await app.page.locator('.plan-dropped li').getAttribute('data-candidate')).toBe(String(dropped));
    const features = (await mapFeatures())!;
    const stops = features.filter((f) => f.feature === 'stop');
    expect(stops.find((f) => f.candidate === locked)).toMatchObject({ unit: 0, locked: 1 });
    expect(stops.some((f) => f.candidate === dropped)).toBe(false);
    await mapIdle();
    await app.screenshot('plan-replanned');
  });

  it('adds a stop to a unit: after re-optimising it is on that unit’s route, the lock and the drop still kept', async () => {
    const before = await routes();
    const locked = before[0].stops.find((s) => s.locked)!.candidate;
    const dropped = Number(await app.page.locator('.plan-dropped li').getAttribute('data-candidate'));
    const add = app.page.locator('#plan-add-stop');
    const candidate = Number(await add.inputValue());
    const units = await app.page.locator('#plan-add-unit-select option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(units).toContain('1'); // car 2 may take any stop
    await app.page.selectOption('#plan-add-unit-select', '1');
    await app.page.click('#plan-add');
    expect(await app.page.locator('#plan-edits-summary').textContent()).toBe('Edits: locked 1, dropped 1, added 1. Re-optimise to plan the rest around them.');
    await app.page.click('#plan-replan');
    await expect.poll(() => panel().getAttribute('data-revision'), { timeout: 120_000 }).toBe('3');
    const after = await routes();
    expect(after.find((r) => r.unit === 1)!.stops.map((s) => s.candidate)).toContain(candidate);
    expect(after.find((r) => r.unit === 0)!.stops.map((s) => s.candidate)).toContain(locked);
    expect(after.flatMap((r) => r.stops.map((s) => s.candidate))).not.toContain(dropped);
  });

  it('downloads the plan as GPX 1.1 (a track per route, a waypoint per stop) and as GeoJSON, the same routes', async () => {
    const gj = await download('#plan-geojson');
    expect(gj.name).toBe('sargas-plan-fri.geojson');
    const fc = JSON.parse(gj.text) as FeatureCollection<LineString | Point>;
    const lines = fc.features.filter((f) => f.geometry.type === 'LineString') as { geometry: LineString; properties: Record<string, unknown> }[];
    const points = fc.features.filter((f) => f.geometry.type === 'Point');
    const rs = await routes();
    expect(lines.length).toBe(rs.length);
    expect(points.length).toBe(rs.reduce((a, r) => a + r.stops.length, 0));
    // Volunteer stops carry no incident figures.
    for (const f of points) {
      const p = f.properties as Record<string, unknown>;
      if (p.kind === 'volunteer') {
        expect(p).not.toHaveProperty('expected');
        expect(p.role).toBe('observe and report');
      } else expect(typeof p.expected).toBe('number');
    }

    const gpx = await download('#plan-gpx');
    expect(gpx.name).toBe('sargas-plan-fri.gpx');
    // Parsed by the browser's own XML parser: well-formed, and its structure read back.
    const parsed = await app.page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const NS = 'http://www.topografix.com/GPX/1/1';
      const root = doc.documentElement;
      return {
        errors: doc.getElementsByTagName('parsererror').length,
        root: root.localName, ns: root.namespaceURI, version: root.getAttribute('version'),
        children: [...root.children].map((c) => c.localName),
        wpts: [...doc.getElementsByTagNameNS(NS, 'wpt')].map((w) => ({ lon: Number(w.getAttribute('lon')), lat: Number(w.getAttribute('lat')), name: w.getElementsByTagNameNS(NS, 'name')[0].textContent })),
        trks: [...doc.getElementsByTagNameNS(NS, 'trk')].map((t) => ({
          name: t.getElementsByTagNameNS(NS, 'name')[0].textContent,
          pts: [...t.getElementsByTagNameNS(NS, 'trkpt')].map((p) => [Number(p.getAttribute('lon')), Number(p.getAttribute('lat'))]),
        })),
      };
    }, gpx.text);
    expect(parsed.errors).toBe(0);
    expect(parsed).toMatchObject({ root: 'gpx', ns: 'http://www.topografix.com/GPX/1/1', version: '1.1' });
    // GPX 1.1's sequence: metadata, wpt*, rte*, trk*.
    const seq = parsed.children.join(' ');
    expect(seq).toMatch(/^metadata( wpt)+( trk)+$/);
    expect(parsed.trks.length).toBe(lines.length);
    parsed.trks.forEach((t, k) => {
      expect(t.name).toBe(lines[k].properties.unit);
      expect(t.pts).toEqual(lines[k].geometry.coordinates);
    });
    expect(parsed.wpts.map((w) => [w.lon, w.lat])).toEqual(points.map((p) => (p.geometry as Point).coordinates));
    expect(gpx.text).not.toMatch(/expected|incident/i);
  });

  it("prints route sheets: the volunteers' without incident details, saying observe and report; the cars' with every stop's street and times", async () => {
    const rs = await routes();
    const sheet = async (unit: number) => {
      await app.page.locator(`.plan-route[data-unit="${unit}"] button`, { hasText: 'Print route sheet' }).click();
      await expect.poll(() => app.page.locator('#plan-print-frame').getAttribute('data-unit')).toBe(String(unit));
      return (await app.page.locator('#plan-print-frame').evaluate((f) => (f as HTMLIFrameElement).srcdoc));
    };
    const show = async (html: string, name: string) => {
      const page = await app.context.newPage();
      await page.setViewportSize({ width: 794, height: 1123 });
      await page.setContent(html);
      await page.screenshot({ path: `${root}/test/browser/screenshots/${name}.png`, fullPage: true });
      const text = await page.locator('body').innerText();
      await page.close();
      return text;
    };
    for (const r of rs.filter((x) => x.kind === 'volunteer')) {
      const text = await show(await sheet(r.unit), `plan-sheet-volunteer-${r.unit}`);
      expect(text).toContain(`Route sheet — ${r.label}`);
      expect(text).toContain('Volunteer patrol: you observe and report — never intervene.');
      expect(text).not.toMatch(/incident|expected|assault|violent|hot spot/i);
      for (const s of r.stops) expect(text).toContain(`${s.order}\t${s.arrive}\t`);
    }
    const car = rs.find((x) => x.kind === 'car')!;
    const text = await show(await sheet(car.unit), 'plan-sheet-car');
    expect(text).toContain(`Route sheet — ${car.label}`);
    expect(text).not.toContain('observe and report');
    const lines = text.split('\n');
    for (const s of car.stops) expect(lines.some((l) => l.startsWith(`${s.order}\t${s.arrive}\t`) && l.includes(`\t${s.street}\t`))).toBe(true);
  });

  it('cancels a plan that is running; the plan shown stays', async () => {
    const revision = await panel().getAttribute('data-revision');
    await app.page.click('#plan-run');
    await waitState('running', 10_000);
    await app.page.click('#plan-cancel');
    await expect.poll(() => app.page.locator('#plan-status').textContent(), { timeout: 20_000 }).toBe('Planning cancelled.');
    await waitState('ready', 10_000);
    expect(await panel().getAttribute('data-revision')).toBe(revision);
    expect((await routes()).length).toBe(4);
  });

  it('speaks Lithuanian when the page does', async () => {
    await app.page.selectOption('#lang-select', 'lt');
    await expect.poll(() => app.page.locator('#plan-heading').textContent()).toBe('Patrulių planas');
    expect(await app.page.locator('.plan-route h4').allTextContents()).toEqual(['Automobilis 1', 'Automobilis 2', 'Savanorių pora 1', 'Savanorių pora 2']);
    expect(await app.page.locator('#plan-run').textContent()).toBe('Sudaryti maršrutus');
    expect(await app.page.locator('label[for="plan-day"]').textContent()).toBe('Diena');
    expect(await app.page.locator('#plan-day option:checked').textContent()).toBe('Penktadienis');
    expect(await axeSerious()).toEqual([]);
    await app.screenshot('plan-lt');
    await app.page.selectOption('#lang-select', 'en');
    await expect.poll(() => app.page.locator('#plan-heading').textContent()).toBe('Patrol plan');
  });

  it('asked no other origin for anything, and logged no errors', () => {
    expect(app.foreign()).toEqual([]);
    expect(app.errors).toEqual([]);
    expect(app.failed).toEqual([]);
    // The plan worker and the streets were loaded from the page's own origin.
    expect(app.requests.some((u) => /plan_worker-.*\.js$/.test(u))).toBe(true);
    // The streets were read twice in the whole session: by the map, and once by the plan worker
    // (which kept them, and the network, for the later plans).
    expect(app.requests.filter((u) => u.endsWith('streets_d14.geojson')).length).toBe(2);
  });
});
