import { deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decompress, gunzipIfNeeded, isGzip } from './decompress.ts';

describe('decompress', () => {
  const data = new TextEncoder().encode('W Fullerton Ave '.repeat(500));

  it('inflates gzip and zlib data made by node:zlib', async () => {
    expect(await decompress(new Uint8Array(gzipSync(data)), 'gzip')).toEqual(data);
    expect(await decompress(new Uint8Array(deflateSync(data)), 'deflate')).toEqual(data);
  });

  it('gunzips only gzip data', async () => {
    expect(isGzip(new Uint8Array(gzipSync(data)))).toBe(true);
    expect(isGzip(data)).toBe(false);
    expect(await gunzipIfNeeded(data)).toBe(data);
  });

  it('rejects corrupt data with the format named', async () => {
    const bad = new Uint8Array(deflateSync(data)).slice(0, 20);
    await expect(decompress(bad, 'deflate')).rejects.toThrow(/deflate/);
  });
});
