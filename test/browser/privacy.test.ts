/**
 * Issue 7 in the browser: nothing leaves the machine, and text from extracts is only ever text.
 *
 * - The built index.html carries a Content-Security-Policy that allows the app's own origin only
 *   (plus 'wasm-unsafe-eval' for DuckDB-WASM and blob:/data: for its workers and images), and the
 *   browser enforces it: a fetch to another origin is blocked, and the test sees both the block
 *   and the attempt (so the counting below would notice one).
 * - The whole workflow the app offers today — the demo import, analysis with filter and layer
 *   changes, the top-10 table, the language switch, patrol routes (plan, GeoJSON and GPX
 *   downloads, a route sheet), the monthly report (download and print view), a police.uk import,
 *   an import whose text is HTML/script payloads, the incident popup, and a reload — asks no
 *   other origin for anything, and no CSP violation is reported on the way.
 * - Payloads in a category, a location, an area code and a file name are shown as text: no
 *   dialog opens, no element is made from them, nothing is requested for them, and the report
 *   writes them escaped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { openApp, root, type App } from './harness.ts';
import { countPixels } from './pixels.ts';

const BACKGROUND: [number, number, number] = [243, 241, 236];
const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(2)</script>';
const SVG = '<svg onload=alert(5)>';
const BAD_NAME = '<img src=x onerror=alert(3)>.csv';

/**
 * The police.uk fixture with every Crime type, Location and LSOA code replaced by a payload (and
 * new Crime IDs, so the rows are not duplicates of the same extract imported before).
 */
function payloadExtract(): Buffer {
  const lines = readFileSync(join(root, 'test/fixtures/police_uk/2019-07-city-of-london-street.csv'), 'utf8').split(/\r?\n/).filter(Boolean);
  const header = lines[0].split(',');
  const [id, type, loc, lsoa] = ['Crime ID', 'Crime type', 'Location', 'LSOA code'].map((h) => header.indexOf(h));
  const rows = lines.slice(1).map((l) => {
    const f = l.split(',');
    if (f[id]) f[id] = `payload-${f[id]}`;
    f[type] = IMG;
    f[loc] = SCRIPT;
    f[lsoa] = SVG;
    return f.join(',');
  });
  return Buffer.from([lines[0], ...rows].join('\n') + '\n');
}

const text = (l: Locator) => expect.poll(async () => (await l.textContent()) ?? '', { timeout: 60_000 });

