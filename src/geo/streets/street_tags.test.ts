import { describe, expect, it } from 'vitest';
import { Structure } from './street_lines.ts';
import { parseLayer, parseName, parseOneway, parseStructure } from './street_tags.ts';

describe('street tags', () => {
  it.each([
    ['yes', 1], ['true', 1], ['1', 1], [' Yes ', 1], [true, 1], [1, 1],
    ['-1', -1], ['reverse', -1], [-1, -1],
    ['no', 0], ['false', 0], ['0', 0], ['reversible', 0], ['alternating', 0], [undefined, 0], [null, 0], [false, 0],
  ] as const)('parseOneway(%j) is %i', (v, want) => {
    expect(parseOneway(v)).toBe(want);
  });

  it('parseStructure reads Mapbox structure and OSM bridge/tunnel tags', () => {
    expect(parseStructure('bridge')).toBe(Structure.bridge);
    expect(parseStructure('tunnel')).toBe(Structure.tunnel);
    expect(parseStructure('none')).toBe(Structure.none);
    expect(parseStructure('ford')).toBe(Structure.none);
    expect(parseStructure(undefined, 'yes')).toBe(Structure.bridge);
    expect(parseStructure(undefined, 'viaduct')).toBe(Structure.bridge);
    expect(parseStructure(undefined, 'no', 'yes')).toBe(Structure.tunnel);
    expect(parseStructure(undefined, undefined, 'building_passage')).toBe(Structure.none);
    expect(parseStructure(undefined, 'no', 'no')).toBe(Structure.none);
  });

  it('parseLayer gives integers, 0 for missing or unparseable values, and clamps', () => {
    expect(parseLayer('1')).toBe(1);
    expect(parseLayer(-2)).toBe(-2);
    expect(parseLayer('1;2')).toBe(1);
    expect(parseLayer('x')).toBe(0);
    expect(parseLayer(undefined)).toBe(0);
    expect(parseLayer(null)).toBe(0);
    expect(parseLayer(1000)).toBe(127);
  });

  it('parseName trims strings and drops non-strings', () => {
    expect(parseName('  N Milwaukee Ave ')).toBe('N Milwaukee Ave');
    expect(parseName(null)).toBe('');
    expect(parseName(undefined)).toBe('');
    expect(parseName(66)).toBe('66');
  });
});
