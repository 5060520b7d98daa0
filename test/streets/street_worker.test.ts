/**
 * The street readers and noding in a real browser Web Worker (Debian's Chromium through
 * playwright-core): the worker code is bundled by Vite, so a `node:` import or a Node-only API
 * in src/geo/streets would fail here. Gzip tiles and OSM PBF exercise DecompressionStream.
 * The results must equal the same pipeline run in Node.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStreetNetwork } from '../../src/geo/streets/build_street_network.ts';
import { readStreetFiles } from '../../src/geo/streets/read_street_files.ts';
import { encodeOsmPbf, parseOsmXmlForTest } from './encode_osm_pbf.ts';
import { chicagoDir, haveChicago, tilesDir } from './shared_data.ts';

const chromiumPath = '/usr/bin/chromium';

describe.skipIf(!haveChicago || !existsSync(chromiumPath))('street network in a Chromium Web Worker', () => {
  let browser: Browser;
  let workerCode: string;
  beforeAll(async () => {
    const out = await build({
      configFile: false,
      logLevel: 'silent',
      build: {
        write: false,
        minify: false,
        lib: { entry: fileURLToPath(new URL('./street_worker_entry.ts', import.meta.url)), formats: ['iife'], name: 'streetWorker' },
      },
    });
    const outputs = (Array.isArray(out) ? out : [out]) as { output: { type: string; code?: string }[] }[];
    workerCode = outputs[0].output.find((o) => o.type === 'chunk')!.code!;
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const runInWorker = async (files: { name: string; bytes: Uint8Array }[]) => {
    const page = await browser.newPage();
    try {
      return await page.evaluate(async ([code, fs]) => {
        const w = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
        const files = fs.map((f) => ({ name: f.name, bytes: new Uint8Array(f.bytes) }));
        const result = await new Promise<Record<string, unknown>>((resolve) => {
          w.onmessage = (e) => resolve(e.data);
          w.onerror = (e) => resolve({ error: e.message });
          w.postMessage({ files });
        });
        w.terminate();
        return result;
      }, [workerCode, files.map((f) => ({ name: f.name, bytes: [...f.bytes] }))] as const);
    } finally {
      await page.close();
    }
  };

  it('reads the 30 tiles (one gzip-compressed) and nodes them as Node does', async () => {
    const files = readdirSync(tilesDir).filter((f) => f.endsWith('.mvt')).map((f) => {
      const raw = new Uint8Array(readFileSync(tilesDir + f));
      return f === '13-2100-3044.mvt' ? { name: `${f}.gz`, bytes: new Uint8Array(gzipSync(raw)) } : { name: f, bytes: raw };
    });
    const inBrowser = await runInWorker(files);
    expect(inBrowser.error).toBeUndefined();
    const net = buildStreetNetwork(await readStreetFiles(files));
    expect(inBrowser.lines).toBe(22643);
    expect(inBrowser.nodes).toBe(net.nodeCount);
    expect(inBrowser.edges).toBe(net.edgeCount);
    expect((inBrowser.report as { kmKept: number }).kmKept).toBeCloseTo(net.report.kmKept, 6);
  });

  it('reads OSM PBF (zlib blobs) and OSM XML in the worker', async () => {
    const text = readFileSync(`${chicagoDir}logan_square_2012.osm`, 'utf8');
    const { nodes, ways } = parseOsmXmlForTest(text);
    const pbf = await runInWorker([{ name: 'logan_square.osm.pbf', bytes: encodeOsmPbf(nodes, ways) }]);
    const xml = await runInWorker([{ name: 'logan_square.osm', bytes: new TextEncoder().encode(text) }]);
    expect(pbf.error).toBeUndefined();
    expect(pbf.lines).toBe(258);
    expect(pbf.nodes).toBe(xml.nodes);
    expect(pbf.edges).toBe(xml.edges);
    expect(typeof pbf.name).toBe('string');
  });
});
