/**
 * Issue 2 in the browser: the demo opens, a police.uk file imported through "Import incidents"
 * is summarised in the status region, and the data survive a reload (OPFS).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, root, type App } from './harness.ts';

describe('import in the browser', () => {
  let app: App;
  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens the bundled demo on a first visit', async () => {
    const status = app.page.getByRole('status');
    await expect.poll(() => status.textContent(), { timeout: 60_000 }).toMatch(/Imported 3763 incidents from 1 file \(2010-01 to 2019-12\); rejected 0/);
  });

  it('imports a police.uk extract through the "Import incidents" input and reports it', async () => {
    await app.page.getByLabel('Import incidents').setInputFiles(join(root, 'test/fixtures/police_uk/2019-07-city-of-london-street.csv'));
    const status = app.page.getByRole('status');
    // python csv: 866 rows; 41 without coordinates, 2 strays > 20 km away, 3 repeated Crime IDs.
    await expect.poll(() => status.textContent(), { timeout: 60_000 })
      .toMatch(/Imported 820 incidents from 1 file \(2019-07\); rejected 46: 3 duplicate id, 41 no coordinates, 2 outside study area\./);
    await app.screenshot('import-police-uk');
  });

  it('keeps the data after a reload', async () => {
    await app.page.reload();
    const status = app.page.getByRole('status');
    await expect.poll(() => status.textContent(), { timeout: 60_000 }).toMatch(/^820 incidents stored, 2019-07 to 2019-07; 46 rows rejected\.$/);
  });

  it('shows progress for a large import and cancels it, keeping what was stored', async () => {
    // ~600,000 rows (about 30 MB): long enough to be cancelled while it runs.
    const rows = Array.from({ length: 600_000 }, (_, i) =>
      `2019-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:15,theft,${(-0.09 + (i % 1000) * 0.00001).toFixed(5)},${(51.51 + (i % 997) * 0.00001).toFixed(5)},some location text ${i}`);
    await app.page.getByLabel('Import incidents', { exact: true }).setInputFiles({
      name: 'large_extract.csv', mimeType: 'text/csv', buffer: Buffer.from(['date,category,lon,lat,location', ...rows].join('\n') + '\n'),
    });
    const cancel = app.page.getByRole('button', { name: 'Cancel import' });
    await cancel.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await app.page.locator('#import-progress').isVisible()).toBe(true);
    await cancel.click();
    const status = app.page.getByRole('status');
    await expect.poll(() => status.textContent(), { timeout: 60_000 }).toBe('Import cancelled; nothing of it was kept.');
    await app.page.reload();
    await expect.poll(() => status.textContent(), { timeout: 60_000 }).toMatch(/^820 incidents stored, 2019-07 to 2019-07; 46 rows rejected\.$/);
  });

  it('made no request to any other origin', () => {
    expect(app.foreign()).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
