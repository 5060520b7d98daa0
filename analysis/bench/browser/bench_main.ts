// Starts the benchmark worker and shows its result; the driver (ingest_browser.ts) reads #out.
const rows = Number(new URLSearchParams(location.search).get('rows') ?? 1_000_000);
const repeats = Number(new URLSearchParams(location.search).get('repeats') ?? 3);
const worker = new Worker(new URL('./bench_worker.ts', import.meta.url), { type: 'module' });
worker.onmessage = (ev) => {
  document.getElementById('out')!.textContent = JSON.stringify(ev.data);
};
worker.postMessage({ rows, repeats });
