/**
 * Issue 4 in the browser, used as an analyst would, with the build served from a sub-folder:
 * the demo opens and the map draws (pixels), a filter change redraws the hot-spot layer (pixels
 * and the legend's cell counts), quick successive changes end on the newest one, the top-10 table
 * flies to its cell, an incident's popup tells category, time and place, the language switch
 * relabels the page, every control is reachable by keyboard, and the whole session asks no other
 * origin for anything.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { openApp, root, type App } from './harness.ts';
import { countPixels, differingPixels } from './pixels.ts';

/** The basemap's background colour (basemap_style.ts). */
const BACKGROUND: [number, number, number] = [243, 241, 236];
const demoMonths = readFileSync(join(root, 'data/chicago_d14/aggravated_assaults_d14_2010_2019.csv'), 'utf8')
  .trim().split('\n').slice(1).map((l) => l.slice(0, 7));

/** Playwright's own assertions are not in playwright-core: poll the page through Vitest instead. */
const text = (l: Locator) => expect.poll(async () => (await l.textContent()) ?? '', { timeout: 20_000 });
const attr = (l: Locator, name: string) => expect.poll(() => l.getAttribute(name), { timeout: 20_000 });
const count = (l: Locator) => expect.poll(() => l.count(), { timeout: 20_000 });

