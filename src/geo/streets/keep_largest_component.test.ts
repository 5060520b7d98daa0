import { describe, expect, it } from 'vitest';
import { linesFromMetres, TEST_CRS } from '../../../test/streets/test_lines.ts';
import { buildStreetNetwork } from './build_street_network.ts';
import { keepLargestComponent } from './keep_largest_component.ts';
import { nodeLines } from './node_lines.ts';

describe('keepLargestComponent', () => {
  const lines = linesFromMetres([
    { pts: [[0, 0], [1000, 0]], name: 'Main' }, // line 0
    { pts: [[500, -500], [500, 500]] }, // line 1 crosses it: 1 component of 2 km
    { pts: [[0, 2000], [300, 2000]] }, // line 2: an island of 0.3 km
    { pts: [[5000, 0], [5100, 0]] }, // line 3: an island of 0.1 km
  ]);

  it('keeps the component with the most length and reports what was dropped', () => {
    const all = nodeLines(lines, { crs: TEST_CRS });
    expect(all.report.components).toBe(3);
    const n = keepLargestComponent(all);
    expect(n.edgeCount).toBe(4);
    expect(n.nodeCount).toBe(5);
    expect(n.report.components).toBe(3);
    expect(n.report.droppedComponents).toBe(2);
    expect(n.report.droppedKm).toBeCloseTo(0.4, 6);
    expect(n.report.kmKept).toBeCloseTo(2, 6);
    expect(n.report.kmIn).toBeCloseTo(2.4, 6);
    expect(n.report.piecesIn).toBe(4);
    expect(n.report.piecesKept).toBe(2);
    expect(Math.max(...n.edgeFrom, ...n.edgeTo)).toBe(4);
    expect(n.names[n.edgeName[0]]).toBe('Main');
  });

  it('buildStreetNetwork keeps all components when asked', () => {
    expect(buildStreetNetwork(lines, { crs: TEST_CRS, keepAllComponents: true }).edgeCount).toBe(6);
    expect(buildStreetNetwork(lines, { crs: TEST_CRS }).edgeCount).toBe(4);
  });
});
