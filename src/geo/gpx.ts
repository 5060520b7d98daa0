/**
 * A patrol plan as GPX 1.1 (https://www.topografix.com/GPX/1/1/), for handheld GPS units and
 * phone apps: one `<trk>` per route (one `<trkseg>` along the streets the unit drives or walks,
 * exactly the coordinates of the route's GeoJSON line) and one `<wpt>` per stop, named
 * "<unit> · <order> · <street>", with its arrival and departure times in `<cmt>`.
 *
 * The input is the plan's GeoJSON export (patrol_geojson.ts), so the two exports cannot disagree.
 * GPX carries no incident figures at all (volunteer pairs load these files too); a volunteer
 * stop's description says the pair observes and reports. Times are clock times of the plan's day
 * (a plan has a weekday, not a date), so they go into `<cmt>`, not into `<time>`.
 *
 * Elements are written in the order the GPX 1.1 schema requires: metadata, wpt*, trk*; inside a
 * wpt: name, cmt, desc, sym, type; inside a trk: name, desc, number, type, trkseg. Text and
 * attribute values are XML-escaped, and characters XML 1.0 forbids are dropped.
 */
import type { FeatureCollection, LineString, Point } from 'geojson';
import type { PatrolRouteProps, PatrolStopProps } from './patrol_geojson.ts';

export interface GpxOptions {
  /** Name of the file's contents (metadata). @default 'Patrol plan' */
  name?: string;
  /** Description in the metadata, e.g. the day and shift. */
  desc?: string;
  /** The creator attribute. @default 'Sargas' */
  creator?: string;
  /** Words of the waypoint comments. @default English */
  words?: GpxWords;
}

/** The few words GPX files carry, so a page can write them in its language. */
export interface GpxWords {
  /** Comment of a stop: `{arrival}`, `{departure}` and `{dwell}` (minutes) are replaced. */
  stopComment: string;
  /** Description of a route: `{start}`, `{end}` (clock), `{stops}` and `{km}` are replaced. */
  routeDesc: string;
  /** Description of a volunteer stop, added to a volunteer route's. */
  volunteerRole: string;
}

export const englishGpxWords: GpxWords = {
  stopComment: 'arrive {arrival}, leave {departure} ({dwell} min)',
  routeDesc: '{start}–{end}, stops: {stops}, {km} km',
  volunteerRole: 'Volunteer patrol: observe and report, never intervene.',
};

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** `text` safe in XML element content and in quoted attribute values. */
export function escapeXml(text: string): string {
  return String(text).replace(NOT_XML_CHAR, '').replace(/[&<>"']/g, (ch) => XML_ENTITIES[ch]);
}

/** A coordinate as GPX wants it: finite decimal degrees, no exponent. */
function deg(v: number, what: string): string {
  if (!Number.isFinite(v)) throw new RangeError(`${what} must be a finite number of degrees, got ${v}`);
  return String(Number(v.toFixed(7)));
}

const fill = (template: string, params: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));

/**
 * GPX 1.1 text of a plan's GeoJSON (patrolPlanToGeoJson): routes become tracks, stops waypoints,
 * both in the order of the collection. Throws a RangeError on a coordinate that is not a number.
 */
export function patrolPlanToGpx(
  plan: FeatureCollection<LineString | Point, PatrolRouteProps | PatrolStopProps>,
  options: GpxOptions = {},
): string {
  const words = options.words ?? englishGpxWords;
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<gpx version="1.1" creator="${escapeXml(options.creator ?? 'Sargas')}" xmlns="http://www.topografix.com/GPX/1/1">`,
    '  <metadata>',
    `    <name>${escapeXml(options.name ?? 'Patrol plan')}</name>`,
  ];
  if (options.desc) out.push(`    <desc>${escapeXml(options.desc)}</desc>`);
  out.push('  </metadata>');

  for (const f of plan.features) {
    const p = f.properties;
    if (p.feature !== 'stop' || f.geometry.type !== 'Point') continue;
    const [lon, lat] = f.geometry.coordinates;
    const at = `stop ${p.order} of ${p.unit}`;
    out.push(`  <wpt lat="${deg(lat, `${at}: latitude`)}" lon="${deg(lon, `${at}: longitude`)}">`);
    out.push(`    <name>${escapeXml([p.unit, String(p.order), p.street].filter((s) => s !== '').join(' · '))}</name>`);
    out.push(`    <cmt>${escapeXml(fill(words.stopComment, { arrival: p.arrival, departure: p.departure, dwell: p.dwell }))}</cmt>`);
    if (p.kind === 'volunteer') out.push(`    <desc>${escapeXml(words.volunteerRole)}</desc>`);
    out.push(`    <sym>${escapeXml(String(p.order))}</sym>`);
    out.push(`    <type>${escapeXml(p.kind)}</type>`);
    out.push('  </wpt>');
  }

  let number = 0;
  for (const f of plan.features) {
    const p = f.properties;
    if (p.feature !== 'route' || f.geometry.type !== 'LineString') continue;
    number++;
    out.push('  <trk>');
    out.push(`    <name>${escapeXml(p.unit)}</name>`);
    const desc = fill(words.routeDesc, { start: p.start, end: p.end, stops: p.stops, km: p.km });
    out.push(`    <desc>${escapeXml(p.kind === 'volunteer' ? `${desc}. ${words.volunteerRole}` : desc)}</desc>`);
    out.push(`    <number>${number}</number>`);
    out.push(`    <type>${escapeXml(p.kind)}</type>`);
    out.push('    <trkseg>');
    f.geometry.coordinates.forEach(([lon, lat], k) => {
      out.push(`      <trkpt lat="${deg(lat, `${p.unit} point ${k}: latitude`)}" lon="${deg(lon, `${p.unit} point ${k}: longitude`)}"/>`);
    });
    out.push('    </trkseg>');
    out.push('  </trk>');
  }
  out.push('</gpx>');
  return out.join('\n') + '\n';
}
