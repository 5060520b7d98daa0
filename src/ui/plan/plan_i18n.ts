/**
 * The plan panel's and the route sheets' words in English and Lithuanian, with `{name}`
 * placeholders, and the numbers, shares and weekdays they show (Intl, in the chosen language).
 *
 * Lithuanian counts are written as "label: N" / "label – N" so no numeral agreement is needed.
 * The volunteer sheet's words never mention incidents: those sheets carry no incident details.
 */
export type PlanLang = 'en' | 'lt';

const en = {
  'plan.heading': 'Patrol plan',
  'plan.intro': 'Routes for one shift that visit the hot spots of its day and hours. Officers and volunteers are planned together, so no stop is covered twice.',
  'plan.day': 'Day',
  'plan.units': 'Units and shifts',
  'plan.settings': 'Planner settings',
  'unit.kind': 'Type',
  'unit.count': 'Number',
  'unit.base': 'Base',
  'unit.zone': 'Zone',
  'unit.window': 'Window',
  'unit.start': 'Shift start',
  'unit.hours': 'Hours',
  'unit.dwell': 'Minutes per stop',
  'unit.remove': 'Remove',
  'unit.removeLabel': 'Remove unit row {n}',
  'unit.add': 'Add a unit',
  'unit.row': 'Unit row {n}',
  'kind.car': 'Car',
  'kind.foot': 'Officer on foot',
  'kind.volunteer': 'Volunteer pair',
  'base.station': 'District station',
  'base.zone': 'Inside its zone',
  'zone.none': 'Anywhere',
  'zone.beat': 'Beat {beat}',
  'window.daylight': 'Daylight',
  'window.evening': 'Evening',
  'window.custom': 'Set by hand',
  'settings.candidates': 'Candidate stops',
  'settings.cell': 'Hot-spot cell (m)',
  'settings.seconds': 'Search time (s)',
  'settings.threshold': 'Violent-risk threshold',
  'settings.thresholdHint': 'Expected violent incidents per shift above which a stop is for officers only. Empty: the officers’ top tier.',
  'settings.invalid': '{field}: enter a number in {range}.',
  'run.plan': 'Plan routes',
  'run.cancel': 'Cancel',
  'run.replan': 'Re-optimise',
  'run.clearEdits': 'Undo edits',
  'status.incidents': 'Loading the incidents…',
  'status.streets': 'Reading the streets…',
  'status.network': 'Building the street network…',
  'status.prepare': 'Finding the shift’s hot spots and the travel times…',
  'status.solve': 'Searching for routes (up to {s} s)…',
  'status.done': 'Plan ready in {s} s.',
  'status.failed': 'Planning failed: {message}',
  'status.cancelled': 'Planning cancelled.',
  'status.noData': 'Import incidents first: the plan is made from them.',
  'summary.covered': 'The routes cover {covered} of the {total} incidents expected per shift ({share}) at {stops} stops. For comparison: a hand-drawn style plan (nearest of the top 30) covers {hand}, a nearest-first plan over all stops {greedy}.',
  'summary.history': 'Expected incidents are averaged over {first} to {last} ({days} {weekday}s in the data).',
  'summary.threshold': 'Volunteers never get a stop with more than {t} expected violent incidents per shift; {n} of {all} stops are for officers only.',
  'summary.unplaced': 'No route could take these added stops: {stops}.',
  'routes.heading': 'Routes',
  'route.title': '{label}',
  'route.facts': '{start}–{end} · stops: {stops} · {km} km · {share} of expected incidents',
  'route.factsVolunteer': '{start}–{end} · stops: {stops} · {km} km · {share} of expected incidents · observes and reports',
  'route.none': 'Not sent out: no stop fits this unit’s zone, shift and limits.',
  'stops.order': 'No.',
  'stops.arrive': 'Arrive',
  'stops.street': 'Street',
  'stops.expected': 'Expected',
  'stops.actions': 'Edit',
  'stop.lock': 'Lock',
  'stop.lockLabel': 'Lock stop {n} of {unit} to this unit',
  'stop.drop': 'Drop',
  'stop.dropLabel': 'Drop stop {n} of {unit}',
  'stop.restore': 'Restore',
  'stop.restoreLabel': 'Bring back the dropped stop at {street}',
  'stop.unnamed': 'unnamed street',
  'stop.officersOnly': 'officers only',
  'add.heading': 'Add a stop',
  'add.stop': 'Stop not on any route',
  'add.unit': 'To',
  'add.anyUnit': 'any unit that can take it',
  'add.button': 'Add',
  'add.option': '{street} — {value} expected',
  'add.none': 'Every candidate stop is on a route.',
  'add.hint': 'Grey dots on the map are stops no route takes; click one to choose it here.',
  'edits.summary': 'Edits: locked {locked}, dropped {dropped}, added {added}. Re-optimise to plan the rest around them.',
  'edits.none': 'Lock a stop to keep it on its unit, drop one to leave it out, or add one; then re-optimise.',
  'dropped.heading': 'Dropped stops',
  'export.heading': 'Export',
  'export.gpx': 'Download GPX',
  'export.geojson': 'Download GeoJSON',
  'export.sheet': 'Print route sheet',
  'export.sheetLabel': 'Print route sheet: {unit}',
  'sheet.title': 'Route sheet — {label}',
  'sheet.shift': '{day}, {start}–{end} · {km} km',
  'sheet.volunteer': 'Volunteer patrol: you observe and report — never intervene. If you see something, keep your distance and call the police.',
  'sheet.dwell': 'Stay about {dwell} minutes at each stop. Start and end at the base (S on the map).',
  'sheet.covered': 'Expected incidents per shift at these stops: {value} ({share} of all expected in the area in this shift).',
  'sheet.map': 'Map of the route of {label}: streets, the route and its numbered stops',
  'sheet.arrive': 'Arrive',
  'sheet.leave': 'Leave',
  'sheet.street': 'Street',
  'sheet.expected': 'Expected incidents',
  'sheet.noStops': 'This unit has no stops in the plan.',
  'sheet.footer': 'Planned with Sargas.',
  'gpx.stopComment': 'arrive {arrival}, leave {departure} ({dwell} min)',
  'gpx.routeDesc': '{start}–{end}, stops: {stops}, {km} km',
  'gpx.volunteerRole': 'Volunteer patrol: observe and report, never intervene.',
  'gpx.name': 'Patrol plan, {day}',
};

