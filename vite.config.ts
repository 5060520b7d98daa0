import { defineConfig } from 'vite';

// base './' lets the static build be served from any folder (DESIGN.md: offline, any host).
export default defineConfig({
  base: './',
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    assetsInlineLimit: 0,
  },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  server: { port: 5173, strictPort: false },
});
