/**
 * Line properties of an OSM way from its tags, shared by the OSM XML and PBF readers.
 * Returns null for ways that are not usable streets: no `highway` tag, a highway value roadClassOf
 * does not know (construction, proposed, platform, ...), or an area (`area=yes`, e.g. a square
 * mapped as a pedestrian polygon).
 */
import { RoadClass, roadClassOf } from '../../routing/road_class.ts';
import type { LineProps } from './street_lines.ts';
import { parseLayer, parseName, parseOneway, parseStructure } from './street_tags.ts';

/** Tag lookup: the value of key k, or undefined. */
export type TagGetter = (k: string) => string | undefined;

/**
 * OSM oneway rules: `oneway=yes|true|1` forward, `-1|reverse` backward; roundabouts
 * (`junction=roundabout|circular`) and `highway=motorway` are one-way unless `oneway=no`.
 */
export function osmWayProps(tag: TagGetter): LineProps | null {
  const highway = tag('highway');
  if (highway === undefined) return null;
  if (tag('area') === 'yes') return null;
  const roadClass = roadClassOf(highway, highway === 'service' ? tag('service') : undefined);
  if (roadClass === null) return null;
  const onewayTag = tag('oneway');
  let oneway = parseOneway(onewayTag);
  if (onewayTag === undefined) {
    const junction = tag('junction');
    if (junction === 'roundabout' || junction === 'circular' || roadClass === RoadClass.motorway) oneway = 1;
  }
  return {
    roadClass,
    oneway,
    structure: parseStructure(undefined, tag('bridge'), tag('tunnel')),
    layer: parseLayer(tag('layer')),
    name: parseName(tag('name')),
  };
}
