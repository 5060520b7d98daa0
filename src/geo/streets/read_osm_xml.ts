/**
 * Street lines from OSM XML (API 0.6 / JOSM / Overpass `out meta` files): every way with a
 * `highway` tag that roadClassOf knows (see osm_way_props.ts), in node order.
 *
 * A small scanner, not a DOM: it walks the text tag by tag with indexOf and reads only the
 * attributes it needs (node id/lat/lon, way id, nd ref, tag k/v), so a file of a few hundred MB
 * is read without building a tree. Node references that the file does not contain (ways cut at
 * the extract's edge) split the way into the runs of nodes it does contain. Elements marked
 * `action="delete"` or `visible="false"` are skipped.
 */
import type { StreetLines } from './street_lines.ts';
import { StreetLinesBuilder } from './street_lines_builder.ts';
import { osmWayProps } from './osm_way_props.ts';
import { OsmWayCollector } from './osm_way_collector.ts';

/** Read OSM XML given as a string or UTF-8 bytes. Throws on text that is not OSM XML. */
export function readOsmXml(input: string | Uint8Array): StreetLines {
  const text = typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input);
  if (!/<osm[\s>]/.test(text.slice(0, 4096))) throw new Error('not OSM XML: no <osm> element at the start');
  const ways = new OsmWayCollector();
  const attrNames: string[] = [];
  const attrValues: string[] = [];
  let inWay = false;
  let skipWay = false;
  const tagKeys: string[] = [];
  const tagValues: string[] = [];
  const tag = (k: string) => {
    for (let i = 0; i < tagKeys.length; i++) if (tagKeys[i] === k) return tagValues[i];
    return undefined;
  };
  let pos = 0;
  const n = text.length;
  while (pos < n) {
    const lt = text.indexOf('<', pos);
    if (lt < 0) break;
    const c1 = text.charCodeAt(lt + 1);
    if (c1 === 63 /* ? */) {
      pos = after(text, '?>', lt);
      continue;
    }
    if (c1 === 33 /* ! */) {
      pos = text.startsWith('<!--', lt) ? after(text, '-->', lt) : text.startsWith('<![CDATA[', lt) ? after(text, ']]>', lt) : after(text, '>', lt);
      continue;
    }
    const gt = tagEnd(text, lt);
    pos = gt + 1;
    if (c1 === 47 /* / */) {
      if (inWay && text.startsWith('</way', lt)) {
        if (!skipWay) {
          const props = osmWayProps(tag);
          if (props) ways.endWay(props);
          else ways.cancelWay();
        } else ways.cancelWay();
        inWay = false;
      }
      continue;
    }
    const selfClosing = text.charCodeAt(gt - 1) === 47;
    let nameEnd = lt + 1;
    while (nameEnd < gt && !isSpace(text.charCodeAt(nameEnd)) && text.charCodeAt(nameEnd) !== 47) nameEnd++;
    const name = text.slice(lt + 1, nameEnd);
    switch (name) {
      case 'node': {
        readAttributes(text, nameEnd, gt, attrNames, attrValues);
        if (isDeleted(attrNames, attrValues)) break;
        const id = attr(attrNames, attrValues, 'id');
        const lat = attr(attrNames, attrValues, 'lat');
        const lon = attr(attrNames, attrValues, 'lon');
        if (id === undefined || lat === undefined || lon === undefined) break; // a deleted or history node
        ways.addNode(Number(id), Number(lon), Number(lat));
        break;
      }
      case 'way': {
        readAttributes(text, nameEnd, gt, attrNames, attrValues);
        ways.beginWay();
        tagKeys.length = 0;
        tagValues.length = 0;
        skipWay = isDeleted(attrNames, attrValues);
        inWay = !selfClosing;
        if (selfClosing) ways.cancelWay();
        break;
      }
      case 'nd': {
        if (!inWay) break;
        readAttributes(text, nameEnd, gt, attrNames, attrValues);
        const ref = attr(attrNames, attrValues, 'ref');
        if (ref !== undefined) ways.addRef(Number(ref));
        break;
      }
      case 'tag': {
        if (!inWay) break;
        readAttributes(text, nameEnd, gt, attrNames, attrValues);
        const k = attr(attrNames, attrValues, 'k');
        const v = attr(attrNames, attrValues, 'v');
        if (k !== undefined && v !== undefined) {
          tagKeys.push(k);
          tagValues.push(v);
        }
        break;
      }
      default:
        break;
    }
  }
  const builder = new StreetLinesBuilder();
  ways.emit(builder);
  return builder.finish();
}

function after(text: string, token: string, from: number): number {
  const i = text.indexOf(token, from);
  if (i < 0) throw new Error(`OSM XML: '${token}' missing after character ${from}`);
  return i + token.length;
}

/** Position of the '>' closing the tag opened at lt, skipping quoted attribute values. */
function tagEnd(text: string, lt: number): number {
  const n = text.length;
  let quote = 0;
  for (let i = lt + 1; i < n; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) {
      quote = c;
    } else if (c === 62) {
      return i;
    }
  }
  throw new Error(`OSM XML: unterminated tag at character ${lt}`);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Read name="value" pairs between positions from and to into the two arrays (cleared first). */
function readAttributes(text: string, from: number, to: number, names: string[], values: string[]): void {
  names.length = 0;
  values.length = 0;
  let i = from;
  while (i < to) {
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    const eq = text.indexOf('=', i);
    if (eq < 0 || eq >= to) return;
    const name = text.slice(i, eq).trim();
    let q = eq + 1;
    while (q < to && isSpace(text.charCodeAt(q))) q++;
    const quote = text[q];
    if (quote !== '"' && quote !== "'") throw new Error(`OSM XML: unquoted attribute '${name}' at character ${i}`);
    const close = text.indexOf(quote, q + 1);
    if (close < 0 || close > to) throw new Error(`OSM XML: unterminated attribute '${name}' at character ${i}`);
    const raw = text.slice(q + 1, close);
    names.push(name);
    values.push(raw.indexOf('&') >= 0 ? decodeEntities(raw) : raw);
    i = close + 1;
  }
}

function attr(names: string[], values: string[], name: string): string | undefined {
  for (let i = 0; i < names.length; i++) if (names[i] === name) return values[i];
  return undefined;
}

function isDeleted(names: string[], values: string[]): boolean {
  return attr(names, values, 'action') === 'delete' || attr(names, values, 'visible') === 'false';
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decode the five XML entities and numeric character references. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return entities[e] ?? m;
  });
}