type Key = keyof typeof en;

const lt: Record<Key, string> = {
  'plan.heading': 'Patrulių planas',
  'plan.intro': 'Vienos pamainos maršrutai per tos dienos ir valandų karštuosius taškus. Pareigūnai ir savanoriai planuojami kartu, todėl nė vienas sustojimas nekartojamas.',
  'plan.day': 'Diena',
  'plan.units': 'Ekipažai ir pamainos',
  'plan.settings': 'Planavimo nustatymai',
  'unit.kind': 'Tipas',
  'unit.count': 'Kiekis',
  'unit.base': 'Bazė',
  'unit.zone': 'Zona',
  'unit.window': 'Laikas',
  'unit.start': 'Pamainos pradžia',
  'unit.hours': 'Valandos',
  'unit.dwell': 'Minutės sustojime',
  'unit.remove': 'Pašalinti',
  'unit.removeLabel': 'Pašalinti ekipažų eilutę {n}',
  'unit.add': 'Pridėti ekipažą',
  'unit.row': 'Ekipažų eilutė {n}',
  'kind.car': 'Automobilis',
  'kind.foot': 'Pėsčias pareigūnas',
  'kind.volunteer': 'Savanorių pora',
  'base.station': 'Policijos komisariatas',
  'base.zone': 'Savo zonoje',
  'zone.none': 'Bet kur',
  'zone.beat': 'Rajonas {beat}',
  'window.daylight': 'Dieną',
  'window.evening': 'Vakare',
  'window.custom': 'Nustatyta ranka',
  'settings.candidates': 'Galimi sustojimai',
  'settings.cell': 'Karštojo taško gardelė (m)',
  'settings.seconds': 'Paieškos laikas (s)',
  'settings.threshold': 'Smurto rizikos riba',
  'settings.thresholdHint': 'Tikėtinas smurtinių įvykių skaičius per pamainą, virš kurio sustojimas skiriamas tik pareigūnams. Tuščia – aukščiausia pareigūnų pakopa.',
  'settings.invalid': '{field}: įveskite skaičių intervale {range}.',
  'run.plan': 'Sudaryti maršrutus',
  'run.cancel': 'Atšaukti',
  'run.replan': 'Perskaičiuoti',
  'run.clearEdits': 'Atšaukti pakeitimus',
  'status.incidents': 'Įkeliami įvykiai…',
  'status.streets': 'Skaitomos gatvės…',
  'status.network': 'Sudaromas gatvių tinklas…',
  'status.prepare': 'Ieškoma pamainos karštųjų taškų ir kelionės laikų…',
  'status.solve': 'Ieškoma maršrutų (iki {s} s)…',
  'status.done': 'Planas paruoštas per {s} s.',
  'status.failed': 'Suplanuoti nepavyko: {message}',
  'status.cancelled': 'Planavimas atšauktas.',
  'status.noData': 'Pirmiausia importuokite įvykius: planas sudaromas pagal juos.',
  'summary.covered': 'Maršrutai apima {covered} iš {total} tikėtinų įvykių per pamainą ({share}); sustojimų – {stops}. Palyginimui: rankiniu būdu braižytas planas (artimiausias iš 30 svarbiausių) apima {hand}, artimiausio taško planas per visus sustojimus – {greedy}.',
  'summary.history': 'Tikėtini įvykiai apskaičiuoti pagal {first}–{last} duomenis (savaitės diena: {weekday}; tokių dienų duomenyse – {days}).',
  'summary.threshold': 'Savanoriams neskiriami sustojimai, kuriuose tikėtina daugiau nei {t} smurtinių įvykių per pamainą; tik pareigūnams skirtų sustojimų – {n} iš {all}.',
  'summary.unplaced': 'Nė vienas maršrutas negalėjo paimti šių pridėtų sustojimų: {stops}.',
  'routes.heading': 'Maršrutai',
  'route.title': '{label}',
  'route.facts': '{start}–{end} · sustojimų: {stops} · {km} km · {share} tikėtinų įvykių',
  'route.factsVolunteer': '{start}–{end} · sustojimų: {stops} · {km} km · {share} tikėtinų įvykių · stebi ir praneša',
  'route.none': 'Neišsiųstas: nė vienas sustojimas netinka šio ekipažo zonai, pamainai ir ribojimams.',
  'stops.order': 'Nr.',
  'stops.arrive': 'Atvykti',
  'stops.street': 'Gatvė',
  'stops.expected': 'Tikėtina',
  'stops.actions': 'Keisti',
  'stop.lock': 'Užrakinti',
  'stop.lockLabel': 'Užrakinti ekipažo {unit} sustojimą {n}',
  'stop.drop': 'Išmesti',
  'stop.dropLabel': 'Išmesti ekipažo {unit} sustojimą {n}',
  'stop.restore': 'Grąžinti',
  'stop.restoreLabel': 'Grąžinti išmestą sustojimą: {street}',
  'stop.unnamed': 'gatvė be pavadinimo',
  'stop.officersOnly': 'tik pareigūnams',
  'add.heading': 'Pridėti sustojimą',
  'add.stop': 'Sustojimas, kurio nėra maršrutuose',
  'add.unit': 'Kam',
  'add.anyUnit': 'bet kuriam galinčiam ekipažui',
  'add.button': 'Pridėti',
  'add.option': '{street} — tikėtina {value}',
  'add.none': 'Visi galimi sustojimai jau yra maršrutuose.',
  'add.hint': 'Pilki taškai žemėlapyje – sustojimai, kurių nėra maršrutuose; spustelėkite tašką, kad jį čia pasirinktumėte.',
  'edits.summary': 'Pakeitimai: užrakinta – {locked}, išmesta – {dropped}, pridėta – {added}. Perskaičiuokite, kad likusi dalis būtų suplanuota iš naujo.',
  'edits.none': 'Užrakinkite sustojimą, kad jis liktų ekipažui, išmeskite jį arba pridėkite naują; tada perskaičiuokite.',
  'dropped.heading': 'Išmesti sustojimai',
  'export.heading': 'Eksportas',
  'export.gpx': 'Atsisiųsti GPX',
  'export.geojson': 'Atsisiųsti GeoJSON',
  'export.sheet': 'Spausdinti maršruto lapą',
  'export.sheetLabel': 'Spausdinti maršruto lapą: {unit}',
  'sheet.title': 'Maršruto lapas — {label}',
  'sheet.shift': '{day}, {start}–{end} · {km} km',
  'sheet.volunteer': 'Savanorių patrulis: jūs stebite ir pranešate – niekada nesikiškite. Pastebėję ką nors, laikykitės atstumo ir skambinkite policijai.',
  'sheet.dwell': 'Kiekviename sustojime būkite apie {dwell} min. Pradžia ir pabaiga – bazėje (žemėlapyje S).',
  'sheet.covered': 'Tikėtini įvykiai per pamainą šiuose sustojimuose: {value} ({share} visų šios pamainos tikėtinų įvykių teritorijoje).',
  'sheet.map': 'Ekipažo {label} maršruto žemėlapis: gatvės, maršrutas ir sunumeruoti sustojimai',
  'sheet.arrive': 'Atvykti',
  'sheet.leave': 'Išvykti',
  'sheet.street': 'Gatvė',
  'sheet.expected': 'Tikėtini įvykiai',
  'sheet.noStops': 'Šis ekipažas plane sustojimų neturi.',
  'sheet.footer': 'Suplanuota su Sargas.',
  'gpx.stopComment': 'atvykti {arrival}, išvykti {departure} ({dwell} min)',
  'gpx.routeDesc': '{start}–{end}, sustojimų: {stops}, {km} km',
  'gpx.volunteerRole': 'Savanorių patrulis: stebėkite ir praneškite, niekada nesikiškite.',
  'gpx.name': 'Patrulių planas, {day}',
};

