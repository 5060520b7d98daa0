/**
 * Tag values to line properties, shared by the readers. OSM tags (`oneway`, `bridge`, `tunnel`,
 * `layer`) and Mapbox Streets v7 properties (`oneway` "true"/"false", `structure`) arrive as
 * strings, numbers, booleans or nothing.
 */
import { Structure } from './street_lines.ts';

/**
 * One-way flag: 1 for yes/true/1 (only in drawn direction), -1 for -1/reverse (only against it),
 * 0 otherwise (no, false, 0, reversible, alternating, missing).
 */
export function parseOneway(value: unknown): -1 | 0 | 1 {
  if (value === true || value === 1) return 1;
  if (value === -1) return -1;
  if (typeof value !== 'string') return 0;
  switch (value.trim().toLowerCase()) {
    case 'yes': case 'true': case '1': return 1;
    case '-1': case 'reverse': return -1;
    default: return 0;
  }
}

/**
 * Structure from a Mapbox `structure` value or OSM `bridge`/`tunnel` tags. Any OSM bridge or
 * tunnel value other than no/false/0 counts (yes, viaduct, building_passage, culvert, ...),
 * except tunnel=building_passage, which is at grade for routing purposes.
 */
export function parseStructure(structure: unknown, bridge?: unknown, tunnel?: unknown): Structure {
  if (structure === 'bridge') return Structure.bridge;
  if (structure === 'tunnel') return Structure.tunnel;
  if (isSet(bridge)) return Structure.bridge;
  if (isSet(tunnel) && tunnel !== 'building_passage') return Structure.tunnel;
  return Structure.none;
}

function isSet(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === 0) return false;
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    return s !== '' && s !== 'no' && s !== 'false' && s !== '0';
  }
  return true;
}

/** Layer as an integer; missing or unparseable values are 0 (ground), fractions round. */
export function parseLayer(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim().split(';')[0]) : NaN;
  if (!Number.isFinite(n)) return 0;
  return Math.max(-128, Math.min(127, Math.round(n)));
}

/** A name as a trimmed string; non-strings and blanks become ''. */
export function parseName(value: unknown): string {
  return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}
