/**
 * Reading the pixels of screenshots, for tests that check what the map actually drew. The PNG is
 * decoded by the browser itself, in a blank page of the same context (no app, no CSP), and only
 * counts come back.
 */
import type { BrowserContext } from 'playwright-core';

/** [r, g, b] and a per-channel tolerance. */
export type ColourMatch = { rgb: [number, number, number]; tol: number };

export interface PixelCounts {
  width: number;
  height: number;
  /** Pixels farther than `bgTol` (any channel) from the background colour. */
  notBackground: number;
  /** Pixels matching each colour (any of them per pixel). */
  matching: number;
  /** Pixels "hot red": r > 170, r - g > 80, r - b > 80. */
  hotRed: number;
  /** Centre of the matching pixels (NaN when none). */
  matchX: number;
  matchY: number;
  /** The matching pixel with the most matching pixels within 3 px (the middle of a dot). */
  densestX: number;
  densestY: number;
}

async function withBlankPage<T>(context: BrowserContext, f: (page: import('playwright-core').Page) => Promise<T>): Promise<T> {
  const page = await context.newPage();
  try {
    return await f(page);
  } finally {
    await page.close();
  }
}

/** Count pixels of a PNG by colour. */
export function countPixels(
  context: BrowserContext,
  png: Buffer,
  opts: { background: [number, number, number]; bgTol?: number; colours?: ColourMatch[] },
): Promise<PixelCounts> {
  return withBlankPage(context, (page) => page.evaluate(async ({ b64, bg, bgTol, colours }) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bmp.width, bmp.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bmp, 0, 0);
    const d = ctx.getImageData(0, 0, bmp.width, bmp.height).data;
    let notBackground = 0, matching = 0, hotRed = 0, sx = 0, sy = 0;
    const W = bmp.width, H = bmp.height;
    const hit = new Uint8Array(W * H);
    for (let i = 0, p = 0; i < d.length; i += 4, p++) {
      const r = d[i], g = d[i + 1], b = d[i + 2];
      if (Math.abs(r - bg[0]) > bgTol || Math.abs(g - bg[1]) > bgTol || Math.abs(b - bg[2]) > bgTol) notBackground++;
      if (r > 170 && r - g > 80 && r - b > 80) hotRed++;
      for (const c of colours) {
        if (Math.abs(r - c.rgb[0]) <= c.tol && Math.abs(g - c.rgb[1]) <= c.tol && Math.abs(b - c.rgb[2]) <= c.tol) {
          matching++;
          hit[p] = 1;
          sx += p % bmp.width;
          sy += Math.floor(p / bmp.width);
          break;
        }
      }
    }
    let best = -1, densestX = NaN, densestY = NaN;
    for (let y = 3; y < H - 3; y++) {
      for (let x = 3; x < W - 3; x++) {
        if (!hit[x + y * W]) continue;
        let n = 0;
        for (let dy = -3; dy <= 3; dy++) for (let dx = -3; dx <= 3; dx++) n += hit[x + dx + (y + dy) * W];
        if (n > best) { best = n; densestX = x; densestY = y; }
      }
    }
    return { width: W, height: H, notBackground, matching, hotRed, matchX: sx / matching, matchY: sy / matching, densestX, densestY };
  }, { b64: png.toString('base64'), bg: opts.background, bgTol: opts.bgTol ?? 12, colours: opts.colours ?? [] }));
}

/** Pixels that differ by more than `tol` in any channel between two PNGs of the same size. */
export function differingPixels(context: BrowserContext, a: Buffer, b: Buffer, tol = 24): Promise<number> {
  return withBlankPage(context, (page) => page.evaluate(async ({ a64, b64, tol }) => {
    const decode = async (s: string) => {
      const bmp = await createImageBitmap(new Blob([Uint8Array.from(atob(s), (c) => c.charCodeAt(0))], { type: 'image/png' }));
      const ctx = new OffscreenCanvas(bmp.width, bmp.height).getContext('2d')!;
      ctx.drawImage(bmp, 0, 0);
      return ctx.getImageData(0, 0, bmp.width, bmp.height);
    };
    const [x, y] = [await decode(a64), await decode(b64)];
    if (x.width !== y.width || x.height !== y.height) throw new Error(`sizes differ: ${x.width}x${x.height} vs ${y.width}x${y.height}`);
    let n = 0;
    for (let i = 0; i < x.data.length; i += 4) {
      if (Math.abs(x.data[i] - y.data[i]) > tol || Math.abs(x.data[i + 1] - y.data[i + 1]) > tol || Math.abs(x.data[i + 2] - y.data[i + 2]) > tol) n++;
    }
    return n;
  }, { a64: a.toString('base64'), b64: b.toString('base64'), tol }));
}