describe('privacy and injection in the browser', () => {
  let app: App;
  const dialogs: string[] = [];
  const drawnCount = () => app.page.locator('#map').getAttribute('data-drawn').then(Number);
  const drawnAfter = async (n: number) => {
    await expect.poll(drawnCount, { timeout: 90_000 }).toBeGreaterThan(n);
    await expect.poll(() => app.page.locator('#map').getAttribute('aria-busy'), { timeout: 90_000 }).toBeNull();
  };
  /** CSP violations the pages reported (recorded by an init script, read before each reload). */
  const violations: string[] = [];
  const readViolations = async () => {
    for (const p of app.context.pages()) {
      violations.push(...await p.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []).catch(() => []));
    }
  };
  const importFiles = (files: { name: string; mimeType: string; buffer: Buffer }[] | string) =>
    app.page.getByLabel('Import incidents', { exact: true }).setInputFiles(files);

  beforeAll(async () => {
    app = await openApp();
    // From here on every page records CSP violations and any dialog (alert, confirm) is noted.
    await app.context.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    app.context.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    await app.page.reload();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('builds a Content-Security-Policy that allows only the app itself', () => {
    const html = readFileSync(join(root, 'dist/index.html'), 'utf8');
    const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g)];
    expect(metas).toHaveLength(1);
    const directives = new Map(metas[0][1].split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('connect-src')?.[0]).toBe("'self'");
    // No directive names a host, a scheme that reaches the network, a wildcard or eval.
    const allowed = new Set(["'self'", "'none'", "'wasm-unsafe-eval'", 'blob:', 'data:']);
    for (const [name, sources] of directives) {
      for (const s of sources) {
        if (name === 'style-src' && s === "'unsafe-inline'") continue; // MapLibre sets inline styles
        expect(allowed.has(s), `${name} ${s}`).toBe(true);
      }
    }
    // Everything the page loads is its own: no remote script, style, font or icon.
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
  });

  it('is enforced: a fetch to another origin is blocked and reported as a violation', async () => {
    const probe = 'http://192.0.2.1/probe';
    const result = await app.page.evaluate((url) => fetch(url).then(() => 'fetched', (e: Error) => `blocked: ${e.name}`), probe);
    expect(result).toMatch(/^blocked/);
    // The violation listener the final check relies on does see such an attempt.
    await expect.poll(async () => (await app.page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).join('\n')).toContain(`connect-src ${probe}`);
    await app.page.evaluate(() => { (window as unknown as { __csp: string[] }).__csp.length = 0; });
    // Forget this deliberate attempt (and its console error) so the session's checks start clean.
    for (let i = app.requests.length - 1; i >= 0; i--) if (app.requests[i] === probe) app.requests.splice(i, 1);
    for (let i = app.errors.length - 1; i >= 0; i--) if (app.errors[i].includes('192.0.2.1')) app.errors.splice(i, 1);
  });

  it('analyses the demo: filters, every layer, the top-10 table and both languages', async () => {
    await drawnAfter(0);
    await text(app.page.locator('#analysis-status')).toMatch(/^3,763 of 3,763 incidents selected/);
    let n = await drawnCount();
    await app.page.getByLabel('From month').selectOption('2018-01');
    await drawnAfter(n);
    for (const id of ['grid', 'kde', 'emerging', 'beats', 'incidents']) {
      const box = app.page.locator(`#layer-${id}`);
      if (!(await box.isChecked())) await box.check();
      await app.page.waitForTimeout(400);
    }
    await expect.poll(() => app.page.locator('#map').getAttribute('aria-busy'), { timeout: 90_000 }).toBeNull();
    const first = app.page.locator('#top-spots tbody tr').first();
    await first.getByRole('button').click();
    await app.page.getByLabel('Language').selectOption('lt');
    await text(app.page.locator('#filters-heading')).toBe('Filtrai');
    await app.page.getByLabel('Kalba').selectOption('en');
    await text(app.page.locator('#filters-heading')).toBe('Filters');
    for (const id of ['grid', 'kde', 'emerging', 'beats', 'incidents']) await app.page.locator(`#layer-${id}`).uncheck();
  });

  it('plans patrol routes for the demo: GeoJSON and GPX downloads, a printed route sheet', async () => {
    await app.page.getByRole('button', { name: 'Plan routes' }).click();
    await expect.poll(() => app.page.locator('#plan-status').textContent(), { timeout: 180_000 }).toMatch(/^Plan ready in/);
    for (const [button, ext] of [['#plan-geojson', 'geojson'], ['#plan-gpx', 'gpx']]) {
      const [d] = await Promise.all([app.page.waitForEvent('download', { timeout: 30_000 }), app.page.click(button)]);
      expect(d.suggestedFilename()).toMatch(new RegExp(`^sargas-plan-\\w+\\.${ext}$`));
      expect(readFileSync((await d.path())!, 'utf8').length).toBeGreaterThan(100);
    }
    await app.page.locator('.plan-route button', { hasText: 'Print route sheet' }).first().click();
    await expect.poll(() => app.page.locator('#plan-print-frame').getAttribute('data-unit'), { timeout: 30_000 }).not.toBeNull();
  });

  it('builds the monthly report (download and print view)', async () => {
    await app.page.getByLabel('Report month').selectOption('2019-06');
    const [download, view] = await Promise.all([
      app.page.waitForEvent('download', { timeout: 90_000 }),
      app.page.waitForEvent('popup', { timeout: 90_000 }),
      app.page.getByRole('button', { name: 'Build report', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('sargas-report-2019-06-en.html');
    await view.waitForLoadState('load');
    violations.push(...await view.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []));
    await view.close();
  });

  it('imports a police.uk extract and analyses it', async () => {
    const n = await drawnCount();
    await importFiles(join(root, 'test/fixtures/police_uk/2019-07-city-of-london-street.csv'));
    await drawnAfter(n);
    await text(app.page.getByRole('status')).toMatch(/^Imported 820 incidents/);
  });

  it('shows HTML and script payloads from an extract and a file name as text', async () => {
    const n = await drawnCount();
    // One extract full of payloads, and one unreadable file whose name is a payload.
    await importFiles([
      { name: 'payloads.csv', mimeType: 'text/csv', buffer: payloadExtract() },
      { name: BAD_NAME, mimeType: 'text/csv', buffer: Buffer.from([0, 1, 2, 3, 0, 0, 0, 0, 5, 6, 7, 8]) },
    ]);
    await drawnAfter(n);
    // The file error names the file: the name is in the status region as text.
    await text(app.page.getByRole('status')).toContain(`${BAD_NAME}: this is not a text file`);
    // The category list shows the payload category as a label's text; select only it (the
    // category goes back to the worker as a filter value).
    await text(app.page.locator('.panel.filters')).toContain(IMG);
    const cats = app.page.locator('.panel.filters .check-list label');
    const m = await drawnCount();
    for (let i = 0; i < await cats.count(); i++) {
      const label = cats.nth(i);
      const box = label.locator('input');
      if (((await label.textContent()) ?? '').startsWith(IMG)) await box.check();
      else await box.uncheck();
    }
    await drawnAfter(m);
    // 866 rows: 41 without coordinates, 2 strays, 3 repeated Crime IDs (as in import.test.ts).
    await expect.poll(() => app.page.locator('#map').getAttribute('data-selected'), { timeout: 60_000 }).toBe('820');

    // An incident's popup: category, location and area as text.
    await app.page.locator('#layer-gistar').uncheck();
    await app.page.locator('#layer-incidents').check();
    const zoomIn = app.page.getByRole('button', { name: 'Zoom in' });
    await zoomIn.click();
    await zoomIn.click();
    await app.page.waitForTimeout(1500);
    const shot = await app.page.locator('#map').screenshot();
    const px = await countPixels(app.context, shot, { background: BACKGROUND, colours: [{ rgb: [31, 59, 92], tol: 14 }] });
    expect(px.matching).toBeGreaterThan(4);
    const box = (await app.page.locator('#map').boundingBox())!;
    await app.page.mouse.click(box.x + px.densestX, box.y + px.densestY);
    const popup = app.page.locator('.maplibregl-popup');
    await popup.locator('dl').waitFor({ state: 'visible', timeout: 15_000 });
    expect(await popup.locator('dd').allTextContents()).toEqual(expect.arrayContaining([IMG, SCRIPT, SVG]));
    await app.screenshot('privacy-payload-popup');
    await app.page.keyboard.press('Escape');
    await app.page.locator('#layer-incidents').uncheck();
    await app.page.locator('#layer-gistar').check();

    // Nothing was made of them: no such element, no request for 'x', no dialog.
    const made = await app.page.evaluate(() => ({
      imgs: document.querySelectorAll('img[src="x"], img[onerror]').length,
      scripts: [...document.querySelectorAll('script')].filter((s) => s.textContent?.includes('alert')).length,
      svgs: document.querySelectorAll('svg[onload]').length,
    }));
    expect(made).toEqual({ imgs: 0, scripts: 0, svgs: 0 });
    expect(app.requests.filter((r) => /\/x(\?|$)/.test(r))).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it('writes the payloads escaped into the report', async () => {
    await app.page.getByLabel('Report month').selectOption('2019-07');
    const [download, view] = await Promise.all([
      app.page.waitForEvent('download', { timeout: 90_000 }),
      app.page.waitForEvent('popup', { timeout: 90_000 }),
      app.page.getByRole('button', { name: 'Build report', exact: true }).click(),
    ]);
    const html = readFileSync((await download.path())!, 'utf8');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain(IMG);
    expect(html).not.toContain(SCRIPT);
    expect(html).not.toContain(SVG);
    await view.waitForLoadState('load');
    expect(await view.locator('img, script, svg[onload]').count()).toBe(0);
    expect(await view.locator('body').textContent()).toContain(IMG);
    violations.push(...await view.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []));
    await view.close();
    expect(dialogs).toEqual([]);
  });

  it('keeps the data over a reload', async () => {
    await readViolations();
    await app.page.reload();
    await text(app.page.getByRole('status')).toMatch(/^\d[\d,]* incidents stored/);
    await drawnAfter(0);
  });

  it('asked no other origin for anything, and no policy was violated, in the whole session', async () => {
    await readViolations();
    expect(app.foreign()).toEqual([]);
    expect(violations).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(app.failed).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
