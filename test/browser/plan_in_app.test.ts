/**
 * The plan panel inside the real workspace: the demo plans routes from the district station
 * with no request to another origin.
 */
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
    expect(app.foreign()).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
