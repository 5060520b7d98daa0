/**
 * Browser tests run against the production build, as a user gets it: build once before all
 * tests (Vitest globalSetup). Skipped when no browser test is selected.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export default function setup(): void {
  const root = resolve(import.meta.dirname, '../..');
  if (process.env.SARGAS_SKIP_BUILD) return;
  // Only when browser tests may run: no file filters given, or one that names test/browser.
  const args = process.argv.slice(process.argv.indexOf('run') + 1).filter((a) => !a.startsWith('-'));
  if (args.length && !args.some((a) => a.includes('browser'))) return;
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}
