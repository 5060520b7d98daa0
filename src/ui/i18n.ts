/**
 * The interface in English and Lithuanian: message catalogues, `{name}` placeholders, and
 * numbers, months and weekdays through Intl in the chosen locale. The choice is kept in
 * localStorage; the first visit follows the browser's language.
 */
export type Locale = 'en' | 'lt';
export const LOCALES: Locale[] = ['en', 'lt'];

const en = {
  'app.title': 'Sargas — crime hot spots and patrol planning',
  'app.tagline': 'Hot-spot workspace',
  'lang.label': 'Language',
  'import.label': 'Import incidents',
  'import.cancel': 'Cancel import',
  'import.progressLabel': 'Import progress',
  'import.region': 'Import',
  'controls.region': 'Filters, methods and layers',
  'charts.region': 'Charts and top hot spots',
  'filters.heading': 'Filters',
  'filters.from': 'From month',
  'filters.to': 'To month',
  'filters.categories': 'Categories',
  'filters.days': 'Days of week',
  'filters.hours': 'Hours of day',
  'filters.hourFrom': 'From hour',
  'filters.hourTo': 'To hour',
  'filters.timesUnknown': 'These data give no time of day: the day and hour filters are off.',
  'params.heading': 'Method parameters',
  'params.cell': 'Cell size (m)',
  'params.bandwidth': 'KDE bandwidth (m)',
  'params.kernel': 'KDE kernel',
  'params.band': 'Gi* distance band (m)',
  'params.fdr': 'FDR correction (Benjamini–Hochberg)',
  'params.reset': 'Reset to defaults',
  'params.invalid': 'Enter a number above 0, or leave empty for the default.',
  'params.used': 'Used: {value}',
  'kernel.quartic': 'quartic',
  'kernel.epanechnikov': 'Epanechnikov',
  'kernel.gaussian': 'Gaussian',
  'kernel.default': 'default (quartic)',
  'reason.given': 'set by you',
  'reason.none': '',
  'reason.cell.default': 'default: shorter side of the data extent ({shorter} m) / 250, rounded',
  'reason.bandwidth.silverman': 'default: Silverman’s spatial rule, 0.9 · min(SD {sd} m, 1.20 · Dm {dm} m) · n^−0.2, n = {n}',
  'reason.bandwidth.undefined': 'Silverman’s rule is undefined here (no points, or all at one place): one cell',
  'reason.kernel.default': 'default: quartic, as ArcGIS Pro Kernel Density',
  'reason.band.peak': 'default: first significant peak of Moran’s I (z = {z}) at {cells} cells (Incremental Spatial Autocorrelation)',
  'reason.band.fallback': 'default: no significant peak of Moran’s I; {cells} cells, about 30 neighbours per cell',
  'reason.fdr.default': 'default: on — {cells} cells are tested at once; without it about 1 in 10 would pass the 90% level by chance',
  'kde.exact': 'KDE: exact sum of the formula',
  'kde.fast': 'KDE: binned convolution (error stated: {accuracy})',
  'layers.heading': 'Layers',
  'layer.incidents': 'Incidents',
  'layer.grid': 'Grid counts',
  'layer.kde': 'Kernel density (KDE)',
  'layer.gistar': 'Gi* hot and cold spots',
  'layer.emerging': 'Emerging hot spots',
  'layer.beats': 'Police beats and district',
  'legend.incident': 'one incident (click for details)',
  'legend.cluster': 'group: number of incidents (click to zoom)',
  'legend.merged': 'Over {limit} incidents: drawn merged per block of cells.',
  'legend.counts': 'incidents per cell ({cell} m)',
  'legend.kde': 'incidents per km², bandwidth {bandwidth} m',
  'legend.gi': 'Band {band} m{fdr}',
  'legend.gi.fdr': ', FDR-corrected',
  'legend.beat': 'police beat',
  'legend.district': 'district boundary',
  'legend.off': 'Computed when switched on.',
  'legend.emerging': 'Monthly Gi*, {steps} month(s), cells {cell} m, band {band} m',
  'legend.none': 'none in this selection',
  'emerging.fewSteps': 'Fewer than 10 months: trends rest on few steps (ArcGIS asks for at least 10).',
  'gi.3': 'Hot spot, 99% confidence',
  'gi.2': 'Hot spot, 95% confidence',
  'gi.1': 'Hot spot, 90% confidence',
  'gi.0': 'Not significant (not drawn)',
  'gi.-1': 'Cold spot, 90% confidence',
  'gi.-2': 'Cold spot, 95% confidence',
  'gi.-3': 'Cold spot, 99% confidence',
  'em.new_hot': 'New hot spot',
  'em.consecutive_hot': 'Consecutive hot spot',
  'em.intensifying_hot': 'Intensifying hot spot',
  'em.persistent_hot': 'Persistent hot spot',
  'em.diminishing_hot': 'Diminishing hot spot',
  'em.sporadic_hot': 'Sporadic hot spot',
  'em.oscillating_hot': 'Oscillating hot spot',
  'em.historical_hot': 'Historical hot spot',
  'em.new_cold': 'New cold spot',
  'em.consecutive_cold': 'Consecutive cold spot',
  'em.intensifying_cold': 'Intensifying cold spot',
  'em.persistent_cold': 'Persistent cold spot',
  'em.diminishing_cold': 'Diminishing cold spot',
  'em.sporadic_cold': 'Sporadic cold spot',
  'em.oscillating_cold': 'Oscillating cold spot',
  'em.historical_cold': 'Historical cold spot',
  'em.no_pattern': 'No pattern',
  'chart.trend': 'Monthly incidents by category',
  'chart.trend.desc': '{total} incidents from {from} to {to}.',
  'chart.other': 'other',
  'chart.heatmap': 'Day of week × hour',
  'chart.heatmap.cell': '{day} {hour}:00–{next}:00: {n}',
  'chart.timesUnknown': 'Times unknown: these data give only the month or the date, so no hours are shown.',
  'chart.partUnknown': 'Time of day unknown for {n} of {total} incidents; they are left out of this chart.',
  'chart.top': 'Top 10 hot spots',
  'top.caption': 'Cells with the most incidents in the selection. “Last month” is {month}, compared with the month before. Choose a row to show the cell on the map.',
  'top.rank': '#',
  'top.cell': 'Cell',
  'top.beat': 'Beat / area',
  'top.noPrevious': 'No data for the month before',
  'top.street': 'Street',
  'top.count': 'Incidents',
  'top.change': 'Last month (change)',
  'top.gi': 'Gi*',
  'top.show': 'Show cell {cell} on the map',
  'top.none': 'No incidents in this selection.',
  'status.analysing': 'Analysing {n} incidents…',
  'status.loading': 'Preparing the analysis…',
  'status.done': '{selected} of {total} incidents selected; hot-spot map drawn in {ms} ms.',
  'status.failed': 'Analysis failed: {message}',
  'status.noData': 'No incidents stored yet: import a file.',
  'popup.category': 'Category',
  'popup.time': 'Time',
  'popup.place': 'Location',
  'popup.area': 'Area',
  'popup.timeUnknown': 'time of day unknown',
  'popup.merged': '{n} incidents around here, merged because there are too many to draw one by one.',
  'popup.unknown': 'not given',
  'map.label': 'Map of incidents and hot spots',
  'import.imported': 'Imported {accepted} incidents from {files} file(s){span}; rejected {rejected}{reasons}.',
  'import.stored': '{n} incidents stored{span}{rejected}{memory}.',
  'import.none': 'No incidents stored yet.',
  'import.delete': 'Delete all data',
  'top.csv': 'Download the table (CSV)',
  'import.deleteConfirm': 'Delete every imported incident, reject and import record from this browser? This cannot be undone.',
  'import.deleted': 'All data deleted from this browser ({n} incidents). Import incidents, or load the demo.',
  'import.loadDemo': 'Load the demo',
  'import.noneDeclined': 'No incidents stored. Import incidents, or load the demo.',
  'import.cancelled': 'Import cancelled; nothing of it was kept.',
  'import.failed': 'Import failed: {message}',
  'import.progress': 'Importing {file} ({i} of {n}): {phase}…',
  'import.starting': 'Starting the database…',
  'import.dbFailed': 'The database could not start: {message}',
  'report.heading': 'Monthly report',
  'report.month': 'Report month',
  'report.build': 'Build report',
  'report.hint': 'All categories, the method parameters set above (report defaults elsewhere), in the language of this page. Saved as one self-contained HTML file and opened for printing.',
  'report.building': 'Building the report for {month}…',
  'report.ready': 'Report for {month}: {n} incidents. Saved as {file}.',
  'report.noLayers': 'The streets and boundaries of the demo lie away from these data and were left out.',
  'report.failed': 'The report could not be built: {message}',
  'report.download': 'Save again',
  'report.print': 'Print',
  'report.popupBlocked': 'The browser blocked the print view: use “Print”.',
  'report.noData': 'Import incidents first.',
} as const;

