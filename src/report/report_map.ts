/**
 * The report's maps as inline SVG strings, drawn in the planar CRS (metres; north up, y flipped):
 * KDE surface as filled d3 contours of the density grid, streets as paths, Gi* cells, boundary
 * outlines with labels, incidents and numbered top hot spots; and a smaller map of emerging
 * hot-spot categories. Text that comes from data (area labels) is escaped.
 */
import { contours, interpolatePurples, ticks } from 'd3';
import type { Extent } from '../stats/grid.ts';
import { EMERGING_CATEGORIES, type EmergingCategory } from '../stats/emerging_hot_spots.ts';
import { RoadClass } from '../routing/road_class.ts';
import { escapeHtml } from './escape_html.ts';
import type { ReportModel } from './report_model.ts';

/** Gi* bins -3..3 and emerging categories: the app map's colours (src/colours.ts). */
export { GI_BIN_COLOURS as GI_COLOURS, EMERGING_COLOURS } from '../colours.ts';
import { GI_BIN_COLOURS as GI_COLOURS, EMERGING_COLOURS } from '../colours.ts';

/** How the extent maps to SVG units: x' = (x - minX) k, y' = (maxY - y) k. */
export interface MapView {
  minX: number;
  maxY: number;
  k: number;
  width: number;
  height: number;
}

export function mapView(e: Extent, width = 1000, padM = 60): MapView {
  const minX = e.minX - padM, maxX = e.maxX + padM, minY = e.minY - padM, maxY = e.maxY + padM;
  const k = width / (maxX - minX);
  return { minX, maxY, k, width, height: Math.round((maxY - minY) * k) };
}

const f1 = (v: number) => (Math.round(v * 10) / 10).toString();
const sx = (v: MapView, x: number) => f1((x - v.minX) * v.k);
const sy = (v: MapView, y: number) => f1((v.maxY - y) * v.k);

/** Path data of a flat [x0, y0, x1, y1, ...] line in planar metres. */
function flatPath(v: MapView, flat: ArrayLike<number>, close: boolean): string {
  let d = '';
  for (let i = 0; i < flat.length; i += 2) d += `${i ? 'L' : 'M'}${sx(v, flat[i])} ${sy(v, flat[i + 1])}`;
  return close ? `${d}Z` : d;
}

/** KDE levels: nice round densities between 0 and the maximum (0 itself excluded). */
export function kdeLevels(max: number): number[] {
  if (!(max > 0)) return [];
  return ticks(0, max, 6).filter((t) => t > 0 && t < max);
}

/** Colour of KDE level i of n (light to dark purple). */
export const kdeColour = (i: number, n: number): string => interpolatePurples(0.18 + (0.72 * i) / Math.max(1, n - 1));

const STREET_STYLE: Record<number, [string, number]> = {
  [RoadClass.motorway]: ['#7d7d7d', 3.2],
  [RoadClass.motorwayLink]: ['#8c8c8c', 1.4],
  [RoadClass.trunk]: ['#808080', 2.6],
  [RoadClass.primary]: ['#858585', 2.3],
  [RoadClass.secondary]: ['#8c8c8c', 1.7],
  [RoadClass.tertiary]: ['#999999', 1.2],
  [RoadClass.street]: ['#b3b3b3', 0.55],
};

function streetsSvg(v: MapView, model: ReportModel, faint = false): string {
  let out = '';
  for (const layer of model.map.streets) {
    const [colour, w] = STREET_STYLE[layer.roadClass] ?? ['#bbbbbb', 0.5];
    const d = layer.lines.map((l) => flatPath(v, l, false)).join('');
    out += `<path d="${d}" fill="none" stroke="${faint ? '#c8c8c8' : colour}" stroke-width="${faint ? Math.max(0.4, w * 0.6) : w}" stroke-linecap="round" stroke-linejoin="round"/>`;
  }
  return `<g class="streets">${out}</g>`;
}

