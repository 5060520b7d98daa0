import { describe, expect, it } from 'vitest';
import { RoadClass } from '../../routing/road_class.ts';
import { Structure } from './street_lines.ts';
import { StreetLinesBuilder } from './street_lines_builder.ts';

const props = (name = '') => ({ roadClass: RoadClass.street, oneway: 0 as const, structure: Structure.none, layer: 0, name });

describe('StreetLinesBuilder', () => {
  it('drops consecutive duplicate vertices and lines left with fewer than two', () => {
    const b = new StreetLinesBuilder();
    b.addVertex(1, 2);
    b.addVertex(1, 2);
    b.addVertex(3, 4);
    expect(b.endLine(props('A'))).toBe(true);
    b.addVertex(5, 5);
    b.addVertex(5, 5);
    expect(b.endLine(props('B'))).toBe(false);
    b.addVertex(3, 4); // not a duplicate: a new line starts
    b.addVertex(6, 7);
    expect(b.endLine(props('A'))).toBe(true);
    const l = b.finish();
    expect(l.lineCount).toBe(2);
    expect([...l.lineStart]).toEqual([0, 2, 4]);
    expect([...l.lons]).toEqual([1, 3, 3, 6]);
    expect(l.names).toEqual(['', 'A']);
    expect([...l.lineName]).toEqual([1, 1]);
  });

  it('grows past its initial capacity and clamps layers', () => {
    const b = new StreetLinesBuilder();
    for (let i = 0; i < 5000; i++) {
      b.addVertex(i, 0);
      b.addVertex(i, 1);
      b.endLine({ ...props(), layer: i % 2 ? 300 : -300 });
    }
    const l = b.finish();
    expect(l.lineCount).toBe(5000);
    expect(l.lons.length).toBe(10000);
    expect(l.lineLayer[0]).toBe(-128);
    expect(l.lineLayer[1]).toBe(127);
    expect(l.lats[9999]).toBe(1);
  });

  it('rejects non-finite coordinates and a second finish', () => {
    const b = new StreetLinesBuilder();
    expect(() => b.addVertex(NaN, 0)).toThrow(RangeError);
    b.finish();
    expect(() => b.finish()).toThrow(/twice/);
  });
});
