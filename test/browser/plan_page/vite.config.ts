/**
 * Build of the plan panel's test page (test/browser/plan.test.ts): the workspace's app worker and
 * map plus the plan panel, without src/main.ts. Built into dist/plan_page/ next to the app's
 * build, so the demo files (dist/chicago_d14/) are at ../chicago_d14/ and the browser harness
 * serves both. Same Content-Security-Policy as the app.
 *
 *   npx vite build --config test/browser/plan_page/vite.config.ts
 */
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { contentSecurityPolicy } from '../../../vite.config.ts';

const here = import.meta.dirname;
const repo = resolve(here, '../../..');

const csp = (): Plugin => ({
  name: 'sargas-csp',
  apply: 'build',
  transformIndexHtml: (html) =>
    html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">`),
});

export default defineConfig({
  root: here,
  base: './',
  publicDir: false,
  plugins: [csp()],
  build: {
    outDir: resolve(repo, 'dist/plan_page'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 8192,
    assetsInlineLimit: 0,
  },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
});
