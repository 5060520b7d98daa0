/**
 * A synthetic police.uk street-level extract of any size, with the quirks of the real ones:
 * ~7.6% rows without location, anti-social behaviour without Crime ID, a few repeated Crime IDs,
 * points snapped to shared map points, a stray far away now and then. Deterministic (seeded).
 */
const crimeTypes = ['Anti-social behaviour', 'Violence and sexual offences', 'Other theft', 'Shoplifting', 'Theft from the person',
  'Drugs', 'Bicycle theft', 'Public order', 'Burglary', 'Criminal damage and arson', 'Vehicle crime', 'Other crime', 'Robbery', 'Possession of weapons'];

export function policeUkCsv(rows: number, seed = 1): string {
  let s = seed >>> 0;
  const rnd = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
  const hex = () => Array.from({ length: 8 }, () => Math.floor(rnd() * 0xffffffff).toString(16).padStart(8, '0')).join('');
  // 5,000 snap points around Liverpool.
  const points = Array.from({ length: 5000 }, () => [(-2.98 + (rnd() - 0.5) * 0.3).toFixed(6), (53.41 + (rnd() - 0.5) * 0.2).toFixed(6)]);
  const out: string[] = ['Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context'];
  let lastId = '';
  for (let i = 0; i < rows; i++) {
    const month = `2019-${String(1 + Math.floor((i / rows) * 12)).padStart(2, '0')}`;
    const type = crimeTypes[Math.floor(rnd() * crimeTypes.length)];
    const asb = type === crimeTypes[0];
    const id = asb ? '' : rnd() < 0.01 && lastId ? lastId : hex();
    if (id) lastId = id;
    const noLoc = rnd() < 0.076;
    const p = points[Math.floor(rnd() * points.length)];
    const stray = rnd() < 0.0001;
    const lon = noLoc ? '' : stray ? '-1.621250' : p[0];
    const lat = noLoc ? '' : stray ? '53.245550' : p[1];
    const lsoa = noLoc ? '' : `E0100${String(Math.floor(rnd() * 9000) + 1000)}`;
    out.push(`${id},${month},Merseyside Police,Merseyside Police,${lon},${lat},${noLoc ? 'No Location' : 'On or near Some Street'},${lsoa},${noLoc ? '' : 'Liverpool 001A'},${type},${asb ? '' : 'Investigation complete; no suspect identified'},`);
  }
  return out.join('\n') + '\n';
}
