import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { englishGpxWords, escapeXml, patrolPlanToGpx } from './gpx.ts';
import type { PatrolRouteProps, PatrolStopProps } from './patrol_geojson.ts';

/** An element of a parsed XML document. */
interface XmlNode { name: string; attrs: Record<string, string>; children: XmlNode[]; text: string }

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function unescape(s: string, where: string): string {
  return s.replace(/&([^;]*);?/g, (m, name: string) => {
    if (!m.endsWith(';') || !(name in ENTITY)) throw new Error(`bad entity "${m}" in ${where}`);
    return ENTITY[name];
  });
}

/**
 * A strict parser for the XML this module writes (no DTD, CDATA, comments or numeric entities):
 * throws on anything not well-formed — unbalanced tags, unquoted or duplicate attributes, a raw
 * `<` or `&` in text, forbidden control characters.
 */
function parseXml(xml: string): XmlNode {
  if (/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(xml)) throw new Error('character not allowed in XML 1.0');
  const decl = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/.exec(xml);
  if (!decl) throw new Error('missing XML declaration');
  const token = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  const stack: XmlNode[] = [{ name: '#document', attrs: {}, children: [], text: '' }];
  token.lastIndex = decl[0].length;
  while (token.lastIndex < xml.length) {
    const at = token.lastIndex;
    const m = token.exec(xml);
    if (!m) throw new Error(`not well-formed at offset ${at}: ${JSON.stringify(xml.slice(at, at + 40))}`);
    const top = stack[stack.length - 1];
    if (m[5] !== undefined) {
      top.text += unescape(m[5], top.name);
      continue;
    }
    const [, close, name, attrText, selfClose] = m;
    if (close) {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of attrText.matchAll(/([A-Za-z_][\w.:-]*)="([^"]*)"/g)) {
      if (a[1] in attrs) throw new Error(`duplicate attribute ${a[1]} on <${name}>`);
      attrs[a[1]] = unescape(a[2], `${name}@${a[1]}`);
    }
    const node: XmlNode = { name, attrs, children: [], text: '' };
    top.children.push(node);
    if (!selfClose) stack.push(node);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1].name}>`);
  const roots = stack[0].children;
  if (roots.length !== 1 || stack[0].text.trim() !== '') throw new Error('a document has exactly one root element');
  return roots[0];
}

const child = (n: XmlNode, name: string) => n.children.filter((c) => c.name === name);
const textOf = (n: XmlNode, name: string) => child(n, name)[0]?.text;

type PlanFeature = Feature<LineString | Point, PatrolRouteProps | PatrolStopProps>;

function route(unitIndex: number, unit: string, kind: string, coordinates: number[][], stops: number): PlanFeature {
  return {
    type: 'Feature',
    geometry: { type: 'LineString', coordinates },
    properties: { feature: 'route', unit, unitIndex, kind, stops, value: 0.5, share: 0.25, minutes: 95, km: 12.3, start: '16:00', end: '17:35' },
  };
}

function stop(unitIndex: number, unit: string, kind: string, order: number, street: string, lonLat: number[]): PlanFeature {
  const props: PatrolStopProps = {
    feature: 'stop', unit, unitIndex, kind, order, arrival: `16:${String(order * 10).padStart(2, '0')}`,
    departure: `16:${String(order * 10 + 5).padStart(2, '0')}`, dwell: 15, street, stop: order * 7,
  };
  if (kind === 'volunteer') props.role = 'observe and report';
  else props.expected = 0.0123;
  return { type: 'Feature', geometry: { type: 'Point', coordinates: lonLat }, properties: props };
}

/** Two routes with awkward names: a car on a street with markup in its name, and a volunteer pair. */
function samplePlan(): FeatureCollection<LineString | Point, PatrolRouteProps | PatrolStopProps> {
  const carLine = [[-87.7, 41.92], [-87.6981234, 41.9205678], [-87.69, 41.925], [-87.7, 41.92]];
  const volLine = [[-87.68, 41.91], [-87.679, 41.912], [-87.68, 41.91]];
  return {
    type: 'FeatureCollection',
    features: [
      route(0, 'Car "A" & <B>', 'car', carLine, 2),
      stop(0, 'Car "A" & <B>', 'car', 1, "O'Hare & <Main> St\u0001", [-87.6981234, 41.9205678]),
      stop(0, 'Car "A" & <B>', 'car', 2, '', [-87.69, 41.925]),
      route(1, 'volunteer 1', 'volunteer', volLine, 1),
      stop(1, 'volunteer 1', 'volunteer', 1, 'N Kedzie Ave', [-87.679, 41.912]),
    ],
  };
}

describe('patrolPlanToGpx', () => {
  it("the test's XML parser rejects what is not well-formed", () => {
    const head = '<?xml version="1.0" encoding="UTF-8"?>\n';
    for (const bad of ['<a><b></a></b>', '<a x=1/>', '<a>&</a>', '<a>1 < 2</a>', '<a x="1" x="2"/>', '<a>&nbsp;</a>', '<a/><b/>', '<a>\u0001</a>', '<a>']) {
      expect(() => parseXml(head + bad), bad).toThrow();
    }
    expect(parseXml(head + '<a x="&lt;"><b>&amp;</b></a>').children[0].text).toBe('&');
  });

  it('patrolPlanToGpx(plan) is well-formed GPX 1.1: metadata, then one wpt per stop, then one trk per route', () => {
    const gpx = parseXml(patrolPlanToGpx(samplePlan(), { name: 'Friday & more', desc: 'shift <16:00>' }));
    expect(gpx.name).toBe('gpx');
    expect(gpx.attrs.version).toBe('1.1');
    expect(gpx.attrs.xmlns).toBe('http://www.topografix.com/GPX/1/1');
    expect(gpx.attrs.creator).toBe('Sargas');
    // The schema's sequence: metadata?, wpt*, rte*, trk*, extensions?
    expect(gpx.children.map((c) => c.name)).toEqual(['metadata', 'wpt', 'wpt', 'wpt', 'trk', 'trk']);
    const meta = gpx.children[0];
    expect(textOf(meta, 'name')).toBe('Friday & more');
    expect(textOf(meta, 'desc')).toBe('shift <16:00>');
    for (const w of child(gpx, 'wpt')) {
      // wptType's sequence: ..., name, cmt, desc, src, link, sym, type, ...
      const order = ['name', 'cmt', 'desc', 'sym', 'type'];
      const names = w.children.map((c) => c.name);
      expect(names).toEqual(order.filter((n) => names.includes(n)));
    }
    for (const t of child(gpx, 'trk')) {
      expect(t.children.map((c) => c.name)).toEqual(['name', 'desc', 'number', 'type', 'trkseg']);
    }
    expect(child(gpx, 'trk').map((t) => textOf(t, 'number'))).toEqual(['1', '2']);
  });

  it('escapes names and drops characters XML forbids', () => {
    const text = patrolPlanToGpx(samplePlan());
    expect(text).toContain('<name>Car &quot;A&quot; &amp; &lt;B&gt;</name>');
    expect(text).not.toContain('<B>');
    expect(text).not.toContain('\u0001');
    const gpx = parseXml(text);
    const [w1, w2] = child(gpx, 'wpt');
    expect(textOf(w1, 'name')).toBe('Car "A" & <B> · 1 · O\'Hare & <Main> St');
    // A stop with no street name is named by unit and order only.
    expect(textOf(w2, 'name')).toBe('Car "A" & <B> · 2');
    expect(textOf(child(gpx, 'trk')[0], 'name')).toBe('Car "A" & <B>');
    expect(escapeXml('a&b<c>d"e\'f\u0000g')).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;fg');
  });

  it('track points equal the route line and waypoints equal the stops, in order', () => {
    const plan = samplePlan();
    const gpx = parseXml(patrolPlanToGpx(plan));
    const routes = plan.features.filter((f) => f.properties.feature === 'route');
    const stops = plan.features.filter((f) => f.properties.feature === 'stop');
    child(gpx, 'trk').forEach((t, k) => {
      const pts = child(child(t, 'trkseg')[0], 'trkpt').map((p) => [Number(p.attrs.lon), Number(p.attrs.lat)]);
      expect(pts).toEqual((routes[k].geometry as LineString).coordinates);
    });
    child(gpx, 'wpt').forEach((w, k) => {
      expect([Number(w.attrs.lon), Number(w.attrs.lat)]).toEqual((stops[k].geometry as Point).coordinates);
      const p = stops[k].properties as PatrolStopProps;
      expect(textOf(w, 'cmt')).toBe(`arrive ${p.arrival}, leave ${p.departure} (15 min)`);
      expect(textOf(w, 'type')).toBe(p.kind);
    });
  });

  it('carries no incident figures; volunteer stops and routes say observe and report', () => {
    const text = patrolPlanToGpx(samplePlan());
    expect(text).not.toContain('0.0123');
    expect(text).not.toMatch(/expected|incident/i);
    const gpx = parseXml(text);
    const vol = child(gpx, 'wpt')[2];
    expect(textOf(vol, 'desc')).toBe(englishGpxWords.volunteerRole);
    expect(textOf(child(gpx, 'trk')[1], 'desc')).toBe(`16:00–17:35, stops: 1, 12.3 km. ${englishGpxWords.volunteerRole}`);
    expect(textOf(child(gpx, 'wpt')[0], 'desc')).toBeUndefined();
  });

  it('writes the words it is given (another language)', () => {
    const words = { stopComment: 'atvykti {arrival}, išvykti {departure} ({dwell} min)', routeDesc: '{start}–{end}, sustojimai: {stops}', volunteerRole: 'Stebėkite ir praneškite.' };
    const gpx = parseXml(patrolPlanToGpx(samplePlan(), { words }));
    expect(textOf(child(gpx, 'wpt')[0], 'cmt')).toBe('atvykti 16:10, išvykti 16:15 (15 min)');
    expect(textOf(child(gpx, 'trk')[1], 'desc')).toBe('16:00–17:35, sustojimai: 1. Stebėkite ir praneškite.');
  });

  it('an empty plan is a GPX file with metadata only; a non-finite coordinate is an error', () => {
    const gpx = parseXml(patrolPlanToGpx({ type: 'FeatureCollection', features: [] }));
    expect(gpx.children.map((c) => c.name)).toEqual(['metadata']);
    const bad = samplePlan();
    (bad.features[3].geometry as LineString).coordinates[1] = [NaN, 41.9];
    expect(() => patrolPlanToGpx(bad)).toThrow(/volunteer 1 point 1: longitude must be a finite number of degrees, got NaN/);
  });
});