export type MessageKey = keyof typeof en;

const lt: Record<MessageKey, string> = {
  'app.title': 'Sargas — nusikalstamumo židiniai ir patruliavimo planavimas',
  'app.tagline': 'Židinių analizė',
  'lang.label': 'Kalba',
  'import.label': 'Importuoti įvykius',
  'import.cancel': 'Atšaukti importą',
  'import.progressLabel': 'Importo eiga',
  'import.region': 'Importas',
  'controls.region': 'Filtrai, metodai ir sluoksniai',
  'charts.region': 'Diagramos ir didžiausi židiniai',
  'filters.heading': 'Filtrai',
  'filters.from': 'Nuo mėnesio',
  'filters.to': 'Iki mėnesio',
  'filters.categories': 'Kategorijos',
  'filters.days': 'Savaitės dienos',
  'filters.hours': 'Paros valandos',
  'filters.hourFrom': 'Nuo valandos',
  'filters.hourTo': 'Iki valandos',
  'filters.timesUnknown': 'Šiuose duomenyse nėra paros laiko: dienų ir valandų filtrai išjungti.',
  'params.heading': 'Metodų parametrai',
  'params.cell': 'Gardelės dydis (m)',
  'params.bandwidth': 'KDE juostos plotis (m)',
  'params.kernel': 'KDE branduolys',
  'params.band': 'Gi* atstumo juosta (m)',
  'params.fdr': 'FDR pataisa (Benjamini–Hochberg)',
  'params.reset': 'Atkurti numatytąsias reikšmes',
  'params.invalid': 'Įveskite skaičių, didesnį už 0, arba palikite tuščią numatytajai reikšmei.',
  'params.used': 'Naudota: {value}',
  'kernel.quartic': 'kvartinis',
  'kernel.epanechnikov': 'Epanečnikovo',
  'kernel.gaussian': 'Gauso',
  'kernel.default': 'numatytasis (kvartinis)',
  'reason.given': 'nustatėte jūs',
  'reason.none': '',
  'reason.cell.default': 'numatyta: trumpesnė duomenų aprėpties kraštinė ({shorter} m) / 250, suapvalinta',
  'reason.bandwidth.silverman': 'numatyta: Silvermano erdvinė taisyklė, 0,9 · min(SD {sd} m, 1,20 · Dm {dm} m) · n^−0,2, n = {n}',
  'reason.bandwidth.undefined': 'Silvermano taisyklė čia neapibrėžta (nėra taškų arba visi vienoje vietoje): viena gardelė',
  'reason.kernel.default': 'numatyta: kvartinis, kaip ArcGIS Pro Kernel Density',
  'reason.band.peak': 'numatyta: pirmoji reikšminga Morano I smailė (z = {z}) ties {cells} gardelėmis (prieauginė erdvinė autokoreliacija)',
  'reason.band.fallback': 'numatyta: reikšmingos Morano I smailės nėra; {cells} gardelės, apie 30 kaimynų kiekvienai gardelei',
  'reason.fdr.default': 'numatyta: įjungta — vienu metu tikrinama {cells} gardelių; be pataisos maždaug kas dešimta atsitiktinai pasiektų 90 % lygmenį',
  'kde.exact': 'KDE: tiksli formulės suma',
  'kde.fast': 'KDE: sąsūka per gardelę (paklaida: {accuracy})',
  'layers.heading': 'Sluoksniai',
  'layer.incidents': 'Įvykiai',
  'layer.grid': 'Įvykiai gardelėse',
  'layer.kde': 'Branduolio tankis (KDE)',
  'layer.gistar': 'Gi* karštieji ir šaltieji taškai',
  'layer.emerging': 'Besiformuojantys židiniai',
  'layer.beats': 'Policijos sektoriai ir rajonas',
  'legend.incident': 'vienas įvykis (spustelėkite išsamiau)',
  'legend.cluster': 'grupė: įvykių skaičius (spustelėkite priartinti)',
  'legend.merged': 'Daugiau nei {limit} įvykių: rodoma sujungus gardelių blokais.',
  'legend.counts': 'įvykių gardelėje ({cell} m)',
  'legend.kde': 'įvykių km², juostos plotis {bandwidth} m',
  'legend.gi': 'Juosta {band} m{fdr}',
  'legend.gi.fdr': ', su FDR pataisa',
  'legend.beat': 'policijos sektorius',
  'legend.district': 'rajono riba',
  'legend.off': 'Apskaičiuojama įjungus.',
  'legend.emerging': 'Mėnesinis Gi* per {steps} mėn., gardelės {cell} m, juosta {band} m',
  'legend.none': 'šioje atrankoje nėra',
  'emerging.fewSteps': 'Mažiau nei 10 mėnesių: tendencijos remiasi nedaug žingsnių (ArcGIS reikalauja bent 10).',
  'gi.3': 'Karštasis taškas, 99 % patikimumas',
  'gi.2': 'Karštasis taškas, 95 % patikimumas',
  'gi.1': 'Karštasis taškas, 90 % patikimumas',
  'gi.0': 'Nereikšminga (nerodoma)',
  'gi.-1': 'Šaltasis taškas, 90 % patikimumas',
  'gi.-2': 'Šaltasis taškas, 95 % patikimumas',
  'gi.-3': 'Šaltasis taškas, 99 % patikimumas',
  'em.new_hot': 'Naujas karštasis taškas',
  'em.consecutive_hot': 'Nuoseklus karštasis taškas',
  'em.intensifying_hot': 'Stiprėjantis karštasis taškas',
  'em.persistent_hot': 'Nuolatinis karštasis taškas',
  'em.diminishing_hot': 'Silpnėjantis karštasis taškas',
  'em.sporadic_hot': 'Pavienis karštasis taškas',
  'em.oscillating_hot': 'Svyruojantis karštasis taškas',
  'em.historical_hot': 'Buvęs karštasis taškas',
  'em.new_cold': 'Naujas šaltasis taškas',
  'em.consecutive_cold': 'Nuoseklus šaltasis taškas',
  'em.intensifying_cold': 'Stiprėjantis šaltasis taškas',
  'em.persistent_cold': 'Nuolatinis šaltasis taškas',
  'em.diminishing_cold': 'Silpnėjantis šaltasis taškas',
  'em.sporadic_cold': 'Pavienis šaltasis taškas',
  'em.oscillating_cold': 'Svyruojantis šaltasis taškas',
  'em.historical_cold': 'Buvęs šaltasis taškas',
  'em.no_pattern': 'Be dėsningumo',
  'chart.trend': 'Įvykiai per mėnesį pagal kategoriją',
  'chart.trend.desc': '{total} įvykių nuo {from} iki {to}.',
  'chart.other': 'kita',
  'chart.heatmap': 'Savaitės diena × valanda',
  'chart.heatmap.cell': '{day} {hour}:00–{next}:00: {n}',
  'chart.timesUnknown': 'Laikas nežinomas: šie duomenys nurodo tik mėnesį ar datą, todėl valandos nerodomos.',
  'chart.partUnknown': 'Paros laikas nežinomas {n} iš {total} įvykių; jie šioje diagramoje neįtraukti.',
  'chart.top': '10 didžiausių židinių',
  'top.caption': 'Gardelės, kuriose atrankoje daugiausia įvykių. „Praėjęs mėnuo“ – {month}, lyginant su ankstesniu. Pasirinkite eilutę, kad gardelė būtų parodyta žemėlapyje.',
  'top.rank': 'Nr.',
  'top.cell': 'Gardelė',
  'top.beat': 'Sektorius / teritorija',
  'top.noPrevious': 'Ankstesnio mėnesio duomenų nėra',
  'top.street': 'Gatvė',
  'top.count': 'Įvykiai',
  'top.change': 'Praėjęs mėn. (pokytis)',
  'top.gi': 'Gi*',
  'top.show': 'Rodyti gardelę {cell} žemėlapyje',
  'top.none': 'Šioje atrankoje įvykių nėra.',
  'status.analysing': 'Analizuojama {n} įvykių…',
  'status.loading': 'Ruošiama analizė…',
  'status.done': 'Pasirinkta {selected} iš {total} įvykių; židinių žemėlapis nupieštas per {ms} ms.',
  'status.failed': 'Analizė nepavyko: {message}',
  'status.noData': 'Įvykių dar nėra: importuokite failą.',
  'popup.category': 'Kategorija',
  'popup.time': 'Laikas',
  'popup.place': 'Vieta',
  'popup.area': 'Teritorija',
  'popup.timeUnknown': 'paros laikas nežinomas',
  'popup.merged': 'Čia apie {n} įvykių, sujungtų, nes jų per daug rodyti po vieną.',
  'popup.unknown': 'nenurodyta',
  'map.label': 'Įvykių ir židinių žemėlapis',
  'import.imported': 'Importuota {accepted} įvykių iš {files} failų{span}; atmesta {rejected}{reasons}.',
  'import.stored': 'Saugoma {n} įvykių{span}{rejected}{memory}.',
  'import.none': 'Įvykių dar nėra.',
  'import.delete': 'Ištrinti visus duomenis',
  'top.csv': 'Atsisiųsti lentelę (CSV)',
  'import.deleteConfirm': 'Ištrinti visus importuotus įvykius, atmestas eilutes ir importo įrašus iš šios naršyklės? To nebus galima atšaukti.',
  'import.deleted': 'Visi duomenys ištrinti iš šios naršyklės (įvykių: {n}). Importuokite įvykius arba įkelkite demonstracinius duomenis.',
  'import.loadDemo': 'Įkelti demonstracinius duomenis',
  'import.noneDeclined': 'Įvykių nėra. Importuokite įvykius arba įkelkite demonstracinius duomenis.',
  'import.cancelled': 'Importas atšauktas; nieko iš jo neišsaugota.',
  'import.failed': 'Importas nepavyko: {message}',
  'import.progress': 'Importuojamas {file} ({i} iš {n}): {phase}…',
  'import.starting': 'Paleidžiama duomenų bazė…',
  'import.dbFailed': 'Duomenų bazės paleisti nepavyko: {message}',
  'report.heading': 'Mėnesio ataskaita',
  'report.month': 'Ataskaitos mėnuo',
  'report.build': 'Sudaryti ataskaitą',
  'report.hint': 'Visos kategorijos, aukščiau nustatyti metodų parametrai (kiti – ataskaitos numatytieji), šio puslapio kalba. Išsaugoma kaip vienas savarankiškas HTML failas ir atidaroma spausdinti.',
  'report.building': 'Sudaroma ataskaita: {month}…',
  'report.ready': 'Ataskaita: {month}, {n} įvykių. Išsaugota kaip {file}.',
  'report.noLayers': 'Demonstracinių duomenų gatvės ir ribos yra toli nuo šių duomenų, todėl neįtrauktos.',
  'report.failed': 'Ataskaitos sudaryti nepavyko: {message}',
  'report.download': 'Išsaugoti dar kartą',
  'report.print': 'Spausdinti',
  'report.popupBlocked': 'Naršyklė užblokavo spausdinimo langą: spauskite „Spausdinti“.',
  'report.noData': 'Pirmiausia importuokite įvykius.',
};

