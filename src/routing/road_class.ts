/**
 * Road classes shared by street-network readers (src/geo) and the road graph (src/routing).
 * Small integers so an edge's class fits in a Uint8Array.
 */
export const RoadClass = {
  motorway: 0,
  motorwayLink: 1,
  trunk: 2,
  primary: 3,
  secondary: 4,
  tertiary: 5,
  street: 6, // residential, unclassified, living street, street_limited
  service: 7, // service roads, driveways, parking aisles
  alley: 8,
  pedestrian: 9, // pedestrian, footway, path, steps, cycleway
  track: 10,
  other: 11,
} as const;
export type RoadClass = (typeof RoadClass)[keyof typeof RoadClass];

export const roadClassNames: readonly string[] = Object.keys(RoadClass);

/**
 * Map an OSM `highway` tag or a Mapbox Streets v7 `class`/`type` to a RoadClass.
 * Returns null for things that are not roads a patrol can use (rail, ferry, construction, ...).
 */
export function roadClassOf(tag: string, type?: string): RoadClass | null {
  if (type === 'service:alley' || type === 'alley') return RoadClass.alley;
  switch (tag) {
    case 'motorway': return RoadClass.motorway;
    case 'motorway_link': return RoadClass.motorwayLink;
    case 'trunk': return RoadClass.trunk;
    case 'trunk_link': case 'primary_link': case 'secondary_link': case 'tertiary_link': case 'link':
      return RoadClass.tertiary;
    case 'primary': return RoadClass.primary;
    case 'secondary': return RoadClass.secondary;
    case 'tertiary': return RoadClass.tertiary;
    case 'residential': case 'unclassified': case 'living_street': case 'street': case 'street_limited': case 'road':
      return RoadClass.street;
    case 'service': return RoadClass.service;
    case 'pedestrian': case 'footway': case 'path': case 'steps': case 'cycleway': case 'path_foot':
      return RoadClass.pedestrian;
    case 'track': return RoadClass.track;
    default: return null;
  }
}
