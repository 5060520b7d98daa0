/**
 * Headless Chromium (Debian's, driven by playwright-core) against the built app served by a
 * small static server on localhost. Every request the page makes is recorded, so tests can
 * assert that nothing goes to another origin.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const root = resolve(import.meta.dirname, '../..');
const dist = join(root, 'dist');
export const screenshots = join(root, 'test/browser/screenshots');

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.json': 'application/json', '.geojson': 'application/geo+json', '.csv': 'text/csv',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.md': 'text/markdown', '.pbf': 'application/x-protobuf',
};

export interface App {
  url: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Every URL the page (and its workers) asked for. */
  requests: string[];
  /** Requests to any origin other than the app's. */
  foreign(): string[];
  /** Errors the page threw or logged. */
  errors: string[];
  /** Responses with an HTTP error status (URL and status). */
  failed: string[];
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** Serve dist/ under `/${prefix}` (e.g. 'some/folder/'), as a static host would from any folder. */
function serve(prefix = ''): Promise<{ server: Server; url: string }> {
  const server = createServer(async (req, res) => {
    try {
      let path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (!path.startsWith(`/${prefix}`)) throw new Error('outside the folder');
      path = `/${path.slice(prefix.length + 1)}`;
      let file = normalize(join(dist, path));
      if (!file.startsWith(dist)) throw new Error('outside');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => {
    const addr = server.address() as { port: number };
    ok({ server, url: `http://127.0.0.1:${addr.port}/` });
  }));
}

export const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

/**
 * Serve the build and open it in a fresh Chromium profile. `folder` serves the build below that
 * path (ending in '/'), to show it works from any folder.
 */
export async function openApp(opts: { path?: string; viewport?: { width: number; height: number }; folder?: string } = {}): Promise<App> {
  const { server, url: rootUrl } = await serve(opts.folder);
  const url = rootUrl + (opts.folder ?? '');
  const userDataDir = mkdtempSync(join(tmpdir(), 'sargas-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: chromiumArgs,
    viewport: opts.viewport ?? { width: 1280, height: 860 },
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const requests: string[] = [];
  const errors: string[] = [];
  const failed: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  context.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url + (opts.path ?? ''));
  mkdirSync(screenshots, { recursive: true });
  const origin = new URL(url).origin;
  return {
    url, browser: context.browser()!, context, page, requests, errors, failed,
    foreign: () => requests.filter((r) => !r.startsWith(origin) && !r.startsWith('blob:') && !r.startsWith('data:')),
    screenshot: async (name) => {
      const p = join(screenshots, `${name}.png`);
      await page.screenshot({ path: p });
      return p;
    },
    close: async () => {
      await context.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}
