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

  it('made no request to any other origin', () => {
    expect(app.foreign()).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
