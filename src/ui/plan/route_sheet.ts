/**
 * A printable route sheet for one unit: a small map of the route over the streets (inline SVG),
 * the ordered stops with their street names, arrival and departure times, and what the unit is
 * to do at them. A whole HTML document, self-contained (no scripts, no external files), printed
 * from the panel.
 *
 * Volunteer sheets carry no incident details: `routeSheetOf` gives a volunteer sheet no expected
 * figures at all, and `routeSheetHtml` would not print them for a volunteer anyway. They say, at
 * the top, that the pair observes and reports and never intervenes.
 *
 * Every text from data (unit labels, street names) is HTML-escaped.
 */
import { formatClock } from '../../routing/plan/shift_window.ts';
import type { UnitKind } from '../../routing/plan/plan_units.ts';
import { escapeHtml } from '../../report/escape_html.ts';
import { routeColour } from '../../map/route_layer.ts';
import type { PlanView, SheetStreets } from '../../worker/plan_protocol.ts';
import { fmtExpected, fmtNumber, fmtShare, planText, weekdayName, type PlanLang } from './plan_i18n.ts';

export interface RouteSheetStop {
  order: number;
  /** 'HH:MM'. */
  arrival: string;
  departure: string;
  street: string;
  lon: number;
  lat: number;
  /** Expected incidents per shift at the stop: officers' sheets only. */
  expected?: number;
}

export interface RouteSheet {
  label: string;
  kind: UnitKind;
  /** 0 = Monday. */
  day: number;
  /** 'HH:MM'. */
  start: string;
  end: string;
  dwellMin: number;
  km: number;
  /** Base, [lon, lat]. */
  base: [number, number];
  /** The route along the streets, [lon0, lat0, lon1, lat1, ...]. */
  path: ArrayLike<number>;
  stops: RouteSheetStop[];
  colour: string;
  /** Officers' sheets only: expected incidents per shift at the stops and their share of the window's. */
  covered?: { value: number; share: number };
}

/** The sheet of unit `unit` of a plan. Volunteer sheets get no incident figures. */
export function routeSheetOf(view: PlanView, unit: number): RouteSheet {
  const u = view.units[unit];
  const r = view.routes.find((x) => x.unit === unit);
  if (!u || !r) throw new RangeError(`unit ${unit} is not in the plan (it has ${view.units.length} units)`);
  const officer = u.kind !== 'volunteer';
  const stops = Array.from(r.stops, (i, k): RouteSheetStop => {
    const s: RouteSheetStop = {
      order: k + 1, arrival: formatClock(r.arriveMin[k]), departure: formatClock(r.departMin[k]), street: view.stops.street[i],
      lon: view.stops.lons[i], lat: view.stops.lats[i],
    };
    if (officer) s.expected = view.stops.value[i];
    return s;
  });
  const sheet: RouteSheet = {
    label: u.label, kind: u.kind, day: view.day, start: formatClock(r.startMin), end: formatClock(r.endMin), dwellMin: u.dwellMin,
    km: r.distanceM / 1000, base: u.start, path: r.path, stops, colour: routeColour(unit),
  };
  if (officer) sheet.covered = { value: r.value, share: r.share };
  return sheet;
}

const MAP_W = 680, MAP_H = 430, PAD = 18;

/**
 * The route over the streets as an SVG element (a string): streets inside the route's extent in
 * grey, the route in its colour, stops as numbered dots, the base as "S". Equirectangular,
 * scaled by cos(latitude), north up.
 */