const catalogues: Record<Locale, Record<MessageKey, string>> = { en, lt };

const STORAGE_KEY = 'sargas.locale';

export class I18n {
  private listeners = new Set<() => void>();
  private numberFormats = new Map<string, Intl.NumberFormat>();
  locale: Locale;

  constructor(initial?: Locale) {
    this.locale = initial ?? I18n.preferred();
  }

  /** The stored choice, else the browser's language when it is Lithuanian, else English. */
  static preferred(): Locale {
    try {
      const stored = localStorage.getItem(STORAGE_KEY);
      if (stored === 'en' || stored === 'lt') return stored;
    } catch { /* storage may be off */ }
    return navigator.language?.toLowerCase().startsWith('lt') ? 'lt' : 'en';
  }

  set(locale: Locale): void {
    if (locale === this.locale) return;
    this.locale = locale;
    try { localStorage.setItem(STORAGE_KEY, locale); } catch { /* not kept */ }
    document.documentElement.lang = locale;
    for (const f of this.listeners) f();
  }

  /** Call `f` now and after every change of language. */
  watch(f: () => void): void {
    this.listeners.add(f);
    f();
  }

  /** The message `key` with `{name}` placeholders filled (numbers formatted for the locale). */
  t(key: MessageKey, vars: Record<string, string | number> = {}): string {
    return catalogues[this.locale][key].replace(/\{(\w+)\}/g, (_, name: string) => {
      const v = vars[name];
      return v === undefined ? `{${name}}` : typeof v === 'number' ? this.n(v) : v;
    });
  }

