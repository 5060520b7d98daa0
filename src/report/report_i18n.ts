/**
 * The report's words in English and Lithuanian, and number/month formatting per language.
 * Strings hold `{name}` placeholders filled by `tr`; values put into them are escaped by the
 * renderer, never here. The Lithuanian table is typed against the English one, so a missing key
 * is a type error.
 */
import { yearMonth, parseMonth } from './report_months.ts';

export type Lang = 'en' | 'lt';
export const LANGS: readonly Lang[] = ['en', 'lt'];

const en = {
  appName: 'Sargas',
  reportTitle: 'Monthly hot-spot report',
  generated: 'Generated {date}',
  dataRange: 'Data {from} to {to}, {n} incidents up to the report month',
  contents: 'Contents',

  // Key figures
  kfMonth: 'Incidents in {month}',
  kfPrevious: 'vs {month}',
  kfLastYear: 'vs {month}',
  kfHot: 'Gi* hot-spot cells',
  kfHotSub: '{km2} km² · {n} incidents',
  noData: 'no data',
  keyPoints: 'Key points',
  kpCount: '{n} incidents in {month}: {prevChange} on {prevMonth} ({prev}), {lyChange} on {lyMonth} ({ly}).',
  kpCountNoPrev: '{n} incidents in {month}; no earlier month in the data to compare with.',
  kpCountNoLy: '{n} incidents in {month}: {prevChange} on {prevMonth} ({prev}); the data do not reach back a year.',
  kpArea: 'Most incidents in {areaWord} {area}: {n} ({share} of the month).',
  kpTop: 'Top hot spot: {place} (incidents this month: {n}; last 12 months: {n12}).',
  kpGi: '{cells} statistically significant hot-spot cells ({share} of the study area) hold {hits} of the month\'s {n} incidents.',
  kpGiNone: 'No statistically significant Gi* hot spot this month (after the FDR correction, if on): incidents were too few or too spread out.',
  kpEmerging: 'Emerging hot spots over {months} months: {hot} cells in a hot-spot category, {new} newly so since last month.',
  kpForecast: 'Last month\'s hot spots (top {coverage} of the area) caught {hitRate} of this month\'s incidents (PAI {pai}). Recommended method for next month: {method}.',
  kpForecastNone: 'No earlier month to test last month\'s hot spots against.',

  // Headline
  secHeadline: 'Incidents by category',
  thCategory: 'Category',
  thMonth: '{month}',
  thChange: 'Change',
  thMean12: '12-month mean',
  total: 'Total',
  noCategory: '(no category)',
  trendTitle: 'Incidents per month, {from} to {to}',
  trendLegendMonth: 'report month',
  trendLegendLastYear: 'same month last year',
  secAreas: 'Incidents by area',
  thArea: 'Area',
  thBeat: 'Beat / area',
  outside: 'outside the areas',
  area_beat: 'beat',
  area_district: 'district',
  area_lsoa: 'LSOA',
  area_area: 'area',
  col_beat: 'Beat',
  col_district: 'District',
  col_lsoa: 'LSOA',
  col_area: 'Area',
  unknownArea: '(no area code)',
  areasFromCodes: 'Areas from the incidents\' own area codes.',
  areasFromLayer: 'Areas from the boundary layer {layer} (point in polygon).',

  // Map
  secMap: 'Hot-spot map, {month}',
  mapCaption: 'Kernel density of the month\'s incidents (colour), Getis–Ord Gi* hot-spot cells ({cell} m, outlined), incidents (dots) and the top {n} hot spots (numbered).',
  legendKde: 'Density, incidents per km²',
  legendGi: 'Gi* hot spot',
  legendCold: 'Gi* cold spot',
  legendIncident: 'incident',
  legendTop: 'top hot spot',
  legendBoundary: 'boundary',
  legendStreets: 'streets',
  conf99: '99%',
  conf95: '95%',
  conf90: '90%',
  noStreetsMap: 'No street network loaded: the map has no basemap.',
  scaleBar: '{m} m',

  // Top
  secTop: 'Top {n} hot spots',
  topCaption: 'Cells of {cell} m with most incidents in {month} (ties: higher Gi* z). Place: the mean position of the month\'s incidents in the cell; street: the nearest named street.',
  thRank: '#',
  thStreet: 'Street',
  thPrevious: '{month}',
  thLast12: 'Last 12 months',
  thGi: 'Gi*',
  thEmerging: 'Emerging',
  giHot: 'hot {conf}',
  giCold: 'cold {conf}',
  giNone: 'not significant',
  unnamed: '(unnamed)',
  noTop: 'No incidents in the month.',

  // Emerging
  secEmerging: 'Emerging hot spots, {from} to {to}',
  emergingCaption: 'Monthly Gi* per cell over {steps} months (band {band} m, hot/cold at p < {alpha}), trend by Mann–Kendall; categories after ArcGIS Pro Emerging Hot Spot Analysis.',
  thCategoryE: 'Category',
  thCellsNow: 'Cells now',
  thCellsBefore: 'A month ago',
  emergingNone: 'No cell falls in a hot- or cold-spot category.',
  emergingOutline: 'Black outline: the {k} cells listed under what changed.',
  changesTitle: 'What changed since last month',
  changesNone: 'No cell changed category since last month.',
  changesNoPrev: 'There is no earlier window of {steps} months to compare with.',
  changesSummary: '{n} cells changed category (the {k} listed first: new hot-spot categories first).',
  thFrom: 'Was',
  thTo: 'Now',
  thMonthCount: 'Incidents in {month}',
  transitions: 'All changes',
  emergingTooShort: 'Too few months of data before {month} for emerging hot spots.',

  // Time
  secTime: 'When: day of week × hour',
  timeCaption: 'Incidents with a known time, {from} to {to} ({known} of {total}). Below: this month by hour.',
  timeUnknownNote: 'The time of day is unknown for {unknown} of {total} incidents in this period (month- or date-only source, or a placeholder time such as 00:00); they are left out, not spread over hours.',
  timeNone: 'The time of day is not known for any incident in this period (the source gives only a date or a month): no day-of-week × hour chart.',
  monthHours: '{month}, by hour ({known} with known time)',
  hour: 'hour',

  // Forecast
  secForecast: 'How well last month\'s hot spots predicted {month}',
  fcLastGi: 'Last month\'s Gi* hot-spot cells ({cells} cells, {share} of the area) held {hits} of the {n} incidents of {month}: hit rate {hitRate}, PAI {pai}.',
  fcLastGiNone: 'Last month had no significant Gi* hot-spot cell.',
  fcCaption: 'Each method flags the top cells covering {coverage} of the study area, trained only on months before {month}. Hit rate: share of the month\'s incidents in flagged cells; PAI: hit rate ÷ area share (1 = no better than chance); PEI: PAI ÷ best possible PAI. Backtest: mean over {months} months ({from} to {to}).',
  thMethod: 'Method',
  thHitRate: 'Hit rate',
  thPai: 'PAI',
  thPei: 'PEI',
  thMeanPai: 'Backtest mean PAI',
  thWins: 'Months better than naive',
  recommended: 'Recommended for next month: {method}, mean PAI {pai} over the backtest against {naive} for last month\'s counts (better in {wins} of {months} months).',
  recommendedNaive: 'Recommended for next month: last month\'s counts (naive); no method beat it on mean PAI over the backtest ({pai}).',
  fcNone: 'The data start in the report month: there is no earlier month to learn from.',
  recommendedTag: 'recommended',
  mNaive: 'last month\'s counts (naive)',
  mCounts: 'counts, last {months} months',
  mKde: 'KDE, last {months} months, h = {h} m',
  mKdeSilverman: 'KDE, last {months} months, Silverman h',
  mProspective: 'prospective KDE, h = {h} m, half-life {half} months',
  mGistar: 'Gi* z, last {months} months',

  // Patrol
  secPatrol: 'Patrol: suggested stops per shift',
  patrolCaption: 'Per shift, the {k} cells with most incidents in the shift\'s hours over the last {months} months, each snapped to the nearest street. A stop\'s value is its incidents per month in those hours.',
  patrolNoStreets: 'No street network loaded: no patrol stops.',
  patrolNoTimes: 'The time of day is unknown for every incident: stops per shift cannot be chosen.',
  patrolRoutes: 'Routes are not planned in this report: the patrol plan (in the app, or the plan command with UNITS.json and a day) plans them for the units of a shift.',
  shiftTitle: '{name} shift, {from}–{to}',
  shiftSummary: '{incidents} incidents in these hours over {months} months; the stops cover {covered} of them ({share}).',
  shift_day: 'Day',
  shift_evening: 'Evening',
  shift_night: 'Night',
  thStop: 'Stop',
  thPerMonth: 'Per month',
  thIncidentsWindow: 'Incidents',
  thLonLat: 'Lon, lat',
  noStops: 'No incidents in these hours.',

  // Quality
  secQuality: 'Data quality',
  qImported: '{accepted} rows imported, {rejected} rejected.',
  qMonth: '{month}: {n} incidents imported; time of day unknown for {unknown}.',
  qOutside: '{n} of the month\'s incidents lie outside every boundary given.',
  qIgnored: '{n} incidents after {month} are not used by this report.',
  qNoSummary: 'The incidents were read from a stored database: no import summary. Inputs: {names}.',
  thFile: 'File',
  thFormat: 'Format',
  thRead: 'Rows read',
  thAccepted: 'Imported',
  thRejected: 'Rejected',
  thReason: 'Reason',
  thRows: 'Rows',
  qNoRejects: 'No row was rejected.',
  qExamples: 'Examples',
  qNotes: 'How the file was read',
  qFileError: 'not imported: {error}',
  reason_no_coordinates: 'no coordinates',
  reason_zero_coordinates: 'zero coordinates (geocoding failure)',
  reason_invalid_coordinates: 'impossible coordinates',
  reason_outside_study_area: 'far outside the study area',
  reason_no_date: 'no date',
  reason_unparseable_date: 'date not understood',
  reason_outside_months: 'outside the months asked for',
  reason_already_imported: 'already imported',
  reason_duplicate_id: 'repeated incident id',
  reason_malformed_row: 'malformed row',

  // Methods
  secMethods: 'Methods and parameters',
  pCrs: 'Coordinates',
  pCrsValue: 'planar {crs}; all distances in metres',
  pStudyArea: 'Study area',
  pStudyAreaValue: '{cells} cells of {cell} m ({km2} km²): cells whose centre lies in the convex hull of the incidents up to the report month, or holding one',
  pStudyAreaBoundaries: '{cells} cells of {cell} m ({km2} km²): cells whose centre lies in the boundary polygons, or holding an incident inside them; incidents outside the boundaries are left out of the hot-spot statistics',
  pCell: 'Analysis cell',
  pKde: 'Kernel density (map colour)',
  pKdeValue: '{kernel} kernel, bandwidth {h} m ({reason}); evaluated at the centres of {kcell} m cells, {mode} sum; incidents per km²',
  pGi: 'Getis–Ord Gi*',
  pGiValue: 'binary weights within {band} m of cell centres, self included, over all cells of the study area, empty ones too ({reason}); {fdr}',
  pFdrOn: 'bins at 99/95/90% on Benjamini–Hochberg q-values ({reason})',
  pFdrOff: 'bins at 99/95/90% on p-values, no FDR correction',
  pEmerging: 'Emerging hot spots',
  pEmergingValue: '{months} months ({reason}); Gi* per month with band {band} m ({bandReason}); hot/cold at p < {alpha}; Mann–Kendall trend at p < {alpha}',
  pForecast: 'Forecast evaluation',
  pForecastValue: 'coverage {coverage} ({reason}), {cell} m cells; 8 methods trained on earlier months only; recommended = best mean PAI over the backtest months; ties at the cut-off share the flags',
  pTop: 'Top hot spots',
  pTopValue: '{n} cells with most incidents in the month, ties broken by the higher Gi* z',
  pPatrol: 'Patrol stops',
  pPatrolValue: '{k} per shift: most incidents in the shift\'s hours over the last 12 months; snapped to the nearest street within 250 m',
  pNames: 'Place names',
  pNamesValue: 'area: the boundary polygon containing the point (finest layer), else the incidents\' most common area code; street: nearest named street within 150 m',
  reason_given: 'given',
  'reason_cell.default': 'default: street-block scale; a month\'s incidents are too few for the display rule (shorter side / 250); the same cells as the evaluate command',
  'reason_kernel.default': 'default, as ArcGIS Pro Kernel Density',
  'reason_bandwidth.silverman': 'spatial Silverman rule on the month\'s {n} incidents: standard distance {sd} m, median distance {dm} m',
  'reason_bandwidth.undefined': 'Silverman\'s rule is undefined for this month (no two distinct places): one cell, {cell} m',
  'reason_band.peak': 'first significant peak of Moran\'s I z ({z}) at {cells} cells, as ArcGIS Optimized Hot Spot Analysis',
  'reason_band.fallback': 'no significant Moran\'s I peak: {cells} cells, about 30 neighbours per cell (the Optimized Hot Spot Analysis fallback)',
  'reason_band.fewIncidents': 'fewer than two incidents: {cells} cells',
  'reason_fdr.default': 'default: {cells} cells are tested at once',
  'reason_emerging.default': 'default: two seasonal cycles for the trend',
  'reason_emerging.short': 'all months in the data up to the report month ({wanted} wanted)',
  'reason_coverage.default': 'default 5%, the usual PAI coverage',
  kernel_quartic: 'quartic',
  kernel_epanechnikov: 'Epanechnikov',
  kernel_gaussian: 'Gaussian',
  mode_exact: 'exact',
  mode_fast: 'binned (fast)',
  references: 'References: Getis & Ord (1992); Ord & Getis (1995); Benjamini & Hochberg (1995); Silverman (1986); Mann (1945), Kendall (1975); Chainey, Tompson & Uhlig (2008) for PAI; Hunt (2016) for PEI; ESRI, Emerging Hot Spot Analysis and Optimized Hot Spot Analysis.',

  // Attributions
  secAttributions: 'Sources and attributions',
  attrOsm: 'Streets: © OpenStreetMap contributors, available under the Open Database Licence (ODbL) 1.0, openstreetmap.org/copyright.',
  attrChicago: 'Incidents and boundaries: City of Chicago data portal (data.cityofchicago.org). Data modified for use from its original source, www.cityofchicago.org; the City of Chicago makes no claims as to the content, accuracy, timeliness or completeness of any of the data.',
  attrOgl: 'Incidents: police.uk. Contains public sector information licensed under the Open Government Licence v3.0 (nationalarchives.gov.uk/doc/open-government-licence/version/3).',
  attrNone: 'No source attribution was given for the incident data.',
  offline: 'Made offline by Sargas: nothing in this report is loaded from the network.',
  page: 'Page',

  // Emerging categories
  cat_new_hot: 'new hot spot',
  cat_consecutive_hot: 'consecutive hot spot',
  cat_intensifying_hot: 'intensifying hot spot',
  cat_persistent_hot: 'persistent hot spot',
  cat_diminishing_hot: 'diminishing hot spot',
  cat_sporadic_hot: 'sporadic hot spot',
  cat_oscillating_hot: 'oscillating hot spot',
  cat_historical_hot: 'historical hot spot',
  cat_new_cold: 'new cold spot',
  cat_consecutive_cold: 'consecutive cold spot',
  cat_intensifying_cold: 'intensifying cold spot',
  cat_persistent_cold: 'persistent cold spot',
  cat_diminishing_cold: 'diminishing cold spot',
  cat_sporadic_cold: 'sporadic cold spot',
  cat_oscillating_cold: 'oscillating cold spot',
  cat_historical_cold: 'historical cold spot',
  cat_no_pattern: 'no pattern',
} as const;

