/**
 * Test helper: a Web Worker that reads street files and builds the network, for the browser
 * test (street_worker.browser.test.ts). Message in: {files: {name, bytes}[]}; out: a summary.
 */
import { buildEdgeIndex, buildStreetNetwork, nearestEdgeName, readStreetFiles } from '../../src/geo/streets/index.ts';

self.onmessage = async (ev: MessageEvent<{ files: { name: string; bytes: Uint8Array }[] }>) => {
  const post = (m: unknown) => (self as unknown as { postMessage(m: unknown): void }).postMessage(m);
  try {
    const lines = await readStreetFiles(ev.data.files);
    const net = buildStreetNetwork(lines);
    const index = buildEdgeIndex(net);
    post({ lines: lines.lineCount, nodes: net.nodeCount, edges: net.edgeCount, report: net.report, name: nearestEdgeName(index, net.xs[0], net.ys[0]) });
  } catch (e) {
    post({ error: String(e) });
  }
};