  /** Does the catalogue have this key (keys built at run time, e.g. reasons)? */
  has(key: string): key is MessageKey {
    return key in en;
  }

  /** A number in the locale (at most `digits` decimals). */
  n(x: number, digits = 2): string {
    const k = `${this.locale}:${digits}`;
    let f = this.numberFormats.get(k);
    if (!f) {
      f = new Intl.NumberFormat(this.locale, { maximumFractionDigits: digits });
      this.numberFormats.set(k, f);
    }
    return f.format(x);
  }

  /** A month index (months since 1970-01) as e.g. "Dec 2019" / "2019 m. gruod." */
  month(index: number, style: 'short' | 'long' = 'short'): string {
    const d = new Date(Date.UTC(1970 + Math.floor(index / 12), index % 12, 1));
    return new Intl.DateTimeFormat(this.locale, { year: 'numeric', month: style, timeZone: 'UTC' }).format(d);
  }

  /** Short weekday names, Monday first. */
  weekdays(): string[] {
    const f = new Intl.DateTimeFormat(this.locale, { weekday: 'short', timeZone: 'UTC' });
    // 2024-01-01 was a Monday.
    return Array.from({ length: 7 }, (_, k) => f.format(new Date(Date.UTC(2024, 0, 1 + k))));
  }

  /** A local date-time 'YYYY-MM-DDTHH:MM' as the locale writes it, with or without the time. */
  dateTime(iso: string, withTime: boolean): string {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
    if (!m) return iso;
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]));
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', ...(withTime ? { timeStyle: 'short' } : {}), timeZone: 'UTC' }).format(d);
  }
}
