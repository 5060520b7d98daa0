import { describe, expect, it } from 'vitest';
import { RoadClass } from '../../routing/road_class.ts';
import { decodeEntities, readOsmXml } from './read_osm_xml.ts';
import { Structure } from './street_lines.ts';

const osm = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6" generator="test">\n${body}\n</osm>`;
const nodes = `
  <node id="1" lat="41.90" lon="-87.70"/>
  <node id="2" lat="41.90" lon="-87.69" visible="true"><tag k="highway" v="traffic_signals"/></node>
  <node id="3" lat='41.91' lon='-87.69'/>
  <node id="4" lat="41.91" lon="-87.70"/>`;

describe('readOsmXml', () => {
  it('reads highway ways with class, one-way, structure, layer and name, in node order', () => {
    const l = readOsmXml(osm(`${nodes}
  <way id="10"><nd ref="1"/><nd ref="2"/><nd ref="3"/>
    <tag k="highway" v="residential"/><tag k="name" v="N Kedzie &amp; &quot;Co&quot; Ave"/><tag k="oneway" v="-1"/></way>
  <way id="11"><nd ref="3"/><nd ref="4"/><tag k="highway" v="service"/><tag k="service" v="alley"/></way>
  <way id="12"><nd ref="4"/><nd ref="1"/><tag k="highway" v="primary"/><tag k="bridge" v="yes"/><tag k="layer" v="1"/></way>
  <way id="13"><nd ref="1"/><nd ref="3"/><tag k="building" v="yes"/></way>`));
    expect(l.lineCount).toBe(3);
    expect([...l.lineStart]).toEqual([0, 3, 5, 7]);
    expect([...l.lons.subarray(0, 3)]).toEqual([-87.7, -87.69, -87.69]);
    expect([...l.lineClass]).toEqual([RoadClass.street, RoadClass.alley, RoadClass.primary]);
    expect([...l.lineOneway]).toEqual([-1, 0, 0]);
    expect([...l.lineStructure]).toEqual([Structure.none, Structure.none, Structure.bridge]);
    expect([...l.lineLayer]).toEqual([0, 0, 1]);
    expect(l.names[l.lineName[0]]).toBe('N Kedzie & "Co" Ave');
    expect(l.lineName[1]).toBe(0);
  });

  it('implies one-way on roundabouts and motorways unless oneway=no', () => {
    const l = readOsmXml(osm(`${nodes}
  <way id="1"><nd ref="1"/><nd ref="2"/><tag k="highway" v="tertiary"/><tag k="junction" v="roundabout"/></way>
  <way id="2"><nd ref="1"/><nd ref="2"/><tag k="highway" v="motorway"/></way>
  <way id="3"><nd ref="1"/><nd ref="2"/><tag k="highway" v="motorway"/><tag k="oneway" v="no"/></way>
  <way id="4"><nd ref="1"/><nd ref="2"/><tag k="highway" v="motorway_link"/></way>`));
    expect([...l.lineOneway]).toEqual([1, 1, 0, 0]);
  });

  it('skips areas, unknown highway values, deleted ways and ways with one node', () => {
    const l = readOsmXml(osm(`${nodes}
  <way id="1"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="1"/><tag k="highway" v="pedestrian"/><tag k="area" v="yes"/></way>
  <way id="2"><nd ref="1"/><nd ref="2"/><tag k="highway" v="construction"/></way>
  <way id="3" action="delete"><nd ref="1"/><nd ref="2"/><tag k="highway" v="residential"/></way>
  <way id="4"><nd ref="1"/><tag k="highway" v="residential"/></way>
  <way id="5"/>
  <way id="6"><nd ref="3"/><nd ref="4"/><tag k="highway" v="footway"/></way>`));
    expect(l.lineCount).toBe(1);
    expect(l.lineClass[0]).toBe(RoadClass.pedestrian);
  });

  it('splits a way at references to nodes the file lacks', () => {
    const l = readOsmXml(osm(`${nodes}
  <way id="1"><nd ref="1"/><nd ref="2"/><nd ref="99"/><nd ref="3"/><nd ref="4"/><nd ref="98"/><nd ref="1"/>
    <tag k="highway" v="residential"/></way>`));
    expect(l.lineCount).toBe(2);
    expect([...l.lineStart]).toEqual([0, 2, 4]);
  });

  it('reads nodes listed after the ways, comments, CDATA and > inside attribute values', () => {
    const l = readOsmXml(osm(`<!-- a <way> in a comment -->
  <way id="1"><nd ref="3"/><nd ref="4"/><tag k="highway" v="residential"/><tag k="note" v="a > b"/><tag k="name" v='It&apos;s'/></way>
  <![CDATA[ <node id="3" lat="0" lon="0"/> ]]>
  ${nodes}`));
    expect(l.lineCount).toBe(1);
    expect(l.lats[0]).toBe(41.91);
    expect(l.names[l.lineName[0]]).toBe("It's");
  });

  it('accepts UTF-8 bytes and rejects text that is not OSM XML', () => {
    const bytes = new TextEncoder().encode(osm(`${nodes}<way id="1"><nd ref="1"/><nd ref="2"/><tag k="highway" v="residential"/><tag k="name" v="Šeimyniškių g."/></way>`));
    const l = readOsmXml(bytes);
    expect(l.names[l.lineName[0]]).toBe('Šeimyniškių g.');
    expect(() => readOsmXml('<html><body/></html>')).toThrow(/not OSM XML/);
    expect(() => readOsmXml(osm('<node id="1" lat="1'))).toThrow(/OSM XML/);
  });

  it('decodeEntities decodes named and numeric references', () => {
    expect(decodeEntities('&lt;&gt;&amp;&quot;&apos;&#65;&#x42;&bogus;')).toBe(`<>&"'AB&bogus;`);
  });
});
