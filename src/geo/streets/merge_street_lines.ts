/**
 * Several line sets (files of one study area) as one: lines in order, names re-interned.
 */
import type { RoadClass } from '../../routing/road_class.ts';
import type { Structure, StreetLines } from './street_lines.ts';
import { StreetLinesBuilder } from './street_lines_builder.ts';

export function mergeStreetLines(sets: readonly StreetLines[]): StreetLines {
  const b = new StreetLinesBuilder();
  for (const s of sets) {
    for (let i = 0; i < s.lineCount; i++) {
      for (let v = s.lineStart[i]; v < s.lineStart[i + 1]; v++) b.addVertex(s.lons[v], s.lats[v]);
      b.endLine({
        roadClass: s.lineClass[i] as RoadClass,
        oneway: s.lineOneway[i] as -1 | 0 | 1,
        structure: s.lineStructure[i] as Structure,
        layer: s.lineLayer[i],
        name: s.names[s.lineName[i]],
      });
    }
  }
  return b.finish();
}