export type StringKey = keyof typeof en;

const lt: Record<StringKey, string> = {
  appName: 'Sargas',
  reportTitle: 'Mėnesio nusikalstamumo židinių ataskaita',
  generated: 'Parengta {date}',
  dataRange: 'Duomenys nuo {from} iki {to}; įvykių iki ataskaitos mėnesio pabaigos: {n}',
  contents: 'Turinys',

  kfMonth: 'Įvykiai: {month}',
  kfPrevious: 'palyginti su {month}',
  kfLastYear: 'palyginti su {month}',
  kfHot: 'Gi* židinių langeliai',
  kfHotSub: '{km2} km² · įvykių: {n}',
  noData: 'nėra duomenų',
  keyPoints: 'Svarbiausia',
  kpCount: 'Ataskaitos mėnesį ({month}) įvykių: {n}; {prevChange}, palyginti su {prevMonth} ({prev}), {lyChange}, palyginti su {lyMonth} ({ly}).',
  kpCountNoPrev: 'Ataskaitos mėnesį ({month}) įvykių: {n}; ankstesnio mėnesio duomenų palyginimui nėra.',
  kpCountNoLy: 'Ataskaitos mėnesį ({month}) įvykių: {n}; {prevChange}, palyginti su {prevMonth} ({prev}); metų senumo duomenų nėra.',
  kpArea: 'Daugiausia įvykių: {areaWord} {area} – {n} ({share} mėnesio įvykių).',
  kpTop: 'Didžiausias židinys: {place} (įvykių šį mėnesį: {n}; per paskutinius 12 mėnesių: {n12}).',
  kpGi: 'Statistiškai reikšmingų židinių langelių: {cells} ({share} tyrimo teritorijos); juose {hits} iš {n} mėnesio įvykių.',
  kpGiNone: 'Šį mėnesį statistiškai reikšmingų Gi* židinių nėra (įvertinus FDR pataisą, jei ji taikyta): įvykių per mažai arba jie išsibarstę.',
  kpEmerging: 'Besiformuojantys židiniai per {months} mėn.: židinių kategorijoms priskirta langelių – {hot}, iš jų naujų nuo praėjusio mėnesio – {new}.',
  kpForecast: 'Praėjusio mėnesio židiniai ({coverage} teritorijos) apėmė {hitRate} šio mėnesio įvykių (PAI {pai}). Kitam mėnesiui rekomenduojamas metodas: {method}.',
  kpForecastNone: 'Nėra ankstesnio mėnesio, pagal kurį būtų galima patikrinti prognozę.',

  secHeadline: 'Įvykiai pagal kategorijas',
  thCategory: 'Kategorija',
  thMonth: '{month}',
  thChange: 'Pokytis',
  thMean12: '12 mėn. vidurkis',
  total: 'Iš viso',
  noCategory: '(be kategorijos)',
  trendTitle: 'Įvykiai per mėnesį, {from} – {to}',
  trendLegendMonth: 'ataskaitos mėnuo',
  trendLegendLastYear: 'tas pats mėnuo pernai',
  secAreas: 'Įvykiai pagal teritorijas',
  thArea: 'Teritorija',
  thBeat: 'Patrulių rajonas / teritorija',
  outside: 'už teritorijų ribų',
  area_beat: 'patrulių rajonas',
  area_district: 'policijos apylinkė',
  area_lsoa: 'LSOA',
  area_area: 'teritorija',
  col_beat: 'Patrulių rajonas',
  col_district: 'Policijos apylinkė',
  col_lsoa: 'LSOA',
  col_area: 'Teritorija',
  unknownArea: '(be teritorijos kodo)',
  areasFromCodes: 'Teritorijos pagal pačių įvykių teritorijų kodus.',
  areasFromLayer: 'Teritorijos pagal ribų sluoksnį {layer} (taškas daugiakampyje).',

  secMap: 'Židinių žemėlapis, {month}',
  mapCaption: 'Mėnesio įvykių branduolinis tankis (spalva), Getis–Ord Gi* židinių langeliai ({cell} m, apvesti), įvykiai (taškai) ir didžiausi židiniai (sunumeruoti, iki {n}).',
  legendKde: 'Tankis, įvykių į km²',
  legendGi: 'Gi* židinys',
  legendCold: 'Gi* šaltoji zona',
  legendIncident: 'įvykis',
  legendTop: 'didžiausias židinys',
  legendBoundary: 'riba',
  legendStreets: 'gatvės',
  conf99: '99 %',
  conf95: '95 %',
  conf90: '90 %',
  noStreetsMap: 'Gatvių tinklas neįkeltas: žemėlapis be pagrindo.',
  scaleBar: '{m} m',

  secTop: 'Didžiausi židiniai (iki {n})',
  topCaption: '{cell} m langeliai, kuriuose {month} įvyko daugiausia įvykių (lygiųjų atveju – didesnis Gi* z). Vieta – langelio mėnesio įvykių vidurkis; gatvė – artimiausia gatvė su pavadinimu.',
  thRank: 'Nr.',
  thStreet: 'Gatvė',
  thPrevious: '{month}',
  thLast12: 'Per 12 mėn.',
  thGi: 'Gi*',
  thEmerging: 'Besiformuojantis židinys',
  giHot: 'židinys {conf}',
  giCold: 'šaltoji zona {conf}',
  giNone: 'nereikšminga',
  unnamed: '(be pavadinimo)',
  noTop: 'Šį mėnesį įvykių nėra.',

  secEmerging: 'Besiformuojantys židiniai, {from} – {to}',
  emergingCaption: 'Kiekvieno mėnesio Gi* kiekvienam langeliui per {steps} mėn. (spindulys {band} m, židinys / šaltoji zona, kai p < {alpha}), tendencija – Mann–Kendall testu; kategorijos pagal ArcGIS Pro „Emerging Hot Spot Analysis“.',
  thCategoryE: 'Kategorija',
  thCellsNow: 'Langelių dabar',
  thCellsBefore: 'Prieš mėnesį',
  emergingNone: 'Nė vienas langelis nepriskirtas židinio ar šaltosios zonos kategorijai.',
  emergingOutline: 'Juodas kontūras – {k} langeliai, išvardyti skyriuje „Kas pasikeitė“.',
  changesTitle: 'Kas pasikeitė nuo praėjusio mėnesio',
  changesNone: 'Nuo praėjusio mėnesio nė vieno langelio kategorija nepasikeitė.',
  changesNoPrev: 'Nėra ankstesnio {steps} mėn. laikotarpio palyginimui.',
  changesSummary: 'Kategorija pasikeitė {n} langeliams (pateikti pirmieji {k}: pirmiausia nauji židiniai).',
  thFrom: 'Buvo',
  thTo: 'Dabar',
  thMonthCount: 'Įvykiai: {month}',
  transitions: 'Visi pokyčiai',
  emergingTooShort: 'Iki {month} per mažai mėnesių besiformuojantiems židiniams nustatyti.',

  secTime: 'Kada: savaitės diena × valanda',
  timeCaption: 'Įvykiai su žinomu laiku, {from} – {to} ({known} iš {total}). Žemiau – šis mėnuo pagal valandas.',
  timeUnknownNote: 'Šio laikotarpio {unknown} iš {total} įvykių paros laikas nežinomas (šaltinyje tik data ar mėnuo arba laikas užpildytas, pvz., 00:00); jie neįtraukti ir neišskirstyti po valandas.',
  timeNone: 'Nė vieno šio laikotarpio įvykio paros laikas nežinomas (šaltinyje tik data ar mėnuo): savaitės dienos × valandos diagramos nėra.',
  monthHours: '{month} pagal valandas ({known} su žinomu laiku)',
  hour: 'valanda',

  secForecast: 'Kaip praėjusio mėnesio židiniai numatė {month}',
  fcLastGi: 'Praėjusio mėnesio Gi* židinių langeliuose (langelių: {cells}; {share} teritorijos) įvyko {hits} iš {n} įvykių ({month}): pataikymo dalis {hitRate}, PAI {pai}.',
  fcLastGiNone: 'Praėjusį mėnesį reikšmingų Gi* židinių nebuvo.',
  fcCaption: 'Kiekvienas metodas pažymi langelius, dengiančius {coverage} tyrimo teritorijos, ir mokosi tik iš mėnesių iki {month}. Pataikymo dalis – pažymėtuose langeliuose įvykusių įvykių dalis; PAI – pataikymo dalis ÷ ploto dalis (1 – ne geriau nei atsitiktinai); PEI – PAI ÷ didžiausias galimas PAI. Atgalinis patikrinimas – vidurkis per {months} mėn. ({from} – {to}).',
  thMethod: 'Metodas',
  thHitRate: 'Pataikymo dalis',
  thPai: 'PAI',
  thPei: 'PEI',
  thMeanPai: 'Vidutinis PAI (patikrinimas)',
  thWins: 'Mėn. geriau už naivųjį',
  recommended: 'Kitam mėnesiui rekomenduojama: {method}; vidutinis PAI {pai}, o praėjusio mėnesio skaičių – {naive} (geriau {wins} iš {months} mėn.).',
  recommendedNaive: 'Kitam mėnesiui rekomenduojami praėjusio mėnesio skaičiai (naivusis metodas): joks metodas jo nepralenkė pagal vidutinį PAI ({pai}).',
  fcNone: 'Duomenys prasideda ataskaitos mėnesį: nėra ankstesnio mėnesio, iš kurio būtų galima mokytis.',
  recommendedTag: 'rekomenduojama',
  mNaive: 'praėjusio mėnesio skaičiai (naivusis)',
  mCounts: 'paskutinių {months} mėn. skaičiai',
  mKde: 'paskutinių {months} mėn. KDE, h = {h} m',
  mKdeSilverman: 'paskutinių {months} mėn. KDE, Silvermano h',
  mProspective: 'perspektyvinis KDE (h = {h} m, pusėjimo trukmė {half} mėn.)',
  mGistar: 'paskutinių {months} mėn. Gi* z',

  secPatrol: 'Patruliavimas: siūlomos sustojimo vietos pamainoms',
  patrolCaption: 'Kiekvienai pamainai – langeliai (po {k}), kuriuose per paskutinius {months} mėn. pamainos valandomis įvyko daugiausia įvykių; kiekviena vieta pririšta prie artimiausios gatvės. Vietos vertė – įvykių per mėnesį tomis valandomis.',
  patrolNoStreets: 'Gatvių tinklas neįkeltas: sustojimo vietų nėra.',
  patrolNoTimes: 'Nė vieno įvykio paros laikas nežinomas: vietų pamainoms parinkti negalima.',
  patrolRoutes: 'Šioje ataskaitoje maršrutai nesudaromi: pamainos padaliniams juos sudaro patrulių planas (programoje arba komanda plan su UNITS.json ir diena).',
  shiftTitle: '{name} pamaina, {from}–{to}',
  shiftSummary: 'Įvykių šiomis valandomis per {months} mėn.: {incidents}; iš jų sustojimo vietose – {covered} ({share}).',
  shift_day: 'Dieninė',
  shift_evening: 'Vakarinė',
  shift_night: 'Naktinė',
  thStop: 'Vieta',
  thPerMonth: 'Per mėnesį',
  thIncidentsWindow: 'Įvykiai',
  thLonLat: 'Ilguma, platuma',
  noStops: 'Šiomis valandomis įvykių nebuvo.',

  secQuality: 'Duomenų kokybė',
  qImported: 'Importuota eilučių: {accepted}, atmesta: {rejected}.',
  qMonth: '{month}: importuota įvykių – {n}; paros laikas nežinomas – {unknown}.',
  qOutside: 'Mėnesio įvykių už visų pateiktų ribų: {n}.',
  qIgnored: 'Vėlesnių nei ataskaitos mėnuo įvykių (šioje ataskaitoje nenaudojami): {n}.',
  qNoSummary: 'Įvykiai nuskaityti iš išsaugotos duomenų bazės: importo suvestinės nėra. Įvestis: {names}.',
  thFile: 'Failas',
  thFormat: 'Formatas',
  thRead: 'Nuskaityta eilučių',
  thAccepted: 'Importuota',
  thRejected: 'Atmesta',
  thReason: 'Priežastis',
  thRows: 'Eilutės',
  qNoRejects: 'Nė viena eilutė neatmesta.',
  qExamples: 'Pavyzdžiai',
  qNotes: 'Kaip failas nuskaitytas',
  qFileError: 'neimportuota: {error}',
  reason_no_coordinates: 'nėra koordinačių',
  reason_zero_coordinates: 'nulinės koordinatės (geokodavimo klaida)',
  reason_invalid_coordinates: 'neįmanomos koordinatės',
  reason_outside_study_area: 'toli už tyrimo teritorijos',
  reason_no_date: 'nėra datos',
  reason_unparseable_date: 'neatpažinta data',
  reason_outside_months: 'ne prašytų mėnesių',
  reason_already_imported: 'jau importuota',
  reason_duplicate_id: 'pasikartojantis įvykio ID',
  reason_malformed_row: 'sugadinta eilutė',

  secMethods: 'Metodai ir parametrai',
  pCrs: 'Koordinatės',
  pCrsValue: 'plokščioji {crs}; visi atstumai metrais',
  pStudyArea: 'Tyrimo teritorija',
  pStudyAreaValue: 'langelių po {cell} m: {cells} ({km2} km²) – tie, kurių centras yra įvykių iki ataskaitos mėnesio iškiliajame apvalkale arba kuriuose yra įvykis',
  pStudyAreaBoundaries: 'langelių po {cell} m: {cells} ({km2} km²) – tie, kurių centras yra ribų daugiakampiuose arba kuriuose yra įvykis tų ribų viduje; įvykiai už ribų į židinių statistiką neįtraukiami',
  pCell: 'Analizės langelis',
  pKde: 'Branduolinis tankis (žemėlapio spalva)',
  pKdeValue: '{kernel} branduolys, spindulys {h} m ({reason}); apskaičiuota {kcell} m langelių centruose, {mode} suma; įvykių į km²',
  pGi: 'Getis–Ord Gi*',
  pGiValue: 'dvejetainiai svoriai {band} m atstumu nuo langelių centrų, įskaitant patį langelį, per visus tyrimo teritorijos langelius, ir tuščius ({reason}); {fdr}',
  pFdrOn: '99/95/90 % lygmenys pagal Benjamini–Hochberg q reikšmes ({reason})',
  pFdrOff: '99/95/90 % lygmenys pagal p reikšmes, be FDR pataisos',
  pEmerging: 'Besiformuojantys židiniai',
  pEmergingValue: '{months} mėn. ({reason}); Gi* kiekvienam mėnesiui, spindulys {band} m ({bandReason}); židinys / šaltoji zona, kai p < {alpha}; Mann–Kendall tendencija, kai p < {alpha}',
  pForecast: 'Prognozių vertinimas',
  pForecastValue: 'aprėptis {coverage} ({reason}), {cell} m langeliai; 8 metodai, mokomi tik iš ankstesnių mėnesių; rekomenduojamas – didžiausias vidutinis PAI per patikrinimo mėnesius; ties riba lygūs langeliai dalijasi žymėmis',
  pTop: 'Didžiausi židiniai',
  pTopValue: 'langeliai (iki {n}), kuriuose per mėnesį daugiausia įvykių; lygiųjų atveju – didesnis Gi* z',
  pPatrol: 'Sustojimo vietos',
  pPatrolValue: 'po {k} pamainai: daugiausia įvykių pamainos valandomis per paskutinius 12 mėn.; pririšta prie artimiausios gatvės iki 250 m',
  pNames: 'Vietų pavadinimai',
  pNamesValue: 'teritorija – ribų daugiakampis, kuriame yra taškas (smulkiausias sluoksnis), kitaip dažniausias įvykių teritorijos kodas; gatvė – artimiausia gatvė su pavadinimu iki 150 m',
  reason_given: 'nurodyta',
  'reason_cell.default': 'numatyta: kvartalo mastas; mėnesio įvykių per mažai rodymo taisyklei (trumpesnioji kraštinė / 250); tokie pat langeliai kaip komandos evaluate',
  'reason_kernel.default': 'numatytasis, kaip ArcGIS Pro Kernel Density',
  'reason_bandwidth.silverman': 'erdvinė Silvermano taisyklė mėnesio {n} įvykiams: standartinis atstumas {sd} m, atstumų mediana {dm} m',
  'reason_bandwidth.undefined': 'šį mėnesį Silvermano taisyklė neapibrėžta (nėra dviejų skirtingų vietų): vienas langelis, {cell} m',
  'reason_band.peak': 'pirmasis reikšmingas Morano I z maksimumas ({z}) ties {cells} langeliais, kaip ArcGIS Optimized Hot Spot Analysis',
  'reason_band.fallback': 'reikšmingo Morano I maksimumo nėra: {cells} langeliai, apie 30 kaimynų langeliui (Optimized Hot Spot Analysis atsarginė taisyklė)',
  'reason_band.fewIncidents': 'mažiau nei du įvykiai: {cells} langeliai',
  'reason_fdr.default': 'numatyta: vienu metu tikrinami visi tyrimo teritorijos langeliai ({cells})',
  'reason_emerging.default': 'numatyta: du sezoniniai ciklai tendencijai',
  'reason_emerging.short': 'visi duomenų mėnesiai iki ataskaitos mėnesio (norėta {wanted})',
  'reason_coverage.default': 'numatyta 5 %, įprasta PAI aprėptis',
  kernel_quartic: 'kvartinis',
  kernel_epanechnikov: 'Epanečnikovo',
  kernel_gaussian: 'Gauso',
  mode_exact: 'tiksli',
  mode_fast: 'sugrupuota (greita)',
  references: 'Literatūra: Getis ir Ord (1992); Ord ir Getis (1995); Benjamini ir Hochberg (1995); Silverman (1986); Mann (1945), Kendall (1975); Chainey, Tompson ir Uhlig (2008) – PAI; Hunt (2016) – PEI; ESRI, Emerging Hot Spot Analysis ir Optimized Hot Spot Analysis.',

  secAttributions: 'Šaltiniai ir licencijos',
  attrOsm: 'Gatvės: © OpenStreetMap bendraautoriai, pagal Open Database Licence (ODbL) 1.0, openstreetmap.org/copyright.',
  attrChicago: 'Įvykiai ir ribos: Čikagos miesto duomenų portalas (data.cityofchicago.org). Duomenys pakeisti naudojimui iš pirminio šaltinio www.cityofchicago.org; Čikagos miestas neprisiima atsakomybės už duomenų turinį, tikslumą, savalaikiškumą ar išsamumą.',
  attrOgl: 'Įvykiai: police.uk. Yra viešojo sektoriaus informacijos, licencijuotos pagal Open Government Licence v3.0 (nationalarchives.gov.uk/doc/open-government-licence/version/3).',
  attrNone: 'Įvykių duomenų šaltinis nenurodytas.',
  offline: 'Parengta „Sargas“ be ryšio: niekas šioje ataskaitoje neįkeliama iš tinklo.',
  page: 'Puslapis',

  cat_new_hot: 'naujas židinys',
  cat_consecutive_hot: 'nuoseklus židinys',
  cat_intensifying_hot: 'stiprėjantis židinys',
  cat_persistent_hot: 'nuolatinis židinys',
  cat_diminishing_hot: 'silpnėjantis židinys',
  cat_sporadic_hot: 'epizodinis židinys',
  cat_oscillating_hot: 'svyruojantis židinys',
  cat_historical_hot: 'istorinis židinys',
  cat_new_cold: 'nauja šaltoji zona',
  cat_consecutive_cold: 'nuosekli šaltoji zona',
  cat_intensifying_cold: 'stiprėjanti šaltoji zona',
  cat_persistent_cold: 'nuolatinė šaltoji zona',
  cat_diminishing_cold: 'silpnėjanti šaltoji zona',
  cat_sporadic_cold: 'epizodinė šaltoji zona',
  cat_oscillating_cold: 'svyruojanti šaltoji zona',
  cat_historical_cold: 'istorinė šaltoji zona',
  cat_no_pattern: 'be dėsningumo',
};

