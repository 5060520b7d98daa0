import { describe, expect, it } from 'vitest';
import { connectedComponents } from './connected_components.ts';

describe('connectedComponents', () => {
  it('labels components in order of first node and marks nodes without edges -1', () => {
    // 0-1-2, 3-4, 5 alone, 6-6 self loop
    const c = connectedComponents(7, Uint32Array.of(0, 1, 3, 6), Uint32Array.of(1, 2, 4, 6));
    expect(c.count).toBe(3);
    expect([...c.nodeComponent]).toEqual([0, 0, 0, 1, 1, -1, 2]);
  });

  it('rejects edges to nodes that do not exist', () => {
    expect(() => connectedComponents(2, Uint32Array.of(0), Uint32Array.of(5))).toThrow(RangeError);
  });
});
