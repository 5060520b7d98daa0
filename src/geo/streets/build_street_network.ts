/**
 * Lines to a routable street network: node them (node_lines.ts), then keep the largest
 * connected component unless asked to keep all. The report says what went in, what was split,
 * joined and dropped.
 */
import { keepLargestComponent } from './keep_largest_component.ts';
import { nodeLines, type NodeLinesOptions } from './node_lines.ts';
import type { StreetLines } from './street_lines.ts';
import type { StreetNetwork } from './street_network.ts';

export interface BuildStreetNetworkOptions extends NodeLinesOptions {
  /** Keep every connected component instead of only the largest. @default false */
  keepAllComponents?: boolean;
}

export function buildStreetNetwork(lines: StreetLines, options: BuildStreetNetworkOptions = {}): StreetNetwork {
  const noded = nodeLines(lines, options);
  options.signal?.throwIfAborted();
  return options.keepAllComponents ? noded : keepLargestComponent(noded);
}
