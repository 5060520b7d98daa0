/**
 * The plan panel and the CSV export inside the real workspace: the demo plans routes from the
 * district station, the top-10 table downloads as CSV, with no request to another origin.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from './harness.ts';

describe('patrol plan in the workspace', () => {
  let app: App;
  beforeAll(async () => {
    app = await openApp({ viewport: { width: 1400, height: 1000 } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('plans the demo shift and lists a route per unit', async () => {
    const p = app.page;
    await expect.poll(() => p.getByRole('status').first().textContent(), { timeout: 60_000 }).toMatch(/Imported 3763 incidents/);
    await p.getByRole('button', { name: 'Plan routes' }).click();
    await expect.poll(() => p.getByText(/Plan ready in/).count(), { timeout: 60_000 }).toBeGreaterThan(0);
    await app.screenshot('plan-in-app');
  });

  it('downloads the top-10 hot spots as CSV', async () => {
    const [download] = await Promise.all([
      app.page.waitForEvent('download'),
      app.page.getByRole('button', { name: 'Download the table (CSV)' }).click(),
    ]);
    const text = readFileSync((await download.path())!, 'utf8');
    const lines = text.trim().split(/\r?\n/);
    expect(lines[0]).toBe('rank,cell,beat,street,lon,lat,incidents,last_month,previous_month,gi_z,gi_bin');
    expect(lines).toHaveLength(11);
  });

  it('made no request to any other origin', () => {
    expect(app.foreign()).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