describe('the analyst workspace', () => {
  let app: App;
  const drawnCount = () => app.page.locator('#map').getAttribute('data-drawn').then(Number);
  /** Wait until the map has drawn more than `n` analyses (and the worker is idle). */
  const drawnAfter = async (n: number) => {
    await expect.poll(drawnCount, { timeout: 60_000 }).toBeGreaterThan(n);
    await expect.poll(() => app.page.locator('#map').getAttribute('aria-busy'), { timeout: 60_000 }).toBeNull();
  };
  const mapShot = () => app.page.locator('#map').screenshot();
  const legendCount = async (row: number) => Number((await app.page.locator('#legend-gistar .legend-n').nth(row).textContent())!.replace(/\D/g, ''));

  beforeAll(async () => {
    app = await openApp({ folder: 'any/folder/', viewport: { width: 1280, height: 860 } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens the demo and draws the streets and the Gi* hot spots on the map', async () => {
    await drawnAfter(0);
    await text(app.page.locator('#analysis-status')).toMatch(/^3,763 of 3,763 incidents selected; hot-spot map drawn in [\d,]+ ms\.$/);
    const px = await countPixels(app.context, await mapShot(), { background: BACKGROUND });
    // Streets, outlines and hot spots cover a good part of the map; hot-spot red is there.
    expect(px.notBackground / (px.width * px.height)).toBeGreaterThan(0.15);
    expect(px.hotRed).toBeGreaterThan(500);
    // The legend counts cells per bin over the 16 m grid: 78,540 cells, 60,483 of them in the study
    // area (stats hullMask; analyse.test.ts checks the worker's mask against it).
    const bins = await Promise.all([0, 1, 2, 3, 4, 5, 6].map(legendCount));
    expect(bins.reduce((a, b) => a + b, 0)).toBe(60_483);
    expect(bins[0]).toBeGreaterThan(0);
    await text(app.page.locator('.maplibregl-ctrl-attrib')).toContain('© OpenStreetMap contributors');
    await text(app.page.locator('.maplibregl-ctrl-attrib')).toContain('City of Chicago data portal');
    await app.screenshot('workspace-demo');
  });

  it('shows the defaults and why: cell size, bandwidth, band and FDR', async () => {
    await text(app.page.locator('#param-cell-hint')).toMatch(/^Used: 16 m — default: shorter side of the data extent \(4,063 m\) \/ 250, rounded$/);
    await text(app.page.locator('#param-bandwidth-hint')).toContain('Silverman');
    await text(app.page.locator('#param-band-hint')).toContain('Moran');
    await text(app.page.locator('#param-fdr-hint')).toContain('60,483 cells are tested at once');
  });

  it('redraws the hot-spot layer when a filter changes, without reloading', async () => {
    const before = await mapShot();
    const hotBefore = await legendCount(0);
    const n = await drawnCount();
    await app.page.getByLabel('From month').selectOption('2019-01');
    await drawnAfter(n);
    const expected = demoMonths.filter((m) => m >= '2019-01').length;
    await attr(app.page.locator('#map'), 'data-selected').toBe(String(expected));
    const after = await mapShot();
    expect(await differingPixels(app.context, before, after)).toBeGreaterThan(2_000);
    expect(await legendCount(0)).not.toBe(hotBefore);
    // The charts follow the filter.
    await text(app.page.locator('#trend-chart .chart-desc')).toBe(`${expected} incidents from Jan 2019 to Dec 2019.`);
    await app.screenshot('workspace-2019');
  });

  it('ends on the newest filter when changes come faster than the analysis', async () => {
    const n = await drawnCount();
    const from = app.page.getByLabel('From month');
    for (const m of ['2012-01', '2015-06', '2011-03', '2017-01']) await from.selectOption(m);
    await drawnAfter(n);
    await app.page.waitForTimeout(1500); // anything stale would arrive now
    await attr(app.page.locator('#map'), 'data-selected').toBe(String(demoMonths.filter((m) => m >= '2017-01').length));
    await text(app.page.locator('#analysis-status')).toContain(`${demoMonths.filter((m) => m >= '2017-01').length.toLocaleString('en')} of 3,763`);
    await from.selectOption('2010-01');
    await drawnAfter(n + 1);
  });

  it('shows a top-10 cell on the map from its table row', async () => {
    const first = app.page.locator('#top-spots tbody tr').first();
    await count(app.page.locator('#top-spots tbody tr')).toBe(10);
    await text(first.locator('td').nth(1)).toMatch(/^14\d\d$/); // a beat of district 14
    await text(first.locator('td').nth(2)).not.toBe('—'); // a street name
    await first.getByRole('button').click();
    await attr(first.getByRole('button'), 'aria-pressed').toBe('true');
    await app.page.waitForTimeout(1200);
    // The highlight ring (#00a0b0) is drawn around the map's centre.
    const px = await countPixels(app.context, await mapShot(), { background: BACKGROUND, colours: [{ rgb: [0, 160, 176], tol: 30 }] });
    expect(px.matching).toBeGreaterThan(100);
    expect(Math.abs(px.matchX - px.width / 2)).toBeLessThan(40);
    expect(Math.abs(px.matchY - px.height / 2)).toBeLessThan(40);
    await app.screenshot('workspace-top-cell');
  });

  it('opens an incident popup with category, time and location', async () => {
    await app.page.getByRole('checkbox', { name: 'Gi* hot and cold spots' }).uncheck();
    await app.page.getByRole('checkbox', { name: 'Incidents', exact: true }).check();
    const zoomIn = app.page.getByRole('button', { name: 'Zoom in' });
    await zoomIn.click();
    await zoomIn.click();
    await app.page.waitForTimeout(1500);
    // Single incidents are dark blue dots (#1f3b5c); click the middle of them.
    const px = await countPixels(app.context, await mapShot(), { background: BACKGROUND, colours: [{ rgb: [31, 59, 92], tol: 14 }] });
    expect(px.matching).toBeGreaterThan(20);
    const box = (await app.page.locator('#map').boundingBox())!;
    await app.page.mouse.click(box.x + px.densestX, box.y + px.densestY);
    const popup = app.page.locator('.maplibregl-popup');
    // The details come from the worker (the incident's row in the database).
    await popup.locator('dl').waitFor({ state: 'visible', timeout: 10_000 });
    expect(await popup.locator('dt').allTextContents()).toEqual(['Category', 'Time', 'Location', 'Area']);
    await text(popup.locator('dd').first()).toBe('aggravated assault');
    await text(popup.locator('dd').nth(1)).toMatch(/^[A-Z][a-z]{2} \d{1,2}, 20[01]\d, \d{1,2}:\d{2} [AP]M$/);
    await text(popup.locator('dd').nth(2)).toMatch(/^[a-z ]+$/); // the location text, or "not given" (the demo has none)
    await text(popup.locator('dd').nth(3)).toBe('14'); // the district
    await app.screenshot('workspace-popup');
    await app.page.keyboard.press('Escape');
    await count(popup).toBe(0);
    await app.page.getByRole('checkbox', { name: 'Incidents', exact: true }).uncheck();
    await app.page.getByRole('checkbox', { name: 'Gi* hot and cold spots' }).check();
  });

  it('switches the interface to Lithuanian and back', async () => {
    await app.page.getByLabel('Language').selectOption('lt');
    await attr(app.page.locator('html'), 'lang').toBe('lt');
    await count(app.page.getByLabel('Importuoti įvykius')).toBe(1);
    await text(app.page.locator('#filters-heading')).toBe('Filtrai');
    expect(await app.page.getByRole('checkbox', { name: 'Gi* karštieji ir šaltieji taškai' }).isChecked()).toBe(true);
    await text(app.page.locator('#legend-gistar')).toContain('Karštasis taškas, 99 % patikimumas');
    await text(app.page.locator('#analysis-status')).toContain('Pasirinkta');
    await text(app.page.locator('#analysis-status')).toContain('3\u00a0763'); // Lithuanian digit grouping
    await text(app.page.locator('#dow-hour-chart')).toContain('pr'); // pirmadienis
    await app.screenshot('workspace-lt');
    await app.page.getByLabel('Kalba').selectOption('en');
    await count(app.page.getByLabel('Import incidents')).toBe(1);
    await text(app.page.locator('#filters-heading')).toBe('Filters');
  });

  it('reaches every control by keyboard', async () => {
    await app.page.locator('body').click({ position: { x: 5, y: 5 } });
    const seen = new Set<string>();
    for (let k = 0; k < 90; k++) {
      await app.page.keyboard.press('Tab');
      seen.add(await app.page.evaluate(() => {
        const a = document.activeElement as HTMLElement | null;
        return a ? (a.id || a.getAttribute('aria-label') || a.textContent || a.tagName).trim() : '';
      }));
    }
    for (const id of ['import-input', 'lang-select', 'filter-from', 'filter-to', 'filter-hour-from', 'param-cell', 'param-kernel', 'param-fdr', 'layer-gistar', 'layer-emerging']) {
      expect([...seen]).toContain(id);
    }
    expect([...seen].some((s) => s.startsWith("Show cell")), [...seen].join(" | ")).toBe(true);
  });

  it('says "times unknown" for month-only data instead of inventing hours', async () => {
    const n = await drawnCount();
    await app.page.getByLabel('Import incidents', { exact: true }).setInputFiles(join(root, 'test/fixtures/police_uk/2019-07-city-of-london-street.csv'));
    await drawnAfter(n);
    await attr(app.page.locator('#map'), 'data-selected').toBe('820');
    await text(app.page.locator('#dow-hour-chart')).toBe('Times unknown: these data give only the month or the date, so no hours are shown.');
    expect(await app.page.locator('#dow-hour-chart svg').count()).toBe(0);
    expect(await app.page.getByLabel('From hour').isDisabled()).toBe(true);
    expect(await app.page.getByRole('checkbox', { name: 'Mon' }).isDisabled()).toBe(true);
    // The month before July 2019 is not in the data: no change is claimed.
    await text(app.page.locator('#top-spots tbody tr').first().locator('td').nth(4)).toMatch(/^\d+ \(–\)$/);
    await app.screenshot('workspace-month-only');
  });

  it('made no request to any other origin, and nothing failed', () => {
    expect(app.foreign()).toEqual([]);
    expect(app.failed).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