export const STRINGS: Record<Lang, Record<StringKey, string>> = { en, lt };

const MONTHS: Record<Lang, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  lt: ['sausis', 'vasaris', 'kovas', 'balandis', 'gegužė', 'birželis', 'liepa', 'rugpjūtis', 'rugsėjis', 'spalis', 'lapkritis', 'gruodis'],
};
const MONTHS_SHORT: Record<Lang, string[]> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  lt: ['saus.', 'vas.', 'kov.', 'bal.', 'geg.', 'birž.', 'liep.', 'rugp.', 'rugs.', 'spal.', 'lapkr.', 'gruod.'],
};
/** Monday first, as IncidentColumns.dow. */
export const DAYS: Record<Lang, string[]> = {
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  lt: ['Pr', 'An', 'Tr', 'Kt', 'Pn', 'Št', 'Sk'],
};

/** The string `key` in `lang` with `{name}` placeholders filled from vars (unknown names are left as is). */
export function tr(lang: Lang, key: StringKey, vars: Record<string, string | number> = {}): string {
  return STRINGS[lang][key].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** Is `key` a string of the tables (for keys built at run time, like reason_* and cat_*)? */
export function hasKey(key: string): key is StringKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/** Number and month formatting in one language. */
export interface Formatter {
  lang: Lang;
  /** A number with at most `digits` decimals (grouped thousands). */
  num(x: number | null | undefined, digits?: number): string;
  /** A number with exactly `digits` decimals. */
  fixed(x: number | null | undefined, digits: number): string;
  /** A share 0..1 as a percentage. */
  pct(x: number | null | undefined, digits?: number): string;
  /** Relative change from b to a, signed ('+52%', '−12%'); '–' when undefined. */
  change(a: number, b: number | null): string;
  /** 'June 2019' / '2019 m. birželis'. */
  month(label: string): string;
  /** 'Jun 2019' / '2019 birž.'. */
  monthShort(label: string): string;
  /** '2019-06-30' from an ISO timestamp (date part), as is. */
  date(iso: string): string;
}

export const DASH = '–';

export function formatter(lang: Lang): Formatter {
  const locale = lang === 'lt' ? 'lt-LT' : 'en-GB';
  const nf = new Map<number, Intl.NumberFormat>();
  const numFmt = (d: number) => {
    let f = nf.get(d);
    if (!f) nf.set(d, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: d, minimumFractionDigits: 0 })));
    return f;
  };
  const pctFmt = (d: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: d, minimumFractionDigits: 0 });
  const signed = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' });
  return {
    lang,
    num: (x, digits = 0) => (x === null || x === undefined || !Number.isFinite(x) ? DASH : numFmt(digits).format(x)),
    fixed: (x, digits) => (x === null || x === undefined || !Number.isFinite(x) ? DASH : new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(x)),
    pct: (x, digits = 0) => (x === null || x === undefined || !Number.isFinite(x) ? DASH : pctFmt(digits).format(x)),
    change: (a, b) => {
      if (b === null || !Number.isFinite(b)) return DASH;
      if (b === 0) return a === 0 ? signed.format(0) : DASH;
      return signed.format((a - b) / b);
    },
    month: (label) => {
      const { year, month } = yearMonth(parseMonth(label));
      return lang === 'lt' ? `${year} m. ${MONTHS.lt[month - 1]}` : `${MONTHS.en[month - 1]} ${year}`;
    },
    monthShort: (label) => {
      const { year, month } = yearMonth(parseMonth(label));
      return lang === 'lt' ? `${year} ${MONTHS_SHORT.lt[month - 1]}` : `${MONTHS_SHORT.en[month - 1]} ${year}`;
    },
    date: (iso) => iso.slice(0, 10),
  };
}