export function routeSheetSvg(sheet: RouteSheet, streets: SheetStreets | null, title: string): string {
  let w = sheet.base[0], e = sheet.base[0], s = sheet.base[1], n = sheet.base[1];
  const grow = (lon: number, lat: number) => {
    if (lon < w) w = lon; if (lon > e) e = lon;
    if (lat < s) s = lat; if (lat > n) n = lat;
  };
  for (let k = 0; k + 1 < sheet.path.length; k += 2) grow(sheet.path[k], sheet.path[k + 1]);
  for (const p of sheet.stops) grow(p.lon, p.lat);
  const kx = Math.cos(((s + n) / 2) * Math.PI / 180);
  // At least ~400 m across, so a short route is not blown up to street-block scale.
  const minSpan = 0.004;
  const cx = (w + e) / 2, cy = (s + n) / 2;
  const spanX = Math.max((e - w) * kx, minSpan), spanY = Math.max(n - s, minSpan);
  const scale = Math.min((MAP_W - 2 * PAD) / spanX, (MAP_H - 2 * PAD) / spanY);
  const x = (lon: number) => (MAP_W / 2 + (lon - cx) * kx * scale).toFixed(1);
  const y = (lat: number) => (MAP_H / 2 - (lat - cy) * scale).toFixed(1);
  // The visible extent, in degrees, to pick the streets worth drawing.
  const vw = cx - MAP_W / 2 / (kx * scale), ve = cx + MAP_W / 2 / (kx * scale);
  const vs = cy - MAP_H / 2 / scale, vn = cy + MAP_H / 2 / scale;

  const minor: string[] = [], major: string[] = [];
  if (streets) {
    for (let k = 0; k + 1 < streets.start.length; k++) {
      const a = streets.start[k], b = streets.start[k + 1];
      // Drawn when its bounding box meets the view (SVG clips the rest).
      let lw = Infinity, le = -Infinity, ls = Infinity, ln = -Infinity;
      for (let q = a; q < b; q++) {
        const lon = streets.lons[q], lat = streets.lats[q];
        if (lon < lw) lw = lon; if (lon > le) le = lon;
        if (lat < ls) ls = lat; if (lat > ln) ln = lat;
      }
      if (le < vw || lw > ve || ln < vs || ls > vn) continue;
      let d = '';
      for (let q = a; q < b; q++) d += `${q === a ? 'M' : 'L'}${x(streets.lons[q])} ${y(streets.lats[q])}`;
      (streets.major[k] ? major : minor).push(d);
    }
  }
  let route = '';
  for (let k = 0; k + 1 < sheet.path.length; k += 2) route += `${k === 0 ? 'M' : 'L'}${x(sheet.path[k])} ${y(sheet.path[k + 1])}`;
  const colour = escapeHtml(sheet.colour);
  const dash = sheet.kind === 'volunteer' ? ' stroke-dasharray="7 4"' : '';
  const stops = sheet.stops.map((p) =>
    `<g class="stop"><circle cx="${x(p.lon)}" cy="${y(p.lat)}" r="9" fill="${colour}" stroke="#fff" stroke-width="1.5"/>` +
    `<text x="${x(p.lon)}" y="${y(p.lat)}" dy="0.35em" text-anchor="middle">${p.order}</text></g>`).join('');
  const bx = Number(x(sheet.base[0])), by = Number(y(sheet.base[1]));
  return `<svg class="sheet-map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MAP_W} ${MAP_H}" width="${MAP_W}" height="${MAP_H}" role="img" aria-label="${escapeHtml(title)}">` +
    `<rect width="${MAP_W}" height="${MAP_H}" fill="#f7f6f2"/>` +
    (minor.length ? `<path d="${minor.join('')}" fill="none" stroke="#cfcabf" stroke-width="1"/>` : '') +
    (major.length ? `<path d="${major.join('')}" fill="none" stroke="#b9a57e" stroke-width="2"/>` : '') +
    (route ? `<path class="route" d="${route}" fill="none" stroke="#fff" stroke-width="6" stroke-linejoin="round"/>` +
      `<path class="route" d="${route}" fill="none" stroke="${colour}" stroke-width="3" stroke-linejoin="round"${dash}/>` : '') +
    `<g class="base"><rect x="${(bx - 9).toFixed(1)}" y="${(by - 9).toFixed(1)}" width="18" height="18" fill="#111" stroke="#fff" stroke-width="1.5"/>` +
    `<text x="${bx.toFixed(1)}" y="${by.toFixed(1)}" dy="0.35em" text-anchor="middle">S</text></g>` +
    stops + '</svg>';
}

const STYLE = `
@page { size: A4; margin: 12mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", Arial, Helvetica, sans-serif; color: #111; margin: 0; font-size: 11pt; }
h1 { font-size: 17pt; margin: 0 0 2mm; }
.meta { margin: 0 0 3mm; color: #333; }
.role { border: 2px solid #111; padding: 2.5mm 3mm; margin: 0 0 3mm; font-weight: 700; }
.sheet-map { display: block; width: 100%; height: auto; max-height: 115mm; border: 1px solid #999; margin: 0 0 3mm; background: #f7f6f2; }
.sheet-map text { font-size: 10px; font-weight: 700; fill: #fff; font-family: Arial, Helvetica, sans-serif; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #bbb; padding: 1.4mm 2mm; text-align: left; vertical-align: top; }
th { border-bottom: 2px solid #111; font-size: 9.5pt; }
td.n, th.n { text-align: right; width: 1%; white-space: nowrap; }
tr { break-inside: avoid; }
.covered { margin: 3mm 0 0; }
footer { margin-top: 4mm; font-size: 8.5pt; color: #555; }
`;

/** The route sheet as a whole HTML document. */
export function routeSheetHtml(sheet: RouteSheet, streets: SheetStreets | null, lang: PlanLang): string {
  const t = (k: Parameters<typeof planText>[1], p?: Record<string, string | number>) => escapeHtml(planText(lang, k, p));
  const volunteer = sheet.kind === 'volunteer';
  const officerFigures = !volunteer && sheet.stops.every((p) => p.expected !== undefined);
  const title = planText(lang, 'sheet.title', { label: sheet.label });
  const rows = sheet.stops.map((p) =>
    `<tr><td class="n">${p.order}</td><td class="n">${escapeHtml(p.arrival)}</td><td class="n">${escapeHtml(p.departure)}</td>` +
    `<td>${escapeHtml(p.street || planText(lang, 'stop.unnamed'))}</td>` +
    (officerFigures ? `<td class="n">${escapeHtml(fmtExpected(lang, p.expected!))}</td>` : '') + '</tr>').join('');
  const table = sheet.stops.length === 0 ? `<p>${t('sheet.noStops')}</p>` :
    `<table><thead><tr><th class="n">${t('stops.order')}</th><th class="n">${t('sheet.arrive')}</th><th class="n">${t('sheet.leave')}</th>` +
    `<th>${t('sheet.street')}</th>${officerFigures ? `<th class="n">${t('sheet.expected')}</th>` : ''}</tr></thead><tbody>${rows}</tbody></table>`;
  const covered = !volunteer && sheet.covered
    ? `<p class="covered">${t('sheet.covered', { value: fmtExpected(lang, sheet.covered.value), share: fmtShare(lang, sheet.covered.share) })}</p>` : '';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(planText(lang, `kind.${sheet.kind}`))} · ${t('sheet.shift', { day: weekdayName(lang, sheet.day), start: sheet.start, end: sheet.end, km: fmtNumber(lang, sheet.km) })}</p>
${volunteer ? `<p class="role">${t('sheet.volunteer')}</p>` : ''}
<p>${t('sheet.dwell', { dwell: sheet.dwellMin })}</p>
${routeSheetSvg(sheet, streets, planText(lang, 'sheet.map', { label: sheet.label }))}
${table}
${covered}
<footer>${t('sheet.footer')}</footer>
</body>
</html>
`;
}