export type PlanKey = Key;
const catalogues: Record<PlanLang, Record<Key, string>> = { en, lt };

/** The text of `key` in `lang` with `{name}` placeholders filled. */
export function planText(lang: PlanLang, key: PlanKey, params: Record<string, string | number> = {}): string {
  return catalogues[lang][key].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** Every key, for tests (both catalogues have the same keys: the type says so). */
export const planKeys = Object.keys(en) as PlanKey[];

const locale = (lang: PlanLang) => (lang === 'lt' ? 'lt-LT' : 'en-GB');
const formats = new Map<string, Intl.NumberFormat>();
function format(lang: PlanLang, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const k = `${lang}|${JSON.stringify(opts)}`;
  let f = formats.get(k);
  if (!f) formats.set(k, (f = new Intl.NumberFormat(locale(lang), opts)));
  return f;
}

/** Expected incidents (small numbers: two significant digits below 1). */
export const fmtExpected = (lang: PlanLang, v: number): string =>
  format(lang, v >= 1 ? { maximumFractionDigits: 1 } : { maximumSignificantDigits: 2 }).format(v);

/** A share 0..1 as a percentage. */
export const fmtShare = (lang: PlanLang, v: number): string => format(lang, { style: 'percent', maximumFractionDigits: 1 }).format(v);

export const fmtNumber = (lang: PlanLang, v: number, digits = 1): string => format(lang, { maximumFractionDigits: digits }).format(v);

/** Weekday name of day 0 = Monday .. 6 = Sunday. */
export function weekdayName(lang: PlanLang, day: number): string {
  // 2024-01-01 was a Monday.
  const name = new Intl.DateTimeFormat(locale(lang), { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + day)));
  return name.charAt(0).toLocaleUpperCase(locale(lang)) + name.slice(1);
}
