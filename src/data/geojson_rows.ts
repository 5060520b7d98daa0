/**
 * GeoJSON points as CSV rows, so DuckDB-WASM (which has no JSON or spatial extension) reads
 * them with read_csv like any other extract. Properties become columns; the point becomes
 * two coordinate columns. Features that are not points keep their row with blank coordinates,
 * so the importer rejects them with a reason instead of losing them silently.
 */
import type { ColumnMapping } from './sniff.ts';

export interface GeojsonRows {
  csv: string;
  /** Coordinate columns made here. */
  mapping: ColumnMapping;
  /** CRS named by a legacy `crs` member (e.g. EPSG:3346), if any. */
  crs?: string;
  notes: string[];
}

const cell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

export function geojsonToCsv(name: string, text: string): GeojsonRows {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new Error(`${name}: not valid JSON (${(e as Error).message})`);
  }
  const d = doc as { type?: string; features?: unknown[]; crs?: { properties?: { name?: string } } };
  const features = d.type === 'FeatureCollection' && Array.isArray(d.features) ? d.features
    : d.type === 'Feature' ? [d] : null;
  if (!features) throw new Error(`${name}: JSON but not a GeoJSON FeatureCollection or Feature`);
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const f of features as { properties?: Record<string, unknown> }[]) {
    for (const k of Object.keys(f?.properties ?? {})) if (!seen.has(k)) { seen.add(k); keys.push(k); }
  }
  let lonCol = 'longitude', latCol = 'latitude';
  while (seen.has(lonCol) || seen.has(latCol)) { lonCol = '_' + lonCol; latCol = '_' + latCol; }
  const lines = [[...keys, lonCol, latCol].map(cell).join(',')];
  let nonPoint = 0;
  for (const f of features as { properties?: Record<string, unknown>; geometry?: { type?: string; coordinates?: unknown } }[]) {
    const p = f?.properties ?? {};
    const g = f?.geometry;
    let lon: unknown = '', lat: unknown = '';
    if (g?.type === 'Point' && Array.isArray(g.coordinates)) [lon, lat] = g.coordinates as unknown[];
    else nonPoint++;
    lines.push([...keys.map((k) => cell(p[k])), cell(lon), cell(lat)].join(','));
  }
  const crsName = d.crs?.properties?.name ?? '';
  const m = /EPSG:+(\d{4,5})$/i.exec(crsName);
  const crs = m && m[1] !== '4326' ? `EPSG:${m[1]}` : undefined;
  const notes = [`GeoJSON: ${features.length} features`];
  if (nonPoint) notes.push(`${nonPoint} features are not points (kept as rows without coordinates)`);
  return { csv: lines.join('\n') + '\n', mapping: crs ? { x: lonCol, y: latCol } : { lon: lonCol, lat: latCol }, crs, notes };
}