function kdeSvg(v: MapView, model: ReportModel): string {
  const { grid, density, max } = model.map.kde;
  const levels = kdeLevels(max);
  if (!levels.length) return '';
  const s = grid.cellSizeM;
  const gen = contours().size([grid.width, grid.height]).thresholds(levels);
  let out = '';
  gen(density).forEach((mp, i) => {
    let d = '';
    for (const poly of mp.coordinates) {
      for (const ring of poly) {
        // d3 contour coordinates are in grid units with value c at [col, col + 1]; rows run south to north.
        ring.forEach(([gx, gy], j) => {
          d += `${j ? 'L' : 'M'}${sx(v, grid.x0 + gx * s)} ${sy(v, grid.y0 + gy * s)}`;
        });
        d += 'Z';
      }
    }
    if (d) out += `<path d="${d}" fill="${kdeColour(i, levels.length)}" fill-rule="evenodd"/>`;
  });
  return `<g class="kde">${out}</g>`;
}

/** Outline (cell edges with no neighbour in the set) of the cells where `inSet` holds. */
function cellSetOutline(v: MapView, model: ReportModel, inSet: (c: number) => boolean): string {
  const { x0, y0, cellSizeM: s, width, height } = model.map.grid;
  let d = '';
  const edge = (ax: number, ay: number, bx: number, by: number) => {
    d += `M${sx(v, ax)} ${sy(v, ay)}L${sx(v, bx)} ${sy(v, by)}`;
  };
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      const c = col + row * width;
      if (!inSet(c)) continue;
      const x = x0 + col * s, y = y0 + row * s;
      if (col === 0 || !inSet(c - 1)) edge(x, y, x, y + s);
      if (col === width - 1 || !inSet(c + 1)) edge(x + s, y, x + s, y + s);
      if (row === 0 || !inSet(c - width)) edge(x, y, x + s, y);
      if (row === height - 1 || !inSet(c + width)) edge(x, y + s, x + s, y + s);
    }
  }
  return d;
}

function cellRects(v: MapView, model: ReportModel, colourOf: (c: number) => string | null, opacity: number): string {
  const { x0, y0, cellSizeM: s, width, height } = model.map.grid;
  const byColour = new Map<string, string>();
  const w = f1(s * v.k);
  for (let c = 0; c < width * height; c++) {
    const colour = colourOf(c);
    if (!colour) continue;
    const col = c % width, row = (c - col) / width;
    const d = `M${sx(v, x0 + col * s)} ${sy(v, y0 + (row + 1) * s)}h${w}v${w}h-${w}Z`;
    byColour.set(colour, (byColour.get(colour) ?? '') + d);
  }
  let out = '';
  for (const [colour, d] of byColour) out += `<path d="${d}" fill="${colour}" fill-opacity="${opacity}"/>`;
  return out;
}

function boundariesSvg(v: MapView, model: ReportModel, labels: boolean, labelSize = 13): string {
  let out = '';
  const layers = model.map.boundaries;
  layers.forEach((layer, b) => {
    const fine = b === model.map.areaLayer && layer.features.length > 1;
    const d = layer.features.map((f) => f.rings.map((r) => flatPath(v, r, true)).join('')).join('');
    out += fine
      ? `<path d="${d}" fill="none" stroke="#1f1f1f" stroke-width="1.4" stroke-dasharray="6 3"/>`
      : `<path d="${d}" fill="none" stroke="#111" stroke-width="2.2"/>`;
  });
  if (labels && model.map.areaLayer >= 0) {
    const layer = layers[model.map.areaLayer];
    if (layer.features.length > 1) {
      for (const f of layer.features) {
        const [x, y] = f.labelAt;
        if (!(Number.isFinite(x) && Number.isFinite(y))) continue;
        out += `<text x="${sx(v, x)}" y="${sy(v, y)}" class="area-label" font-size="${labelSize}" text-anchor="middle" dominant-baseline="central">${escapeHtml(f.label)}</text>`;
      }
    }
  }
  return `<g class="boundaries">${out}</g>`;
}

