import { defineConfig, type Plugin } from 'vite';

/**
 * The Content-Security-Policy of the built app: nothing but its own origin. DuckDB-WASM needs
 * 'wasm-unsafe-eval' and blob: workers; styles may be set inline by MapLibre. Added to the
 * build only, so the dev server's hot reload keeps working.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self' blob: data:",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

const csp = (): Plugin => ({
  name: 'sargas-csp',
  apply: 'build',
  transformIndexHtml: (html) =>
    html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">`),
});

// base './' lets the static build be served from any folder (DESIGN.md: offline, any host).
// data/ (the demo) is copied into the build as is.
export default defineConfig({
  base: './',
  publicDir: 'data',
  plugins: [csp()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    assetsInlineLimit: 0,
  },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  server: { port: 5173, strictPort: false },
});
