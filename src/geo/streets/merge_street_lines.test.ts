import { describe, expect, it } from 'vitest';
import { linesFromMetres } from '../../../test/streets/test_lines.ts';
import { mergeStreetLines } from './merge_street_lines.ts';

describe('mergeStreetLines', () => {
  it('concatenates line sets and re-interns their names', () => {
    const a = linesFromMetres([{ pts: [[0, 0], [10, 0]], name: 'A St' }, { pts: [[0, 5], [10, 5]], name: 'B St' }]);
    const b = linesFromMetres([{ pts: [[0, 9], [10, 9], [20, 9]], name: 'B St', oneway: -1 }]);
    const m = mergeStreetLines([a, b]);
    expect(m.lineCount).toBe(3);
    expect([...m.lineStart]).toEqual([0, 2, 4, 7]);
    expect(m.names).toEqual(['', 'A St', 'B St']);
    expect([...m.lineName]).toEqual([1, 2, 2]);
    expect(m.lineOneway[2]).toBe(-1);
    expect(m.lats[6]).toBe(b.lats[2]);
  });
});