function scaleBar(v: MapView): string {
  const m = [100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000].find((c) => c * v.k >= v.width / 8) ?? 20000;
  const w = m * v.k;
  const x = 14, y = v.height - 16;
  const label = m >= 1000 ? `${m / 1000} km` : `${m} m`;
  return `<g class="scale"><rect x="${x - 5}" y="${y - 17}" width="${f1(w + 10)}" height="24" fill="#fff" fill-opacity="0.8"/>`
    + `<path d="M${x} ${y - 4}V${y}H${f1(x + w)}V${y - 4}" fill="none" stroke="#000" stroke-width="1.3"/>`
    + `<text x="${f1(x + w / 2)}" y="${y - 7}" font-size="11" text-anchor="middle">${label}</text></g>`
    + `<g class="north"><path d="M${v.width - 22} ${34}l8 -22l8 22l-8 -6z" fill="#000"/><text x="${v.width - 14}" y="${48}" font-size="12" text-anchor="middle" font-weight="700">N</text></g>`;
}

function svgOpen(v: MapView, label: string): string {
  return `<svg class="map" viewBox="0 0 ${v.width} ${v.height}" role="img" aria-label="${escapeHtml(label)}" preserveAspectRatio="xMidYMid meet">`
    + `<defs><clipPath id="clip-${v.width}"><rect width="${v.width}" height="${v.height}"/></clipPath></defs>`
    + `<rect width="${v.width}" height="${v.height}" fill="#fbfbf8"/>`;
}

/** The main hot-spot map: KDE, streets, Gi* cells, boundaries, incidents, numbered top spots. */
export function hotSpotMapSvg(model: ReportModel, label: string): string {
  const v = mapView(model.map.extent, 1000);
  const bins = model.map.giBins;
  let body = kdeSvg(v, model) + streetsSvg(v, model);
  body += `<g class="gistar">${cellRects(v, model, (c) => (bins[c] !== 0 ? GI_COLOURS[bins[c] + 3] : null), 0.82)}`;
  const hot = cellSetOutline(v, model, (c) => bins[c] > 0);
  const cold = cellSetOutline(v, model, (c) => bins[c] < 0);
  if (hot) body += `<path d="${hot}" fill="none" stroke="#67000d" stroke-width="1.6" stroke-linecap="square"/>`;
  if (cold) body += `<path d="${cold}" fill="none" stroke="#08306b" stroke-width="1.6" stroke-linecap="square"/>`;
  body += '</g>';
  body += boundariesSvg(v, model, true);
  body += `<g class="incidents">${model.map.incidents.map(([x, y]) => `<circle cx="${sx(v, x)}" cy="${sy(v, y)}" r="2.9"/>`).join('')}</g>`;
  body += '<g class="top">';
  for (const t of [...model.top].reverse()) {
    body += `<g transform="translate(${sx(v, t.x)} ${sy(v, t.y)})"><circle r="9.5"/><text font-size="11" text-anchor="middle" dy="0.36em">${t.rank}</text></g>`;
  }
  body += '</g>';
  return `${svgOpen(v, label)}<g clip-path="url(#clip-${v.width})">${body}</g>${scaleBar(v)}<rect width="${v.width}" height="${v.height}" fill="none" stroke="#888" stroke-width="1"/></svg>`;
}

/** The emerging hot-spot map: cells coloured by category over faint streets and the boundaries. */
export function emergingMapSvg(model: ReportModel, label: string): string {
  if (!model.emerging) return '';
  const v = mapView(model.map.extent, 600);
  const cat = model.emerging.category;
  let body = streetsSvg(v, model, true);
  body += cellRects(v, model, (c) => {
    const name = EMERGING_CATEGORIES[cat[c]];
    return name && name !== 'no_pattern' ? EMERGING_COLOURS[name] : null;
  }, 0.9);
  const changed = new Set(model.emerging.changes.map((ch) => ch.cell));
  const outline = cellSetOutline(v, model, (c) => changed.has(c));
  if (outline) body += `<path d="${outline}" fill="none" stroke="#000" stroke-width="1.4"/>`;
  body += boundariesSvg(v, model, true, 11);
  return `${svgOpen(v, label)}<g clip-path="url(#clip-${v.width})">${body}</g>${scaleBar(v)}<rect width="${v.width}" height="${v.height}" fill="none" stroke="#888" stroke-width="1"/></svg>`;
}
