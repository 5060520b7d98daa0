/**
 * Decompression through the platform's DecompressionStream (Node ≥ 18 and every current browser,
 * including Web Workers), so no inflate code ships with the app. Checked in Node 20 and Chromium
 * 156 for both formats.
 */

/** 'gzip' (RFC 1952, e.g. .mvt.gz tiles) or 'deflate' (zlib, RFC 1950, as in OSM PBF blobs). */
export type CompressionFormat = 'gzip' | 'deflate';

/** Does the buffer start with the gzip magic bytes 1f 8b? */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Inflate `bytes`. Rejects with an Error naming the format when the data are corrupt. */
export async function decompress(bytes: Uint8Array, format: CompressionFormat): Promise<Uint8Array> {
  if (typeof DecompressionStream !== 'function') {
    throw new Error('this platform has no DecompressionStream (needs Node >= 18 or a current browser)');
  }
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream(format));
  try {
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (e) {
    throw new Error(`corrupt ${format} data: ${(e as Error).message}`);
  }
}

/** Gunzip when the bytes are gzip, else return them unchanged. */
export async function gunzipIfNeeded(bytes: Uint8Array): Promise<Uint8Array> {
  return isGzip(bytes) ? decompress(bytes, 'gzip') : bytes;
}
