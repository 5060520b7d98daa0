import { describe, expect, it } from 'vitest';
import { expandUnits, parseUnits } from './plan_units.ts';

const car = { kind: 'car', count: 2, start: [-87.7, 41.92], shiftStart: '16:00', hours: 8 };
const zone = { type: 'Polygon', coordinates: [[[-87.70, 41.91], [-87.69, 41.91], [-87.69, 41.92], [-87.70, 41.92], [-87.70, 41.91]]] };

describe('parseUnits', () => {
  it('fills the defaults: count 1, end = start, dwell 15 minutes', () => {
    const [u] = parseUnits([{ kind: 'volunteer', start: [-87.7, 41.92], shiftStart: '17:30', hours: 3, zone }]);
    expect(u).toMatchObject({ kind: 'volunteer', count: 1, start: [-87.7, 41.92], end: [-87.7, 41.92], shiftStartMin: 17 * 60 + 30, hours: 3, dwellMin: 15 });
    expect(u.zone).toEqual([zone.coordinates]);
  });

  it('accepts a Feature or a MultiPolygon as the zone', () => {
    const [a, b] = parseUnits([
      { ...car, zone: { type: 'Feature', properties: {}, geometry: zone } },
      { ...car, zone: { type: 'MultiPolygon', coordinates: [zone.coordinates, zone.coordinates] } },
    ]);
    expect(a.zone).toHaveLength(1);
    expect(b.zone).toHaveLength(2);
  });

  // Table of bad input -> the message must name the file, the unit and the problem.
  const bad: [string, unknown, RegExp][] = [
    ['not a list', { units: [] }, /^u\.json: expected a JSON list of units/],
    ['empty list', [], /^u\.json: the list of units is empty/],
    ['unknown kind', [car, { ...car, kind: 'bike' }], /^u\.json: units\[1\]\.kind must be one of "car", "foot", "volunteer", got "bike"/],
    ['count 0', [{ ...car, count: 0 }], /^u\.json: units\[0\]\.count must be a whole number/],
    ['start missing', [{ ...car, start: undefined }], /^u\.json: units\[0\]\.start must be \[lon, lat\]/],
    ['start out of range', [{ ...car, start: [200, 41.9] }], /units\[0\]\.start must be \[lon, lat\] with lon in -180\.\.180 and lat in -90\.\.90, got \[200, 41\.9\]/],
    ['bad end', [{ ...car, end: 'station' }], /units\[0\]\.end must be \[lon, lat\]/],
    ['bad shiftStart', [{ ...car, shiftStart: '25:00' }], /units\[0\]\.shiftStart must be "HH:MM"/],
    ['hours 0', [{ ...car, hours: 0 }], /units\[0\]\.hours must be a number of hours/],
    ['hours as text', [{ ...car, hours: '8' }], /units\[0\]\.hours must be a number of hours, > 0 and <= 24, got "8"/],
    ['negative dwell', [{ ...car, dwellMin: -5 }], /units\[0\]\.dwellMin must be minutes/],
    ['zone not a polygon', [{ ...car, zone: { type: 'Point', coordinates: [0, 0] } }], /units\[0\]\.zone must be a GeoJSON Polygon/],
    ['zone ring too short', [{ ...car, zone: { type: 'Polygon', coordinates: [[[0, 0], [1, 1]]] } }], /units\[0\]\.zone\.coordinates\[0\] must be a ring of at least 4/],
    ['maxWalkKm on a car', [{ ...car, maxWalkKm: 2 }], /units\[0\]\.maxWalkKm applies to foot and volunteer units/],
    ['misspelt key', [{ ...car, dwelMin: 10 }], /units\[0\]: unknown key "dwelMin"/],
  ];
  for (const [name, json, message] of bad) {
    it(`parseUnits rejects ${name}, naming the file and the unit`, () => {
      expect(() => parseUnits(json, 'u.json')).toThrow(message);
    });
  }
});

describe('expandUnits', () => {
  it('makes one unit per count, labelled per kind in order', () => {
    const units = expandUnits(parseUnits([car, { kind: 'volunteer', count: 2, start: [-87.7, 41.92], shiftStart: '17:00', hours: 3 }, { ...car, count: 1, name: 'Sgt Kowalski' }]));
    expect(units.map((u) => u.label)).toEqual(['car 1', 'car 2', 'volunteer 1', 'volunteer 2', 'Sgt Kowalski']);
    expect(units.map((u) => u.entry)).toEqual([0, 0, 1, 1, 2]);
  });
});
