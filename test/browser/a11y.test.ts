/**
 * Accessibility of the workspace with axe-core in the same headless Chromium: no serious or
 * critical violations, in English and in Lithuanian, with every layer's legend shown.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from './harness.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }

describe('accessibility (axe-core)', () => {
  let app: App;
  beforeAll(async () => {
    app = await openApp({ viewport: { width: 1280, height: 860 } });
  });
  afterAll(async () => {
    await app?.close();
  });

  const serious = async (): Promise<string[]> => {
    const violations = await app.page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
      const res = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
      return res.violations;
    });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
  };

  it('has no serious or critical violations in English', async () => {
    await expect.poll(() => app.page.locator('#map').getAttribute('data-drawn').then(Number), { timeout: 60_000 }).toBeGreaterThan(0);
    // Show every layer, so every legend is checked too.
    for (const id of ['incidents', 'grid', 'kde', 'emerging']) await app.page.locator(`#layer-${id}`).check();
    await expect.poll(() => app.page.locator('#legend-emerging .legend-caption').count(), { timeout: 60_000 }).toBe(1);
    // Injected through the DevTools protocol, which the page's Content-Security-Policy does not govern.
    await app.page.evaluate(axeSource);
    expect(await serious()).toEqual([]);
  });

  it('has no serious or critical violations in Lithuanian', async () => {
    await app.page.getByLabel('Language').selectOption('lt');
    await expect.poll(() => app.page.locator('#filters-heading').textContent()).toBe('Filtrai');
    expect(await serious()).toEqual([]);
    await app.screenshot('a11y-lt-all-layers');
  });

  it('made no request to any other origin', () => {
    expect(app.foreign()).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
